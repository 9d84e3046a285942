//! Replies to the reporter, rendered from templates filled with the case and
//! the policy: what happens next and by when, in the policy's own words.
//! Private text, never published. Sending stays the mail client's job.
//!
//! A template is an optional `Subject: ...` line and a blank line, then the
//! body. `{name}` is a placeholder (see `PLACEHOLDERS`); `{{` and `}}` are
//! literal braces. A store may override any built-in template with
//! `templates/<name>.txt`.

mod eml;
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
}

/// Every placeholder, with what it stands for (the README lists these).
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
        "the policy's acknowledgement promise, e.g. \"48 hours\"",
    ),
    (
        "update_every",
        "how often the reporter hears from the team, e.g. \"7 days\"",
    ),
    (
        "disclose_within",
        "the disclosure promise, e.g. \"90 days\"",
    ),
    (
        "next_update_by",
        "the day of the next promised update (now + update_every)",
    ),
    (
        "deadline",
        "the disclosure deadline day (the embargo if set)",
    ),
    (
        "fixed_versions",
        "the released fix versions, e.g. \"1.4.2 and 1.5.3\"",
    ),
    (
        "advisory",
        "the advisory ID (advisory, CVE or GHSA), else the case ID",
    ),
    ("cve", "the CVE ID, else \"not assigned yet\""),
    ("today", "the day the draft was made"),
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
    /// The reporter, if their address is known.
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

/// Checks that `template` renders: every placeholder known, every brace paired.
pub fn check(template: &str) -> Result<(), TemplateError> {
    fill(template, &BTreeMap::new(), true).map(drop)
}

/// Renders `kind` for `case` at `now`, from `template` (the store's
/// override) or the built-in one.
pub fn render(
    kind: DraftKind,
    template: Option<&str>,
    case: &Case,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<Draft, TemplateError> {
    let builtin = builtin(kind);
    let template = template.unwrap_or(&builtin);
    let values = values(case, policy, now);
    let text = fill(template, &values, false)?;
    let text = text.replace("\r\n", "\n");
    let (subject, body) = match text.strip_prefix("Subject:") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (line.trim().to_owned(), body)
        }
        None => (format!("Re: {}", values["subject"]), text.as_str()),
    };
    let mut body = rewrap(body.trim_matches('\n'));
    body.push('\n');
    let thread = thread_ids(case);
    Ok(Draft {
        kind: kind.name(),
        case_id: case.id.to_string(),
        to: case.reporter.email.as_ref().map(|email| Recipient {
            name: case.reporter.name.clone(),
            email: email.clone(),
        }),
        subject,
        body,
        in_reply_to: thread.last().cloned(),
        references: thread,
    })
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

fn day(at: DateTime<Utc>) -> String {
    at.format("%A %-d %B %Y").to_string()
}

fn values(case: &Case, policy: &Policy, now: DateTime<Utc>) -> BTreeMap<&'static str, String> {
    let slas = case.policy;
    // Only fixes on releases decided affected count, as in every export.
    let several = case.affected.len() > 1;
    let fixed: Vec<String> = case
        .counted_fixes()
        .filter_map(|f| {
            let v = f.version.as_deref()?;
            Some(match (&f.package, several) {
                (Some(p), true) => format!("{} {v}", p.name),
                _ => v.to_owned(),
            })
        })
        .collect();
    let fixed_versions = match fixed.as_slice() {
        [] => "a release that is not out yet".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let ids = &case.identifiers;
    let subject = case
        .source
        .as_ref()
        .and_then(|s| s.subject.clone())
        .map(|s| {
            // One "Re:" is added by the template, so none is kept here.
            let mut s = s.trim();
            while let Some(rest) = s
                .strip_prefix("Re:")
                .or_else(|| s.strip_prefix("RE:"))
                .or_else(|| s.strip_prefix("re:"))
            {
                s = rest.trim_start();
            }
            s.to_owned()
        })
        .unwrap_or_else(|| format!("[{}] {}", case.id, case.title));
    let state = match case.state {
        State::New => "being triaged",
        State::Acknowledged => "under investigation",
        State::Confirmed => "confirmed, and a fix is being prepared",
        State::Fixed => "fixed, and the advisory is being prepared",
        State::Published => "published",
        State::Rejected => "closed",
        State::Withdrawn => "withdrawn",
    };
    BTreeMap::from([
        ("case_id", case.id.to_string()),
        ("title", case.title.clone()),
        ("subject", subject),
        (
            "reporter_name",
            case.reporter.display().unwrap_or("there").to_owned(),
        ),
        (
            "project",
            policy
                .project
                .clone()
                .unwrap_or_else(|| "the project".to_owned()),
        ),
        ("contact", policy.contact.clone().unwrap_or_default()),
        (
            "team",
            policy.project.as_ref().map_or_else(
                || "The security team".to_owned(),
                |p| format!("The {p} security team"),
            ),
        ),
        ("received", day(case.received_at)),
        ("state", state.to_owned()),
        ("ack_within", slas.ack_within.in_words()),
        ("update_every", slas.update_every.in_words()),
        ("disclose_within", slas.disclose_within.in_words()),
        ("next_update_by", day(slas.update_every.after(now))),
        ("deadline", day(case.deadline)),
        ("fixed_versions", fixed_versions),
        (
            "advisory",
            ids.advisory
                .clone()
                .or_else(|| ids.cve.clone())
                .or_else(|| ids.ghsa.clone())
                .unwrap_or_else(|| case.id.to_string()),
        ),
        (
            "cve",
            ids.cve
                .clone()
                .unwrap_or_else(|| "not assigned yet".to_owned()),
        ),
        ("today", day(now)),
    ])
}

/// Substitutes placeholders. With `dry`, only checks them.
fn fill(
    template: &str,
    values: &BTreeMap<&'static str, String>,
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
                    out.push_str(&values[name]);
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
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_braces() {
        let values = BTreeMap::from([("case_id", "X-1".to_owned())]);
        assert_eq!(fill("{case_id} {{x}}", &values, false).unwrap(), "X-1 {x}");
        assert_eq!(fill("{ case_id }", &values, false).unwrap(), "X-1");
        assert_eq!(check("{nope}"), Err(TemplateError::Unknown("nope".into())));
        assert_eq!(check("a {case_id"), Err(TemplateError::Unclosed(2)));
        assert_eq!(check("a } b"), Err(TemplateError::Stray(2)));
        assert_eq!(check("é {title}"), Ok(()));
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
