//! Advisories built from a case: Markdown, release notes, an announcement
//! email, OSV and CVE JSON 5. Every format renders from `PublicCase`, the one
//! place that decides what may leave the store, and the output depends only
//! on the case, the policy and `now`, so the same inputs give the same bytes.

pub mod cve;
mod email;
mod markdown;
mod osv;
pub mod public;
pub mod ranges;
mod release_notes;

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::case::{Case, Range, RangeEvent};
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

/// Renders one format of a case's advisory.
pub fn render(case: &Case, policy: &Policy, format: Format, now: DateTime<Utc>) -> Result<String> {
    let public = PublicCase::new(case, policy);
    let modified = last_change(case);
    match format {
        Format::Markdown => Ok(markdown::render(&public)),
        Format::ReleaseNotes => Ok(release_notes::render(&public)),
        Format::Email => email::render(&public, now),
        Format::Osv => Ok(osv::render(&public, modified)),
        Format::Cve => cve::render(&public, modified),
    }
}

/// When the case last changed: the `modified` time of machine records, so
/// exporting twice gives the same bytes.
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
fn range_words(range: &Range) -> Vec<String> {
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
mod tests;
