//! What the CRA verbs (`exploited`, `mitigated`, `cra`) share: the policy
//! switch they need, and the lines that say where the clocks stand.

use chrono::{DateTime, Utc};

use crate::app::clock::human;
use crate::error::{Error, Result};
use crate::judge::clocks::{ClockKind, CraClock, CraClocks, CraStatus};
use crate::model::case::{Case, CaseSummary};
use crate::model::policy::Policy;
use crate::model::time::relative;

/// Refuses when the policy's `cra` switch is off: none of Article 14's
/// records, clocks or drafts exist then.
pub fn require_cra(policy: &Policy, what: &str) -> Result<()> {
    if policy.cra {
        return Ok(());
    }
    Err(Error::refused(format!(
        "{what} is part of the EU Cyber Resilience Act's reporting (Article 14), which this store's policy has off"
    ))
    .with_hint(
        "a manufacturer or open-source steward of a product sold in the EU turns it on with \
         `disclose policy set cra on` (and names the Member States with `disclose policy set cra_member_states DE,FR,...`)",
    ))
}

/// The CRA clocks of a case at `now` (exploitation recorded).
pub fn clocks(case: &Case, now: DateTime<Utc>) -> Option<CraClocks> {
    CraClocks::of(&CaseSummary::from(case), now)
}

/// One line per report: `early warning   due 2026-09-15 10:00 UTC (in 23h)`.
pub fn report_lines(clocks: &CraClocks, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    for c in clocks.all() {
        out.push_str(&format!(
            "  {:<15}{}\n",
            ClockKind::of_report(c.report).label(),
            clock_words(c, now)
        ));
    }
    out
}

/// Where one report stands, in words.
pub fn clock_words(c: &CraClock, now: DateTime<Utc>) -> String {
    let due = |at: DateTime<Utc>| format!("due {} ({})", human(at), relative(at, now));
    match (c.status, c.due, c.submitted_at) {
        (CraStatus::WaitingForMeasure, _, _) => {
            "due 14 days after a fix is released or a mitigation is available (neither is yet)"
                .to_owned()
        }
        (CraStatus::Running | CraStatus::Missed, Some(at), _) => {
            format!("{}, not submitted", due(at))
        }
        (CraStatus::Submitted, _, Some(sub)) => format!("submitted {}", human(sub)),
        (CraStatus::SubmittedLate, Some(at), Some(sub)) => {
            format!("submitted {}, late (due {})", human(sub), human(at))
        }
        _ => c.status.as_str().to_owned(),
    }
}
