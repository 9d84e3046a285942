//! What the terminal offers: its width, colour, and the display width of
//! text (a CJK character or an emoji takes two columns, a combining accent
//! none), so nothing printed for a terminal is wider than it.

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// The width of the terminal stdout is, if it is one and says.
pub fn stdout_columns() -> Option<usize> {
    #[cfg(unix)]
    {
        rustix::termios::tcgetwinsize(std::io::stdout())
            .ok()
            .map(|size| usize::from(size.ws_col))
            .filter(|&columns| columns > 0)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// A colour or weight for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Red,
    Yellow,
    Cyan,
    Bold,
    BoldRed,
    BoldYellow,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Self::Red => "31",
            Self::Yellow => "33",
            Self::Cyan => "36",
            Self::Bold => "1",
            Self::BoldRed => "1;31",
            Self::BoldYellow => "1;33",
        }
    }

    /// `text` wrapped in this style's escape codes.
    pub fn paint(self, text: &str) -> String {
        format!("\x1b[{}m{text}\x1b[0m", self.code())
    }
}

/// How many terminal columns `text` takes, grapheme by grapheme.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        // Control characters never reach a table (see `model::text`).
        return text.len();
    }
    text.graphemes(true).map(|g| g.width()).sum()
}

/// `text` cut to at most `columns` columns, ending in `…` when cut. A
/// character is never split, so a wide one that does not fit is left out
/// whole and the result may be a column narrower.
pub fn truncate(text: &str, columns: usize) -> std::borrow::Cow<'_, str> {
    if width(text) <= columns {
        return text.into();
    }
    if columns == 0 {
        return "".into();
    }
    let room = columns - 1;
    let mut used = 0;
    let mut end = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = g.width();
        if used + w > room {
            break;
        }
        used += w;
        end = at + g.len();
    }
    let kept = text[..end].trim_end();
    format!("{kept}…").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_counts_columns_not_bytes_or_chars() {
        assert_eq!(width("plain"), 5);
        assert_eq!(width("Überlauf"), 8);
        assert_eq!(width("漏洞报告"), 8);
        // e + combining acute accent: one column, two chars.
        assert_eq!(width("cafe\u{301}"), 4);
        assert_eq!(width("🔥 x"), 4);
    }

    #[test]
    fn truncation_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(truncate("Path traversal in upload", 10), "Path trav…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        // A space before the cut is not kept before the ellipsis.
        assert_eq!(truncate("Path traversal", 6), "Path…");
        for columns in 0..12 {
            for text in [
                "漏洞报告漏洞报告",
                "cafe\u{301} cre\u{300}me brûlée",
                "🔥🔥🔥🔥🔥🔥",
            ] {
                let cut = truncate(text, columns);
                assert!(width(&cut) <= columns, "{cut:?} at {columns}");
            }
        }
        // A wide character that does not fit is left out whole.
        assert_eq!(truncate("漏洞报告", 4), "漏…");
        // A combining accent stays with its letter.
        assert_eq!(truncate("cafe\u{301}s and more", 6), "cafe\u{301}s…");
    }
}
