//! `disclose pause`: stop a case's clocks.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::id::CaseRef;

/// Stop a case's clocks (waiting on the reporter, on hold)
///
/// Paused time does not count towards the acknowledgement, reporter-update
/// or disclosure clocks; an agreed embargo instant does not move. The state
/// stays as it is. `disclose resume` restarts the clocks.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose pause K7Q --reason waiting-on-reporter\n  disclose pause K7Q --reason 'on hold until the upstream fix'"
)]
pub struct PauseArgs {
    /// Case to pause, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Why: waiting-on-reporter, on-hold, or any text
    #[arg(long, value_name = "REASON")]
    pub reason: String,
}

pub fn run(ctx: &Ctx, args: &PauseArgs) -> Result<()> {
    let reason = args.reason.trim().to_owned();
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.pause(reason, cx.stamp())?;
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "Paused the clocks of {} ({})",
        case.id,
        args.reason.trim()
    ));
    ctx.changed(&store, &case)
}
