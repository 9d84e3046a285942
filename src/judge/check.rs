//! `disclose check`'s judgement: the findings of every open case against
//! the promises copied into it, at `now`. No I/O: `commands/check.rs` reads
//! the store and renders a `Verdict` as text, JSON or GitHub annotations.
//!
//! A finding is an `error` when a promise is broken and a `warning` when one
//! is about to break (its due time is within `warn_within`). Acknowledgement
//! and reporter-update clocks only give errors: their spans are short, and a
//! week's warning would flag every new case.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use crate::judge::clocks::{self, ClockView, Clocks, CraClocks};
use crate::model::case::CaseSummary;
use crate::model::cra::CraReport;
use crate::model::duration::{Duration, promise_text};
use crate::model::id::CaseId;
use crate::model::time::{relative, rfc3339, span};

/// How long a late acknowledgement is still reported after it was sent, so
/// a daily CI run cannot miss it; after that it counts in `disclose stats`.
pub const LATE_ACK_REPORTED_FOR: TimeDelta = TimeDelta::days(1);

/// How long local commits may wait for `disclose sync` before a warning.
pub const UNPUSHED_GRACE: TimeDelta = TimeDelta::days(1);

/// How bad a finding is: an error fails `check`; a warning fails it only
/// with `--strict`. (The field holding it is `severity` in the JSON.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// What a finding is about. The kebab-case names are part of the JSON format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Not acknowledged by `received_at + ack_within`.
    AcknowledgementOverdue,
    /// Acknowledged after its due time (reported for a day after).
    AcknowledgementLate,
    /// No update to the reporter within `update_every`.
    ReporterUpdateOverdue,
    /// The disclosure deadline passed (error) or is near (warning).
    DisclosureDeadline,
    /// An affected maintained release has no released fix and the deadline
    /// passed (error) or is near (warning).
    FixMissing,
    /// A case file that cannot be read or parsed.
    UnreadableCase,
    /// Local commits not pushed to the store's remote for over a day.
    UnpushedCommits,
    /// Two published cases carry the same advisory ID (published from two
    /// clones with `--offline`, or in a race).
    AdvisoryReused,
    /// CRA Article 14(2)(a): the early warning, 24 hours after awareness of
    /// active exploitation, is missed (error) or due soon (warning).
    CraEarlyWarning,
    /// CRA Article 14(2)(b): the vulnerability notification, 72 hours after
    /// awareness, is missed (error) or due soon (warning).
    CraNotification,
    /// CRA Article 14(2)(c): the final report, 14 days after the first fix
    /// or mitigation, is missed (error) or due soon (warning).
    CraFinalReport,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AcknowledgementOverdue => "acknowledgement-overdue",
            Self::AcknowledgementLate => "acknowledgement-late",
            Self::ReporterUpdateOverdue => "reporter-update-overdue",
            Self::DisclosureDeadline => "disclosure-deadline",
            Self::FixMissing => "fix-missing",
            Self::UnreadableCase => "unreadable-case",
            Self::UnpushedCommits => "unpushed-commits",
            Self::AdvisoryReused => "advisory-reused",
            Self::CraEarlyWarning => "cra-early-warning",
            Self::CraNotification => "cra-notification",
            Self::CraFinalReport => "cra-final-report",
        }
    }

    /// A short title, for annotations.
    pub fn title(self) -> &'static str {
        match self {
            Self::AcknowledgementOverdue => "acknowledgement overdue",
            Self::AcknowledgementLate => "acknowledged late",
            Self::ReporterUpdateOverdue => "reporter not updated",
            Self::DisclosureDeadline => "disclosure deadline",
            Self::FixMissing => "fix not released",
            Self::UnreadableCase => "unreadable case file",
            Self::UnpushedCommits => "unpushed commits",
            Self::AdvisoryReused => "advisory ID given twice",
            Self::CraEarlyWarning => "CRA early warning",
            Self::CraNotification => "CRA vulnerability notification",
            Self::CraFinalReport => "CRA final report",
        }
    }

    /// The finding about one CRA report.
    pub fn of_report(report: CraReport) -> Self {
        match report {
            CraReport::EarlyWarning => Self::CraEarlyWarning,
            CraReport::Notification => Self::CraNotification,
            CraReport::FinalReport => Self::CraFinalReport,
        }
    }
}

/// One broken or nearly broken promise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The case, or `None` for a store-wide finding or a file whose name is
    /// not a case ID.
    pub case: Option<CaseId>,
    pub kind: FindingKind,
    pub severity: Level,
    /// When the promise falls (or fell) due.
    pub due: Option<DateTime<Utc>>,
    /// Minutes from now until `due`: negative once late.
    pub minutes_left: Option<i64>,
    /// The maintained release, for `fix-missing`.
    pub release: Option<String>,
    /// The file at fault, relative to the store, for `unreadable-case`.
    pub file: Option<String>,
    /// One sentence for people.
    pub message: String,
}

impl Finding {
    fn timed(
        case: &CaseSummary,
        kind: FindingKind,
        severity: Level,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
        message: String,
    ) -> Self {
        Self {
            case: Some(case.id.clone()),
            kind,
            severity,
            due: Some(due),
            minutes_left: Some((due - now).num_minutes()),
            release: None,
            file: None,
            message,
        }
    }
}

/// A case file that could not be read, as the store reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The case ID the file name claims, when it is one.
    pub case: Option<CaseId>,
    /// The file, relative to the store.
    pub file: String,
    /// The reader's error, naming line and column for bad JSON.
    pub error: String,
}

/// What `check` was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Warn about deadlines due within this long (default `7d`).
    pub warn_within: Duration,
    /// The policy's `cra` switch: judge the CRA Article 14 clocks.
    pub cra: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            warn_within: Duration::days(7),
            cra: false,
        }
    }
}

/// The counts under the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Open cases judged (unreadable files not included).
    pub open_cases: usize,
    /// Cases with at least one error.
    pub cases_with_errors: usize,
    /// Cases with warnings and no error.
    pub cases_with_warnings: usize,
    pub unreadable_files: usize,
    /// The instant the cases were judged at.
    #[serde(serialize_with = "serialize_rfc3339")]
    pub now: DateTime<Utc>,
    pub warn_within: Duration,
}

fn serialize_rfc3339<S: serde::Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&rfc3339(*at))
}

/// What `check` prints: the findings grouped by case, most serious first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// The inputs beyond the cases.
#[derive(Debug, Clone, Default)]
pub struct StoreState {
    /// Files in `cases/` that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// The oldest local commit not yet on the store's remote, once the
    /// store can tell (`disclose sync`); `None` when all is pushed or unknown.
    pub unpushed_since: Option<DateTime<Utc>>,
}

/// Judges `cases` at `now`.
pub fn check(
    cases: &[CaseSummary],
    store: &StoreState,
    now: DateTime<Utc>,
    opts: Options,
) -> Verdict {
    let mut findings: Vec<Finding> = store.unreadable.iter().map(unreadable).collect();
    let open: Vec<&CaseSummary> = cases.iter().filter(|c| c.state.is_open()).collect();
    for case in cases {
        findings.extend(judge(case, now, opts));
    }
    findings.extend(store.unpushed_since.and_then(|since| unpushed(since, now)));
    findings.extend(reused_advisories(cases));
    sort_grouped(&mut findings);

    let count = |sev| findings.iter().filter(|f| f.severity == sev).count();
    // One pass over the findings: looking each open case up among all of
    // them would be quadratic in a large store.
    let mut worst = std::collections::HashMap::<&CaseId, Level>::new();
    for f in &findings {
        if let Some(id) = &f.case {
            let w = worst.entry(id).or_insert(f.severity);
            *w = (*w).max(f.severity);
        }
    }
    // Every case with a finding: open ones, and published ones whose
    // advisory ID is taken twice.
    let worst_per_case: Vec<Option<Level>> = worst.values().copied().map(Some).collect();
    let summary = Summary {
        errors: count(Level::Error),
        warnings: count(Level::Warning),
        open_cases: open.len(),
        cases_with_errors: worst_per_case
            .iter()
            .filter(|w| **w == Some(Level::Error))
            .count(),
        cases_with_warnings: worst_per_case
            .iter()
            .filter(|w| **w == Some(Level::Warning))
            .count(),
        unreadable_files: store.unreadable.len(),
        now,
        warn_within: opts.warn_within,
    };
    Verdict { findings, summary }
}

/// Groups findings by case (cases with errors first, then by earliest due
/// time, then ID); within a case, errors first, then by due time. Findings
/// without a case come last.
fn sort_grouped(findings: &mut Vec<Finding>) {
    use std::cmp::Reverse;
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<Option<&CaseId>, (Level, Option<DateTime<Utc>>)> = BTreeMap::new();
    for f in findings.iter() {
        let g = groups.entry(f.case.as_ref()).or_insert((f.severity, f.due));
        g.0 = g.0.max(f.severity);
        g.1 = match (g.1, f.due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    // Each finding's group key, looked up once (not at every comparison:
    // a large store has a hundred thousand findings).
    let keys: Vec<_> = findings
        .iter()
        .map(|f| {
            let (sev, due) = groups[&f.case.as_ref()];
            (f.case.is_none(), Reverse(sev), due.is_none(), due)
        })
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&findings[i], &findings[j]);
        keys[i]
            .cmp(&keys[j])
            .then_with(|| a.case.cmp(&b.case))
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.due.cmp(&b.due))
            .then_with(|| a.release.cmp(&b.release))
    });
    let mut slots: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    *findings = order.into_iter().filter_map(|i| slots[i].take()).collect();
}

/// Every finding of one case at `now`: the policy's clocks while it is
/// open, and the CRA clocks (with `opts.cra`) until their reports are
/// submitted, published or not.
pub fn judge(case: &CaseSummary, now: DateTime<Utc>, opts: Options) -> Vec<Finding> {
    let mut out = Vec::new();
    // A closed case is judged only for CRA reports it still owes.
    let judged = case.state.is_open() || (opts.cra && case.cra.is_some());
    if !judged {
        return out;
    }
    let clocks = Clocks::of_summary(case, now, opts.cra);
    let horizon = opts.warn_within.after(now);
    if let Some(cra) = &clocks.cra {
        out.extend(cra_findings(case, cra, now, horizon));
    }
    if !case.state.is_open() {
        return out;
    }

    if let Some(at) = overdue(clocks.acknowledgement, now) {
        out.push(Finding::timed(
            case,
            FindingKind::AcknowledgementOverdue,
            Level::Error,
            at,
            now,
            format!(
                "not acknowledged: the reply was due {} ({}), {} after receipt",
                rfc3339(at),
                relative(at, now),
                promise_text(case.policy.ack_within)
            ),
        ));
    }
    if let Some(finding) = late_acknowledgement(case, now) {
        out.push(finding);
    }
    if let Some(at) = overdue(clocks.reporter_update, now) {
        out.push(Finding::timed(
            case,
            FindingKind::ReporterUpdateOverdue,
            Level::Error,
            at,
            now,
            format!(
                "reporter not updated since {}: an update was due {} ({}), every {}",
                rfc3339(case.last_reporter_update()),
                rfc3339(at),
                relative(at, now),
                promise_text(case.policy.update_every)
            ),
        ));
    }
    if case.published_at.is_none()
        && let Some((at, severity)) = near_or_past(clocks.disclosure, now, horizon)
    {
        let source = match (case.deadline_agreed, case.deadline_preset) {
            (true, Some(preset)) => format!("agreed with the reporter, {preset}"),
            (true, None) => "agreed with the reporter".to_owned(),
            (false, _) => format!(
                "{} after receipt",
                promise_text(case.policy.disclose_within)
            ),
        };
        let what = if severity == Level::Error {
            "disclosure deadline passed"
        } else {
            "disclosure deadline near"
        };
        out.push(Finding::timed(
            case,
            FindingKind::DisclosureDeadline,
            severity,
            at,
            now,
            format!(
                "{what}: due {} ({}; {source}), not published",
                rfc3339(at),
                relative(at, now)
            ),
        ));
    }
    if let Some((at, severity)) = near_or_past(clocks.fix_coverage, now, horizon) {
        for release in &clocks.missing_fixes {
            let mut finding = Finding::timed(
                case,
                FindingKind::FixMissing,
                severity,
                at,
                now,
                format!(
                    "release {release} is affected and has no released fix; the disclosure deadline is {} ({})",
                    rfc3339(at),
                    relative(at, now)
                ),
            );
            finding.release = Some(release.clone());
            out.push(finding);
        }
    }
    out
}

/// A finding for each CRA report not submitted that is missed (error) or
/// due within the horizon (warning).
fn cra_findings(
    case: &CaseSummary,
    cra: &CraClocks,
    now: DateTime<Utc>,
    horizon: DateTime<Utc>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for clock in cra.all() {
        let Some((at, severity)) = near_or_past(clock.view(now), now, horizon) else {
            continue;
        };
        let report = clock.report;
        let since = match (report, cra.measure_at) {
            (CraReport::EarlyWarning, _) => format!(
                "24 hours after the team became aware of active exploitation at {}",
                rfc3339(cra.aware_at)
            ),
            (CraReport::Notification, _) => format!(
                "72 hours after the team became aware of active exploitation at {}",
                rfc3339(cra.aware_at)
            ),
            (CraReport::FinalReport, Some(measure)) if measure > cra.aware_at => format!(
                "14 days after the first fix or mitigation, available since {}",
                rfc3339(measure)
            ),
            (CraReport::FinalReport, _) => format!(
                "14 days after awareness of active exploitation at {}, when a fix or mitigation was already available",
                rfc3339(cra.aware_at)
            ),
        };
        let message = if severity == Level::Error {
            format!(
                "CRA {} ({}) not submitted: it was due {} ({}), {since}",
                report.words(),
                report.article(),
                rfc3339(at),
                relative(at, now)
            )
        } else {
            format!(
                "CRA {} ({}) due {} ({}), {since}; not submitted yet",
                report.words(),
                report.article(),
                rfc3339(at),
                relative(at, now)
            )
        };
        out.push(Finding::timed(
            case,
            FindingKind::of_report(report),
            severity,
            at,
            now,
            message,
        ));
    }
    out
}

fn overdue(clock: Option<ClockView>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    clock.and_then(|c| c.due_at()).filter(|at| *at < now)
}

fn near_or_past(
    clock: Option<ClockView>,
    now: DateTime<Utc>,
    horizon: DateTime<Utc>,
) -> Option<(DateTime<Utc>, Level)> {
    let at = clock?.due_at()?;
    if at < now {
        Some((at, Level::Error))
    } else if at <= horizon {
        Some((at, Level::Warning))
    } else {
        None
    }
}

/// An acknowledgement sent after its due time, for a day after it was sent.
fn late_acknowledgement(case: &CaseSummary, now: DateTime<Utc>) -> Option<Finding> {
    let acked = case.acknowledged_at?;
    let due = clocks::acknowledged_late(case)?;
    if now >= acked + LATE_ACK_REPORTED_FOR {
        return None;
    }
    Some(Finding::timed(
        case,
        FindingKind::AcknowledgementLate,
        Level::Error,
        due,
        now,
        format!(
            "acknowledged {} late: the reply was due {} ({} after receipt) and went out {}",
            span(acked - due),
            rfc3339(due),
            promise_text(case.policy.ack_within),
            rfc3339(acked)
        ),
    ))
}

/// The finding for a case file that could not be read.
pub fn unreadable(u: &Unreadable) -> Finding {
    Finding {
        case: u.case.clone(),
        kind: FindingKind::UnreadableCase,
        severity: Level::Error,
        due: None,
        minutes_left: None,
        release: None,
        file: Some(u.file.clone()),
        message: format!("cannot read {}: {}", u.file, u.error),
    }
}

/// An error for every published case whose advisory ID another case holds
/// too: the two advisories cannot both be cited by that ID.
pub fn reused_advisories(cases: &[CaseSummary]) -> Vec<Finding> {
    let mut by_advisory: std::collections::BTreeMap<&str, Vec<&CaseSummary>> =
        std::collections::BTreeMap::new();
    for case in cases {
        if let Some(advisory) = case.advisory.as_deref() {
            by_advisory.entry(advisory).or_default().push(case);
        }
    }
    let mut findings = Vec::new();
    for (advisory, holders) in by_advisory.into_iter().filter(|(_, h)| h.len() > 1) {
        for case in &holders {
            let others: Vec<&str> = holders
                .iter()
                .filter(|c| c.id != case.id)
                .map(|c| c.id.as_str())
                .collect();
            findings.push(Finding {
                case: Some(case.id.clone()),
                kind: FindingKind::AdvisoryReused,
                severity: Level::Error,
                due: case.published_at,
                minutes_left: None,
                release: None,
                file: None,
                message: format!(
                    "published as {advisory}, which is also the advisory ID of {}: \
                     keep the ID on the advisory that went out first, and correct the other",
                    others.join(", ")
                ),
            });
        }
    }
    findings
}

/// A warning when local commits have waited more than a day to be pushed.
pub fn unpushed(since: DateTime<Utc>, now: DateTime<Utc>) -> Option<Finding> {
    let due = since + UNPUSHED_GRACE;
    (due < now).then(|| Finding {
        case: None,
        kind: FindingKind::UnpushedCommits,
        severity: Level::Warning,
        due: Some(due),
        minutes_left: Some((due - now).num_minutes()),
        release: None,
        file: None,
        message: format!(
            "local commits since {} are not pushed ({} ago); run `disclose sync`",
            rfc3339(since),
            span(now - since)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::Case;
    use crate::model::case::{Decision, EventKind, NewCase, Stamp};
    use crate::model::policy::Policy;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn case(id: &str) -> Case {
        Case::open(
            id.parse().unwrap(),
            NewCase {
                title: "t".into(),
                ..NewCase::default()
            },
            Policy::default().slas(),
            at("2026-03-02T09:00:00Z"),
            "M",
        )
    }

    fn kinds(findings: &[Finding]) -> Vec<(FindingKind, Level)> {
        findings.iter().map(|f| (f.kind, f.severity)).collect()
    }

    #[test]
    fn acknowledgement_is_overdue_strictly_after_its_due_time() {
        let c = case("DISC-2026-A0001");
        let opts = Options::default();
        assert!(judge(&CaseSummary::from(&c), at("2026-03-04T09:00:00Z"), opts).is_empty());
        assert_eq!(
            kinds(&judge(
                &CaseSummary::from(&c),
                at("2026-03-04T09:01:00Z"),
                opts
            )),
            [(FindingKind::AcknowledgementOverdue, Level::Error)]
        );
    }

    #[test]
    fn fix_findings_name_each_release_without_a_released_fix() {
        let mut c = case("DISC-2026-A0001");
        let t = at("2026-03-03T09:00:00Z");
        c.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
        for name in ["1.4", "1.5"] {
            c.record(
                EventKind::ReleaseDecided {
                    release: name.into(),
                    decision: Decision::Affected,
                    reason: None,
                },
                t,
                "M",
                None,
            );
        }
        // Keep the reporter informed so only the deadline clocks speak.
        c.record(
            EventKind::ContactLogged {
                direction: crate::model::case::Direction::ToReporter,
                text: "x".into(),
                message_id: None,
                sent_at: None,
                attachments: Vec::new(),
            },
            at("2026-05-29T09:00:00Z"),
            "M",
            None,
        );
        let found = judge(
            &CaseSummary::from(&c),
            at("2026-05-30T09:00:00Z"),
            Options::default(),
        );
        let releases: Vec<_> = found.iter().filter_map(|f| f.release.as_deref()).collect();
        assert_eq!(releases, ["1.4", "1.5"]);
        assert!(found.iter().all(|f| f.severity == Level::Warning));
    }

    #[test]
    fn findings_are_grouped_by_case_errors_first() {
        let late = case("DISC-2026-A0001");
        let later = case("DISC-2026-A0002");
        let state = StoreState {
            unreadable: vec![Unreadable {
                case: None,
                file: "cases/notes.txt".into(),
                error: "not a case file".into(),
            }],
            unpushed_since: Some(at("2026-03-01T00:00:00Z")),
        };
        let report = check(
            &[CaseSummary::from(&later), CaseSummary::from(&late)],
            &state,
            at("2026-03-05T09:00:00Z"),
            Options::default(),
        );
        let subjects: Vec<_> = report
            .findings
            .iter()
            .map(|f| (f.case.as_ref().map(CaseId::as_str), f.kind))
            .collect();
        assert_eq!(
            subjects,
            [
                (Some("DISC-2026-A0001"), FindingKind::AcknowledgementOverdue),
                (Some("DISC-2026-A0002"), FindingKind::AcknowledgementOverdue),
                (None, FindingKind::UnreadableCase),
                (None, FindingKind::UnpushedCommits),
            ]
        );
        assert_eq!(report.summary.errors, 3);
        assert_eq!(report.summary.warnings, 1);
        assert_eq!(report.summary.cases_with_errors, 2);
        assert_eq!(report.summary.open_cases, 2);
    }

    #[test]
    fn an_internal_finding_never_gets_a_clock_finding() {
        let c = Case::open(
            "DISC-2026-A0001".parse().unwrap(),
            NewCase {
                title: "found in the audit".into(),
                internal: true,
                ..NewCase::default()
            },
            Policy::default().slas(),
            at("2026-03-02T09:00:00Z"),
            "M",
        );
        for now in [
            "2026-03-05T09:00:00Z",
            "2026-06-01T09:00:00Z",
            "2027-03-02T09:00:00Z",
        ] {
            assert_eq!(
                judge(&CaseSummary::from(&c), at(now), Options::default()),
                vec![],
                "{now}"
            );
        }
    }

    #[test]
    fn a_passed_embargo_is_not_a_finding_and_a_passed_deadline_is() {
        let mut c = case("DISC-2026-A0001");
        let t = at("2026-03-02T10:00:00Z");
        let stamp = Stamp { at: t, by: "M" };
        c.acknowledge(t, stamp, None).unwrap();
        c.set_embargo(
            Some(at("2026-03-20T14:00:00Z")),
            Some("+01:00".into()),
            stamp,
            None,
        )
        .unwrap();
        c.set_deadline(Some(at("2026-04-01T00:00:00Z")), None, stamp, None)
            .unwrap();
        // Keep the reporter informed, so only the dates speak.
        for day in ["2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29"] {
            c.record(
                EventKind::ContactLogged {
                    direction: crate::model::case::Direction::ToReporter,
                    text: "x".into(),
                    message_id: None,
                    sent_at: None,
                    attachments: Vec::new(),
                },
                at(&format!("{day}T09:00:00Z")),
                "M",
                None,
            );
        }
        let opts = Options::default();
        let after_embargo = judge(&CaseSummary::from(&c), at("2026-03-21T00:00:00Z"), opts);
        assert_eq!(after_embargo, vec![]);
        let after_deadline = judge(&CaseSummary::from(&c), at("2026-04-01T00:01:00Z"), opts);
        assert_eq!(
            kinds(&after_deadline),
            [(FindingKind::DisclosureDeadline, Level::Error)]
        );
        assert!(
            after_deadline[0]
                .message
                .contains("agreed with the reporter"),
            "{}",
            after_deadline[0].message
        );
    }

    #[test]
    fn unpushed_commits_warn_after_a_day() {
        let since = at("2026-03-02T09:00:00Z");
        assert!(unpushed(since, at("2026-03-03T09:00:00Z")).is_none());
        let f = unpushed(since, at("2026-03-03T09:01:00Z")).unwrap();
        assert_eq!(
            (f.kind, f.severity),
            (FindingKind::UnpushedCommits, Level::Warning)
        );
    }
}
