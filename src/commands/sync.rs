//! `disclose sync`: fetch the team's changes, merge them case by case, push.

use crate::app::context::Ctx;
use crate::commands::common::sync_report;
use crate::error::Result;
use crate::store::{PUSH_ATTEMPTS, SyncOptions};

/// Fetch, merge and push the team's changes
///
/// Talks only to the remote recorded in the store (`disclose remote`).
/// Concurrent edits are merged by the tool, case by case, never as text: a
/// case changed on one side is taken; a case changed on both sides gets the
/// events of both, so every edit survives (where both set the same field,
/// the later event wins and sync says so); policy.json merges key by key and
/// a real conflict stops the sync with nothing changed. Two different cases
/// created under the same ID are told apart: the local one, not yet pushed,
/// gets a new ID and keeps the old one as an alias. The result is a merge
/// commit with both parents. A push rejected because someone pushed
/// meanwhile is retried. With the remote unreachable, local work is kept.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose sync\n  \
    disclose sync --no-push   # merge the team's changes, push later")]
pub struct SyncArgs {
    /// Fetch and merge only; leave local changes unpushed
    #[arg(long)]
    pub no_push: bool,
}

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<()> {
    let store = ctx.store()?;
    share_templates(ctx, &store)?;
    let who = ctx.identity_for(Some(&store))?;
    let opts = SyncOptions {
        push: !args.no_push,
        attempts: PUSH_ATTEMPTS,
    };
    let report = store.sync(&who, ctx.now(), opts, &mut |_| {})?;
    if ctx.ui.json() {
        ctx.ui.print_json(&report)?;
    }
    sync_report::tell(ctx, &report);
    if args.no_push
        && let Some(u) = store.unpushed()?.filter(|u| u.commits > 0)
    {
        ctx.ui.status(&sync_report::unpushed_line(u.commits));
    }
    Ok(())
}

/// Commits the reply templates added or edited by hand under `templates/`,
/// so the sync shares them with the team.
fn share_templates(ctx: &Ctx, store: &crate::store::Store) -> Result<()> {
    let templates = store.unshared_templates()?;
    if templates.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = templates
        .iter()
        .map(|(rel, _)| rel.rsplit('/').next().unwrap_or(rel).to_owned())
        .collect();
    ctx.transact(store, |tx, _| {
        for (rel, bytes) in templates {
            tx.write_file(&rel, bytes);
        }
        tx.set_message(format!("templates: share {}", names.join(", ")));
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "Committed the reply template{} {} to share {}.",
        if names.len() == 1 { "" } else { "s" },
        names.join(", "),
        if names.len() == 1 { "it" } else { "them" }
    ));
    Ok(())
}
