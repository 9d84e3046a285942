//! `disclose ack`: record that the reporter has been answered.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::commands::common::templates;
use crate::drafts::DraftKind;
use crate::error::Result;
use crate::judge::clocks;
use crate::model::case::CaseSummary;
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

/// Record the acknowledgement of a report
///
/// Moves the case from `new` to `acknowledged` and stamps `acknowledged_at`,
/// which stops the acknowledgement clock and starts the reporter-update clock.
/// Acknowledging twice is refused unless --force, which is recorded as an event.
///
/// With --draft, the reply to send is printed after the acknowledgement is
/// recorded: the case ID, what happens next and by when, in the policy's
/// durations (from templates/ack.txt in the store when there is one). With
/// --json the draft is printed as JSON instead of the case. --eml also
/// writes it as a complete message threaded on the reporter's email.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose ack K7Q\n  \
    disclose ack DISC-2026-K7Q3M --at 2026-03-02T11:30:00Z\n  \
    disclose ack K7Q --draft | pbcopy\n  \
    disclose ack K7Q --eml reply.eml")]
pub struct AckArgs {
    /// Case to acknowledge, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// When the reply was sent (RFC 3339; default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<Timestamp>,
    /// Acknowledge even if the state does not allow it (recorded as an event)
    #[arg(long)]
    pub force: bool,
    /// Why the move was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
    /// Print the reply to send to the reporter
    #[arg(long)]
    pub draft: bool,
    /// Write the reply as a complete email (.eml) to FILE, or to stdout with `-`
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub eml: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &AckArgs) -> Result<()> {
    let now = ctx.now();
    let acknowledged_at = args.at.map_or(now, |t| t.0);
    crate::app::input::check_not_future(acknowledged_at, now, "--at")?;
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    // A broken template or --eml path is found before the ack is recorded.
    let prepared = if args.draft || args.eml.is_some() {
        Some(templates::prepare(
            &ctx.store()?,
            DraftKind::Ack,
            args.eml.as_deref(),
        )?)
    } else {
        None
    };
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.acknowledge(acknowledged_at, cx.stamp(), force)?;
        Ok(())
    })?;
    let late = clocks::acknowledged_late(&CaseSummary::from(&case)).is_some();
    ctx.ui.status(&format!(
        "Acknowledged {} ({}){}",
        case.id,
        case.title,
        if late {
            " — later than the policy's promise"
        } else {
            ""
        }
    ));
    match &prepared {
        Some(prepared) => {
            templates::emit(ctx, &store, prepared, &case)?;
            ctx.say_next(&store, &case);
            Ok(())
        }
        None => ctx.changed(&store, &case),
    }
}
