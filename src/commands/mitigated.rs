//! `disclose mitigated`: record a corrective or mitigating measure that is
//! available to users (EU Cyber Resilience Act, Article 14).

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::commands::common::cra;
use crate::error::Result;
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

/// Record a mitigation available to users (EU CRA)
///
/// The final report of an actively exploited vulnerability is due 14 days
/// after a corrective or mitigating measure is available (EU Cyber
/// Resilience Act, Article 14(2)(c)): the first released fix of any
/// release (`disclose fix --version`), or a mitigation recorded here,
/// whichever came first. The text says what the measure is; it goes into
/// the notification and the final report as written, and stays out of
/// public files (describe the workaround users can apply with `disclose
/// describe ID --workarounds`). Only with the policy's `cra` switch on.
///
/// --at says since when it is available (default now). Recording the same
/// text again corrects its time.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose mitigated K7Q --text 'Uploads can be turned off with uploads.enabled = false'\n  \
    disclose mitigated K7Q --at 2026-09-15T12:00:00Z --text 'WAF rule against .. in upload names'")]
pub struct MitigatedArgs {
    /// Case the measure is for, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// What the measure is
    #[arg(long, value_name = "TEXT")]
    pub text: String,
    /// Since when it is available (RFC 3339 or a date; default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<Timestamp>,
}

pub fn run(ctx: &Ctx, args: &MitigatedArgs) -> Result<()> {
    let now = ctx.now();
    let available_at = args.at.map_or(now, |t| t.0);
    let mut changed = false;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        cra::require_cra(cx.policy, "recording a mitigation")?;
        changed = case
            .record_mitigation(&args.text, available_at, cx.stamp())?
            .is_some();
        Ok(())
    })?;
    ctx.ui.status(&if changed {
        format!(
            "Recorded a mitigation of {}, available since {}.",
            case.id,
            human(available_at)
        )
    } else {
        format!(
            "Nothing to change: {} already has this mitigation, available since {}.",
            case.id,
            human(available_at)
        )
    });
    if let Some(clocks) = cra::clocks(&case, now) {
        ctx.ui.status(&format!(
            "  final report: {}",
            cra::clock_words(&clocks.final_report, now)
        ));
    }
    ctx.changed(&store, &case)
}
