//! `disclose ack`: record that the reporter has been answered.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::commands::common::templates::{self, DraftArgs};
use crate::drafts::DraftKind;
use crate::error::{Error, Result};
use crate::judge::clocks;
use crate::model::case::{CaseSummary, Stamp};
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

/// Record the acknowledgement of a report
///
/// Moves the case from `new` to `acknowledged` and stamps `acknowledged_at`,
/// which stops the acknowledgement clock and starts the reporter-update clock.
/// Acknowledging twice is refused unless --force, which is recorded as an event.
/// An internal finding (`open --internal`) has no reporter to acknowledge:
/// confirm it instead.
///
/// With --draft, the reply to send is printed after the acknowledgement is
/// recorded: the case ID, what happens next and by when, in the promises the
/// case was opened under (a promise that is off is not mentioned), from
/// templates/ack.txt in the store when there is one. With --json the draft
/// is printed as JSON instead of the case. --message adds a paragraph of
/// your own; --edit opens the draft in your editor first.
///
/// --eml writes the reply as a complete message threaded on the reporter's
/// email, and records it with the acknowledgement as the first message to
/// the reporter: send it, and there is nothing more to log. An .eml needs a
/// recipient: the reporter's email, or --to.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose ack K7Q\n  \
    disclose ack DISC-2026-K7Q3M --at 2026-03-02T11:30:00Z\n  \
    disclose ack K7Q --draft | pbcopy\n  \
    disclose ack K7Q --draft --message 'We have reproduced it on 1.4.1 already.'\n  \
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
    /// Write the reply as a complete email (.eml) to FILE, or to stdout with
    /// `-`, and record it as the acknowledgement
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub eml: Option<PathBuf>,
    #[command(flatten)]
    pub reply: DraftArgs,
}

pub fn run(ctx: &Ctx, args: &AckArgs) -> Result<()> {
    let now = ctx.now();
    let acknowledged_at = args.at.map_or(now, |t| t.0);
    crate::app::input::check_not_future(acknowledged_at, now, "--at")?;
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    let drafting = args.draft || args.eml.is_some();
    if !drafting && args.reply.any() {
        return Err(Error::input(
            "--message, --edit and --to shape the reply: add --draft or --eml",
        ));
    }
    // The reply is rendered (and edited) before anything is recorded: a
    // broken template, a bad --eml path, a missing recipient or a
    // cancelled edit leave the case as it was.
    let composed = if drafting {
        let (store, case) = ctx.read_case(&args.id)?;
        let prepared = templates::prepare(
            &store,
            DraftKind::Ack,
            args.eml.as_deref(),
            &args.reply,
            &[],
        )?;
        let by = ctx.identity_for(Some(&store))?.by();
        let mut preview = case.clone();
        preview.acknowledge(acknowledged_at, Stamp { at: now, by: &by }, force)?;
        Some(templates::compose(ctx, &store, &prepared, &preview)?)
    } else {
        None
    };
    let reply = composed.as_ref().and_then(|c| {
        c.eml
            .as_ref()
            .map(|(_, _, id)| (c.draft.body.clone(), id.clone()))
    });
    let recorded = reply.is_some();
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.acknowledge_with(acknowledged_at, reply, cx.stamp(), force)?;
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
    match &composed {
        Some(composed) => {
            templates::emit(ctx, composed, &case, recorded)?;
            ctx.say_next(&store, &case);
            Ok(())
        }
        None => ctx.changed(&store, &case),
    }
}
