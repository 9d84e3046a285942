//! The announcement as an RFC 5322 message, ready for a project list or
//! oss-security: From the policy contact, a Subject with the advisory ID and
//! title, a plain-text body. Date and Message-ID come from the case (and
//! `now` before it is published), so the same inputs give the same bytes.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::markdown::{credit_role, severity_line};
use super::public::PublicCase;
use super::{date, range_words};
use crate::error::{Error, Result};
use crate::model::syntax::is_email_address;

pub(super) fn render(p: &PublicCase, now: DateTime<Utc>) -> Result<String> {
    let contact = p
        .contact
        .as_deref()
        .filter(|c| is_email_address(c))
        .ok_or_else(|| {
            Error::input("the announcement email needs a contact address in the policy (`contact`)")
                .with_hint("set one with `disclose policy set contact security@example.org` (or `contact` in policy.json)")
        })?;
    let domain = contact.rsplit('@').next().unwrap_or("localhost");
    let at = p.published_at.unwrap_or(now);
    let mut subject = format!("[{}] {}", p.id, p.title);
    if p.preview {
        subject = format!("[EMBARGOED PREVIEW] {subject}");
    }
    if p.withdrawn.is_some() {
        subject = format!("[WITHDRAWN] {subject}");
    }
    if let Some(cve) = &p.cve
        && cve != &p.id
    {
        subject.push_str(&format!(" ({cve})"));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "From: {} <{contact}>",
        phrase(&format!("{} security team", p.product()))
    );
    if let Some(to) = &p.announce_to {
        let _ = writeln!(out, "To: {to}");
    }
    let _ = writeln!(out, "Subject: {}", header_text(&subject));
    let _ = writeln!(out, "Date: {}", at.format("%a, %d %b %Y %H:%M:%S +0000"));
    let _ = writeln!(
        out,
        "Message-ID: <{}.{}@{}>",
        message_local(&p.id),
        at.format("%Y%m%d%H%M%S"),
        domain
    );
    out.push_str("MIME-Version: 1.0\n");
    out.push_str("Content-Type: text/plain; charset=utf-8\n");
    out.push_str("Content-Transfer-Encoding: 8bit\n\n");
    out.push_str(&body(p));
    Ok(out)
}

fn body(p: &PublicCase) -> String {
    let mut out = String::new();
    let w = &mut out;
    if p.preview {
        let _ = writeln!(w, "{}\n", super::preview_line(p).replace("**", ""));
    }
    let _ = writeln!(w, "{}: {}\n", p.id, p.title);
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(
            w,
            "WITHDRAWN on {}: {}\nThis advisory no longer stands: nothing below needs acting on.\n",
            date(withdrawn.at),
            super::markdown::sentence(&withdrawn.reason)
        );
    }
    if let Some(cve) = &p.cve {
        let _ = writeln!(w, "CVE: {cve}");
    }
    if let Some(sev) = severity_line(p) {
        let _ = writeln!(w, "Severity: {sev}");
    }
    if !p.cwe.is_empty() {
        let _ = writeln!(w, "Weakness: {}", p.cwe.join(", "));
    }
    let _ = writeln!(w, "\nSummary\n-------\n\n{}", p.summary());
    if let Some(details) = &p.details {
        let _ = writeln!(w, "\nDetails\n-------\n\n{details}");
    }
    if let Some(impact) = &p.impact {
        let _ = writeln!(w, "\nImpact\n------\n\n{impact}");
    }
    let _ = writeln!(w, "\nAffected versions\n-----------------\n");
    for pkg in &p.packages {
        let mut spans: Vec<String> = pkg.ranges.iter().flat_map(range_words).collect();
        spans.extend(pkg.versions.iter().cloned());
        let _ = writeln!(
            w,
            "  {} ({}): {}",
            pkg.package.name,
            pkg.package.ecosystem,
            spans.join("; ")
        );
    }
    let patched = p.patched();
    if !patched.is_empty() {
        let _ = writeln!(w, "\nPatched versions\n----------------\n");
        for (release, version) in &patched {
            let _ = writeln!(w, "  {release}: {version}");
        }
    }
    for r in p.releases.iter().filter(|r| r.fixed_words().is_none()) {
        let reason = r
            .reason
            .as_deref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        let _ = writeln!(w, "  {}: {}{reason}", r.name, r.decision.as_str());
    }
    if let Some(workarounds) = &p.workarounds {
        let _ = writeln!(w, "\nWorkarounds\n-----------\n\n{workarounds}");
    }
    let mut links: Vec<String> = p.advisory_url.iter().cloned().collect();
    links.extend(p.fixes.iter().flat_map(|f| {
        f.commits
            .iter()
            .map(|c| p.commit_url(c).unwrap_or_else(|| format!("commit {c}")))
            .chain(
                f.pr.iter()
                    .map(|pr| p.pr_url(pr).unwrap_or_else(|| pr.clone())),
            )
    }));
    links.extend(p.references.iter().cloned());
    if !links.is_empty() {
        let _ = writeln!(w, "\nReferences\n----------\n");
        for l in links {
            let _ = writeln!(w, "  {l}");
        }
    }
    if !p.credits.is_empty() {
        let _ = writeln!(w, "\nCredits\n-------\n");
        for c in &p.credits {
            let _ = writeln!(w, "  {} ({})", c.display(), credit_role(c.kind));
        }
    }
    let _ = writeln!(w, "\nTimeline\n--------\n");
    let _ = writeln!(w, "  {}: report received", date(p.received_at));
    for (_, v, at) in p.releases_in_time() {
        let _ = writeln!(w, "  {}: {v} released", date(at));
    }
    if let Some(at) = p.published_at {
        let _ = writeln!(w, "  {}: advisory published", date(at));
    }
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(w, "  {}: advisory withdrawn", date(withdrawn.at));
    }
    if let Some(contact) = &p.contact {
        let _ = writeln!(w, "\n-- \nReport security problems to {contact}.");
    }
    out
}

/// A Message-ID local part: the ID's letters, digits and dashes.
fn message_local(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Header text on one line: control characters (a newline would start a new
/// header) become spaces, and non-ASCII text is an RFC 2047 encoded word.
fn header_text(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if line.is_ascii() {
        line
    } else {
        encoded_words(&line)
    }
}

/// A display name: quoted when it has specials, encoded when not ASCII.
fn phrase(text: &str) -> String {
    let line = header_text(text);
    if line.starts_with("=?") {
        return line;
    }
    let escaped = line.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

fn encoded_words(text: &str) -> String {
    crate::email::mime::encoded_words(text, "\n ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_stay_on_one_line_and_encode_non_ascii() {
        assert_eq!(header_text("a\r\nBcc: x@y"), "a  Bcc: x@y");
        assert_eq!(header_text("Überlauf"), "=?UTF-8?B?w5xiZXJsYXVm?=");
        assert_eq!(phrase("demo \"x\" team"), "\"demo \\\"x\\\" team\"");
    }
}
