//! From a parsed `Email` to what the case model records: the new case's
//! fields (with the command line's overrides on top), its `Source`, the
//! attachments to stage in the store, and replies as contacts.

use chrono::{DateTime, Utc};

use super::{Email, SafeNames, clean_subject, reply_text, sha256_hex, split_sections};
use crate::model::case::{
    Attachment, Case, Direction, EventKind, NewCase, Report, Reporter, Source,
};
use crate::model::id::CaseId;

/// Store directory of attachments; one subdirectory per case.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// What the command line says, which wins over what the email says.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub title: Option<String>,
    pub reporter_name: Option<String>,
    pub reporter_email: Option<String>,
    pub reporter_handle: Option<String>,
    pub received_at: Option<DateTime<Utc>>,
    pub description: Option<String>,
    pub reproduction: Option<String>,
    pub impact: Option<String>,
    pub remediation: Option<String>,
}

impl Overrides {
    /// Whether any field that names one report was given (these make no
    /// sense for an mbox that opens several cases).
    pub fn any(&self) -> bool {
        self.title.is_some()
            || self.reporter_name.is_some()
            || self.reporter_email.is_some()
            || self.reporter_handle.is_some()
            || self.received_at.is_some()
            || self.description.is_some()
            || self.reproduction.is_some()
            || self.impact.is_some()
            || self.remediation.is_some()
    }
}

/// The new case an email opens, or `None` when it has no usable title
/// (no Subject and no `--title`).
pub fn new_case(email: &Email, over: &Overrides) -> Option<NewCase> {
    let title = over.title.clone().or_else(|| {
        email
            .subject
            .as_deref()
            .map(clean_subject)
            .filter(|t| !t.is_empty())
    })?;
    let sections = split_sections(&email.body);
    Some(NewCase {
        title,
        received_at: over.received_at.or(email.date),
        reporter: Reporter {
            name: over
                .reporter_name
                .clone()
                .or_else(|| email.from.name.clone()),
            email: Some(
                over.reporter_email
                    .clone()
                    .unwrap_or_else(|| email.from.address.clone()),
            ),
            handle: over.reporter_handle.clone(),
        },
        report: Report {
            description: over.description.clone().or(sections.description),
            reproduction: over.reproduction.clone().or(sections.reproduction),
            impact: over.impact.clone().or(sections.impact),
            remediation: over.remediation.clone().or(sections.remediation),
        },
        internal: false,
    })
}

/// The `Source` recorded for the email a case was opened from.
pub fn source(email: &Email) -> Source {
    Source {
        message_id: email.message_id.clone(),
        subject: email
            .subject
            .as_deref()
            .map(|s| crate::model::limits::cut_title(s).0.to_owned()),
        from: match &email.from.name {
            Some(name) => format!("{name} <{}>", email.from.address),
            None => email.from.address.clone(),
        },
        sha256: email.sha256.clone(),
    }
}

/// A file to write into the store at a store-relative path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staged {
    pub rel_path: String,
    pub bytes: Vec<u8>,
}

/// The attachments of `email` for case `id`: their case entries and the
/// files to write. Names are made safe and unique against `names`.
pub fn stage_attachments(
    id: &CaseId,
    email: &Email,
    names: &mut SafeNames,
) -> (Vec<Attachment>, Vec<Staged>) {
    let mut entries = Vec::new();
    let mut files = Vec::new();
    for part in &email.attachments {
        let name = names.claim(part.name.as_deref());
        // `id` is validated and `name` is a single safe component.
        let rel_path = format!("{ATTACHMENTS_DIR}/{id}/{name}");
        entries.push(Attachment {
            // Control characters could drive a terminal that shows the case.
            original_name: part
                .name
                .as_ref()
                .filter(|orig| **orig != name)
                .map(|orig| {
                    orig.chars()
                        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
                        .collect()
                }),
            name,
            path: rel_path.clone(),
            size: part.bytes.len() as u64,
            sha256: sha256_hex(&part.bytes),
            content_type: part.content_type.clone(),
            message_id: email.message_id.clone(),
        });
        files.push(Staged {
            rel_path,
            bytes: part.bytes.clone(),
        });
    }
    (entries, files)
}

/// A reply as a contact: from the reporter when it comes from their
/// address, else to them; the text without the quoted conversation.
pub fn contact(email: &Email, reporter: &Reporter) -> (Direction, String) {
    let from_reporter = reporter
        .email
        .as_deref()
        .is_some_and(|r| r.eq_ignore_ascii_case(&email.from.address));
    let direction = if from_reporter {
        Direction::FromReporter
    } else {
        Direction::ToReporter
    };
    let mut text = reply_text(&email.body);
    if text.is_empty() {
        text = match &email.subject {
            Some(subject) => format!(
                "(no text; subject: {})",
                crate::model::limits::cut_title(subject).0
            ),
            None => "(no text)".to_owned(),
        };
    }
    (direction, text)
}

/// A later message of the reporter's thread as a `contact-logged` event for
/// `case`, with its attachments to write. `names` should hold the names
/// the case already uses. A `Date` after `now` (a sender's wrong clock) is
/// not kept, so it cannot push the reporter-update clock into the future.
pub fn reply_event(
    case: &Case,
    reply: &Email,
    names: &mut SafeNames,
    now: DateTime<Utc>,
) -> (EventKind, Vec<Staged>) {
    let (direction, text) = contact(reply, &case.reporter);
    let (attachments, files) = stage_attachments(&case.id, reply, names);
    let kind = EventKind::ContactLogged {
        direction,
        text: crate::model::text::multi_line(&text),
        message_id: reply.message_id.clone(),
        sent_at: reply.date.filter(|d| *d <= now),
        attachments,
    };
    (kind, files)
}
