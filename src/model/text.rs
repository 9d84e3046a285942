//! Text from reporters and users, made safe to store and to print: no
//! control characters (a terminal escape in an email subject would rewrite
//! the maintainer's terminal) and no bidirectional overrides (which can make
//! text read differently from what it is).

/// Bidirectional embedding, override and isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A one-line field (a title, a name): control characters become spaces,
/// runs of spaces collapse, the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_bidi_control(c) {
            continue;
        }
        let c = if c.is_control() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// A multi-line field (a description, a note): line breaks and tabs stay
/// (CRLF becomes LF), other control characters are dropped, the ends are trimmed.
pub fn multi_line(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let kept: String = text
        .chars()
        .filter(|&c| (c == '\n' || c == '\t' || !c.is_control()) && !is_bidi_control(c))
        .collect();
    kept.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_lose_escapes_and_breaks() {
        assert_eq!(
            one_line("  XSS\x1b[31m in\r\nadmin\u{202E}  "),
            "XSS [31m in admin"
        );
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("\x00"), "");
    }

    #[test]
    fn multi_line_fields_keep_lines() {
        assert_eq!(multi_line("a\r\nb\tc\x07\n\u{2066}d "), "a\nb\tc\nd");
    }
}
