//! Merging two versions of one case: the union of their events by id,
//! replayed. Every edit on either side survives; where both sides set the
//! same scalar field differently the projection decides (the later event,
//! as a rule) and the merge reports it.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::model::case::{
    Case, CreditType, Event, EventId, EventKind, PublicField, ReplayError, replay,
};
use crate::model::cra::CraReport;
use crate::model::id::CaseId;
use crate::model::policy::Package;

/// The outcome of merging two versions of a case file.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseMerge {
    /// The same case on both sides: the union of their events, replayed.
    Merged {
        case: Box<Case>,
        overrides: Vec<Override>,
    },
    /// Two different cases under one ID: their first events differ.
    Collision,
}

/// Two sides set one field to different values; `kept` is what the merged
/// case holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Override {
    pub case: CaseId,
    pub field: String,
    pub ours: Value,
    pub theirs: Value,
    pub kept: Value,
}

impl fmt::Display for Override {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} was set to {} here and to {} on the remote; kept {}",
            self.case, self.field, self.ours, self.theirs, self.kept
        )
    }
}

/// Whether two versions are the same case (they share their first event).
pub fn same_case(a: &Case, b: &Case) -> bool {
    a.events.first().map(|e| e.id) == b.events.first().map(|e| e.id)
}

/// The union of two event lists by id, sorted by id. Two different events
/// under one id cannot come from `disclose`; if a hand edit makes them, the
/// smaller serialisation wins so that both clones still pick the same one.
pub fn union_events(ours: &[Event], theirs: &[Event]) -> Vec<Event> {
    let mut by_id: BTreeMap<EventId, Event> = BTreeMap::new();
    for event in ours.iter().chain(theirs) {
        match by_id.get(&event.id) {
            Some(kept) if kept == event => {}
            Some(kept) => {
                let text = |e: &Event| serde_json::to_string(e).unwrap_or_default();
                if text(event) < text(kept) {
                    by_id.insert(event.id, event.clone());
                }
            }
            None => {
                by_id.insert(event.id, event.clone());
            }
        }
    }
    by_id.into_values().collect()
}

/// Merges two versions of one case file.
pub fn merge_case(ours: &Case, theirs: &Case) -> Result<CaseMerge, ReplayError> {
    if !same_case(ours, theirs) {
        return Ok(CaseMerge::Collision);
    }
    let events = union_events(&ours.events, &theirs.events);
    let case = replay(events)?;
    let overrides = overrides(ours, theirs, &case);
    Ok(CaseMerge::Merged {
        case: Box::new(case),
        overrides,
    })
}

/// A scalar field an event sets, for reporting concurrent edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    AcknowledgedAt,
    Severity,
    Cwe,
    EmbargoUntil,
    Deadline,
    Audit,
    Cve,
    Ghsa,
    Resolution,
    Release(String),
    /// A release's fix of one package (`None`: a fix from before fixes were per package).
    FixVersion(String, Option<Package>),
    FixPr(String, Option<Package>),
    Credit(String, String),
    Public(PublicField),
    ReservedAdvisory,
    /// The record imported under this format and ID.
    Imported(String, String),
    ExploitedAwareAt,
    ExploitedEvidence,
    ExploitedActor,
    ExploitedSensitivity,
    Mitigation(String),
    CraReport(CraReport),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AcknowledgedAt => f.write_str("acknowledged_at"),
            Self::Severity => f.write_str("severity"),
            Self::Cwe => f.write_str("cwe"),
            Self::EmbargoUntil => f.write_str("embargo_until"),
            Self::Deadline => f.write_str("deadline"),
            Self::Audit => f.write_str("audit"),
            Self::Cve => f.write_str("identifiers.cve"),
            Self::Ghsa => f.write_str("identifiers.ghsa"),
            Self::Resolution => f.write_str("resolution"),
            Self::Release(name) => write!(f, "releases.{name}"),
            Self::FixVersion(name, p) => write!(f, "fix{} for {name}: version", of(p.as_ref())),
            Self::FixPr(name, p) => write!(f, "fix{} for {name}: pr", of(p.as_ref())),
            Self::Credit(name, kind) => write!(f, "credit {name} ({kind})"),
            Self::Public(field) => write!(f, "public.{}", field.as_str()),
            Self::ReservedAdvisory => f.write_str("identifiers.advisory"),
            Self::Imported(format, id) => write!(f, "imported {format} record {id}"),
            Self::ExploitedAwareAt => f.write_str("exploited.aware_at"),
            Self::ExploitedEvidence => f.write_str("exploited.evidence"),
            Self::ExploitedActor => f.write_str("exploited.actor"),
            Self::ExploitedSensitivity => f.write_str("exploited.sensitivity"),
            Self::Mitigation(text) => write!(f, "mitigation {text:?}: available_at"),
            Self::CraReport(report) => write!(f, "cra_reports.{report}"),
        }
    }
}

fn of(package: Option<&Package>) -> String {
    package
        .map(|p| format!(" of {}", p.name))
        .unwrap_or_default()
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn credit_kind(kind: CreditType) -> String {
    json(&kind).as_str().unwrap_or_default().to_owned()
}

/// The scalar fields an event sets. Event kinds that only add to lists
/// (notes, contacts, affected ranges) set none: both sides' entries survive.
fn scalar_writes(event: &Event) -> Vec<(Field, Value)> {
    match &event.kind {
        EventKind::Acknowledged {
            acknowledged_at, ..
        } => {
            vec![(Field::AcknowledgedAt, json(acknowledged_at))]
        }
        EventKind::SeverityAssessed { severity, cwe } => {
            let mut out = Vec::new();
            if let Some(s) = severity {
                out.push((Field::Severity, json(s)));
            }
            if !cwe.is_empty() {
                out.push((Field::Cwe, json(cwe)));
            }
            out
        }
        // The old single instant: a deadline when it came from a preset.
        EventKind::EmbargoSet {
            until,
            preset: Some(preset),
        } => vec![(Field::Deadline, json(&(until, preset)))],
        EventKind::EmbargoSet {
            until,
            preset: None,
        } => vec![(Field::EmbargoUntil, json(&(until, None::<String>)))],
        EventKind::EmbargoAgreed { until, offset } => {
            vec![(Field::EmbargoUntil, json(&(until, offset)))]
        }
        EventKind::DeadlineSet { deadline, preset } => {
            vec![(Field::Deadline, json(&(deadline, preset)))]
        }
        EventKind::AuditRecorded { note, found } => {
            vec![(Field::Audit, json(&(note, found)))]
        }
        EventKind::IdentifiersAssigned { cve, ghsa } => {
            let mut out = Vec::new();
            if let Some(cve) = cve {
                out.push((Field::Cve, json(cve)));
            }
            if let Some(ghsa) = ghsa {
                out.push((Field::Ghsa, json(ghsa)));
            }
            out
        }
        EventKind::Rejected { resolution } => vec![(Field::Resolution, json(resolution))],
        EventKind::ReleaseDecided {
            release,
            decision,
            reason,
        } => vec![(
            Field::Release(release.clone()),
            serde_json::json!({"decision": decision, "reason": reason}),
        )],
        EventKind::FixLinked {
            release,
            package,
            pr,
            version,
            ..
        } => {
            let mut out = Vec::new();
            if let Some(pr) = pr {
                out.push((Field::FixPr(release.clone(), package.clone()), json(pr)));
            }
            if let Some(version) = version {
                out.push((
                    Field::FixVersion(release.clone(), package.clone()),
                    json(version),
                ));
            }
            out
        }
        EventKind::CreditSet { credit } => vec![(
            Field::Credit(credit.name.clone(), credit_kind(credit.kind)),
            json(credit),
        )],
        EventKind::PublicTextSet { change } => change
            .writes()
            .into_iter()
            .map(|(field, value)| (Field::Public(field), value))
            .collect(),
        EventKind::AdvisoryReserved { advisory } => {
            vec![(Field::ReservedAdvisory, json(advisory))]
        }
        // Two clones that imported different versions of one record: the
        // later import is the one the case keeps.
        EventKind::Imported { from, .. } => vec![(
            Field::Imported(from.format.as_str().to_owned(), from.id.clone()),
            json(from),
        )],
        EventKind::Exploited {
            aware_at,
            evidence,
            actor,
            sensitivity,
        } => {
            let mut out = Vec::new();
            if let Some(at) = aware_at {
                out.push((Field::ExploitedAwareAt, json(at)));
            }
            if let Some(evidence) = evidence {
                out.push((Field::ExploitedEvidence, json(evidence)));
            }
            if let Some(actor) = actor {
                out.push((Field::ExploitedActor, json(actor)));
            }
            if let Some(sensitivity) = sensitivity {
                out.push((Field::ExploitedSensitivity, json(sensitivity)));
            }
            out
        }
        // A measure is known by its text: both sides' measures survive, and
        // two times for the same one are a concurrent edit.
        EventKind::Mitigated { available_at, text } => {
            vec![(Field::Mitigation(text.clone()), json(available_at))]
        }
        EventKind::CraReportSubmitted {
            report,
            submitted_at,
            reference,
            ..
        } => vec![(Field::CraReport(*report), json(&(submitted_at, reference)))],
        // Each side's entries survive the union: lists, the state moves that
        // replay puts in order, and the IDs `sync` itself gives out (their
        // clashes are settled and reported by `merge::advisory` and the ID
        // renumbering, not here). No catch-all: a new event kind must say here
        // whether it sets a field both sides can edit.
        EventKind::Opened { .. }
        | EventKind::Confirmed
        | EventKind::Withdrawn { .. }
        | EventKind::Paused { .. }
        | EventKind::Resumed
        | EventKind::AffectedAdded { .. }
        | EventKind::AffectedRemoved { .. }
        | EventKind::FixRemoved { .. }
        | EventKind::NoteAdded { .. }
        | EventKind::ContactLogged { .. }
        | EventKind::Linked { .. }
        | EventKind::Renumbered { .. }
        | EventKind::Published { .. }
        | EventKind::AdvisoryRenumbered { .. }
        | EventKind::AdvisoryUpdated { .. } => Vec::new(),
    }
}

/// What the merged case holds for `field`.
fn current(case: &Case, field: &Field) -> Value {
    match field {
        Field::AcknowledgedAt => json(&case.acknowledged_at),
        Field::Severity => json(&case.severity),
        Field::Cwe => json(&case.cwe),
        Field::EmbargoUntil => json(&(case.embargo_until, &case.embargo_offset)),
        Field::Deadline => json(&(
            case.deadline.filter(|_| case.deadline_agreed),
            case.deadline_preset,
        )),
        Field::Audit => json(&case.audit.as_ref().map(|a| (&a.note, &a.found))),
        Field::Cve => json(&case.identifiers.cve),
        Field::Ghsa => json(&case.identifiers.ghsa),
        Field::Resolution => json(&case.resolution),
        Field::Release(name) => case.releases.get(name).map_or(
            Value::Null,
            |row| serde_json::json!({"decision": row.decision, "reason": row.reason}),
        ),
        Field::FixVersion(name, package) => json(
            &case
                .fixes
                .iter()
                .find(|f| &f.release == name && &f.package == package)
                .map(|f| &f.version),
        ),
        Field::FixPr(name, package) => json(
            &case
                .fixes
                .iter()
                .find(|f| &f.release == name && &f.package == package)
                .map(|f| &f.pr),
        ),
        Field::Credit(name, kind) => json(
            &case
                .credits
                .iter()
                .find(|c| &c.name == name && &credit_kind(c.kind) == kind),
        ),
        Field::Public(field) => {
            let p = &case.public;
            match field {
                PublicField::Title => json(&p.title),
                PublicField::Summary => json(&p.summary),
                PublicField::Details => json(&p.details),
                PublicField::Impact => json(&p.impact),
                PublicField::Workarounds => json(&p.workarounds),
                PublicField::References => json(&p.references),
            }
        }
        Field::ReservedAdvisory => json(&case.identifiers.advisory),
        Field::Imported(format, id) => json(
            &case
                .imported
                .iter()
                .find(|f| f.format.as_str() == format && &f.id == id),
        ),
        Field::ExploitedAwareAt => json(&case.exploited.as_ref().map(|e| e.aware_at)),
        Field::ExploitedEvidence => json(&case.exploited.as_ref().map(|e| &e.evidence)),
        Field::ExploitedActor => json(&case.exploited.as_ref().and_then(|e| e.actor.as_ref())),
        Field::ExploitedSensitivity => json(&case.exploited.as_ref().and_then(|e| e.sensitivity)),
        Field::Mitigation(text) => json(
            &case
                .mitigations
                .iter()
                .find(|m| &m.text == text)
                .map(|m| m.available_at),
        ),
        Field::CraReport(report) => json(
            &case
                .cra_reports
                .get(report)
                .map(|s| (s.submitted_at, &s.reference)),
        ),
    }
}

/// The last value each side's own events (those the other side lacks) wrote.
fn last_writes(mine: &[Event], other: &[Event]) -> BTreeMap<Field, Value> {
    let seen: std::collections::BTreeSet<EventId> = other.iter().map(|e| e.id).collect();
    let mut out = BTreeMap::new();
    for event in mine.iter().filter(|e| !seen.contains(&e.id)) {
        for (field, value) in scalar_writes(event) {
            out.insert(field, value);
        }
    }
    out
}

fn overrides(ours: &Case, theirs: &Case, merged: &Case) -> Vec<Override> {
    let mine = last_writes(&ours.events, &theirs.events);
    let remote = last_writes(&theirs.events, &ours.events);
    mine.into_iter()
        .filter_map(|(field, ours)| {
            let theirs = remote.get(&field)?;
            (theirs != &ours).then(|| Override {
                case: merged.id.clone(),
                field: field.to_string(),
                kept: current(merged, &field),
                ours,
                theirs: theirs.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeDelta, Utc};

    use super::*;
    use crate::model::case::{NewCase, Severity, Stamp};
    use crate::model::policy::Slas;

    fn at(minutes: i64) -> DateTime<Utc> {
        "2026-03-02T09:00:00Z".parse::<DateTime<Utc>>().unwrap() + TimeDelta::minutes(minutes)
    }

    fn base() -> Case {
        let new = NewCase {
            title: "t".into(),
            ..NewCase::default()
        };
        Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            new,
            Slas::default(),
            at(0),
            "A <a@x>",
        )
    }

    fn severity(score: f64) -> EventKind {
        EventKind::SeverityAssessed {
            severity: Some(Severity {
                cvss: format!("v{score}"),
                score,
                rating: "high".into(),
                threat_score: None,
                environmental_score: None,
            }),
            cwe: Vec::new(),
        }
    }

    #[test]
    fn both_sides_edits_survive() {
        let mut a = base();
        let mut b = a.clone();
        a.acknowledge(
            at(1),
            Stamp {
                at: at(1),
                by: "A <a@x>",
            },
            None,
        )
        .unwrap();
        b.record(
            EventKind::NoteAdded {
                text: "n".into(),
                private: true,
            },
            at(2),
            "B <b@x>",
            None,
        );
        let CaseMerge::Merged { case, overrides } = merge_case(&a, &b).unwrap() else {
            panic!("same case")
        };
        assert_eq!(case.events.len(), 3);
        assert_eq!(case.state, crate::model::case::State::Acknowledged);
        assert_eq!(case.notes.len(), 1);
        assert!(overrides.is_empty());
        assert_eq!(merge_case(&b, &a).unwrap(), merge_case(&a, &b).unwrap());
    }

    #[test]
    fn a_field_set_on_both_sides_keeps_the_later_and_is_reported() {
        let mut a = base();
        let mut b = a.clone();
        a.record(severity(7.5), at(1), "A <a@x>", None);
        b.record(severity(9.8), at(2), "B <b@x>", None);
        let CaseMerge::Merged { case, overrides } = merge_case(&a, &b).unwrap() else {
            panic!("same case")
        };
        assert_eq!(case.severity.as_ref().unwrap().score, 9.8);
        assert_eq!(overrides.len(), 1);
        assert_eq!(overrides[0].field, "severity");
        assert_eq!(overrides[0].kept["score"], 9.8);
        assert!(overrides[0].to_string().contains("kept"));
    }

    fn describe(change: crate::model::case::PublicChange, minutes: i64, case: &mut Case) {
        case.describe(
            change,
            Stamp {
                at: at(minutes),
                by: "M <m@x>",
            },
        )
        .unwrap();
    }

    #[test]
    fn public_text_fields_merge_one_by_one() {
        use crate::model::case::PublicChange;
        let mut a = base();
        let mut b = a.clone();
        describe(
            PublicChange {
                summary: Some("Path traversal in upload".into()),
                ..PublicChange::default()
            },
            1,
            &mut a,
        );
        describe(
            PublicChange {
                details: Some("Upload names were not checked.".into()),
                ..PublicChange::default()
            },
            2,
            &mut b,
        );
        let CaseMerge::Merged { case, overrides } = merge_case(&a, &b).unwrap() else {
            panic!("same case")
        };
        assert!(overrides.is_empty(), "{overrides:?}");
        assert_eq!(
            case.public.summary.as_deref(),
            Some("Path traversal in upload")
        );
        assert_eq!(
            case.public.details.as_deref(),
            Some("Upload names were not checked.")
        );

        describe(
            PublicChange {
                impact: Some("Files can be overwritten.".into()),
                ..PublicChange::default()
            },
            3,
            &mut a,
        );
        describe(
            PublicChange {
                impact: Some("Any file the server can write.".into()),
                ..PublicChange::default()
            },
            4,
            &mut b,
        );
        let CaseMerge::Merged { case, overrides } = merge_case(&a, &b).unwrap() else {
            panic!("same case")
        };
        assert_eq!(overrides.len(), 1, "{overrides:?}");
        assert_eq!(overrides[0].field, "public.impact");
        assert_eq!(overrides[0].kept, "Any file the server can write.");
        assert_eq!(
            case.public.impact.as_deref(),
            Some("Any file the server can write.")
        );
    }

    #[test]
    fn exploitation_records_merge_field_by_field_and_submissions_survive() {
        use crate::model::case::ExploitationChange;
        use crate::model::cra::{CraReport, Sensitivity};
        let mut a = base();
        let stamp = |m: i64, by| Stamp { at: at(m), by };
        a.record_exploitation(
            ExploitationChange {
                aware_at: Some(at(1)),
                evidence: Some("seen in the wild".into()),
                ..ExploitationChange::default()
            },
            stamp(2, "A <a@x>"),
        )
        .unwrap();
        let mut b = a.clone();
        a.record_exploitation(
            ExploitationChange {
                sensitivity: Some(Sensitivity::Amber),
                aware_at: Some(at(0)),
                ..ExploitationChange::default()
            },
            stamp(3, "A <a@x>"),
        )
        .unwrap();
        a.record_mitigation("uploads off", at(3), stamp(3, "A <a@x>"))
            .unwrap();
        b.record_exploitation(
            ExploitationChange {
                actor: Some("a botnet".into()),
                aware_at: Some(at(-5)),
                ..ExploitationChange::default()
            },
            stamp(4, "B <b@x>"),
        )
        .unwrap();
        b.record_submission(CraReport::EarlyWarning, at(4), None, stamp(4, "B <b@x>"))
            .unwrap();
        let CaseMerge::Merged { case, overrides } = merge_case(&a, &b).unwrap() else {
            panic!("same case")
        };
        let exploited = case.exploited.clone().unwrap();
        assert_eq!(exploited.sensitivity, Some(Sensitivity::Amber));
        assert_eq!(exploited.actor.as_deref(), Some("a botnet"));
        assert_eq!(exploited.aware_at, at(-5), "the later edit wins");
        assert_eq!(case.mitigations.len(), 1);
        assert!(case.cra_reports.contains_key(&CraReport::EarlyWarning));
        let fields: Vec<&str> = overrides.iter().map(|o| o.field.as_str()).collect();
        assert_eq!(fields, ["exploited.aware_at"]);
        assert_eq!(replay(case.events.clone()).unwrap(), *case);
    }

    #[test]
    fn different_first_events_are_a_collision() {
        let a = base();
        let b = base();
        assert_eq!(merge_case(&a, &b).unwrap(), CaseMerge::Collision);
    }

    #[test]
    fn renumbering_moves_the_id_and_keeps_the_alias() {
        let mut a = base();
        let to: CaseId = "DISC-2026-ZZZZZ".parse().unwrap();
        a.record(
            EventKind::Renumbered {
                from: a.id.clone(),
                to: to.clone(),
            },
            at(1),
            "A <a@x>",
            None,
        );
        assert_eq!(a.id, to);
        assert_eq!(a.identifiers.aliases, vec!["DISC-2026-K7Q3M".to_owned()]);
        assert_eq!(replay(a.events.clone()).unwrap(), a);
    }
}
