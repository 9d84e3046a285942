//! The advisory in Markdown, as a maintainer would post it.

use std::fmt::Write as _;

use super::public::{PublicCase, is_url};
use super::{date, range_words, severity_words};
use crate::model::case::{CreditType, Decision};

pub(super) fn render(p: &PublicCase) -> String {
    let mut out = String::new();
    let w = &mut out;
    if p.preview {
        let _ = writeln!(w, "> {}\n", super::preview_line(p));
    }
    let _ = writeln!(w, "# {}: {}\n", p.id, p.title);
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(
            w,
            "> **Withdrawn on {}.** {}\n>\n> This advisory no longer stands: nothing below needs acting on.\n",
            date(withdrawn.at),
            sentence(&withdrawn.reason)
        );
    }
    let _ = writeln!(w, "| | |\n|---|---|");
    if let Some(advisory) = &p.advisory {
        let _ = writeln!(w, "| Advisory | {advisory} |");
    }
    if let Some(cve) = &p.cve {
        let _ = writeln!(w, "| CVE | {cve} |");
    }
    if let Some(ghsa) = &p.ghsa {
        let _ = writeln!(w, "| GHSA | {ghsa} |");
    }
    if let Some(s) = &p.severity {
        let _ = writeln!(w, "| Severity | {} (CVSS {}) |", s.rating, s.score);
        if let Some(t) = s.threat_score {
            let _ = writeln!(w, "| Threat score | {t} |");
        }
        if let Some(e) = s.environmental_score {
            let _ = writeln!(w, "| Environmental score | {e} |");
        }
        let _ = writeln!(w, "| Vector | `{}` |", s.cvss);
    }
    if !p.cwe.is_empty() {
        let _ = writeln!(w, "| Weakness | {} |", p.cwe.join(", "));
    }
    if let Some(at) = p.published_at {
        let _ = writeln!(w, "| Published | {} |", date(at));
    }

    let _ = writeln!(w, "\n## Summary\n\n{}", p.summary());
    if let Some(details) = &p.details {
        let _ = writeln!(w, "\n## Details\n\n{details}");
    }
    if let Some(impact) = &p.impact {
        let _ = writeln!(w, "\n## Impact\n\n{impact}");
    }

    let _ = writeln!(w, "\n## Affected versions\n");
    if p.packages.is_empty() {
        let _ = writeln!(w, "No affected versions are recorded.");
    }
    affected_list(w, p);

    if !p.releases.is_empty() {
        let _ = writeln!(w, "\n## Patched versions\n");
        let _ = writeln!(w, "| Release | Status | Fixed in |\n|---|---|---|");
        for r in &p.releases {
            let words = r.fixed_words();
            let status = match (r.decision, &words) {
                (Decision::Affected, _) if r.fixed() => "fixed".to_owned(),
                (Decision::Affected, Some(_)) => "affected, not every package fixed yet".to_owned(),
                (Decision::Affected, None) => "affected, no fix released yet".to_owned(),
                (d, _) => match &r.reason {
                    Some(reason) => format!("{} ({reason})", d.as_str()),
                    None => d.as_str().to_owned(),
                },
            };
            let _ = writeln!(
                w,
                "| {} | {status} | {} |",
                r.name,
                words.as_deref().unwrap_or("—")
            );
        }
        if let Some(to) = p.upgrade_to().filter(|_| p.withdrawn.is_none()) {
            let _ = writeln!(w, "\nUpgrade to {to}.");
        }
    }

    if let Some(workarounds) = &p.workarounds {
        let _ = writeln!(w, "\n## Workarounds\n\n{workarounds}");
    }

    let refs = references(p);
    if !refs.is_empty() {
        let _ = writeln!(w, "\n## References\n");
        for r in refs {
            let _ = writeln!(w, "- {r}");
        }
    }

    if !p.credits.is_empty() {
        let _ = writeln!(w, "\n## Credits\n");
        for c in &p.credits {
            let _ = writeln!(w, "- {} ({})", c.display(), credit_role(c.kind));
        }
    }

    let _ = writeln!(w, "\n## Timeline\n");
    let _ = writeln!(w, "- {}: report received", date(p.received_at));
    for (release, v, at) in p.releases_in_time() {
        let _ = writeln!(w, "- {}: {v} released with the fix for {release}", date(at));
    }
    if let Some(at) = p.published_at {
        let _ = writeln!(w, "- {}: advisory published", date(at));
    }
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(w, "- {}: advisory withdrawn", date(withdrawn.at));
    }
    out
}

/// A reason as a sentence: capitalised, with a full stop.
/// One line per affected package: its name, ecosystem and versions in words.
pub(super) fn affected_list(w: &mut String, p: &PublicCase) {
    for pkg in &p.packages {
        let mut spans: Vec<String> = pkg.ranges.iter().flat_map(range_words).collect();
        spans.extend(pkg.versions.iter().cloned());
        let versions = if spans.is_empty() {
            "versions not determined yet".to_owned()
        } else {
            spans.join("; ")
        };
        let _ = writeln!(
            w,
            "- `{}` ({}): {versions}",
            pkg.package.name, pkg.package.ecosystem
        );
    }
}

pub(super) fn sentence(text: &str) -> String {
    let t = text.trim().trim_end_matches('.');
    let mut chars = t.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Fix commits and pull requests, linked when the repository is known.
fn references(p: &PublicCase) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(url) = &p.advisory_url {
        out.push(format!("Advisory: <{url}>"));
    }
    for f in &p.fixes {
        for c in &f.commits {
            out.push(match p.commit_url(c) {
                Some(url) => format!("Fix for {}: <{url}>", f.release),
                None => format!("Fix for {}: commit `{c}`", f.release),
            });
        }
        if let Some(pr) = &f.pr {
            out.push(match p.pr_url(pr) {
                Some(url) => format!("Pull request for {}: <{url}>", f.release),
                None => format!("Pull request for {}: {pr}", f.release),
            });
        }
    }
    for url in &p.references {
        out.push(format!("<{url}>"));
    }
    if let Some(repo) = p.repository.as_deref().filter(|r| is_url(r)) {
        out.push(format!("Source: <{repo}>"));
    }
    out.dedup();
    out
}

pub(super) fn credit_role(kind: CreditType) -> &'static str {
    match kind {
        CreditType::Finder => "finder",
        CreditType::Reporter => "reporter",
        CreditType::Analyst => "analyst",
        CreditType::Coordinator => "coordinator",
        CreditType::RemediationDeveloper => "remediation developer",
        CreditType::RemediationReviewer => "remediation reviewer",
        CreditType::RemediationVerifier => "remediation verifier",
        CreditType::Tool => "tool",
        CreditType::Sponsor => "sponsor",
        CreditType::Other => "other",
    }
}

/// Also used by the email body, which is this advisory without Markdown tables.
pub(super) fn severity_line(p: &PublicCase) -> Option<String> {
    let s = p.severity.as_ref()?;
    Some(format!("{}, {}", severity_words(p)?, s.cvss))
}
