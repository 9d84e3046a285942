//! Instants as users type them and as files store them, and the pure
//! due-date arithmetic of the policy clocks. Reading "now" is the app's job
//! (`app::clock`); everything here takes `now` as an argument.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeDelta, Utc};

use crate::model::duration::Duration;

/// An instant typed by a user: RFC 3339 (`2026-03-02T09:00:00Z`,
/// `2026-03-02T10:00:00+01:00`, or without the seconds, `2026-03-02T10:00+01:00`)
/// or a date (`2026-03-02`, midnight UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<Utc>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid time {0:?}: expected RFC 3339 with an offset (2026-03-02T09:00:00Z) or a date (2026-03-02)"
)]
pub struct InvalidTimestamp(String);

impl FromStr for Timestamp {
    type Err = InvalidTimestamp;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        if let Some(t) = with_offset(text) {
            return Ok(Self(t.with_timezone(&Utc)));
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            let midnight = NaiveDateTime::from(date);
            return Ok(Self(midnight.and_utc()));
        }
        Err(InvalidTimestamp(s.to_owned()))
    }
}

/// RFC 3339, or RFC 3339 without the seconds (as people write a time).
fn with_offset(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z").ok())
        .or_else(|| {
            let utc = text.strip_suffix(['Z', 'z'])?;
            NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M")
                .ok()
                .map(|t| t.and_utc().fixed_offset())
        })
}

/// An instant typed by a user, with the UTC offset it was typed in (an
/// embargo agreed for 15:00 in Berlin is shown as 15:00 +01:00, not only in
/// UTC). A date alone, or an offset of zero, keeps no offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZonedTimestamp {
    pub at: DateTime<Utc>,
    /// `+01:00`, `-04:00`; `None` for UTC.
    pub offset: Option<String>,
}

impl FromStr for ZonedTimestamp {
    type Err = InvalidTimestamp;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let at = s.parse::<Timestamp>()?.0;
        let offset = with_offset(s.trim())
            .map(|t| *t.offset())
            .filter(|o| o.local_minus_utc() != 0)
            .map(|o| o.to_string());
        Ok(Self { at, offset })
    }
}

/// `2026-12-22 15:00 +01:00` in the offset given (as `ZonedTimestamp`
/// keeps it), else `2026-12-22 14:00 UTC`.
pub fn in_offset(at: DateTime<Utc>, offset: Option<&str>) -> String {
    let zone = offset.and_then(|o| {
        DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{o}"))
            .ok()
            .map(|t| *t.offset())
    });
    match zone {
        Some(zone) => {
            let local = at.with_timezone::<FixedOffset>(&zone);
            format!("{} {zone}", local.format("%Y-%m-%d %H:%M"))
        }
        None => format!("{} UTC", at.format("%Y-%m-%d %H:%M")),
    }
}

/// RFC 3339 in UTC with seconds, as stored on disk.
pub fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A span in the largest two units that matter: `2d 3h`, `45m`.
pub fn span(delta: TimeDelta) -> String {
    let minutes = delta.num_minutes().abs();
    let (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (d, h) {
        (0, 0) => format!("{m}m"),
        (0, _) if m == 0 => format!("{h}h"),
        (0, _) => format!("{h}h {m}m"),
        (_, 0) => format!("{d}d"),
        _ => format!("{d}d {h}h"),
    }
}

/// `in 2d 3h` or `3h overdue`.
pub fn relative(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if due >= now {
        format!("in {}", span(due - now))
    } else {
        format!("{} overdue", span(now - due))
    }
}

/// A stretch of time during which the clocks were stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub since: DateTime<Utc>,
    /// `None` while the case is still paused.
    pub until: Option<DateTime<Utc>>,
}

/// When a clock started at `start` for `duration` falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", content = "at", rename_all = "kebab-case")]
pub enum Due {
    At(#[serde(with = "fast_serde")] DateTime<Utc>),
    /// The case is paused and the clock had not run out when it stopped.
    Paused,
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::At(at) => f.write_str(&rfc3339(*at)),
            Self::Paused => f.write_str("paused"),
        }
    }
}

/// The due time of a clock that ignores paused time: every pause that began
/// before the clock ran out pushes it back by the paused span.
pub fn due_with_pauses(start: DateTime<Utc>, duration: Duration, pauses: &[Pause]) -> Due {
    let mut due = duration.after(start);
    let mut sorted: Vec<_> = pauses.to_vec();
    sorted.sort_by_key(|p| p.since);
    for pause in sorted {
        if pause.since >= due {
            break;
        }
        let from = pause.since.max(start);
        match pause.until {
            None => return Due::Paused,
            Some(until) if until > from => due += until - from,
            Some(_) => {}
        }
    }
    Due::At(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn timestamps_accept_offsets_and_dates() {
        let t: Timestamp = "2026-03-02T10:00:00+01:00".parse().unwrap();
        assert_eq!(t.0, at("2026-03-02T09:00:00Z"));
        let short: Timestamp = "2026-03-02T10:00+01:00".parse().unwrap();
        assert_eq!(short.0, at("2026-03-02T09:00:00Z"));
        let short: Timestamp = "2026-03-02T09:00Z".parse().unwrap();
        assert_eq!(short.0, at("2026-03-02T09:00:00Z"));
        let d: Timestamp = "2026-03-02".parse().unwrap();
        assert_eq!(d.0, at("2026-03-02T00:00:00Z"));
        for bad in [
            "yesterday",
            "2026-13-01",
            "2026-03-02T09:00:00",
            "2026-03-02T09:00",
            "2026-03-02T09:00+1",
            "",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_zoned_timestamp_keeps_the_offset_it_was_typed_in() {
        let t: ZonedTimestamp = "2026-12-22T15:00+01:00".parse().unwrap();
        assert_eq!(t.at, at("2026-12-22T14:00:00Z"));
        assert_eq!(t.offset.as_deref(), Some("+01:00"));
        assert_eq!(
            in_offset(t.at, t.offset.as_deref()),
            "2026-12-22 15:00 +01:00"
        );
        let utc: ZonedTimestamp = "2026-12-22T15:00:00Z".parse().unwrap();
        assert_eq!(utc.offset, None);
        let day: ZonedTimestamp = "2026-12-22".parse().unwrap();
        assert_eq!((day.at, day.offset), (at("2026-12-22T00:00:00Z"), None));
        assert_eq!(in_offset(day.at, None), "2026-12-22 00:00 UTC");
        assert_eq!(in_offset(day.at, Some("nonsense")), "2026-12-22 00:00 UTC");
        assert!("soon".parse::<ZonedTimestamp>().is_err());
    }

    #[test]
    fn pauses_push_a_clock_back() {
        let start = at("2026-03-02T09:00:00Z");
        let d = Duration::hours(48);
        assert_eq!(
            due_with_pauses(start, d, &[]),
            Due::At(at("2026-03-04T09:00:00Z"))
        );
        let pause = Pause {
            since: at("2026-03-03T09:00:00Z"),
            until: Some(at("2026-03-04T09:00:00Z")),
        };
        assert_eq!(
            due_with_pauses(start, d, &[pause]),
            Due::At(at("2026-03-05T09:00:00Z"))
        );
        let open = Pause {
            since: at("2026-03-03T09:00:00Z"),
            until: None,
        };
        assert_eq!(due_with_pauses(start, d, &[open]), Due::Paused);
        let late = Pause {
            since: at("2026-03-05T09:00:00Z"),
            until: None,
        };
        assert_eq!(
            due_with_pauses(start, d, &[late]),
            Due::At(at("2026-03-04T09:00:00Z"))
        );
    }

    #[test]
    fn spans_read_compactly() {
        assert_eq!(span(TimeDelta::minutes(45)), "45m");
        assert_eq!(span(TimeDelta::hours(3)), "3h");
        assert_eq!(span(TimeDelta::hours(51)), "2d 3h");
        assert_eq!(
            relative(at("2026-03-02T09:00:00Z"), at("2026-03-02T12:00:00Z")),
            "3h overdue"
        );
    }
}

/// Serde for the instants of the summaries a large store reads and caches
/// by the hundred thousand: the same text as chrono's (`2026-03-02T09:00:00Z`),
/// written and read without its general parser and formatter, which cost
/// more than the rest of a summary. Anything else (fractions of a second,
/// offsets, years past 9999) goes through chrono.
pub mod fast_serde {
    use chrono::{DateTime, Datelike as _, NaiveDate, NaiveTime, Timelike as _, Utc};
    use serde::{Deserialize as _, Deserializer, Serialize as _, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        match format(t) {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => t.serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(Visitor)
    }

    /// `Option<DateTime<Utc>>`, as `serialize` and `deserialize`.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_some(&Fast(t)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            d.deserialize_option(OptionVisitor)
        }

        struct Fast<'a>(&'a DateTime<Utc>);

        impl serde::Serialize for Fast<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::serialize(self.0, s)
            }
        }

        struct OptionVisitor;

        impl<'de> serde::de::Visitor<'de> for OptionVisitor {
            type Value = Option<DateTime<Utc>>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an RFC 3339 instant or null")
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, when `t` has no fraction and a four-digit year.
    fn format(t: &DateTime<Utc>) -> Option<[u8; 20]> {
        let (year, nanos) = (t.year(), t.nanosecond());
        if !(0..=9999).contains(&year) || nanos != 0 {
            return None;
        }
        let mut out = *b"0000-00-00T00:00:00Z";
        let put = |out: &mut [u8; 20], at: usize, n: u32, width: usize| {
            let mut n = n;
            for i in (0..width).rev() {
                out[at + i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(&mut out, 0, year as u32, 4);
        put(&mut out, 5, t.month(), 2);
        put(&mut out, 8, t.day(), 2);
        put(&mut out, 11, t.hour(), 2);
        put(&mut out, 14, t.minute(), 2);
        put(&mut out, 17, t.second(), 2);
        Some(out)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` read directly; `None` for any other form.
    fn parse(text: &str) -> Option<DateTime<Utc>> {
        let b = text.as_bytes();
        if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
            return None;
        }
        if b[16] != b':' || b[19] != b'Z' {
            return None;
        }
        let num = |from: usize, to: usize| -> Option<u32> {
            b[from..to].iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
        let time = NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
        Some(date.and_time(time).and_utc())
    }

    struct Visitor;

    impl serde::de::Visitor<'_> for Visitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 instant")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            if let Some(t) = parse(text) {
                return Ok(t);
            }
            let value = serde::de::value::StrDeserializer::<E>::new(text);
            DateTime::<Utc>::deserialize(value)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn reads_and_writes_what_chrono_does(secs in -70_000_000_000i64..300_000_000_000, nanos in prop_oneof![Just(0u32), 0..2_000_000_000u32]) {
                let Some(t) = DateTime::<Utc>::from_timestamp(secs, nanos) else { return Ok(()) };
                let ours = serde_json::to_string(&Wrap(t)).unwrap();
                let theirs = serde_json::to_string(&t).unwrap();
                prop_assert_eq!(&ours, &theirs);
                let back: Wrap = serde_json::from_str(&theirs).unwrap();
                prop_assert_eq!(back.0, serde_json::from_str::<DateTime<Utc>>(&theirs).unwrap());
            }
        }

        #[test]
        fn other_forms_are_read_as_chrono_reads_them() {
            for text in [
                "2026-03-02T09:00:00Z",
                "2026-03-02T10:00:00+01:00",
                "2026-03-02T09:00:00.5Z",
                "2026-02-30T09:00:00Z",
                "2026-03-02T24:00:00Z",
                "2016-12-31T23:59:60Z",
                "2026-03-02 09:00:00Z",
                "not a time",
            ] {
                let json = format!("{text:?}");
                let ours = serde_json::from_str::<Wrap>(&json)
                    .map(|w| w.0)
                    .map_err(|e| e.to_string());
                let theirs =
                    serde_json::from_str::<DateTime<Utc>>(&json).map_err(|e| e.to_string());
                assert_eq!(ours, theirs, "{text}");
            }
        }

        #[derive(serde::Serialize, serde::Deserialize)]
        struct Wrap(#[serde(with = "super")] DateTime<Utc>);
    }
}
