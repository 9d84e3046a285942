//! `disclose fix`: link a fix to a maintained release.

use crate::app::context::Ctx;
use crate::commands::common::matrix;
use crate::error::{Error, Result};
use crate::model::case::FixChange;
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

/// Link a fix (commits, PR, released version) to a maintained release
///
/// Each affected package has its own fix on each affected release: --package
/// names it (optional when the case affects one package). Without --version
/// the fix is prepared; with it, released: the version is the package's, in
/// its ecosystem's scheme, and must fall inside the release's range. Repeat
/// to add commits or record the release later; --remove takes a fix back.
/// A fix on a release decided not-affected, wont-fix or eol is refused.
///
/// When every affected release has a released fix for every affected
/// package (or a wont-fix/eol decision), a confirmed case moves to `fixed`;
/// when that stops being true, it moves back to `confirmed`.
#[derive(Debug, clap::Args)]
// `--version` here is the affected or fixed version, not the tool's.
#[command(disable_version_flag = true)]
#[command(after_help = "Examples:\n  \
    disclose fix K7Q --release 1.4 --commit 3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49 --pr https://github.com/o/r/pull/812\n  \
    disclose fix K7Q --release 1.4 --version 1.4.2 --released 2026-03-20T10:00:00Z\n  \
    disclose fix K7Q --release 1.4 --package poet-cli --version 1.4.9\n  \
    disclose fix K7Q --release 4.3 --remove   # linked by mistake")]
pub struct FixArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Maintained release the fix is for, as in the policy
    #[arg(long, value_name = "RELEASE")]
    pub release: String,
    /// The affected package the fix is for (NAME or ECOSYSTEM/NAME; optional with one package)
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
    /// A fix commit (full hash); repeat for several
    #[arg(long = "commit", value_name = "SHA", conflicts_with = "remove")]
    pub commits: Vec<String>,
    /// The pull or merge request, a URL or #number
    #[arg(long, value_name = "URL", conflicts_with = "remove")]
    pub pr: Option<String>,
    /// The released version of the package that contains the fix
    #[arg(long, value_name = "V", conflicts_with = "remove")]
    pub version: Option<String>,
    /// When that version was released (RFC 3339; default: now)
    #[arg(long, value_name = "TIME", conflicts_with = "remove")]
    pub released: Option<Timestamp>,
    /// Take back the package's fix on the release (one linked by mistake)
    #[arg(long)]
    pub remove: bool,
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
    let release = args.release.trim().to_owned();
    let mut was = None;
    let mut package = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        was = Some(case.state);
        if args.remove {
            let event =
                case.unlink_fix(&release, args.package.as_deref(), cx.policy, cx.stamp())?;
            if let crate::model::case::EventKind::FixRemoved { package: p, .. } = &event.kind {
                package.clone_from(p);
            }
            return Ok(());
        }
        let fix = FixChange {
            release: release.clone(),
            package: match &args.package {
                Some(named) => Some(case.fix_package(Some(named), cx.policy)?),
                None => None,
            },
            commits: args
                .commits
                .iter()
                .map(|c| c.trim().to_ascii_lowercase())
                .collect(),
            pr: args.pr.as_deref().map(pr).transpose()?,
            version: args.version.as_ref().map(|v| v.trim().to_owned()),
            released_at: args.released.map(|t| t.0),
        };
        let event = case.link_fix(fix, cx.policy, cx.stamp())?;
        if let crate::model::case::EventKind::FixLinked { package: p, .. } = &event.kind {
            package.clone_from(p);
        }
        Ok(())
    })?;
    let of = package
        .as_ref()
        .filter(|_| case.affected.len() > 1)
        .map(|p| format!(" of {}", p.name))
        .unwrap_or_default();
    let what = match (&args.version, args.remove) {
        (_, true) => "removed".to_owned(),
        (Some(v), false) => format!("released in {v}"),
        (None, false) => "prepared".to_owned(),
    };
    ctx.ui
        .status(&format!("{}: fix{of} for {release} {what}", case.id));
    matrix::report_state(ctx, was, &case);
    ctx.changed(&store, &case)
}
