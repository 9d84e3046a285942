//! A SECURITY.md rendered from the policy, and the check that an existing
//! SECURITY.md still makes the promises the policy enforces.
//!
//! The check reads prose, so it looks for the promises the way a reader
//! would: a duration in a clause that speaks of acknowledging, of updates "at
//! least every", or of publishing; the email addresses named; and the table
//! under a "Supported versions" heading. Anything it can read and that differs
//! from the policy is a finding; a promise it cannot find at all is one too,
//! so a deleted sentence does not pass unnoticed.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::duration::{Duration, Unit};
use crate::model::policy::{MaintainedRelease, Policy};

/// The text `disclose policy` writes. `contact` must be set (the caller
/// checks). A promise that is off is not mentioned at all.
pub fn render(policy: &Policy) -> String {
    let project = policy.project.as_deref().unwrap_or("this project");
    let contact = policy.contact.as_deref().unwrap_or("");
    let ack = policy.ack_within.map(Duration::in_words);
    let update = policy.update_every.map(Duration::in_words);
    let disclose = policy.disclose_within.map(Duration::in_words);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Security policy for {project}\n");
    let _ = writeln!(
        w,
        "<!-- Rendered by `disclose policy --write SECURITY.md` from the team's policy.\n     \
         `disclose policy --check SECURITY.md` fails when the two disagree. -->\n"
    );
    let _ = writeln!(w, "## Reporting a vulnerability\n");
    if contact.starts_with("http") {
        let _ = writeln!(
            w,
            "Please report security problems in {project} privately through <{contact}>."
        );
    } else {
        let _ = writeln!(
            w,
            "Please report security problems in {project} privately by email to <{contact}>."
        );
    }
    let _ = writeln!(
        w,
        "Do not open a public issue, pull request or discussion about a suspected \
         vulnerability, and do not share it with others until it is fixed.\n"
    );
    let _ = writeln!(w, "Please include:\n");
    for item in [
        "a description of the problem and where it is;",
        "the steps to reproduce it, with a proof of concept if you have one;",
        "its impact: what an attacker could do, and under which conditions;",
        "a suggested remediation or mitigation, if you have one;",
        "the versions you tested, and how you would like to be credited.",
    ] {
        let _ = writeln!(w, "- {item}");
    }
    let _ = writeln!(w, "\n## What to expect\n");
    if let Some(ack) = &ack {
        let _ = writeln!(w, "- We will acknowledge your report within {ack}.");
    }
    if let Some(update) = &update {
        let _ = writeln!(
            w,
            "- We will keep you informed of our progress at least every {update} until the issue is resolved."
        );
    }
    if let Some(disclose) = &disclose {
        let _ = writeln!(
            w,
            "- We aim to publish a fix and an advisory within {disclose} of receiving your report."
        );
    }
    if policy.audit {
        let _ = writeln!(
            w,
            "- We will audit our code for similar problems before we publish."
        );
    }
    let _ = writeln!(
        w,
        "- We may ask you for more details or for help reproducing the problem.\n"
    );
    let _ = writeln!(w, "## Supported versions\n");
    if policy.maintained_releases.is_empty() {
        let _ = writeln!(w, "Security fixes go into the next release.\n");
    } else {
        let _ = writeln!(
            w,
            "Security fixes are prepared for every release listed here:\n"
        );
        let _ = writeln!(w, "| Release | Versions |");
        let _ = writeln!(w, "|---|---|");
        for release in &policy.maintained_releases {
            let _ = writeln!(w, "| {} | `{}` |", release.name, release.range);
        }
        let _ = writeln!(
            w,
            "\nOlder releases do not receive security fixes; please upgrade to a supported one.\n"
        );
    }
    let _ = writeln!(w, "## Disclosure timeline\n");
    let mut steps = vec![
        "We receive your report. It stays confidential; please keep it so as well.".to_owned(),
    ];
    if let Some(ack) = &ack {
        steps.push(format!(
            "Within {ack}: we acknowledge it and tell you who is handling it."
        ));
    }
    steps.push(if policy.audit {
        "We confirm the problem, determine the affected versions and audit the code for similar problems.".to_owned()
    } else {
        "We confirm the problem and determine the affected versions.".to_owned()
    });
    steps.push(if update.is_some() {
        "We prepare a fix for every supported release above and keep you informed as it progresses."
            .to_owned()
    } else {
        "We prepare a fix for every supported release above.".to_owned()
    });
    steps.push(match &disclose {
        Some(disclose) => format!(
            "We release the fixes and publish an advisory (with a CVE identifier where one applies) \
             within {disclose} of your report, unless we agree on another date with you."
        ),
        None => "We release the fixes and publish an advisory (with a CVE identifier where one applies), \
             on a date we agree with you."
            .to_owned(),
    });
    for (n, step) in steps.iter().enumerate() {
        let _ = writeln!(w, "{}. {step}", n + 1);
    }
    let _ = writeln!(w, "\n## Credit\n");
    let _ = writeln!(
        w,
        "With your permission we credit you in the advisory and in the release notes, \
         under the name you choose. We ask before naming you; you may also stay \
         anonymous or decline credit."
    );
    out
}

/// The promises a SECURITY.md states, as `init --from-security-md` takes
/// them: a promise it does not state is off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stated {
    #[serde(with = "crate::model::duration::promise")]
    pub ack_within: Option<Duration>,
    #[serde(with = "crate::model::duration::promise")]
    pub update_every: Option<Duration>,
    #[serde(with = "crate::model::duration::promise")]
    pub disclose_within: Option<Duration>,
    pub audit: bool,
    /// Where it asks reporters to write.
    pub contact: Option<String>,
}

/// Reads the promises of a SECURITY.md the way `check` does; the first
/// statement of each counts.
pub fn read(text: &str) -> Stated {
    let mut stated = Stated::default();
    for line in text.lines() {
        for (promise, duration, _) in durations_in(&plain(line)) {
            let slot = match promise {
                Promise::AckWithin => &mut stated.ack_within,
                Promise::UpdateEvery => &mut stated.update_every,
                Promise::DiscloseWithin => &mut stated.disclose_within,
                _ => continue,
            };
            if slot.is_none() && duration.amount > 0 {
                *slot = Some(duration);
            }
        }
        stated.audit |= promises_audit(line);
    }
    let emails: Vec<String> = text.lines().flat_map(emails_in).collect();
    stated.contact = emails
        .iter()
        .find(|e| {
            let local = e.split('@').next().unwrap_or_default().to_ascii_lowercase();
            ["secur", "vuln", "psirt", "cert"]
                .iter()
                .any(|k| local.contains(k))
        })
        .or(emails.first())
        .cloned();
    stated
}

/// Whether a line promises an audit for similar problems ("Audit our
/// codebase to find similar problems"), as opposed to a general audit
/// practice ("our code undergoes frequent audits").
fn promises_audit(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.contains("audit")
        && [
            "similar",
            "related problem",
            "related issue",
            "related vulnerab",
            "same kind",
            "same class",
            "other instances",
            "variants",
        ]
        .iter()
        .any(|k| lower.contains(k))
}

/// Which promise a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Promise {
    AckWithin,
    UpdateEvery,
    DiscloseWithin,
    Audit,
    Contact,
    Release,
}

/// One way a SECURITY.md disagrees with the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// 1-based line in the file, when the finding points at one.
    pub line: Option<usize>,
    pub promise: Promise,
    pub message: String,
}

/// Every promise in `text` that disagrees with `policy`, in file order
/// (promises missing altogether come last).
pub fn check(policy: &Policy, text: &str) -> Vec<Mismatch> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    check_durations(policy, text, &mut found, &mut missing);
    check_audit(policy, text, &mut found, &mut missing);
    check_contact(policy, text, &mut found, &mut missing);
    check_releases(policy, text, &mut found, &mut missing);
    found.sort_by_key(|f: &Mismatch| f.line);
    found.extend(missing);
    found
}

fn finding(line: Option<usize>, promise: Promise, message: String) -> Mismatch {
    Mismatch {
        line,
        promise,
        message,
    }
}

/// A line with Markdown emphasis and code marks removed.
fn plain(line: &str) -> String {
    line.chars().filter(|c| !matches!(c, '*' | '`')).collect()
}

fn check_durations(
    policy: &Policy,
    text: &str,
    found: &mut Vec<Mismatch>,
    missing: &mut Vec<Mismatch>,
) {
    let promises = [
        (
            Promise::AckWithin,
            policy.ack_within,
            "acknowledgement time",
        ),
        (Promise::UpdateEvery, policy.update_every, "update interval"),
        (
            Promise::DiscloseWithin,
            policy.disclose_within,
            "disclosure deadline",
        ),
    ];
    let mut seen = [false; 3];
    for (n, line) in text.lines().enumerate() {
        for (promise, written, phrase) in durations_in(&plain(line)) {
            let Some(at) = promises.iter().position(|p| p.0 == promise) else {
                continue;
            };
            seen[at] = true;
            let (_, expected, what) = promises[at];
            match expected {
                None => found.push(finding(
                    Some(n + 1),
                    promise,
                    format!("{what} is \"{phrase}\"; the policy makes no such promise (it is off)"),
                )),
                Some(expected) if !same_span(written, expected) => found.push(finding(
                    Some(n + 1),
                    promise,
                    format!(
                        "{what} is \"{phrase}\"; the policy promises {}",
                        expected.in_words()
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    for (at, (promise, expected, what)) in promises.iter().enumerate() {
        if let Some(expected) = expected
            && !seen[at]
        {
            missing.push(finding(
                None,
                *promise,
                format!(
                    "does not state the {what}; the policy promises {}",
                    expected.in_words()
                ),
            ));
        }
    }
}

fn check_audit(
    policy: &Policy,
    text: &str,
    found: &mut Vec<Mismatch>,
    missing: &mut Vec<Mismatch>,
) {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| promises_audit(l))
        .map(|(n, _)| n + 1)
        .collect();
    match (policy.audit, lines.first()) {
        (true, None) => missing.push(finding(
            None,
            Promise::Audit,
            "does not promise the audit for similar problems; the policy does (`audit` is on)"
                .to_owned(),
        )),
        (false, Some(&line)) => found.push(finding(
            Some(line),
            Promise::Audit,
            "promises an audit for similar problems; the policy does not (`audit` is off)"
                .to_owned(),
        )),
        _ => {}
    }
}

/// Two durations promise the same when they are equal, or the same exact span
/// written in different calendar units (`48 hours` and `2 days`).
fn same_span(a: Duration, b: Duration) -> bool {
    a == b || matches!((a.as_delta(), b.as_delta()), (Some(x), Some(y)) if x == y)
}

/// What a word says about the promise of a duration near it: `Some(true)`
/// for a strong sign, `Some(false)` for a weak one ("of submission" hints at
/// the first answer, but only when nothing else speaks).
fn keyword(word: &str) -> Option<(Promise, bool)> {
    const ACK: &[&str] = &[
        "acknowledg",
        "respond",
        "response",
        "reply",
        "replies",
        "answer",
        "hear",
        "triage",
    ];
    const DISCLOSE: &[&str] = &["publish", "disclos", "advisor", "announce"];
    if ACK.iter().any(|k| word.starts_with(k)) {
        Some((Promise::AckWithin, true))
    } else if DISCLOSE.iter().any(|k| word.starts_with(k)) {
        Some((Promise::DiscloseWithin, true))
    } else if ["submission", "submitting", "receipt"].contains(&word) {
        Some((Promise::AckWithin, false))
    } else {
        None
    }
}

/// The durations a line promises, each with the promise it speaks of and
/// the words as written. Within a clause, a duration after "every" is the
/// update interval; otherwise the nearest word before it that names a
/// promise ("acknowledge", "respond", "publish", ...) decides, else the
/// nearest after it ("Within 48 hours: we acknowledge it").
fn durations_in(line: &str) -> Vec<(Promise, Duration, String)> {
    let mut out = Vec::new();
    for clause in line.split([';', '!', '?']).flat_map(|c| c.split(". ")) {
        let lower = clause.to_ascii_lowercase();
        let mut words: Vec<&str> = Vec::new();
        for word in lower.split(|c: char| c.is_whitespace() || c == ',') {
            let word = word.trim_matches(|c: char| ".:()<>\"'".contains(c));
            if word.is_empty() {
                continue;
            }
            // "at least every week" means every 1 week.
            if words.last() == Some(&"every") && number(word).is_none() && unit(word).is_some() {
                words.push("1");
            }
            words.push(word);
        }
        let signs: Vec<(usize, Promise, bool)> = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| keyword(w).map(|(p, strong)| (i, p, strong)))
            .collect();
        let mut i = 0;
        while i < words.len() {
            let Some((duration, len)) = duration_at(&words[i..]) else {
                i += 1;
                continue;
            };
            let promise = if i > 0 && words[i - 1] == "every" {
                Some(Promise::UpdateEvery)
            } else {
                // The nearest sign before the duration, else the nearest after it.
                let nearest = |strong: bool| {
                    let signs = signs.iter().filter(|s| s.2 == strong);
                    signs
                        .clone()
                        .filter(|s| s.0 < i)
                        .max_by_key(|s| s.0)
                        .or_else(|| signs.filter(|s| s.0 >= i + len).min_by_key(|s| s.0))
                        .map(|s| s.1)
                };
                nearest(true).or_else(|| nearest(false))
            };
            if let Some(promise) = promise {
                let written = words[i..i + len].join(" ");
                out.push((promise, duration, written));
            }
            i += len;
        }
    }
    out
}

fn unit(word: &str) -> Option<Unit> {
    match word {
        "minute" | "minutes" => Some(Unit::Minutes),
        "hour" | "hours" => Some(Unit::Hours),
        "day" | "days" => Some(Unit::Days),
        "week" | "weeks" => Some(Unit::Weeks),
        _ => None,
    }
}

/// A duration starting at `words[0]`: `48 hours`, `2 business days`,
/// `one week`, or the policy's own form `48h`. Returns it and the words used.
fn duration_at(words: &[&str]) -> Option<(Duration, usize)> {
    let first = words.first()?;
    if first.chars().next()?.is_ascii_digit()
        && let Ok(d) = first.parse::<Duration>()
    {
        return Some((d, 1));
    }
    let amount = number(first)?;
    let (unit, len) = match (*words.get(1)?, words.get(2).copied()) {
        ("business" | "working", Some("day" | "days")) => (Unit::BusinessDays, 3),
        ("calendar", Some("day" | "days")) => (Unit::Days, 3),
        (next, _) => (unit(next)?, 2),
    };
    Some((Duration { amount, unit }, len))
}

fn number(word: &str) -> Option<u32> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(n).ok();
    }
    if word == "a" || word == "an" {
        return Some(1);
    }
    word.parse().ok()
}

fn check_contact(
    policy: &Policy,
    text: &str,
    found: &mut Vec<Mismatch>,
    missing: &mut Vec<Mismatch>,
) {
    let Some(contact) = policy.contact.as_deref() else {
        return;
    };
    let is_email = !contact.starts_with("http");
    let mut named = false;
    for (n, line) in text.lines().enumerate() {
        if !is_email {
            named |= line.contains(contact);
            continue;
        }
        for email in emails_in(line) {
            if email.eq_ignore_ascii_case(contact) {
                named = true;
            } else {
                found.push(finding(
                    Some(n + 1),
                    Promise::Contact,
                    format!("names the contact {email}; the policy's contact is {contact}"),
                ));
            }
        }
    }
    if !named {
        missing.push(finding(
            None,
            Promise::Contact,
            format!("does not name the policy's contact {contact}"),
        ));
    }
}

/// Email addresses in a line, with `mailto:` and surrounding punctuation removed.
fn emails_in(line: &str) -> Vec<String> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || "._%+-@".contains(c);
    line.split(|c: char| !is_part(c))
        .map(|w| w.trim_matches(|c: char| ".-_".contains(c)))
        .filter(|w| {
            let mut parts = w.split('@');
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(user), Some(host), None)
                    if !user.is_empty() && host.contains('.') && !host.starts_with('.')
            )
        })
        .map(str::to_owned)
        .collect()
}

/// A row of the supported-versions table.
struct Row {
    line: usize,
    name: String,
    /// The range cell, or `None` for a "supported: yes" style cell.
    range: Option<String>,
}

fn check_releases(
    policy: &Policy,
    text: &str,
    found: &mut Vec<Mismatch>,
    missing: &mut Vec<Mismatch>,
) {
    let Some(rows) = supported_rows(text) else {
        if !policy.maintained_releases.is_empty() {
            missing.push(finding(
                None,
                Promise::Release,
                format!(
                    "has no \"Supported versions\" section; the policy maintains {}",
                    names(&policy.maintained_releases)
                ),
            ));
        }
        return;
    };
    let section_line = rows.first().map(|r| r.line);
    for row in &rows {
        match policy.release(&row.name) {
            None => found.push(finding(
                Some(row.line),
                Promise::Release,
                format!(
                    "lists release {} as supported; the policy does not maintain it",
                    row.name
                ),
            )),
            Some(release) => {
                if let Some(range) = &row.range
                    && !same_range(range, &release.range)
                {
                    found.push(finding(
                        Some(row.line),
                        Promise::Release,
                        format!(
                            "gives release {} the versions \"{range}\"; the policy says \"{}\"",
                            row.name, release.range
                        ),
                    ));
                }
            }
        }
    }
    for release in &policy.maintained_releases {
        if !rows.iter().any(|r| r.name == release.name) {
            found.push(finding(
                section_line,
                Promise::Release,
                format!(
                    "does not list maintained release {} ({})",
                    release.name, release.range
                ),
            ));
        }
    }
}

fn names(releases: &[MaintainedRelease]) -> String {
    releases
        .iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn same_range(a: &str, b: &str) -> bool {
    match (semver::VersionReq::parse(a), semver::VersionReq::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

/// The supported rows of the table under a heading that speaks of supported
/// or maintained versions/releases; `None` when there is no such heading.
fn supported_rows(text: &str) -> Option<Vec<Row>> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| {
        let l = l.trim_start().to_ascii_lowercase();
        l.starts_with('#') && (l.contains("supported") || l.contains("maintained"))
    })?;
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (n, line) in lines.iter().enumerate().skip(start + 1) {
        let line = line.trim();
        if line.starts_with('#') {
            break;
        }
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| plain(c).trim().to_owned())
            .collect();
        if !header_seen {
            header_seen = true;
            continue;
        }
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            continue;
        }
        let name = cells.first().cloned().unwrap_or_default();
        let second = cells.get(1).cloned().unwrap_or_default();
        let range = match supported_mark(&second) {
            Some(true) => None,
            Some(false) => continue,
            None => Some(second),
        };
        rows.push(Row {
            line: n + 1,
            name,
            range,
        });
    }
    Some(rows)
}

/// GitHub's template marks rows ✅ / ❌ instead of giving a range.
fn supported_mark(cell: &str) -> Option<bool> {
    match cell.to_ascii_lowercase().as_str() {
        ":white_check_mark:" | "✅" | "✔" | "✔️" | "yes" => Some(true),
        ":x:" | "❌" | "✗" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::policy::MaintainedRelease;

    fn policy() -> Policy {
        Policy {
            project: Some("poet".into()),
            contact: Some("security@po.et".into()),
            ack_within: Some(Duration::hours(48)),
            update_every: Some(Duration::days(7)),
            disclose_within: Some(Duration::business_days(60)),
            maintained_releases: vec![
                MaintainedRelease::new("1.4", ">=1.4.0, <1.5.0").unwrap(),
                MaintainedRelease::new("2.x", ">=2.0.0").unwrap(),
            ],
            ..Policy::default()
        }
    }

    #[test]
    fn rendered_text_states_every_promise_and_passes_its_own_check() {
        let p = policy();
        let text = render(&p);
        for needle in [
            "48 hours",
            "7 days",
            "60 business days",
            "security@po.et",
            "| 1.4 | `>=1.4.0, <1.5.0` |",
            "| 2.x | `>=2.0.0` |",
            "reproduce",
            "impact",
            "remediation",
            "credit",
        ] {
            assert!(text.contains(needle), "{needle} missing from\n{text}");
        }
        assert_eq!(check(&p, &text), vec![]);
    }

    #[test]
    fn check_finds_each_edited_promise_with_its_line() {
        let p = policy();
        let text = render(&p)
            .replace(
                "acknowledge your report within 48 hours",
                "acknowledge your report within 5 days",
            )
            .replace("at least every 7 days", "at least every 2 weeks")
            .replace("<security@po.et>", "<sec@elsewhere.example>")
            .replace(
                "| 2.x | `>=2.0.0` |",
                "| 2.x | `>=2.1.0` |\n| 0.9 | `^0.9` |",
            );
        let findings = check(&p, &text);
        let promises: Vec<Promise> = findings.iter().map(|f| f.promise).collect();
        assert_eq!(
            promises,
            [
                Promise::Contact,
                Promise::AckWithin,
                Promise::UpdateEvery,
                Promise::Release,
                Promise::Release,
                Promise::Contact,
            ],
            "{findings:#?}"
        );
        assert!(
            findings[1].message.contains("\"5 days\""),
            "{}",
            findings[1].message
        );
        assert!(findings.iter().all(|f| f.message.len() > 10));
        let line = findings[1].line.unwrap();
        assert!(text.lines().nth(line - 1).unwrap().contains("5 days"));
    }

    #[test]
    fn check_reports_missing_promises_and_releases() {
        let p = policy();
        let findings = check(&p, "# Security\n\nWrite to security@po.et.\n");
        let promises: Vec<Promise> = findings.iter().map(|f| f.promise).collect();
        assert_eq!(
            promises,
            [
                Promise::AckWithin,
                Promise::UpdateEvery,
                Promise::DiscloseWithin,
                Promise::Release
            ]
        );
        let text = render(&p).replace("| 1.4 | `>=1.4.0, <1.5.0` |\n", "");
        let findings = check(&p, &text);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0]
                .message
                .contains("does not list maintained release 1.4")
        );
    }

    #[test]
    fn equivalent_wording_is_not_a_finding() {
        let p = Policy {
            ack_within: Some(Duration::days(2)),
            ..policy()
        };
        let text = render(&policy());
        assert!(check(&p, &text).is_empty());
        let text = "We acknowledge reports within two days; we send updates at least every week \
                    and disclose within 60 working days.\nContact: mailto:security@po.et\n\
                    ## Supported Versions\n| Version | Supported |\n|--|--|\n| 1.4 | :white_check_mark: |\n\
                    | 2.x | ✅ |\n| 1.3 | :x: |\n";
        assert_eq!(check(&p, text), vec![]);
    }

    #[test]
    fn durations_are_read_in_words_and_policy_form() {
        let found = |s: &str| {
            durations_in(s)
                .into_iter()
                .map(|(p, d, _)| (p, d))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("We acknowledge reports within 48h."),
            [(Promise::AckWithin, Duration::hours(48))]
        );
        assert_eq!(
            found("Expect news at least every 3 business days"),
            [(Promise::UpdateEvery, Duration::business_days(3))]
        );
        assert_eq!(found("We use 2 servers for 5 days of logs"), []);
        assert_eq!(
            found("You will receive a response from us within 48 hours of submission."),
            [(Promise::AckWithin, Duration::hours(48))]
        );
        assert_eq!(
            found("We respond to reports within 2 days and publish advisories within 90 days"),
            [
                (Promise::AckWithin, Duration::days(2)),
                (Promise::DiscloseWithin, Duration::days(90))
            ]
        );
        assert_eq!(
            found("Expect to hear from us within 3 business days of receipt"),
            [(Promise::AckWithin, Duration::business_days(3))]
        );
        assert_eq!(
            found("Reports are answered within 24 hours"),
            [(Promise::AckWithin, Duration::hours(24))]
        );
        assert_eq!(
            found("Within five days of submission you get a first reply."),
            [(Promise::AckWithin, Duration::days(5))]
        );
        assert_eq!(
            found("In the spirit of responsible disclosure, allow us 90 days"),
            [(Promise::DiscloseWithin, Duration::days(90))]
        );
    }

    const ELECTRUM: &str = include_str!("../../tests/fixtures/security-md/electrum-xmr.md");
    const POET: &str = include_str!("../../tests/fixtures/security-md/poet.md");

    #[test]
    fn the_seed_files_state_what_they_promise_and_nothing_else() {
        assert_eq!(
            read(ELECTRUM),
            Stated {
                ack_within: Some(Duration::hours(48)),
                update_every: None,
                disclose_within: None,
                audit: false,
                contact: Some("security@electrum-xmr.io".into()),
            }
        );
        assert_eq!(
            read(POET),
            Stated {
                ack_within: Some(Duration::hours(48)),
                update_every: None,
                disclose_within: None,
                audit: true,
                contact: Some("security@po.et".into()),
            }
        );
    }

    #[test]
    fn a_policy_read_from_a_seed_agrees_with_it() {
        for text in [ELECTRUM, POET] {
            let stated = read(text);
            let p = Policy {
                contact: stated.contact.clone(),
                ack_within: stated.ack_within,
                update_every: stated.update_every,
                disclose_within: stated.disclose_within,
                audit: stated.audit,
                ..Policy::default()
            };
            assert_eq!(check(&p, text), vec![]);
        }
        // The default policy's promises are not in them.
        let findings = check(
            &Policy {
                contact: Some("security@po.et".into()),
                ..Policy::default()
            },
            POET,
        );
        let promises: Vec<Promise> = findings.iter().map(|f| f.promise).collect();
        assert_eq!(
            promises,
            [
                Promise::Audit,
                Promise::UpdateEvery,
                Promise::DiscloseWithin
            ],
            "{findings:#?}"
        );
    }

    #[test]
    fn a_promise_that_is_off_is_not_rendered_and_not_expected() {
        let p = Policy {
            update_every: None,
            disclose_within: None,
            ..policy()
        };
        let text = render(&p);
        assert!(!text.contains("at least every"), "{text}");
        assert!(!text.contains("keep you informed"), "{text}");
        assert!(!text.contains("business days"), "{text}");
        assert!(!text.contains("audit"), "{text}");
        assert_eq!(check(&p, &text), vec![]);
        // A SECURITY.md that promises what the policy does not is a finding.
        let findings = check(&p, &render(&policy()));
        assert!(
            findings
                .iter()
                .any(|f| f.promise == Promise::UpdateEvery && f.message.contains("it is off")),
            "{findings:#?}"
        );
        let audited = Policy { audit: true, ..p };
        let text = render(&audited);
        assert!(
            text.contains("audit the code for similar problems"),
            "{text}"
        );
        assert_eq!(check(&audited, &text), vec![]);
        let findings = check(
            &audited,
            &render(&Policy {
                audit: false,
                ..audited.clone()
            }),
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].promise, Promise::Audit);
    }
}
