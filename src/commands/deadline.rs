//! `disclose deadline`: the date a case must be published by, agreed with
//! the reporter by hand or from their published policy.

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::commands::common::case_json;
use crate::error::{Error, Result};
use crate::judge::clocks::{Clocks, disclosure_due};
use crate::model::case::CaseSummary;
use crate::model::duration::promise_text;
use crate::model::id::CaseRef;
use crate::model::preset::Preset;
use crate::model::time::{Due, Timestamp, relative};

/// Set the disclosure deadline: the date to publish by
///
/// The deadline is a "publish by" instant: `check` reports it as an error
/// once it passes unpublished, `status` shows it, and `stats` counts each
/// publication before or after it. Without one set here, it is the
/// policy's: disclose_within after the report arrived (none when that
/// promise is off, or for an internal finding). It is not the embargo (set
/// with `disclose embargo`), the date before which nothing is published.
///
/// --by sets the instant agreed with the reporter: a date (midnight UTC) or
/// a date-time with an explicit offset. --preset sets it from the
/// reporter's published policy, counted from when the report was received:
/// project-zero (90 days, or 30 days after a fix released before then;
/// --grace adds the 14 days Project Zero grants on request), cert-cc (45
/// days), zdi (120 days), or a number of days (60 or 60d). The preset is
/// recorded, so `check` applies its rules. An instant in the past is
/// refused unless --force, which is recorded. --clear goes back to the
/// policy's deadline.
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("deadline").required(true).args(["by", "preset", "clear"])),
    after_help = "Examples:\n  \
    disclose deadline K7Q --by 2026-02-28\n  \
    disclose deadline K7Q --preset project-zero --grace\n  \
    disclose deadline K7Q --preset 60\n  \
    disclose deadline K7Q --clear\n  \
    disclose embargo K7Q --until 2026-12-22T15:00:00+01:00   # NOT before: that is the embargo"
)]
pub struct DeadlineArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Publish by this instant: YYYY-MM-DD or RFC 3339 with an offset
    #[arg(long, value_name = "INSTANT")]
    pub by: Option<Timestamp>,
    /// The reporter's policy: project-zero, cert-cc, zdi, or a number of days
    #[arg(long, value_name = "PRESET")]
    pub preset: Option<Preset>,
    /// With --preset project-zero: add Project Zero's 14-day grace
    #[arg(long, requires = "preset")]
    pub grace: bool,
    /// Go back to the policy's deadline (disclose_within after receipt)
    #[arg(long)]
    pub clear: bool,
    /// Record an instant that has already passed
    #[arg(long)]
    pub force: bool,
    /// Why it was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
}

pub fn run(ctx: &Ctx, args: &DeadlineArgs) -> Result<()> {
    let now = ctx.now();
    let preset = match (args.preset, args.grace) {
        (Some(Preset::ProjectZero { .. }), true) => Some(Preset::ProjectZero { grace: true }),
        (Some(p), true) => {
            return Err(Error::input(format!(
                "--grace applies to --preset project-zero only, not {p}"
            )));
        }
        (p, _) => p,
    };
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    let mut forced = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        let (by, preset) = match (args.by, preset) {
            (Some(t), _) => (Some(t.0), None),
            (None, Some(p)) => (Some(p.until(case.received_at)), Some(p)),
            (None, None) => (None, None),
        };
        if let Some(event) = case.set_deadline(by, preset, cx.stamp(), force)? {
            forced.clone_from(&event.forced);
        }
        Ok(())
    })?;
    if ctx.ui.json() {
        ctx.ui.print_json(&case_json::CaseWithClocks {
            case: &case,
            clocks: Clocks::of(&case, now, store.policy().cra),
        })?;
    }
    let due = disclosure_due(&CaseSummary::from(&case));
    let when = match due {
        Some(Due::At(at)) => format!("{} ({})", human(at), relative(at, now)),
        Some(Due::Paused) => "paused".to_owned(),
        None => String::new(),
    };
    if case.deadline_agreed {
        let from = case
            .deadline_preset
            .map(|p| format!(", from {}", p.describe()))
            .unwrap_or_default();
        ctx.ui
            .status(&format!("{} must be published by {when}{from}.", case.id));
    } else if due.is_some() {
        ctx.ui.status(&format!(
            "{}'s deadline is the policy's again: {} after receipt, {when}.",
            case.id,
            promise_text(case.policy.disclose_within)
        ));
    } else {
        ctx.ui.status(&format!(
            "{} has no disclosure deadline: {}.",
            case.id,
            if case.internal {
                "it is an internal finding"
            } else {
                "the policy it was opened under promises none (disclose_within is off)"
            }
        ));
    }
    if let Some(reason) = forced {
        ctx.ui.status(&format!("Recorded as forced: {reason}."));
    }
    ctx.say_next(&store, &case);
    Ok(())
}
