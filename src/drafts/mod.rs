//! Replies to the reporter, rendered from templates filled with the case and
//! the policy: what happens next and by when, in the policy's own words.
//! Private text, never published. Sending stays the mail client's job.
//!
//! A template is an optional `Subject: ...` line and a blank line, then the
//! body. `{name}` is a placeholder (see `PLACEHOLDERS`); `{{` and `}}` are
//! literal braces. A store may override any built-in template with
//! `templates/<name>.txt`.

pub mod cra;
mod eml;
mod sentences;
mod texts;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::case::{Case, State};
use crate::model::policy::Policy;
pub use eml::message_id;
use texts::{ACK, FIX_READY, NEED_INFO, PUBLISHED, SIGNATURE, UPDATE};

/// Which reply to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftKind {
    /// The acknowledgement (`ack --draft`).
    Ack,
    /// Ask the reporter for more information.
    NeedInfo,
    /// Keep the reporter informed.
    Update,
    /// A fix is ready: ask them to check it, and how to credit them.
    FixReady,
    /// The advisory is public.
    Published,
}

impl DraftKind {
    pub const ALL: [Self; 5] = [
        Self::Ack,
        Self::NeedInfo,
        Self::Update,
        Self::FixReady,
        Self::Published,
    ];

    /// The name used on the command line and for `templates/<name>.txt`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Ack => "ack",
            Self::NeedInfo => "need-info",
            Self::Update => "update",
            Self::FixReady => "fix-ready",
            Self::Published => "published",
        }
    }

    /// The store-relative path of this draft's override.
    pub fn template_path(self) -> String {
        format!("templates/{}.txt", self.name())
    }

    /// The built-in template.
    pub fn default_template(self) -> &'static str {
        match self {
            Self::Ack => ACK,
            Self::NeedInfo => NEED_INFO,
            Self::Update => UPDATE,
            Self::FixReady => FIX_READY,
            Self::Published => PUBLISHED,
        }
    }
}

impl fmt::Display for DraftKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown draft {0:?}: expected ack, need-info, update, fix-ready or published")]
pub struct UnknownDraft(String);

impl FromStr for DraftKind {
    type Err = UnknownDraft;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownDraft(s.to_owned()))
    }
}

/// A template that cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("unknown placeholder {{{0}}} (known: {known})", known = known_placeholders())]
    Unknown(String),
    #[error("unclosed {{ at byte {0} (write {{{{ for a literal brace)")]
    Unclosed(usize),
    #[error("stray }} at byte {0} (write }}}} for a literal brace)")]
    Stray(usize),
    #[error("{{{0}}} cannot be filled for this case: {1}")]
    Unavailable(String, String),
}

/// A placeholder's value, or why the case has none.
type Value = Result<String, String>;

/// Every placeholder, with what it stands for (the README lists these).
/// The sentence placeholders (`*_promise`, `fix_status`, `credit_request`,
/// `questions`, `message`) are empty when the case gives them nothing to
/// say; a paragraph left empty is dropped.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("case_id", "the case ID, e.g. DISC-2026-K7Q3M"),
    ("title", "the case title"),
    (
        "subject",
        "the subject of the reporter's email, else \"[case_id] title\"",
    ),
    (
        "reporter_name",
        "the reporter's name, else handle, else \"there\"",
    ),
    ("project", "the policy's project name, else \"the project\""),
    ("contact", "the policy's contact address"),
    (
        "team",
        "\"The <project> security team\", else \"The security team\"",
    ),
    ("received", "the day the report arrived"),
    ("state", "the case state in words, e.g. \"confirmed\""),
    (
        "ack_within",
        "the acknowledgement promise, e.g. \"48 hours\" (an error when it is off)",
    ),
    (
        "update_every",
        "how often the reporter hears from the team, e.g. \"7 days\" (an error when it is off)",
    ),
    (
        "disclose_within",
        "the disclosure promise, e.g. \"90 days\" (an error when it is off)",
    ),
    (
        "next_update_by",
        "the day of the next promised update, now + update_every (an error when it is off)",
    ),
    (
        "deadline",
        "the disclosure deadline day (an error when there is none)",
    ),
    (
        "embargo",
        "the embargo, with the time and offset agreed (an error when there is none)",
    ),
    (
        "fixed_versions",
        "the released fix versions, e.g. \"1.4.2 and 1.5.3\" (an error before any is released)",
    ),
    (
        "advisory",
        "the advisory ID (advisory, CVE or GHSA), else the case ID",
    ),
    ("cve", "the CVE ID, else \"not assigned yet\""),
    ("today", "the day the draft was made"),
    (
        "update_promise",
        "when the reporter will hear from the team again, if update_every is promised",
    ),
    (
        "deadline_promise",
        "when the advisory will be published, if there is a deadline",
    ),
    (
        "embargo_promise",
        "that nothing is published before the embargo, if there is one",
    ),
    (
        "fix_status",
        "the fixes: released (with versions), prepared, missing, or not planned",
    ),
    (
        "credit_request",
        "asks how to credit the reporter while consent is pending, else says how they will be",
    ),
    (
        "questions",
        "the --ask questions as a list, else what the report does not already say",
    ),
    ("message", "the text given with --message"),
];

fn known_placeholders() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rendered reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub kind: &'static str,
    pub case_id: String,
    /// The reporter, if their address is known (or given with `--to`).
    pub to: Option<Recipient>,
    pub subject: String,
    pub body: String,
    /// The newest message of the reporter's thread, and the whole thread,
    /// for `In-Reply-To` and `References`.
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
}

/// A mailbox: a display name and an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub name: Option<String>,
    pub email: String,
}

/// What the maintainer adds to a draft.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Questions for the need-info draft (`--ask`), in order.
    pub asks: Vec<String>,
    /// A paragraph of their own (`--message`).
    pub message: Option<String>,
    /// The reporter's address when the case has none (`--to`).
    pub to: Option<String>,
}

/// Checks that `template` renders: every placeholder known, every brace paired.
pub fn check(template: &str) -> Result<(), TemplateError> {
    fill(template, &BTreeMap::new(), true).map(drop)
}

/// Why `kind` would not be true of `case` now, if it would not. `ack` is
/// checked by the acknowledgement itself.
pub fn precondition(kind: DraftKind, case: &Case) -> Option<String> {
    let state = case.state;
    match kind {
        DraftKind::Ack => None,
        DraftKind::NeedInfo => {
            (!matches!(state, State::New | State::Acknowledged | State::Confirmed))
                .then(|| format!("it is {state}, past the investigation"))
        }
        DraftKind::Update => match state {
            State::New => Some(
                "it is not acknowledged yet: the first message is the acknowledgement".to_owned(),
            ),
            State::Acknowledged | State::Confirmed | State::Fixed => None,
            _ => Some(format!("it is {state}: there is nothing left to update on")),
        },
        DraftKind::FixReady => {
            if !matches!(state, State::Acknowledged | State::Confirmed | State::Fixed) {
                Some(format!("it is {state}"))
            } else if case.fixes.is_empty() {
                Some(format!(
                    "no fix is linked yet (`disclose fix {} --release NAME --commit ...`)",
                    case.id
                ))
            } else {
                None
            }
        }
        DraftKind::Published => (state != State::Published)
            .then(|| format!("it is {state}, not published: the advisory is not public yet")),
    }
}

/// Renders `kind` for `case` at `now`, from `template` (the store's
/// override) or the built-in one.
pub fn render(
    kind: DraftKind,
    template: Option<&str>,
    case: &Case,
    policy: &Policy,
    now: DateTime<Utc>,
    extras: &Extras,
) -> Result<Draft, TemplateError> {
    let builtin = builtin(kind);
    let template = template.unwrap_or(&builtin);
    let values = sentences::values(case, policy, now, extras);
    let text = fill(template, &values, false)?;
    let text = text.replace("\r\n", "\n");
    let (subject, body) = match text.strip_prefix("Subject:") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (line.trim().to_owned(), body.to_owned())
        }
        None => (
            format!("Re: {}", values["subject"].as_deref().unwrap_or_default()),
            text.clone(),
        ),
    };
    let mut body = rewrap(&without_empty_paragraphs(&body));
    body.push('\n');
    let thread = thread_ids(case);
    let to = extras
        .to
        .clone()
        .or_else(|| case.reporter.email.clone())
        .map(|email| Recipient {
            name: case.reporter.name.clone(),
            email,
        });
    Ok(Draft {
        kind: kind.name(),
        case_id: case.id.to_string(),
        to,
        subject: with_case_id(subject, case.id.as_str()),
        body,
        in_reply_to: thread.last().cloned(),
        references: thread,
    })
}

/// The subject with the case ID in it, as the body asks the reporter to
/// keep it, whatever a template says.
pub fn with_case_id(subject: String, id: &str) -> String {
    if subject.contains(id) {
        subject
    } else {
        format!("{subject} [{id}]")
    }
}

/// The body with the paragraphs that empty sentences left blank removed.
fn without_empty_paragraphs(body: &str) -> String {
    body.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Width of a draft's lines, as mail programs expect.
const WIDTH: usize = 72;

/// Refills the paragraphs that substituted values made longer than
/// `WIDTH`; short lines (a signature, a list) are left as written.
fn rewrap(body: &str) -> String {
    body.split("\n\n")
        .map(|para| {
            let list = para
                .lines()
                .any(|l| l.starts_with(['-', '*', ' ', '\t', '>']));
            if list || para.lines().all(|l| l.chars().count() <= WIDTH) {
                return para.to_owned();
            }
            let mut lines = Vec::new();
            let mut line = String::new();
            for word in para.split_whitespace() {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The Message-IDs of the reporter's thread, oldest first.
fn thread_ids(case: &Case) -> Vec<String> {
    let mut ids: Vec<String> = case.message_ids.clone();
    for contact in &case.contacts {
        if let Some(id) = &contact.message_id
            && !ids.contains(id)
        {
            ids.push(id.clone());
        }
    }
    ids
}

/// Substitutes placeholders. With `dry`, only checks them. A placeholder
/// whose value is `None` is one the case cannot fill truthfully (a promise
/// that is off, a fix not released): an error naming why.
fn fill(
    template: &str,
    values: &BTreeMap<&'static str, Value>,
    dry: bool,
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(TemplateError::Stray(i)),
            '{' => {
                let rest = &template[i + 1..];
                let end = rest
                    .find(['}', '{', '\n'])
                    .filter(|&e| rest.as_bytes()[e] == b'}')
                    .ok_or(TemplateError::Unclosed(i))?;
                let name = rest[..end].trim();
                if !PLACEHOLDERS.iter().any(|(n, _)| *n == name) {
                    return Err(TemplateError::Unknown(name.to_owned()));
                }
                if !dry {
                    match values.get(name) {
                        Some(Ok(value)) => out.push_str(value),
                        Some(Err(why)) => {
                            return Err(TemplateError::Unavailable(name.to_owned(), why.clone()));
                        }
                        None => return Err(TemplateError::Unknown(name.to_owned())),
                    }
                }
                for _ in 0..=rest[..end].chars().count() {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The built-in template text with the signature, as a store override would
/// hold it (for `templates/<name>.txt` starting points and the docs).
pub fn builtin(kind: DraftKind) -> String {
    format!("{}{SIGNATURE}", kind.default_template())
}

#[cfg(test)]
mod truth;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_braces() {
        let values = BTreeMap::from([
            ("case_id", Ok("X-1".to_owned())),
            ("deadline", Err("there is no deadline".to_owned())),
        ]);
        assert_eq!(fill("{case_id} {{x}}", &values, false).unwrap(), "X-1 {x}");
        assert_eq!(fill("{ case_id }", &values, false).unwrap(), "X-1");
        assert_eq!(check("{nope}"), Err(TemplateError::Unknown("nope".into())));
        assert_eq!(check("a {case_id"), Err(TemplateError::Unclosed(2)));
        assert_eq!(check("a } b"), Err(TemplateError::Stray(2)));
        assert_eq!(check("é {title}"), Ok(()));
        assert_eq!(
            fill("by {deadline}", &values, false),
            Err(TemplateError::Unavailable(
                "deadline".into(),
                "there is no deadline".into()
            ))
        );
    }

    #[test]
    fn empty_paragraphs_go_and_the_subject_carries_the_case_id() {
        assert_eq!(
            without_empty_paragraphs("Hello,\n\n\n\nText.  \n\n \n\nBye,\n"),
            "Hello,\n\nText.\n\nBye,"
        );
        assert_eq!(with_case_id("Re: bug".into(), "X-1"), "Re: bug [X-1]");
        assert_eq!(with_case_id("[X-1] bug".into(), "X-1"), "[X-1] bug");
    }

    #[test]
    fn long_paragraphs_are_refilled_and_short_ones_kept() {
        let long = format!("{} end.", "word ".repeat(30));
        let out = rewrap(&format!("{long}\n\nThanks,\nA team\n\n- {long}"));
        let mut paras = out.split("\n\n");
        assert!(paras.next().unwrap().lines().all(|l| l.len() <= WIDTH));
        assert_eq!(paras.next(), Some("Thanks,\nA team"));
        assert!(paras.next().unwrap().starts_with("- word"));
    }

    #[test]
    fn every_builtin_template_checks() {
        for kind in DraftKind::ALL {
            assert_eq!(check(&builtin(kind)), Ok(()), "{kind}");
            assert_eq!(kind.name().parse::<DraftKind>(), Ok(kind));
        }
    }
}
