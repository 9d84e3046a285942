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
use crate::model::case::{CreditType, RangeEvent, RangeType};
use crate::model::policy::Package;
use crate::model::time::rfc3339;

const SCHEMA_VERSION: &str = "1.7.5";

#[derive(Debug, Serialize)]
struct Record {
    schema_version: &'static str,
    id: String,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
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
struct Severity {
    #[serde(rename = "type")]
    kind: &'static str,
    score: String,
}

#[derive(Debug, Serialize)]
struct Affected {
    package: Package,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ranges: Vec<Range>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    versions: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Range {
    #[serde(rename = "type")]
    kind: RangeType,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<String>,
    events: Vec<RangeEvent>,
}

#[derive(Debug, Serialize)]
struct Reference {
    #[serde(rename = "type")]
    kind: &'static str,
    url: String,
}

#[derive(Debug, Serialize)]
struct Credit {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<String>,
}

/// The OSV id for a case and its aliases.
fn ids(p: &PublicCase) -> (String, Vec<String>) {
    let id = p.osv_id.clone();
    let aliases = [&p.advisory, &p.cve, &p.ghsa]
        .into_iter()
        .flatten()
        .filter(|a| **a != id)
        .cloned()
        .collect();
    (id, aliases)
}

fn severity(p: &PublicCase) -> Vec<Severity> {
    let Some(s) = &p.severity else {
        return Vec::new();
    };
    let kind = if s.cvss.starts_with("CVSS:3.") {
        "CVSS_V3"
    } else if s.cvss.starts_with("CVSS:4.") {
        "CVSS_V4"
    } else {
        return Vec::new();
    };
    vec![Severity {
        kind,
        score: s.cvss.clone(),
    }]
}

fn references(p: &PublicCase) -> Vec<Reference> {
    // A CVE ID is an alias, which OSV links by itself: a reference to it
    // would change the references when a CVE ID comes after publishing.
    let mut out = Vec::new();
    if let Some(url) = &p.advisory_url {
        out.push(Reference {
            kind: "ADVISORY",
            url: url.clone(),
        });
    }
    if let (Some(ghsa), Some(repo)) = (&p.ghsa, &p.repository)
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
    if let Some(repo) = p.repository.as_deref().filter(|r| is_url(r)) {
        out.push(Reference {
            kind: "WEB",
            url: repo.to_owned(),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|r| seen.insert(r.url.clone()));
    out
}

pub(super) fn render(p: &PublicCase, modified: DateTime<Utc>) -> String {
    let (id, aliases) = ids(p);
    let repo = p.repository.clone().filter(|r| is_url(r));
    let affected = p
        .packages
        .iter()
        .map(|pkg| Affected {
            package: pkg.package.clone(),
            ranges: pkg
                .ranges
                .iter()
                // A GIT range needs the repository it counts commits in.
                .filter(|r| r.kind != RangeType::Git || repo.is_some())
                .map(|r| Range {
                    kind: r.kind,
                    repo: (r.kind == RangeType::Git).then(|| repo.clone()).flatten(),
                    events: r.events.clone(),
                })
                .collect(),
            versions: pkg.versions.clone(),
        })
        .collect();
    let record = Record {
        schema_version: SCHEMA_VERSION,
        id,
        modified: rfc3339(modified),
        published: p.published_at.map(rfc3339),
        aliases,
        summary: p.summary().to_owned(),
        details: p.details_with_sections(),
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
                    status: if r.fixed_in.is_some() {
                        "fixed"
                    } else {
                        r.decision.as_str()
                    },
                    fixed: r.fixed_in.clone(),
                })
                .collect(),
        },
    };
    json(&record)
}
