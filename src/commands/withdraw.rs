//! `disclose withdraw`: the reporter withdrew the report.

use crate::app::context::Ctx;
use crate::commands::common::force;
use crate::error::Result;
use crate::model::id::CaseRef;
use force::ForceArgs;

/// Close a case because the reporter withdrew it
///
/// Stops its clocks. Allowed from any open state before publication.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose withdraw K7Q --reason 'reporter retracted: expected behaviour'"
)]
pub struct WithdrawArgs {
    /// Case to withdraw, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Why it was withdrawn
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub force: ForceArgs,
}

pub fn run(ctx: &Ctx, args: &WithdrawArgs) -> Result<()> {
    let reason = args.reason.clone().filter(|r| !r.trim().is_empty());
    let force = args.force.reason(args.reason.as_deref());
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.withdraw(reason, cx.stamp(), force)?;
        Ok(())
    })?;
    ctx.ui
        .status(&format!("Withdrew {} ({})", case.id, case.title));
    ctx.changed(&store, &case)
}
