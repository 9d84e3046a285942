//! `disclose embargo`: set, or lift, the coordinated release date of a case
//! (the instant before which nothing is published).

use crate::app::clock::{human, zoned};
use crate::app::context::Ctx;
use crate::commands::common::case_json;
use crate::error::{Error, Result};
use crate::judge::clocks::{Clocks, disclosure_due};
use crate::model::case::CaseSummary;
use crate::model::id::CaseRef;
use crate::model::time::{Due, ZonedTimestamp, relative};

/// Set the embargo: the date before which nothing is published
///
/// The embargo is the coordinated release date agreed with the reporter
/// (and often other vendors): a "not before" instant. `publish` refuses
/// until it has passed; nothing else changes. It is not the disclosure
/// deadline ("publish by", set with `disclose deadline`), which `check`,
/// `status` and `stats` judge: publishing right after the embargo lifts is
/// on time.
///
/// --until takes a date (midnight UTC) or a date-time with an explicit
/// offset (2026-12-22T15:00:00+01:00); it is stored in UTC and shown in the
/// offset it was given in. An instant in the past is refused unless
/// --force, which is recorded. --clear lifts the embargo.
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("embargo").args(["until", "clear"])),
    after_help = "Examples:\n  \
    disclose embargo K7Q --until 2026-12-22T15:00:00+01:00\n  \
    disclose embargo K7Q --until 2026-06-01\n  \
    disclose embargo K7Q --clear\n  \
    disclose deadline K7Q --preset project-zero      # the date to publish BY is a deadline"
)]
pub struct EmbargoArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Nothing is published before this instant: YYYY-MM-DD or RFC 3339 with an offset
    #[arg(long, value_name = "INSTANT")]
    pub until: Option<ZonedTimestamp>,
    /// Lift the embargo
    #[arg(long)]
    pub clear: bool,
    /// Record an instant that has already passed
    #[arg(long)]
    pub force: bool,
    /// Why it was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
    /// A reporter's preset sets a deadline, not an embargo: see `disclose deadline`
    #[arg(long, value_name = "PRESET", hide = true)]
    pub preset: Option<String>,
}

pub fn run(ctx: &Ctx, args: &EmbargoArgs) -> Result<()> {
    if let Some(preset) = &args.preset {
        return Err(Error::input(format!(
            "--preset {preset}: a reporter's disclosure policy says when to publish BY, which is the disclosure deadline, not the embargo"
        ))
        .with_hint(format!("use `disclose deadline {} --preset {preset}`", args.id)));
    }
    if args.until.is_none() && !args.clear {
        return Err(Error::input(
            "say when the embargo ends with --until INSTANT, or lift it with --clear",
        )
        .with_hint(format!(
            "the date to publish BY is the deadline: `disclose deadline {} --by INSTANT`",
            args.id
        )));
    }
    let now = ctx.now();
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    let (until, offset) = match &args.until {
        Some(t) => (Some(t.at), t.offset.clone()),
        None => (None, None),
    };
    let mut forced = None;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        if let Some(event) = case.set_embargo(until, offset, cx.stamp(), force)? {
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
    match case.embargo_until {
        None => ctx.ui.status(&format!(
            "No embargo on {}: it may be published once ready.",
            case.id
        )),
        Some(until) => {
            ctx.ui.status(&format!(
                "Embargo on {} until {} ({}): publishing is refused before then.",
                case.id,
                zoned(until, case.embargo_offset.as_deref()),
                relative(until, now)
            ));
            if let Some(Due::At(deadline)) = disclosure_due(&CaseSummary::from(&case))
                && until > deadline
            {
                ctx.ui.warn(&format!(
                    "the embargo ends after the disclosure deadline ({}); if the reporter agreed to a later one, set it with `disclose deadline {} --by ...`",
                    human(deadline),
                    case.id
                ));
            }
        }
    }
    if let Some(reason) = forced {
        ctx.ui.status(&format!("Recorded as forced: {reason}."));
    }
    ctx.say_next(&store, &case);
    Ok(())
}
