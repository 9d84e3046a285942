//! Events: the source of truth of a case. Every command appends one; the
//! projected fields of a case are computed from them by `replay`.

use std::fmt;

use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::{
    Attachment, Credit, Decision, Direction, ImportedFrom, PublicChange, Range, Report, Reporter,
    Resolution, Severity, Source,
};
use crate::model::cra::{CraReport, Sensitivity};
use crate::model::id::{CROCKFORD, CaseId};
use crate::model::policy::{Package, Slas};
use crate::model::preset::Preset;
use crate::model::time::fast_serde;

/// A ULID: 48 bits of milliseconds and 80 random bits in 26 Crockford base32
/// characters. Sorting ids as strings sorts events by time, and two clones can
/// mint ids offline without colliding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(u128);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid event id {0:?}: expected 26 Crockford base32 characters")]
pub struct InvalidEventId(String);

const RANDOM_BITS: u32 = 80;

impl EventId {
    /// A fresh id for an event recorded at `at`, strictly after `after` so a
    /// case's events stay in order even when the clock is fixed or steps back.
    pub fn next(at: DateTime<Utc>, after: Option<Self>, rng: &mut impl Rng) -> Self {
        let millis = u128::from(at.timestamp_millis().max(0).unsigned_abs()) & ((1 << 48) - 1);
        let random = rng.random::<u128>() & ((1 << RANDOM_BITS) - 1);
        let fresh = Self((millis << RANDOM_BITS) | random);
        match after {
            Some(prev) if fresh <= prev => Self(prev.0 + 1 + (random & 0xFFFF)),
            _ => fresh,
        }
    }

    /// The millisecond timestamp part, for ordering diagnostics.
    pub fn millis(self) -> u64 {
        (self.0 >> RANDOM_BITS) as u64
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = [0u8; 26];
        for (i, slot) in out.iter_mut().enumerate() {
            let shift = 5 * (25 - i);
            *slot = CROCKFORD[((self.0 >> shift) & 31) as usize];
        }
        f.write_str(std::str::from_utf8(&out).expect("alphabet is ASCII"))
    }
}

impl std::str::FromStr for EventId {
    type Err = InvalidEventId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidEventId(s.to_owned());
        if s.len() != 26 || s.as_bytes()[0] > b'7' {
            return Err(invalid());
        }
        let mut value: u128 = 0;
        for c in s.bytes() {
            let digit = CROCKFORD.iter().position(|&a| a == c).ok_or_else(invalid)?;
            value = (value << 5) | digit as u128;
        }
        Ok(Self(value))
    }
}

crate::model::serde_str::serde_as_str!(EventId);

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    /// When the event was recorded.
    #[serde(with = "fast_serde")]
    pub at: DateTime<Utc>,
    /// Who recorded it: `Name <email>` from the commit identity.
    pub by: String,
    #[serde(flatten)]
    pub kind: EventKind,
    /// Set when `--force` overrode the state machine: why it was forced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced: Option<String>,
}

/// What happened. The `kind` tag and field names are part of the file format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "snake_case"
)]
pub enum EventKind {
    Opened {
        case: CaseId,
        title: String,
        received_at: DateTime<Utc>,
        reporter: Reporter,
        report: Report,
        /// The policy durations in force when the case was opened.
        policy: Slas,
        /// The email the report arrived as (`open --from-email`); boxed so
        /// every other event stays small.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Box<Source>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<Attachment>,
        /// A finding of the team's own (`open --internal`): no reporter, so
        /// no acknowledgement, no update clock and no reporter drafts.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        internal: bool,
    },
    Acknowledged {
        acknowledged_at: DateTime<Utc>,
        /// The reply that acknowledged the report, when `ack --eml` wrote
        /// it: recorded here once, as the first message to the reporter.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
    },
    Confirmed,
    Rejected {
        #[serde(flatten)]
        resolution: Resolution,
    },
    Withdrawn {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Paused {
        reason: String,
    },
    Resumed,
    /// Ranges or versions of one package are affected. `releases` holds the
    /// matrix decisions derived from the whole `affected` list at the time,
    /// applied to rows not set by hand.
    AffectedAdded {
        package: Package,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        ranges: Vec<Range>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        versions: Vec<String>,
        #[serde(default)]
        releases: BTreeMap<String, Decision>,
    },
    /// Ranges or versions no longer affected; with neither, the whole package.
    AffectedRemoved {
        package: Package,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        ranges: Vec<Range>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        versions: Vec<String>,
        #[serde(default)]
        releases: BTreeMap<String, Decision>,
    },
    /// A maintained release's row of the fix matrix, set by hand.
    ReleaseDecided {
        release: String,
        decision: Decision,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// A fix of one package for one release: commits and PR (prepared), a
    /// version (released). Events written before fixes were per package
    /// have no `package` (see `Fix::package`).
    FixLinked {
        release: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        package: Option<Package>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        commits: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pr: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        released_at: Option<DateTime<Utc>>,
    },
    /// A fix linked by mistake is taken back: the fix of `package` (or the
    /// release-wide one, without) on `release`.
    FixRemoved {
        release: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        package: Option<Package>,
    },
    SeverityAssessed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        severity: Option<Severity>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        cwe: Vec<String>,
    },
    NoteAdded {
        text: String,
        private: bool,
    },
    /// A message to or from the reporter (it resets the reporter-update clock).
    ContactLogged {
        direction: Direction,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
        /// When the message was sent, if it was not when it was logged
        /// (a reply imported from an email keeps its `Date`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sent_at: Option<DateTime<Utc>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<Attachment>,
    },
    /// Adds a credit, or updates the one with the same name and type.
    CreditSet {
        credit: Credit,
    },
    /// Written before the embargo and the deadline were two dates: one
    /// instant that served as both. Replayed as the deadline when it came
    /// from a reporter's preset (a preset always meant "publish by"), else
    /// as the embargo; either way it replaces both, as it did then.
    EmbargoSet {
        until: Option<DateTime<Utc>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        preset: Option<Preset>,
    },
    /// Sets (or, with `None`, lifts) the embargo: the coordinated release
    /// date before which nothing is published.
    EmbargoAgreed {
        until: Option<DateTime<Utc>>,
        /// The UTC offset the instant was typed with (`+01:00`), for display.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offset: Option<String>,
    },
    /// Sets (or, with `None`, clears) the disclosure deadline agreed with
    /// the reporter: the instant to publish by.
    DeadlineSet {
        /// Named so, not `by`, which every event already has (who recorded it).
        deadline: Option<DateTime<Utc>>,
        /// The reporter's policy `deadline` was computed from, so its rules
        /// (Project Zero's "30 days after a fix") can be applied later.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        preset: Option<Preset>,
    },
    /// Links this case with another (recorded on both).
    Linked {
        case: CaseId,
    },
    /// The audit for similar problems that the policy promises, with the
    /// cases it found (each linked both ways).
    AuditRecorded {
        note: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        found: Vec<CaseId>,
    },
    IdentifiersAssigned {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cve: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ghsa: Option<String>,
    },
    /// `sync` gave the case a new ID because the remote already had a
    /// different case under the old one; the old ID becomes an alias.
    Renumbered {
        from: CaseId,
        to: CaseId,
    },
    /// The advisory went public under `advisory`; `forced_reason` says why it
    /// was published while the readiness list still had open items.
    Published {
        advisory: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        forced_reason: Option<String>,
    },
    /// Fields of the public advisory text set by `describe`: only those the
    /// change sets are present, so concurrent edits of different fields merge.
    PublicTextSet {
        #[serde(flatten)]
        change: PublicChange,
    },
    /// The public advisory ID given out ahead of publishing (`reserve`), so
    /// release notes can name it before the advisory goes out.
    AdvisoryReserved {
        advisory: String,
    },
    /// The files of a published advisory were written again (`publish
    /// --update`); `files` names those whose content changed.
    AdvisoryUpdated {
        advisory: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<String>,
    },
    /// `sync` gave the published advisory a new ID because the remote had
    /// published another case under `from` first.
    AdvisoryRenumbered {
        from: String,
        to: String,
        /// The case the remote published as `from`.
        taken_by: CaseId,
    },
    /// A record from elsewhere (OSV, CVE JSON 5, a GitHub advisory) was
    /// imported: the events before it (from the last `imported` on) carry
    /// what it says; `record` keeps it verbatim, so that what the case has no
    /// field for is written back on export.
    Imported {
        from: ImportedFrom,
        record: Box<serde_json::Value>,
    },
    /// The team became aware that the vulnerability is actively exploited
    /// (CRA Article 14), or corrected what it recorded: only the fields
    /// given are present, so a correction changes only what it names.
    Exploited {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        aware_at: Option<DateTime<Utc>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        evidence: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        actor: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sensitivity: Option<Sensitivity>,
    },
    /// A corrective or mitigating measure became available; the same text
    /// again corrects its time.
    Mitigated {
        available_at: DateTime<Utc>,
        text: String,
    },
    /// A CRA report went to the CSIRT and ENISA. `due` is when it was due as
    /// the case stood then, so a late submission is recorded as late.
    CraReportSubmitted {
        report: CraReport,
        submitted_at: DateTime<Utc>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<DateTime<Utc>>,
    },
}

impl EventKind {
    /// A short verb phrase for commit messages and the timeline.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Opened { .. } => "open",
            Self::Acknowledged { .. } => "acknowledge",
            Self::Confirmed => "confirm",
            Self::Rejected { .. } => "reject",
            Self::Withdrawn { .. } => "withdraw",
            Self::Paused { .. } => "pause",
            Self::Resumed => "resume",
            Self::AffectedAdded { .. } => "add affected",
            Self::AffectedRemoved { .. } => "remove affected",
            Self::ReleaseDecided { .. } => "decide release",
            Self::FixLinked { .. } => "link fix",
            Self::FixRemoved { .. } => "remove fix",
            Self::SeverityAssessed { .. } => "assess severity",
            Self::NoteAdded { .. } => "add note",
            Self::ContactLogged { .. } => "log contact",
            Self::CreditSet { .. } => "credit",
            Self::EmbargoSet { .. } | Self::EmbargoAgreed { .. } => "set embargo",
            Self::DeadlineSet { .. } => "set deadline",
            Self::Linked { .. } => "link",
            Self::AuditRecorded { .. } => "record audit",
            Self::IdentifiersAssigned { .. } => "assign identifiers",
            Self::Renumbered { .. } => "renumber",
            Self::Published { .. } => "publish",
            Self::AdvisoryRenumbered { .. } => "renumber advisory",
            Self::PublicTextSet { .. } => "describe",
            Self::AdvisoryReserved { .. } => "reserve advisory",
            Self::AdvisoryUpdated { .. } => "update advisory",
            Self::Imported { .. } => "import",
            Self::Exploited { .. } => "record exploitation",
            Self::Mitigated { .. } => "record mitigation",
            Self::CraReportSubmitted { .. } => "record CRA submission",
        }
    }
}

impl EventKind {
    /// Whether this event changes what a published advisory says, so that
    /// its files need writing again (`publish --update`). No catch-all: a
    /// new kind must say whether it reaches the public files.
    pub fn changes_advisory(&self) -> bool {
        match self {
            Self::AffectedAdded { .. }
            | Self::AffectedRemoved { .. }
            | Self::ReleaseDecided { .. }
            | Self::FixLinked { .. }
            | Self::FixRemoved { .. }
            | Self::SeverityAssessed { .. }
            | Self::CreditSet { .. }
            | Self::IdentifiersAssigned { .. }
            | Self::PublicTextSet { .. }
            | Self::Imported { .. }
            | Self::Withdrawn { .. } => true,
            Self::Opened { .. }
            | Self::Acknowledged { .. }
            | Self::Confirmed
            | Self::Rejected { .. }
            | Self::Paused { .. }
            | Self::Resumed
            | Self::NoteAdded { .. }
            | Self::ContactLogged { .. }
            | Self::EmbargoSet { .. }
            | Self::EmbargoAgreed { .. }
            | Self::DeadlineSet { .. }
            | Self::Linked { .. }
            | Self::AuditRecorded { .. }
            | Self::Renumbered { .. }
            | Self::Published { .. }
            | Self::AdvisoryRenumbered { .. }
            | Self::AdvisoryReserved { .. }
            | Self::AdvisoryUpdated { .. }
            | Self::Exploited { .. }
            | Self::Mitigated { .. }
            | Self::CraReportSubmitted { .. } => false,
        }
    }
}

impl Event {
    /// One line for the timeline, without private text beyond what the
    /// store already holds (the timeline is a private view).
    pub fn describe(&self) -> String {
        let text = match &self.kind {
            EventKind::Opened {
                title, received_at, ..
            } => format!(
                "opened \"{title}\" (received {})",
                crate::model::time::rfc3339(*received_at)
            ),
            EventKind::Acknowledged {
                acknowledged_at, ..
            } => format!(
                "acknowledged (reply sent {})",
                crate::model::time::rfc3339(*acknowledged_at)
            ),
            EventKind::Confirmed => "confirmed the problem".to_owned(),
            EventKind::Rejected { resolution } => {
                let reason = serde_json::to_value(resolution.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                match &resolution.duplicate_of {
                    Some(of) => format!("rejected: {reason} of {of}"),
                    None => format!("rejected: {reason}"),
                }
            }
            EventKind::Withdrawn { reason } => match reason {
                Some(reason) => format!("withdrawn: {reason}"),
                None => "withdrawn".to_owned(),
            },
            EventKind::Paused { reason } => format!("paused the clocks: {reason}"),
            EventKind::Resumed => "resumed the clocks".to_owned(),
            EventKind::AffectedAdded {
                package,
                ranges,
                versions,
                ..
            } => format!(
                "affected: {} {}",
                package.name,
                super::affected_words(ranges, versions)
            ),
            EventKind::AffectedRemoved {
                package,
                ranges,
                versions,
                ..
            } if ranges.is_empty() && versions.is_empty() => {
                format!("not affected: {} (removed)", package.name)
            }
            EventKind::AffectedRemoved {
                package,
                ranges,
                versions,
                ..
            } => format!(
                "removed from affected: {} {}",
                package.name,
                super::affected_words(ranges, versions)
            ),
            EventKind::ReleaseDecided {
                release,
                decision,
                reason,
            } => match reason {
                Some(reason) => format!("release {release}: {} ({reason})", decision.as_str()),
                None => format!("release {release}: {}", decision.as_str()),
            },
            EventKind::FixLinked {
                release,
                package,
                version,
                ..
            } => {
                let of = package
                    .as_ref()
                    .map(|p| format!(" of {}", p.name))
                    .unwrap_or_default();
                match version {
                    Some(v) => format!("fix{of} for {release} released in {v}"),
                    None => format!("fix{of} for {release} prepared"),
                }
            }
            EventKind::FixRemoved { release, package } => match package {
                Some(p) => format!("fix of {} for {release} removed", p.name),
                None => format!("fix for {release} removed"),
            },
            EventKind::SeverityAssessed { severity, cwe } => {
                let mut parts = Vec::new();
                if let Some(s) = severity {
                    parts.push(format!("{} {} ({})", s.rating, s.scores(), s.cvss));
                }
                if !cwe.is_empty() {
                    parts.push(cwe.join(", "));
                }
                format!("severity: {}", parts.join("; "))
            }
            EventKind::NoteAdded { private, .. } => {
                if *private {
                    "added a private note".to_owned()
                } else {
                    "added a public note".to_owned()
                }
            }
            EventKind::ContactLogged { direction, .. } => match direction {
                Direction::ToReporter => "wrote to the reporter".to_owned(),
                Direction::FromReporter => "heard from the reporter".to_owned(),
            },
            EventKind::CreditSet { credit } => format!(
                "credit: {} as {}, consent {}",
                credit.name,
                credit.kind.as_str(),
                credit.consent.as_str()
            ),
            EventKind::EmbargoSet { until, preset } => match (until, preset) {
                (Some(until), Some(preset)) => {
                    format!(
                        "disclosure deadline {} ({preset})",
                        crate::model::time::rfc3339(*until)
                    )
                }
                (Some(until), None) => {
                    format!("embargo until {}", crate::model::time::rfc3339(*until))
                }
                (None, _) => "embargo lifted".to_owned(),
            },
            EventKind::EmbargoAgreed { until, offset } => match until {
                Some(until) => format!(
                    "embargo: not before {}",
                    crate::model::time::in_offset(*until, offset.as_deref())
                ),
                None => "embargo lifted".to_owned(),
            },
            EventKind::DeadlineSet {
                deadline: by,
                preset,
            } => match (by, preset) {
                (Some(by), Some(preset)) => format!(
                    "disclosure deadline: publish by {} ({preset})",
                    crate::model::time::rfc3339(*by)
                ),
                (Some(by), None) => format!(
                    "disclosure deadline: publish by {}",
                    crate::model::time::rfc3339(*by)
                ),
                (None, _) => "disclosure deadline cleared: the policy's applies".to_owned(),
            },
            EventKind::Linked { case } => format!("linked with {case}"),
            EventKind::AuditRecorded { found, .. } => match found.as_slice() {
                [] => "audit for similar problems recorded (nothing found)".to_owned(),
                found => format!(
                    "audit for similar problems recorded; found {}",
                    found
                        .iter()
                        .map(CaseId::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            EventKind::IdentifiersAssigned { cve, ghsa } => {
                let ids: Vec<&str> = cve.iter().chain(ghsa.iter()).map(String::as_str).collect();
                format!("assigned {}", ids.join(", "))
            }
            EventKind::Renumbered { from, to } => {
                format!("renumbered from {from} to {to} (the ID was taken on the remote)")
            }
            EventKind::Published {
                advisory,
                forced_reason,
            } => match forced_reason {
                Some(reason) => format!("published as {advisory} (readiness overridden: {reason})"),
                None => format!("published as {advisory}"),
            },
            EventKind::AdvisoryRenumbered { from, to, taken_by } => format!(
                "advisory renumbered from {from} to {to} ({taken_by} was published as {from} first)"
            ),
            EventKind::PublicTextSet { change } => {
                let fields: Vec<&str> = change.writes().iter().map(|(f, _)| f.as_str()).collect();
                format!("public text: set {}", fields.join(", "))
            }
            EventKind::AdvisoryReserved { advisory } => format!("reserved advisory ID {advisory}"),
            EventKind::AdvisoryUpdated { advisory, files } if files.is_empty() => {
                format!("advisory {advisory} written again")
            }
            EventKind::AdvisoryUpdated { advisory, files } => {
                format!("advisory {advisory} updated ({})", files.join(", "))
            }
            EventKind::Imported { from, .. } => {
                format!("imported {} ({})", from.id, from.format.name())
            }
            EventKind::Exploited {
                aware_at,
                evidence,
                actor,
                sensitivity,
            } => {
                let mut parts = Vec::new();
                if let Some(at) = aware_at {
                    parts.push(format!("aware since {}", crate::model::time::rfc3339(*at)));
                }
                if evidence.is_some() {
                    parts.push("evidence".to_owned());
                }
                if actor.is_some() {
                    parts.push("malicious actor".to_owned());
                }
                if let Some(s) = sensitivity {
                    parts.push(format!("sensitivity {}", s.label()));
                }
                format!("actively exploited (CRA): {}", parts.join(", "))
            }
            EventKind::Mitigated { available_at, .. } => format!(
                "mitigation available since {} (CRA)",
                crate::model::time::rfc3339(*available_at)
            ),
            EventKind::CraReportSubmitted {
                report,
                submitted_at,
                reference,
                due,
            } => {
                let mut text = format!(
                    "CRA {} submitted {}",
                    report.words(),
                    crate::model::time::rfc3339(*submitted_at)
                );
                if let Some(reference) = reference {
                    text.push_str(&format!(" (reference {reference})"));
                }
                if let Some(due) = due.filter(|due| submitted_at > due) {
                    text.push_str(&format!(
                        ", late: due {}, {} after",
                        crate::model::time::rfc3339(due),
                        crate::model::time::span(*submitted_at - due)
                    ));
                }
                text
            }
        };
        match &self.forced {
            Some(reason) => format!("{text} [forced: {reason}]"),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_sort_by_time() {
        let mut rng = rand::rng();
        let early: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
        let late: DateTime<Utc> = "2026-03-02T09:00:01Z".parse().unwrap();
        let a = EventId::next(early, None, &mut rng);
        let b = EventId::next(late, None, &mut rng);
        assert!(a.to_string() < b.to_string());
        assert_eq!(a.to_string().parse::<EventId>().unwrap(), a);
        assert_eq!(a.millis(), early.timestamp_millis() as u64);
    }

    #[test]
    fn ids_stay_ordered_when_the_clock_stands_still() {
        let mut rng = rand::rng();
        let now: DateTime<Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
        let mut prev = EventId::next(now, None, &mut rng);
        for _ in 0..1000 {
            let next = EventId::next(now, Some(prev), &mut rng);
            assert!(next > prev);
            assert!(next.to_string() > prev.to_string());
            prev = next;
        }
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in [
            "",
            "01ARZ3NDEKTSV4RRFFQ69G5FA",
            "01ARZ3NDEKTSV4RRFFQ69G5FAVX",
            "81ARZ3NDEKTSV4RRFFQ69G5FAV",
            "01ARZ3NDEKTSV4RRFFQ69G5FAU",
        ] {
            assert!(bad.parse::<EventId>().is_err(), "{bad}");
        }
    }
}
