//! An OSV record (schema 1.7): serde structs built from the public view, so
//! the key order is fixed and the output diffs cleanly.
//!
//! OSV ids must start with a known database prefix. A project's own advisory
//! ID is not one, so the record is filed under the CVE ID when there is one,
//! else the GHSA ID, else `x_<advisory ID>` (OSV's prefix for local
//! databases); the other IDs are aliases.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::json;
use super::public::{PublicCase, is_url};
use crate::error::{Error, Result};
use crate::model::case::{CreditType, RangeEvent, RangeType};
use crate::model::time::rfc3339;
use crate::model::version::{check_ecosystem, purl};

pub(super) const SCHEMA_VERSION: &str = "1.7.5";

#[derive(Debug, Serialize)]
struct Record {
    schema_version: &'static str,
    id: String,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withdrawn: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    summary: String,
    details: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    severity: Vec<Severity>,
    affected: Vec<Affected>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    references: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    credits: Vec<Credit>,
    database_specific: DatabaseSpecific,
}

#[derive(Debug, Serialize)]
pub(super) struct Severity {
    #[serde(rename = "type")]
    kind: &'static str,
    score: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Affected {
    package: OsvPackage,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ranges: Vec<Range>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    versions: Vec<String>,
    #[serde(skip_serializing_if = "PackageSpecific::is_empty")]
    database_specific: PackageSpecific,
}

#[derive(Debug, Serialize)]
pub(super) struct OsvPackage {
    ecosystem: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    purl: Option<String>,
}

/// The package's row of the fix matrix: the same decision its ranges are
/// derived from.
#[derive(Debug, Serialize)]
pub(super) struct PackageSpecific {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    releases: Vec<PackageRelease>,
}

impl PackageSpecific {
    fn is_empty(&self) -> bool {
        self.releases.is_empty()
    }
}

#[derive(Debug, Serialize)]
pub(super) struct PackageRelease {
    name: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct Range {
    #[serde(rename = "type")]
    kind: RangeType,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<String>,
    events: Vec<RangeEvent>,
}

#[derive(Debug, Serialize)]
pub(super) struct Reference {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) url: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Credit {
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contact: Vec<String>,
    #[serde(rename = "type")]
    kind: CreditType,
}

#[derive(Debug, Serialize)]
struct DatabaseSpecific {
    #[serde(skip_serializing_if = "Option::is_none")]
    advisory: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cwe_ids: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    releases: Vec<Release>,
}

#[derive(Debug, Serialize)]
struct Release {
    name: String,
    range: String,
    status: &'static str,
}

/// The OSV id for a case and its aliases: an imported record's own first,
/// in its order.
pub(super) fn ids(p: &PublicCase) -> (String, Vec<String>) {
    let id = p.osv_id.clone();
    let mut aliases: Vec<String> = Vec::new();
    for a in p
        .aliases
        .iter()
        .chain([&p.advisory, &p.cve, &p.ghsa].into_iter().flatten())
    {
        if *a != id && !aliases.contains(a) {
            aliases.push(a.clone());
        }
    }
    (id, aliases)
}

pub(super) fn severity(p: &PublicCase) -> Vec<Severity> {
    p.severities
        .iter()
        .filter_map(|s| {
            let kind = if s.cvss.starts_with("CVSS:3.") {
                "CVSS_V3"
            } else if s.cvss.starts_with("CVSS:4.") {
                "CVSS_V4"
            } else {
                return None;
            };
            Some(Severity {
                kind,
                score: s.cvss.clone(),
            })
        })
        .collect()
}

pub(super) fn references(p: &PublicCase) -> Vec<Reference> {
    // A CVE ID is an alias, which OSV links by itself: a reference to it
    // would change the references when a CVE ID comes after publishing.
    let mut out = Vec::new();
    if let Some(url) = &p.advisory_url {
        out.push(Reference {
            kind: "ADVISORY",
            url: url.clone(),
        });
    }
    // An imported record lists its own links; none is made up for it.
    let repository = p.repository.as_ref().filter(|_| !p.imported);
    if let (Some(ghsa), Some(repo)) = (&p.ghsa, repository)
        && repo.starts_with("https://github.com/")
    {
        out.push(Reference {
            kind: "ADVISORY",
            url: format!("{}/security/advisories/{ghsa}", repo.trim_end_matches('/')),
        });
    }
    for f in &p.fixes {
        for c in &f.commits {
            if let Some(url) = p.commit_url(c) {
                out.push(Reference { kind: "FIX", url });
            }
        }
        if let Some(url) = f.pr.as_deref().and_then(|pr| p.pr_url(pr)) {
            out.push(Reference { kind: "FIX", url });
        }
    }
    for url in &p.references {
        out.push(Reference {
            kind: "WEB",
            url: url.clone(),
        });
    }
    if let Some(repo) = repository.filter(|r| is_url(r)) {
        out.push(Reference {
            kind: "WEB",
            url: repo.clone(),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|r| seen.insert(r.url.clone()));
    out
}

/// One entry per package that the public view leaves affected.
pub(super) fn affected(p: &PublicCase) -> Result<Vec<Affected>> {
    let policy_repo = p.repository.clone().filter(|r| is_url(r));
    let mut out = Vec::new();
    for pkg in &p.packages {
        check_ecosystem(&pkg.package.ecosystem).map_err(|e| {
            Error::input(format!(
                "an OSV record needs OSV's ecosystem names: {} is recorded under {e}",
                pkg.package.name
            ))
            .with_hint(format!(
                "record it again: `disclose affected ID --package {} --ecosystem '{}' --remove`, then add it under the right name",
                pkg.package.name, pkg.package.ecosystem
            ))
        })?;
        let mut ranges = Vec::new();
        for r in &pkg.ranges {
            let repo = match r.kind {
                RangeType::Git => Some(r.repo.clone().or_else(|| policy_repo.clone()).ok_or_else(|| {
                    Error::input(format!(
                        "a GIT range of {} needs the repository its commits are in",
                        pkg.package.name
                    ))
                    .with_hint(
                        "record the range again with --repo URL, or set `disclose policy set repository URL`",
                    )
                })?),
                _ => None,
            };
            ranges.push(Range {
                kind: r.kind,
                repo,
                events: r.events.clone(),
            });
        }
        if ranges.is_empty() && pkg.versions.is_empty() {
            // The matrix leaves nothing of this package affected.
            continue;
        }
        let releases = p
            .releases
            .iter()
            .map(|r| {
                let fixed = r.fixed_in(&pkg.package).map(str::to_owned);
                PackageRelease {
                    name: r.name.clone(),
                    status: match (&fixed, r.decision) {
                        (Some(_), _) => "fixed",
                        (None, d) => d.as_str(),
                    },
                    fixed,
                }
            })
            .collect();
        out.push(Affected {
            package: OsvPackage {
                ecosystem: pkg.package.ecosystem.clone(),
                name: pkg.package.name.clone(),
                purl: purl(&pkg.package),
            },
            ranges,
            versions: pkg.versions.clone(),
            database_specific: PackageSpecific { releases },
        });
    }
    Ok(out)
}

pub(super) fn render(p: &PublicCase, modified: DateTime<Utc>) -> Result<String> {
    let (id, aliases) = ids(p);
    let affected = affected(p)?;
    if affected.is_empty() && p.withdrawn.is_none() {
        return Err(Error::input(
            "nothing is affected: the recorded ranges and the fix matrix leave no version of any package affected",
        )
        .with_hint("check `disclose show ID`: record the affected ranges, or the releases' decisions"));
    }
    // OSV wants the reason for a withdrawal in the summary.
    let (summary, details) = match &p.withdrawn {
        Some(w) => (
            format!("Withdrawn: {}", p.summary()),
            format!(
                "This advisory was withdrawn on {}: {}\n\n{}",
                super::date(w.at),
                super::markdown::sentence(&w.reason),
                p.details_with_sections()
            ),
        ),
        None => (p.summary().to_owned(), p.details_with_sections()),
    };
    let record = Record {
        schema_version: SCHEMA_VERSION,
        id,
        modified: rfc3339(modified),
        published: p.published_at.map(rfc3339),
        withdrawn: p.withdrawn.as_ref().map(|w| rfc3339(w.at)),
        aliases,
        summary,
        details,
        severity: severity(p),
        affected,
        references: references(p),
        credits: p
            .credits
            .iter()
            .filter_map(|c| {
                Some(Credit {
                    name: c.name.clone()?,
                    contact: c.contact.clone(),
                    kind: c.kind,
                })
            })
            .collect(),
        database_specific: DatabaseSpecific {
            advisory: p.advisory.clone(),
            severity: p.severity.as_ref().map(|s| s.rating.clone()),
            cwe_ids: p.cwe.clone(),
            releases: p
                .releases
                .iter()
                .map(|r| Release {
                    name: r.name.clone(),
                    range: r.range.clone(),
                    status: if r.fixed() {
                        "fixed"
                    } else {
                        r.decision.as_str()
                    },
                })
                .collect(),
        },
    };
    Ok(json(&record))
}
