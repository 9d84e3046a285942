//! Attachment names from an email are untrusted: `safe_name` turns any of
//! them into one plain file name that cannot leave `attachments/<ID>/`,
//! hide itself, or trip a file system; `SafeNames` keeps them unique.

use std::collections::BTreeSet;

use sha2::{Digest as _, Sha256};

/// Longest stored name in bytes, well under every file system's limit.
const MAX_NAME_BYTES: usize = 100;
const FALLBACK: &str = "attachment";

/// Names Windows refuses whatever the extension; stores are cloned there too.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name safe to join to a directory: the last path component only,
/// no control or separator characters, no leading dot, at most
/// `MAX_NAME_BYTES` bytes, never empty.
pub fn safe_name(untrusted: Option<&str>) -> String {
    let raw = untrusted.unwrap_or_default();
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut name: String = last
        .chars()
        .map(|c| {
            if c.is_control()
                || is_invisible(c)
                || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|')
            {
                '_'
            } else if c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    name = name.trim_matches(|c: char| c == ' ' || c == '.').to_owned();
    if name.is_empty() {
        return FALLBACK.to_owned();
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    // `git~1` is the short name of `.git` on Windows; git refuses to track it.
    if RESERVED.contains(&stem.as_str()) || name.eq_ignore_ascii_case("git~1") {
        name.insert(0, '_');
    }
    truncate(&name, MAX_NAME_BYTES)
}

/// Bidirectional overrides and zero-width characters make a name read
/// differently from what it is (`invoice\u{202E}fdp.exe`).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Cuts `name` to `max` bytes on a character boundary, keeping a short extension.
fn truncate(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let ext = name
        .rfind('.')
        .map(|i| &name[i..])
        .filter(|e| e.len() <= 16)
        .unwrap_or("");
    let mut end = max - ext.len();
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let stem = name[..end].trim_end_matches(['.', ' ']);
    format!("{stem}{ext}")
}

/// Hands out unique names (case-insensitively, for case-folding file
/// systems) in one attachments directory.
#[derive(Debug, Default)]
pub struct SafeNames {
    taken: BTreeSet<String>,
}

impl SafeNames {
    /// Starts with the names already stored for a case.
    pub fn new<'a>(existing: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: existing.into_iter().map(str::to_lowercase).collect(),
        }
    }

    /// A safe, unused name for `untrusted`: `poc.py`, then `poc-2.py`, ...
    pub fn claim(&mut self, untrusted: Option<&str>) -> String {
        let base = safe_name(untrusted);
        let (stem, ext) = match base.rfind('.') {
            Some(i) if i > 0 => base.split_at(i),
            _ => (base.as_str(), ""),
        };
        let mut candidate = base.clone();
        let mut n = 1;
        while self.taken.contains(&candidate.to_lowercase()) {
            n += 1;
            let suffix = format!("-{n}{ext}");
            candidate = format!("{}{suffix}", truncate(stem, MAX_NAME_BYTES - suffix.len()));
        }
        self.taken.insert(candidate.to_lowercase());
        candidate
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_plain(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= MAX_NAME_BYTES
            && !name.starts_with('.')
            && !name.contains(['/', '\\', '\0'])
            && !name.chars().any(char::is_control)
            && name != "."
            && name != ".."
    }

    #[test]
    fn hostile_names_become_plain_names() {
        for (raw, want) in [
            (Some("../../etc/passwd"), "passwd"),
            (Some("..\\..\\boot.ini"), "boot.ini"),
            (Some("poc\0.py"), "poc_.py"),
            (Some("a\r\nb.txt"), "a__b.txt"),
            (Some(".bashrc"), "bashrc"),
            (Some(".."), "attachment"),
            (Some("..."), "attachment"),
            (Some(""), "attachment"),
            (None, "attachment"),
            (Some("/"), "attachment"),
            (Some("CON.txt"), "_CON.txt"),
            (Some(".git"), "git"),
            (Some("GIT~1"), "_GIT~1"),
            (Some("x\u{202E}fdp.exe"), "x_fdp.exe"),
            (Some("report .pdf. "), "report .pdf"),
        ] {
            assert_eq!(safe_name(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn long_names_keep_their_extension_and_char_boundaries() {
        let name = safe_name(Some(&format!("{}.tar.gz", "é".repeat(300))));
        assert!(name.len() <= MAX_NAME_BYTES, "{}", name.len());
        assert!(name.ends_with(".gz"));
        assert!(is_plain(&name));
    }

    #[test]
    fn duplicates_get_numbered() {
        let mut names = SafeNames::new(["poc.py"]);
        assert_eq!(names.claim(Some("poc.py")), "poc-2.py");
        assert_eq!(names.claim(Some("sub/POC.py")), "POC-3.py");
        assert_eq!(names.claim(None), "attachment");
        assert_eq!(names.claim(Some("..")), "attachment-2");
    }

    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_name_is_plain(raw in proptest::prelude::any::<String>()) {
            proptest::prop_assert!(is_plain(&safe_name(Some(&raw))));
            let mut names = SafeNames::default();
            let a = names.claim(Some(&raw));
            let b = names.claim(Some(&raw));
            proptest::prop_assert!(is_plain(&a) && is_plain(&b) && a != b);
        }
    }
}
