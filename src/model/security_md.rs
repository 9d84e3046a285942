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

/// The text `disclose policy` writes. `contact` must be set (the caller checks).
pub fn render(policy: &Policy) -> String {
    let project = policy.project.as_deref().unwrap_or("this project");
    let contact = policy.contact.as_deref().unwrap_or("");
    let ack = policy.ack_within.in_words();
    let update = policy.update_every.in_words();
    let disclose = policy.disclose_within.in_words();
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
    let _ = writeln!(w, "- We will acknowledge your report within {ack}.");
    let _ = writeln!(
        w,
        "- We will keep you informed of our progress at least every {update} until the issue is resolved."
    );
    let _ = writeln!(
        w,
        "- We aim to publish a fix and an advisory within {disclose} of receiving your report."
    );
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
    let steps = [
        "We receive your report. It stays confidential; please keep it so as well.".to_owned(),
        format!("Within {ack}: we acknowledge it and tell you who is handling it."),
        "We confirm the problem, determine the affected versions and audit the code for similar problems.".to_owned(),
        "We prepare a fix for every supported release above and keep you informed as it progresses.".to_owned(),
        format!(
            "We release the fixes and publish an advisory (with a CVE identifier where one applies) \
             within {disclose} of your report, unless we agree on another date with you."
        ),
    ];
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

/// Which promise a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Promise {
    AckWithin,
    UpdateEvery,
    DiscloseWithin,
    Contact,
    Release,
}

/// One way a SECURITY.md disagrees with the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 1-based line in the file, when the finding points at one.
    pub line: Option<usize>,
    pub promise: Promise,
    pub message: String,
}

/// Every promise in `text` that disagrees with `policy`, in file order
/// (promises missing altogether come last).
pub fn check(policy: &Policy, text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    check_durations(policy, text, &mut found, &mut missing);
    check_contact(policy, text, &mut found, &mut missing);
    check_releases(policy, text, &mut found, &mut missing);
    found.sort_by_key(|f: &Finding| f.line);
    found.extend(missing);
    found
}

fn finding(line: Option<usize>, promise: Promise, message: String) -> Finding {
    Finding {
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
    found: &mut Vec<Finding>,
    missing: &mut Vec<Finding>,
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
            if !same_span(written, expected) {
                found.push(finding(
                    Some(n + 1),
                    promise,
                    format!(
                        "{what} is \"{phrase}\"; the policy promises {}",
                        expected.in_words()
                    ),
                ));
            }
        }
    }
    for (at, (promise, expected, what)) in promises.iter().enumerate() {
        if !seen[at] {
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

/// Two durations promise the same when they are equal, or the same exact span
/// written in different calendar units (`48 hours` and `2 days`).
fn same_span(a: Duration, b: Duration) -> bool {
    a == b || matches!((a.as_delta(), b.as_delta()), (Some(x), Some(y)) if x == y)
}

/// The durations a line promises, each with the promise its sentence speaks
/// of and the words as written.
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
        let mut i = 0;
        while i < words.len() {
            let Some((duration, len)) = duration_at(&words[i..]) else {
                i += 1;
                continue;
            };
            let promise = if i > 0 && words[i - 1] == "every" {
                Some(Promise::UpdateEvery)
            } else if lower.contains("acknowledg") {
                Some(Promise::AckWithin)
            } else if ["publish", "disclos", "advisory"]
                .iter()
                .any(|k| lower.contains(k))
            {
                Some(Promise::DiscloseWithin)
            } else {
                None
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
    found: &mut Vec<Finding>,
    missing: &mut Vec<Finding>,
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
    found: &mut Vec<Finding>,
    missing: &mut Vec<Finding>,
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
            ack_within: Duration::hours(48),
            update_every: Duration::days(7),
            disclose_within: Duration::business_days(60),
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
            ack_within: Duration::days(2),
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
    }
}
