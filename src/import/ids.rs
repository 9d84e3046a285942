//! What the formats share: record IDs (which become directory names under
//! `advisories/`, so only safe characters pass), aliases, credit types,
//! CVSS vectors, text.

use super::node::{At, Result};
use crate::model::case::{CreditType, Severity};
use crate::model::severity;

const ID_MAX: usize = 128;

/// A record's own ID: letters, digits and `.`, `_`, `-`, `:`, starting with
/// a letter or digit (every database's IDs fit: `GHSA-...`, `RUSTSEC-...`,
/// `openSUSE-SU-2024:0001-1`), so it is safe as a file name.
pub(super) fn record_id(at: &At<'_>, text: &str) -> Result<String> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.len() <= ID_MAX
        && t.starts_with(|c: char| c.is_ascii_alphanumeric())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
        && !t.contains("..");
    if ok {
        Ok(t.to_owned())
    } else {
        Err(at.error(format!(
            "{text:?} is not a record ID (letters, digits, `.`, `_`, `-` and `:`, at most {ID_MAX} characters)"
        )))
    }
}

/// Another name of a record: any single line of at most 200 characters.
pub(super) fn alias(at: &At<'_>, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 200 || t.chars().any(char::is_control) {
        return Err(at.error(format!("{text:?} is not an ID")));
    }
    Ok(t.to_owned())
}

/// A CVE ID as the model writes it, if `text` is one.
pub(super) fn cve(text: &str) -> Option<String> {
    severity::cve(text).ok()
}

/// A GHSA ID, if `text` is one: `GHSA-` and three groups of four letters
/// or digits (GitHub's own examples use letters outside its alphabet).
pub(super) fn ghsa(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = t.strip_prefix("GHSA-")?;
    let groups: Vec<&str> = rest.split('-').collect();
    (groups.len() == 3
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|c| c.is_ascii_alphanumeric())))
    .then(|| t.to_owned())
}

/// A credit type as OSV (`REMEDIATION_DEVELOPER`), CVE (`remediation
/// developer`) or GitHub (`remediation_developer`) writes it.
pub(super) fn credit_type(text: &str) -> Option<CreditType> {
    let key: String = text
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    Some(match key.as_str() {
        "FINDER" => CreditType::Finder,
        "REPORTER" => CreditType::Reporter,
        "ANALYST" => CreditType::Analyst,
        "COORDINATOR" => CreditType::Coordinator,
        "REMEDIATION_DEVELOPER" => CreditType::RemediationDeveloper,
        "REMEDIATION_REVIEWER" => CreditType::RemediationReviewer,
        "REMEDIATION_VERIFIER" => CreditType::RemediationVerifier,
        "TOOL" => CreditType::Tool,
        "SPONSOR" => CreditType::Sponsor,
        "OTHER" => CreditType::Other,
        _ => return None,
    })
}

/// The vector a case takes as its severity from a record's list: the
/// newest CVSS version that scores (4.0, then 3.1, then 3.0).
pub(super) fn primary(vectors: &[String]) -> Option<Severity> {
    let rank = |v: &str| match v {
        v if v.starts_with("CVSS:4.0/") => 3,
        v if v.starts_with("CVSS:3.1/") => 2,
        v if v.starts_with("CVSS:3.0/") => 1,
        _ => 0,
    };
    let mut scored: Vec<(u8, Severity)> = vectors
        .iter()
        .filter(|v| rank(v) > 0)
        .filter_map(|v| Some((rank(v), severity::assess(v).ok()?)))
        .collect();
    scored.sort_by_key(|(r, _)| std::cmp::Reverse(*r));
    scored.into_iter().next().map(|(_, s)| s)
}

/// CWE IDs as the model writes them (`CWE-79`); others are left to the record.
pub(super) fn cwes(texts: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if let Ok(c) = severity::cwe(t)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// One line for a title or a summary (no control characters).
pub(super) fn line(text: &str) -> Option<String> {
    let t = crate::model::text::one_line(text);
    (!t.is_empty()).then_some(t)
}

/// Text that keeps its lines (no other control characters).
pub(super) fn lines(text: &str) -> Option<String> {
    let t = crate::model::text::multi_line(text);
    (!t.is_empty()).then_some(t)
}

/// A title from the first line of a text, cut at a word near 100 characters.
pub(super) fn title_from(text: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let first = crate::model::text::one_line(first.trim_start_matches('#').trim());
    if first.chars().count() <= 100 {
        return first;
    }
    let cut: String = first.chars().take(100).collect();
    match cut.rfind(' ') {
        Some(i) if i > 40 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}

/// The URLs of a record that a case can hold as references: http(s) ones,
/// once each.
pub(super) fn push_url(out: &mut Vec<String>, url: &str) {
    let u = url.trim();
    if crate::model::syntax::is_url(u) && !out.iter().any(|o| o == u) {
        out.push(u.to_owned());
    }
}
