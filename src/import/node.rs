//! A JSON value with the path it was reached by (`$[2].affected[0].ranges[1]`),
//! so every complaint about a record says where in the file it is.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{Map, Value};

/// What is wrong with a record, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The JSON path of the offending value, from `$` (the file's top).
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

pub(super) type Result<T> = std::result::Result<T, RecordError>;

/// A value of a record and its path.
#[derive(Debug, Clone)]
pub(super) struct At<'a> {
    pub(super) value: &'a Value,
    pub(super) path: String,
}

impl<'a> At<'a> {
    pub(super) fn root(value: &'a Value, path: impl Into<String>) -> Self {
        Self {
            value,
            path: path.into(),
        }
    }

    pub(super) fn error(&self, message: impl Into<String>) -> RecordError {
        RecordError {
            path: self.path.clone(),
            message: message.into(),
        }
    }

    pub(super) fn object(&self) -> Result<&'a Map<String, Value>> {
        self.value
            .as_object()
            .ok_or_else(|| self.error(format!("expected an object, found {}", kind(self.value))))
    }

    /// The member `key`, if present and not null.
    pub(super) fn get(&self, key: &str) -> Option<Self> {
        let value = self.value.as_object()?.get(key)?;
        (!value.is_null()).then(|| At {
            value,
            path: child_path(&self.path, key),
        })
    }

    /// The member `key`, which must be present.
    pub(super) fn need(&self, key: &str) -> Result<Self> {
        self.object()?;
        self.get(key)
            .ok_or_else(|| self.error(format!("missing {key:?}")))
    }

    /// The elements of an array (none for null).
    pub(super) fn items(&self) -> Result<Vec<Self>> {
        match self.value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, value)| At {
                    value,
                    path: format!("{}[{i}]", self.path),
                })
                .collect()),
            other => Err(self.error(format!("expected an array, found {}", kind(other)))),
        }
    }

    /// The elements of the array `key` (none when absent or null).
    pub(super) fn list(&self, key: &str) -> Result<Vec<Self>> {
        match self.get(key) {
            Some(at) => at.items(),
            None => Ok(Vec::new()),
        }
    }

    pub(super) fn as_str(&self) -> Result<&'a str> {
        self.value
            .as_str()
            .ok_or_else(|| self.error(format!("expected a string, found {}", kind(self.value))))
    }

    /// The string member `key`, if present and not null.
    pub(super) fn str(&self, key: &str) -> Result<Option<&'a str>> {
        self.get(key).map(|at| at.as_str()).transpose()
    }

    /// The string member `key`, which must be present and not empty.
    pub(super) fn need_str(&self, key: &str) -> Result<&'a str> {
        let at = self.need(key)?;
        let s = at.as_str()?;
        if s.trim().is_empty() {
            return Err(at.error("must not be empty"));
        }
        Ok(s)
    }

    /// The strings of the array `key`.
    pub(super) fn strings(&self, key: &str) -> Result<Vec<String>> {
        self.list(key)?
            .iter()
            .map(|at| at.as_str().map(str::to_owned))
            .collect()
    }

    /// The time member `key`, if present: RFC 3339, or without an offset
    /// (read as UTC, as some CVE records write them). A time before 1970
    /// (Go's zero time, `0001-01-01T00:00:00Z`) says the record has none.
    pub(super) fn time(&self, key: &str) -> Result<Option<DateTime<Utc>>> {
        let Some(at) = self.get(key) else {
            return Ok(None);
        };
        let text = at.as_str()?;
        let parsed = DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .or_else(|_| {
                NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc())
            })
            .map_err(|_| at.error(format!("{text:?} is not a time (expected RFC 3339)")))?;
        Ok((parsed.timestamp() >= 0).then_some(parsed))
    }
}

fn child_path(parent: &str, key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !key.is_empty() {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{key:?}]")
    }
}

/// A value's JSON type, for messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
