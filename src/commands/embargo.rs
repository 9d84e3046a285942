//! `disclose embargo`: set, or lift, the agreed disclosure instant of a case.

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::commands::common::case_json;
use crate::error::{Error, Result};
use crate::judge::clocks::{Clocks, disclosure_due};
use crate::model::id::CaseRef;
use crate::model::preset::Preset;
use crate::model::time::{Timestamp, relative, rfc3339};

/// Set the disclosure deadline of a case
///
/// --until sets the instant agreed with the reporter: a date (midnight UTC)
/// or a date-time with an explicit offset (2026-06-01T09:00:00+02:00).
/// --preset sets it from the reporter's published policy, counted from when
/// the report was received: project-zero (90 days, or 30 days after a fix
/// released before then; --grace adds the 14 days Project Zero grants on
/// request), cert-cc (45 days), zdi (120 days), or a number of days. The
/// preset is recorded, so `disclose check` applies its rules. --clear lifts
/// the embargo: the policy's disclose_within applies again.
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("deadline").required(true).args(["until", "preset", "clear"])),
    after_help = "Examples:\n  \
    disclose embargo K7Q --until 2026-06-01\n  \
    disclose embargo K7Q --until 2026-06-01T09:00:00-04:00\n  \
    disclose embargo K7Q --preset project-zero --grace\n  \
    disclose embargo K7Q --preset 60\n  \
    disclose embargo K7Q --clear"
)]
pub struct EmbargoArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// The agreed instant: YYYY-MM-DD or RFC 3339 with an offset
    #[arg(long, value_name = "INSTANT")]
    pub until: Option<Timestamp>,
    /// The reporter's policy: project-zero, cert-cc, zdi, or a number of days
    #[arg(long, value_name = "PRESET")]
    pub preset: Option<Preset>,
    /// With --preset project-zero: add Project Zero's 14-day grace
    #[arg(long, requires = "preset")]
    pub grace: bool,
    /// Lift the embargo
    #[arg(long)]
    pub clear: bool,
}

pub fn run(ctx: &Ctx, args: &EmbargoArgs) -> Result<()> {
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
    if let Some(until) = args.until
        && until.0 < now
    {
        return Err(Error::input(format!(
            "--until {} is in the past (now is {})",
            rfc3339(until.0),
            rfc3339(now)
        )));
    }
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        let (until, preset) = match (args.until, preset) {
            (Some(t), _) => (Some(t.0), None),
            (None, Some(p)) => (Some(p.until(case.received_at)), Some(p)),
            (None, None) => (None, None),
        };
        case.set_embargo(until, preset, cx.stamp())?;
        Ok(())
    })?;
    if ctx.ui.json() {
        ctx.ui.print_json(&case_json::CaseWithClocks {
            case: &case,
            clocks: Clocks::of(&case, now),
        })?;
    }
    let due = disclosure_due(&crate::model::case::CaseSummary::from(&case));
    match (case.embargo_until, args.clear) {
        (None, true) => ctx.ui.status(&format!(
            "No embargo on {}: the deadline is {} after receipt ({}).",
            case.id, case.policy.disclose_within, due
        )),
        (None, false) => {}
        (Some(until), _) => {
            let from = case
                .embargo_preset
                .map(|p| format!(" from {}", p.describe()))
                .unwrap_or_default();
            ctx.ui.status(&format!(
                "Embargo on {} until {} ({}){from}.",
                case.id,
                human(until),
                relative(until, now)
            ));
        }
    }
    ctx.say_next(&store, &case);
    Ok(())
}
