//! The team's promises (`policy.json`): SLA durations, maintained releases,
//! contact and the identifiers used in published advisories.

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

pub const DEFAULT_PREFIX: &str = "DISC";

/// `policy.json`. Unknown keys are refused so a typo cannot silently turn a
/// promise off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The project name, used in advisory IDs (`<PROJECT>-SA-2026-001`) and prose.
    pub project: Option<String>,
    /// Where reporters write, e.g. `security@example.org`.
    pub contact: Option<String>,
    /// The vendor named in CVE records.
    pub vendor: Option<String>,
    /// The CNA's organisation UUID, for CVE records' `providerMetadata.orgId`.
    pub cna_org_id: Option<String>,
    /// Prefix of case IDs (`DISC-2026-K7Q3M`).
    pub id_prefix: String,
    /// Answer a new report within this long.
    pub ack_within: Duration,
    /// Keep the reporter informed at least this often.
    pub update_every: Duration,
    /// Publish within this long of receiving the report, unless an embargo says otherwise.
    pub disclose_within: Duration,
    /// Releases that get fixes, e.g. `{"name": "1.4", "range": ">=1.4.0, <1.5.0"}`.
    pub maintained_releases: Vec<MaintainedRelease>,
    /// The package a case is about when none is named.
    pub default_package: Option<Package>,
    /// Whether `publish` waits for a CVE ID (`disclose assign ID --cve ...`).
    pub require_cve: bool,
    /// The project's public source repository (`https://...`), for links to
    /// fix commits and pull requests and for GIT ranges in OSV records.
    pub repository: Option<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            project: None,
            contact: None,
            vendor: None,
            cna_org_id: None,
            id_prefix: DEFAULT_PREFIX.to_owned(),
            ack_within: Duration::hours(48),
            update_every: Duration::days(7),
            disclose_within: Duration::days(90),
            maintained_releases: Vec::new(),
            default_package: None,
            require_cve: false,
            repository: None,
        }
    }
}

impl Policy {
    /// The SLA durations a new case keeps for its whole life.
    pub fn slas(&self) -> Slas {
        Slas {
            ack_within: self.ack_within,
            update_every: self.update_every,
            disclose_within: self.disclose_within,
        }
    }
}

/// The durations in force when a case was opened, copied into it so a later
/// policy change does not move old deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slas {
    pub ack_within: Duration,
    pub update_every: Duration,
    pub disclose_within: Duration,
}

impl Default for Slas {
    fn default() -> Self {
        Policy::default().slas()
    }
}

/// A release line that receives fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintainedRelease {
    pub name: String,
    /// A semver requirement such as `>=1.4.0, <1.5.0`.
    pub range: String,
}

/// A package as OSV names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub ecosystem: String,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_design() {
        let p = Policy::default();
        assert_eq!(p.ack_within.to_string(), "48h");
        assert_eq!(p.update_every.to_string(), "7d");
        assert_eq!(p.disclose_within.to_string(), "90d");
        assert_eq!(p.id_prefix, "DISC");
    }

    #[test]
    fn missing_keys_take_defaults_and_unknown_keys_are_refused() {
        let p: Policy = serde_json::from_str(r#"{"project": "poet"}"#).unwrap();
        assert_eq!(p.project.as_deref(), Some("poet"));
        assert_eq!(p.ack_within, Duration::hours(48));
        assert!(serde_json::from_str::<Policy>(r#"{"ack_witin": "1h"}"#).is_err());
    }
}
