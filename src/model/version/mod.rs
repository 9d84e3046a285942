//! Versions as each package ecosystem orders them.
//!
//! A case's affected ranges and fixes are compared in the scheme of the
//! package they belong to: SemVer for crates.io, npm, Hex and Pub; Go's
//! module versions (a `v` prefix, pseudo-versions); PEP 440 for PyPI;
//! Maven's `ComparableVersion`; RubyGems' `Gem::Version`; NuGet; Composer
//! for Packagist. Any other ecosystem has no scheme here: its versions are
//! kept as recorded and never compared (OSV `ECOSYSTEM` events, no
//! derivation).
//!
//! One file per scheme; this file holds what they share: the parsed
//! `Version` (its text as OSV writes it, and a key that orders it) and the
//! `Scheme` that parses text into one.

mod ecosystem;
mod go;
mod maven;
mod nuget;
mod packagist;
mod pep440;
mod rubygems;
mod semver;

use std::cmp::Ordering;
use std::fmt;

pub use ecosystem::{
    OSV_ECOSYSTEMS, check_ecosystem, collection_url, ecosystem_base, purl, suggest_ecosystem,
};

use crate::model::case::RangeType;

/// A version ordering rule, chosen by a package's ecosystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// SemVer 2.0 (crates.io, npm, Hex, Pub).
    SemVer,
    /// Go module versions: SemVer with an optional `v`, pseudo-versions.
    Go,
    /// PEP 440 (PyPI).
    Pep440,
    /// Maven's `ComparableVersion`.
    Maven,
    /// RubyGems' `Gem::Version`.
    RubyGems,
    /// NuGet (SemVer 2.0 with a fourth number).
    NuGet,
    /// Composer (Packagist): normalised, then compared as PHP's `version_compare`.
    Packagist,
}

/// Why a version was refused; the message names the value and the scheme.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct VersionError(pub String);

impl Scheme {
    pub const ALL: [Self; 7] = [
        Self::SemVer,
        Self::Go,
        Self::Pep440,
        Self::Maven,
        Self::RubyGems,
        Self::NuGet,
        Self::Packagist,
    ];

    /// The scheme of an OSV ecosystem name (a `:suffix` is ignored), or
    /// `None` for ecosystems whose versions are only kept as recorded.
    pub fn of(ecosystem: &str) -> Option<Self> {
        match ecosystem_base(ecosystem) {
            "crates.io" | "npm" | "Hex" | "Pub" => Some(Self::SemVer),
            "Go" => Some(Self::Go),
            "PyPI" => Some(Self::Pep440),
            "Maven" => Some(Self::Maven),
            "RubyGems" => Some(Self::RubyGems),
            "NuGet" => Some(Self::NuGet),
            "Packagist" => Some(Self::Packagist),
            _ => None,
        }
    }

    /// How the scheme is named in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::SemVer => "SemVer",
            Self::Go => "Go module",
            Self::Pep440 => "PEP 440",
            Self::Maven => "Maven",
            Self::RubyGems => "RubyGems",
            Self::NuGet => "NuGet",
            Self::Packagist => "Composer",
        }
    }

    /// A valid version, for messages.
    pub fn example(self) -> &'static str {
        match self {
            Self::SemVer => "1.4.2",
            Self::Go => "v1.4.2",
            Self::Pep440 => "4.5.2.post1",
            Self::Maven => "1.0.1.Final",
            Self::RubyGems => "7.0.4.1",
            Self::NuGet => "6.0.1",
            Self::Packagist => "5.4.2",
        }
    }

    /// The OSV range type for versions of this scheme: `SEMVER` only where
    /// the ecosystem's versions are SemVer, `ECOSYSTEM` otherwise.
    pub fn range_type(self) -> RangeType {
        match self {
            Self::SemVer | Self::Go => RangeType::Semver,
            _ => RangeType::Ecosystem,
        }
    }

    /// The CVE JSON 5 `versionType` of this scheme.
    pub fn cve_version_type(self) -> &'static str {
        match self {
            Self::SemVer | Self::Go => "semver",
            Self::Pep440 => "python",
            Self::Maven => "maven",
            Self::RubyGems | Self::NuGet | Self::Packagist => "custom",
        }
    }

    /// Parses a version of this scheme. The text kept is what OSV writes
    /// (Go's `v` is dropped, surrounding space trimmed).
    pub fn parse(self, text: &str) -> Result<Version, VersionError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(VersionError("empty version".into()));
        }
        if t.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',')
        {
            return Err(self.invalid(
                text,
                "spaces, commas and control characters are not allowed",
            ));
        }
        let (shown, key) = match self {
            Self::SemVer => (
                t.to_owned(),
                Key::SemVer(semver::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
            Self::Go => {
                let v = go::parse(t).map_err(|e| self.invalid(text, &e))?;
                (t.trim_start_matches('v').to_owned(), Key::SemVer(v))
            }
            Self::Pep440 => (
                t.to_owned(),
                Key::Pep440(pep440::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
            Self::Maven => (
                t.to_owned(),
                Key::Maven(maven::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
            Self::RubyGems => (
                t.to_owned(),
                Key::RubyGems(rubygems::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
            Self::NuGet => (
                t.to_owned(),
                Key::NuGet(nuget::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
            Self::Packagist => (
                t.to_owned(),
                Key::Packagist(packagist::parse(t).map_err(|e| self.invalid(text, &e))?),
            ),
        };
        Ok(Version { text: shown, key })
    }

    fn invalid(self, text: &str, why: &str) -> VersionError {
        VersionError(format!(
            "invalid {} version {text:?}: {why} (expected e.g. {})",
            self.name(),
            self.example()
        ))
    }

    /// The lowest version of the line that starts at `start`. Go's database
    /// lets a line claim the pre-releases of its first version (`1.19.0-0`
    /// below `1.19.0-rc.1`), so a fix on the line before does not make them
    /// look fixed; elsewhere a line starts at its first version.
    pub fn line_floor(self, start: &Version) -> Version {
        match (self, &start.key) {
            (Self::Go, Key::SemVer(v)) if v.pre.is_empty() => {
                let mut floor = v.clone();
                floor.pre = ::semver::Prerelease::new("0").unwrap_or(::semver::Prerelease::EMPTY);
                floor.build = ::semver::BuildMetadata::EMPTY;
                Version {
                    text: floor.to_string(),
                    key: Key::SemVer(floor),
                }
            }
            _ => start.clone(),
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A version of one scheme: its text, and a key that orders it.
#[derive(Debug, Clone)]
pub struct Version {
    text: String,
    key: Key,
}

#[derive(Debug, Clone)]
enum Key {
    SemVer(::semver::Version),
    Pep440(pep440_rs::Version),
    Maven(maven::MavenVersion),
    RubyGems(rubygems::GemVersion),
    NuGet(nuget::NuGetVersion),
    Packagist(packagist::ComposerVersion),
}

impl Key {
    fn rank(&self) -> u8 {
        match self {
            Self::SemVer(_) => 0,
            Self::Pep440(_) => 1,
            Self::Maven(_) => 2,
            Self::RubyGems(_) => 3,
            Self::NuGet(_) => 4,
            Self::Packagist(_) => 5,
        }
    }
}

impl Version {
    /// The version as OSV and CVE records write it.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.key, &other.key) {
            // Precedence, not `Ord`: build metadata does not order versions.
            (Key::SemVer(a), Key::SemVer(b)) => a.cmp_precedence(b),
            (Key::Pep440(a), Key::Pep440(b)) => a.cmp(b),
            (Key::Maven(a), Key::Maven(b)) => a.cmp(b),
            (Key::RubyGems(a), Key::RubyGems(b)) => a.cmp(b),
            (Key::NuGet(a), Key::NuGet(b)) => a.cmp(b),
            (Key::Packagist(a), Key::Packagist(b)) => a.cmp(b),
            // Versions of two schemes never meet in one range.
            (a, b) => a.rank().cmp(&b.rank()),
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

#[cfg(test)]
mod tests;
