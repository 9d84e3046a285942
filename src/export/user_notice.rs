//! The notice to the impacted users of an actively exploited vulnerability
//! (EU Cyber Resilience Act, Article 14(8)): what is affected, that it is
//! being exploited, and the measures users can take. Rendered from the
//! public view like every public file, so it holds the maintainers' public
//! text and never the report; its machine-readable part is the case's OSV
//! record (`osv.json`), rendered beside it.

use std::fmt::Write as _;

use super::public::PublicCase;
use super::severity_words;

/// The file the notice is written to, beside the OSV record.
pub const FILE_NAME: &str = "user-notice.md";

/// The notice in Markdown. `osv_file` is the name its machine-readable
/// part goes by.
pub fn render(p: &PublicCase, osv_file: &str) -> String {
    let mut out = String::new();
    let w = &mut out;
    let product = p.product();
    let _ = writeln!(w, "# Security notice: {}\n", p.title);
    let ids: Vec<&str> = [&p.advisory, &p.cve, &p.ghsa]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !ids.is_empty() {
        let _ = writeln!(w, "{}\n", ids.join(" · "));
    }
    if p.actively_exploited {
        let _ = writeln!(
            w,
            "**We are aware that this vulnerability in {product} is being actively exploited.** \
             Please take the measures below now.\n"
        );
    }
    let _ = writeln!(w, "{}", p.summary());
    if let Some(words) = severity_words(p) {
        let _ = writeln!(w, "\nSeverity: {words}.");
    }

    let _ = writeln!(w, "\n## Who is affected\n");
    if p.packages.is_empty() {
        let _ = writeln!(
            w,
            "The affected versions of {product} are still being determined."
        );
    }
    super::markdown::affected_list(w, p);

    let _ = writeln!(w, "\n## What to do\n");
    let upgrade = p.upgrade_to();
    match &upgrade {
        Some(versions) => {
            let _ = writeln!(w, "Upgrade to {versions}.");
        }
        None => {
            let _ = writeln!(w, "No fixed version is released yet.");
        }
    }
    if let Some(workarounds) = &p.workarounds {
        let heading = if upgrade.is_none() {
            "Until a fix is released"
        } else {
            "If you cannot upgrade yet"
        };
        let _ = writeln!(w, "\n{heading}:\n\n{workarounds}");
    }

    if let Some(details) = &p.details {
        let _ = writeln!(w, "\n## Details\n\n{details}");
    }
    if let Some(impact) = &p.impact {
        let _ = writeln!(w, "\n## Impact\n\n{impact}");
    }

    let _ = writeln!(w, "\n## Machine-readable record\n");
    let _ = writeln!(
        w,
        "The OSV record `{osv_file}` (id `{}`) lists the affected packages and versions \
         in a format that vulnerability scanners read.",
        p.osv_id
    );
    if let Some(url) = &p.advisory_url {
        let _ = writeln!(w, "\nThe advisory: <{url}>");
    }
    if let Some(contact) = &p.contact {
        let _ = writeln!(w, "\n## Contact\n\nQuestions: {contact}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::*;
    use crate::model::case::Consent;

    #[test]
    fn the_notice_names_the_exploitation_versions_and_measures_from_the_public_view() {
        let case = described(fixed_case(ada(), Consent::Granted));
        let mut p = PublicCase::new(&case, &policy());
        p.actively_exploited = true;
        let text = render(&p, "osv.json");
        assert!(text.contains("being actively exploited"), "{text}");
        assert!(text.contains("Upgrade to "), "{text}");
        assert!(text.contains("`osv.json`"), "{text}");
        assert!(text.contains(&p.osv_id), "{text}");
        assert!(!text.contains("Ada"), "{text}");
    }
}
