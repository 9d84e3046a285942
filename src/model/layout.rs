//! The store's layout and the JSON form of its files: names the store, the
//! merge and the commands share, so a file is found and written one way.

use serde::Serialize;

pub const POLICY_FILE: &str = "policy.json";
pub const CASES_DIR: &str = "cases";
/// Where `publish` writes each advisory's files, one directory per advisory ID.
pub const ADVISORIES_DIR: &str = "advisories";

/// Pretty JSON with a trailing newline: the on-disk form of every file.
pub fn to_json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("model types always serialise");
    bytes.push(b'\n');
    bytes
}

/// `value` as it appears inside a pretty JSON array (indented one level, no
/// separator), so a long array can be printed a piece at a time and still
/// read exactly as the whole array printed at once.
pub fn json_array_element<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).expect("output types serialise");
    // Pretty JSON escapes newlines inside strings, so every '\n' is a line break.
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    out.push_str("  ");
    out.push_str(&text.replace('\n', "\n  "));
    out
}
