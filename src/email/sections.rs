//! From a subject and a body to report fields: the title without reply and
//! tag noise, and sections headed like "Steps to reproduce" or "Impact".
//!
//! What closes a message never lands in a section: the signature (after
//! `-- `, a bare `--`, or `--=20` left by a quoted-printable encoder), PGP
//! signature blocks, the sign-off ("Best regards,\nAda") with the lines
//! under it, and closing paragraphs ("let me know", a phone number,
//! conference plans). Signatures and sign-offs are dropped; closing
//! paragraphs say something (a deadline of the reporter's own, a way to
//! reach them), so they go to the description.

/// Report fields found in a body. `description` holds what is left outside
/// the recognised sections (and any "Description"/"Summary" section, and
/// the closing paragraphs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportSections {
    pub description: Option<String>,
    pub reproduction: Option<String>,
    pub impact: Option<String>,
    pub remediation: Option<String>,
    /// Lines of greeting, sign-off, signature and PGP armour left out.
    pub dropped_lines: usize,
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
    let (body, closing, mut dropped_lines) = without_closing(body);
    let greeted = text_lines(&body);
    let body = without_greeting(&body);
    dropped_lines += greeted - text_lines(&body);
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
    let description = match (text(&parts[Field::Description as usize]), closing) {
        (text, closing) if closing.is_empty() => text,
        (Some(text), closing) => Some(format!("{text}\n\n{closing}")),
        (None, closing) => Some(closing),
    };
    ReportSections {
        description,
        reproduction: text(&parts[Field::Reproduction as usize]),
        impact: text(&parts[Field::Impact as usize]),
        remediation: text(&parts[Field::Remediation as usize]),
        dropped_lines,
    }
}

impl ReportSections {
    /// Which field got how many lines, for `open` to say what went where:
    /// `description 3 lines, impact 1 line; 4 lines of greeting, sign-off
    /// and signature left out`.
    pub fn summary(&self) -> String {
        let fields = [
            ("description", &self.description),
            ("reproduction", &self.reproduction),
            ("impact", &self.impact),
            ("remediation", &self.remediation),
        ];
        let lines = |n: usize| {
            if n == 1 {
                "1 line".to_owned()
            } else {
                format!("{n} lines")
            }
        };
        let mut parts: Vec<String> = fields
            .iter()
            .filter_map(|(name, text)| {
                text.as_ref()
                    .map(|t| format!("{name} {}", lines(text_lines(t))))
            })
            .collect();
        if parts.is_empty() {
            parts.push("no text".to_owned());
        }
        let mut out = parts.join(", ");
        if self.dropped_lines > 0 {
            out.push_str(&format!(
                "; {} of greeting, sign-off and signature left out",
                lines(self.dropped_lines)
            ));
        }
        out
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
    "bonjour",
    "hallo",
    "guten tag",
    "moin",
    "hola",
    "ciao",
    "salut",
    "hej",
];

/// Words that open a sign-off block ("Best regards,\nAda Lovelace").
const CLOSINGS: &[&str] = &[
    "thanks",
    "thank you",
    "thanks again",
    "thanks in advance",
    "regards",
    "best",
    "cheers",
    "kind regards",
    "best regards",
    "warm regards",
    "with regards",
    "all the best",
    "sincerely",
    "yours sincerely",
    "yours truly",
    "br",
    "many thanks",
    "mit freundlichen grüßen",
    "cordialement",
];

/// Phrases of a closing paragraph: the reporter talking about the
/// conversation rather than the problem.
const COURTESIES: &[&str] = &[
    "let me know",
    "let us know",
    "feel free",
    "happy to help",
    "happy to assist",
    "glad to help",
    "happy to answer",
    "do not hesitate",
    "don't hesitate",
    "hope this helps",
    "looking forward",
    "look forward",
    "reach me",
    "contact me",
    "call me",
    "my phone",
    "my number",
    "phone:",
    "tel:",
    "mobile:",
    "conference",
    "i plan to present",
    "i will present",
    "i'm presenting",
    "i am presenting",
    "thanks for",
    "thank you for",
];

/// Lines with text on them (what a reader would count).
fn text_lines(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

fn starts_with_word(text: &str, words: &[&str]) -> bool {
    let lower = text.trim().to_lowercase();
    words.iter().any(|w| {
        lower.starts_with(w)
            && lower[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The body without an opening "Hello," line, which would otherwise end
/// up in the description.
fn without_greeting(body: &str) -> String {
    let mut paragraphs: Vec<&str> = body.split("\n\n").collect();
    if paragraphs.len() > 1 {
        let first = paragraphs[0];
        if !first.trim().contains('\n') && first.len() <= 60 && starts_with_word(first, GREETINGS) {
            paragraphs.remove(0);
        }
    }
    paragraphs.join("\n\n")
}

/// A signature delimiter: `-- ` (RFC 3676), a bare `--` (the space lost on
/// the way), `--=20` (a quoted-printable encoder's, left undecoded), or an
/// underscore rule.
fn is_signature_delimiter(line: &str) -> bool {
    matches!(line.trim_end(), "--" | "--=20") || line == "-- " || line.trim() == "__"
}

/// A line that opens a sign-off: a closing word alone on its line,
/// perhaps with a comma ("Best regards,", "Thanks!", "Cheers").
fn is_sign_off(line: &str) -> bool {
    let text = line
        .trim()
        .trim_end_matches([',', '.', '!', ' ', '-'])
        .to_lowercase();
    !text.is_empty() && text.len() <= 40 && CLOSINGS.contains(&text.as_str())
}

/// Whether a line holds a phone number: nine or more digits in one run of
/// digits, spaces, dashes, dots and brackets, written with a `+` or with
/// separators (a version such as 1.4.2 has too few digits).
fn has_phone_number(line: &str) -> bool {
    let mut digits = 0;
    let mut separated = false;
    for c in line.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if (digits == 0 && (c == '+' || c == '(')) || (digits > 0 && " -.()".contains(c)) {
            separated = true;
        } else {
            if digits >= 9 && separated {
                return true;
            }
            digits = 0;
            separated = false;
        }
    }
    digits >= 9 && separated
}

fn is_courtesy(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    paragraph.lines().count() <= 6
        && heading(paragraph.lines().next().unwrap_or_default()).is_none()
        && (COURTESIES.iter().any(|c| lower.contains(c)) || paragraph.lines().any(has_phone_number))
}

/// The body without what closes it: PGP armour and signature blocks, the
/// signature after its delimiter, and the sign-off block are dropped
/// (their line count is returned); trailing closing paragraphs are
/// returned apart, for the description.
fn without_closing(body: &str) -> (String, String, usize) {
    let mut lines: Vec<&str> = Vec::new();
    let mut dropped = 0;
    let mut in_signature_block = false;
    let mut in_armour_header = false;
    for line in body.lines() {
        let t = line.trim();
        if t == "-----BEGIN PGP SIGNED MESSAGE-----" {
            in_armour_header = true;
            dropped += 1;
            continue;
        }
        if in_armour_header {
            // "Hash: SHA256" lines, up to the blank line that ends them.
            dropped += usize::from(!t.is_empty());
            in_armour_header = !t.is_empty();
            continue;
        }
        if t.starts_with("-----BEGIN PGP SIGNATURE") || t.starts_with("-----BEGIN PGP PUBLIC KEY") {
            in_signature_block = true;
        }
        if in_signature_block {
            dropped += usize::from(!t.is_empty());
            if t.starts_with("-----END PGP") {
                in_signature_block = false;
            }
            continue;
        }
        lines.push(line);
    }
    // The signature: from its delimiter to the end, when what follows is
    // short enough to be one (a lone "--" can also be a line of a PoC).
    if let Some(at) = lines.iter().position(|l| is_signature_delimiter(l))
        && lines.len() - at <= 12
    {
        dropped += text_lines(&lines[at..].join("\n"));
        lines.truncate(at);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    // The sign-off: a closing word and at most a few short lines after it
    // (a name, a title, a phone number).
    if let Some(at) = lines.iter().rposition(|l| is_sign_off(l))
        && lines.len() - at <= 7
        && lines[at + 1..].iter().all(|l| l.chars().count() <= 80)
        && at > 0
    {
        dropped += text_lines(&lines[at..].join("\n"));
        lines.truncate(at);
    }
    let text = lines.join("\n");
    let mut paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut closing = Vec::new();
    while paragraphs.len() > 1 && paragraphs.last().is_some_and(|p| is_courtesy(p)) {
        closing.push(paragraphs.pop().unwrap_or_default());
    }
    closing.reverse();
    (paragraphs.join("\n\n"), closing.join("\n\n"), dropped)
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
        assert_eq!(s.dropped_lines, 3);
        let s = split_sections("Hi\n\nbest practice is ignored here");
        assert_eq!(
            s.description.as_deref(),
            Some("best practice is ignored here")
        );
    }

    #[test]
    fn signatures_in_every_spelling_never_reach_a_section() {
        for delimiter in ["-- ", "--", "--=20"] {
            let body = format!(
                "The bug.\n\nSuggested fix:\nCanonicalise the path.\n{delimiter}\nAda Lovelace\n+44 20 7946 0958\n"
            );
            let s = split_sections(&body);
            assert_eq!(
                s.remediation.as_deref(),
                Some("Canonicalise the path."),
                "{delimiter:?}"
            );
            assert_eq!(s.dropped_lines, 3, "{delimiter:?}");
        }
    }

    #[test]
    fn a_sign_off_without_a_blank_line_and_pgp_armour_are_dropped() {
        let body = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n\
            The parser overflows.\n\nImpact:\nA crash.\nBest regards,\nRené Dupont\n\
            Security researcher\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n=abcd\n\
            -----END PGP SIGNATURE-----\n";
        let s = split_sections(body);
        assert_eq!(s.description.as_deref(), Some("The parser overflows."));
        assert_eq!(s.impact.as_deref(), Some("A crash."));
        assert!(s.dropped_lines >= 9, "{}", s.dropped_lines);
    }

    #[test]
    fn closing_paragraphs_go_to_the_description_not_the_last_section() {
        let body = "The upload handler joins paths.\n\n\
            Suggested fix:\nCanonicalise the path.\n\n\
            I am presenting this at a conference on 20 March, so please let me know \
            your timeline. You can reach me on +1 (555) 010-0199.\n\n\
            Thanks,\nAda\n";
        let s = split_sections(body);
        assert_eq!(s.remediation.as_deref(), Some("Canonicalise the path."));
        let description = s.description.unwrap();
        assert!(description.starts_with("The upload handler joins paths.\n\nI am presenting"));
        assert!(description.contains("+1 (555) 010-0199"));
        assert_eq!(s.dropped_lines, 2);
    }

    #[test]
    fn sections_say_what_went_where() {
        let s = split_sections("Hi,\n\nThe bug.\nMore.\n\nImpact:\nbad\n-- \nAda\n");
        assert_eq!(
            s.summary(),
            "description 2 lines, impact 1 line; 3 lines of greeting, sign-off and signature left out"
        );
    }

    #[test]
    fn phone_numbers_but_not_versions() {
        assert!(has_phone_number("Call +44 20 7946 0958 any time"));
        assert!(has_phone_number("(555) 010-0199"));
        assert!(!has_phone_number("fixed in 1.4.2 and 10.20.30"));
        assert!(!has_phone_number("commit 3f2a9c1e0b8d7a6f5e4d"));
        assert!(!has_phone_number("1234567890123"));
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
