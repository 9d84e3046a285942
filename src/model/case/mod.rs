//! A case: the projected fields of one report, computed from its events.
//!
//! Nothing here does I/O. Commands call the methods below (`acknowledge`,
//! ...), which check the move, append one typed event and project it; the
//! same projection (`replay::apply`) rebuilds a case from its events alone.

mod cra;
mod disclosure;
mod event;
mod import;
mod matrix;
mod public;
mod replay;
mod state;
mod summary;
mod triage;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use cra::{CraSubmission, CraSummary, ExploitationChange, Exploited, Mitigation};
pub use disclosure::policy_deadline;
pub use event::{Event, EventId, EventKind, InvalidEventId};
pub use import::{
    Baseline, ImportedFrom, RecordFormat, RecordImport, RecordStatus, case_names, merge_affected,
};
pub use matrix::{PackageFix, fix_for, package_fixes, release_fixed};
pub use public::{PublicChange, PublicField, PublicText, SUMMARY_MAX};
pub use replay::{ReplayError, StateMove, replay, state_moves};
pub use state::{State, Transition};
pub use summary::{CaseSummary, ContactStamp, ReleaseRow, SummaryFile};
pub use triage::{AffectedChange, FixChange, Stamp, derive_decisions};

use crate::error::{Error, Result};
use crate::model::id::CaseId;
use crate::model::policy::{Package, Slas};
use crate::model::preset::Preset;
use crate::model::time::{Pause, fast_serde};

/// Version of the case file format. Version 2 told the embargo ("not
/// before") and the disclosure deadline ("publish by") apart; a version 1
/// file is upgraded as it is read (`CaseFields::upgrade`). Version 3 made
/// fixes per package: an older file is migrated by replaying its events
/// (`StoredCase`), and a fix recorded without a package counts for every
/// affected package without a fix of its own (`Fix::package`); a CVSS 4.0
/// score is computed again from the base metrics when read (`Severity`).
pub const SCHEMA_VERSION: u32 = 3;

/// Every projected field of a case, in the file's key order: the case
/// without its `events`. Hot paths (`status`, `check`) read case files as
/// this, so listing a large store never parses history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFields {
    pub schema_version: u32,
    pub id: CaseId,
    pub title: String,
    pub state: State,
    #[serde(with = "fast_serde")]
    pub received_at: DateTime<Utc>,
    #[serde(default, with = "fast_serde::option")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    pub confirmed_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    pub fixed_at: Option<DateTime<Utc>>,
    #[serde(default, with = "fast_serde::option")]
    pub closed_at: Option<DateTime<Utc>>,
    pub reporter: Reporter,
    /// The email the case was opened from, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    pub report: Report,
    pub severity: Option<Severity>,
    pub cwe: Vec<String>,
    pub affected: Vec<Affected>,
    /// The fix matrix: a decision per maintained release, by release name.
    pub releases: BTreeMap<String, ReleaseStatus>,
    pub fixes: Vec<Fix>,
    pub credits: Vec<Credit>,
    /// The advisory text the maintainers write (`disclose describe`); the
    /// only free text that public files are rendered from.
    #[serde(default)]
    pub public: PublicText,
    /// A finding of the team's own, with no reporter (`open --internal`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
    /// Cases linked with this one (`open --related`, `audit --found`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<CaseId>,
    /// The embargo: the coordinated release date, before which `publish`
    /// refuses. It does not move the deadline.
    #[serde(default, with = "fast_serde::option")]
    pub embargo_until: Option<DateTime<Utc>>,
    /// The UTC offset the embargo was agreed in (`+01:00`), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embargo_offset: Option<String>,
    /// Read from version 1 files only (the preset an embargo came from),
    /// which `upgrade` turns into the deadline's.
    #[serde(
        default,
        rename = "embargo_preset",
        skip_serializing,
        skip_serializing_if = "Option::is_none"
    )]
    pub legacy_embargo_preset: Option<Preset>,
    /// The disclosure deadline ("publish by"): agreed with the reporter
    /// (`deadline_agreed`), else `received_at + disclose_within` (before
    /// paused time is added back; see `time::due_with_pauses`); `None` when
    /// there is no promise (`disclose_within` off, or an internal finding).
    #[serde(default, with = "fast_serde::option")]
    pub deadline: Option<DateTime<Utc>>,
    /// The deadline was set by hand or from a reporter's preset: an instant
    /// that pauses do not move.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deadline_agreed: bool,
    /// The reporter's policy the deadline came from (`project-zero`, ...), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_preset: Option<Preset>,
    /// The promises in force when the case was opened.
    pub policy: Slas,
    /// The audit for similar problems, once recorded (`disclose audit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<AuditRecord>,
    /// Awareness that the vulnerability is actively exploited (CRA Article
    /// 14, `disclose exploited`): private, for the reports to the authorities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exploited: Option<Exploited>,
    /// Corrective or mitigating measures available (`disclose mitigated`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Mitigation>,
    /// The CRA reports submitted, by report (`disclose cra --submitted`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cra_reports: BTreeMap<crate::model::cra::CraReport, CraSubmission>,
    pub paused: Option<Paused>,
    /// Every stretch of paused time, so clocks can skip it without replaying.
    #[serde(default)]
    pub pauses: Vec<PauseSpan>,
    pub identifiers: Identifiers,
    /// The records imported into this case (`disclose import`), one entry
    /// per record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imported: Vec<ImportedFrom>,
    pub notes: Vec<Note>,
    pub contacts: Vec<Contact>,
    /// Every Message-ID recorded for this case, in the order they arrived:
    /// re-imports are recognised by them and draft replies thread on them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub message_ids: Vec<String>,
    /// Files that came with the report (private; never exported).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(default, with = "fast_serde::option")]
    pub published_at: Option<DateTime<Utc>>,
    pub resolution: Option<Resolution>,
}

/// One report, as stored in `cases/<ID>.json`: its projected fields, then
/// the events they are computed from. `Deref` gives direct access to the
/// fields (`case.state`); only `replay` writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredCase")]
pub struct Case {
    #[serde(flatten)]
    pub fields: CaseFields,
    pub events: Vec<Event>,
}

/// A case file as read. One written under an older `schema_version` is
/// migrated by replaying its events, so its fields follow today's rules
/// (fixes per package, `fixed` only with a complete matrix); a history that
/// does not replay keeps the fields it had.
#[derive(Deserialize)]
struct StoredCase {
    #[serde(flatten)]
    fields: CaseFields,
    events: Vec<Event>,
}

impl From<StoredCase> for Case {
    fn from(stored: StoredCase) -> Self {
        if stored.fields.schema_version < SCHEMA_VERSION
            && let Ok(case) = replay(stored.events.clone())
            && case.id == stored.fields.id
        {
            return case;
        }
        Self {
            fields: stored.fields,
            events: stored.events,
        }
    }
}

impl std::ops::Deref for Case {
    type Target = CaseFields;

    fn deref(&self) -> &CaseFields {
        &self.fields
    }
}

impl std::ops::DerefMut for Case {
    fn deref_mut(&mut self) -> &mut CaseFields {
        &mut self.fields
    }
}

/// The audit for similar problems, as `disclose audit` recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    #[serde(with = "fast_serde")]
    pub at: DateTime<Utc>,
    pub by: String,
    pub note: String,
    /// The cases the audit found (each linked with this one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub found: Vec<CaseId>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub name: Option<String>,
    pub email: Option<String>,
    pub handle: Option<String>,
}

impl Reporter {
    /// The name to show: the name, else the handle, else the email.
    pub fn display(&self) -> Option<&str> {
        self.name
            .as_deref()
            .or(self.handle.as_deref())
            .or(self.email.as_deref())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub description: Option<String>,
    pub reproduction: Option<String>,
    pub impact: Option<String>,
    pub remediation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredSeverity")]
pub struct Severity {
    /// The CVSS vector, e.g. `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`.
    pub cvss: String,
    /// The base score, from the base metrics alone.
    pub score: f64,
    /// `none`, `low`, `medium`, `high` or `critical`: the base score's rating.
    pub rating: String,
    /// With threat metrics (CVSS 4.0 `E`; 3.x temporal `E`, `RL`, `RC`): the
    /// score they give (CVSS-BT; 3.x temporal score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threat_score: Option<f64>,
    /// With environmental metrics: the score of the whole vector (CVSS-BE or
    /// CVSS-BTE; 3.x environmental score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environmental_score: Option<f64>,
}

impl Severity {
    /// The scores in words: `9.3`, or `9.3; threat 8.1; environmental 7.0`.
    pub fn scores(&self) -> String {
        let mut out = self.score.to_string();
        if let Some(t) = self.threat_score {
            out.push_str(&format!("; threat {t}"));
        }
        if let Some(e) = self.environmental_score {
            out.push_str(&format!("; environmental {e}"));
        }
        out
    }
}

/// A severity as a file holds it. Files written before scores were split
/// gave a CVSS 4.0 vector with threat or environmental metrics the score of
/// the whole vector; such a score is computed again from its vector.
#[derive(Deserialize)]
struct StoredSeverity {
    cvss: String,
    score: f64,
    rating: String,
    #[serde(default)]
    threat_score: Option<f64>,
    #[serde(default)]
    environmental_score: Option<f64>,
}

impl From<StoredSeverity> for Severity {
    fn from(s: StoredSeverity) -> Self {
        let split = s.threat_score.is_some() || s.environmental_score.is_some();
        if !split
            && crate::model::severity::has_more_than_base(&s.cvss)
            && let Ok(again) = crate::model::severity::assess(&s.cvss)
        {
            return again;
        }
        Self {
            cvss: s.cvss,
            score: s.score,
            rating: s.rating,
            threat_score: s.threat_score,
            environmental_score: s.environmental_score,
        }
    }
}

/// An affected package in OSV's shape, so exports are lossless.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Affected {
    pub package: Package,
    #[serde(default)]
    pub ranges: Vec<Range>,
    #[serde(default)]
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    #[serde(rename = "type")]
    pub kind: RangeType,
    /// For GIT ranges: the repository the commits are in (else the policy's
    /// `repository`), so each package can live in its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    pub events: Vec<RangeEvent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum RangeType {
    Semver,
    Ecosystem,
    Git,
}

/// One OSV range event: `{"introduced": "1.0.0"}`, `{"fixed": "1.4.2"}`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeEvent {
    Introduced(String),
    Fixed(String),
    LastAffected(String),
    Limit(String),
}

impl RangeEvent {
    /// The version the event names, whichever event it is.
    pub fn version(&self) -> &str {
        match self {
            Self::Introduced(v) | Self::Fixed(v) | Self::LastAffected(v) | Self::Limit(v) => v,
        }
    }
}

/// A maintained release's row in the fix matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseStatus {
    pub decision: Decision,
    pub reason: Option<String>,
    /// Set by `disclose release`; a manual decision is not recomputed from `affected`.
    pub manual: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Affected,
    NotAffected,
    Unknown,
    WontFix,
    Eol,
}

/// A fix of one package for one maintained release. Released when it has a
/// `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub release: String,
    /// The package the fix is for. `None` in files written before fixes were
    /// per package: such a fix counts for every affected package that has
    /// no fix of its own on the release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Package>,
    pub commits: Vec<String>,
    pub pr: Option<String>,
    pub version: Option<String>,
    #[serde(default, with = "fast_serde::option")]
    pub released_at: Option<DateTime<Utc>>,
}

/// OSV / CVE 5 credit types (typed on the command line in kebab-case, e.g.
/// `remediation-developer`; the CLI takes this enum itself, so every type
/// the files know can be given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CreditType {
    Finder,
    Reporter,
    Analyst,
    Coordinator,
    RemediationDeveloper,
    RemediationReviewer,
    RemediationVerifier,
    Tool,
    Sponsor,
    Other,
}

/// Whether a person agreed to be named in the advisory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Consent {
    Pending,
    Granted,
    Declined,
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CreditType,
    pub consent: Consent,
    #[serde(default)]
    pub contact: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paused {
    pub reason: String,
    #[serde(with = "fast_serde")]
    pub since: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseSpan {
    pub reason: String,
    #[serde(with = "fast_serde")]
    pub since: DateTime<Utc>,
    #[serde(default, with = "fast_serde::option")]
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifiers {
    /// The public advisory ID, assigned by `reserve` or `publish`.
    pub advisory: Option<String>,
    pub cve: Option<String>,
    pub ghsa: Option<String>,
    /// Other names of this case, e.g. an old ID after a renumbering.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    #[serde(with = "fast_serde")]
    pub at: DateTime<Utc>,
    pub by: String,
    pub text: String,
    pub private: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    ToReporter,
    FromReporter,
}

/// A message exchanged with the reporter (private; never exported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(with = "fast_serde")]
    pub at: DateTime<Utc>,
    pub by: String,
    pub direction: Direction,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

/// The email a case was opened from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Without angle brackets; absent when the message had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The sender as `Name <address>` (or the address alone).
    pub from: String,
    /// SHA-256 of the raw message, so a message without a Message-ID is
    /// still recognised when imported again.
    pub sha256: String,
}

/// A file that came with a report, stored at `path` in the store
/// (`attachments/<ID>/<name>`). Private: no export includes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The stored file name, made safe (see `email::safe_name`).
    pub name: String,
    /// The name the message gave, when it differs from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_name: Option<String>,
    /// Store-relative path.
    pub path: String,
    pub size: u64,
    pub sha256: String,
    pub content_type: String,
    /// The message it came with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

/// Why a case was closed without a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RejectReason {
    Duplicate,
    Invalid,
    OutOfScope,
    WontFix,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub reason: RejectReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<CaseId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Affected => "affected",
            Self::NotAffected => "not-affected",
            Self::Unknown => "unknown",
            Self::WontFix => "wont-fix",
            Self::Eol => "eol",
        }
    }
}

impl CreditType {
    /// The OSV / CVE 5 name, e.g. `REMEDIATION_DEVELOPER`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Finder => "FINDER",
            Self::Reporter => "REPORTER",
            Self::Analyst => "ANALYST",
            Self::Coordinator => "COORDINATOR",
            Self::RemediationDeveloper => "REMEDIATION_DEVELOPER",
            Self::RemediationReviewer => "REMEDIATION_REVIEWER",
            Self::RemediationVerifier => "REMEDIATION_VERIFIER",
            Self::Tool => "TOOL",
            Self::Sponsor => "SPONSOR",
            Self::Other => "OTHER",
        }
    }
}

impl Consent {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Granted => "granted",
            Self::Declined => "declined",
            Self::Anonymous => "anonymous",
        }
    }
}

/// `>= 1.0.0, < 1.4.2` style words for OSV range events, for timelines.
pub fn affected_words(ranges: &[Range], versions: &[String]) -> String {
    let mut parts: Vec<String> = ranges
        .iter()
        .map(|r| {
            r.events
                .iter()
                .map(|e| match e {
                    RangeEvent::Introduced(v) if v == "0" => "all versions".to_owned(),
                    RangeEvent::Introduced(v) => format!(">= {v}"),
                    RangeEvent::Fixed(v) => format!("< {v}"),
                    RangeEvent::LastAffected(v) => format!("<= {v}"),
                    RangeEvent::Limit(v) => format!("limit {v}"),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    parts.extend(versions.iter().cloned());
    parts.join("; ")
}

/// What `open` needs to start a case.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    pub title: String,
    pub received_at: Option<DateTime<Utc>>,
    pub reporter: Reporter,
    pub report: Report,
    /// A finding of the team's own: no reporter, no reporter clocks.
    pub internal: bool,
}

impl Case {
    /// A new case from its first event.
    pub fn open(id: CaseId, new: NewCase, slas: Slas, at: DateTime<Utc>, by: &str) -> Self {
        Self::open_from_email(id, new, None, Vec::new(), slas, at, by)
    }

    /// A new case from its first event, recording the email it came from
    /// and the attachments already staged in the store.
    pub fn open_from_email(
        id: CaseId,
        new: NewCase,
        source: Option<Source>,
        attachments: Vec<Attachment>,
        slas: Slas,
        at: DateTime<Utc>,
        by: &str,
    ) -> Self {
        use crate::model::text::{multi_line, one_line};
        let line = |v: Option<String>| v.map(|v| one_line(&v)).filter(|v| !v.is_empty());
        let lines = |v: Option<String>| v.map(|v| multi_line(&v)).filter(|v| !v.is_empty());
        let reporter = Reporter {
            name: line(new.reporter.name),
            email: line(new.reporter.email),
            handle: line(new.reporter.handle),
        };
        let report = Report {
            description: lines(new.report.description),
            reproduction: lines(new.report.reproduction),
            impact: lines(new.report.impact),
            remediation: lines(new.report.remediation),
        };
        let kind = EventKind::Opened {
            case: id,
            title: one_line(&new.title),
            received_at: new.received_at.unwrap_or(at),
            reporter,
            report,
            policy: slas,
            source: source.map(Box::new),
            attachments,
            internal: new.internal,
        };
        let event = Event {
            id: EventId::next(at, None, &mut rand::rng()),
            at,
            by: by.to_owned(),
            kind,
            forced: None,
        };
        replay(vec![event]).expect("an opened event always replays")
    }

    /// Appends an event recorded at `at` by `by`, projects it, and returns it.
    pub fn record(
        &mut self,
        kind: EventKind,
        at: DateTime<Utc>,
        by: &str,
        forced: Option<String>,
    ) -> &Event {
        let last = self.events.last().map(|e| e.id);
        let event = Event {
            id: EventId::next(at, last, &mut rand::rng()),
            at,
            by: by.to_owned(),
            kind,
            forced,
        };
        replay::apply(self, &event);
        self.events.push(event);
        self.events.last().expect("just pushed")
    }

    /// Checks a state move. Refused moves name the moves that are possible;
    /// `force` lets any move through and returns the reason to record.
    pub fn check_move(
        &self,
        transition: Transition,
        force: Option<&str>,
    ) -> Result<Option<String>> {
        if self.state.allows_for(transition, self.internal) {
            return Ok(None);
        }
        if let Some(reason) = force {
            let reason = if reason.is_empty() {
                format!("forced {} from {}", transition.command(), self.state)
            } else {
                reason.to_owned()
            };
            return Ok(Some(reason));
        }
        let possible: Vec<String> = self
            .state
            .possible_for(self.internal)
            .iter()
            .map(|t| format!("`disclose {} {}`", t.command(), self.id))
            .collect();
        let hint = if possible.is_empty() {
            format!("{} is closed; pass --force to move it anyway", self.id)
        } else {
            format!(
                "possible from {}: {}; or pass --force to move it anyway",
                self.state,
                possible.join(", ")
            )
        };
        let why = if self.internal && transition == Transition::Acknowledge {
            "it is an internal finding, with no reporter to acknowledge".to_owned()
        } else {
            format!("it is {}", self.describe_state())
        };
        Err(Error::refused(format!(
            "cannot {} {}: {why}",
            transition.command(),
            self.id,
        ))
        .with_hint(hint))
    }

    fn describe_state(&self) -> String {
        match (self.state, self.acknowledged_at) {
            (State::Acknowledged, Some(at)) => {
                format!(
                    "already acknowledged (at {})",
                    crate::model::time::rfc3339(at)
                )
            }
            (state, _) => state.to_string(),
        }
    }

    /// Records the acknowledgement of the report (`new` -> `acknowledged`).
    pub fn acknowledge(
        &mut self,
        acknowledged_at: DateTime<Utc>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        self.acknowledge_with(acknowledged_at, None, stamp, force)
    }

    /// Records the acknowledgement, with the reply that made it when `ack
    /// --eml` wrote one (its text and Message-ID): one event stands for the
    /// acknowledgement and for the first message to the reporter.
    pub fn acknowledge_with(
        &mut self,
        acknowledged_at: DateTime<Utc>,
        reply: Option<(String, String)>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        let forced = self.check_move(Transition::Acknowledge, force)?;
        if acknowledged_at < self.received_at {
            return Err(Error::input(format!(
                "--at {} is before the report was received ({})",
                crate::model::time::rfc3339(acknowledged_at),
                crate::model::time::rfc3339(self.received_at)
            )));
        }
        let (message, message_id) = match reply {
            Some((text, id)) => {
                let text = crate::model::text::multi_line(&text);
                ((!text.is_empty()).then_some(text), Some(id))
            }
            None => (None, None),
        };
        Ok(self.record(
            EventKind::Acknowledged {
                acknowledged_at,
                message,
                message_id,
            },
            stamp.at,
            stamp.by,
            forced,
        ))
    }

    /// Whether the matrix is complete: some package is affected, some
    /// release is affected (or decided wont-fix/eol), and every affected
    /// release has a released fix for every affected package.
    pub fn matrix_complete(&self) -> bool {
        matrix_complete(&self.affected, &self.releases, &self.fixes)
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

    /// Whether this case holds the message with `message_id`, or (for a
    /// message without one) the message whose raw bytes hash to `sha256`.
    pub fn holds_message(&self, message_id: Option<&str>, sha256: &str) -> bool {
        match message_id {
            Some(id) => self.message_ids.iter().any(|m| m == id),
            None => self.source.as_ref().is_some_and(|s| s.sha256 == sha256),
        }
    }

    /// Whether there is a reporter to write to: not an internal finding.
    pub fn has_reporter(&self) -> bool {
        !self.internal
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
}

pub(crate) use matrix::matrix_complete;

#[cfg(test)]
mod tests;
