//! Policy durations: `48h`, `7d`, `90d`, `2w`, and business days `5bd`.
//!
//! Calendar units add exact spans of time. Business days skip Saturdays and
//! Sundays (in UTC): a `2bd` clock started on a Friday is due on Tuesday at
//! the same time of day.
//!
//! A promise of the policy is a duration or `off` (`Option<Duration>`): a
//! project that promises nothing about updates has no update clock, no
//! finding and no sentence about it. Zero is refused as a promise: it would
//! be due the moment a report arrives.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, TimeDelta, Utc, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Minutes,
    Hours,
    Days,
    Weeks,
    BusinessDays,
}

impl Unit {
    fn suffix(self) -> &'static str {
        match self {
            Self::Minutes => "m",
            Self::Hours => "h",
            Self::Days => "d",
            Self::Weeks => "w",
            Self::BusinessDays => "bd",
        }
    }
}

/// A span such as `48h`; `Display` gives back exactly what `FromStr` took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid duration {0:?}: expected a whole number and a unit, e.g. 48h, 7d, 2w or 5bd (business days)"
)]
pub struct InvalidDuration(String);

/// Longest span accepted: ten years, so adding it to any date cannot overflow.
const MAX_MINUTES: i64 = 10 * 366 * 24 * 60;

impl Duration {
    pub const fn hours(amount: u32) -> Self {
        Self {
            amount,
            unit: Unit::Hours,
        }
    }

    pub const fn days(amount: u32) -> Self {
        Self {
            amount,
            unit: Unit::Days,
        }
    }

    pub const fn business_days(amount: u32) -> Self {
        Self {
            amount,
            unit: Unit::BusinessDays,
        }
    }

    /// The exact span of a calendar unit; business days have none.
    pub fn as_delta(self) -> Option<TimeDelta> {
        let n = i64::from(self.amount);
        match self.unit {
            Unit::Minutes => Some(TimeDelta::minutes(n)),
            Unit::Hours => Some(TimeDelta::hours(n)),
            Unit::Days => Some(TimeDelta::days(n)),
            Unit::Weeks => Some(TimeDelta::weeks(n)),
            Unit::BusinessDays => None,
        }
    }

    /// Roughly how long this is, for comparing spans of different units.
    pub fn approx_delta(self) -> TimeDelta {
        self.as_delta()
            .unwrap_or_else(|| TimeDelta::days(i64::from(self.amount) * 7 / 5))
    }

    /// `start` plus this duration.
    pub fn after(self, start: DateTime<Utc>) -> DateTime<Utc> {
        if let Some(delta) = self.as_delta() {
            return start + delta;
        }
        let mut at = start;
        // A clock that starts on a weekend starts counting on Monday.
        while is_weekend(at) {
            at += TimeDelta::days(1);
        }
        let mut left = self.amount;
        while left > 0 {
            at += TimeDelta::days(1);
            if !is_weekend(at) {
                left -= 1;
            }
        }
        at
    }

    /// Words for prose: "48 hours", "7 days", "5 business days".
    pub fn in_words(self) -> String {
        let (one, many) = match self.unit {
            Unit::Minutes => ("minute", "minutes"),
            Unit::Hours => ("hour", "hours"),
            Unit::Days => ("day", "days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::BusinessDays => ("business day", "business days"),
        };
        format!(
            "{} {}",
            self.amount,
            if self.amount == 1 { one } else { many }
        )
    }
}

fn is_weekend(at: DateTime<Utc>) -> bool {
    matches!(at.weekday(), Weekday::Sat | Weekday::Sun)
}

impl FromStr for Duration {
    type Err = InvalidDuration;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidDuration(s.to_owned());
        let text = s.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .ok_or_else(invalid)?;
        let (number, suffix) = text.split_at(split);
        let unit = match suffix.trim().to_ascii_lowercase().as_str() {
            "m" | "min" => Unit::Minutes,
            "h" => Unit::Hours,
            "d" => Unit::Days,
            "w" => Unit::Weeks,
            "bd" => Unit::BusinessDays,
            _ => return Err(invalid()),
        };
        let amount: u32 = number.parse().map_err(|_| invalid())?;
        let duration = Self { amount, unit };
        if duration.approx_delta().num_minutes() > MAX_MINUTES {
            return Err(invalid());
        }
        Ok(duration)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

crate::model::serde_str::serde_as_str!(Duration);

/// The word for a promise the project does not make.
pub const OFF: &str = "off";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPromise {
    #[error(transparent)]
    Duration(#[from] InvalidDuration),
    #[error(
        "invalid duration {0:?}: zero promises nothing and would be due at once; write `off` for a promise the project does not make"
    )]
    Zero(String),
}

/// A promise as typed: `off` (or `none`, or nothing) for no promise, else a
/// duration that is not zero.
pub fn parse_promise(s: &str) -> Result<Option<Duration>, InvalidPromise> {
    let text = s.trim();
    if text.is_empty() || text.eq_ignore_ascii_case(OFF) || text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let duration: Duration = text.parse()?;
    if duration.amount == 0 {
        return Err(InvalidPromise::Zero(s.to_owned()));
    }
    Ok(Some(duration))
}

/// A promise as a flag's value: `48h`, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promise(pub Option<Duration>);

impl FromStr for Promise {
    type Err = InvalidPromise;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_promise(s).map(Self)
    }
}

/// A promise as stored and as `policy set` takes it: `48h`, or `off`.
pub fn promise_text(promise: Option<Duration>) -> String {
    promise.map_or_else(|| OFF.to_owned(), |d| d.to_string())
}

/// A promise in words: `48 hours`, or `no promise`.
pub fn promise_words(promise: Option<Duration>) -> String {
    promise.map_or_else(|| "no promise".to_owned(), Duration::in_words)
}

/// Serde for an optional promise: `"48h"` or `"off"`. A zero duration in
/// a file (the only way to say "no promise" before `off` existed) reads as
/// `off`, so old policies and cases keep loading.
pub mod promise {
    use super::{Duration, OFF};

    pub fn serialize<S: serde::Serializer>(
        value: &Option<Duration>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => serializer.collect_str(d),
            None => serializer.serialize_str(OFF),
        }
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Duration>, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        if text.trim().eq_ignore_ascii_case(OFF) {
            return Ok(None);
        }
        let duration: Duration = text.parse().map_err(serde::de::Error::custom)?;
        Ok((duration.amount > 0).then_some(duration))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_displays_round_trip() {
        for s in ["48h", "7d", "90d", "5bd", "2w", "30m", "0d"] {
            assert_eq!(s.parse::<Duration>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_durations() {
        for s in [
            "",
            "h",
            "48",
            "-1d",
            "1.5d",
            "7x",
            "d7",
            "99999999d",
            "4 8h",
        ] {
            assert!(s.parse::<Duration>().is_err(), "{s:?}");
        }
    }

    #[test]
    fn calendar_units_add_exact_spans() {
        let start = at("2026-03-02T09:00:00Z");
        assert_eq!(
            "48h".parse::<Duration>().unwrap().after(start),
            at("2026-03-04T09:00:00Z")
        );
        assert_eq!(
            "2w".parse::<Duration>().unwrap().after(start),
            at("2026-03-16T09:00:00Z")
        );
    }

    #[test]
    fn business_days_skip_weekends() {
        // 2026-03-06 is a Friday.
        let friday = at("2026-03-06T15:00:00Z");
        assert_eq!(
            Duration::business_days(2).after(friday),
            at("2026-03-10T15:00:00Z")
        );
        assert_eq!(
            Duration::business_days(1).after(friday),
            at("2026-03-09T15:00:00Z")
        );
        assert_eq!(
            Duration::business_days(5).after(friday),
            at("2026-03-13T15:00:00Z")
        );
        let saturday = at("2026-03-07T10:00:00Z");
        assert_eq!(
            Duration::business_days(1).after(saturday),
            at("2026-03-10T10:00:00Z")
        );
    }

    #[test]
    fn promises_are_a_duration_or_off_and_never_zero() {
        assert_eq!(parse_promise("48h"), Ok(Some(Duration::hours(48))));
        for off in ["off", "OFF", " none ", ""] {
            assert_eq!(parse_promise(off), Ok(None), "{off:?}");
        }
        for zero in ["0d", "0h", "0bd"] {
            let err = parse_promise(zero).unwrap_err().to_string();
            assert!(err.contains("write `off`"), "{err}");
        }
        assert!(parse_promise("soon").is_err());
        assert_eq!(promise_text(None), "off");
        assert_eq!(promise_text(Some(Duration::days(7))), "7d");
        assert_eq!(promise_words(None), "no promise");
    }

    #[test]
    fn stored_promises_read_zero_as_off() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct P(#[serde(with = "promise")] Option<Duration>);
        let read = |s: &str| serde_json::from_str::<P>(s).unwrap().0;
        assert_eq!(read("\"7d\""), Some(Duration::days(7)));
        assert_eq!(read("\"off\""), None);
        assert_eq!(read("\"0d\""), None);
        assert!(serde_json::from_str::<P>("\"soon\"").is_err());
        assert_eq!(serde_json::to_string(&P(None)).unwrap(), "\"off\"");
    }

    #[test]
    fn words_read_naturally() {
        assert_eq!(Duration::hours(48).in_words(), "48 hours");
        assert_eq!(Duration::business_days(1).in_words(), "1 business day");
    }
}
