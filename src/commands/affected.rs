//! `disclose affected`: which packages and versions a case affects.

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::model::case::{AffectedChange, RangeType};
use crate::model::id::CaseRef;
use crate::model::policy::{Package, Policy};
use crate::model::ranges;

/// How versions of a range are compared (OSV range types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TypeArg {
    /// SemVer 2.0 versions, checked and ordered
    Semver,
    /// The ecosystem's own version strings, stored as given
    Ecosystem,
    /// Full git commit hashes
    Git,
}

/// Record (or remove) affected packages, ranges and versions
///
/// Stored in OSV's shape (`ranges[].events`), so exports are lossless. A
/// requirement string such as ">=1.0.0, <1.4.2" or "<2.3.1" becomes events;
/// `--introduced 0` means every version before the fix. SEMVER versions are
/// checked; an empty range or one overlapping a recorded range of the same
/// package is refused. GIT ranges take full commit hashes.
///
/// Each maintained release whose range meets an affected range becomes
/// `affected` in the fix matrix (the others `not-affected`), unless it was
/// decided by hand with `disclose release`.
#[derive(Debug, clap::Args)]
// `--version` here is the affected or fixed version, not the tool's.
#[command(disable_version_flag = true)]
#[command(after_help = "Examples:\n  \
    disclose affected K7Q --range '>=1.0.0, <1.4.2'\n  \
    disclose affected K7Q --package poet-cli --ecosystem npm --introduced 2.0.0 --fixed 2.3.1\n  \
    disclose affected K7Q --type git --introduced 0 --fixed 3f2a...(40 hex digits)\n  \
    disclose affected K7Q --range '>=1.0.0, <1.4.2' --remove")]
pub struct AffectedArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Package name (default: the policy's default_package)
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
    /// Package ecosystem as OSV names it, e.g. crates.io, npm, PyPI, Go
    #[arg(long, value_name = "ECO")]
    pub ecosystem: Option<String>,
    /// A SemVer requirement, e.g. ">=1.0.0, <1.4.2"
    #[arg(long, value_name = "REQ", conflicts_with_all = ["introduced", "version"])]
    pub range: Option<String>,
    /// First affected version (0: every version before)
    #[arg(long, value_name = "V", conflicts_with = "version")]
    pub introduced: Option<String>,
    /// First fixed version (with --introduced)
    #[arg(
        long,
        value_name = "V",
        requires = "introduced",
        conflicts_with = "last_affected"
    )]
    pub fixed: Option<String>,
    /// Last affected version, when no fix exists (with --introduced)
    #[arg(long, value_name = "V", requires = "introduced")]
    pub last_affected: Option<String>,
    /// Individual affected versions
    #[arg(long = "version", value_name = "V", num_args = 1..)]
    pub version: Vec<String>,
    /// Version scheme of the range
    #[arg(
        long = "type",
        value_enum,
        value_name = "TYPE",
        default_value = "semver"
    )]
    pub kind: TypeArg,
    /// Remove the given ranges or versions (or, with none, the whole package)
    #[arg(long)]
    pub remove: bool,
}

fn package(args: &AffectedArgs, policy: &Policy) -> Result<Package> {
    let default = policy.default_package.as_ref();
    let name = match (&args.package, default) {
        (Some(name), _) => name.trim().to_owned(),
        (None, Some(p)) => p.name.clone(),
        (None, None) => {
            return Err(
                Error::input("missing --package (the policy has no default_package)").with_hint(
                    "pass --package NAME --ecosystem ECO, or set default_package in policy.json",
                ),
            );
        }
    };
    let ecosystem = match (&args.ecosystem, default) {
        (Some(eco), _) => eco.trim().to_owned(),
        (None, Some(p)) => p.ecosystem.clone(),
        (None, None) => {
            return Err(Error::input(format!(
                "missing --ecosystem for package {name}"
            )));
        }
    };
    if name.is_empty() || ecosystem.is_empty() {
        return Err(Error::input("--package and --ecosystem must not be empty"));
    }
    Ok(Package { ecosystem, name })
}

fn change(args: &AffectedArgs, policy: &Policy) -> Result<AffectedChange> {
    let kind = match args.kind {
        TypeArg::Semver => RangeType::Semver,
        TypeArg::Ecosystem => RangeType::Ecosystem,
        TypeArg::Git => RangeType::Git,
    };
    let bad = |flag: &str, e: ranges::RangeError| Error::input(format!("{flag}: {e}"));
    let mut ranges_ = Vec::new();
    if let Some(req) = &args.range {
        if kind != RangeType::Semver {
            return Err(Error::input(
                "--range takes a SemVer requirement; for --type ecosystem or git use --introduced and --fixed",
            ));
        }
        ranges_.push(ranges::parse_requirement(req).map_err(|e| bad("--range", e))?);
    }
    if let Some(introduced) = &args.introduced {
        let range = ranges::from_bounds(
            kind,
            Some(introduced),
            args.fixed.as_deref(),
            args.last_affected.as_deref(),
        )
        .map_err(|e| bad("--introduced/--fixed", e))?;
        ranges_.push(range);
    }
    for v in &args.version {
        ranges::check_version(kind, v).map_err(|e| bad("--version", e))?;
    }
    Ok(AffectedChange {
        package: package(args, policy)?,
        ranges: ranges_,
        versions: args.version.iter().map(|v| v.trim().to_owned()).collect(),
    })
}

pub fn run(ctx: &Ctx, args: &AffectedArgs) -> Result<()> {
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        let change = change(args, cx.policy)?;
        let stamp = cx.stamp();
        if args.remove {
            case.remove_affected(change, cx.policy, stamp)?;
        } else {
            case.add_affected(change, cx.policy, stamp)?;
        }
        Ok(())
    })?;
    let verb = if args.remove { "Updated" } else { "Recorded" };
    ctx.ui
        .status(&format!("{verb} affected versions of {}", case.id));
    for line in case.matrix_words() {
        ctx.ui.status(&format!("  {line}"));
    }
    ctx.changed(&store, &case)
}
