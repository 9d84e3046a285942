//! The team's promises (`policy.json`): SLA durations, maintained releases,
//! contact and the identifiers used in published advisories.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::cra::{MemberState, parse_member_states};
use crate::model::duration::{self, Duration, promise_text};
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
    /// Answer a new report within this long (`off`: no promise).
    #[serde(with = "duration::promise")]
    pub ack_within: Option<Duration>,
    /// Keep the reporter informed at least this often (`off`: no promise).
    #[serde(with = "duration::promise")]
    pub update_every: Option<Duration>,
    /// Publish within this long of receiving the report, unless a deadline
    /// is agreed with the reporter (`off`: no promise).
    #[serde(with = "duration::promise")]
    pub disclose_within: Option<Duration>,
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
    /// Where the announcement goes (`To:` of `announcement.eml`): one or
    /// more addresses, comma-separated, e.g. a project list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announce_to: Option<String>,
    /// The promise to audit the code for similar problems: a readiness item
    /// of every reported case (`disclose audit`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub audit: bool,
    /// Where the project publishes its advisories: a URL with `{id}` for
    /// the advisory ID (`https://example.org/security/{id}`), linked from
    /// the release notes and the advisory's references.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advisory_url: Option<String>,
    /// The EU Cyber Resilience Act's reporting of actively exploited
    /// vulnerabilities (Article 14), for a manufacturer or open-source
    /// steward: `exploited`, `mitigated` and `cra`, their clocks and
    /// findings. Off, none of it appears anywhere.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cra: bool,
    /// The EU Member States where the product is available, named in the
    /// early warning (Article 14(2)(a)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cra_member_states: Vec<MemberState>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            project: None,
            contact: None,
            vendor: None,
            cna_org_id: None,
            id_prefix: DEFAULT_PREFIX.to_owned(),
            ack_within: Some(Duration::hours(48)),
            update_every: Some(Duration::days(7)),
            disclose_within: Some(Duration::days(90)),
            maintained_releases: Vec::new(),
            default_package: None,
            disclose_preset: None,
            require_cve: false,
            repository: None,
            announce_to: None,
            audit: false,
            advisory_url: None,
            cra: false,
            cra_member_states: Vec::new(),
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
            audit: self.audit,
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
    #[value(name = "announce_to", alias = "announce-to")]
    AnnounceTo,
    #[value(name = "audit")]
    Audit,
    #[value(name = "advisory_url", alias = "advisory-url")]
    AdvisoryUrl,
    #[value(name = "cra")]
    Cra,
    #[value(name = "cra_member_states", alias = "cra-member-states")]
    CraMemberStates,
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
            Self::AnnounceTo => "announce_to",
            Self::Audit => "audit",
            Self::AdvisoryUrl => "advisory_url",
            Self::Cra => "cra",
            Self::CraMemberStates => "cra_member_states",
        }
    }

    /// Whether an empty value clears the key (only optional keys can be
    /// cleared; an empty promise is `off`).
    fn optional(self) -> bool {
        matches!(
            self,
            Self::Project
                | Self::Contact
                | Self::Vendor
                | Self::CnaOrgId
                | Self::DefaultPackage
                | Self::Repository
                | Self::AnnounceTo
                | Self::AdvisoryUrl
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
            Key::AckWithin => promise_text(self.ack_within),
            Key::UpdateEvery => promise_text(self.update_every),
            Key::DiscloseWithin => promise_text(self.disclose_within),
            Key::DefaultPackage => self
                .default_package
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Key::RequireCve => self.require_cve.to_string(),
            Key::Repository => text(&self.repository),
            Key::AnnounceTo => text(&self.announce_to),
            Key::Audit => if self.audit { "on" } else { duration::OFF }.to_owned(),
            Key::AdvisoryUrl => text(&self.advisory_url),
            Key::Cra => if self.cra { "on" } else { duration::OFF }.to_owned(),
            Key::CraMemberStates => self
                .cra_member_states
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Sets `key` from text, validated as `init`'s flags are. An empty value
    /// clears an optional key; a promise takes `off`.
    pub fn set(&mut self, key: Key, value: &str) -> Result<()> {
        let value = value.trim();
        let bad = |why: String| Error::input(format!("policy {key}: {why}"));
        let promise = |v: &str| duration::parse_promise(v).map_err(|e| bad(e.to_string()));
        match key {
            Key::AckWithin => {
                self.ack_within = promise(value)?;
                return Ok(());
            }
            Key::UpdateEvery => {
                self.update_every = promise(value)?;
                return Ok(());
            }
            Key::DiscloseWithin => {
                let within = promise(value)?;
                if within != self.disclose_within {
                    // The team's preset is a number of days; another span replaces it.
                    self.disclose_preset = None;
                }
                self.disclose_within = within;
                return Ok(());
            }
            Key::Audit => {
                self.audit = parse_switch(value).map_err(bad)?;
                return Ok(());
            }
            Key::Cra => {
                self.cra = parse_switch(value).map_err(bad)?;
                return Ok(());
            }
            // An empty list clears it.
            Key::CraMemberStates => {
                self.cra_member_states =
                    parse_member_states(value).map_err(|e| bad(e.to_string()))?;
                return Ok(());
            }
            _ => {}
        }
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
                Key::AnnounceTo => self.announce_to = None,
                Key::AdvisoryUrl => self.advisory_url = None,
                _ => self.default_package = None,
            }
            return Ok(());
        }
        if value.chars().any(char::is_control) {
            return Err(bad(format!("{value:?} contains control characters")));
        }
        crate::model::limits::line("the value", value).map_err(|e| bad(e.to_string()))?;
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
            Key::AckWithin
            | Key::UpdateEvery
            | Key::DiscloseWithin
            | Key::Audit
            | Key::Cra
            | Key::CraMemberStates => {
                unreachable!("promises and switches are set above")
            }
            Key::DefaultPackage => {
                let package: Package = value.parse().map_err(bad)?;
                crate::model::version::check_ecosystem(&package.ecosystem).map_err(bad)?;
                self.default_package = Some(package);
            }
            Key::RequireCve => self.require_cve = parse_switch(value).map_err(bad)?,
            Key::AnnounceTo => self.announce_to = Some(check_recipients(value).map_err(bad)?),
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
            Key::AdvisoryUrl => {
                check_advisory_url(value).map_err(bad)?;
                self.advisory_url = Some(value.to_owned());
            }
        }
        Ok(())
    }

    /// Adds a maintained release; a name already in use is refused, and so
    /// is a range that shares versions with another release's (a version
    /// would then belong to two rows of the fix matrix).
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
        // Read as the default package's versions are, else as SemVer.
        let scheme = self
            .default_package
            .as_ref()
            .and_then(|p| crate::model::version::Scheme::of(&p.ecosystem))
            .unwrap_or(crate::model::version::Scheme::SemVer);
        if let Some(other) = self
            .maintained_releases
            .iter()
            .find(|other| other.overlaps(&release, scheme))
        {
            return Err(Error::input(format!(
                "release {} ({}) overlaps release {} ({}): a version in both ranges would \
                 belong to two releases",
                release.name, release.range, other.name, other.range
            ))
            .with_hint("give each maintained release its own versions, e.g. '>=4.5.0, <4.6.0' and '>=4.6.0, <4.7.0'"));
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

/// `on`/`off` (or `true`/`false`, `yes`/`no`).
fn parse_switch(value: &str) -> std::result::Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err(format!("{value:?} is not on or off")),
    }
}

/// One or more email addresses, comma-separated, as a `To:` header takes
/// them; returned in one spelling (`a@x, b@y`).
pub fn check_recipients(value: &str) -> std::result::Result<String, String> {
    let mut out = Vec::new();
    for part in value.split(',').map(str::trim) {
        if !crate::model::syntax::is_email_address(part) {
            return Err(format!(
                "{part:?} is not an email address (give one or more, comma-separated, e.g. oss-security@lists.openwall.com)"
            ));
        }
        out.push(part.to_owned());
    }
    Ok(out.join(", "))
}

/// An advisory URL template: an http(s) URL holding `{id}` once, and no
/// other placeholder.
pub fn check_advisory_url(value: &str) -> std::result::Result<(), String> {
    if !crate::model::syntax::is_url(value) {
        return Err(format!(
            "{value:?} is not an http(s) URL such as https://example.org/security/{{id}}"
        ));
    }
    if value.matches("{id}").count() != 1 {
        return Err(format!(
            "{value:?} must hold {{id}} once, where the advisory ID goes (e.g. https://example.org/security/{{id}})"
        ));
    }
    if value.replace("{id}", "").contains(['{', '}']) {
        return Err(format!("{value:?}: the only placeholder is {{id}}"));
    }
    Ok(())
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

/// The promises in force when a case was opened, copied into it so a later
/// policy change does not move old deadlines. A promise that is off (`None`)
/// has no clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slas {
    #[serde(with = "duration::promise")]
    pub ack_within: Option<Duration>,
    #[serde(with = "duration::promise")]
    pub update_every: Option<Duration>,
    #[serde(with = "duration::promise")]
    pub disclose_within: Option<Duration>,
    /// The team's default preset, whose rules apply when no deadline is agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// The audit for similar problems is a readiness item.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub audit: bool,
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
    /// A requirement such as `>=1.4.0, <1.5.0`, `1.4.*` or `^1.4`, read in
    /// the version scheme of each package it is compared with.
    pub range: String,
}

impl MaintainedRelease {
    /// A release with a checked name and a range of comparators with versions.
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
        crate::model::ranges::check_release_range(range).map_err(|e| {
            Error::input(format!(
                "invalid range {range:?} for release {name}: {e} (expected a requirement such as \">=1.4.0, <1.5.0\", read in each package's version scheme)"
            ))
        })?;
        Ok(Self {
            name: name.to_owned(),
            range: range.to_owned(),
        })
    }

    /// Whether some version, read in `scheme`, falls in both releases' ranges.
    fn overlaps(&self, other: &Self, scheme: crate::model::version::Scheme) -> bool {
        use crate::model::ranges::Interval;
        match (
            Interval::of_release(&self.range, scheme),
            Interval::of_release(&other.range, scheme),
        ) {
            (Ok(a), Ok(b)) => a.overlaps(&b),
            _ => false,
        }
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
        assert_eq!(p.get(Key::AckWithin), "48h");
        assert_eq!(p.get(Key::UpdateEvery), "7d");
        assert_eq!(p.get(Key::DiscloseWithin), "90d");
        assert!(!p.audit);
        assert_eq!(p.id_prefix, "DISC");
    }

    #[test]
    fn missing_keys_take_defaults_and_unknown_keys_are_refused() {
        let p: Policy = serde_json::from_str(r#"{"project": "poet"}"#).unwrap();
        assert_eq!(p.project.as_deref(), Some("poet"));
        assert_eq!(p.ack_within, Some(Duration::hours(48)));
        assert!(serde_json::from_str::<Policy>(r#"{"ack_witin": "1h"}"#).is_err());
    }

    #[test]
    fn promises_can_be_off_and_zero_in_a_file_reads_as_off() {
        let p: Policy =
            serde_json::from_str(r#"{"update_every": "off", "disclose_within": "0d"}"#).unwrap();
        assert_eq!(p.update_every, None);
        assert_eq!(p.disclose_within, None);
        assert_eq!(p.ack_within, Some(Duration::hours(48)));
        let text = serde_json::to_string(&p).unwrap();
        assert!(text.contains(r#""update_every":"off""#), "{text}");
        let mut p = Policy::default();
        p.set(Key::UpdateEvery, "off").unwrap();
        p.set(Key::DiscloseWithin, "").unwrap();
        assert_eq!((p.update_every, p.disclose_within), (None, None));
        assert_eq!(p.get(Key::UpdateEvery), "off");
        let err = p.set(Key::AckWithin, "0h").unwrap_err().to_string();
        assert!(err.contains("write `off`"), "{err}");
        p.set(Key::Audit, "on").unwrap();
        assert!(p.audit && p.slas().audit);
        assert_eq!(p.get(Key::Audit), "on");
        assert!(p.set(Key::Audit, "maybe").is_err());
        p.set(Key::AnnounceTo, "oss@example.org,list@example.org")
            .unwrap();
        assert_eq!(p.get(Key::AnnounceTo), "oss@example.org, list@example.org");
        assert!(p.set(Key::AnnounceTo, "oss@example.org, nope").is_err());
        p.set(Key::AnnounceTo, "").unwrap();
        assert_eq!(p.announce_to, None);
    }

    #[test]
    fn set_validates_each_key_and_clears_optional_ones() {
        let mut p = Policy::default();
        p.set(Key::AckWithin, "3bd").unwrap();
        assert_eq!(p.ack_within, Some(Duration::business_days(3)));
        assert!(p.set(Key::AckWithin, "soon").is_err());
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
        let near = p
            .set(Key::DefaultPackage, "pypi/poet")
            .unwrap_err()
            .to_string();
        assert!(near.contains("did you mean PyPI?"), "{near}");
        p.set(Key::Contact, " ").unwrap();
        assert_eq!(p.contact, None);
        assert!(
            p.set(Key::AdvisoryUrl, "https://example.org/security")
                .is_err()
        );
        assert!(
            p.set(Key::AdvisoryUrl, "https://x.org/{id}/{year}")
                .is_err()
        );
        p.set(Key::AdvisoryUrl, "https://example.org/security/{id}")
            .unwrap();
        assert_eq!(p.get(Key::AdvisoryUrl), "https://example.org/security/{id}");
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

    #[test]
    fn overlapping_releases_are_refused_naming_both() {
        let mut p = Policy::default();
        p.add_release(MaintainedRelease::new("4.5", "~4.5").unwrap())
            .unwrap();
        let err = p
            .add_release(MaintainedRelease::new("4.6", ">=4.5.5").unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("4.6 (>=4.5.5)") && err.contains("4.5 (~4.5)"),
            "{err}"
        );
        p.add_release(MaintainedRelease::new("4.6", ">=4.6.0, <4.7.0").unwrap())
            .unwrap();
        p.add_release(MaintainedRelease::new("5.x", ">=5.0.0").unwrap())
            .unwrap();
        assert!(
            p.add_release(MaintainedRelease::new("all", "*").unwrap())
                .is_err()
        );
        assert_eq!(p.maintained_releases.len(), 3);
    }

    #[test]
    fn zero_promises_are_refused() {
        let mut p = Policy::default();
        for key in [Key::AckWithin, Key::UpdateEvery, Key::DiscloseWithin] {
            for zero in ["0h", "0d", "0bd", "0w", "0m"] {
                let err = p.set(key, zero).unwrap_err();
                assert_eq!(err.exit_code(), 2);
                assert!(err.to_string().contains(key.name()), "{err}");
            }
        }
        assert_eq!(p, Policy::default());
        p.set(Key::AckWithin, "1h").unwrap();
    }
}
