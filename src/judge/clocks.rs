//! The clocks of a case, computed from its projected fields and `now`:
//! acknowledgement due, reporter update due, disclosure deadline, and fix
//! coverage (every affected maintained release fixed before the deadline).
//!
//! A promise that is off has no clock, and an internal finding has no
//! reporter clocks (nor the policy's deadline, which is promised to
//! reporters; a deadline set by hand still runs). The embargo is not a
//! clock: it only gates `publish`.
//!
//! With the policy's `cra` switch on, a case whose exploitation is
//! recorded also has the three clocks of the EU Cyber Resilience Act's
//! Article 14 (`CraClocks`). They are the law's, not the team's promises:
//! paused time does not stop them, and publishing does not either; each
//! stops when its report is submitted. A rejected or withdrawn case has
//! none.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::case::{Case, CaseSummary, Decision, State};
use crate::model::cra::CraReport;
use crate::model::time::{Due, due_with_pauses, fast_serde};

/// Which promise a clock tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    Acknowledgement,
    ReporterUpdate,
    Disclosure,
    FixCoverage,
    /// CRA Article 14(2)(a): 24 hours after awareness of exploitation.
    CraEarlyWarning,
    /// CRA Article 14(2)(b): 72 hours after awareness of exploitation.
    CraNotification,
    /// CRA Article 14(2)(c): 14 days after the first fix or mitigation.
    CraFinalReport,
}

impl ClockKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Acknowledgement => "ack",
            Self::ReporterUpdate => "update",
            Self::Disclosure => "disclose",
            Self::FixCoverage => "fix",
            Self::CraEarlyWarning => "early warning",
            Self::CraNotification => "notification",
            Self::CraFinalReport => "final report",
        }
    }

    /// The clock of one CRA report.
    pub fn of_report(report: CraReport) -> Self {
        match report {
            CraReport::EarlyWarning => Self::CraEarlyWarning,
            CraReport::Notification => Self::CraNotification,
            CraReport::FinalReport => Self::CraFinalReport,
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

/// Every clock of a case at `now`. Closed cases have none, except the CRA
/// clocks of a published case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clocks {
    /// The CRA Article 14 clocks, first: only with the policy's `cra` on
    /// and exploitation recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cra: Option<CraClocks>,
    pub acknowledgement: Option<ClockView>,
    pub reporter_update: Option<ClockView>,
    pub disclosure: Option<ClockView>,
    /// Runs while an affected maintained release lacks a released fix; it
    /// falls due with the disclosure deadline.
    pub fix_coverage: Option<ClockView>,
    /// The affected releases without a released fix, by name.
    pub missing_fixes: Vec<String>,
    /// The clock that falls due first (the CRA clocks, then fix coverage,
    /// before disclosure on a tie).
    pub next: Option<ClockView>,
}

impl Clocks {
    /// The clocks of `case`; `cra` is the policy's switch.
    pub fn of(case: &Case, now: DateTime<Utc>, cra: bool) -> Self {
        Self::of_summary(&CaseSummary::from(case), now, cra)
    }

    /// The clocks from a case's summary, as `status` and `check` read it;
    /// `cra` is the policy's switch.
    pub fn of_summary(case: &CaseSummary, now: DateTime<Utc>, cra: bool) -> Self {
        let cra = cra.then(|| CraClocks::of(case, now)).flatten();
        if !case.state.is_open() {
            return Self {
                next: cra.as_ref().and_then(|c| c.next(now)),
                cra,
                acknowledgement: None,
                reporter_update: None,
                disclosure: None,
                fix_coverage: None,
                missing_fixes: Vec::new(),
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
        let running_cra = cra.iter().flat_map(|c| c.running(now));
        let next = running_cra
            .chain(
                [acknowledgement, reporter_update, fix_coverage, disclosure]
                    .into_iter()
                    .flatten(),
            )
            .filter(|c| c.due_at().is_some())
            .min_by_key(|c| c.due_at());
        Self {
            cra,
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

/// Where one CRA report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CraStatus {
    /// Not submitted, due later.
    Running,
    /// Not submitted, and its due time has passed.
    Missed,
    /// The final report, while no fix is released and no mitigation recorded.
    WaitingForMeasure,
    /// Submitted by its due time (or before one was set).
    Submitted,
    /// Submitted after its due time.
    SubmittedLate,
}

impl CraStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Missed => "missed",
            Self::WaitingForMeasure => "waiting-for-measure",
            Self::Submitted => "submitted",
            Self::SubmittedLate => "submitted-late",
        }
    }
}

/// One of the three CRA reports of a case at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CraClock {
    pub report: CraReport,
    pub status: CraStatus,
    /// When it is (or was) due; `None` for the final report until a fix is
    /// released or a mitigation recorded.
    #[serde(with = "fast_serde::option")]
    pub due: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none", with = "fast_serde::option")]
    pub submitted_at: Option<DateTime<Utc>>,
    /// Minutes until due (negative once missed), while not submitted.
    pub minutes_left: Option<i64>,
}

impl CraClock {
    fn new(
        report: CraReport,
        due: Option<DateTime<Utc>>,
        submitted_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Self {
        let status = match (submitted_at, due) {
            (Some(at), Some(due)) if at > due => CraStatus::SubmittedLate,
            (Some(_), _) => CraStatus::Submitted,
            (None, None) => CraStatus::WaitingForMeasure,
            (None, Some(due)) if due < now => CraStatus::Missed,
            (None, Some(_)) => CraStatus::Running,
        };
        Self {
            report,
            status,
            due,
            submitted_at,
            minutes_left: due
                .filter(|_| submitted_at.is_none())
                .map(|due| (due - now).num_minutes()),
        }
    }

    /// The clock as a running clock (for `next` and the tables), while its
    /// report is not submitted and a due time is set.
    pub fn view(&self, now: DateTime<Utc>) -> Option<ClockView> {
        if self.submitted_at.is_some() {
            return None;
        }
        let due = self.due?;
        Some(ClockView::new(
            ClockKind::of_report(self.report),
            Due::At(due),
            now,
        ))
    }
}

/// The three clocks of CRA Article 14 for a case whose exploitation is
/// recorded. Pauses do not stop them; a submission does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CraClocks {
    /// When the team became aware of the exploitation.
    #[serde(with = "fast_serde")]
    pub aware_at: DateTime<Utc>,
    /// When a fix was first released or a mitigation first available.
    #[serde(with = "fast_serde::option")]
    pub measure_at: Option<DateTime<Utc>>,
    pub early_warning: CraClock,
    pub notification: CraClock,
    pub final_report: CraClock,
}

impl CraClocks {
    /// The clocks of a case with exploitation recorded (whatever the policy
    /// says: the caller decides whether the `cra` switch is on). A rejected
    /// or withdrawn case has none.
    pub fn of(case: &CaseSummary, now: DateTime<Utc>) -> Option<Self> {
        if matches!(case.state, State::Rejected | State::Withdrawn) {
            return None;
        }
        let cra = case.cra.as_ref()?;
        let measure_at = case.first_measure_at();
        let clock = |report: CraReport| {
            CraClock::new(
                report,
                report.due(cra.aware_at, measure_at),
                cra.submitted.get(&report).copied(),
                now,
            )
        };
        Some(Self {
            aware_at: cra.aware_at,
            measure_at,
            early_warning: clock(CraReport::EarlyWarning),
            notification: clock(CraReport::Notification),
            final_report: clock(CraReport::FinalReport),
        })
    }

    /// The three, in the order they fall due.
    pub fn all(&self) -> [&CraClock; 3] {
        [&self.early_warning, &self.notification, &self.final_report]
    }

    pub fn get(&self, report: CraReport) -> &CraClock {
        match report {
            CraReport::EarlyWarning => &self.early_warning,
            CraReport::Notification => &self.notification,
            CraReport::FinalReport => &self.final_report,
        }
    }

    /// The clocks still running (or missed), as running clocks.
    pub fn running(&self, now: DateTime<Utc>) -> Vec<ClockView> {
        self.all().iter().filter_map(|c| c.view(now)).collect()
    }

    /// The one that falls due first among those still owed.
    pub fn next(&self, now: DateTime<Utc>) -> Option<ClockView> {
        self.running(now).into_iter().min_by_key(|c| c.due_at())
    }

    /// The first one still owed, or (all submitted) `None`; the final
    /// report waiting for a measure counts as owed.
    pub fn first_owed(&self) -> Option<&CraClock> {
        self.all().into_iter().find(|c| c.submitted_at.is_none())
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
        let before = Clocks::of(&c, at("2026-03-04T08:59:00Z"), false);
        assert!(!before.acknowledgement.unwrap().overdue);
        assert_eq!(before.next.unwrap().kind, ClockKind::Acknowledgement);
        let after = Clocks::of(&c, at("2026-03-04T09:01:00Z"), false);
        assert!(after.acknowledgement.unwrap().overdue);
        assert_eq!(after.acknowledgement.unwrap().minutes_left, Some(-1));
    }

    #[test]
    fn acknowledging_starts_the_update_clock() {
        let mut c = case();
        let t = at("2026-03-03T09:00:00Z");
        c.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
        let clocks = Clocks::of(&c, t, false);
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
        let clocks = Clocks::of(&c, at("2026-04-01T00:00:00Z"), false);
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
        let clocks = Clocks::of(&c, at("2027-03-03T09:00:00Z"), false);
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
        let clocks = Clocks::of(&c, t, false);
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
        let clocks = Clocks::of(&c, at("2027-03-02T09:00:00Z"), false);
        assert_eq!(clocks, Clocks::of(&c, at("2026-03-02T09:00:00Z"), false));
        assert!(clocks.acknowledgement.is_none() && clocks.reporter_update.is_none());
        assert!(clocks.disclosure.is_none() && clocks.next.is_none());
    }

    #[test]
    fn cra_clocks_run_through_pauses_and_publication_and_only_with_the_switch() {
        use crate::model::case::ExploitationChange;
        let mut c = case();
        let t = at("2026-03-02T10:00:00Z");
        c.record_exploitation(
            ExploitationChange {
                evidence: Some("seen".into()),
                ..ExploitationChange::default()
            },
            Stamp { at: t, by: "M" },
        )
        .unwrap();
        c.pause("on-hold".into(), Stamp { at: t, by: "M" }).unwrap();
        let later = at("2026-03-03T10:01:00Z");
        assert_eq!(Clocks::of(&c, later, false).cra, None);
        let clocks = Clocks::of(&c, later, true);
        let cra = clocks.cra.as_ref().unwrap();
        assert_eq!(cra.early_warning.status, CraStatus::Missed);
        assert_eq!(cra.early_warning.minutes_left, Some(-1));
        assert_eq!(cra.notification.status, CraStatus::Running);
        assert_eq!(cra.final_report.status, CraStatus::WaitingForMeasure);
        assert_eq!(clocks.acknowledgement.unwrap().due, Due::Paused);
        assert_eq!(clocks.next.unwrap().kind, ClockKind::CraEarlyWarning);

        c.record(
            EventKind::Published {
                advisory: "DEMO-SA-2026-001".into(),
                forced_reason: None,
            },
            later,
            "M",
            None,
        );
        let clocks = Clocks::of(&c, later, true);
        assert!(clocks.acknowledgement.is_none());
        assert_eq!(clocks.next.unwrap().kind, ClockKind::CraEarlyWarning);
        c.record(EventKind::Withdrawn { reason: None }, later, "M", None);
        assert_eq!(Clocks::of(&c, later, true).cra, None);
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
