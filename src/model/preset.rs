//! Reporters' disclosure policies (`project-zero`, `cert-cc`, `zdi`, or a
//! number of days) and the deadlines they set. No I/O.
//!
//! Project Zero's rule is the one with a twist: 90 days from the report, or
//! 30 days after a fix that was released before then (to let users patch),
//! and a 14-day grace on request. Its technical details come out by day 120
//! at the latest, so the "30 days after the fix" date is capped there.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};

/// A reporter's published disclosure policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Project Zero: 90 days, or 30 days after a fix released before then.
    ProjectZero {
        /// The 14-day grace Project Zero grants on request.
        grace: bool,
    },
    /// CERT/CC: 45 days.
    CertCc,
    /// Zero Day Initiative: 120 days.
    Zdi,
    /// A reporter's own number of days.
    Days(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid preset {0:?}: expected project-zero, project-zero+grace, cert-cc, zdi or a number of days (1 to 3650)"
)]
pub struct InvalidPreset(String);

/// Project Zero's patch-adoption period after a fix.
const P0_AFTER_FIX: TimeDelta = TimeDelta::days(30);
/// Project Zero's last day for technical details, grace or not.
const P0_LATEST: TimeDelta = TimeDelta::days(120);
const P0_GRACE: i64 = 14;

impl Preset {
    /// Days from the report to the reporter's disclosure.
    pub fn days(self) -> u32 {
        match self {
            Self::ProjectZero { grace: false } => 90,
            Self::ProjectZero { grace: true } => 90 + P0_GRACE as u32,
            Self::CertCc => 45,
            Self::Zdi => 120,
            Self::Days(n) => n,
        }
    }

    /// The disclosure instant for a report received at `received_at`.
    pub fn until(self, received_at: DateTime<Utc>) -> DateTime<Utc> {
        received_at + TimeDelta::days(i64::from(self.days()))
    }

    /// The deadline once fixes are known: `base` is the agreed instant,
    /// `all_fixed_at` when the last affected release got its released fix
    /// (`None` while any is missing).
    pub fn effective(
        self,
        base: DateTime<Utc>,
        received_at: DateTime<Utc>,
        all_fixed_at: Option<DateTime<Utc>>,
    ) -> DateTime<Utc> {
        match (self, all_fixed_at) {
            (Self::ProjectZero { .. }, Some(fixed)) if fixed < base => {
                (fixed + P0_AFTER_FIX).min(received_at + P0_LATEST)
            }
            _ => base,
        }
    }

    /// Words for status lines: "Project Zero (90 days)".
    pub fn describe(self) -> String {
        match self {
            Self::ProjectZero { grace: false } => {
                "Project Zero (90 days, or 30 days after a fix released before then)".to_owned()
            }
            Self::ProjectZero { grace: true } => {
                "Project Zero with the 14-day grace (104 days, or 30 days after a fix released before then)"
                    .to_owned()
            }
            Self::CertCc => "CERT/CC (45 days)".to_owned(),
            Self::Zdi => "ZDI (120 days)".to_owned(),
            Self::Days(n) => format!("{n} days"),
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ProjectZero { grace: false } => f.write_str("project-zero"),
            Self::ProjectZero { grace: true } => f.write_str("project-zero+grace"),
            Self::CertCc => f.write_str("cert-cc"),
            Self::Zdi => f.write_str("zdi"),
            Self::Days(n) => write!(f, "{n}d"),
        }
    }
}

impl FromStr for Preset {
    type Err = InvalidPreset;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim().to_ascii_lowercase();
        match text.as_str() {
            "project-zero" | "p0" => return Ok(Self::ProjectZero { grace: false }),
            "project-zero+grace" => return Ok(Self::ProjectZero { grace: true }),
            "cert-cc" | "certcc" | "cert" => return Ok(Self::CertCc),
            "zdi" => return Ok(Self::Zdi),
            _ => {}
        }
        let digits = text.strip_suffix('d').unwrap_or(&text);
        match digits.parse::<u32>() {
            Ok(n) if (1..=3650).contains(&n) && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(Self::Days(n))
            }
            _ => Err(InvalidPreset(s.to_owned())),
        }
    }
}

crate::model::serde_str::serde_as_str!(Preset);

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn presets_round_trip_and_know_their_days() {
        for (text, days) in [
            ("project-zero", 90),
            ("project-zero+grace", 104),
            ("cert-cc", 45),
            ("zdi", 120),
            ("60d", 60),
        ] {
            let p: Preset = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
            assert_eq!(p.days(), days, "{text}");
        }
        assert_eq!("60".parse::<Preset>().unwrap(), Preset::Days(60));
        for bad in ["", "0", "-5", "p1", "99999", "6 0", "+60"] {
            assert!(bad.parse::<Preset>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn project_zero_moves_to_thirty_days_after_an_early_fix() {
        let received = at("2026-03-02T09:00:00Z");
        let p0 = Preset::ProjectZero { grace: false };
        let base = p0.until(received);
        assert_eq!(base, at("2026-05-31T09:00:00Z"));
        assert_eq!(p0.effective(base, received, None), base);
        let fixed = at("2026-04-01T09:00:00Z");
        assert_eq!(
            p0.effective(base, received, Some(fixed)),
            at("2026-05-01T09:00:00Z")
        );
        // A fix on day 85 discloses on day 115; one after the deadline changes nothing.
        let late_fix = received + TimeDelta::days(85);
        assert_eq!(
            p0.effective(base, received, Some(late_fix)),
            received + TimeDelta::days(115)
        );
        let after = received + TimeDelta::days(95);
        assert_eq!(p0.effective(base, received, Some(after)), base);
        // Other presets ignore fixes.
        assert_eq!(Preset::CertCc.effective(base, received, Some(fixed)), base);
    }

    #[test]
    fn project_zero_grace_is_capped_at_day_120() {
        let received = at("2026-03-02T09:00:00Z");
        let p0 = Preset::ProjectZero { grace: true };
        let base = p0.until(received);
        let fixed = received + TimeDelta::days(100);
        assert_eq!(
            p0.effective(base, received, Some(fixed)),
            received + TimeDelta::days(120)
        );
    }
}
