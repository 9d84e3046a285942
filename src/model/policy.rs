//! The team's promises (`policy.json`): SLA durations, maintained releases,
//! contact and the identifiers used in published advisories.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::duration::Duration;
use crate::model::preset::Preset;

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
    /// A reporter's disclosure policy adopted as the team default
    /// (`disclose init --preset`); `disclose_within` holds its days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclose_preset: Option<Preset>,
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
            disclose_preset: None,
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
            preset: self.disclose_preset,
        }
    }
}

/// The scalar keys `disclose policy set` can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Key {
    #[value(name = "project")]
    Project,
    #[value(name = "contact")]
    Contact,
    #[value(name = "vendor")]
    Vendor,
    #[value(name = "cna_org_id", alias = "cna-org-id")]
    CnaOrgId,
    #[value(name = "id_prefix", alias = "id-prefix")]
    IdPrefix,
    #[value(name = "ack_within", alias = "ack-within")]
    AckWithin,
    #[value(name = "update_every", alias = "update-every")]
    UpdateEvery,
    #[value(name = "disclose_within", alias = "disclose-within")]
    DiscloseWithin,
    #[value(name = "default_package", alias = "default-package")]
    DefaultPackage,
    #[value(name = "require_cve", alias = "require-cve")]
    RequireCve,
    #[value(name = "repository")]
    Repository,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::Contact => "contact",
            Self::Vendor => "vendor",
            Self::CnaOrgId => "cna_org_id",
            Self::IdPrefix => "id_prefix",
            Self::AckWithin => "ack_within",
            Self::UpdateEvery => "update_every",
            Self::DiscloseWithin => "disclose_within",
            Self::DefaultPackage => "default_package",
            Self::RequireCve => "require_cve",
            Self::Repository => "repository",
        }
    }

    /// Whether an empty value clears the key (only optional keys can be cleared).
    fn optional(self) -> bool {
        matches!(
            self,
            Self::Project
                | Self::Contact
                | Self::Vendor
                | Self::CnaOrgId
                | Self::DefaultPackage
                | Self::Repository
        )
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Policy {
    /// The current value of `key` as `policy set` takes it (empty when unset).
    pub fn get(&self, key: Key) -> String {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        match key {
            Key::Project => text(&self.project),
            Key::Contact => text(&self.contact),
            Key::Vendor => text(&self.vendor),
            Key::CnaOrgId => text(&self.cna_org_id),
            Key::IdPrefix => self.id_prefix.clone(),
            Key::AckWithin => self.ack_within.to_string(),
            Key::UpdateEvery => self.update_every.to_string(),
            Key::DiscloseWithin => self.disclose_within.to_string(),
            Key::DefaultPackage => self
                .default_package
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Key::RequireCve => self.require_cve.to_string(),
            Key::Repository => text(&self.repository),
        }
    }

    /// Sets `key` from text, validated as `init`'s flags are. An empty value
    /// clears an optional key.
    pub fn set(&mut self, key: Key, value: &str) -> Result<()> {
        let value = value.trim();
        let bad = |why: String| Error::input(format!("policy {key}: {why}"));
        if value.is_empty() {
            if !key.optional() {
                return Err(bad("a value is required".to_owned()));
            }
            match key {
                Key::Project => self.project = None,
                Key::Contact => self.contact = None,
                Key::Vendor => self.vendor = None,
                Key::CnaOrgId => self.cna_org_id = None,
                Key::Repository => self.repository = None,
                _ => self.default_package = None,
            }
            return Ok(());
        }
        if value.chars().any(char::is_control) {
            return Err(bad(format!("{value:?} contains control characters")));
        }
        let duration = |v: &str| v.parse::<Duration>().map_err(|e| bad(e.to_string()));
        match key {
            Key::Project => self.project = Some(value.to_owned()),
            Key::Contact => {
                check_contact(value).map_err(bad)?;
                self.contact = Some(value.to_owned());
            }
            Key::Vendor => self.vendor = Some(value.to_owned()),
            Key::CnaOrgId => {
                if !crate::model::syntax::is_uuid_v4(value) {
                    return Err(bad(format!(
                        "{value:?} is not a version 4 UUID (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx), as CVE organisation IDs are"
                    )));
                }
                self.cna_org_id = Some(value.to_ascii_lowercase());
            }
            Key::IdPrefix => {
                crate::model::id::validate_prefix(value).map_err(|e| bad(e.to_string()))?;
                self.id_prefix = value.to_owned();
            }
            Key::AckWithin => self.ack_within = duration(value)?,
            Key::UpdateEvery => self.update_every = duration(value)?,
            Key::DiscloseWithin => self.disclose_within = duration(value)?,
            Key::DefaultPackage => self.default_package = Some(value.parse().map_err(bad)?),
            Key::RequireCve => {
                self.require_cve = match value {
                    "true" | "yes" => true,
                    "false" | "no" => false,
                    _ => return Err(bad(format!("{value:?} is not true or false"))),
                };
            }
            Key::Repository => {
                let rest = value
                    .strip_prefix("https://")
                    .or(value.strip_prefix("http://"));
                if rest.is_none_or(|r| r.is_empty() || value.chars().any(char::is_whitespace)) {
                    return Err(bad(format!(
                        "{value:?} is not an http(s) URL such as https://github.com/OWNER/REPO"
                    )));
                }
                self.repository = Some(value.trim_end_matches('/').to_owned());
            }
        }
        Ok(())
    }

    /// Adds a maintained release; a name already in use is refused.
    pub fn add_release(&mut self, release: MaintainedRelease) -> Result<()> {
        if let Some(existing) = self.release(&release.name) {
            return Err(Error::input(format!(
                "release {:?} is already maintained ({})",
                release.name, existing.range
            ))
            .with_hint(format!(
                "remove it first with `disclose policy release remove {}`",
                release.name
            )));
        }
        self.maintained_releases.push(release);
        Ok(())
    }

    /// Removes a maintained release by name; an unknown name lists the known ones.
    pub fn remove_release(&mut self, name: &str) -> Result<MaintainedRelease> {
        let Some(at) = self.maintained_releases.iter().position(|r| r.name == name) else {
            return Err(self.unknown_release(name));
        };
        Ok(self.maintained_releases.remove(at))
    }

    pub fn release(&self, name: &str) -> Option<&MaintainedRelease> {
        self.maintained_releases.iter().find(|r| r.name == name)
    }

    /// The error for a release name the policy does not know.
    pub fn unknown_release(&self, name: &str) -> Error {
        let known: Vec<&str> = self
            .maintained_releases
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        let known = if known.is_empty() {
            "the policy maintains no releases".to_owned()
        } else {
            format!("known releases: {}", known.join(", "))
        };
        let near = crate::model::suggest::close_names(
            name,
            self.maintained_releases.iter().map(|r| r.name.as_str()),
        );
        let hint = match crate::model::suggest::did_you_mean(&near) {
            Some(guess) => format!("{guess} (`disclose policy` lists them)"),
            None => "list them with `disclose policy`".to_owned(),
        };
        Error::input(format!("no maintained release {name:?} ({known})")).with_hint(hint)
    }
}

/// A contact is an email address or an http(s) URL (a reporting form).
pub fn check_contact(value: &str) -> std::result::Result<(), String> {
    if value.starts_with("https://") || value.starts_with("http://") {
        let rest = value.split_once("://").map_or("", |(_, r)| r);
        if rest.is_empty() || value.chars().any(char::is_whitespace) {
            return Err(format!("{value:?} is not a URL"));
        }
        return Ok(());
    }
    if crate::model::syntax::is_email_address(value) {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is neither an email address nor an http(s) URL"
        ))
    }
}

/// The durations in force when a case was opened, copied into it so a later
/// policy change does not move old deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slas {
    pub ack_within: Duration,
    pub update_every: Duration,
    pub disclose_within: Duration,
    /// The team's default preset, whose rules apply when no embargo is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
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

impl MaintainedRelease {
    /// A release with a checked name and a range that parses as a semver requirement.
    pub fn new(name: &str, range: &str) -> Result<Self> {
        let name = name.trim();
        if name.is_empty()
            || name.len() > 64
            || name.starts_with('-')
            || name
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '|')
        {
            return Err(Error::input(format!(
                "invalid release name {name:?}: expected a short name without spaces, e.g. 1.4 or 2.x"
            )));
        }
        let range = range.trim();
        semver::VersionReq::parse(range).map_err(|e| {
            Error::input(format!(
                "invalid range {range:?} for release {name}: {e} (expected a semver requirement such as \">=1.4.0, <1.5.0\")"
            ))
        })?;
        Ok(Self {
            name: name.to_owned(),
            range: range.to_owned(),
        })
    }

    /// Parses `NAME=REQ`, as `init --release` takes it.
    pub fn parse_assignment(text: &str) -> Result<Self> {
        let (name, range) = text.split_once('=').ok_or_else(|| {
            Error::input(format!(
                "invalid release {text:?}: expected NAME=REQ, e.g. 1.4='>=1.4.0, <1.5.0'"
            ))
        })?;
        Self::new(name, range)
    }
}

/// A package as OSV names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub ecosystem: String,
    pub name: String,
}

impl fmt::Display for Package {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.ecosystem, self.name)
    }
}

/// `ECOSYSTEM/NAME`, e.g. `crates.io/disclose` or `Go/github.com/org/mod`: the
/// ecosystem ends at the first `/`, since names may contain more.
impl std::str::FromStr for Package {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().split_once('/') {
            Some((eco, name)) if !eco.trim().is_empty() && !name.trim().is_empty() => Ok(Self {
                ecosystem: eco.trim().to_owned(),
                name: name.trim().to_owned(),
            }),
            _ => Err(format!(
                "{s:?} is not ECOSYSTEM/NAME (e.g. crates.io/disclose or npm/@scope/name)"
            )),
        }
    }
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

    #[test]
    fn set_validates_each_key_and_clears_optional_ones() {
        let mut p = Policy::default();
        p.set(Key::AckWithin, "3bd").unwrap();
        assert_eq!(p.ack_within, Duration::business_days(3));
        assert!(p.set(Key::AckWithin, "soon").is_err());
        assert!(p.set(Key::AckWithin, "").is_err());
        assert!(p.set(Key::Contact, "not an email").is_err());
        p.set(Key::Contact, "https://example.org/report").unwrap();
        p.set(Key::Contact, "security@example.org").unwrap();
        assert!(p.set(Key::IdPrefix, "../x").is_err());
        assert!(p.set(Key::CnaOrgId, "1234").is_err());
        p.set(Key::CnaOrgId, "8254265B-2729-46b6-b9e3-3dfca2d5bfca")
            .unwrap();
        assert_eq!(p.get(Key::CnaOrgId), "8254265b-2729-46b6-b9e3-3dfca2d5bfca");
        p.set(Key::DefaultPackage, "Go/github.com/org/mod").unwrap();
        assert_eq!(
            p.default_package,
            Some(Package {
                ecosystem: "Go".into(),
                name: "github.com/org/mod".into()
            })
        );
        assert!(p.set(Key::DefaultPackage, "disclose").is_err());
        p.set(Key::Contact, " ").unwrap();
        assert_eq!(p.contact, None);
    }

    #[test]
    fn releases_are_validated_unique_and_removable_by_name() {
        let mut p = Policy::default();
        p.add_release(MaintainedRelease::new("1.4", ">=1.4.0, <1.5.0").unwrap())
            .unwrap();
        assert!(MaintainedRelease::new("1.5", ">=1.5.0, <").is_err());
        assert!(MaintainedRelease::new("bad name", "^1").is_err());
        assert!(
            p.add_release(MaintainedRelease::new("1.4", "^1.4").unwrap())
                .is_err()
        );
        let err = p.remove_release("9.9").unwrap_err().to_string();
        assert!(err.contains("1.4"), "{err}");
        assert_eq!(p.remove_release("1.4").unwrap().range, ">=1.4.0, <1.5.0");
        assert!(p.maintained_releases.is_empty());
        let r = MaintainedRelease::parse_assignment("2.x=>=2.0.0").unwrap();
        assert_eq!((r.name.as_str(), r.range.as_str()), ("2.x", ">=2.0.0"));
        assert!(MaintainedRelease::parse_assignment("2.x").is_err());
    }
}
