//! Advisories built from a case: Markdown, release notes, an announcement
//! email, OSV and CVE JSON 5. Every format renders from `PublicCase`, the one
//! place that decides what may leave the store, and the output depends only
//! on the case, the policy and `now`, so the same inputs give the same bytes.

pub mod cve;
pub mod derived;
pub mod diff;
mod email;
mod kept;
pub mod leak;
mod markdown;
mod osv;
pub mod public;
mod release_notes;
pub mod user_notice;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::model::case::{Case, EventKind, Range, RangeEvent, RecordFormat, State};
use crate::model::policy::Policy;

pub use public::PublicCase;

/// The formats `export` writes and `publish` puts in the advisory directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// A complete advisory in Markdown
    Markdown,
    /// The "Security" section of a changelog entry
    ReleaseNotes,
    /// The announcement as an RFC 5322 message
    Email,
    /// An OSV record (schema 1.7)
    Osv,
    /// A CVE JSON 5.2 record (CNA container)
    Cve,
}

impl Format {
    /// Every format, in the order `publish` writes them. Derived from the enum
    /// (clap's `ValueEnum`), so a new format is published without a list to update.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as clap::ValueEnum>::value_variants().iter().copied()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::ReleaseNotes => "release-notes",
            Self::Email => "email",
            Self::Osv => "osv",
            Self::Cve => "cve",
        }
    }

    /// The file `publish` writes this format to.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Markdown => "advisory.md",
            Self::ReleaseNotes => "release-notes.md",
            Self::Email => "announcement.eml",
            Self::Osv => "osv.json",
            Self::Cve => "cve.json",
        }
    }
}

/// Refuses a case closed before it was published: it has no advisory, and
/// rendering one would announce a live vulnerability that is not one.
pub fn has_advisory(case: &Case) -> Result<()> {
    if matches!(case.state, State::Rejected | State::Withdrawn)
        && case.published_at.is_none()
        && !case.from_public_record()
    {
        return Err(Error::refused(format!(
            "{} was {} before it was published: there is no advisory to export",
            case.id, case.state
        ))
        .with_hint("only published cases, and those on their way to it, have an advisory"));
    }
    Ok(())
}

/// Renders one format of a case's advisory, as `publish` writes it.
pub fn render(case: &Case, policy: &Policy, format: Format, now: DateTime<Utc>) -> Result<String> {
    render_view(&PublicCase::new(case, policy), case, format, now)
}

/// Renders one format of an unpublished case as an embargoed preview: the
/// Markdown, the release notes and the email open with a line saying so.
pub fn preview(case: &Case, policy: &Policy, format: Format, now: DateTime<Utc>) -> Result<String> {
    let mut public = PublicCase::new(case, policy);
    public.preview = true;
    render_view(&public, case, format, now)
}

/// A published case that was withdrawn renders as withdrawn; one closed
/// before publication does not render (`has_advisory`).
fn render_view(
    public: &PublicCase,
    case: &Case,
    format: Format,
    now: DateTime<Utc>,
) -> Result<String> {
    has_advisory(case)?;
    let modified = revision(case);
    match format {
        Format::Markdown => Ok(markdown::render(public)),
        Format::ReleaseNotes => Ok(release_notes::render(public)),
        Format::Email => email::render(public, now),
        // A case imported from a record in this format writes it back.
        Format::Osv => match kept::source(case, RecordFormat::Osv) {
            Some((from, record)) => kept::osv(public, case, from, record, modified),
            None => osv::render(public, modified),
        },
        Format::Cve => match kept::source(case, RecordFormat::Cve) {
            Some((from, record)) => kept::cve(public, case, from, record, modified),
            None => cve::render(public, modified),
        },
    }
}

/// The advisory files of a case: every format that renders, and why the
/// others were left out. `publish`, `publish --update` and a sync that
/// renumbers an advisory write exactly these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisoryFiles {
    pub files: Vec<(Format, String)>,
    pub skipped: Vec<(Format, String)>,
}

impl AdvisoryFiles {
    pub fn render(case: &Case, policy: &Policy, now: DateTime<Utc>) -> Self {
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        for format in Format::all() {
            if format == Format::Cve && case.identifiers.cve.is_none() {
                skipped.push((format, "the case has no CVE ID".to_owned()));
                continue;
            }
            match render(case, policy, format, now) {
                Ok(text) => files.push((format, text)),
                Err(e) => skipped.push((format, e.to_string())),
            }
        }
        Self { files, skipped }
    }

    /// The text of one format, if it rendered.
    pub fn get(&self, format: Format) -> Option<&str> {
        self.files
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, text)| text.as_str())
    }
}

/// The visible line an embargoed preview opens with.
fn preview_line(p: &PublicCase) -> String {
    format!(
        "**EMBARGOED: NOT FOR RELEASE.** A preview of the unpublished advisory for {}; \
         do not share it outside the security team.",
        p.case_id
    )
}

/// The `modified` time of the machine records: when the advisory's files
/// were last written (published, updated, renumbered) for a published
/// case, else when the case last changed. The same case always gives the
/// same bytes, and a private note after publishing changes nothing public.
fn revision(case: &Case) -> DateTime<Utc> {
    let public = case.published_at.is_some() || case.from_public_record();
    let written = case
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Published { .. }
                    | EventKind::AdvisoryUpdated { .. }
                    | EventKind::AdvisoryRenumbered { .. }
            ) || (public
                // A published advisory withdrawn (or its case rejected) is
                // written again as withdrawn.
                && matches!(e.kind, EventKind::Withdrawn { .. } | EventKind::Rejected { .. }))
        })
        .map(|e| e.at)
        .max();
    written.unwrap_or_else(|| last_change(case))
}

/// When the case last changed.
fn last_change(case: &Case) -> DateTime<Utc> {
    case.events
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(case.received_at)
}

/// A JSON document as written to disk: pretty, trailing newline.
fn json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("export types serialise");
    text.push('\n');
    text
}

/// `2026-03-02`.
fn date(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// One range in words: `1.0.0 up to (not including) 1.4.2`.
pub fn range_words(range: &Range) -> Vec<String> {
    let mut out = Vec::new();
    let mut start: Option<&str> = None;
    let from = |s: &str| {
        if s == "0" {
            "all versions".to_owned()
        } else {
            s.to_owned()
        }
    };
    for event in &range.events {
        match event {
            RangeEvent::Introduced(v) => {
                if let Some(s) = start.replace(v) {
                    out.push(format!("{} and later", from(s)));
                }
            }
            RangeEvent::Fixed(v) => {
                if let Some(s) = start.take() {
                    out.push(if s == "0" {
                        format!("all versions before {v}")
                    } else {
                        format!("{s} up to (not including) {v}")
                    });
                }
            }
            RangeEvent::LastAffected(v) => {
                if let Some(s) = start.take() {
                    out.push(if s == "0" {
                        format!("all versions up to and including {v}")
                    } else {
                        format!("{s} up to and including {v}")
                    });
                }
            }
            RangeEvent::Limit(_) => {}
        }
    }
    if let Some(s) = start {
        out.push(if s == "0" {
            "all versions".to_owned()
        } else {
            format!("{s} and later")
        });
    }
    out
}

/// The severity in words: `high (8.1)`.
fn severity_words(public: &PublicCase) -> Option<String> {
    public
        .severity
        .as_ref()
        .map(|s| format!("{} ({})", s.rating, s.score))
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod matrix_props;
/// The structure of OSV and CVE records, shared with the integration tests.
#[cfg(test)]
#[path = "../../tests/cli/common/schema.rs"]
pub(crate) mod schema;
#[cfg(test)]
mod tests;
