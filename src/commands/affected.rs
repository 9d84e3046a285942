//! `disclose affected`: which packages and versions a case affects.

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::model::case::{AffectedChange, Case, RangeType};
use crate::model::id::CaseRef;
use crate::model::policy::{Package, Policy};
use crate::model::ranges;
use crate::model::version::{Scheme, check_ecosystem};

/// What the bounds of a range are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TypeArg {
    /// Versions, in the package's ecosystem's scheme (OSV SEMVER or ECOSYSTEM, as the ecosystem says)
    #[value(alias = "semver", alias = "ecosystem")]
    Version,
    /// Full git commit hashes (OSV GIT)
    Git,
}

/// Record (or remove) affected packages, ranges and versions
///
/// Stored in OSV's shape (`ranges[].events`), so exports are lossless. A
/// requirement string such as ">=1.0.0, <1.4.2" or "<2.3.1" becomes events;
/// `--introduced 0` means every version before the fix. Versions follow the
/// package's ecosystem: SemVer for crates.io, npm, Hex and Pub; Go module
/// versions (v prefix, pseudo-versions); PEP 440 for PyPI; Maven; RubyGems;
/// NuGet; Composer for Packagist. Other ecosystems' versions are kept as
/// given and never compared. The ecosystem must be one of OSV's names.
/// An empty range, or one overlapping a recorded range of the same package,
/// is refused. GIT ranges take full commit hashes and the repository they
/// are in (--repo, else the policy's `repository`).
///
/// Each maintained release whose range meets an affected range becomes
/// `affected` in the fix matrix (the others `not-affected`), unless it was
/// decided by hand with `disclose release` or has a fix.
#[derive(Debug, clap::Args)]
// `--version` here is the affected or fixed version, not the tool's.
#[command(disable_version_flag = true)]
#[command(after_help = "Examples:\n  \
    disclose affected K7Q --range '>=1.0.0, <1.4.2'\n  \
    disclose affected K7Q --package poet-js --ecosystem npm --introduced 2.0.0 --fixed 2.3.1\n  \
    disclose affected K7Q --package poet --ecosystem PyPI --range '>=4.0, <4.5.2.post1'\n  \
    disclose affected K7Q --package golang.org/x/net --ecosystem Go --introduced 0 --fixed v0.0.0-20220906165146-f3363e06e74c\n  \
    disclose affected K7Q --package libpoet --ecosystem ConanCenter --type git --repo https://git.example.org/libpoet --introduced 0 --fixed 3f2a...(40 hex digits)\n  \
    disclose affected K7Q --range '>=1.0.0, <1.4.2' --remove")]
pub struct AffectedArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Package name, or ECOSYSTEM/NAME (default: the policy's default_package)
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
    /// Package ecosystem as OSV names it, e.g. crates.io, npm, PyPI, Go, Maven
    #[arg(long, value_name = "ECO")]
    pub ecosystem: Option<String>,
    /// A requirement in the ecosystem's versions, e.g. ">=1.0.0, <1.4.2"
    #[arg(long, value_name = "REQ", conflicts_with_all = ["introduced", "version"])]
    pub range: Option<String>,
    /// First affected version or commit (0: every version before)
    #[arg(long, value_name = "V", conflicts_with = "version")]
    pub introduced: Option<String>,
    /// First fixed version or commit (with --introduced)
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
    /// What the bounds are: versions, or git commits
    #[arg(
        long = "type",
        value_enum,
        value_name = "TYPE",
        default_value = "version"
    )]
    pub kind: TypeArg,
    /// The repository a GIT range's commits are in (default: the policy's repository)
    #[arg(long, value_name = "URL")]
    pub repo: Option<String>,
    /// Remove the given ranges or versions (or, with none, the whole package)
    #[arg(long)]
    pub remove: bool,
}

fn package(args: &AffectedArgs, case: &Case, policy: &Policy) -> Result<Package> {
    let default = policy.default_package.as_ref();
    // `ECOSYSTEM/NAME`, as the policy's default_package and `fix --package`
    // write it, when the part before the first slash is an OSV ecosystem
    // (Go module paths and npm scopes hold slashes too, and never start so).
    let typed = args.package.as_deref().map(str::trim);
    let split = typed
        .filter(|_| args.ecosystem.is_none())
        .and_then(|p| p.split_once('/'))
        .filter(|(_, name)| !name.is_empty());
    if let Some((eco, _)) = split
        && check_ecosystem(eco).is_err()
        && let Some(near) = crate::model::version::suggest_ecosystem(eco)
    {
        return Err(Error::input(format!(
            "--package {}: {eco} is not an ecosystem OSV knows; did you mean {near}?",
            typed.unwrap_or_default()
        )));
    }
    if let Some((eco, name)) = split.filter(|(eco, _)| check_ecosystem(eco).is_ok()) {
        return checked(
            args,
            case,
            Package {
                ecosystem: eco.to_owned(),
                name: name.to_owned(),
            },
        );
    }
    let name = match (typed, default) {
        (Some(name), _) => name.to_owned(),
        (None, Some(p)) => p.name.clone(),
        (None, None) => {
            return Err(
                Error::input("missing --package (the policy has no default_package)").with_hint(
                    "pass --package NAME --ecosystem ECO, or set default_package in policy.json",
                ),
            );
        }
    };
    // Without --ecosystem: the recorded package of that name, else the default's.
    let recorded = case
        .affected
        .iter()
        .find(|a| a.package.name == name)
        .map(|a| a.package.ecosystem.clone());
    let ecosystem = match (&args.ecosystem, recorded, default) {
        (Some(eco), _, _) => eco.trim().to_owned(),
        (None, Some(eco), _) => eco,
        (None, None, Some(p)) => p.ecosystem.clone(),
        (None, None, None) => {
            return Err(Error::input(format!(
                "missing --ecosystem for package {name}"
            ))
            .with_hint(format!(
                "pass --ecosystem ECO (one of OSV's: crates.io, npm, PyPI, Go, Maven, ...), or write ECO/{name}"
            )));
        }
    };
    if name.is_empty() || ecosystem.is_empty() {
        return Err(Error::input("--package and --ecosystem must not be empty"));
    }
    checked(args, case, Package { ecosystem, name })
}

fn checked(args: &AffectedArgs, case: &Case, package: Package) -> Result<Package> {
    // A package already recorded under a name OSV does not know can still
    // be removed, so a case from before the check can be put right.
    let recorded_as_is = args.remove && case.affected.iter().any(|a| a.package == package);
    if !recorded_as_is {
        check_ecosystem(&package.ecosystem)
            .map_err(|e| Error::input(format!("--ecosystem {e}")))?;
    }
    Ok(package)
}

fn repo(args: &AffectedArgs) -> Result<Option<String>> {
    let Some(url) = args.repo.as_deref().map(str::trim) else {
        return Ok(None);
    };
    if args.kind != TypeArg::Git {
        return Err(Error::input("--repo is for GIT ranges: add --type git"));
    }
    let ok = ["https://", "http://", "git://", "ssh://"]
        .iter()
        .any(|s| url.strip_prefix(s).is_some_and(|r| !r.is_empty()))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !ok {
        return Err(Error::input(format!(
            "--repo {url:?}: expected the repository's URL, e.g. https://github.com/OWNER/REPO"
        )));
    }
    Ok(Some(url.trim_end_matches('/').to_owned()))
}

fn change(args: &AffectedArgs, case: &Case, policy: &Policy) -> Result<AffectedChange> {
    let git = args.kind == TypeArg::Git;
    let package = package(args, case, policy)?;
    let scheme = Scheme::of(&package.ecosystem);
    let bad = |flag: &str, e: ranges::RangeError| Error::input(format!("{flag}: {e}"));
    let repo = repo(args)?;
    let mut ranges_ = Vec::new();
    if let Some(req) = &args.range {
        if git {
            return Err(Error::input(
                "--range takes versions; for --type git use --introduced and --fixed with commits",
            ));
        }
        ranges_.push(ranges::parse_requirement(req, scheme).map_err(|e| bad("--range", e))?);
    }
    if let Some(introduced) = &args.introduced {
        let mut range = ranges::from_bounds(
            scheme,
            git,
            Some(introduced),
            args.fixed.as_deref(),
            args.last_affected.as_deref(),
        )
        .map_err(|e| bad("--introduced/--fixed", e))?;
        range.repo.clone_from(&repo);
        ranges_.push(range);
    }
    if git && !args.remove && repo.is_none() && policy.repository.is_none() {
        return Err(Error::input(
            "a GIT range needs the repository its commits are in: pass --repo URL",
        )
        .with_hint("or set the project's repository with `disclose policy set repository URL`"));
    }
    let mut versions = Vec::new();
    for v in &args.version {
        let kind = if git {
            RangeType::Git
        } else {
            ranges::versions_type(scheme)
        };
        ranges::check_version(scheme, kind, v).map_err(|e| bad("--version", e))?;
        versions.push(match ranges::version(scheme, v).ok().flatten() {
            Some(parsed) if !git => parsed.as_str().to_owned(),
            _ => v.trim().to_owned(),
        });
    }
    Ok(AffectedChange {
        package,
        ranges: ranges_,
        versions,
    })
}

pub fn run(ctx: &Ctx, args: &AffectedArgs) -> Result<()> {
    let mut was = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        was = Some(case.state);
        let change = change(args, case, cx.policy)?;
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
    // The matrix was just listed; only a move between confirmed and fixed is news.
    if was != Some(case.state) {
        crate::commands::common::matrix::report_state(ctx, was, &case);
    }
    ctx.changed(&store, &case)
}
