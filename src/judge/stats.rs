//! `disclose stats`: the team's record against its promises, computed from
//! the projected fields of every case (open and closed). No I/O.
//!
//! Each span runs from `received_at` to a milestone: `acknowledged_at`,
//! `confirmed_at`, the last released fix of a complete fix matrix, and
//! `published_at`. The median of an even count is the mean of the two middle
//! values (rounded down to the minute); the 90th percentile is the
//! nearest-rank one (the value at rank ceil(0.9 n)).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::judge::clocks::{self, CraClocks, CraStatus, disclosure_due, fixes_released_at};
use crate::model::case::CaseSummary;
use crate::model::cra::CraReport;
use crate::model::time::Due;

/// The spread of one span over the cases that reached its milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Spread {
    pub count: usize,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
}

impl Spread {
    pub fn of(mut minutes: Vec<i64>) -> Self {
        minutes.sort_unstable();
        let n = minutes.len();
        if n == 0 {
            return Self {
                count: 0,
                median_minutes: None,
                p90_minutes: None,
            };
        }
        let median = if n % 2 == 1 {
            minutes[n / 2]
        } else {
            (minutes[n / 2 - 1] + minutes[n / 2]).div_euclid(2)
        };
        let rank = (n * 9).div_ceil(10);
        Self {
            count: n,
            median_minutes: Some(median),
            p90_minutes: Some(minutes[rank - 1]),
        }
    }
}

/// How many acknowledgements kept the promise of their case.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AckRecord {
    pub acknowledged: usize,
    /// Acknowledged by `received_at + ack_within` (paused time not counted).
    pub within_policy: usize,
    /// `within_policy / acknowledged`, or `None` with no acknowledgement.
    pub share_within_policy: Option<f64>,
}

/// Published cases against their disclosure deadline (the embargo plays
/// no part: publishing right after it lifts is on time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PublishRecord {
    pub published: usize,
    pub before_deadline: usize,
    pub after_deadline: usize,
    /// Published cases that had no deadline (no promise, or internal).
    pub without_deadline: usize,
    /// Published cases imported from a record that does not say when the
    /// report was received, so not measured against a deadline.
    pub without_received_time: usize,
}

/// How one CRA report fared over the cases with exploitation recorded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReportRecord {
    /// Submitted by its due time.
    pub met: usize,
    /// Submitted after its due time.
    pub late: usize,
    /// Not submitted, and its due time has passed.
    pub missed: usize,
    /// Not submitted and not due yet (or, for the final report, waiting
    /// for a fix or mitigation).
    pub pending: usize,
    /// `met / (met + late + missed)`, or `None` while none was due.
    pub share_met: Option<f64>,
}

impl ReportRecord {
    fn of<'a>(clocks: impl Iterator<Item = &'a CraClocks>, report: CraReport) -> Self {
        let mut r = Self {
            met: 0,
            late: 0,
            missed: 0,
            pending: 0,
            share_met: None,
        };
        for c in clocks {
            match c.get(report).status {
                CraStatus::Submitted => r.met += 1,
                CraStatus::SubmittedLate => r.late += 1,
                CraStatus::Missed => r.missed += 1,
                CraStatus::Running | CraStatus::WaitingForMeasure => r.pending += 1,
            }
        }
        let judged = r.met + r.late + r.missed;
        r.share_met = (judged > 0).then(|| r.met as f64 / judged as f64);
        r
    }
}

/// The CRA Article 14 record: each report against its time limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CraRecord {
    /// Cases with exploitation recorded (not rejected or withdrawn).
    pub exploited: usize,
    pub early_warning: ReportRecord,
    pub notification: ReportRecord,
    pub final_report: ReportRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Only cases received at or after this instant count.
    pub since: Option<DateTime<Utc>>,
    pub cases: usize,
    pub open_cases: usize,
    /// Cases opened by `disclose import`.
    pub imported: usize,
    pub time_to_acknowledge: Spread,
    pub time_to_confirm: Spread,
    pub time_to_fix: Spread,
    pub time_to_publish: Spread,
    pub acknowledgements: AckRecord,
    pub publication: PublishRecord,
    /// Only with the policy's `cra` switch on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cra: Option<CraRecord>,
}

/// The record over `cases` received at or after `since`, at `now`; `cra`
/// is the policy's switch.
pub fn compute(
    cases: &[CaseSummary],
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    cra: bool,
) -> Stats {
    let cases: Vec<&CaseSummary> = cases
        .iter()
        .filter(|c| since.is_none_or(|s| c.received_at >= s))
        .collect();
    let spread = |milestone: &dyn Fn(&CaseSummary) -> Option<DateTime<Utc>>| {
        Spread::of(
            cases
                .iter()
                .filter(|c| !c.received_unknown)
                .filter_map(|c| milestone(c).map(|at| (at - c.received_at).num_minutes()))
                .collect(),
        )
    };
    let acknowledged: Vec<&&CaseSummary> = cases
        .iter()
        .filter(|c| c.acknowledged_at.is_some())
        .collect();
    let within = acknowledged.iter().filter(|c| ack_kept(c)).count();
    let mut publication = PublishRecord {
        published: 0,
        before_deadline: 0,
        after_deadline: 0,
        without_deadline: 0,
        without_received_time: 0,
    };
    for case in &cases {
        let Some(published) = case.published_at else {
            continue;
        };
        publication.published += 1;
        if case.received_unknown {
            publication.without_received_time += 1;
            continue;
        }
        match disclosure_due(case) {
            Some(Due::At(due)) if published > due => publication.after_deadline += 1,
            Some(_) => publication.before_deadline += 1,
            None => publication.without_deadline += 1,
        }
    }
    let cra = cra.then(|| {
        let clocks: Vec<CraClocks> = cases.iter().filter_map(|c| CraClocks::of(c, now)).collect();
        CraRecord {
            exploited: clocks.len(),
            early_warning: ReportRecord::of(clocks.iter(), CraReport::EarlyWarning),
            notification: ReportRecord::of(clocks.iter(), CraReport::Notification),
            final_report: ReportRecord::of(clocks.iter(), CraReport::FinalReport),
        }
    });
    Stats {
        since,
        cases: cases.len(),
        open_cases: cases.iter().filter(|c| c.state.is_open()).count(),
        imported: cases.iter().filter(|c| c.imported).count(),
        time_to_acknowledge: spread(&|c| c.acknowledged_at),
        time_to_confirm: spread(&|c| c.confirmed_at),
        time_to_fix: spread(&fixes_released_at),
        time_to_publish: spread(&|c| c.published_at),
        acknowledgements: AckRecord {
            acknowledged: acknowledged.len(),
            within_policy: within,
            share_within_policy: (!acknowledged.is_empty())
                .then(|| within as f64 / acknowledged.len() as f64),
        },
        publication,
        cra,
    }
}

/// Acknowledged without breaking a promise (a case without one breaks none).
fn ack_kept(case: &CaseSummary) -> bool {
    case.acknowledged_at.is_some() && clocks::acknowledged_late(case).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_use_the_middle_mean_and_nearest_rank() {
        assert_eq!(
            Spread::of(vec![]),
            Spread {
                count: 0,
                median_minutes: None,
                p90_minutes: None
            }
        );
        let one = Spread::of(vec![7]);
        assert_eq!((one.median_minutes, one.p90_minutes), (Some(7), Some(7)));
        let four = Spread::of(vec![40, 10, 30, 20]);
        assert_eq!(four.median_minutes, Some(25));
        assert_eq!(four.p90_minutes, Some(40));
        let ten = Spread::of((1..=10).collect());
        assert_eq!(ten.median_minutes, Some(5));
        assert_eq!(ten.p90_minutes, Some(9));
        let eleven = Spread::of((1..=11).collect());
        assert_eq!(eleven.median_minutes, Some(6));
        assert_eq!(eleven.p90_minutes, Some(10));
    }
}
