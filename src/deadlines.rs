//! The clocks of a case, computed from its projected fields and `now`:
//! acknowledgement due, reporter update due, disclosure deadline.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::case::{Case, CaseSummary};
use crate::clock::{Due, due_with_pauses};

/// Which promise a clock tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    Acknowledgement,
    ReporterUpdate,
    Disclosure,
}

impl ClockKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Acknowledgement => "ack",
            Self::ReporterUpdate => "update",
            Self::Disclosure => "disclose",
        }
    }
}

/// One running clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClockView {
    pub kind: ClockKind,
    pub due: Due,
    /// Minutes until due (negative once overdue); `None` while paused.
    pub minutes_left: Option<i64>,
    pub overdue: bool,
}

impl ClockView {
    fn new(kind: ClockKind, due: Due, now: DateTime<Utc>) -> Self {
        let minutes_left = match due {
            Due::At(at) => Some((at - now).num_minutes()),
            Due::Paused => None,
        };
        Self {
            kind,
            due,
            minutes_left,
            overdue: matches!(due, Due::At(at) if at < now),
        }
    }

    pub fn due_at(&self) -> Option<DateTime<Utc>> {
        match self.due {
            Due::At(at) => Some(at),
            Due::Paused => None,
        }
    }
}

/// Every clock of a case at `now`. Closed cases have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clocks {
    pub acknowledgement: Option<ClockView>,
    pub reporter_update: Option<ClockView>,
    pub disclosure: Option<ClockView>,
    /// The clock that falls due first.
    pub next: Option<ClockView>,
}

impl Clocks {
    pub fn of(case: &Case, now: DateTime<Utc>) -> Self {
        Self::of_summary(&CaseSummary::from(case), now)
    }

    /// The clocks from a case's summary, as `status` and `check` read it.
    pub fn of_summary(case: &CaseSummary, now: DateTime<Utc>) -> Self {
        if !case.state.is_open() {
            return Self {
                acknowledgement: None,
                reporter_update: None,
                disclosure: None,
                next: None,
            };
        }
        let pauses = case.pause_spans();
        let slas = &case.policy;
        let acknowledgement = case.acknowledged_at.is_none().then(|| {
            let due = due_with_pauses(case.received_at, slas.ack_within, &pauses);
            ClockView::new(ClockKind::Acknowledgement, due, now)
        });
        let reporter_update = case.acknowledged_at.is_some().then(|| {
            let due = due_with_pauses(case.last_reporter_update(), slas.update_every, &pauses);
            ClockView::new(ClockKind::ReporterUpdate, due, now)
        });
        // An agreed embargo is an instant, not a span: pauses do not move it.
        let disclosure_due = match case.embargo_until {
            Some(until) => Due::At(until),
            None => due_with_pauses(case.received_at, slas.disclose_within, &pauses),
        };
        let disclosure = Some(ClockView::new(ClockKind::Disclosure, disclosure_due, now));
        let next = [acknowledgement, reporter_update, disclosure]
            .into_iter()
            .flatten()
            .filter(|c| c.due_at().is_some())
            .min_by_key(|c| c.due_at());
        Self {
            acknowledgement,
            reporter_update,
            disclosure,
            next,
        }
    }

    /// Sort key: most urgent first; paused and closed cases last.
    pub fn urgency(&self) -> (u8, Option<DateTime<Utc>>) {
        match self.next.and_then(|c| c.due_at()) {
            Some(at) => (0, Some(at)),
            None if self.disclosure.is_some() => (1, None),
            None => (2, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{EventKind, NewCase};
    use crate::policy::Policy;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn case() -> Case {
        Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "t".into(),
                ..NewCase::default()
            },
            Policy::default().slas(),
            at("2026-03-02T09:00:00Z"),
            "M",
        )
    }

    #[test]
    fn acknowledgement_falls_due_after_ack_within() {
        let c = case();
        let before = Clocks::of(&c, at("2026-03-04T08:59:00Z"));
        assert!(!before.acknowledgement.unwrap().overdue);
        assert_eq!(before.next.unwrap().kind, ClockKind::Acknowledgement);
        let after = Clocks::of(&c, at("2026-03-04T09:01:00Z"));
        assert!(after.acknowledgement.unwrap().overdue);
        assert_eq!(after.acknowledgement.unwrap().minutes_left, Some(-1));
    }

    #[test]
    fn acknowledging_starts_the_update_clock() {
        let mut c = case();
        let t = at("2026-03-03T09:00:00Z");
        c.acknowledge(t, t, "M", None).unwrap();
        let clocks = Clocks::of(&c, t);
        assert!(clocks.acknowledgement.is_none());
        assert_eq!(
            clocks.reporter_update.unwrap().due,
            Due::At(at("2026-03-10T09:00:00Z"))
        );
        assert_eq!(
            clocks.disclosure.unwrap().due,
            Due::At(at("2026-05-31T09:00:00Z"))
        );
    }

    #[test]
    fn a_paused_case_does_not_go_overdue() {
        let mut c = case();
        c.record(
            EventKind::Paused {
                reason: "on-hold".into(),
            },
            at("2026-03-03T09:00:00Z"),
            "M",
            None,
        );
        let clocks = Clocks::of(&c, at("2026-04-01T00:00:00Z"));
        assert_eq!(clocks.acknowledgement.unwrap().due, Due::Paused);
        assert!(!clocks.acknowledgement.unwrap().overdue);
        assert!(clocks.next.is_none());
    }
}
