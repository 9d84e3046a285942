//! The rules of the EU Cyber Resilience Act's Article 14 (Regulation (EU)
//! 2024/2847) that the tool applies when the policy's `cra` switch is on:
//! the three reports owed for an actively exploited vulnerability and their
//! time limits, the Member States a product is available in, and how
//! sensitive the notified information is.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// The early warning is due this long after becoming aware (Article 14(2)(a)).
pub const EARLY_WARNING_WITHIN: TimeDelta = TimeDelta::hours(24);
/// The vulnerability notification is due this long after becoming aware
/// (Article 14(2)(b)).
pub const NOTIFICATION_WITHIN: TimeDelta = TimeDelta::hours(72);
/// The final report is due this long after a corrective or mitigating
/// measure is available (Article 14(2)(c)).
pub const FINAL_REPORT_WITHIN: TimeDelta = TimeDelta::days(14);

/// One of the three reports Article 14(2) asks for. The kebab-case names
/// are the command line's and the case file's.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum CraReport {
    /// The early warning, within 24 hours of becoming aware (Article 14(2)(a))
    EarlyWarning,
    /// The vulnerability notification, within 72 hours (Article 14(2)(b))
    Notification,
    /// The final report, 14 days after a fix or mitigation (Article 14(2)(c))
    FinalReport,
}

impl CraReport {
    pub const ALL: [Self; 3] = [Self::EarlyWarning, Self::Notification, Self::FinalReport];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::EarlyWarning => "early-warning",
            Self::Notification => "notification",
            Self::FinalReport => "final-report",
        }
    }

    /// In words, as the article names it.
    pub fn words(self) -> &'static str {
        match self {
            Self::EarlyWarning => "early warning",
            Self::Notification => "vulnerability notification",
            Self::FinalReport => "final report",
        }
    }

    /// The point of Article 14(2) that asks for it.
    pub fn article(self) -> &'static str {
        match self {
            Self::EarlyWarning => "Article 14(2)(a)",
            Self::Notification => "Article 14(2)(b)",
            Self::FinalReport => "Article 14(2)(c)",
        }
    }

    /// When the report is due: `aware_at` plus 24 or 72 hours, or for the
    /// final report 14 days after the first measure (`measure_at`), counted
    /// from awareness when the measure was available before it (nothing is
    /// owed before the manufacturer is aware). `None` while the final
    /// report waits for a measure.
    pub fn due(
        self,
        aware_at: DateTime<Utc>,
        measure_at: Option<DateTime<Utc>>,
    ) -> Option<DateTime<Utc>> {
        match self {
            Self::EarlyWarning => Some(aware_at + EARLY_WARNING_WITHIN),
            Self::Notification => Some(aware_at + NOTIFICATION_WITHIN),
            Self::FinalReport => measure_at.map(|m| m.max(aware_at) + FINAL_REPORT_WITHIN),
        }
    }
}

impl fmt::Display for CraReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sensitive the manufacturer considers the notified information to be
/// (Article 14(2)(b)), in the Traffic Light Protocol's labels (TLP 2.0),
/// which CSIRTs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitivity {
    /// TLP:CLEAR, no limit on disclosure
    Clear,
    /// TLP:GREEN, the recipients' community
    Green,
    /// TLP:AMBER, the recipients' organisations and their clients, need to know
    Amber,
    /// TLP:AMBER+STRICT, the recipients' organisations only
    AmberStrict,
    /// TLP:RED, the named recipients only
    Red,
}

impl Sensitivity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Green => "green",
            Self::Amber => "amber",
            Self::AmberStrict => "amber-strict",
            Self::Red => "red",
        }
    }

    /// The TLP label, e.g. `TLP:AMBER+STRICT`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Clear => "TLP:CLEAR",
            Self::Green => "TLP:GREEN",
            Self::Amber => "TLP:AMBER",
            Self::AmberStrict => "TLP:AMBER+STRICT",
            Self::Red => "TLP:RED",
        }
    }
}

/// The 27 Member States of the European Union: ISO 3166-1 alpha-2 code and
/// English short name, in the EU's protocol order.
const MEMBER_STATES: [(&str, &str); 27] = [
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("DE", "Germany"),
    ("EE", "Estonia"),
    ("IE", "Ireland"),
    ("GR", "Greece"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("HR", "Croatia"),
    ("IT", "Italy"),
    ("CY", "Cyprus"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("HU", "Hungary"),
    ("MT", "Malta"),
    ("NL", "Netherlands"),
    ("AT", "Austria"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("RO", "Romania"),
    ("SI", "Slovenia"),
    ("SK", "Slovakia"),
    ("FI", "Finland"),
    ("SE", "Sweden"),
];

/// An EU Member State, by its ISO 3166-1 alpha-2 code. Greece is `GR` in
/// ISO 3166-1 and `EL` in the EU's own usage: both are accepted, and it is
/// stored as `GR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberState(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidMemberState(String);

impl MemberState {
    /// Every Member State, in protocol order.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..MEMBER_STATES.len()).map(|i| Self(i as u8))
    }

    /// The ISO 3166-1 alpha-2 code, e.g. `DE`.
    pub fn code(self) -> &'static str {
        MEMBER_STATES[usize::from(self.0)].0
    }

    pub fn name(self) -> &'static str {
        MEMBER_STATES[usize::from(self.0)].1
    }

    /// The accepted codes, for messages.
    pub fn accepted() -> String {
        let codes: Vec<&str> = Self::all().map(Self::code).collect();
        format!(
            "{} (ISO 3166-1 alpha-2; EL is accepted for Greece)",
            codes.join(", ")
        )
    }
}

impl fmt::Display for MemberState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for MemberState {
    type Err = InvalidMemberState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_uppercase();
        let code = if code == "EL" { "GR".to_owned() } else { code };
        if let Some(i) = MEMBER_STATES.iter().position(|(c, _)| *c == code) {
            return Ok(Self(i as u8));
        }
        let why = match code.as_str() {
            "GB" | "UK" => "the United Kingdom is not an EU Member State".to_owned(),
            "NO" | "IS" | "LI" => format!(
                "{code} is in the EEA but not an EU Member State; list the EU Member States only"
            ),
            "EU" => "name the Member States one by one, or write `all`".to_owned(),
            _ => format!("{:?} is not the code of an EU Member State", s.trim()),
        };
        Err(InvalidMemberState(format!(
            "{why}; accepted: {}",
            Self::accepted()
        )))
    }
}

crate::model::serde_str::serde_as_str!(MemberState);

/// A list of Member States as typed: codes separated by commas or spaces,
/// or `all`. Returned sorted in protocol order, without repeats.
pub fn parse_member_states(text: &str) -> Result<Vec<MemberState>, InvalidMemberState> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(MemberState::all().collect());
    }
    let mut out = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        out.push(part.parse::<MemberState>()?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// `Germany (DE), Greece (GR)`.
pub fn member_states_words(states: &[MemberState]) -> String {
    states
        .iter()
        .map(|s| format!("{} ({})", s.name(), s.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn member_states_take_iso_codes_and_el_for_greece() {
        assert_eq!("de".parse::<MemberState>().unwrap().code(), "DE");
        assert_eq!("EL".parse::<MemberState>().unwrap().code(), "GR");
        assert_eq!("gr".parse::<MemberState>().unwrap().name(), "Greece");
        assert_eq!(MemberState::all().count(), 27);
        for bad in ["UK", "GB", "NO", "CH", "EU", "", "DEU", "XX"] {
            let err = bad.parse::<MemberState>().unwrap_err().to_string();
            assert!(err.contains("accepted: BE, BG"), "{bad}: {err}");
        }
        let list = parse_member_states("fr, EL de,DE").unwrap();
        assert_eq!(
            list.iter().map(|s| s.code()).collect::<Vec<_>>(),
            ["DE", "GR", "FR"]
        );
        assert_eq!(member_states_words(&list[..1]), "Germany (DE)");
        assert_eq!(parse_member_states("ALL").unwrap().len(), 27);
        assert!(parse_member_states("").unwrap().is_empty());
        assert!(parse_member_states("DE, UK").is_err());
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(json, r#"["DE","GR","FR"]"#);
        assert!(serde_json::from_str::<Vec<MemberState>>(r#"["XX"]"#).is_err());
    }

    #[test]
    fn the_three_reports_fall_due_after_awareness_and_the_first_measure() {
        let aware = at("2026-09-14T10:00:00Z");
        assert_eq!(
            CraReport::EarlyWarning.due(aware, None),
            Some(at("2026-09-15T10:00:00Z"))
        );
        assert_eq!(
            CraReport::Notification.due(aware, None),
            Some(at("2026-09-17T10:00:00Z"))
        );
        assert_eq!(CraReport::FinalReport.due(aware, None), None);
        assert_eq!(
            CraReport::FinalReport.due(aware, Some(at("2026-09-20T08:00:00Z"))),
            Some(at("2026-10-04T08:00:00Z"))
        );
        // A fix that shipped before anyone knew of the exploitation counts
        // from awareness.
        assert_eq!(
            CraReport::FinalReport.due(aware, Some(at("2026-09-01T00:00:00Z"))),
            Some(at("2026-09-28T10:00:00Z"))
        );
    }
}
