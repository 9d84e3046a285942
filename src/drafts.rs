//! Replies to the reporter, rendered from templates filled with the case and
//! the policy: what happens next and by when, in the policy's own words.
//! Private text, never published. Sending stays the mail client's job.
//!
//! A template is an optional `Subject: ...` line and a blank line, then the
//! body. `{name}` is a placeholder (see `PLACEHOLDERS`); `{{` and `}}` are
//! literal braces. A store may override any built-in template with
//! `templates/<name>.txt`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::case::{Case, State};
use crate::policy::Policy;

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
    let fixed: Vec<&str> = case
        .fixes
        .iter()
        .filter_map(|f| f.version.as_deref())
        .collect();
    let fixed_versions = match fixed.as_slice() {
        [] => "a release that is not out yet".to_owned(),
        [one] => (*one).to_owned(),
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

const SIGNATURE: &str = "{team}\n{contact}\n";

const ACK: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "Thank you for your report, \"{title}\". We have received it and are\n",
    "tracking it as {case_id}; please keep that ID in the subject when you write.\n",
    "\n",
    "What happens next: we will reproduce the problem and work out which\n",
    "versions are affected. We keep reporters informed at least every\n",
    "{update_every}, so you will hear from us again by {next_update_by}.\n",
    "We aim to release a fix and publish an advisory within {disclose_within}\n",
    "of your report, that is by {deadline}, and will agree the date with you.\n",
    "\n",
    "Please keep the details confidential until then. If you would like to be\n",
    "credited in the advisory, tell us the name to use.\n",
    "\n",
    "Thank you,\n",
);

const NEED_INFO: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "We are looking into your report {case_id} (\"{title}\") and need a little\n",
    "more information to reproduce it:\n",
    "\n",
    "- the version or commit you tested,\n",
    "- the exact steps, or a proof of concept,\n",
    "- anything about the set-up that the problem depends on.\n",
    "\n",
    "We will write again by {next_update_by} either way.\n",
    "\n",
    "Thank you,\n",
);

const UPDATE: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "An update on {case_id} (\"{title}\"): the report is {state}.\n",
    "We still aim to publish by {deadline}, and you will hear from us again by\n",
    "{next_update_by}.\n",
    "\n",
    "Thank you for your patience,\n",
);

const FIX_READY: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "A fix for {case_id} (\"{title}\") is ready and will ship in\n",
    "{fixed_versions}. Could you check that it resolves the problem you found?\n",
    "\n",
    "We plan to publish the advisory by {deadline}. Please tell us how you\n",
    "would like to be credited (a name, a handle, or anonymously).\n",
    "\n",
    "Thank you,\n",
);

const PUBLISHED: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "The advisory for your report is public: {advisory} (\"{title}\"), fixed in\n",
    "{fixed_versions}. You are free to publish your own write-up now.\n",
    "\n",
    "Thank you for reporting it to us privately and for your patience,\n",
);

impl Draft {
    /// The draft as text to paste into a mail program: `To:` and `Subject:`
    /// lines, a blank line, the body.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(to) = &self.to {
            out.push_str(&format!("To: {}\n", to.display()));
        }
        out.push_str(&format!("Subject: {}\n\n{}", self.subject, self.body));
        out
    }

    /// A complete RFC 5322 message (CRLF line ends, UTF-8 quoted-printable
    /// body, RFC 2047 encoded headers) threaded on the reporter's messages.
    pub fn to_eml(&self, from: &Recipient, date: DateTime<Utc>, message_id: &str) -> String {
        let mut h: Vec<String> = vec![
            format!("From: {}", mailbox_header(from)),
            format!("Date: {}", date.to_rfc2822()),
            format!("Message-ID: <{message_id}>"),
        ];
        if let Some(to) = &self.to {
            h.push(format!("To: {}", mailbox_header(to)));
        }
        h.push(format!("Subject: {}", encode_words(&self.subject)));
        if let Some(parent) = &self.in_reply_to {
            h.push(format!("In-Reply-To: <{parent}>"));
        }
        if !self.references.is_empty() {
            let refs: Vec<String> = self.references.iter().map(|r| format!("<{r}>")).collect();
            h.push(format!("References: {}", refs.join("\r\n ")));
        }
        h.push("MIME-Version: 1.0".to_owned());
        h.push("Content-Type: text/plain; charset=utf-8".to_owned());
        h.push("Content-Transfer-Encoding: quoted-printable".to_owned());
        h.push(format!("X-Disclose-Case: {}", self.case_id));
        let mut out = h.join("\r\n");
        out.push_str("\r\n\r\n");
        out.push_str(&quoted_printable(&self.body));
        out
    }
}

impl Recipient {
    /// `Name <email>`, or the address alone.
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} <{}>", self.email),
            None => self.email.clone(),
        }
    }
}

/// A Message-ID for a draft: unique per case, time and `token`, in the
/// sender's domain.
pub fn message_id(case_id: &str, from: &Recipient, now: DateTime<Utc>, token: u64) -> String {
    let domain = from
        .email
        .rsplit_once('@')
        .map_or("disclose.invalid", |(_, d)| d);
    format!(
        "{case_id}.{}.{token:016x}@{domain}",
        now.format("%Y%m%d%H%M%S")
    )
}

fn mailbox_header(who: &Recipient) -> String {
    match &who.name {
        Some(name) if name.is_ascii() => {
            let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{escaped}\" <{}>", who.email)
        }
        Some(name) => format!("{} <{}>", encode_words(name), who.email),
        None => who.email.clone(),
    }
}

/// RFC 2047: non-ASCII text as UTF-8 base64 encoded words of at most 75
/// characters, folded onto continuation lines.
fn encode_words(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.is_ascii() {
        return clean;
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in clean.chars() {
        // 45 bytes of input make 60 of base64: 72 with the wrapper.
        if chunk.len() + c.len_utf8() > 45 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before
/// 76 characters.
fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bytes = line.as_bytes();
        let mut width = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let literal =
                (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let piece = if literal {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + piece.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            out.push_str(&piece);
            width += piece.len();
        }
        out.push_str("\r\n");
    }
    // `split` yields one empty line after a final newline.
    if text.ends_with('\n') {
        out.truncate(out.len() - 2);
    }
    out
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
    fn encodings() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(encode_words("plain"), "plain");
        assert_eq!(encode_words("José"), "=?UTF-8?B?Sm9zw6k=?=");
        assert_eq!(quoted_printable("a=b é \n"), "a=3Db =C3=A9=20\r\n");
        let long = quoted_printable(&"x".repeat(100));
        assert!(long.lines().all(|l| l.len() <= 76), "{long}");
        assert_eq!(
            long.replace("=\r\n", ""),
            format!("{}\r\n", "x".repeat(100))
        );
    }

    #[test]
    fn every_builtin_template_checks() {
        for kind in DraftKind::ALL {
            assert_eq!(check(&builtin(kind)), Ok(()), "{kind}");
            assert_eq!(kind.name().parse::<DraftKind>(), Ok(kind));
        }
    }
}
