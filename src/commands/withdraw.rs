//! `disclose withdraw`: the report was withdrawn, or a published advisory is.

use crate::app::context::Ctx;
use crate::commands::common::force;
use crate::error::Result;
use crate::model::case::{Stamp, State};
use crate::model::id::CaseRef;
use force::ForceArgs;

/// Close a case because its report was withdrawn, or withdraw its advisory
///
/// Before publication it closes the case and stops its clocks; an export of
/// it is refused from then on. On a published case it withdraws the
/// advisory: --reason is required and goes out with it, and the advisory
/// files in advisories/<ID>/ are written again in the same commit: the OSV
/// record gets `withdrawn`, the Markdown advisory, release notes and
/// announcement a withdrawal notice, and (when the policy has a CNA's
/// cna_org_id and the case a CVE ID) the CVE record its REJECTED form with
/// the reason in `rejectedReasons`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose withdraw K7Q --reason 'reporter retracted: expected behaviour'\n  \
    disclose withdraw K7Q --reason 'not a vulnerability: the path is checked by the caller'   # published")]
pub struct WithdrawArgs {
    /// Case to withdraw, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Why it was withdrawn (required for a published case, and published with it)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub force: ForceArgs,
}

pub fn run(ctx: &Ctx, args: &WithdrawArgs) -> Result<()> {
    let reason = args.reason.clone().filter(|r| !r.trim().is_empty());
    let force = args.force.reason(args.reason.as_deref());
    let store = ctx.store()?;
    let id = store.resolve(&args.id)?;
    let now = ctx.now();
    let (case, rewritten) = ctx.transact(&store, |tx, by| {
        let mut case = tx.read(&id)?;
        let published = case.state == State::Published;
        case.withdraw(reason, Stamp { at: now, by }, force)?;
        tx.write(&case);
        tx.set_message(format!("{id}: withdraw"));
        let rewritten = if published {
            Some(super::publish::rewrite_published(tx, &case, now)?)
        } else {
            None
        };
        Ok((case, rewritten))
    })?;
    let advisory = case
        .identifiers
        .advisory
        .as_deref()
        .unwrap_or("its advisory");
    match &rewritten {
        None => ctx
            .ui
            .status(&format!("Withdrew {} ({})", case.id, case.title)),
        Some(r) => {
            match &r.dir {
                Some(dir) => ctx.ui.status(&format!(
                    "Withdrew {advisory} ({}): wrote {} again in {dir}/ as withdrawn.",
                    case.id,
                    r.written
                        .iter()
                        .map(|f| f.file_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                None => ctx.ui.warn(&format!(
                    "withdrew {advisory} ({}), but its files are not in the store (published with --out?): write them again with `disclose export {} --format FORMAT --out FILE`",
                    case.id, case.id
                )),
            }
            for (format, why) in &r.kept {
                ctx.ui
                    .warn(&format!("{} left as it was: {why}", format.file_name()));
            }
            for finding in &r.findings {
                ctx.ui.warn(&format!(
                    "the withdrawn advisory may leak: {finding}; correct it with `disclose describe {}`, then `disclose publish {} --update`",
                    case.id, case.id
                ));
            }
            if store.remote_url()?.is_some() {
                ctx.ui
                    .status("Share the withdrawal with the team: `disclose sync`.");
            }
        }
    }
    ctx.changed(&store, &case)
}
