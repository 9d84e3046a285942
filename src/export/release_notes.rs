//! The "Security" section of a changelog entry: one bullet per fixed
//! release, with the advisory's IDs, a link to it (the policy's
//! `advisory_url`) and thanks to everyone credited with consent, as the
//! projects' SECURITY.md files promise ("credited in our release notes").

use std::fmt::Write as _;

use super::public::PublicCase;

pub(super) fn render(p: &PublicCase) -> String {
    let mut out = String::new();
    if p.preview {
        let _ = writeln!(out, "> {}\n", super::preview_line(p));
    }
    out.push_str("### Security\n\n");
    let mut ids = vec![p.id.clone()];
    if let Some(cve) = &p.cve
        && cve != &p.id
    {
        ids.push(cve.clone());
    }
    let ids = match &p.advisory_url {
        Some(url) => {
            let first = format!("[{}]({url})", ids[0]);
            std::iter::once(first)
                .chain(ids[1..].iter().cloned())
                .collect::<Vec<_>>()
                .join(" / ")
        }
        None => ids.join(" / "),
    };
    let severity = p
        .severity
        .as_ref()
        .map(|s| format!(", {} severity ({})", s.rating, s.score))
        .unwrap_or_default();
    if let Some(withdrawn) = &p.withdrawn {
        let _ = writeln!(
            out,
            "- **{ids}** (withdrawn on {}): {}. {}",
            super::date(withdrawn.at),
            p.title.trim_end_matches('.'),
            super::markdown::sentence(&withdrawn.reason)
        );
        return out;
    }
    let thanks = thanks(p);
    let patched = p.patched();
    if patched.is_empty() {
        let _ = writeln!(
            out,
            "- **{ids}**{severity}: {}. No fixed release yet.{thanks}",
            p.title.trim_end_matches('.')
        );
    }
    for (release, version) in patched {
        let _ = writeln!(
            out,
            "- {version} ({release}): fixes **{ids}**{severity}: {}.{thanks}",
            p.title.trim_end_matches('.')
        );
    }
    out
}

/// ` Thanks to A and B.` for the credits with consent granted.
fn thanks(p: &PublicCase) -> String {
    let names = p.thanked();
    let list = match names.as_slice() {
        [] => return String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    // "Thanks to Ada L." needs no second full stop.
    let stop = if list.ends_with('.') { "" } else { "." };
    format!(" Thanks to {list}{stop}")
}
