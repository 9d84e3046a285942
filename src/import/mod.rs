//! Records that already exist elsewhere, read into the terms of a case:
//! OSV records, CVE JSON 5 records and GitHub repository security
//! advisories (as the REST API returns them). Pure: bytes in, records or
//! complaints out, each complaint with the JSON path it is about. The
//! command (`commands/import.rs`) decides what becomes of them in the store.
//!
//! A record is refused whole when keeping it would lose something it says
//! (an OSV range with both `fixed` and `last_affected`, an unknown range
//! type, a version range that cannot be written as OSV events): nothing of
//! it is imported. Whatever a record says that a case has no field for is
//! not a reason to refuse it: the record is kept verbatim on the case.

mod cve;
mod github;
mod ids;
mod node;
mod osv;

use serde_json::Value;

use crate::model::case::{RecordFormat, RecordImport};

pub use cve::{Taken, package_of as cve_package_of, versions_of as cve_versions_of};
pub use node::RecordError;

/// One record found in a file: where it is (`$`, `$[3]`) and what it says.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: String,
    pub record: Result<RecordImport, RecordError>,
}

/// Why a whole file could not be read as records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("{0}")]
    NoRecords(String),
}

/// Parses a file's bytes into the records it holds: one record, or an
/// array of them. `format` forces a format; else each record's is
/// recognised from its keys.
pub fn read(bytes: &[u8], format: Option<RecordFormat>) -> Result<Vec<Found>, FileError> {
    // Several JSON values one after the other (`gh api --paginate` prints
    // one array per page; JSON Lines) are read in turn.
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_slice(bytes).into_iter::<Value>() {
        values.push(value.map_err(|e| {
            FileError::NotJson(format!(
                "{} at line {}, column {}",
                describe_json_error(&e),
                e.line(),
                e.column()
            ))
        })?);
    }
    let several = values.len() > 1;
    let mut out = Vec::new();
    for (n, value) in values.iter().enumerate() {
        let root = if several {
            format!("(value {}) $", n + 1)
        } else {
            "$".to_owned()
        };
        let records: Vec<(String, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{root}[{i}]"), v))
                .collect(),
            Value::Object(_) => vec![(root, value)],
            other => {
                return Err(FileError::NoRecords(format!(
                    "{root}: expected a record (an object) or an array of records, found {}",
                    node::kind(other)
                )));
            }
        };
        for (path, value) in records {
            out.push(Found {
                record: read_one(value, &path, format),
                path,
            });
        }
    }
    if out.is_empty() {
        return Err(FileError::NoRecords(
            "no records (an empty file or array)".into(),
        ));
    }
    Ok(out)
}

fn describe_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json ends its message with " at line L column C"; say it once.
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Which format a record is in, from the keys only that format has.
pub fn detect(value: &Value) -> Option<RecordFormat> {
    let obj = value.as_object()?;
    if obj.get("dataType").and_then(Value::as_str) == Some("CVE_RECORD")
        || obj.contains_key("cveMetadata")
    {
        return Some(RecordFormat::Cve);
    }
    if obj.contains_key("ghsa_id") {
        return Some(RecordFormat::Github);
    }
    if obj.contains_key("id") && (obj.contains_key("modified") || obj.contains_key("affected")) {
        return Some(RecordFormat::Osv);
    }
    None
}

/// An OSV range as a case holds it, if it is a valid one (for exports that
/// write a kept record back).
pub fn osv_range(value: &Value) -> Option<crate::model::case::Range> {
    osv::range(&node::At::root(value, "$")).ok()
}

/// Reads one record again (a record a case keeps), in its known format.
pub fn read_record(value: &Value, format: RecordFormat) -> Result<RecordImport, RecordError> {
    read_one(value, "$", Some(format))
}

fn read_one(
    value: &Value,
    path: &str,
    format: Option<RecordFormat>,
) -> Result<RecordImport, RecordError> {
    let at = node::At::root(value, path);
    at.object()?;
    let Some(format) = format.or_else(|| detect(value)) else {
        return Err(at.error(
            "not a record of a known format: expected an OSV record (`id`, `modified`), \
             a CVE JSON 5 record (`dataType`: `CVE_RECORD`) or a GitHub security advisory \
             (`ghsa_id`)",
        ));
    };
    match format {
        RecordFormat::Osv => osv::read(&at),
        RecordFormat::Cve => cve::read(&at),
        RecordFormat::Github => github::read(&at),
    }
}

#[cfg(test)]
mod tests;
