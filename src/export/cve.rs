//! A CVE JSON 5.2 record with the CNA container, as a CNA submits it.
//! Serde structs in the schema's key names, so the key order is fixed.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::json;
use super::markdown::credit_role;
use super::public::{PublicCase, is_url};
use super::range_words;
use crate::error::{Error, Result};
use crate::model::case::{RangeEvent, RangeType};
use crate::model::time::rfc3339;
use crate::model::version::{Scheme, collection_url, purl};
use crate::model::{severity, syntax};

const TITLE_MAX: usize = 256;
const TEXT_MAX: usize = 4096;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    data_type: &'static str,
    data_version: &'static str,
    cve_metadata: Metadata,
    containers: Containers,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Metadata {
    cve_id: String,
    assigner_org_id: String,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    date_updated: String,
}

#[derive(Debug, Serialize)]
struct Containers {
    cna: Cna,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Cna {
    provider_metadata: ProviderMetadata,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_public: Option<String>,
    descriptions: Vec<Text>,
    affected: Vec<Product>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    problem_types: Vec<ProblemType>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    metrics: Vec<Metric>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    solutions: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workarounds: Vec<Text>,
    references: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    credits: Vec<Credit>,
    timeline: Vec<TimelineEntry>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProviderMetadata {
    org_id: String,
    date_updated: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Text {
    lang: &'static str,
    value: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Product {
    vendor: String,
    product: String,
    #[serde(rename = "collectionURL", skip_serializing_if = "Option::is_none")]
    collection_url: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    package_name: Option<String>,
    #[serde(rename = "packageURL", skip_serializing_if = "Option::is_none")]
    package_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<String>,
    versions: Vec<Version>,
    default_status: &'static str,
}

/// The record of a CVE ID that was published and then withdrawn.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rejected {
    data_type: &'static str,
    data_version: &'static str,
    cve_metadata: RejectedMetadata,
    containers: RejectedContainers,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RejectedMetadata {
    cve_id: String,
    assigner_org_id: String,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    date_rejected: String,
    date_updated: String,
}

#[derive(Debug, Serialize)]
struct RejectedContainers {
    cna: RejectedCna,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RejectedCna {
    provider_metadata: ProviderMetadata,
    rejected_reasons: Vec<Text>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub(super) struct Version {
    version: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    less_than: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    less_than_or_equal: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProblemType {
    descriptions: Vec<ProblemDescription>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ProblemDescription {
    lang: &'static str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cwe_id: Option<String>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Serialize)]
pub(super) struct Metric {
    format: &'static str,
    scenarios: Vec<Scenario>,
    #[serde(rename = "cvssV3_1", skip_serializing_if = "Option::is_none")]
    cvss_v3_1: Option<Cvss>,
    #[serde(rename = "cvssV3_0", skip_serializing_if = "Option::is_none")]
    cvss_v3_0: Option<Cvss>,
    #[serde(rename = "cvssV4_0", skip_serializing_if = "Option::is_none")]
    cvss_v4_0: Option<Cvss>,
}

#[derive(Debug, Serialize)]
pub(super) struct Scenario {
    lang: &'static str,
    value: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Cvss {
    version: &'static str,
    vector_string: String,
    base_score: f64,
    base_severity: String,
    /// CVSS 3.x only: the 4.0 schema has no field for these scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    temporal_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temporal_severity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    environmental_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    environmental_severity: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct Reference {
    pub(super) url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub(super) struct Credit {
    lang: &'static str,
    value: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct TimelineEntry {
    time: String,
    lang: &'static str,
    value: String,
}

/// What a CVE record needs beyond the case, as (what, how to set it).
pub fn missing(p: &PublicCase) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if !p.cve.as_deref().is_some_and(severity::is_cve) {
        out.push((
            "a CVE ID on the case",
            "disclose assign ID --cve CVE-YYYY-NNNN",
        ));
    }
    if p.vendor.as_deref().is_none_or(|v| v.trim().is_empty()) {
        out.push((
            "the vendor name in the policy (`vendor`)",
            "disclose policy set vendor NAME (or set `vendor` in policy.json)",
        ));
    }
    if !p.cna_org_id.as_deref().is_some_and(syntax::is_uuid_v4) {
        out.push((
            "the CNA's organisation UUID (version 4, as the CVE schema requires) in the policy (`cna_org_id`)",
            "disclose policy set cna_org_id UUID (or set `cna_org_id` in policy.json)",
        ));
    }
    out
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The `versionType` of a range: `git` for commits, else the package's
/// scheme's (`semver`, `python`, `maven`), `custom` without one.
fn version_type(kind: RangeType, ecosystem: &str) -> &'static str {
    match (kind, Scheme::of(ecosystem)) {
        (RangeType::Git, _) => "git",
        (_, Some(scheme)) => scheme.cve_version_type(),
        (_, None) => "custom",
    }
}

pub(super) fn versions(p: &PublicCase, index: usize) -> Vec<Version> {
    let pkg = &p.packages[index];
    let mut out = Vec::new();
    for range in &pkg.ranges {
        let kind = Some(version_type(range.kind, &pkg.package.ecosystem));
        let mut start: Option<&str> = None;
        let entry = |start: &str, lt: Option<&str>, le: Option<&str>| Version {
            version: start.to_owned(),
            status: "affected",
            version_type: kind,
            less_than: lt.map(str::to_owned),
            less_than_or_equal: le.map(str::to_owned),
        };
        for event in &range.events {
            match event {
                RangeEvent::Introduced(v) => {
                    if let Some(s) = start.replace(v) {
                        out.push(entry(s, Some("*"), None));
                    }
                }
                RangeEvent::Fixed(v) => {
                    if let Some(s) = start.take() {
                        out.push(entry(s, Some(v), None));
                    }
                }
                RangeEvent::LastAffected(v) => {
                    if let Some(s) = start.take() {
                        out.push(entry(s, None, Some(v)));
                    }
                }
                RangeEvent::Limit(_) => {}
            }
        }
        if let Some(s) = start {
            out.push(entry(s, Some("*"), None));
        }
    }
    for v in &pkg.versions {
        out.push(Version {
            version: v.clone(),
            status: "affected",
            version_type: None,
            less_than: None,
            less_than_or_equal: None,
        });
    }
    let mut unique = Vec::new();
    for v in out {
        if !unique.contains(&v) {
            unique.push(v);
        }
    }
    unique
}

/// One metric per CVSS vector the case writes.
pub(super) fn metrics(p: &PublicCase) -> Vec<Metric> {
    p.severities.iter().filter_map(metric).collect()
}

fn metric(s: &crate::model::case::Severity) -> Option<Metric> {
    let v3 = s.cvss.starts_with("CVSS:3.");
    let upper = |score: f64| severity::rating(score).to_ascii_uppercase();
    let cvss = |version| Cvss {
        version,
        vector_string: s.cvss.clone(),
        base_score: s.score,
        base_severity: s.rating.to_ascii_uppercase(),
        temporal_score: s.threat_score.filter(|_| v3),
        temporal_severity: s.threat_score.filter(|_| v3).map(upper),
        environmental_score: s.environmental_score.filter(|_| v3),
        environmental_severity: s.environmental_score.filter(|_| v3).map(upper),
    };
    let mut m = Metric {
        format: "CVSS",
        scenarios: vec![Scenario {
            lang: "en",
            value: "GENERAL",
        }],
        cvss_v3_1: None,
        cvss_v3_0: None,
        cvss_v4_0: None,
    };
    if s.cvss.starts_with("CVSS:3.1/") {
        m.cvss_v3_1 = Some(cvss("3.1"));
    } else if s.cvss.starts_with("CVSS:3.0/") {
        m.cvss_v3_0 = Some(cvss("3.0"));
    } else if s.cvss.starts_with("CVSS:4.0/") {
        m.cvss_v4_0 = Some(cvss("4.0"));
    } else {
        return None;
    }
    Some(m)
}

pub(super) fn references(p: &PublicCase) -> Vec<Reference> {
    let mut out = Vec::new();
    // An imported record lists its own links; none is made up for it.
    let repository = p.repository.as_ref().filter(|_| !p.imported);
    if let Some(url) = &p.advisory_url {
        out.push(Reference {
            url: url.clone(),
            name: p.advisory.clone(),
            tags: vec!["vendor-advisory"],
        });
    }
    if let (Some(ghsa), Some(repo)) = (&p.ghsa, repository)
        && repo.starts_with("https://github.com/")
    {
        out.push(Reference {
            url: format!("{}/security/advisories/{ghsa}", repo.trim_end_matches('/')),
            name: Some(ghsa.clone()),
            tags: vec!["vendor-advisory"],
        });
    }
    for f in &p.fixes {
        for c in &f.commits {
            if let Some(url) = p.commit_url(c) {
                out.push(Reference {
                    url,
                    name: Some(format!("Fix for {}", f.release)),
                    tags: vec!["patch"],
                });
            }
        }
        if let Some(url) = f.pr.as_deref().and_then(|pr| p.pr_url(pr)) {
            out.push(Reference {
                url,
                name: Some(format!("Pull request for {}", f.release)),
                tags: vec!["patch"],
            });
        }
    }
    for url in &p.references {
        out.push(Reference {
            url: url.clone(),
            name: None,
            tags: Vec::new(),
        });
    }
    if let Some(repo) = repository.filter(|r| is_url(r)) {
        out.push(Reference {
            url: repo.clone(),
            name: None,
            tags: vec!["product"],
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|r| seen.insert(r.url.clone()));
    out
}

pub(super) fn render(p: &PublicCase, modified: DateTime<Utc>) -> Result<String> {
    if let Some(w) = &p.withdrawn {
        // A withdrawn advisory's CVE ID is rejected; that needs the ID and
        // the CNA, not the product.
        let missing: Vec<_> = missing(p)
            .into_iter()
            .filter(|(what, _)| !what.contains("vendor"))
            .collect();
        if !missing.is_empty() {
            let what: Vec<&str> = missing.iter().map(|(w, _)| *w).collect();
            return Err(Error::input(format!(
                "a rejected CVE record needs {}",
                what.join(", ")
            )));
        }
        let org = p.cna_org_id.clone().unwrap_or_default();
        let record = Rejected {
            data_type: "CVE_RECORD",
            data_version: "5.2",
            cve_metadata: RejectedMetadata {
                cve_id: p.cve.clone().unwrap_or_default(),
                assigner_org_id: org.clone(),
                state: "REJECTED",
                date_published: p.published_at.map(rfc3339),
                date_rejected: rfc3339(w.at),
                date_updated: rfc3339(modified),
            },
            containers: RejectedContainers {
                cna: RejectedCna {
                    provider_metadata: ProviderMetadata {
                        org_id: org,
                        date_updated: rfc3339(modified),
                    },
                    rejected_reasons: vec![Text {
                        lang: "en",
                        value: cut(&super::markdown::sentence(&w.reason), TEXT_MAX),
                    }],
                },
            },
        };
        return Ok(json(&record));
    }
    let missing = missing(p);
    if !missing.is_empty() {
        let what: Vec<&str> = missing.iter().map(|(w, _)| *w).collect();
        let how: Vec<String> = missing.iter().map(|(_, h)| format!("`{h}`")).collect();
        return Err(
            Error::input(format!("a CVE record needs {}", what.join(", ")))
                .with_hint(format!("set it with {}", how.join(" and "))),
        );
    }
    let references = references(p);
    if references.is_empty() {
        return Err(Error::input(
            "a CVE record needs at least one reference URL: a fix commit, a pull request or the repository",
        )
        .with_hint(
            "set `repository` in policy.json (`disclose policy set repository https://...`), or link a fix PR by URL",
        ));
    }
    let vendor = p.vendor.clone().unwrap_or_default();
    let cve = p.cve.clone().unwrap_or_default();
    let org = p.cna_org_id.clone().unwrap_or_default();
    let repo = p.repository.clone().filter(|r| is_url(r));
    let affected: Vec<Product> = (0..p.packages.len())
        .filter_map(|i| {
            let pkg = &p.packages[i];
            let versions = versions(p, i);
            // The matrix leaves nothing of this package affected.
            if versions.is_empty() {
                return None;
            }
            let own_repo = pkg.ranges.iter().find_map(|r| r.repo.clone());
            let collection = collection_url(&pkg.package.ecosystem);
            Some(Product {
                vendor: vendor.clone(),
                product: pkg.package.name.clone(),
                collection_url: collection,
                package_name: collection.map(|_| pkg.package.name.clone()),
                package_url: purl(&pkg.package),
                repo: own_repo.or_else(|| repo.clone()),
                versions,
                default_status: "unaffected",
            })
        })
        .collect();
    if affected.is_empty() {
        return Err(Error::input(
            "a CVE record needs an affected product: the recorded ranges and the fix matrix leave no version affected",
        )
        .with_hint("record the affected ranges with `disclose affected ID ...` and check `disclose show ID`"));
    }
    let problem_types = p
        .cwe
        .iter()
        .map(|c| ProblemType {
            descriptions: vec![ProblemDescription {
                lang: "en",
                description: c.clone(),
                cwe_id: severity::is_cwe(c).then(|| c.clone()),
                kind: if severity::is_cwe(c) { "CWE" } else { "text" },
            }],
        })
        .collect();
    let patched = p.patched();
    let solutions = if patched.is_empty() {
        Vec::new()
    } else {
        let versions: Vec<String> = patched.iter().map(|(r, v)| format!("{v} ({r})")).collect();
        vec![Text {
            lang: "en",
            value: cut(&format!("Upgrade to {}.", versions.join(" or ")), TEXT_MAX),
        }]
    };
    let mut timeline = vec![TimelineEntry {
        time: rfc3339(p.received_at),
        lang: "en",
        value: "Report received".to_owned(),
    }];
    for (release, v, at) in p.releases_in_time() {
        timeline.push(TimelineEntry {
            time: rfc3339(at),
            lang: "en",
            value: format!("{v} released with the fix for {release}"),
        });
    }
    if let Some(at) = p.published_at {
        timeline.push(TimelineEntry {
            time: rfc3339(at),
            lang: "en",
            value: format!("Advisory {} published", p.id),
        });
    }
    let mut description = p.details().to_owned();
    if let Some(impact) = &p.impact {
        description.push_str(&format!("\n\nImpact: {impact}"));
    }
    let words: Vec<String> = p
        .packages
        .iter()
        .flat_map(|pkg| pkg.ranges.iter().flat_map(range_words))
        .collect();
    if !words.is_empty() {
        description.push_str(&format!("\n\nAffected versions: {}.", words.join("; ")));
    }
    let record = Record {
        data_type: "CVE_RECORD",
        data_version: "5.2",
        cve_metadata: Metadata {
            cve_id: cve,
            assigner_org_id: org.clone(),
            state: "PUBLISHED",
            date_published: p.published_at.map(rfc3339),
            date_updated: rfc3339(modified),
        },
        containers: Containers {
            cna: Cna {
                provider_metadata: ProviderMetadata {
                    org_id: org,
                    date_updated: rfc3339(modified),
                },
                title: cut(&p.title, TITLE_MAX),
                date_public: p.published_at.map(rfc3339),
                descriptions: vec![Text {
                    lang: "en",
                    value: cut(&description, TEXT_MAX),
                }],
                affected,
                problem_types,
                metrics: metrics(p),
                solutions,
                workarounds: p
                    .workarounds
                    .iter()
                    .map(|r| Text {
                        lang: "en",
                        value: cut(r, TEXT_MAX),
                    })
                    .collect(),
                references,
                credits: p
                    .credits
                    .iter()
                    .filter_map(|c| {
                        Some(Credit {
                            lang: "en",
                            value: c.name.clone()?,
                            kind: credit_role(c.kind),
                        })
                    })
                    .collect(),
                timeline,
            },
        },
    };
    Ok(json(&record))
}
