//! `disclose resume`: restart a paused case's clocks.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::id::CaseRef;

/// Restart the clocks of a paused case
///
/// Every clock is pushed back by the time the case was paused.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose resume K7Q")]
pub struct ResumeArgs {
    /// Case to resume, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
}

pub fn run(ctx: &Ctx, args: &ResumeArgs) -> Result<()> {
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.resume(cx.stamp())?;
        Ok(())
    })?;
    ctx.ui.status(&format!("Resumed the clocks of {}", case.id));
    ctx.changed(&store, &case)
}
