//! Records that come from elsewhere: an OSV record, a CVE JSON 5 record or a
//! GitHub security advisory, read into the terms of a case (`import/` does
//! the reading) and recorded as the events the record's own times say:
//! opened when it was received (or first known), published, updated,
//! withdrawn or rejected.
//!
//! The record itself is kept, verbatim, on the `imported` event, so what
//! the case has no field for (`database_specific`, a CVE's ADP containers,
//! keys nobody knew of) is written back when the case is exported in the
//! record's format. A record imported again adds only the events for what
//! changed since the last import of that record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    Affected, Case, Credit, Event, EventKind, NewCase, PublicChange, PublicText, RejectReason,
    Reporter, Resolution, Severity, State,
};
use crate::model::id::CaseId;
use crate::model::policy::{Package, Slas};
use crate::model::time::fast_serde;

/// The formats a record can come in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum RecordFormat {
    /// An OSV record (any 1.x schema version).
    Osv,
    /// A CVE JSON 5.x record, published or rejected.
    Cve,
    /// A GitHub repository security advisory, as the REST API returns it.
    Github,
}

impl RecordFormat {
    pub const ALL: [Self; 3] = [Self::Osv, Self::Cve, Self::Github];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Osv => "osv",
            Self::Cve => "cve",
            Self::Github => "github",
        }
    }

    /// How the format is named in sentences.
    pub fn name(self) -> &'static str {
        match self {
            Self::Osv => "OSV record",
            Self::Cve => "CVE record",
            Self::Github => "GitHub advisory",
        }
    }
}

impl std::fmt::Display for RecordFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a case's content came from: one entry per record imported into it
/// (the case's `imported` key). Small on purpose, since listings read it;
/// the record itself is on the `imported` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedFrom {
    pub format: RecordFormat,
    /// The record's own ID (`GHSA-...`, `RUSTSEC-...`, `CVE-...`).
    pub id: String,
    /// The other IDs the record lists, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Every CVSS vector the record gives, in its order, and the one the
    /// case's severity was taken from: while the case keeps that one, the
    /// record's other vectors go out with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub severities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// Whether the record says when the report was received (a GitHub
    /// advisory's `created_at` does; an OSV or CVE record does not). Without
    /// it the case's `received_at` is only the first time the record knows
    /// of, and `stats` leaves the case out of its spans.
    pub received_known: bool,
    /// The record opened this case (it was not matched to one already here).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opened: bool,
    /// The record's own `modified` time, when it has one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub modified: Option<DateTime<Utc>>,
}

/// What a record says about where the vulnerability stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordStatus {
    /// A report or draft nobody published yet (GitHub `triage`, `draft`).
    Open,
    Published,
    /// Published, then withdrawn at this time.
    Withdrawn(DateTime<Utc>),
    /// Closed without being published (a rejected CVE ID, a GitHub report
    /// closed as not a vulnerability), at this time, for this reason.
    Rejected(DateTime<Utc>, String),
}

/// A record read into the terms of a case, ready to be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordImport {
    pub from: ImportedFrom,
    /// The record as it was read (key order kept).
    pub record: serde_json::Value,
    /// A one-line name for the case.
    pub title: String,
    pub status: RecordStatus,
    /// When the report was received, if the record says.
    pub received_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// The earliest time the record mentions (reserved, created, a
    /// timeline entry), for a record that does not say when it was received.
    pub first_known: Option<DateTime<Utc>>,
    /// A CVE record's timeline: recorded as notes at their own times.
    pub timeline: Vec<(DateTime<Utc>, String)>,
    /// The person who reported it, when the record names them (a GitHub
    /// report's author); their text is the advisory draft, not a `report`.
    pub reporter: Reporter,
    pub cve: Option<String>,
    pub ghsa: Option<String>,
    pub affected: Vec<Affected>,
    pub severity: Option<Severity>,
    pub cwe: Vec<String>,
    pub credits: Vec<Credit>,
    /// Summary, details and references: the public advisory text.
    pub public: PublicText,
}

/// What an import is compared with.
#[derive(Debug, Clone, Copy)]
pub enum Baseline<'a> {
    /// The case is new: everything the record says is recorded.
    New,
    /// The same record was imported into this case before, and said this:
    /// only what changed since is recorded, so edits made here to what the
    /// record did not change are kept.
    Previous(&'a RecordImport),
    /// The case is this store's own (or came from another record) and only
    /// shares an ID with the record: the record is kept and its IDs are
    /// added; what the case says is left to the maintainers.
    Other,
}

impl RecordImport {
    /// Every ID the record goes by: its own, its aliases, its CVE and GHSA.
    pub fn names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.from.id.as_str()];
        for a in self
            .from
            .aliases
            .iter()
            .chain(self.cve.iter())
            .chain(self.ghsa.iter())
        {
            if !out.contains(&a.as_str()) {
                out.push(a);
            }
        }
        out
    }

    /// The advisory ID the case is published under: the record's own.
    fn advisory(&self) -> String {
        self.from.id.clone()
    }

    /// When the case starts: when the report was received, else the first
    /// time the record knows of, else when it was published.
    fn opened_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.received_at
            .or(self.first_known)
            .or(self.published_at)
            .or(self.from.modified)
            .unwrap_or(now)
    }
}

/// Every ID a case goes by, for matching records against it: its own, its
/// identifiers and aliases, and the IDs of the records imported into it.
pub fn case_names(case: &super::CaseFields) -> Vec<String> {
    let ids = &case.identifiers;
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.to_owned();
        if !out.contains(&s) {
            out.push(s);
        }
    };
    add(case.id.as_str());
    for s in ids
        .advisory
        .iter()
        .chain(ids.cve.iter())
        .chain(ids.ghsa.iter())
        .chain(ids.aliases.iter())
    {
        add(s);
    }
    for from in &case.imported {
        add(&from.id);
        for a in &from.aliases {
            add(a);
        }
    }
    out
}

impl super::CaseFields {
    /// The record this case was opened from, if it was.
    pub fn source_record(&self) -> Option<&ImportedFrom> {
        self.imported.iter().find(|f| f.opened)
    }

    /// Whether the case was opened from a public record: an OSV or CVE
    /// record (public by nature, a rejected CVE ID too), or a GitHub
    /// advisory that was published. Its advisory exists even when the case
    /// was closed before this store saw it published.
    pub fn from_public_record(&self) -> bool {
        self.source_record().is_some_and(|f| match f.format {
            RecordFormat::Osv | RecordFormat::Cve => true,
            RecordFormat::Github => self.published_at.is_some(),
        })
    }
}

impl Case {
    /// A new case from a record: opened when the record says the report
    /// arrived (or when it first knows of it), then everything the record
    /// says, each event at the record's own time.
    pub fn open_imported(
        id: CaseId,
        import: &RecordImport,
        slas: Slas,
        now: DateTime<Utc>,
        by: &str,
    ) -> Self {
        let opened_at = import.opened_at(now);
        let new = NewCase {
            title: crate::model::limits::cut_title(&import.title).0.to_owned(),
            received_at: Some(opened_at),
            reporter: import.reporter.clone(),
            report: super::Report::default(),
            internal: false,
        };
        let mut case = Self::open(id, new, slas, opened_at, by);
        case.import_record(Baseline::New, import, now, by);
        case
    }

    /// Records what `import` says that `baseline` did not, and the record
    /// itself (last, so every event before it is part of the import).
    /// Returns how many events were added; none when the record is the one
    /// imported last.
    pub fn import_record(
        &mut self,
        baseline: Baseline<'_>,
        import: &RecordImport,
        now: DateTime<Utc>,
        by: &str,
    ) -> usize {
        let before = self.events.len();
        if self.record_of(import.from.format, &import.from.id) == Some(&import.record) {
            return 0;
        }
        let at = match baseline {
            Baseline::New => self.received_at,
            _ => import.from.modified.unwrap_or(now),
        };
        self.import_identifiers(import, at, by);
        match baseline {
            Baseline::New => self.import_content(None, import, at, by),
            Baseline::Previous(previous) => self.import_content(Some(previous), import, at, by),
            Baseline::Other => {}
        }
        if !matches!(baseline, Baseline::Other) {
            self.import_timeline(baseline, import, by);
            self.import_status(import, by);
        }
        let mut from = import.from.clone();
        from.opened = match baseline {
            Baseline::New => true,
            _ => self
                .imported
                .iter()
                .any(|f| f.opened && f.format == from.format && f.id == from.id),
        };
        self.record(
            EventKind::Imported {
                from,
                record: Box::new(import.record.clone()),
            },
            now,
            by,
            None,
        );
        self.events.len() - before
    }

    fn import_identifiers(&mut self, import: &RecordImport, at: DateTime<Utc>, by: &str) {
        let new = |mine: &Option<String>, theirs: &Option<String>| match (mine, theirs) {
            (None, Some(t)) => Some(t.clone()),
            _ => None,
        };
        let cve = new(&self.identifiers.cve, &import.cve);
        let ghsa = new(&self.identifiers.ghsa, &import.ghsa);
        if cve.is_some() || ghsa.is_some() {
            self.record(EventKind::IdentifiersAssigned { cve, ghsa }, at, by, None);
        }
    }

    fn import_content(
        &mut self,
        previous: Option<&RecordImport>,
        import: &RecordImport,
        at: DateTime<Utc>,
        by: &str,
    ) {
        let empty = Vec::new();
        let (was_severity, was_cwe, was_affected, was_credits, was_public) = match previous {
            Some(p) => (
                &p.severity,
                &p.cwe,
                &p.affected,
                &p.credits,
                p.public.clone(),
            ),
            None => (
                &None,
                &empty,
                &Vec::new(),
                &Vec::new(),
                PublicText::default(),
            ),
        };
        // Severity and CWE: what the record changed, unless the case has it.
        let severity = import
            .severity
            .clone()
            .filter(|s| Some(s) != was_severity.as_ref() && Some(s) != self.severity.as_ref());
        let cwe = if &import.cwe != was_cwe && import.cwe != self.cwe {
            import.cwe.clone()
        } else {
            Vec::new()
        };
        if severity.is_some() || !cwe.is_empty() {
            self.record(EventKind::SeverityAssessed { severity, cwe }, at, by, None);
        }
        // Affected: ranges and versions the record dropped, then those it added.
        for gone in difference(was_affected, &import.affected) {
            let present: Option<&Affected> =
                self.affected.iter().find(|a| a.package == gone.package);
            let Some(present) = present else { continue };
            let ranges: Vec<_> = gone
                .ranges
                .into_iter()
                .filter(|r| present.ranges.contains(r))
                .collect();
            let versions: Vec<_> = gone
                .versions
                .into_iter()
                .filter(|v| present.versions.contains(v))
                .collect();
            if ranges.is_empty() && versions.is_empty() {
                continue;
            }
            self.record(
                EventKind::AffectedRemoved {
                    package: gone.package,
                    ranges,
                    versions,
                    releases: Default::default(),
                },
                at,
                by,
                None,
            );
        }
        for added in difference(&import.affected, was_affected) {
            let present = self.affected.iter().find(|a| a.package == added.package);
            let ranges: Vec<_> = added
                .ranges
                .into_iter()
                .filter(|r| present.is_none_or(|p| !p.ranges.contains(r)))
                .collect();
            let versions: Vec<_> = added
                .versions
                .into_iter()
                .filter(|v| present.is_none_or(|p| !p.versions.contains(v)))
                .collect();
            if ranges.is_empty() && versions.is_empty() {
                continue;
            }
            // The record's ranges are its own, not this project's releases:
            // no matrix decision is derived from them.
            self.record(
                EventKind::AffectedAdded {
                    package: added.package,
                    ranges,
                    versions,
                    releases: Default::default(),
                },
                at,
                by,
                None,
            );
        }
        for credit in &import.credits {
            if was_credits.contains(credit) || self.credits.contains(credit) {
                continue;
            }
            self.record(
                EventKind::CreditSet {
                    credit: credit.clone(),
                },
                at,
                by,
                None,
            );
        }
        // The public text: the fields the record changed, where the case
        // does not say the same already.
        let changed = PublicChange::between(&was_public, &import.public);
        let mut after = self.public.clone();
        after.apply(&changed);
        let change = PublicChange::between(&self.public, &after);
        if !change.is_empty() {
            self.record(EventKind::PublicTextSet { change }, at, by, None);
        }
    }

    fn import_timeline(&mut self, baseline: Baseline<'_>, import: &RecordImport, by: &str) {
        let seen: &[(DateTime<Utc>, String)] = match baseline {
            Baseline::Previous(p) => &p.timeline,
            _ => &[],
        };
        for (at, text) in &import.timeline {
            if seen.iter().any(|(a, t)| a == at && t == text) {
                continue;
            }
            self.record(
                EventKind::NoteAdded {
                    text: format!("{} timeline: {text}", import.from.format.name()),
                    private: false,
                },
                *at,
                by,
                None,
            );
        }
    }

    /// Published, updated, withdrawn, rejected: at the record's times, for
    /// what the case has not recorded yet.
    fn import_status(&mut self, import: &RecordImport, by: &str) {
        let published_at = import
            .published_at
            .or(import.from.modified)
            .unwrap_or(self.received_at);
        let publish = |case: &mut Self| {
            if case.published_at.is_none() {
                let advisory = case
                    .identifiers
                    .advisory
                    .clone()
                    .unwrap_or_else(|| import.advisory());
                case.record(
                    EventKind::Published {
                        advisory,
                        forced_reason: None,
                    },
                    published_at,
                    by,
                    None,
                );
            }
        };
        match &import.status {
            RecordStatus::Open => {}
            RecordStatus::Published => publish(self),
            RecordStatus::Withdrawn(at) => {
                publish(self);
                if self.state != State::Withdrawn {
                    self.record(EventKind::Withdrawn { reason: None }, *at, by, None);
                }
            }
            RecordStatus::Rejected(at, note) => {
                if import.published_at.is_some() {
                    publish(self);
                }
                if self.state != State::Rejected {
                    let resolution = Resolution {
                        reason: RejectReason::Invalid,
                        duplicate_of: None,
                        note: (!note.is_empty()).then(|| note.clone()),
                    };
                    self.record(EventKind::Rejected { resolution }, *at, by, None);
                }
            }
        }
        // The record was updated after it went public (an OSV or CVE record
        // is public, a rejected CVE ID too): its advisory was written again.
        let public = self.published_at.is_some()
            || matches!(import.from.format, RecordFormat::Osv | RecordFormat::Cve);
        let advisory = self
            .identifiers
            .advisory
            .clone()
            .unwrap_or_else(|| import.advisory());
        if let Some(modified) = import.from.modified
            && public
            && self.published_at.is_none_or(|p| modified > p)
            && self.last_written().is_none_or(|w| modified > w)
        {
            self.record(
                EventKind::AdvisoryUpdated {
                    advisory,
                    files: Vec::new(),
                },
                modified,
                by,
                None,
            );
        }
    }

    /// When the advisory's files were last written (published, updated,
    /// withdrawn), if it was published.
    fn last_written(&self) -> Option<DateTime<Utc>> {
        self.events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Published { .. }
                        | EventKind::AdvisoryUpdated { .. }
                        | EventKind::Withdrawn { .. }
                        | EventKind::Rejected { .. }
                )
            })
            .map(|e| e.at)
            .max()
    }

    /// The record last imported into this case in `format`, with the
    /// `imported` event's place in the history.
    pub fn imported_record(&self, format: RecordFormat) -> Option<(usize, &Event)> {
        self.events.iter().enumerate().rev().find(
            |(_, e)| matches!(&e.kind, EventKind::Imported { from, .. } if from.format == format),
        )
    }

    /// The record last imported under `format` and `id`.
    pub fn record_of(&self, format: RecordFormat, id: &str) -> Option<&serde_json::Value> {
        self.events.iter().rev().find_map(|e| match &e.kind {
            EventKind::Imported { from, record } if from.format == format && from.id == id => {
                Some(record.as_ref())
            }
            _ => None,
        })
    }
}

/// What `a` lists that `b` does not, per package.
fn difference(a: &[Affected], b: &[Affected]) -> Vec<Affected> {
    let mut out = Vec::new();
    for entry in a {
        let other = b.iter().find(|o| o.package == entry.package);
        let ranges: Vec<_> = entry
            .ranges
            .iter()
            .filter(|r| other.is_none_or(|o| !o.ranges.contains(r)))
            .cloned()
            .collect();
        let versions: Vec<_> = entry
            .versions
            .iter()
            .filter(|v| other.is_none_or(|o| !o.versions.contains(v)))
            .cloned()
            .collect();
        if !ranges.is_empty() || !versions.is_empty() {
            out.push(Affected {
                package: entry.package.clone(),
                ranges,
                versions,
            });
        }
    }
    out
}

/// Adds ranges and versions of `package` to `list`, one entry per package,
/// without repeating one (as the case projects them).
pub fn merge_affected(
    list: &mut Vec<Affected>,
    package: Package,
    ranges: Vec<super::Range>,
    versions: Vec<String>,
) {
    let entry = match list.iter().position(|a| a.package == package) {
        Some(i) => &mut list[i],
        None => {
            list.push(Affected {
                package,
                ranges: Vec::new(),
                versions: Vec::new(),
            });
            list.last_mut().expect("just pushed")
        }
    };
    for r in ranges {
        if !entry.ranges.contains(&r) {
            entry.ranges.push(r);
        }
    }
    for v in versions {
        if !entry.versions.contains(&v) {
            entry.versions.push(v);
        }
    }
}
