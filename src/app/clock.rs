//! The one source of "now" (the system clock, or `DISCLOSE_NOW`) and the
//! display of instants in the user's local time zone.

use chrono::{DateTime, Local, Timelike as _, Utc};

use crate::error::{Error, Result};
use crate::model::time::Timestamp;

/// Where the current time comes from for this run.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    pub fn system() -> Self {
        Self { fixed: None }
    }

    pub fn fixed(now: DateTime<Utc>) -> Self {
        Self { fixed: Some(now) }
    }

    /// The clock for a run: `DISCLOSE_NOW` when set (and valid), else the system.
    pub fn from_env(now: Option<&str>) -> Result<Self> {
        match now {
            None => Ok(Self::system()),
            Some(text) => text
                .parse::<Timestamp>()
                .map(|t| Self::fixed(t.0))
                .map_err(|e| Error::input(format!("DISCLOSE_NOW: {e}"))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        // The only call of the system clock, so DISCLOSE_NOW reaches every timestamp.
        // Whole seconds: stored times stay short and outputs reproducible.
        #[allow(clippy::disallowed_methods)]
        let now = self.fixed.unwrap_or_else(Utc::now);
        now.with_nanosecond(0).unwrap_or(now)
    }
}

/// `2026-03-02 09:00 UTC`, plus the local time when the local zone differs.
pub fn human(at: DateTime<Utc>) -> String {
    let utc = at.format("%Y-%m-%d %H:%M UTC").to_string();
    let local = at.with_timezone(&Local);
    if local.offset().local_minus_utc() == 0 {
        utc
    } else {
        format!("{utc} ({} local)", local.format("%Y-%m-%d %H:%M %:z"))
    }
}

/// An instant in the offset it was agreed in, then in UTC:
/// `2026-12-22 15:00 +01:00 (2026-12-22 14:00 UTC)`; without an offset, as
/// `human` shows it.
pub fn zoned(at: DateTime<Utc>, offset: Option<&str>) -> String {
    match offset {
        Some(offset) => format!(
            "{} ({})",
            crate::model::time::in_offset(at, Some(offset)),
            at.format("%Y-%m-%d %H:%M UTC")
        ),
        None => human(at),
    }
}
