//! The text `describe --edit` opens in the editor, and how it is read back.
//!
//! ```text
//! DISCLOSE: lines like this one are instructions, dropped when read
//! Title: Path traversal in upload
//! Summary: Uploads could write files outside the data directory
//!
//! == Details ==
//! Markdown ...
//! == Impact ==
//! == Workarounds ==
//! == References ==
//! https://example.org/one-per-line
//! ```

use crate::error::{Error, Result};
use crate::model::case::{Case, PublicText, SUMMARY_MAX};

const COMMENT: &str = "DISCLOSE:";
/// The line put above text taken from the report; saving it is refused.
pub(super) const MARKER: &str =
    "[REPORTER'S WORDS: rewrite this for the public, then delete this line]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Details,
    Impact,
    Workarounds,
    References,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Self::Details => "Details",
            Self::Impact => "Impact",
            Self::Workarounds => "Workarounds",
            Self::References => "References",
        }
    }

    fn parse(line: &str) -> Option<std::result::Result<Self, String>> {
        let inner = line.trim().strip_prefix("==")?.strip_suffix("==")?.trim();
        Some(match inner.to_ascii_lowercase().as_str() {
            "details" => Ok(Self::Details),
            "impact" => Ok(Self::Impact),
            "workarounds" => Ok(Self::Workarounds),
            "references" => Ok(Self::References),
            _ => Err(inner.to_owned()),
        })
    }
}

/// Whether the template starts from the report (nothing public written yet).
pub(super) fn from_report(case: &Case) -> bool {
    case.public == PublicText::default()
}

/// The text to edit: the current public text, or (the first time) the
/// report's words, marked as the reporter's, to rewrite.
pub(super) fn render(case: &Case) -> String {
    let first = from_report(case);
    let mut out = String::new();
    let c = |out: &mut String, line: &str| out.push_str(&format!("{COMMENT} {line}\n"));
    c(
        &mut out,
        &format!(
            "The public advisory text of {}. Everything below goes public",
            case.id
        ),
    );
    c(
        &mut out,
        "when the case is published. Lines starting with DISCLOSE: are dropped.",
    );
    c(
        &mut out,
        &format!(
            "Title and Summary take one line each (the summary at most {SUMMARY_MAX} characters);"
        ),
    );
    c(
        &mut out,
        "the sections take Markdown; References one http(s) URL per line.",
    );
    c(
        &mut out,
        "Save and quit to record it; saving it unchanged or empty records nothing.",
    );
    if first {
        c(&mut out, "");
        c(
            &mut out,
            "The sections below start with the REPORTER'S OWN WORDS from the private report.",
        );
        c(
            &mut out,
            "Rewrite them for the public and delete each marker line: the text is refused",
        );
        c(
            &mut out,
            "while a marker is left. Leave out names, addresses and reproduction details.",
        );
    }
    let text = if first {
        PublicText {
            title: Some(case.title.clone()),
            details: case.report.description.clone(),
            impact: case.report.impact.clone(),
            workarounds: case.report.remediation.clone(),
            ..PublicText::default()
        }
    } else {
        case.public.clone()
    };
    out.push_str(&format!(
        "Title: {}\n",
        text.title.as_deref().unwrap_or(&case.title)
    ));
    out.push_str(&format!(
        "Summary: {}\n",
        text.summary.as_deref().unwrap_or("")
    ));
    let section = |out: &mut String, s: Section, body: Option<&str>| {
        out.push_str(&format!("\n== {} ==\n", s.name()));
        if let Some(body) = body.filter(|b| !b.trim().is_empty()) {
            if first {
                out.push_str(MARKER);
                out.push('\n');
            }
            out.push_str(body.trim_end());
            out.push('\n');
        }
    };
    section(&mut out, Section::Details, text.details.as_deref());
    section(&mut out, Section::Impact, text.impact.as_deref());
    section(&mut out, Section::Workarounds, text.workarounds.as_deref());
    out.push_str(&format!("\n== {} ==\n", Section::References.name()));
    for r in &text.references {
        out.push_str(r);
        out.push('\n');
    }
    out
}

/// The public text as the template reads back. A marker line left in, an
/// empty text, a line that belongs nowhere: bad input.
pub(super) fn parse(text: &str) -> Result<PublicText> {
    let mut out = PublicText::default();
    let mut current: Option<Section> = None;
    let mut bodies: [Vec<&str>; 4] = Default::default();
    let mut any = false;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with(COMMENT) {
            continue;
        }
        if line.contains("[REPORTER'S WORDS") {
            let section = current.map_or("the header", Section::name);
            return Err(Error::input(format!(
                "line {}: {section} still holds the reporter's words marker: nothing was recorded",
                n + 1
            ))
            .with_hint(
                "rewrite that text for the public and delete the marker line, then save again",
            ));
        }
        if let Some(section) = Section::parse(line) {
            current = Some(section.map_err(|name| {
                Error::input(format!(
                    "line {}: unknown section \"== {name} ==\" (the sections are Details, Impact, Workarounds, References)",
                    n + 1
                ))
            })?);
            continue;
        }
        if !line.trim().is_empty() {
            any = true;
        }
        match current {
            Some(s) => bodies[s as usize].push(line),
            None => {
                let Some((key, value)) = line.split_once(':') else {
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Err(Error::input(format!(
                        "line {}: expected \"Title: ...\", \"Summary: ...\" or a section such as \"== Details ==\", found {line:?}",
                        n + 1
                    )));
                };
                let value = value.trim();
                let value = (!value.is_empty()).then(|| value.to_owned());
                match key.trim().to_ascii_lowercase().as_str() {
                    "title" => out.title = value,
                    "summary" => out.summary = value,
                    other => {
                        return Err(Error::input(format!(
                            "line {}: unknown field {other:?} (the fields are Title and Summary)",
                            n + 1
                        )));
                    }
                }
            }
        }
    }
    if !any {
        return Err(Error::input("the text is empty: nothing was recorded"));
    }
    let body = |s: Section| {
        let text = crate::model::text::multi_line(&bodies[s as usize].join("\n"));
        (!text.is_empty()).then_some(text)
    };
    out.details = body(Section::Details);
    out.impact = body(Section::Impact);
    out.workarounds = body(Section::Workarounds);
    out.references = bodies[Section::References as usize]
        .iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{NewCase, PublicChange, Report, Stamp};
    use crate::model::policy::Slas;

    fn case() -> Case {
        Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "Path traversal in upload".into(),
                report: Report {
                    description: Some(
                        "I found a path traversal.\n\nCall me on +1 555 0100.".into(),
                    ),
                    impact: Some("Files anywhere.".into()),
                    ..Report::default()
                },
                ..NewCase::default()
            },
            Slas::default(),
            "2026-03-02T09:00:00Z".parse().unwrap(),
            "M",
        )
    }

    #[test]
    fn the_first_template_marks_the_reporters_words_and_is_refused_as_it_is() {
        let case = case();
        let text = render(&case);
        assert!(text.contains(MARKER), "{text}");
        assert!(text.contains("I found a path traversal."), "{text}");
        let err = parse(&text).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("Details still holds"), "{err}");
        let rewritten = text
            .replace(
                &format!("{MARKER}\nI found a path traversal.\n\nCall me on +1 555 0100."),
                "Uploads could escape the data directory.",
            )
            .replace(
                &format!("{MARKER}\nFiles anywhere."),
                "Any file the server can write.",
            )
            .replace("Summary: ", "Summary: Path traversal in the upload handler");
        let text = parse(&rewritten).unwrap();
        assert_eq!(text.title.as_deref(), Some("Path traversal in upload"));
        assert_eq!(
            text.summary.as_deref(),
            Some("Path traversal in the upload handler")
        );
        assert_eq!(
            text.details.as_deref(),
            Some("Uploads could escape the data directory.")
        );
        assert_eq!(
            text.impact.as_deref(),
            Some("Any file the server can write.")
        );
        assert!(text.references.is_empty());
    }

    #[test]
    fn later_templates_start_from_the_public_text_and_read_back_the_same() {
        let mut case = case();
        case.describe(
            PublicChange {
                summary: Some("S".into()),
                details: Some("## Root cause\n\nD with # and == inside ==x".into()),
                references: Some(vec!["https://example.org/a".into()]),
                ..PublicChange::default()
            },
            Stamp {
                at: "2026-03-03T09:00:00Z".parse().unwrap(),
                by: "M",
            },
        )
        .unwrap();
        let text = render(&case);
        assert!(!text.contains(MARKER));
        let back = parse(&text).unwrap();
        assert_eq!(back.details, case.public.details);
        assert_eq!(back.references, case.public.references);
        assert_eq!(back.summary, case.public.summary);
    }

    #[test]
    fn empty_and_malformed_texts_are_bad_input() {
        for bad in [
            "",
            "DISCLOSE: only comments\n\n",
            "Colour: red\n",
            "== Credits ==\nx\n",
            "just words\n",
        ] {
            assert_eq!(parse(bad).unwrap_err().exit_code(), 2, "{bad:?}");
        }
    }
}
