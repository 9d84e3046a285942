//! `disclose policy release add|remove`: the maintained release lines.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::policy::MaintainedRelease;

/// Add or remove a maintained release
///
/// Maintained releases are the release lines that receive security fixes.
/// Each case holds a decision per maintained release (the fix matrix), and
/// the rendered SECURITY.md lists them as the supported versions. A range is
/// a requirement such as ">=1.4.0, <1.5.0", "1.4.*" or "^1.4", read in the
/// version scheme of each affected package (PEP 440 for PyPI, Maven's for
/// Maven, ...).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy release add 1.4 --range '>=1.4.0, <1.5.0'\n  \
    disclose policy release remove 1.3")]
pub struct ReleaseArgs {
    #[command(subcommand)]
    pub action: ReleaseCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ReleaseCommand {
    Add(ReleaseAddArgs),
    Remove(ReleaseRemoveArgs),
}

/// Add a maintained release
///
/// The name must be new; the range is comparators with versions
/// (">=4.5, <4.6"), a wildcard ("1.4.*") or a caret or tilde requirement.
/// New cases get a fix-matrix entry for it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy release add 1.4 --range '>=1.4.0, <1.5.0'\n  \
    disclose policy release add 2.x --range '>=2.0.0'\n  \
    disclose policy release add 4.5 --range '>=4.5, <4.6'   # PyPI: 4.5.2.post1 is in it")]
pub struct ReleaseAddArgs {
    /// Name of the release line, e.g. 1.4 or 2.x
    pub name: String,
    /// Versions of the release line, e.g. ">=1.4.0, <1.5.0" or "1.4.*"
    #[arg(long, value_name = "REQ")]
    pub range: String,
}

/// Stop maintaining a release
///
/// Removes the release from the policy; cases that already decided about it
/// keep their decision.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose policy release remove 1.3")]
pub struct ReleaseRemoveArgs {
    /// Name of the release line to remove
    #[arg(value_name = "RELEASE")]
    pub release: String,
}

pub(super) fn run(ctx: &Ctx, release: &ReleaseArgs) -> Result<()> {
    match &release.action {
        ReleaseCommand::Add(add) => {
            let new = MaintainedRelease::new(&add.name, &add.range)?;
            super::edit(ctx, |policy| {
                let message = format!("policy: add release {}", new.name);
                policy.add_release(new)?;
                Ok(Some(message))
            })
        }
        ReleaseCommand::Remove(remove) => super::edit(ctx, |policy| {
            let gone = policy.remove_release(&remove.release)?;
            Ok(Some(format!("policy: remove release {}", gone.name)))
        }),
    }
}
