//! `disclose __complete-ids`: case IDs for the shell completion scripts.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::id::CaseId;

/// Print the IDs of the store's cases, for shell completion
///
/// Hidden: the completion scripts call it. It never fails: with no store, or
/// a store it cannot read, it prints nothing and exits 0, since an error
/// message would land in the middle of the user's command line.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose __complete-ids K7")]
pub struct CompleteIdsArgs {
    /// Only IDs that start with this, or whose random part does
    #[arg(default_value = "", allow_hyphen_values = true)]
    pub prefix: String,
}

pub fn run(ctx: &Ctx, args: &CompleteIdsArgs) -> Result<()> {
    let Ok(Some(store)) = ctx.existing_store() else {
        return Ok(());
    };
    let Ok((ids, _)) = store.case_ids() else {
        return Ok(());
    };
    let text: String = ids
        .iter()
        .filter(|id| matches(id, &args.prefix))
        .map(|id| format!("{id}\n"))
        .collect();
    // A closed pipe is no reason to complain here either.
    let _ = ctx.ui.print(&text);
    Ok(())
}

fn matches(id: &CaseId, prefix: &str) -> bool {
    let prefix = prefix.to_ascii_uppercase();
    id.as_str().starts_with(&prefix) || id.random_part().starts_with(&prefix)
}
