//! How much text the tool takes. Every field a user types or a message
//! brings has a limit, so a mistaken paste or a hostile email cannot make a
//! case that tables, drafts and exports choke on; each limit is checked
//! before anything is recorded, and a refusal names the field.

use std::fmt;

use super::policy::Package;

use super::case::{Attachment, Event, EventKind, NewCase, Range, Report, Reporter, Source};

/// A case title: the CVE record's limit for a title.
pub const TITLE_CHARS: usize = 256;
/// Any other one-line value: a name, a handle, an address, a reason, a
/// version, an ID.
pub const LINE_CHARS: usize = 1_000;
/// A text of several lines: a description, a note, a message.
pub const TEXT_BYTES: usize = 1 << 20;
/// A text file read for a field or as a template (`--description-file`,
/// `templates/<name>.txt`, `policy --check FILE`).
pub const FILE_BYTES: usize = 1 << 20;

/// A record imported whole (`disclose import`), as JSON.
pub const RECORD_BYTES: usize = 1 << 20;

/// The words `--help` and the README use for the limits.
pub const SUMMARY: &str = "a title holds at most 256 characters, other one-line values 1,000 \
                           characters, texts (descriptions, notes, messages) and files read \
                           for them 1 MB";

/// A value over its limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} is too long: {size}; {what} holds at most {limit}")]
pub struct TooLong {
    /// The field, as the case file names it (`title`, `reporter.name`).
    pub field: String,
    size: Amount,
    what: &'static str,
    limit: Amount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Amount {
    Chars(usize),
    Bytes(usize),
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Chars(n) => write!(f, "{} characters", thousands(n)),
            Self::Bytes(n) => f.write_str(&bytes_in_words(n as u64)),
        }
    }
}

/// `1,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 MB`, `64 KB`, `3.2 MB`, `900 bytes` (binary units, as `--max-size`).
pub fn bytes_in_words(n: u64) -> String {
    for (factor, unit) in [(1u64 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")] {
        if n >= factor {
            return if n.is_multiple_of(factor) {
                format!("{} {unit}", n / factor)
            } else {
                format!("{:.1} {unit}", n as f64 / factor as f64)
            };
        }
    }
    format!("{n} bytes")
}

/// Whether `text` has more than `limit` characters, looking at no more
/// than `limit + 1` of them.
fn over(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().nth(limit).is_some()
}

/// Checks a title.
pub fn title(field: &str, text: &str) -> Result<(), TooLong> {
    chars(field, text, TITLE_CHARS, "a title")
}

/// Checks a one-line value.
pub fn line(field: &str, text: &str) -> Result<(), TooLong> {
    chars(field, text, LINE_CHARS, "a one-line value")
}

/// Checks a text of several lines.
pub fn text(field: &str, text: &str) -> Result<(), TooLong> {
    if text.len() > TEXT_BYTES {
        return Err(TooLong {
            field: field.to_owned(),
            size: Amount::Bytes(text.len()),
            what: "a text",
            limit: Amount::Bytes(TEXT_BYTES),
        });
    }
    Ok(())
}

fn chars(field: &str, text: &str, limit: usize, what: &'static str) -> Result<(), TooLong> {
    if over(text, limit) {
        return Err(TooLong {
            field: field.to_owned(),
            size: Amount::Chars(text.chars().count()),
            what,
            limit: Amount::Chars(limit),
        });
    }
    Ok(())
}

/// `text` cut to a title's length at a character boundary (an email
/// subject, which a title is made from); whether anything was cut.
pub fn cut_title(text: &str) -> (&str, bool) {
    match text.char_indices().nth(TITLE_CHARS) {
        Some((at, _)) => (text[..at].trim_end(), true),
        None => (text, false),
    }
}

/// Checks every text an event carries, naming the first field over its limit.
pub fn event(event: &Event) -> Result<(), TooLong> {
    if let Some(reason) = &event.forced {
        line("the --force reason", reason)?;
    }
    line("by", &event.by)?;
    match &event.kind {
        EventKind::Opened {
            title: t,
            reporter,
            report,
            source,
            attachments,
            ..
        } => {
            title("the title", t)?;
            reporter_fields(reporter)?;
            report_fields(report)?;
            if let Some(source) = source {
                source_fields(source)?;
            }
            attachment_fields(attachments)
        }
        EventKind::Acknowledged {
            message,
            message_id,
            ..
        } => {
            opt(text, "the message", message.as_deref())?;
            opt(line, "the Message-ID", message_id.as_deref())
        }
        EventKind::Confirmed
        | EventKind::Resumed
        | EventKind::EmbargoSet { .. }
        | EventKind::DeadlineSet { .. }
        | EventKind::Linked { .. }
        | EventKind::Renumbered { .. } => Ok(()),
        EventKind::EmbargoAgreed { offset, .. } => opt(line, "the UTC offset", offset.as_deref()),
        EventKind::Rejected { resolution } => opt(text, "the note", resolution.note.as_deref()),
        EventKind::Withdrawn { reason } => opt(line, "the reason", reason.as_deref()),
        EventKind::Paused { reason } => line("the reason", reason),
        EventKind::AffectedAdded {
            package,
            ranges,
            versions,
            ..
        }
        | EventKind::AffectedRemoved {
            package,
            ranges,
            versions,
            ..
        } => {
            package_fields(package)?;
            range_fields(ranges)?;
            versions.iter().try_for_each(|v| line("a version", v))
        }
        EventKind::ReleaseDecided {
            release, reason, ..
        } => {
            line("the release", release)?;
            opt(line, "the reason", reason.as_deref())
        }
        EventKind::FixLinked {
            release,
            package,
            commits,
            pr,
            version,
            ..
        } => {
            line("the release", release)?;
            package.as_ref().map_or(Ok(()), package_fields)?;
            commits.iter().try_for_each(|c| line("a commit", c))?;
            opt(line, "the pull request", pr.as_deref())?;
            opt(line, "the version", version.as_deref())
        }
        EventKind::FixRemoved { release, package } => {
            line("the release", release)?;
            package.as_ref().map_or(Ok(()), package_fields)
        }
        EventKind::SeverityAssessed { severity, cwe } => {
            if let Some(severity) = severity {
                line("the CVSS vector", &severity.cvss)?;
            }
            cwe.iter().try_for_each(|c| line("a CWE", c))
        }
        EventKind::NoteAdded { text: t, .. } => text("the note", t),
        EventKind::ContactLogged {
            text: t,
            message_id,
            attachments,
            ..
        } => {
            text("the message", t)?;
            opt(line, "the Message-ID", message_id.as_deref())?;
            attachment_fields(attachments)
        }
        EventKind::CreditSet { credit } => {
            line("the credited name", &credit.name)?;
            credit
                .contact
                .iter()
                .try_for_each(|c| line("a credit contact", c))
        }
        EventKind::AuditRecorded { note, .. } => text("the audit note", note),
        EventKind::PublicTextSet { change } => {
            opt(title, "the public title", change.title.as_deref())?;
            opt(line, "the summary", change.summary.as_deref())?;
            opt(text, "the details", change.details.as_deref())?;
            opt(text, "the public impact", change.impact.as_deref())?;
            opt(text, "the workarounds", change.workarounds.as_deref())?;
            change
                .references
                .iter()
                .flatten()
                .try_for_each(|r| line("a reference", r))
        }
        EventKind::AdvisoryReserved { advisory } => line("the advisory ID", advisory),
        EventKind::AdvisoryUpdated { advisory, files } => {
            line("the advisory ID", advisory)?;
            files.iter().try_for_each(|f| line("a file name", f))
        }
        EventKind::IdentifiersAssigned { cve, ghsa } => {
            opt(line, "the CVE ID", cve.as_deref())?;
            opt(line, "the GHSA ID", ghsa.as_deref())
        }
        EventKind::Published {
            advisory,
            forced_reason,
        } => {
            line("the advisory ID", advisory)?;
            opt(line, "the reason", forced_reason.as_deref())
        }
        EventKind::AdvisoryRenumbered { from, to, .. } => {
            line("the advisory ID", from)?;
            line("the advisory ID", to)
        }
        EventKind::Imported { from, record } => {
            line("the record's ID", &from.id)?;
            from.aliases.iter().try_for_each(|a| line("an alias", a))?;
            from.severities
                .iter()
                .try_for_each(|v| line("a CVSS vector", v))?;
            let size = serde_json::to_vec(record).map_or(0, |b| b.len());
            if size > RECORD_BYTES {
                return Err(TooLong {
                    field: "the record".to_owned(),
                    size: Amount::Bytes(size),
                    what: "an imported record",
                    limit: Amount::Bytes(RECORD_BYTES),
                });
            }
            Ok(())
        }
        EventKind::Exploited {
            evidence, actor, ..
        } => {
            opt(text, "the evidence", evidence.as_deref())?;
            opt(text, "the malicious actor", actor.as_deref())
        }
        EventKind::Mitigated { text: t, .. } => text("the mitigation", t),
        EventKind::CraReportSubmitted { reference, .. } => {
            opt(line, "the reference", reference.as_deref())
        }
    }
}

/// Checks what a new case is opened with, before a store is touched.
pub fn new_case(new: &NewCase) -> Result<(), TooLong> {
    title("the title", &new.title)?;
    reporter_fields(&new.reporter)?;
    report_fields(&new.report)
}

fn opt(
    check: fn(&str, &str) -> Result<(), TooLong>,
    field: &str,
    value: Option<&str>,
) -> Result<(), TooLong> {
    value.map_or(Ok(()), |v| check(field, v))
}

fn package_fields(p: &Package) -> Result<(), TooLong> {
    line("the package's ecosystem", &p.ecosystem)?;
    line("the package name", &p.name)
}

fn reporter_fields(r: &Reporter) -> Result<(), TooLong> {
    opt(line, "the reporter's name", r.name.as_deref())?;
    opt(line, "the reporter's email", r.email.as_deref())?;
    opt(line, "the reporter's handle", r.handle.as_deref())
}

fn report_fields(r: &Report) -> Result<(), TooLong> {
    opt(text, "the description", r.description.as_deref())?;
    opt(text, "the reproduction", r.reproduction.as_deref())?;
    opt(text, "the impact", r.impact.as_deref())?;
    opt(text, "the remediation", r.remediation.as_deref())
}

fn source_fields(s: &Source) -> Result<(), TooLong> {
    opt(line, "the Message-ID", s.message_id.as_deref())?;
    opt(title, "the subject", s.subject.as_deref())?;
    line("the sender", &s.from)
}

fn attachment_fields(attachments: &[Attachment]) -> Result<(), TooLong> {
    attachments.iter().try_for_each(|a| {
        line("an attachment's name", &a.name)?;
        opt(line, "an attachment's name", a.original_name.as_deref())?;
        line("an attachment's type", &a.content_type)
    })
}

fn range_fields(ranges: &[Range]) -> Result<(), TooLong> {
    ranges
        .iter()
        .flat_map(|r| &r.events)
        .try_for_each(|e| line("a version", e.version()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_and_bytes() {
        assert!(title("the title", &"é".repeat(TITLE_CHARS)).is_ok());
        let err = title("the title", &"é".repeat(TITLE_CHARS + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the title is too long: 257 characters; a title holds at most 256 characters"
        );
        assert!(line("x", &"a".repeat(LINE_CHARS)).is_ok());
        assert!(line("x", &"a".repeat(LINE_CHARS + 1)).is_err());
        let err = text("the note", &"a".repeat(TEXT_BYTES + 1)).unwrap_err();
        assert!(err.to_string().contains("at most 1 MB"), "{err}");
        assert!(text("the note", &"a".repeat(TEXT_BYTES)).is_ok());
    }

    #[test]
    fn titles_are_cut_at_a_character_boundary() {
        let long = "ü".repeat(TITLE_CHARS + 10);
        let (cut, was) = cut_title(&long);
        assert!(was);
        assert_eq!(cut.chars().count(), TITLE_CHARS);
        assert_eq!(cut_title("short"), ("short", false));
    }

    mod round_trip {
        use proptest::prelude::*;

        use super::super::*;
        use crate::model::case::{Case, EventKind};
        use crate::model::layout::to_json_bytes;
        use crate::model::policy::Slas;
        use crate::model::text::{multi_line, one_line};

        /// Text of any kind (controls, bidi overrides, CRLF, astral
        /// characters), sometimes repeated past a limit.
        fn any_text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                ".{0,40}",
                "[\\x00-\\x1f\\x7f\\u{202a}-\\u{202e}\\u{2066}\\u{fffd} a-zé\\r\\n\\t]{0,40}",
                "\\PC{0,40}",
            ];
            (
                piece,
                prop_oneof![Just(1usize), Just(7), Just(300), Just(30_000)],
            )
                .prop_map(|(piece, times)| piece.repeat(times))
        }

        fn optional(text: &str) -> Option<String> {
            Some(text.to_owned())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn every_text_field_round_trips_or_is_refused(text in any_text()) {
                let new = NewCase {
                    title: text.clone(),
                    received_at: None,
                    reporter: Reporter {
                        name: optional(&text),
                        email: optional(&text),
                        handle: optional(&text),
                    },
                    report: Report {
                        description: optional(&text),
                        reproduction: optional(&text),
                        impact: optional(&text),
                        remediation: optional(&text),
                    },
                    internal: false,
                };
                let at = "2026-03-02T09:00:00Z".parse().unwrap();
                let id: crate::model::id::CaseId = "DISC-2026-K7Q3M".parse().unwrap();
                let checked = new_case(&new);
                let mut case = Case::open(id, new, Slas::default(), at, "M <m@x.org>");
                case.record(
                    EventKind::NoteAdded { text: multi_line(&text), private: true },
                    at,
                    "M <m@x.org>",
                    None,
                );
                match checked {
                    Err(e) => {
                        // Refused, naming a field.
                        prop_assert!(e.to_string().starts_with("the "), "{e}");
                    }
                    Ok(()) => {
                        // Cleaning only shortens: what passed stays within the limits.
                        for recorded in &case.events {
                            prop_assert!(event(recorded).is_ok());
                        }
                        let bytes = to_json_bytes(&case);
                        let back: Case = serde_json::from_slice(&bytes).unwrap();
                        prop_assert_eq!(&back, &case);
                        prop_assert_eq!(&back.title, &one_line(&text));
                        let kept = multi_line(&text);
                        prop_assert_eq!(
                            back.report.description.as_deref(),
                            (!kept.is_empty()).then_some(kept.as_str())
                        );
                        prop_assert_eq!(&back.notes[0].text, &kept);
                    }
                }
            }
        }
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(bytes_in_words(1 << 20), "1 MB");
        assert_eq!(bytes_in_words(3 * (1 << 20) + (1 << 19)), "3.5 MB");
        assert_eq!(bytes_in_words(900), "900 bytes");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
