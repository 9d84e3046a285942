//! `disclose fix`: link a fix to a maintained release.

use crate::app::context::Ctx;
use crate::commands::common::matrix;
use crate::error::{Error, Result};
use crate::model::case::FixChange;
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

/// Link a fix (commits, PR, released version) to a maintained release
///
/// Without --version the fix is prepared; with it, released (the version
/// must fall inside the release's range). Repeat to add commits or record
/// the release later. When every affected release has a released fix (or a
/// wont-fix/eol decision), a confirmed case moves to `fixed`.
#[derive(Debug, clap::Args)]
// `--version` here is the affected or fixed version, not the tool's.
#[command(disable_version_flag = true)]
#[command(after_help = "Examples:\n  \
    disclose fix K7Q --release 1.4 --commit 3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49 --pr https://github.com/o/r/pull/812\n  \
    disclose fix K7Q --release 1.4 --version 1.4.2 --released 2026-03-20T10:00:00Z")]
pub struct FixArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Maintained release the fix is for, as in the policy
    #[arg(long, value_name = "RELEASE")]
    pub release: String,
    /// A fix commit (full hash); repeat for several
    #[arg(long = "commit", value_name = "SHA")]
    pub commits: Vec<String>,
    /// The pull or merge request, a URL or #number
    #[arg(long, value_name = "URL")]
    pub pr: Option<String>,
    /// The released version that contains the fix
    #[arg(long, value_name = "V")]
    pub version: Option<String>,
    /// When that version was released (RFC 3339; default: now)
    #[arg(long, value_name = "TIME")]
    pub released: Option<Timestamp>,
}

fn pr(value: &str) -> Result<String> {
    let v = value.trim();
    let number = v.strip_prefix('#').unwrap_or(v);
    if !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
        return Ok(format!("#{number}"));
    }
    if (v.starts_with("https://") || v.starts_with("http://")) && !v.contains(char::is_whitespace) {
        return Ok(v.to_owned());
    }
    Err(Error::input(format!(
        "--pr {value:?}: expected a URL or #number"
    )))
}

pub fn run(ctx: &Ctx, args: &FixArgs) -> Result<()> {
    let fix = FixChange {
        release: args.release.trim().to_owned(),
        commits: args
            .commits
            .iter()
            .map(|c| c.trim().to_ascii_lowercase())
            .collect(),
        pr: args.pr.as_deref().map(pr).transpose()?,
        version: args.version.as_ref().map(|v| v.trim().to_owned()),
        released_at: args.released.map(|t| t.0),
    };
    let mut was = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        was = Some(case.state);
        case.link_fix(fix, cx.policy, cx.stamp())?;
        Ok(())
    })?;
    let what = match &args.version {
        Some(v) => format!("released in {v}"),
        None => "prepared".to_owned(),
    };
    ctx.ui
        .status(&format!("{}: fix for {} {what}", case.id, args.release));
    matrix::report_fixed(ctx, was, &case);
    ctx.changed(&store, &case)
}
