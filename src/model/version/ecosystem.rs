//! Ecosystem names as OSV defines them (schema 1.7, `ecosystemName` and
//! `ecosystemWithSuffix`), the near miss to suggest for a misspelling, and
//! what names a package outside OSV: its package URL (purl) and the package
//! collection CVE records point at.

use crate::model::policy::Package;

/// OSV's ecosystems. A name may carry a `:suffix` (`Debian:12`,
/// `Maven:https://maven.google.com`); the schema's pattern also admits `GIT`.
pub const OSV_ECOSYSTEMS: [&str; 48] = [
    "AlmaLinux",
    "Alpaquita",
    "Alpine",
    "Android",
    "Azure Linux",
    "BellSoft Hardened Containers",
    "Bioconductor",
    "Bitnami",
    "Chainguard",
    "CleanStart",
    "ConanCenter",
    "CRAN",
    "crates.io",
    "Debian",
    "Docker Hardened Images",
    "Echo",
    "FreeBSD",
    "GHC",
    "GitHub Actions",
    "Go",
    "Hackage",
    "Hex",
    "Julia",
    "Kubernetes",
    "Linux",
    "Mageia",
    "Maven",
    "MinimOS",
    "npm",
    "NuGet",
    "opam",
    "openEuler",
    "openSUSE",
    "OSS-Fuzz",
    "Packagist",
    "Photon OS",
    "Pub",
    "PyPI",
    "Red Hat",
    "Rocky Linux",
    "Root",
    "RubyGems",
    "SUSE",
    "SwiftURL",
    "TuxCare",
    "Ubuntu",
    "VSCode",
    "Wolfi",
];

/// Names people type for an ecosystem, lower case, and OSV's name for it.
const ALIASES: [(&str, &str); 27] = [
    ("crates", "crates.io"),
    ("cargo", "crates.io"),
    ("rust", "crates.io"),
    ("npmjs", "npm"),
    ("node", "npm"),
    ("nodejs", "npm"),
    ("yarn", "npm"),
    ("golang", "Go"),
    ("gomod", "Go"),
    ("go-modules", "Go"),
    ("pip", "PyPI"),
    ("python", "PyPI"),
    ("pypi.org", "PyPI"),
    ("gem", "RubyGems"),
    ("gems", "RubyGems"),
    ("rubygem", "RubyGems"),
    ("ruby", "RubyGems"),
    ("composer", "Packagist"),
    ("php", "Packagist"),
    ("dotnet", "NuGet"),
    ("nuget.org", "NuGet"),
    ("mvn", "Maven"),
    ("maven-central", "Maven"),
    ("java", "Maven"),
    ("hexpm", "Hex"),
    ("erlang", "Hex"),
    ("dart", "Pub"),
];

/// The name without its `:suffix`.
pub fn ecosystem_base(ecosystem: &str) -> &str {
    ecosystem
        .split_once(':')
        .map_or(ecosystem, |(base, _)| base)
}

/// Checks an ecosystem name against OSV's list; the error names the near
/// miss when there is one (`pypi` → `PyPI`).
pub fn check_ecosystem(ecosystem: &str) -> Result<(), String> {
    let base = ecosystem_base(ecosystem);
    let suffix_ok = ecosystem
        .split_once(':')
        .is_none_or(|(_, s)| !s.is_empty() && !s.chars().any(char::is_control));
    if suffix_ok && (OSV_ECOSYSTEMS.contains(&base) || base == "GIT") {
        return Ok(());
    }
    let mut message = format!("{ecosystem:?} is not an OSV ecosystem");
    match suggest_ecosystem(base) {
        Some(near) => {
            let suffix = ecosystem
                .split_once(':')
                .map(|(_, s)| format!(":{s}"))
                .unwrap_or_default();
            message.push_str(&format!("; did you mean {near}{suffix}?"));
        }
        None => message.push_str(
            " (e.g. crates.io, npm, PyPI, Go, Maven, RubyGems, NuGet, Packagist, Hex, Pub, Debian)",
        ),
    }
    Err(message)
}

/// OSV's name for a misspelt or colloquial one: same letters in another
/// case, a common alias, or one or two letters off.
pub fn suggest_ecosystem(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    if let Some(exact) = OSV_ECOSYSTEMS.iter().find(|e| e.to_lowercase() == lower) {
        return Some(exact);
    }
    if let Some((_, osv)) = ALIASES.iter().find(|(alias, _)| *alias == lower) {
        return Some(osv);
    }
    OSV_ECOSYSTEMS
        .iter()
        .map(|e| (distance(&e.to_lowercase(), &lower), *e))
        .filter(|(d, e)| *d <= 2 && *d < e.len() / 2 + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e)
}

/// Levenshtein distance, for short names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The package URL of a package, without a version, for the ecosystems
/// whose purl type is clear (`pkg:cargo/poet`, `pkg:npm/%40scope/name`,
/// `pkg:pypi/django`, `pkg:golang/github.com/org/mod`,
/// `pkg:maven/org.group/artifact`, ...).
pub fn purl(package: &Package) -> Option<String> {
    let name = package.name.trim();
    if name.is_empty() {
        return None;
    }
    let segments = |kind: &str, parts: &[&str]| {
        if parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        let path: Vec<String> = parts.iter().map(|p| encode(p)).collect();
        Some(format!("pkg:{kind}/{}", path.join("/")))
    };
    match package.ecosystem.as_str() {
        "crates.io" => segments("cargo", &[name]),
        "npm" => match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
            Some((scope, n)) => segments("npm", &[&format!("@{scope}"), n]),
            None => segments("npm", &[name]),
        },
        "PyPI" => segments("pypi", &[&pypi_normalized(name)]),
        "Go" => segments("golang", &name.split('/').collect::<Vec<_>>()),
        "Maven" => {
            let (group, artifact) = name.split_once(':')?;
            segments("maven", &[group, artifact])
        }
        "RubyGems" => segments("gem", &[name]),
        "NuGet" => segments("nuget", &[name]),
        "Packagist" => {
            let (vendor, n) = name.split_once('/')?;
            segments("composer", &[&vendor.to_lowercase(), &n.to_lowercase()])
        }
        "Hex" => segments("hex", &[&name.to_lowercase()]),
        "Pub" => segments("pub", &[&name.to_lowercase()]),
        "Hackage" => segments("hackage", &[name]),
        "CRAN" => segments("cran", &[name]),
        "ConanCenter" => segments("conan", &[&name.to_lowercase()]),
        "SwiftURL" => None,
        "GitHub Actions" => {
            let (owner, repo) = name.split_once('/')?;
            segments("github", &[&owner.to_lowercase(), &repo.to_lowercase()])
        }
        _ => None,
    }
}

/// PEP 503: lower case, runs of `-`, `_` and `.` as one `-`.
fn pypi_normalized(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Percent-encodes a purl path segment: unreserved characters stay.
fn encode(segment: &str) -> String {
    let mut out = String::new();
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The package collection a CVE record's `collectionURL` names, for the
/// ecosystems the CVE schema lists.
pub fn collection_url(ecosystem: &str) -> Option<&'static str> {
    Some(match ecosystem {
        "crates.io" => "https://crates.io",
        "npm" => "https://registry.npmjs.org",
        "PyPI" => "https://pypi.python.org",
        "Go" => "https://golang.org/pkg",
        "Maven" => "https://repo.maven.apache.org/maven2",
        "RubyGems" => "https://rubygems.org",
        "NuGet" => "https://nuget.org/packages",
        "Packagist" => "https://packagist.org",
        "Hex" => "https://repo.hex.pm",
        "Pub" => "https://pub.dev",
        "Hackage" => "https://hackage.haskell.org",
        "CRAN" => "https://cran.r-project.org",
        "ConanCenter" => "https://conan.io/center",
        "opam" => "https://opam.ocaml.org/packages",
        "Julia" => "https://juliahub.com",
        "VSCode" => "https://marketplace.visualstudio.com",
        "Debian" => "https://packages.debian.org",
        "GitHub Actions" => "https://github.com",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_ecosystems_are_refused_with_the_near_miss() {
        for (typed, near) in [
            ("pypi", "PyPI"),
            ("npmjs", "npm"),
            ("crates", "crates.io"),
            ("Golang", "Go"),
            ("rubygem", "RubyGems"),
            ("Mavne", "Maven"),
            ("nuget", "NuGet"),
        ] {
            let e = check_ecosystem(typed).unwrap_err();
            assert!(e.contains(&format!("did you mean {near}?")), "{typed}: {e}");
        }
        assert!(check_ecosystem("pypi:x").unwrap_err().contains("PyPI:x"));
        let e = check_ecosystem("frobnicate").unwrap_err();
        assert!(
            e.contains("not an OSV ecosystem") && e.contains("e.g."),
            "{e}"
        );
    }

    #[test]
    fn osv_names_and_suffixes_pass() {
        for ok in [
            "crates.io",
            "PyPI",
            "Go",
            "Debian:12",
            "Maven:https://maven.google.com",
            "Ubuntu:22.04:LTS",
            "GIT:https://example.org/repo.git",
        ] {
            assert!(check_ecosystem(ok).is_ok(), "{ok}");
        }
        assert!(check_ecosystem("Debian:").is_err());
        assert!(check_ecosystem("GIT").is_ok());
    }

    fn pkg(ecosystem: &str, name: &str) -> Package {
        Package {
            ecosystem: ecosystem.into(),
            name: name.into(),
        }
    }

    #[test]
    fn purls_follow_the_purl_types() {
        for (eco, name, want) in [
            ("crates.io", "poet", "pkg:cargo/poet"),
            ("npm", "@poet/cli", "pkg:npm/%40poet/cli"),
            ("npm", "poet-js", "pkg:npm/poet-js"),
            ("PyPI", "Poet_Lib.x", "pkg:pypi/poet-lib-x"),
            ("Go", "golang.org/x/net", "pkg:golang/golang.org/x/net"),
            (
                "Maven",
                "org.poet:poet-core",
                "pkg:maven/org.poet/poet-core",
            ),
            ("RubyGems", "poet", "pkg:gem/poet"),
            ("NuGet", "Poet.Core", "pkg:nuget/Poet.Core"),
            ("Packagist", "Poet/Lib", "pkg:composer/poet/lib"),
        ] {
            assert_eq!(purl(&pkg(eco, name)).as_deref(), Some(want), "{eco} {name}");
        }
        assert_eq!(purl(&pkg("Maven", "no-group")), None);
        assert_eq!(purl(&pkg("Debian:12", "curl")), None);
    }
}
