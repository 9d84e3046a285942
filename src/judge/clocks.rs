//! The clocks of a case, computed from its projected fields and `now`:
//! acknowledgement due, reporter update due, disclosure deadline, and fix
//! coverage (every affected maintained release fixed before the deadline).
//!
//! A promise that is off has no clock, and an internal finding has no
//! reporter clocks (nor the policy's deadline, which is promised to
//! reporters; a deadline set by hand still runs). The embargo is not a
//! clock: it only gates `publish`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::case::{Case, CaseSummary, Decision};
use crate::model::time::{Due, due_with_pauses};

/// Which promise a clock tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    Acknowledgement,
    ReporterUpdate,
    Disclosure,
    FixCoverage,
}

impl ClockKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Acknowledgement => "ack",
            Self::ReporterUpdate => "update",
            Self::Disclosure => "disclose",
            Self::FixCoverage => "fix",
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
    /// Runs while an affected maintained release lacks a released fix; it
    /// falls due with the disclosure deadline.
    pub fix_coverage: Option<ClockView>,
    /// The affected releases without a released fix, by name.
    pub missing_fixes: Vec<String>,
    /// The clock that falls due first (fix coverage before disclosure on a tie).
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
                fix_coverage: None,
                missing_fixes: Vec::new(),
                next: None,
            };
        }
        let acknowledgement = case
            .acknowledged_at
            .is_none()
            .then(|| acknowledgement_due(case))
            .flatten()
            .map(|due| ClockView::new(ClockKind::Acknowledgement, due, now));
        let reporter_update =
            update_due(case).map(|due| ClockView::new(ClockKind::ReporterUpdate, due, now));
        let disclosure_due = disclosure_due(case);
        let disclosure = disclosure_due.map(|due| ClockView::new(ClockKind::Disclosure, due, now));
        let missing_fixes: Vec<String> = missing_fixes(case).map(str::to_owned).collect();
        let fix_coverage = disclosure_due
            .filter(|_| !missing_fixes.is_empty())
            .map(|due| ClockView::new(ClockKind::FixCoverage, due, now));
        let next = [acknowledgement, reporter_update, fix_coverage, disclosure]
            .into_iter()
            .flatten()
            .filter(|c| c.due_at().is_some())
            .min_by_key(|c| c.due_at());
        Self {
            acknowledgement,
            reporter_update,
            disclosure,
            fix_coverage,
            missing_fixes,
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

/// When the acknowledgement is due: `received_at + ack_within`, plus the time
/// the case spent paused before then; `None` without that promise or a
/// reporter.
pub fn acknowledgement_due(case: &CaseSummary) -> Option<Due> {
    let within = case.policy.ack_within.filter(|_| !case.internal)?;
    Some(due_with_pauses(
        case.received_at,
        within,
        &case.pause_spans(),
    ))
}

/// When the reporter is due to hear from the team again: the last message
/// to them plus `update_every`, once acknowledged; `None` without that
/// promise or a reporter.
pub fn update_due(case: &CaseSummary) -> Option<Due> {
    let every = case.policy.update_every.filter(|_| !case.internal)?;
    case.acknowledged_at?;
    Some(due_with_pauses(
        case.last_reporter_update(),
        every,
        &case.pause_spans(),
    ))
}

/// The time the acknowledgement was due, if it went out later than that.
pub fn acknowledged_late(case: &CaseSummary) -> Option<DateTime<Utc>> {
    let acked = case.acknowledged_at?;
    match acknowledgement_due(case)? {
        Due::At(due) if due < acked => Some(due),
        _ => None,
    }
}

/// When the case must be public, whatever its state: the deadline agreed
/// with the reporter (moved by its preset's rules, e.g. Project Zero's "30
/// days after the fix"), else `received_at + disclose_within` plus paused
/// time; `None` when there is no deadline. The embargo plays no part.
pub fn disclosure_due(case: &CaseSummary) -> Option<Due> {
    let (base, preset) = if case.deadline_agreed {
        // An agreed deadline is an instant, not a span: pauses do not move it.
        (Due::At(case.deadline?), case.deadline_preset)
    } else {
        let within = case.policy.disclose_within.filter(|_| !case.internal)?;
        (
            due_with_pauses(case.received_at, within, &case.pause_spans()),
            case.policy.preset,
        )
    };
    Some(match (base, preset) {
        (Due::At(at), Some(preset)) => {
            Due::At(preset.effective(at, case.received_at, fixes_released_at(case)))
        }
        _ => base,
    })
}

/// The affected maintained releases that have no released fix yet.
pub fn missing_fixes(case: &CaseSummary) -> impl Iterator<Item = &str> {
    case.releases
        .iter()
        .filter(|row| row.decision == Decision::Affected && row.fixed_in.is_none())
        .map(|row| row.release.as_str())
}

/// When the last affected release got its released fix, once the fix matrix
/// is complete and at least one fix was released.
pub fn fixes_released_at(case: &CaseSummary) -> Option<DateTime<Utc>> {
    if !case.matrix_complete {
        return None;
    }
    case.releases
        .iter()
        .filter(|row| row.decision == Decision::Affected && row.fixed_in.is_some())
        .filter_map(|row| row.released_at)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{EventKind, NewCase, Stamp};
    use crate::model::policy::Policy;

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
        c.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
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

    #[test]
    fn paused_time_before_the_acknowledgement_extends_its_due_time() {
        let paused_three_days = || {
            let mut c = case();
            c.record(
                EventKind::Paused {
                    reason: "on-hold".into(),
                },
                at("2026-03-02T10:00:00Z"),
                "M",
                None,
            );
            c.record(EventKind::Resumed, at("2026-03-05T10:00:00Z"), "M", None);
            c
        };
        let due = at("2026-03-07T09:00:00Z");
        let c = paused_three_days();
        assert_eq!(
            acknowledgement_due(&CaseSummary::from(&c)),
            Some(Due::At(due))
        );

        let mut on_time = paused_three_days();
        let t = at("2026-03-07T08:00:00Z");
        on_time
            .acknowledge(t, Stamp { at: t, by: "M" }, None)
            .unwrap();
        assert_eq!(acknowledged_late(&CaseSummary::from(&on_time)), None);

        let mut late = paused_three_days();
        let t = at("2026-03-07T10:00:00Z");
        late.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
        assert_eq!(acknowledged_late(&CaseSummary::from(&late)), Some(due));
    }

    #[test]
    fn a_team_project_zero_default_moves_the_deadline_after_the_last_fix() {
        let mut slas = Policy::default().slas();
        slas.preset = Some(crate::model::preset::Preset::ProjectZero { grace: false });
        let mut c = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "t".into(),
                ..NewCase::default()
            },
            slas,
            at("2026-03-02T09:00:00Z"),
            "M",
        );
        let t = at("2026-03-03T09:00:00Z");
        c.record(
            EventKind::AffectedAdded {
                package: crate::model::policy::Package {
                    ecosystem: "crates.io".into(),
                    name: "poet".into(),
                },
                ranges: Vec::new(),
                versions: vec!["1.4.1".into()],
                releases: std::collections::BTreeMap::new(),
            },
            t,
            "M",
            None,
        );
        c.record(
            EventKind::ReleaseDecided {
                release: "1.4".into(),
                decision: Decision::Affected,
                reason: None,
            },
            t,
            "M",
            None,
        );
        assert_eq!(
            disclosure_due(&CaseSummary::from(&c)),
            Some(Due::At(at("2026-05-31T09:00:00Z")))
        );
        assert_eq!(
            missing_fixes(&CaseSummary::from(&c)).collect::<Vec<_>>(),
            ["1.4"]
        );
        c.record(
            EventKind::FixLinked {
                release: "1.4".into(),
                package: None,
                commits: Vec::new(),
                pr: None,
                version: Some("1.4.2".into()),
                released_at: Some(at("2026-03-10T09:00:00Z")),
            },
            t,
            "M",
            None,
        );
        assert_eq!(missing_fixes(&CaseSummary::from(&c)).count(), 0);
        assert_eq!(
            fixes_released_at(&CaseSummary::from(&c)),
            Some(at("2026-03-10T09:00:00Z"))
        );
        assert_eq!(
            disclosure_due(&CaseSummary::from(&c)),
            Some(Due::At(at("2026-04-09T09:00:00Z")))
        );
    }

    #[test]
    fn a_promise_that_is_off_has_no_clock() {
        let mut slas = Policy::default().slas();
        slas.update_every = None;
        slas.disclose_within = None;
        let mut c = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "t".into(),
                ..NewCase::default()
            },
            slas,
            at("2026-03-02T09:00:00Z"),
            "M",
        );
        let t = at("2026-03-03T09:00:00Z");
        c.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
        let clocks = Clocks::of(&c, at("2027-03-03T09:00:00Z"));
        assert_eq!(clocks.reporter_update, None);
        assert_eq!(clocks.disclosure, None);
        assert_eq!(clocks.next, None);
        // An agreed deadline still runs.
        let t = at("2026-03-04T09:00:00Z");
        c.set_deadline(
            Some(at("2026-04-01T00:00:00Z")),
            None,
            Stamp { at: t, by: "M" },
            None,
        )
        .unwrap();
        let clocks = Clocks::of(&c, t);
        assert_eq!(
            clocks.disclosure.unwrap().due,
            Due::At(at("2026-04-01T00:00:00Z"))
        );
    }

    #[test]
    fn an_internal_finding_has_no_reporter_clocks_and_no_policy_deadline() {
        let c = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "t".into(),
                internal: true,
                ..NewCase::default()
            },
            Policy::default().slas(),
            at("2026-03-02T09:00:00Z"),
            "M",
        );
        let clocks = Clocks::of(&c, at("2027-03-02T09:00:00Z"));
        assert_eq!(clocks, Clocks::of(&c, at("2026-03-02T09:00:00Z")));
        assert!(clocks.acknowledgement.is_none() && clocks.reporter_update.is_none());
        assert!(clocks.disclosure.is_none() && clocks.next.is_none());
    }

    #[test]
    fn the_embargo_is_not_a_deadline() {
        let mut c = case();
        let t = at("2026-03-03T09:00:00Z");
        let stamp = Stamp { at: t, by: "M" };
        c.set_embargo(Some(at("2026-12-22T14:00:00Z")), None, stamp, None)
            .unwrap();
        assert_eq!(
            disclosure_due(&CaseSummary::from(&c)),
            Some(Due::At(at("2026-05-31T09:00:00Z")))
        );
    }
}
