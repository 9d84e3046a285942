//! `disclose release`: a maintained release's row of the fix matrix, by hand.

use crate::app::context::Ctx;
use crate::commands::common::matrix;
use crate::error::Result;
use crate::model::case::Decision;
use crate::model::id::CaseRef;

/// A decision for one maintained release.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DecisionArg {
    Affected,
    NotAffected,
    WontFix,
    Eol,
}

/// Decide whether a maintained release is affected, or gets no fix
///
/// Overrides the decision derived from `disclose affected` for one release
/// (from the policy's maintained_releases). `wont-fix` and `eol` need a
/// --reason and complete that row of the matrix without a fix; when every
/// affected release is fixed or decided, the case moves to `fixed`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose release K7Q 1.3 eol --reason 'end of life since January'\n  disclose release K7Q 2.x not-affected"
)]
pub struct ReleaseArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Maintained release name, as in the policy
    #[arg(value_name = "RELEASE")]
    pub release: String,
    /// The decision
    #[arg(value_enum)]
    pub decision: DecisionArg,
    /// Why (required for wont-fix and eol)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ReleaseArgs) -> Result<()> {
    let decision = match args.decision {
        DecisionArg::Affected => Decision::Affected,
        DecisionArg::NotAffected => Decision::NotAffected,
        DecisionArg::WontFix => Decision::WontFix,
        DecisionArg::Eol => Decision::Eol,
    };
    let reason = args.reason.clone().filter(|r| !r.trim().is_empty());
    let mut was = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        was = Some(case.state);
        let stamp = cx.stamp();
        case.decide_release(&args.release, decision, reason, cx.policy, stamp)?;
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "{}: release {} is {}",
        case.id,
        args.release,
        decision.as_str()
    ));
    matrix::report_state(ctx, was, &case);
    ctx.changed(&store, &case)
}
