//! The "Security" section of a changelog entry: one bullet per fixed release.

use std::fmt::Write as _;

use super::public::PublicCase;

pub(super) fn render(p: &PublicCase) -> String {
    let mut out = String::from("### Security\n\n");
    let mut ids = vec![p.id.clone()];
    if let Some(cve) = &p.cve
        && cve != &p.id
    {
        ids.push(cve.clone());
    }
    let severity = p
        .severity
        .as_ref()
        .map(|s| format!(", {} severity ({})", s.rating, s.score))
        .unwrap_or_default();
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(
            out,
            "- **{}** (withdrawn on {}): {}. {}",
            ids.join(" / "),
            super::date(withdrawn.at),
            p.title.trim_end_matches('.'),
            super::markdown::sentence(&withdrawn.reason)
        );
        return out;
    }
    let patched = p.patched();
    if patched.is_empty() {
        let _ = writeln!(
            out,
            "- **{}**{severity}: {}. No fixed release yet.",
            ids.join(" / "),
            p.title
        );
    }
    for (release, version) in patched {
        let _ = writeln!(
            out,
            "- {version} ({release}): fixes **{}**{severity}: {}.",
            ids.join(" / "),
            p.title.trim_end_matches('.')
        );
    }
    out
}
