//! CVE JSON 5.x records, published and rejected: what a case holds of the
//! CNA container. ADP containers, the CNA's other keys and every version
//! entry a case cannot hold (`unaffected`, `changes`, free text that is not
//! a range) stay in the record, which the case keeps.
//!
//! A product names a package when its `collectionURL` or `packageURL` says
//! which ecosystem it is in; otherwise it is recorded under its vendor
//! (`pillarjs/path-to-regexp`), whose versions are kept as written.

use serde_json::Value;

use super::ids;
use super::node::{At, Result};
use crate::model::case::{
    Consent, Credit, CreditType, ImportedFrom, PublicText, Range, RangeEvent, RangeType,
    RecordFormat, RecordImport, RecordStatus, Reporter, merge_affected,
};
use crate::model::policy::Package;
use crate::model::ranges::versions_type;
use crate::model::version::{OSV_ECOSYSTEMS, Scheme, collection_url};

/// What a case takes from one entry of a product's `versions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    Range(Range),
    Version(String),
}

pub(super) fn read(at: &At<'_>) -> Result<RecordImport> {
    if let Some(t) = at.get("dataType")
        && t.as_str()? != "CVE_RECORD"
    {
        return Err(t.error("expected \"CVE_RECORD\""));
    }
    let version_at = at.need("dataVersion")?;
    let data_version = match &version_at.value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(version_at.error(format!("expected a version, found {other}")));
        }
    };
    if !data_version.starts_with("5.") && data_version != "5" {
        return Err(version_at.error(format!(
            "CVE JSON {data_version} is not supported (expected 5.x)"
        )));
    }
    let meta = at.need("cveMetadata")?;
    let id_at = meta.need("cveId")?;
    let id = ids::cve(id_at.as_str()?)
        .ok_or_else(|| id_at.error(format!("{:?} is not a CVE ID", id_at.value)))?;
    let id = ids::record_id(&id_at, &id)?;
    let published = meta.time("datePublished")?;
    let updated = meta.time("dateUpdated")?;
    let reserved = meta.time("dateReserved")?;
    let rejected = meta.time("dateRejected")?;
    let cna = at.need("containers")?.need("cna")?;
    cna.object()?;
    let state_at = meta.need("state")?;
    let state = state_at.as_str()?;

    let mut timeline = Vec::new();
    for t in cna.list("timeline")? {
        let Some(time) = t.time("time")? else {
            continue;
        };
        let text = ids::line(t.need_str("value")?).unwrap_or_default();
        timeline.push((time, text));
    }
    let first_known = reserved
        .into_iter()
        .chain(timeline.iter().map(|(t, _)| *t))
        .chain(published)
        .min();
    let from = |severities: Vec<String>, primary: Option<String>| ImportedFrom {
        format: RecordFormat::Cve,
        id: id.clone(),
        aliases: Vec::new(),
        severities,
        primary,
        received_known: false,
        opened: false,
        modified: updated,
    };
    let mut import = RecordImport {
        from: from(Vec::new(), None),
        record: at.value.clone(),
        title: id.clone(),
        status: RecordStatus::Published,
        received_at: None,
        published_at: published,
        first_known,
        timeline,
        reporter: Reporter::default(),
        cve: Some(id.clone()),
        ghsa: None,
        affected: Vec::new(),
        severity: None,
        cwe: Vec::new(),
        credits: Vec::new(),
        public: PublicText::default(),
    };
    match state {
        "PUBLISHED" => {}
        "REJECTED" => {
            let reason = english(&cna.list("rejectedReasons")?)?
                .and_then(ids::line)
                .unwrap_or_default();
            let at_time = rejected.or(updated).ok_or_else(|| {
                meta.error("a rejected record needs `dateRejected` (or `dateUpdated`)")
            })?;
            import.title = format!("{id} (rejected)");
            import.status = RecordStatus::Rejected(at_time, reason);
            return Ok(import);
        }
        other => {
            return Err(state_at.error(format!(
                "unknown state {other:?} (expected PUBLISHED or REJECTED)"
            )));
        }
    }

    let title = cna.str("title")?.and_then(ids::line);
    let details = english(&cna.list("descriptions")?)?.and_then(ids::lines);
    let workarounds = english(&cna.list("workarounds")?)?.and_then(ids::lines);
    for entry in cna.list("affected")? {
        let package = package(&entry)?;
        let mut ranges = Vec::new();
        let mut versions = Vec::new();
        for taken in take(&entry, &package)?.into_iter().flatten() {
            match taken {
                Taken::Range(r) => ranges.push(r),
                Taken::Version(v) => versions.push(v),
            }
        }
        if !ranges.is_empty() || !versions.is_empty() {
            merge_affected(&mut import.affected, package, ranges, versions);
        }
    }

    let mut cwe_texts = Vec::new();
    for p in cna.list("problemTypes")? {
        for d in p.list("descriptions")? {
            if let Some(c) = d.str("cweId")? {
                cwe_texts.push(c.to_owned());
            }
        }
    }
    let mut vectors = Vec::new();
    for m in cna.list("metrics")? {
        for key in ["cvssV4_0", "cvssV3_1", "cvssV3_0"] {
            if let Some(c) = m.get(key) {
                vectors.push(c.need_str("vectorString")?.trim().to_owned());
            }
        }
    }
    let severity = ids::primary(&vectors);
    let mut references = Vec::new();
    for r in cna.list("references")? {
        ids::push_url(&mut references, r.need_str("url")?);
    }
    for c in cna.list("credits")? {
        let name = c.need_str("value")?;
        let kind = match c.get("type") {
            Some(t) => ids::credit_type(t.as_str()?)
                .ok_or_else(|| t.error(format!("unknown credit type {:?}", t.value)))?,
            // The schema's default.
            None => CreditType::Finder,
        };
        let credit = Credit {
            name: ids::line(name).unwrap_or_default(),
            kind,
            consent: Consent::Granted,
            contact: Vec::new(),
        };
        if !import.credits.contains(&credit) {
            import.credits.push(credit);
        }
    }
    import.ghsa = cna
        .get("source")
        .and_then(|s| s.str("advisory").ok().flatten())
        .and_then(ids::ghsa);
    import.title = title
        .clone()
        .or_else(|| details.as_deref().map(ids::title_from))
        .unwrap_or_else(|| id.clone());
    import.from = from(vectors, severity.as_ref().map(|s| s.cvss.clone()));
    import.severity = severity;
    import.cwe = ids::cwes(&cwe_texts);
    import.public = PublicText {
        title,
        details,
        workarounds,
        references,
        ..PublicText::default()
    };
    Ok(import)
}

/// The English text of a list of `{lang, value}`, else the first one's.
fn english<'a>(texts: &[At<'a>]) -> Result<Option<&'a str>> {
    let mut first = None;
    for t in texts {
        let value = t.need("value")?.as_str()?;
        if t.str("lang")?.is_some_and(|l| l.starts_with("en")) {
            return Ok(Some(value));
        }
        first.get_or_insert(value);
    }
    Ok(first)
}

/// The package a product entry names: its ecosystem from `collectionURL`
/// or `packageURL`, else its vendor.
fn package(entry: &At<'_>) -> Result<Package> {
    entry.object()?;
    let name = entry
        .str("packageName")?
        .or(entry.str("product")?)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| entry.error("a product needs `product` or `packageName`"))?;
    let ecosystem = ecosystem_of(entry.value)
        .or_else(|| {
            entry
                .value
                .get("vendor")
                .and_then(Value::as_str)
                .map(str::trim)
        })
        .filter(|e| !e.is_empty())
        .unwrap_or("unknown");
    Ok(Package {
        ecosystem: ecosystem.to_owned(),
        name: name.to_owned(),
    })
}

/// `package` for a product entry of a record the case keeps (for exports).
pub fn package_of(entry: &Value) -> Option<Package> {
    package(&At::root(entry, "$")).ok()
}

/// What the case took from each of a product's version entries (`None`:
/// the entry is only in the record), and from `defaultStatus` when the
/// product lists no versions.
pub fn versions_of(entry: &Value, package: &Package) -> Vec<Option<Taken>> {
    take(&At::root(entry, "$"), package).unwrap_or_default()
}

fn ecosystem_of(entry: &Value) -> Option<&'static str> {
    if let Some(url) = entry.get("collectionURL").and_then(Value::as_str) {
        let url = url.trim().trim_end_matches('/');
        let known = OSV_ECOSYSTEMS
            .iter()
            .find(|e| collection_url(e).is_some_and(|c| c == url));
        let other = [
            ("https://www.npmjs.com", "npm"),
            ("https://npmjs.com", "npm"),
            ("https://pypi.org", "PyPI"),
            ("https://pkg.go.dev", "Go"),
            ("https://proxy.golang.org", "Go"),
            ("https://repo1.maven.org/maven2", "Maven"),
            ("https://www.nuget.org/packages", "NuGet"),
            ("https://crates.io/crates", "crates.io"),
        ]
        .iter()
        .find(|(u, _)| *u == url)
        .map(|(_, e)| *e);
        if let Some(e) = known.copied().or(other) {
            return Some(e);
        }
    }
    let purl = entry.get("packageURL").and_then(Value::as_str)?;
    let kind = purl.strip_prefix("pkg:")?.split('/').next()?;
    Some(match kind {
        "cargo" => "crates.io",
        "npm" => "npm",
        "pypi" => "PyPI",
        "golang" => "Go",
        "maven" => "Maven",
        "gem" => "RubyGems",
        "nuget" => "NuGet",
        "composer" => "Packagist",
        "hex" => "Hex",
        "pub" => "Pub",
        "hackage" => "Hackage",
        "cran" => "CRAN",
        "conan" => "ConanCenter",
        _ => return None,
    })
}

/// Version texts that name no version.
const NO_VERSION: [&str; 5] = ["n/a", "unspecified", "unknown", "-", ""];

fn take(entry: &At<'_>, package: &Package) -> Result<Vec<Option<Taken>>> {
    let kind = versions_type(Scheme::of(&package.ecosystem));
    let repo = entry.str("repo")?.map(|r| r.trim().to_owned());
    let versions = entry.list("versions")?;
    if versions.is_empty() {
        // Every version has the default status.
        let all = entry.str("defaultStatus")? == Some("affected");
        return Ok(vec![all.then(|| {
            Taken::Range(Range {
                kind,
                repo: None,
                events: vec![RangeEvent::Introduced("0".into())],
            })
        })]);
    }
    let mut out = Vec::new();
    for v in versions {
        v.object()?;
        let status_at = v.need("status")?;
        let status = status_at.as_str()?;
        if !matches!(status, "affected" | "unaffected" | "unknown") {
            return Err(status_at.error(format!(
                "unknown status {status:?} (expected affected, unaffected or unknown)"
            )));
        }
        let version = v.need("version")?.as_str()?.trim();
        let less = v.str("lessThan")?.map(str::trim);
        let less_eq = v.str("lessThanOrEqual")?.map(str::trim);
        if less.is_some() && less_eq.is_some() {
            return Err(v.error(
                "a version range holds both `lessThan` and `lessThanOrEqual`: which versions \
                 are affected is ambiguous",
            ));
        }
        if status != "affected" || v.get("changes").is_some() {
            out.push(None);
            continue;
        }
        let git = v.str("versionType")? == Some("git");
        let kind = if git { RangeType::Git } else { kind };
        let repo = if git { repo.clone() } else { None };
        let bound = |b: &str| (b != "*" && !b.is_empty()).then(|| b.to_owned());
        let taken = match (less, less_eq) {
            (Some(_), _) | (_, Some(_)) => {
                let start = if matches!(version, "*" | "") {
                    "0"
                } else {
                    version
                };
                let mut events = vec![RangeEvent::Introduced(start.to_owned())];
                events.extend(less.and_then(bound).map(RangeEvent::Fixed));
                events.extend(less_eq.and_then(bound).map(RangeEvent::LastAffected));
                Some(Taken::Range(Range { kind, repo, events }))
            }
            _ if version == "*" => Some(Taken::Range(Range {
                kind,
                repo,
                events: vec![RangeEvent::Introduced("0".into())],
            })),
            _ if NO_VERSION.contains(&version.to_ascii_lowercase().as_str()) => None,
            _ if version.starts_with(['<', '>', '=']) => requirement(version, kind),
            _ if version.chars().any(|c| c.is_whitespace() || c.is_control()) => None,
            _ => Some(Taken::Version(version.to_owned())),
        };
        out.push(taken);
    }
    Ok(out)
}

/// A range written as text in a version field (`< 0.1.10`, `>= 0.2.0, <
/// 8.0.0`), as some CNAs write them; `None` when it is not one OSV can say.
fn requirement(text: &str, kind: RangeType) -> Option<Taken> {
    let (mut lower, mut fixed, mut last) = (None, None, None);
    for part in text.split(',').map(str::trim) {
        let (slot, value) = if let Some(v) = part.strip_prefix(">=") {
            (&mut lower, v)
        } else if let Some(v) = part.strip_prefix("<=") {
            (&mut last, v)
        } else if let Some(v) = part.strip_prefix('<') {
            (&mut fixed, v)
        } else {
            return None;
        };
        let value = value.trim();
        if value.is_empty() || value.contains(char::is_whitespace) || slot.is_some() {
            return None;
        }
        *slot = Some(value.to_owned());
    }
    if fixed.is_some() && last.is_some() {
        return None;
    }
    let mut events = vec![RangeEvent::Introduced(lower.unwrap_or_else(|| "0".into()))];
    events.extend(fixed.map(RangeEvent::Fixed));
    events.extend(last.map(RangeEvent::LastAffected));
    Some(Taken::Range(Range {
        kind,
        repo: None,
        events,
    }))
}
