//! The public advisory text: what the maintainers write for the public
//! (`disclose describe`), kept apart from the reporter's report, which is
//! private input and never rendered into a public file.
//!
//! Each change records only the fields it changes, so two maintainers who
//! edit different fields of the text both keep their edit after a merge.

use serde::{Deserialize, Serialize};

use super::{Case, Event, EventKind, Stamp};
use crate::error::{Error, Result};
use crate::model::text::{multi_line, one_line};

/// OSV's recommended limit for a one-line summary.
pub const SUMMARY_MAX: usize = 120;

/// The advisory text as the maintainers wrote it (the case's `public` key).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublicText {
    /// The advisory's title; the case title when not set.
    pub title: Option<String>,
    /// One line of at most 120 characters.
    pub summary: Option<String>,
    /// Markdown: what is wrong, for whom, and how it was fixed.
    pub details: Option<String>,
    pub impact: Option<String>,
    pub workarounds: Option<String>,
    /// Extra reference URLs (fix commits and PRs are linked already).
    pub references: Vec<String>,
}

/// The fields of the public text, one name each, for merges and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PublicField {
    Title,
    Summary,
    Details,
    Impact,
    Workarounds,
    References,
}

impl PublicField {
    pub const ALL: [Self; 6] = [
        Self::Title,
        Self::Summary,
        Self::Details,
        Self::Impact,
        Self::Workarounds,
        Self::References,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Summary => "summary",
            Self::Details => "details",
            Self::Impact => "impact",
            Self::Workarounds => "workarounds",
            Self::References => "references",
        }
    }
}

/// One change to the public text: each field that is `Some` is set (an
/// empty text or list clears it); `None` leaves the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workarounds: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<String>>,
}

impl PublicChange {
    /// The fields this change sets, with the value each gets (JSON).
    pub fn writes(&self) -> Vec<(PublicField, serde_json::Value)> {
        let text = |v: &Option<String>| v.clone().map(serde_json::Value::String);
        let mut out = Vec::new();
        for field in PublicField::ALL {
            let value = match field {
                PublicField::Title => text(&self.title),
                PublicField::Summary => text(&self.summary),
                PublicField::Details => text(&self.details),
                PublicField::Impact => text(&self.impact),
                PublicField::Workarounds => text(&self.workarounds),
                PublicField::References => self.references.as_ref().map(|r| r.clone().into()),
            };
            if let Some(value) = value {
                out.push((field, value));
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.writes().is_empty()
    }

    /// The change that turns `from` into `to`: only the fields that differ.
    pub fn between(from: &PublicText, to: &PublicText) -> Self {
        let text = |a: &Option<String>, b: &Option<String>| {
            (a != b).then(|| b.clone().unwrap_or_default())
        };
        Self {
            title: text(&from.title, &to.title),
            summary: text(&from.summary, &to.summary),
            details: text(&from.details, &to.details),
            impact: text(&from.impact, &to.impact),
            workarounds: text(&from.workarounds, &to.workarounds),
            references: (from.references != to.references).then(|| to.references.clone()),
        }
    }
}

impl PublicText {
    /// Applies a change (as replay does).
    pub fn apply(&mut self, change: &PublicChange) {
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if let Some(v) = value {
                *field = (!v.is_empty()).then(|| v.clone());
            }
        };
        set(&mut self.title, &change.title);
        set(&mut self.summary, &change.summary);
        set(&mut self.details, &change.details);
        set(&mut self.impact, &change.impact);
        set(&mut self.workarounds, &change.workarounds);
        if let Some(refs) = &change.references {
            self.references.clone_from(refs);
        }
    }

    /// Whether the advisory has what `publish` needs: a summary and details.
    pub fn is_complete(&self) -> bool {
        self.summary.is_some() && self.details.is_some()
    }
}

/// Cleans and checks a change as typed: one-line title and summary (at most
/// `SUMMARY_MAX` characters), multi-line texts, http(s) references.
fn check(change: PublicChange) -> Result<PublicChange> {
    let line = |v: Option<String>| v.map(|v| one_line(&v));
    let lines = |v: Option<String>| v.map(|v| multi_line(&v));
    let summary = line(change.summary);
    if let Some(s) = &summary {
        let n = s.chars().count();
        if n > SUMMARY_MAX {
            return Err(Error::input(format!(
                "the summary is {n} characters long; at most {SUMMARY_MAX} are allowed (OSV's limit for a one-line summary)"
            ))
            .with_hint("keep the summary to one short sentence and put the rest in the details"));
        }
    }
    let references = match change.references {
        None => None,
        Some(refs) => {
            let mut out: Vec<String> = Vec::new();
            for r in refs {
                let r = r.trim().to_owned();
                if !crate::model::syntax::is_url(&r) {
                    return Err(Error::input(format!(
                        "reference {r:?} is not an http(s) URL"
                    )));
                }
                if !out.contains(&r) {
                    out.push(r);
                }
            }
            Some(out)
        }
    };
    Ok(PublicChange {
        title: line(change.title),
        summary,
        details: lines(change.details),
        impact: lines(change.impact),
        workarounds: lines(change.workarounds),
        references,
    })
}

impl Case {
    /// Sets fields of the public advisory text. A change that changes
    /// nothing is refused as bad input, so no empty event is recorded.
    pub fn describe(&mut self, change: PublicChange, stamp: Stamp<'_>) -> Result<&Event> {
        let change = check(change)?;
        let mut after = self.public.clone();
        after.apply(&change);
        let change = PublicChange::between(&self.public, &after);
        if change.is_empty() {
            return Err(Error::input(format!(
                "nothing to change: the public text of {} already says that",
                self.id
            )));
        }
        Ok(self.append(EventKind::PublicTextSet { change }, stamp))
    }

    /// Gives the case its public advisory ID ahead of publishing.
    pub fn reserve_advisory(&mut self, advisory: String, stamp: Stamp<'_>) -> Result<&Event> {
        if let Some(existing) = &self.identifiers.advisory {
            return Err(Error::refused(format!(
                "{} already has the advisory ID {existing}",
                self.id
            )));
        }
        if !self.state.is_open() {
            return Err(Error::refused(format!(
                "cannot reserve an advisory ID for {}: it is {}",
                self.id, self.state
            )));
        }
        Ok(self.append(EventKind::AdvisoryReserved { advisory }, stamp))
    }

    /// Records that the published advisory's files were written again.
    pub fn record_update(&mut self, files: Vec<String>, stamp: Stamp<'_>) -> Result<&Event> {
        let Some(advisory) = self.identifiers.advisory.clone() else {
            return Err(Error::refused(format!("{} has no advisory ID", self.id)));
        };
        if self.state != super::State::Published {
            return Err(Error::refused(format!(
                "{} is {}, not published: there is no advisory to update",
                self.id, self.state
            ))
            .with_hint(format!(
                "preview it with `disclose publish {} --dry-run`",
                self.id
            )));
        }
        Ok(self.append(EventKind::AdvisoryUpdated { advisory, files }, stamp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_sets_only_its_fields_and_empty_clears() {
        let mut text = PublicText {
            title: Some("t".into()),
            impact: Some("i".into()),
            ..PublicText::default()
        };
        text.apply(&PublicChange {
            summary: Some("s".into()),
            impact: Some(String::new()),
            ..PublicChange::default()
        });
        assert_eq!(text.title.as_deref(), Some("t"));
        assert_eq!(text.summary.as_deref(), Some("s"));
        assert_eq!(text.impact, None);
        let to = PublicText {
            details: Some("d".into()),
            ..text.clone()
        };
        let change = PublicChange::between(&text, &to);
        assert_eq!(change.writes().len(), 1);
        assert_eq!(change.details.as_deref(), Some("d"));
    }

    #[test]
    fn long_summaries_and_bad_references_are_refused() {
        let long = "x".repeat(121);
        let err = check(PublicChange {
            summary: Some(long),
            ..PublicChange::default()
        })
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("121 characters"), "{err}");
        assert!(
            check(PublicChange {
                summary: Some("é".repeat(120)),
                ..PublicChange::default()
            })
            .is_ok()
        );
        assert!(
            check(PublicChange {
                references: Some(vec!["ftp://x".into()]),
                ..PublicChange::default()
            })
            .is_err()
        );
    }
}
