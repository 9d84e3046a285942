//! The projection: one function that turns events into a case's fields.
//!
//! `apply` never fails: moves were checked when the event was recorded, and
//! after a merge of two clones every event must still count, so a surprising
//! sequence (two acknowledgements) is projected as faithfully as possible.
//!
//! `fixed` is derived after every event: a confirmed case becomes fixed when
//! its matrix is complete, and a fixed one goes back to confirmed when it no
//! longer is (a release became affected without a fix, a fix was removed).

use std::collections::BTreeMap;

use super::{
    Affected, AuditRecord, Case, CaseFields, Consent, Contact, Credit, CreditType, Decision,
    Direction, Event, EventKind, Fix, Identifiers, Note, PauseSpan, Paused, ReleaseStatus,
    SCHEMA_VERSION, State, policy_deadline,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("a case needs at least one event")]
    Empty,
    #[error("the first event of a case must be `opened`, found `{0}`")]
    NotOpened(&'static str),
    #[error("event {0} is `opened` but is not the first event")]
    OpenedTwice(String),
}

/// Rebuilds a case from its events alone.
pub fn replay(events: Vec<Event>) -> Result<Case, ReplayError> {
    let first = events.first().ok_or(ReplayError::Empty)?;
    let EventKind::Opened {
        case,
        title,
        received_at,
        reporter,
        report,
        policy,
        source,
        attachments,
        internal,
    } = &first.kind
    else {
        return Err(ReplayError::NotOpened(first.kind.action()));
    };
    if let Some(again) = events[1..]
        .iter()
        .find(|e| matches!(e.kind, EventKind::Opened { .. }))
    {
        return Err(ReplayError::OpenedTwice(again.id.to_string()));
    }
    let credits = reporter
        .name
        .as_ref()
        .or(reporter.handle.as_ref())
        .map(|name| Credit {
            name: name.clone(),
            kind: CreditType::Finder,
            consent: Consent::Pending,
            contact: Vec::new(),
        })
        .into_iter()
        .collect();
    let fields = CaseFields {
        schema_version: SCHEMA_VERSION,
        id: case.clone(),
        title: title.clone(),
        state: State::New,
        received_at: *received_at,
        acknowledged_at: None,
        confirmed_at: None,
        fixed_at: None,
        closed_at: None,
        reporter: reporter.clone(),
        source: source.as_deref().cloned(),
        report: report.clone(),
        severity: None,
        cwe: Vec::new(),
        affected: Vec::new(),
        releases: BTreeMap::new(),
        fixes: Vec::new(),
        credits,
        public: super::PublicText::default(),
        internal: *internal,
        related: Vec::new(),
        embargo_until: None,
        embargo_offset: None,
        legacy_embargo_preset: None,
        deadline: policy_deadline(*received_at, policy, *internal),
        deadline_agreed: false,
        deadline_preset: None,
        policy: *policy,
        audit: None,
        exploited: None,
        mitigations: Vec::new(),
        cra_reports: BTreeMap::new(),
        paused: None,
        pauses: Vec::new(),
        identifiers: Identifiers::default(),
        imported: Vec::new(),
        notes: Vec::new(),
        contacts: Vec::new(),
        message_ids: source
            .as_ref()
            .and_then(|s| s.message_id.clone())
            .into_iter()
            .collect(),
        attachments: attachments.clone(),
        published_at: None,
        resolution: None,
    };
    let mut projected = Case {
        fields,
        events: Vec::new(),
    };
    for event in &events[1..] {
        apply(&mut projected, event);
    }
    projected.events = events;
    Ok(projected)
}

/// A move between `confirmed` and `fixed` that an event caused without
/// asking for it: derived from the matrix, shown in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateMove {
    pub event: super::EventId,
    pub from: State,
    pub to: State,
}

/// Every derived move in a case's history, in order.
pub fn state_moves(events: &[Event]) -> Vec<StateMove> {
    let Ok(mut case) = replay(events.iter().take(1).cloned().collect()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for event in events.iter().skip(1) {
        let before = case.state;
        apply(&mut case, event);
        let derived = matches!(
            (before, case.state),
            (State::Confirmed, State::Fixed) | (State::Fixed, State::Confirmed)
        );
        if derived {
            out.push(StateMove {
                event: event.id,
                from: before,
                to: case.state,
            });
        }
    }
    out
}

/// Projects one event onto the case (without appending it to `events`).
pub(super) fn apply(case: &mut Case, event: &Event) {
    project(case, event);
    derive_fixed(case, event);
}

fn project(case: &mut Case, event: &Event) {
    match &event.kind {
        // Only the first event may open a case; `replay` refuses any other.
        EventKind::Opened { .. } => {}
        EventKind::Acknowledged {
            acknowledged_at,
            message,
            message_id,
        } => {
            case.acknowledged_at.get_or_insert(*acknowledged_at);
            case.state = State::Acknowledged;
            if message.is_some() || message_id.is_some() {
                case.contacts.push(Contact {
                    at: *acknowledged_at,
                    by: event.by.clone(),
                    direction: Direction::ToReporter,
                    text: message.clone().unwrap_or_default(),
                    message_id: message_id.clone(),
                });
            }
            if let Some(id) = message_id
                && !case.message_ids.contains(id)
            {
                case.message_ids.push(id.clone());
            }
        }
        EventKind::Confirmed => {
            case.confirmed_at.get_or_insert(event.at);
            case.state = State::Confirmed;
        }
        EventKind::Rejected { resolution } => {
            case.resolution = Some(resolution.clone());
            close(case, State::Rejected, event);
        }
        EventKind::Withdrawn { .. } => close(case, State::Withdrawn, event),
        EventKind::Paused { reason } => {
            if case.paused.is_none() {
                case.paused = Some(Paused {
                    reason: reason.clone(),
                    since: event.at,
                });
                case.pauses.push(PauseSpan {
                    reason: reason.clone(),
                    since: event.at,
                    until: None,
                });
            }
        }
        EventKind::Resumed => {
            case.paused = None;
            if let Some(open) = case.pauses.iter_mut().rev().find(|p| p.until.is_none()) {
                open.until = Some(event.at);
            }
        }
        EventKind::AffectedAdded {
            package,
            ranges,
            versions,
            releases,
        } => {
            let entry = match case.affected.iter().position(|a| &a.package == package) {
                Some(i) => &mut case.affected[i],
                None => {
                    case.affected.push(Affected {
                        package: package.clone(),
                        ranges: Vec::new(),
                        versions: Vec::new(),
                    });
                    case.affected.last_mut().expect("just pushed")
                }
            };
            for range in ranges {
                if !entry.ranges.contains(range) {
                    entry.ranges.push(range.clone());
                }
            }
            for version in versions {
                if !entry.versions.contains(version) {
                    entry.versions.push(version.clone());
                }
            }
            derive_releases(case, releases);
        }
        EventKind::AffectedRemoved {
            package,
            ranges,
            versions,
            releases,
        } => {
            if ranges.is_empty() && versions.is_empty() {
                case.affected.retain(|a| &a.package != package);
            } else if let Some(entry) = case.affected.iter_mut().find(|a| &a.package == package) {
                entry.ranges.retain(|r| !ranges.contains(r));
                entry.versions.retain(|v| !versions.contains(v));
            }
            case.affected
                .retain(|a| !a.ranges.is_empty() || !a.versions.is_empty());
            derive_releases(case, releases);
        }
        EventKind::ReleaseDecided {
            release,
            decision,
            reason,
        } => {
            case.releases.insert(
                release.clone(),
                ReleaseStatus {
                    decision: *decision,
                    reason: reason.clone(),
                    manual: true,
                },
            );
        }
        EventKind::FixLinked {
            release,
            package,
            commits,
            pr,
            version,
            released_at,
        } => {
            let at = case
                .fixes
                .iter()
                .position(|f| &f.release == release && &f.package == package);
            let fix = match at {
                Some(i) => &mut case.fixes[i],
                None => {
                    case.fixes.push(Fix {
                        release: release.clone(),
                        package: package.clone(),
                        commits: Vec::new(),
                        pr: None,
                        version: None,
                        released_at: None,
                    });
                    case.fixes.last_mut().expect("just pushed")
                }
            };
            for commit in commits {
                if !fix.commits.contains(commit) {
                    fix.commits.push(commit.clone());
                }
            }
            if pr.is_some() {
                fix.pr.clone_from(pr);
            }
            if version.is_some() {
                fix.version.clone_from(version);
                fix.released_at = Some(released_at.unwrap_or(event.at));
            }
            // A fix says the release is affected where nothing better was
            // known; a release decided otherwise keeps its decision (and the
            // fix counts for nothing, see `matrix`).
            let row = case
                .releases
                .entry(release.clone())
                .or_insert(ReleaseStatus {
                    decision: Decision::Affected,
                    reason: None,
                    manual: false,
                });
            if row.decision == Decision::Unknown {
                row.decision = Decision::Affected;
            }
        }
        EventKind::FixRemoved { release, package } => {
            case.fixes
                .retain(|f| !(&f.release == release && &f.package == package));
        }
        EventKind::SeverityAssessed { severity, cwe } => {
            if severity.is_some() {
                case.severity.clone_from(severity);
            }
            if !cwe.is_empty() {
                case.cwe.clone_from(cwe);
            }
        }
        EventKind::NoteAdded { text, private } => case.notes.push(Note {
            at: event.at,
            by: event.by.clone(),
            text: text.clone(),
            private: *private,
        }),
        EventKind::ContactLogged {
            direction,
            text,
            message_id,
            sent_at,
            attachments,
        } => {
            case.contacts.push(Contact {
                at: sent_at.unwrap_or(event.at),
                by: event.by.clone(),
                direction: *direction,
                text: text.clone(),
                message_id: message_id.clone(),
            });
            if let Some(id) = message_id
                && !case.message_ids.contains(id)
            {
                case.message_ids.push(id.clone());
            }
            case.attachments.extend(attachments.iter().cloned());
        }
        EventKind::CreditSet { credit } => {
            match case
                .credits
                .iter_mut()
                .find(|c| c.name == credit.name && c.kind == credit.kind)
            {
                Some(existing) => *existing = credit.clone(),
                None => case.credits.push(credit.clone()),
            }
        }
        EventKind::EmbargoSet { until, preset } => {
            // One instant then served as both dates (see `CaseFields::upgrade`).
            case.embargo_offset = None;
            match (until, preset) {
                (Some(until), Some(preset)) => {
                    case.embargo_until = None;
                    set_deadline(case, Some(*until), Some(*preset));
                }
                (until, _) => {
                    case.embargo_until = *until;
                    set_deadline(case, None, None);
                }
            }
        }
        EventKind::EmbargoAgreed { until, offset } => {
            case.embargo_until = *until;
            case.embargo_offset = until.and(offset.clone());
        }
        EventKind::DeadlineSet { deadline, preset } => set_deadline(case, *deadline, *preset),
        EventKind::Linked { case: other } => link(case, other),
        EventKind::AuditRecorded { note, found } => {
            for other in found {
                link(case, other);
            }
            case.audit = Some(AuditRecord {
                at: event.at,
                by: event.by.clone(),
                note: note.clone(),
                found: found.clone(),
            });
        }
        EventKind::IdentifiersAssigned { cve, ghsa } => {
            if cve.is_some() {
                case.identifiers.cve.clone_from(cve);
            }
            if ghsa.is_some() {
                case.identifiers.ghsa.clone_from(ghsa);
            }
        }
        EventKind::Renumbered { from, to } => {
            case.id = to.clone();
            let old = from.to_string();
            if !case.identifiers.aliases.contains(&old) {
                case.identifiers.aliases.push(old);
            }
        }
        EventKind::Published { advisory, .. } => {
            case.identifiers.advisory = Some(advisory.clone());
            case.published_at.get_or_insert(event.at);
            case.state = State::Published;
        }
        EventKind::AdvisoryRenumbered { to, .. } => {
            case.identifiers.advisory = Some(to.clone());
        }
        EventKind::PublicTextSet { change } => case.public.apply(change),
        EventKind::AdvisoryReserved { advisory } => {
            case.identifiers
                .advisory
                .get_or_insert_with(|| advisory.clone());
        }
        // The files changed, not the case.
        EventKind::AdvisoryUpdated { .. } => {}
        EventKind::Imported { from, .. } => {
            match case
                .imported
                .iter_mut()
                .find(|f| f.format == from.format && f.id == from.id)
            {
                Some(existing) => *existing = from.clone(),
                None => case.imported.push(from.clone()),
            }
        }
        EventKind::Exploited {
            aware_at,
            evidence,
            actor,
            sensitivity,
        } => super::cra::apply_exploited(
            case,
            event.at,
            *aware_at,
            evidence.as_ref(),
            actor.as_ref(),
            *sensitivity,
        ),
        EventKind::Mitigated { available_at, text } => {
            super::cra::apply_mitigated(case, *available_at, text);
        }
        EventKind::CraReportSubmitted {
            report,
            submitted_at,
            reference,
            due,
        } => {
            case.cra_reports.insert(
                *report,
                super::CraSubmission {
                    submitted_at: *submitted_at,
                    reference: reference.clone(),
                    due: *due,
                },
            );
        }
    }
}

/// The agreed deadline `by` (from `preset`, if any), or with `None` the
/// policy's again.
fn set_deadline(
    case: &mut Case,
    by: Option<chrono::DateTime<chrono::Utc>>,
    preset: Option<crate::model::preset::Preset>,
) {
    case.deadline_agreed = by.is_some();
    case.deadline_preset = by.and(preset);
    case.deadline = by.or_else(|| policy_deadline(case.received_at, &case.policy, case.internal));
}

fn link(case: &mut Case, other: &crate::model::id::CaseId) {
    if other != &case.id && !case.related.contains(other) {
        case.related.push(other.clone());
    }
}

/// Applies derived matrix decisions to the rows nobody set by hand.
fn derive_releases(case: &mut Case, derived: &BTreeMap<String, Decision>) {
    for (name, decision) in derived {
        let has_fix = case.fixes.iter().any(|f| &f.release == name);
        let row = case.releases.entry(name.clone()).or_insert(ReleaseStatus {
            decision: *decision,
            reason: None,
            manual: false,
        });
        if !row.manual && !has_fix {
            row.decision = *decision;
        }
    }
}

/// `fixed` follows the matrix: a confirmed case whose matrix is complete is
/// fixed, and a fixed one whose matrix is no longer complete is confirmed
/// again. Other states are left alone: a published advisory is amended,
/// not reopened.
fn derive_fixed(case: &mut Case, event: &Event) {
    match case.state {
        State::Confirmed if case.matrix_complete() => {
            case.state = State::Fixed;
            case.fixed_at = Some(event.at);
        }
        State::Fixed if !case.matrix_complete() => {
            case.state = State::Confirmed;
            case.fixed_at = None;
        }
        _ => {}
    }
}

fn close(case: &mut Case, state: State, event: &Event) {
    case.state = state;
    case.closed_at = Some(event.at);
}
