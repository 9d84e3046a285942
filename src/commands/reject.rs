//! `disclose reject`: close a case without a fix.

use crate::app::context::Ctx;
use crate::commands::common::force;
use crate::error::{Error, Result};
use crate::model::case::{RejectReason, Resolution};
use crate::model::id::CaseRef;
use force::ForceArgs;

/// Why a report is rejected.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Reason {
    Duplicate,
    Invalid,
    OutOfScope,
    WontFix,
}

/// Reject a report: duplicate, invalid, out of scope, or won't fix
///
/// Closes the case (its clocks stop) with a resolution. With `duplicate`,
/// --duplicate-of names the case it duplicates (it must exist).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose reject K7Q --reason invalid --note 'needs local admin already'\n  disclose reject K7Q --reason duplicate --duplicate-of DISC-2026-B9SC6"
)]
pub struct RejectArgs {
    /// Case to reject, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Why the report is rejected
    #[arg(long, value_enum)]
    pub reason: Reason,
    /// The case this one duplicates (with --reason duplicate)
    #[arg(long, value_name = "ID")]
    pub duplicate_of: Option<CaseRef>,
    /// A short explanation, kept with the resolution
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub force: ForceArgs,
}

pub fn run(ctx: &Ctx, args: &RejectArgs) -> Result<()> {
    let reason = match args.reason {
        Reason::Duplicate => RejectReason::Duplicate,
        Reason::Invalid => RejectReason::Invalid,
        Reason::OutOfScope => RejectReason::OutOfScope,
        Reason::WontFix => RejectReason::WontFix,
    };
    if args.duplicate_of.is_some() && reason != RejectReason::Duplicate {
        return Err(Error::input("--duplicate-of goes with --reason duplicate"));
    }
    let duplicate_of = match &args.duplicate_of {
        Some(typed) => Some(ctx.store()?.resolve(typed)?),
        None => None,
    };
    let resolution = Resolution {
        reason,
        duplicate_of,
        note: args.note.clone().filter(|n| !n.trim().is_empty()),
    };
    let force = args.force.reason(args.note.as_deref());
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.reject(resolution, cx.stamp(), force)?;
        Ok(())
    })?;
    ctx.ui
        .status(&format!("Rejected {} ({})", case.id, case.title));
    ctx.changed(&store, &case)
}
