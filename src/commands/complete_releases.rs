//! `disclose __complete-releases`: maintained release names for the shell
//! completion scripts.

use crate::app::context::Ctx;
use crate::error::Result;

/// Print the names of the policy's maintained releases, for shell completion
///
/// Hidden: the completion scripts call it where a release name goes
/// (`fix --release`, `release ID RELEASE`). Like `__complete-ids` it never
/// fails: with no store, or one it cannot read, it prints nothing.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose __complete-releases 1.")]
pub struct CompleteReleasesArgs {
    /// Only names that start with this
    #[arg(default_value = "", allow_hyphen_values = true)]
    pub prefix: String,
}

pub fn run(ctx: &Ctx, args: &CompleteReleasesArgs) -> Result<()> {
    let Ok(Some(store)) = ctx.existing_store() else {
        return Ok(());
    };
    let text: String = store
        .policy()
        .maintained_releases
        .iter()
        .filter(|r| r.name.starts_with(&args.prefix))
        .map(|r| format!("{}\n", r.name))
        .collect();
    // A closed pipe is no reason to complain here either.
    let _ = ctx.ui.print(&text);
    Ok(())
}
