//! OSV records (schema 1.x): what a case holds of one. Ranges and versions
//! are taken exactly as recorded (their type too); an affected entry
//! without a package (the GIT ranges of a repository) and every
//! `ecosystem_specific`, `database_specific` and unknown key stay in the
//! record, which the case keeps.

use super::ids;
use super::node::{At, Result};
use crate::model::case::{
    Consent, Credit, CreditType, ImportedFrom, PublicText, Range, RangeEvent, RangeType,
    RecordFormat, RecordImport, RecordStatus, Reporter, merge_affected,
};
use crate::model::policy::Package;

pub(super) fn read(at: &At<'_>) -> Result<RecordImport> {
    let id = ids::record_id(&at.need("id")?, at.need_str("id")?)?;
    let modified = at.time("modified")?;
    let published = at.time("published")?;
    let withdrawn = at.time("withdrawn")?;
    let mut aliases: Vec<String> = Vec::new();
    for a in at.list("aliases")? {
        let alias = ids::alias(&a, a.as_str()?)?;
        if alias != id && !aliases.contains(&alias) {
            aliases.push(alias);
        }
    }
    let summary = at.str("summary")?.and_then(ids::line);
    let details = at.str("details")?.and_then(ids::lines);

    let mut vectors = Vec::new();
    for s in at.list("severity")? {
        let kind = s.need_str("type")?;
        let score = s.need_str("score")?;
        if kind.starts_with("CVSS_V") {
            vectors.push(score.trim().to_owned());
        }
    }
    let severity = ids::primary(&vectors);

    let mut affected = Vec::new();
    for entry in at.list("affected")? {
        entry.object()?;
        let mut ranges = Vec::new();
        for r in entry.list("ranges")? {
            ranges.push(range(&r)?);
        }
        let mut versions = Vec::new();
        for v in entry.list("versions")? {
            let text = v.as_str()?;
            if text.trim().is_empty() || text.chars().any(char::is_control) {
                return Err(v.error(format!("{text:?} is not a version")));
            }
            if !versions.iter().any(|x| x == text) {
                versions.push(text.to_owned());
            }
        }
        // An entry without a package (a repository's GIT ranges) has no
        // place in the case's list of packages: the record keeps it.
        if let Some(p) = entry.get("package") {
            merge_affected(&mut affected, package(&p)?, ranges, versions);
        }
    }

    let mut references = Vec::new();
    for r in at.list("references")? {
        r.need_str("type")?;
        ids::push_url(&mut references, r.need_str("url")?);
    }

    let mut credits: Vec<Credit> = Vec::new();
    for c in at.list("credits")? {
        let name = c.need_str("name")?;
        // An untyped credit is written back untyped (see `export::kept`).
        let kind = match c.get("type") {
            Some(t) => ids::credit_type(t.as_str()?)
                .ok_or_else(|| t.error(format!("unknown credit type {:?}", t.value)))?,
            None => CreditType::Other,
        };
        let credit = Credit {
            name: ids::line(name).unwrap_or_default(),
            kind,
            consent: Consent::Granted,
            contact: c.strings("contact")?,
        };
        if !credits.contains(&credit) {
            credits.push(credit);
        }
    }

    // GitHub's OSV records keep CWE IDs here; other databases' keys stay
    // as they are whatever they hold.
    let cwe = at
        .get("database_specific")
        .and_then(|d| d.strings("cwe_ids").ok())
        .map(|v| ids::cwes(&v))
        .unwrap_or_default();
    let cve = ids::cve(&id).or_else(|| aliases.iter().find_map(|a| ids::cve(a)));
    let ghsa = ids::ghsa(&id).or_else(|| aliases.iter().find_map(|a| ids::ghsa(a)));
    let title = summary
        .clone()
        .or_else(|| details.as_deref().map(ids::title_from))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| id.clone());
    Ok(RecordImport {
        from: ImportedFrom {
            format: RecordFormat::Osv,
            id,
            aliases,
            primary: severity.as_ref().map(|s| s.cvss.clone()),
            severities: vectors,
            received_known: false,
            opened: false,
            modified,
        },
        record: at.value.clone(),
        title,
        status: match withdrawn {
            Some(w) => RecordStatus::Withdrawn(w),
            None => RecordStatus::Published,
        },
        received_at: None,
        published_at: published,
        first_known: published.or(modified),
        timeline: Vec::new(),
        reporter: Reporter::default(),
        cve,
        ghsa,
        affected,
        severity,
        cwe,
        credits,
        public: PublicText {
            summary,
            details,
            references,
            ..PublicText::default()
        },
    })
}

fn package(at: &At<'_>) -> Result<Package> {
    Ok(Package {
        ecosystem: at.need_str("ecosystem")?.trim().to_owned(),
        name: at.need_str("name")?.trim().to_owned(),
    })
}

/// One range, refused when the case could not hold it as recorded.
pub(super) fn range(at: &At<'_>) -> Result<Range> {
    let kind_at = at.need("type")?;
    let kind = match kind_at.as_str()? {
        "SEMVER" => RangeType::Semver,
        "ECOSYSTEM" => RangeType::Ecosystem,
        "GIT" => RangeType::Git,
        other => {
            return Err(kind_at.error(format!(
                "unknown range type {other:?} (expected SEMVER, ECOSYSTEM or GIT)"
            )));
        }
    };
    let repo = at.str("repo")?.map(|r| r.trim().to_owned());
    if kind == RangeType::Git && repo.is_none() {
        return Err(at.error("a GIT range needs `repo`, the repository its commits are in"));
    }
    let events_at = at.need("events")?;
    let mut events = Vec::new();
    for e in events_at.items()? {
        let obj = e.object()?;
        let mut pairs = obj.iter();
        let (Some((key, value)), None) = (pairs.next(), pairs.next()) else {
            return Err(e.error(
                "an event holds exactly one of `introduced`, `fixed`, `last_affected`, `limit`",
            ));
        };
        let text = value
            .as_str()
            .filter(|t| !t.trim().is_empty() && !t.chars().any(char::is_control))
            .ok_or_else(|| e.error(format!("{key:?} must be a version (a non-empty string)")))?
            .to_owned();
        events.push(match key.as_str() {
            "introduced" => RangeEvent::Introduced(text),
            "fixed" => RangeEvent::Fixed(text),
            "last_affected" => RangeEvent::LastAffected(text),
            "limit" => RangeEvent::Limit(text),
            other => {
                return Err(e.error(format!(
                    "unknown event {other:?} (expected introduced, fixed, last_affected or limit)"
                )));
            }
        });
    }
    if !events
        .iter()
        .any(|e| matches!(e, RangeEvent::Introduced(_)))
    {
        return Err(events_at.error("a range needs an `introduced` event"));
    }
    let fixed = events.iter().any(|e| matches!(e, RangeEvent::Fixed(_)));
    let last = events
        .iter()
        .any(|e| matches!(e, RangeEvent::LastAffected(_)));
    if fixed && last {
        return Err(events_at.error(
            "a range holds both `fixed` and `last_affected` events, which OSV forbids: \
             which versions are affected is ambiguous",
        ));
    }
    Ok(Range { kind, repo, events })
}
