//! Read-side views of a case for the hot paths (`status`, `check`): they are
//! read straight from a case file and skip its `events`, so listing a large
//! store never parses history.
//!
//! `CaseFields` is the whole projection without `events` (what `status
//! --json` prints); `CaseSummary` is derived from it: the part the clocks
//! and the policy checks need.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    Affected, Case, CaseFields, Contact, CraSubmission, CraSummary, Decision, Direction, Exploited,
    Fix, Mitigation, PauseSpan, Paused, ReleaseStatus, State, matrix_complete, package_fixes,
    release_fixed,
};
use crate::model::id::CaseId;
use crate::model::policy::Slas;
use crate::model::preset::Preset;
use crate::model::time::{Pause, fast_serde};

/// When and which way a message to or from the reporter went (its text stays
/// in the case file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactStamp {
    #[serde(with = "fast_serde")]
    pub at: DateTime<Utc>,
    pub direction: Direction,
}

/// One row of the fix matrix with its fix, as the checks need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseRow {
    pub release: String,
    pub decision: Decision,
    /// The version that ships the fix, once released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_in: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub released_at: Option<DateTime<Utc>>,
    /// A fix is linked (commits or a PR) but not released yet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prepared: bool,
}

/// What the clocks and the policy checks read of a case: small enough to
/// keep for every case of a large store, and cached between runs (empty
/// fields are left out of the cache's lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub title: String,
    pub state: State,
    #[serde(with = "fast_serde")]
    pub received_at: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub confirmed_at: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub fixed_at: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub closed_at: Option<DateTime<Utc>>,
    /// A finding of the team's own: no reporter clocks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub embargo_until: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embargo_offset: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub deadline: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deadline_agreed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_preset: Option<Preset>,
    pub policy: Slas,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused: Option<Paused>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<PauseSpan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactStamp>,
    /// The fix matrix, by release name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub releases: Vec<ReleaseRow>,
    /// How many packages are listed as affected.
    pub affected: usize,
    /// Whether every affected release is fixed or decided (`Case::matrix_complete`).
    pub matrix_complete: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub published_at: Option<DateTime<Utc>>,
    /// The public advisory ID, once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisory: Option<String>,
    /// Opened by `disclose import` from a record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
    /// The record did not say when the report was received: `received_at`
    /// is only the first time it knows of, not a time to measure from.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub received_unknown: bool,
    /// Awareness of active exploitation and the CRA reports submitted, once
    /// exploitation is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cra: Option<CraSummary>,
}

impl CaseSummary {
    /// The fix matrix in a few characters per release, for tables:
    /// `1.4 fixed · 1.5 prepared · 2.x n/a`.
    pub fn matrix_compact(&self) -> String {
        self.releases
            .iter()
            .map(|row| {
                let word = match row.decision {
                    Decision::Affected if row.fixed_in.is_some() => "fixed",
                    Decision::Affected if row.prepared => "prepared",
                    Decision::Affected => "open",
                    Decision::NotAffected => "n/a",
                    Decision::Unknown => "?",
                    Decision::WontFix => "wont-fix",
                    Decision::Eol => "eol",
                };
                format!("{} {word}", row.release)
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The stretches of paused time, for the clocks.
    pub fn pause_spans(&self) -> Vec<Pause> {
        self.pauses
            .iter()
            .map(|p| Pause {
                since: p.since,
                until: p.until,
            })
            .collect()
    }

    /// When the reporter last heard from the team (or the report arrived).
    pub fn last_reporter_update(&self) -> DateTime<Utc> {
        self.contacts
            .iter()
            .filter(|c| c.direction == Direction::ToReporter)
            .map(|c| c.at)
            .chain(self.acknowledged_at)
            .chain([self.received_at])
            .max()
            .unwrap_or(self.received_at)
    }

    /// When a corrective or mitigating measure first became available: the
    /// first release whose every affected package got a released fix, or
    /// the first recorded mitigation.
    pub fn first_measure_at(&self) -> Option<DateTime<Utc>> {
        super::cra::first_measure(
            self.releases
                .iter()
                .filter(|row| row.fixed_in.is_some())
                .filter_map(|row| row.released_at),
            self.cra.as_ref().and_then(|c| c.mitigated_at).into_iter(),
        )
    }

    fn new(f: SummaryFile) -> Self {
        let SummaryFile {
            schema_version: _,
            id,
            title,
            state,
            received_at,
            acknowledged_at,
            confirmed_at,
            fixed_at,
            closed_at,
            internal,
            embargo_until,
            embargo_offset,
            deadline,
            deadline_agreed,
            deadline_preset,
            policy,
            paused,
            pauses,
            contacts,
            affected,
            releases,
            fixes,
            identifiers,
            published_at,
            imported,
            exploited,
            mitigations,
            cra_reports,
        } = f;
        let opened_from = imported.iter().find(|f| f.opened);
        let rows = releases
            .iter()
            .map(|(name, row)| {
                let packages = package_fixes(&affected, &fixes, name);
                let fixed = release_fixed(&affected, &fixes, name);
                let versions: Vec<String> = match packages.as_slice() {
                    [only] => only.version().map(str::to_owned).into_iter().collect(),
                    many => many
                        .iter()
                        .filter_map(|p| Some(format!("{} {}", p.package.name, p.version()?)))
                        .collect(),
                };
                ReleaseRow {
                    release: name.clone(),
                    decision: row.decision,
                    fixed_in: fixed.then(|| versions.join(", ")),
                    released_at: packages
                        .iter()
                        .filter_map(|p| p.fix.and_then(|f| f.released_at))
                        .max()
                        .filter(|_| fixed),
                    prepared: !fixed && fixes.iter().any(|f| &f.release == name),
                }
            })
            .collect();
        Self {
            id,
            title,
            state,
            received_at,
            acknowledged_at,
            confirmed_at,
            fixed_at,
            closed_at,
            internal,
            embargo_until,
            embargo_offset,
            deadline,
            deadline_agreed,
            deadline_preset,
            policy,
            paused,
            pauses,
            contacts,
            releases: rows,
            affected: affected.len(),
            matrix_complete: matrix_complete(&affected, &releases, &fixes),
            published_at,
            advisory: identifiers.advisory,
            imported: opened_from.is_some(),
            received_unknown: opened_from.is_some_and(|f| !f.received_known),
            cra: CraSummary::new(exploited.as_ref(), &mitigations, &cra_reports),
        }
    }
}

/// What a case file holds that its summary is made from, read straight
/// from the file: every other key (the report, notes, texts of messages,
/// `events`) is skipped without being built. Only a file of the current
/// layout (`schema_version` 2 or later: `SummaryFile::current`) is read
/// this way; an older one is upgraded through `CaseFields` first.
#[derive(Debug, Deserialize)]
pub struct SummaryFile {
    schema_version: u32,
    id: CaseId,
    title: String,
    state: State,
    #[serde(with = "fast_serde")]
    received_at: DateTime<Utc>,
    #[serde(default, with = "fast_serde::option")]
    acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    confirmed_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    fixed_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    closed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    internal: bool,
    #[serde(default, with = "fast_serde::option")]
    embargo_until: Option<DateTime<Utc>>,
    #[serde(default)]
    embargo_offset: Option<String>,
    #[serde(default, with = "fast_serde::option")]
    deadline: Option<DateTime<Utc>>,
    #[serde(default)]
    deadline_agreed: bool,
    #[serde(default)]
    deadline_preset: Option<Preset>,
    policy: Slas,
    paused: Option<Paused>,
    #[serde(default)]
    pauses: Vec<PauseSpan>,
    /// Each message's time and direction (its text is skipped).
    contacts: Vec<ContactStamp>,
    affected: Vec<Affected>,
    releases: BTreeMap<String, ReleaseStatus>,
    fixes: Vec<Fix>,
    identifiers: AdvisoryOnly,
    #[serde(default, with = "fast_serde::option")]
    published_at: Option<DateTime<Utc>>,
    #[serde(default)]
    imported: Vec<ImportedFlags>,
    #[serde(default)]
    exploited: Option<Exploited>,
    #[serde(default)]
    mitigations: Vec<Mitigation>,
    #[serde(default)]
    cra_reports: BTreeMap<crate::model::cra::CraReport, CraSubmission>,
}

/// What a summary keeps of an imported record (`ImportedFrom`).
#[derive(Debug, Clone, Deserialize)]
struct ImportedFlags {
    received_known: bool,
    #[serde(default)]
    opened: bool,
}

/// The one identifier a summary keeps.
#[derive(Debug, Default, Deserialize)]
struct AdvisoryOnly {
    advisory: Option<String>,
}

impl SummaryFile {
    /// The id the file says it holds.
    pub fn id(&self) -> &CaseId {
        &self.id
    }

    /// Whether the file is in the current layout, which its summary can be
    /// made from as read (an older one needs `CaseFields::upgrade`).
    pub fn current(&self) -> bool {
        self.schema_version >= 2
    }
}

impl From<SummaryFile> for CaseSummary {
    fn from(f: SummaryFile) -> Self {
        Self::new(f)
    }
}

impl From<&CaseFields> for CaseSummary {
    fn from(c: &CaseFields) -> Self {
        Self::new(SummaryFile {
            schema_version: c.schema_version,
            id: c.id.clone(),
            title: c.title.clone(),
            state: c.state,
            received_at: c.received_at,
            acknowledged_at: c.acknowledged_at,
            confirmed_at: c.confirmed_at,
            fixed_at: c.fixed_at,
            closed_at: c.closed_at,
            internal: c.internal,
            embargo_until: c.embargo_until,
            embargo_offset: c.embargo_offset.clone(),
            deadline: c.deadline,
            deadline_agreed: c.deadline_agreed,
            deadline_preset: c.deadline_preset,
            policy: c.policy,
            paused: c.paused.clone(),
            pauses: c.pauses.clone(),
            contacts: stamps(&c.contacts),
            affected: c.affected.clone(),
            releases: c.releases.clone(),
            fixes: c.fixes.clone(),
            identifiers: AdvisoryOnly {
                advisory: c.identifiers.advisory.clone(),
            },
            published_at: c.published_at,
            imported: c
                .imported
                .iter()
                .map(|f| ImportedFlags {
                    received_known: f.received_known,
                    opened: f.opened,
                })
                .collect(),
            exploited: c.exploited.clone(),
            mitigations: c.mitigations.clone(),
            cra_reports: c.cra_reports.clone(),
        })
    }
}

impl From<&Case> for CaseSummary {
    fn from(c: &Case) -> Self {
        Self::from(&CaseFields::from(c))
    }
}

impl From<&Case> for CaseFields {
    fn from(c: &Case) -> Self {
        c.fields.clone()
    }
}

fn stamps(contacts: &[Contact]) -> Vec<ContactStamp> {
    contacts
        .iter()
        .map(|c| ContactStamp {
            at: c.at,
            direction: c.direction,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{EventKind, NewCase, Stamp};
    use crate::model::policy::Policy;

    fn busy_case() -> Case {
        let at: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
        let mut case = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "Path traversal".into(),
                ..NewCase::default()
            },
            Policy::default().slas(),
            at,
            "M <m@example.org>",
        );
        case.acknowledge(at, Stamp { at, by: "M" }, None).unwrap();
        for kind in [
            EventKind::ContactLogged {
                direction: Direction::ToReporter,
                text: "on it".into(),
                message_id: None,
                sent_at: None,
                attachments: Vec::new(),
            },
            EventKind::Paused {
                reason: "waiting".into(),
            },
            EventKind::NoteAdded {
                text: "private".into(),
                private: true,
            },
        ] {
            case.record(kind, at, "M", None);
        }
        case
    }

    /// A case with a fix matrix, a fix, messages, pauses and an embargo.
    fn matrix_case() -> Case {
        use crate::model::case::{Range, RangeEvent, RangeType};
        use crate::model::policy::Package;
        let mut case = busy_case();
        let at: DateTime<Utc> = "2026-03-03T09:00:00Z".parse().unwrap();
        let package = Package {
            ecosystem: "crates.io".into(),
            name: "poet".into(),
        };
        let releases = [("1.4", Decision::Affected), ("2.x", Decision::NotAffected)]
            .into_iter()
            .map(|(r, d)| (r.to_owned(), d))
            .collect();
        for kind in [
            EventKind::Resumed,
            EventKind::Confirmed,
            EventKind::AffectedAdded {
                package: package.clone(),
                ranges: vec![Range {
                    kind: RangeType::Semver,
                    repo: None,
                    events: vec![
                        RangeEvent::Introduced("1.4.0".into()),
                        RangeEvent::Fixed("1.4.3".into()),
                    ],
                }],
                versions: Vec::new(),
                releases,
            },
            EventKind::FixLinked {
                release: "1.4".into(),
                package: Some(package),
                commits: Vec::new(),
                pr: None,
                version: Some("1.4.3".into()),
                released_at: Some(at),
            },
            EventKind::EmbargoAgreed {
                until: Some(at + chrono::TimeDelta::days(9)),
                offset: Some("+01:00".into()),
            },
        ] {
            case.record(kind, at, "M", None);
        }
        case
    }

    #[test]
    fn a_summary_read_from_the_fields_it_needs_is_the_one_made_from_them_all() {
        for case in [busy_case(), matrix_case()] {
            let bytes = crate::store::to_json_bytes(&case);
            let file: SummaryFile = serde_json::from_slice(&bytes).unwrap();
            assert!(file.current());
            let fields: CaseFields = serde_json::from_slice(&bytes).unwrap();
            let summary = CaseSummary::from(file);
            assert_eq!(summary, CaseSummary::from(&fields));
            assert_eq!(summary, CaseSummary::from(&case));
            assert!(!summary.releases.is_empty() || case.affected.is_empty());
        }
    }

    #[test]
    fn fields_serialise_as_the_case_without_events() {
        let case = busy_case();
        let bytes = crate::store::to_json_bytes(&case);
        let fields: CaseFields = serde_json::from_slice(&bytes).unwrap();
        let mut expected = serde_json::to_value(&case).unwrap();
        expected.as_object_mut().unwrap().remove("events");
        assert_eq!(serde_json::to_value(&fields).unwrap(), expected);
        // Same key order too, so `status --json` prints what it always printed.
        assert_eq!(
            serde_json::to_string(&fields).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn a_summary_reads_the_same_from_the_file_the_case_and_its_own_form() {
        let case = busy_case();
        let bytes = crate::store::to_json_bytes(&case);
        let fields: CaseFields = serde_json::from_slice(&bytes).unwrap();
        let from_file = CaseSummary::from(&fields);
        assert_eq!(from_file, CaseSummary::from(&case));
        assert_eq!(fields, CaseFields::from(&case));
        assert_eq!(from_file.matrix_complete, case.matrix_complete());
        let again: CaseSummary =
            serde_json::from_str(&serde_json::to_string(&from_file).unwrap()).unwrap();
        assert_eq!(again, from_file);
        assert_eq!(
            from_file.last_reporter_update(),
            case.last_reporter_update()
        );
        assert_eq!(from_file.pause_spans(), case.pause_spans());
    }
}
