//! The projection: one function that turns events into a case's fields.
//!
//! `apply` never fails: moves were checked when the event was recorded, and
//! after a merge of two clones every event must still count, so a surprising
//! sequence (two acknowledgements) is projected as faithfully as possible.

use std::collections::BTreeMap;

use super::{
    Case, Consent, Credit, CreditType, Event, EventKind, Identifiers, PauseSpan, Paused,
    SCHEMA_VERSION, State,
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
    let mut projected = Case {
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
        report: report.clone(),
        severity: None,
        cwe: Vec::new(),
        affected: Vec::new(),
        releases: BTreeMap::new(),
        fixes: Vec::new(),
        credits,
        embargo_until: None,
        deadline: policy.disclose_within.after(*received_at),
        policy: *policy,
        paused: None,
        pauses: Vec::new(),
        identifiers: Identifiers::default(),
        notes: Vec::new(),
        contacts: Vec::new(),
        published_at: None,
        resolution: None,
        events: Vec::with_capacity(events.len()),
    };
    for event in &events[1..] {
        apply(&mut projected, event);
    }
    projected.events = events;
    Ok(projected)
}

/// Projects one event onto the case (without appending it to `events`).
pub(super) fn apply(case: &mut Case, event: &Event) {
    match &event.kind {
        // Only the first event may open a case; `replay` refuses any other.
        EventKind::Opened { .. } => {}
        EventKind::Acknowledged { acknowledged_at } => {
            case.acknowledged_at.get_or_insert(*acknowledged_at);
            case.state = State::Acknowledged;
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
    }
}

fn close(case: &mut Case, state: State, event: &Event) {
    case.state = state;
    case.closed_at = Some(event.at);
}
