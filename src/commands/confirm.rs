//! `disclose confirm`: the problem is real.

use crate::app::context::Ctx;
use crate::commands::common::force;
use crate::error::Result;
use crate::model::id::CaseRef;
use force::ForceArgs;

/// Confirm that a report describes a real problem
///
/// Moves the case from `acknowledged` to `confirmed`. Next: record what is
/// affected (`disclose affected`) and fix every maintained release
/// (`disclose fix`). Other moves are refused unless --force.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose confirm K7Q\n  disclose confirm K7Q --force --reason 'confirmed before the reply went out'"
)]
pub struct ConfirmArgs {
    /// Case to confirm, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    #[command(flatten)]
    pub force: ForceArgs,
    /// Why the move was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ConfirmArgs) -> Result<()> {
    let force = args.force.reason(args.reason.as_deref());
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.confirm(cx.stamp(), force)?;
        Ok(())
    })?;
    ctx.ui
        .status(&format!("Confirmed {} ({})", case.id, case.title));
    if case.state == crate::model::case::State::Fixed {
        ctx.ui.status(&format!(
            "Every affected release is already fixed: {} is now fixed.",
            case.id
        ));
    }
    ctx.changed(&store, &case)
}
