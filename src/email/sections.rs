//! From a subject and a body to report fields: the title without reply and
//! tag noise, and sections headed like "Steps to reproduce" or "Impact".

/// Report fields found in a body. `description` holds what is left outside
/// the recognised sections (and any "Description"/"Summary" section).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportSections {
    pub description: Option<String>,
    pub reproduction: Option<String>,
    pub impact: Option<String>,
    pub remediation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Description,
    Reproduction,
    Impact,
    Remediation,
}

const HEADINGS: &[(&str, Field)] = &[
    ("description", Field::Description),
    ("summary", Field::Description),
    ("details", Field::Description),
    ("overview", Field::Description),
    ("vulnerability details", Field::Description),
    ("steps to reproduce", Field::Reproduction),
    ("reproduction", Field::Reproduction),
    ("reproduction steps", Field::Reproduction),
    ("how to reproduce", Field::Reproduction),
    ("to reproduce", Field::Reproduction),
    ("proof of concept", Field::Reproduction),
    ("poc", Field::Reproduction),
    ("impact", Field::Impact),
    ("security impact", Field::Impact),
    ("remediation", Field::Remediation),
    ("suggested fix", Field::Remediation),
    ("suggested remediation", Field::Remediation),
    ("recommended fix", Field::Remediation),
    ("proposed fix", Field::Remediation),
    ("possible fix", Field::Remediation),
    ("fix", Field::Remediation),
    ("mitigation", Field::Remediation),
    ("workaround", Field::Remediation),
    ("recommendation", Field::Remediation),
    ("recommendations", Field::Remediation),
];

/// Which field a line heads, and any text after `Heading:` on the same line.
/// The label must be the whole line or all of the text before the colon, so
/// prose such as "Fix the parser" is never taken for a heading.
fn heading(line: &str) -> Option<(Field, &str)> {
    let stripped = line
        .trim()
        .trim_start_matches(['#', '*', '_', '=', ' '])
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')', ' ']);
    let (label, rest) = match stripped.split_once(':') {
        Some((label, rest)) => (label, rest.trim()),
        None => (stripped, ""),
    };
    let label = label
        .trim()
        .trim_end_matches(['#', '*', '_', '=', ' '])
        .to_ascii_lowercase();
    let rest = rest.trim_start_matches(['*', '_']).trim();
    HEADINGS
        .iter()
        .find(|(name, _)| *name == label)
        .map(|&(_, field)| (field, rest))
}

/// Splits a body into report fields. Without any heading, the whole body
/// is the description.
pub fn split_sections(body: &str) -> ReportSections {
    let body = without_courtesies(body);
    let mut parts: [Vec<&str>; 4] = Default::default();
    let mut current = Field::Description;
    let mut after_heading = false;
    for line in body.lines() {
        // A setext underline belongs to the heading above it.
        if after_heading && !line.is_empty() && line.chars().all(|c| c == '-' || c == '=') {
            after_heading = false;
            continue;
        }
        after_heading = false;
        if let Some((field, rest)) = heading(line) {
            current = field;
            after_heading = rest.is_empty();
            if !rest.is_empty() {
                parts[field as usize].push(rest);
            }
            continue;
        }
        parts[current as usize].push(line);
    }
    let text = |lines: &Vec<&str>| {
        let joined = lines.join("\n");
        let trimmed = joined.trim_matches(|c: char| c == '\n' || c == ' ');
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    };
    ReportSections {
        description: text(&parts[Field::Description as usize]),
        reproduction: text(&parts[Field::Reproduction as usize]),
        impact: text(&parts[Field::Impact as usize]),
        remediation: text(&parts[Field::Remediation as usize]),
    }
}

const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "greetings",
    "good morning",
    "good afternoon",
    "good evening",
    "to whom it may concern",
];
const CLOSINGS: &[&str] = &[
    "thanks",
    "thank you",
    "regards",
    "best",
    "cheers",
    "kind regards",
    "best regards",
    "sincerely",
    "br",
    "many thanks",
];

/// The body without an opening "Hello," line and a closing "Thanks, Ada"
/// paragraph, which would otherwise end up in the report's fields.
fn without_courtesies(body: &str) -> String {
    let mut paragraphs: Vec<&str> = body.split("\n\n").collect();
    let starts_with = |p: &str, words: &[&str]| {
        let lower = p.trim().to_lowercase();
        words.iter().any(|w| {
            lower.starts_with(w)
                && lower[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    if paragraphs.len() > 1 {
        let first = paragraphs[0];
        if !first.trim().contains('\n') && first.len() <= 60 && starts_with(first, GREETINGS) {
            paragraphs.remove(0);
        }
    }
    if paragraphs.len() > 1 {
        let last = paragraphs[paragraphs.len() - 1].trim();
        let first_line = last
            .lines()
            .next()
            .unwrap_or_default()
            .trim_end_matches([',', '.', '!', ' '])
            .to_lowercase();
        let closing = CLOSINGS.contains(&first_line.as_str())
            || first_line.starts_with("thanks")
            || first_line.starts_with("thank you");
        if last.lines().count() <= 3 && closing {
            paragraphs.pop();
        }
    }
    paragraphs.join("\n\n")
}

/// The title a subject stands for: without `Re:`, `Fwd:`, `[SECURITY]` and
/// similar prefixes, however many are stacked.
pub fn clean_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let before = s;
        if let Some(rest) = strip_reply_prefix(s) {
            s = rest.trim_start();
        }
        if let Some(rest) = strip_tag(s) {
            s = rest.trim_start();
        }
        if s == before {
            break;
        }
    }
    let s = s
        .strip_suffix("(fwd)")
        .or_else(|| s.strip_suffix("(Fwd)"))
        .unwrap_or(s);
    s.trim().to_owned()
}

const REPLY_PREFIXES: &[&str] = &["re", "fwd", "fw", "aw", "wg", "sv", "vs", "tr", "antw"];

/// `Re:`, `RE:`, `Fwd:`, `Re[2]:`, `Re(2):`.
fn strip_reply_prefix(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let word = &s[..colon];
    let base = word
        .split(['[', '('])
        .next()
        .unwrap_or(word)
        .trim()
        .to_ascii_lowercase();
    let counter_ok = word[base.len()..]
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '[' | ']' | '(' | ')' | ' '));
    (REPLY_PREFIXES.contains(&base.as_str()) && counter_ok).then(|| &s[colon + 1..])
}

/// `[SECURITY]`, `[Security Report]`, `[vuln]`: bracketed tags that only say
/// that this is a security report.
fn strip_tag(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('[')?;
    let end = inner.find(']')?;
    let tag = inner[..end].to_ascii_lowercase();
    let noise = tag.contains("secur") || tag.contains("vuln") || tag == "sec" || tag == "report";
    noise.then(|| &inner[end + 1..])
}

/// The new text of a reply: quoted lines and the "On ... wrote:" line
/// before them dropped, and nothing after a forwarded/original marker.
pub fn reply_text(body: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("-----Original Message-----")
            || t.starts_with("---------- Forwarded message")
        {
            break;
        }
        if t.starts_with('>') {
            while kept.last().is_some_and(|l| l.trim().is_empty()) {
                kept.pop();
            }
            if kept
                .last()
                .is_some_and(|l| l.trim_end().ends_with("wrote:"))
            {
                kept.pop();
            }
            continue;
        }
        kept.push(line);
    }
    kept.join("\n").trim_matches('\n').trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_their_noise() {
        for (subject, title) in [
            (
                "Re: [SECURITY] Path traversal in upload",
                "Path traversal in upload",
            ),
            ("RE: Fwd: [Security Report] XSS", "XSS"),
            ("Re[2]: AW: SQL injection", "SQL injection"),
            ("[security] re: fw: RCE (fwd)", "RCE"),
            ("Regression: parser crash", "Regression: parser crash"),
            ("[PATCH] keep this", "[PATCH] keep this"),
        ] {
            assert_eq!(clean_subject(subject), title, "{subject}");
        }
    }

    #[test]
    fn sections_fill_their_fields() {
        let body = "The upload handler joins paths.\n\n\
            Steps to reproduce:\n1. upload ../../x\n2. read it\n\n\
            ## Impact\nRead any file.\n\n\
            Suggested fix\n-------------\nCanonicalise the path.\n";
        let s = split_sections(body);
        assert_eq!(
            s.description.as_deref(),
            Some("The upload handler joins paths.")
        );
        assert_eq!(
            s.reproduction.as_deref(),
            Some("1. upload ../../x\n2. read it")
        );
        assert_eq!(s.impact.as_deref(), Some("Read any file."));
        assert_eq!(s.remediation.as_deref(), Some("Canonicalise the path."));
    }

    #[test]
    fn inline_headings_and_prose_that_looks_like_one() {
        let s = split_sections("Fix the parser please.\nImpact: total.\n");
        assert_eq!(s.description.as_deref(), Some("Fix the parser please."));
        assert_eq!(s.impact.as_deref(), Some("total."));
    }

    #[test]
    fn greetings_and_sign_offs_are_dropped() {
        let s = split_sections("Hello team,\n\nThe bug.\n\nImpact:\nbad\n\nBest regards,\nAda");
        assert_eq!(s.description.as_deref(), Some("The bug."));
        assert_eq!(s.impact.as_deref(), Some("bad"));
        let s = split_sections("Hi\n\nbest practice is ignored here");
        assert_eq!(
            s.description.as_deref(),
            Some("best practice is ignored here")
        );
    }

    #[test]
    fn a_body_without_headings_is_the_description() {
        let s = split_sections("just text\n\nmore");
        assert_eq!(s.description.as_deref(), Some("just text\n\nmore"));
        assert_eq!(s.reproduction, None);
    }

    #[test]
    fn replies_lose_the_quote() {
        let body = "Thanks, here is more.\n\nOn Mon, 2 Mar 2026, Team wrote:\n> old\n> text\n";
        assert_eq!(reply_text(body), "Thanks, here is more.");
    }
}
