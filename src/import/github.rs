//! GitHub repository security advisories as the REST API returns them
//! (`gh api repos/OWNER/REPO/security-advisories`, API version 2022-11-28),
//! published ones and the reports still in `triage` or `draft`.
//!
//! `created_at` is when the report (or the draft) reached the maintainers:
//! the case's clocks run from it. The author of a privately reported
//! advisory (`submission` set) is the reporter. The summary and description
//! are the advisory's text, which the maintainers edit before publishing:
//! they are the case's public text, and the private `report` stays empty.

use super::ids;
use super::node::{At, Result};
use crate::model::case::{
    Consent, Credit, ImportedFrom, PublicText, Range, RangeEvent, RangeType, RecordFormat,
    RecordImport, RecordStatus, Reporter, merge_affected,
};
use crate::model::policy::Package;
use crate::model::ranges::versions_type;
use crate::model::version::Scheme;

/// GitHub's ecosystem names and OSV's.
const ECOSYSTEMS: [(&str, &str); 12] = [
    ("actions", "GitHub Actions"),
    ("composer", "Packagist"),
    ("erlang", "Hex"),
    ("go", "Go"),
    ("maven", "Maven"),
    ("npm", "npm"),
    ("nuget", "NuGet"),
    ("pip", "PyPI"),
    ("pub", "Pub"),
    ("rubygems", "RubyGems"),
    ("rust", "crates.io"),
    ("swift", "SwiftURL"),
];

pub(super) fn read(at: &At<'_>) -> Result<RecordImport> {
    let id_at = at.need("ghsa_id")?;
    let id = ids::record_id(&id_at, id_at.as_str()?)?;
    let ghsa = ids::ghsa(&id).ok_or_else(|| id_at.error(format!("{id:?} is not a GHSA ID")))?;
    let state_at = at.need("state")?;
    let created = at.time("created_at")?;
    let updated = at.time("updated_at")?;
    let published = at.time("published_at")?;
    let withdrawn = at.time("withdrawn_at")?;
    let closed = at.time("closed_at")?;
    let status = match state_at.as_str()? {
        "triage" | "draft" => RecordStatus::Open,
        "published" => RecordStatus::Published,
        "withdrawn" => RecordStatus::Withdrawn(withdrawn.or(updated).ok_or_else(|| {
            at.error("a withdrawn advisory needs `withdrawn_at` (or `updated_at`)")
        })?),
        "closed" => RecordStatus::Rejected(
            closed
                .or(updated)
                .ok_or_else(|| at.error("a closed advisory needs `closed_at` (or `updated_at`)"))?,
            "closed on GitHub without being published".to_owned(),
        ),
        other => {
            return Err(state_at.error(format!(
                "unknown state {other:?} (expected triage, draft, published, withdrawn or closed)"
            )));
        }
    };

    let mut cve = at.str("cve_id")?.and_then(ids::cve);
    let mut aliases: Vec<String> = Vec::new();
    for i in at.list("identifiers")? {
        let Some(value) = i.str("value")? else {
            continue;
        };
        let value = ids::alias(&i, value)?;
        if value != id && !aliases.contains(&value) {
            if cve.is_none() {
                cve = ids::cve(&value);
            }
            aliases.push(value);
        }
    }
    if let Some(c) = &cve
        && !aliases.contains(c)
    {
        aliases.push(c.clone());
    }

    let summary = at.str("summary")?.and_then(ids::line);
    let details = at.str("description")?.and_then(ids::lines);
    let mut references = Vec::new();
    if let Some(url) = at.str("html_url")? {
        ids::push_url(&mut references, url);
    }

    let mut vectors: Vec<String> = Vec::new();
    let mut vector = |cvss: Option<At<'_>>| -> Result<()> {
        if let Some(v) = cvss.map(|c| c.str("vector_string")).transpose()?.flatten() {
            let v = v.trim().to_owned();
            if !v.is_empty() && !vectors.contains(&v) {
                vectors.push(v);
            }
        }
        Ok(())
    };
    if let Some(s) = at.get("cvss_severities") {
        vector(s.get("cvss_v3"))?;
        vector(s.get("cvss_v4"))?;
    }
    vector(at.get("cvss"))?;
    let severity = ids::primary(&vectors);

    let mut cwe_texts = at.strings("cwe_ids")?;
    for c in at.list("cwes")? {
        if let Some(id) = c.str("cwe_id")? {
            cwe_texts.push(id.to_owned());
        }
    }

    let mut affected = Vec::new();
    for v in at.list("vulnerabilities")? {
        let p = v.need("package")?;
        let eco_at = p.need("ecosystem")?;
        let eco = eco_at.as_str()?.trim();
        let ecosystem = ECOSYSTEMS
            .iter()
            .find(|(gh, _)| *gh == eco)
            .map_or(eco, |(_, osv)| osv);
        let package = Package {
            ecosystem: ecosystem.to_owned(),
            name: p.need_str("name")?.trim().to_owned(),
        };
        let patched = v.str("patched_versions")?;
        let (ranges, versions) = match v.get("vulnerable_version_range") {
            Some(r) => version_range(&r, &package, patched)?,
            None => (
                vec![open_range(
                    &package,
                    patched.map(str::trim).filter(|p| !p.is_empty()),
                )],
                Vec::new(),
            ),
        };
        merge_affected(&mut affected, package, ranges, versions);
    }

    let published_or_withdrawn =
        matches!(status, RecordStatus::Published | RecordStatus::Withdrawn(_));
    let mut credits: Vec<Credit> = Vec::new();
    let detailed = at.list("credits_detailed")?;
    let plain = if detailed.is_empty() {
        at.list("credits")?
    } else {
        Vec::new()
    };
    for c in detailed.iter().chain(&plain) {
        let login = match c.get("user") {
            Some(user) => user.need_str("login")?,
            None => c.need_str("login")?,
        };
        let kind_at = c.need("type")?;
        let kind = ids::credit_type(kind_at.as_str()?)
            .ok_or_else(|| kind_at.error(format!("unknown credit type {:?}", kind_at.value)))?;
        // Accepted on GitHub is consent to be named; an unpublished
        // advisory's credits without a state have not said yet.
        let consent = match c.str("state")? {
            Some("accepted") => Consent::Granted,
            Some("declined") => Consent::Declined,
            Some(_) => Consent::Pending,
            None if published_or_withdrawn => Consent::Granted,
            None => Consent::Pending,
        };
        let credit = Credit {
            name: ids::line(login).unwrap_or_default(),
            kind,
            consent,
            contact: Vec::new(),
        };
        if !credits.contains(&credit) {
            credits.push(credit);
        }
    }

    // A privately reported vulnerability: its author is the reporter.
    let reporter = match (at.get("submission"), at.get("author")) {
        (Some(_), Some(author)) => Reporter {
            handle: author.str("login")?.and_then(ids::line),
            ..Reporter::default()
        },
        _ => Reporter::default(),
    };
    let title = summary
        .clone()
        .or_else(|| details.as_deref().map(ids::title_from))
        .unwrap_or_else(|| id.clone());
    Ok(RecordImport {
        from: ImportedFrom {
            format: RecordFormat::Github,
            id,
            aliases,
            primary: severity.as_ref().map(|s| s.cvss.clone()),
            severities: vectors,
            received_known: created.is_some(),
            opened: false,
            modified: updated,
        },
        record: at.value.clone(),
        title,
        status,
        received_at: created,
        published_at: published,
        first_known: created.or(published),
        timeline: Vec::new(),
        reporter,
        cve,
        ghsa: Some(ghsa),
        affected,
        severity,
        cwe: ids::cwes(&cwe_texts),
        credits,
        public: PublicText {
            summary,
            details,
            references,
            ..PublicText::default()
        },
    })
}

/// Every version from the first, fixed in `patched` if given.
fn open_range(package: &Package, patched: Option<&str>) -> Range {
    let mut events = vec![RangeEvent::Introduced("0".into())];
    if let Some(p) = patched.filter(|p| !p.contains(',')) {
        events.push(RangeEvent::Fixed(p.to_owned()));
    }
    Range {
        kind: versions_type(Scheme::of(&package.ecosystem)),
        repo: None,
        events,
    }
}

/// GitHub's `vulnerable_version_range` (`>= 1.0.0, < 1.0.1`, `< 2.0`,
/// `<= 1.2.3`, `= 1.0.0`) as OSV events, or a single version. An exclusive
/// lower bound (`> 1.0`) has no OSV form and refuses the record.
fn version_range(
    at: &At<'_>,
    package: &Package,
    patched: Option<&str>,
) -> Result<(Vec<Range>, Vec<String>)> {
    let text = at.as_str()?.trim();
    if text.is_empty() {
        let patched = patched.map(str::trim).filter(|p| !p.is_empty());
        return Ok((vec![open_range(package, patched)], Vec::new()));
    }
    let (mut lower, mut fixed, mut last) = (None, None, None);
    for part in text.split(',').map(str::trim) {
        let (slot, value) = if let Some(v) = part.strip_prefix(">=") {
            (&mut lower, v)
        } else if let Some(v) = part.strip_prefix("<=") {
            (&mut last, v)
        } else if let Some(v) = part.strip_prefix('<') {
            (&mut fixed, v)
        } else if let Some(v) = part.strip_prefix('=') {
            if text.contains(',') {
                return Err(at.error(format!("{text:?}: `=` cannot be combined")));
            }
            return Ok((Vec::new(), vec![v.trim().to_owned()]));
        } else if part.starts_with('>') {
            return Err(at.error(format!(
                "{text:?}: an exclusive lower bound cannot be written as OSV events"
            )));
        } else {
            return Err(at.error(format!(
                "{text:?}: expected comparators such as `>= 1.0.0, < 1.0.1`"
            )));
        };
        let value = value.trim();
        if value.is_empty() || slot.is_some() {
            return Err(at.error(format!("{text:?} is not a version range")));
        }
        *slot = Some(value.to_owned());
    }
    if fixed.is_some() && last.is_some() {
        return Err(at.error(format!("{text:?} has two upper bounds")));
    }
    let mut events = vec![RangeEvent::Introduced(lower.unwrap_or_else(|| "0".into()))];
    events.extend(fixed.map(RangeEvent::Fixed));
    events.extend(last.map(RangeEvent::LastAffected));
    let kind: RangeType = versions_type(Scheme::of(&package.ecosystem));
    Ok((
        vec![Range {
            kind,
            repo: None,
            events,
        }],
        Vec::new(),
    ))
}
