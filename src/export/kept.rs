//! Exporting a case in the format of the record it was imported from
//! (`disclose import`): what the case holds is rendered from the case, as
//! for any case, and everything else comes back from the record verbatim,
//! so an import loses nothing.
//!
//! From the case: the IDs and aliases, the times, the text, the severity,
//! the affected packages, the references, the credits and (CVE) the CWEs.
//! Each is written in the record's own form where the case still says what
//! the record said: an affected entry keeps its layout and its
//! `ecosystem_specific` and `database_specific`, a range or a CVE version
//! entry still in the case is written as the record wrote it, a reference
//! keeps its type (and a CVE reference its name and tags), a credit its
//! form; the record's CVSS vectors and metrics go out while the case keeps
//! the one it took from them. What the case changed since replaces the
//! record's; what it added is written as for a case of this store's own.
//!
//! From the record: every key the case has no field for (`related`,
//! `upstream`, `database_specific`, package-less affected entries, a CVE's
//! ADP containers, `timeline`, `source`, ...).
//!
//! Normalised: the key order (the exporter's keys first, then the
//! record's others in its order), `schema_version` (1.7.5) and
//! `dataVersion` (5.2), times the case changed (written as RFC 3339 UTC to
//! the second; a time the case did not change keeps the record's text),
//! empty lists left out unless the record wrote them, and the text of
//! summary and details (control characters removed, ends trimmed).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::public::{PublicCase, is_url};
use super::{cve, json, osv};
use crate::error::Result;
use crate::import::Taken;
use crate::model::case::{Case, ImportedFrom, RecordFormat};
use crate::model::time::rfc3339;

/// The record a case was opened from, if it is in `format`.
pub(super) fn source(case: &Case, format: RecordFormat) -> Option<(&ImportedFrom, &Value)> {
    let from = case.source_record().filter(|f| f.format == format)?;
    let record = case.record_of(format, &from.id)?;
    Some((from, record))
}

fn value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// The record's text for a time when it names the same second, else ours.
fn time(theirs: Option<&Value>, at: DateTime<Utc>) -> Value {
    let same = theirs.and_then(Value::as_str).is_some_and(|t| {
        let parsed = DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&Utc))
            .or_else(|_| {
                NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc())
            });
        parsed.is_ok_and(|p| p.timestamp() == at.timestamp())
    });
    match theirs {
        Some(t) if same => t.clone(),
        _ => Value::String(rfc3339(at)),
    }
}

/// A list, or (when empty) the record's own empty form if it wrote one.
fn list(items: Vec<Value>, theirs: Option<&Value>) -> Option<Value> {
    if !items.is_empty() {
        return Some(Value::Array(items));
    }
    theirs
        .filter(|t| t.is_null() || t.as_array().is_some_and(Vec::is_empty))
        .cloned()
}

fn array(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The keys the exporter writes, in its order, then the record's others.
fn assemble(held: Vec<(&str, Option<Value>)>, theirs: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, v) in &held {
        if let Some(v) = v {
            out.insert((*key).to_owned(), v.clone());
        }
    }
    for (key, v) in theirs {
        if !held.iter().any(|(h, _)| h == key) {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

/// Whether the case still has the severity it took from the record.
fn severity_kept(case: &Case, from: &ImportedFrom) -> bool {
    case.severity.as_ref().map(|s| s.cvss.as_str()) == from.primary.as_deref()
}

/// An OSV record imported into `case`, written back.
pub(super) fn osv(
    p: &PublicCase,
    case: &Case,
    from: &ImportedFrom,
    record: &Value,
    modified: DateTime<Utc>,
) -> Result<String> {
    let theirs = record.as_object().cloned().unwrap_or_default();
    let get = |k: &str| theirs.get(k);
    let (id, aliases) = osv::ids(p);
    let mut summary = p.summary.clone();
    let mut details = p.details.as_ref().map(|_| p.details_with_sections());
    // A withdrawal this store recorded, with its reason, says so as the
    // exporter does; the record's own withdrawal keeps its text.
    if let Some(w) = p.withdrawn.as_ref().filter(|w| w.given) {
        summary = Some(format!("Withdrawn: {}", p.summary()));
        details = Some(format!(
            "This advisory was withdrawn on {}: {}\n\n{}",
            super::date(w.at),
            super::markdown::sentence(&w.reason),
            p.details_with_sections()
        ));
    }
    // Text the case did not change keeps the record's spacing.
    let text = |ours: Option<String>, key: &str, clean: fn(&str) -> String| {
        ours.map(|ours| match get(key).and_then(Value::as_str) {
            Some(t) if clean(t) == ours => Value::from(t),
            _ => Value::from(ours),
        })
    };
    let summary = text(summary, "summary", crate::model::text::one_line);
    let details = text(details, "details", crate::model::text::multi_line);
    let severity = if severity_kept(case, from) {
        get("severity").cloned()
    } else {
        list(osv::severity(p).iter().map(value).collect(), None)
    };
    let held = vec![
        ("schema_version", Some(json!(osv::SCHEMA_VERSION))),
        ("id", Some(json!(id))),
        ("modified", Some(time(get("modified"), modified))),
        (
            "published",
            p.published_at.map(|t| time(get("published"), t)),
        ),
        (
            "withdrawn",
            p.withdrawn.as_ref().map(|w| time(get("withdrawn"), w.at)),
        ),
        (
            "aliases",
            list(
                aliases.into_iter().map(Value::from).collect(),
                get("aliases"),
            ),
        ),
        ("summary", summary),
        ("details", details),
        ("severity", severity),
        (
            "affected",
            list(osv_affected(p, array(get("affected")))?, get("affected")),
        ),
        (
            "references",
            list(
                osv_references(p, array(get("references"))),
                get("references"),
            ),
        ),
        (
            "credits",
            list(osv_credits(p, array(get("credits"))), get("credits")),
        ),
        (
            "database_specific",
            database_specific(case, get("database_specific")),
        ),
    ];
    Ok(json(&Value::Object(assemble(held, &theirs))))
}

/// The record's affected entries with what the case still holds of each,
/// then what the case added: to the package's first entry, or as a new one.
fn osv_affected(p: &PublicCase, theirs: &[Value]) -> Result<Vec<Value>> {
    let ours: Vec<Value> = osv::affected(p)?.iter().map(value).collect();
    let mut used_ranges: Vec<Vec<bool>> = p
        .packages
        .iter()
        .map(|k| vec![false; k.ranges.len()])
        .collect();
    let mut used_versions: Vec<Vec<bool>> = p
        .packages
        .iter()
        .map(|k| vec![false; k.versions.len()])
        .collect();
    let mut first: Vec<Option<usize>> = vec![None; p.packages.len()];
    let mut out: Vec<Value> = Vec::new();
    for entry in theirs {
        let Some(package) = entry.get("package") else {
            // A repository's GIT ranges: the case has no package to hold them.
            out.push(entry.clone());
            continue;
        };
        let field = |k: &str| package.get(k).and_then(Value::as_str).map(str::trim);
        let Some(k) = p.packages.iter().position(|pp| {
            Some(pp.package.ecosystem.as_str()) == field("ecosystem")
                && Some(pp.package.name.as_str()) == field("name")
        }) else {
            continue;
        };
        let pp = &p.packages[k];
        let Some(mut e) = entry.as_object().cloned() else {
            continue;
        };
        let (mut had, mut left) = (false, false);
        if let Some(ranges) = entry.get("ranges").and_then(Value::as_array) {
            had |= !ranges.is_empty();
            let kept: Vec<Value> = ranges
                .iter()
                .filter(|r| {
                    let Some(range) = crate::import::osv_range(r) else {
                        return false;
                    };
                    let at = pp
                        .ranges
                        .iter()
                        .position(|m| m.events == range.events && m.repo == range.repo);
                    at.inspect(|i| used_ranges[k][*i] = true).is_some()
                })
                .cloned()
                .collect();
            left |= !kept.is_empty();
            e.insert("ranges".into(), Value::Array(kept));
        }
        if let Some(versions) = entry.get("versions").and_then(Value::as_array) {
            had |= !versions.is_empty();
            let kept: Vec<Value> = versions
                .iter()
                .filter(|v| {
                    let at = v
                        .as_str()
                        .and_then(|v| pp.versions.iter().position(|m| m == v));
                    at.inspect(|i| used_versions[k][*i] = true).is_some()
                })
                .cloned()
                .collect();
            left |= !kept.is_empty();
            e.insert("versions".into(), Value::Array(kept));
        }
        if had && !left {
            continue;
        }
        out.push(Value::Object(e));
        first[k].get_or_insert(out.len() - 1);
    }
    for (k, pp) in p.packages.iter().enumerate() {
        let Some(rendered) = ours.iter().find(|o| {
            o["package"]["ecosystem"] == pp.package.ecosystem.as_str()
                && o["package"]["name"] == pp.package.name.as_str()
        }) else {
            continue;
        };
        // The rendered entry lists the package's ranges and versions in order.
        let pick = |key: &str, used: &[bool]| -> Vec<Value> {
            array(rendered.get(key))
                .iter()
                .zip(used)
                .filter(|(_, u)| !**u)
                .map(|(v, _)| v.clone())
                .collect()
        };
        let ranges = pick("ranges", &used_ranges[k]);
        let versions = pick("versions", &used_versions[k]);
        if ranges.is_empty() && versions.is_empty() {
            continue;
        }
        match first[k].and_then(|i| out[i].as_object_mut()) {
            Some(entry) => {
                for (key, more) in [("ranges", ranges), ("versions", versions)] {
                    if more.is_empty() {
                        continue;
                    }
                    let slot = entry.entry(key).or_insert_with(|| Value::Array(Vec::new()));
                    if let Some(items) = slot.as_array_mut() {
                        items.extend(more);
                    }
                }
            }
            None => {
                let mut entry = rendered.as_object().cloned().unwrap_or_default();
                for (key, items) in [("ranges", ranges), ("versions", versions)] {
                    if items.is_empty() {
                        entry.remove(key);
                    } else {
                        entry.insert(key.into(), Value::Array(items));
                    }
                }
                out.push(Value::Object(entry));
            }
        }
    }
    Ok(out)
}

/// The record's references the case still lists (and those it could not
/// hold, which are not web links), then the case's others.
fn osv_references(p: &PublicCase, theirs: &[Value]) -> Vec<Value> {
    merged_references(osv::references(p), |o| &o.url, theirs)
}

/// `theirs` (the record's references) that `ours` still lists or that are
/// not web links, then the rest of `ours`.
fn merged_references<R: Serialize>(
    ours: Vec<R>,
    url_of: impl Fn(&R) -> &String,
    theirs: &[Value],
) -> Vec<Value> {
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    for r in theirs {
        let url = r.get("url").and_then(Value::as_str).unwrap_or_default();
        if ours.iter().any(|o| url_of(o) == url) || !is_url(url) {
            out.push(r.clone());
            used.insert(url.to_owned());
        }
    }
    for o in ours {
        if used.insert(url_of(&o).clone()) {
            out.push(value(&o));
        }
    }
    out
}

/// The record's credits the case still gives (with the case's contacts),
/// then the case's others. An untyped credit was read as OTHER.
fn osv_credits(p: &PublicCase, theirs: &[Value]) -> Vec<Value> {
    let mut used = vec![false; p.credits.len()];
    let mut out = Vec::new();
    for c in theirs {
        let name = c.get("name").and_then(Value::as_str).map(str::trim);
        let kind = c.get("type").and_then(Value::as_str);
        let found = p.credits.iter().enumerate().position(|(i, ours)| {
            !used[i]
                && ours.name.as_deref() == name
                && match kind {
                    Some(k) => k == ours.kind.as_str(),
                    None => ours.kind == crate::model::case::CreditType::Other,
                }
        });
        let Some(i) = found else { continue };
        used[i] = true;
        let mut c = c.clone();
        let contact: Vec<&str> = array(c.get("contact"))
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if contact
            != p.credits[i]
                .contact
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
            && let Some(obj) = c.as_object_mut()
        {
            obj.insert("contact".into(), json!(p.credits[i].contact));
        }
        out.push(c);
    }
    for (i, ours) in p.credits.iter().enumerate() {
        let Some(name) = ours.name.as_deref().filter(|_| !used[i]) else {
            continue;
        };
        let mut c = Map::new();
        c.insert("name".into(), json!(name));
        if !ours.contact.is_empty() {
            c.insert("contact".into(), json!(ours.contact));
        }
        c.insert("type".into(), json!(ours.kind.as_str()));
        out.push(Value::Object(c));
    }
    out
}

/// The record's `database_specific`, with its `cwe_ids` (GitHub's place
/// for them) following the case's CWEs.
fn database_specific(case: &Case, theirs: Option<&Value>) -> Option<Value> {
    let mut db = theirs
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let listed: Vec<String> = array(db.get("cwe_ids"))
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|c| crate::model::severity::cwe(c).ok())
        .collect();
    if (db.contains_key("cwe_ids") || !case.cwe.is_empty()) && listed != case.cwe {
        db.insert("cwe_ids".into(), json!(case.cwe));
    }
    (theirs.is_some() || !db.is_empty()).then_some(Value::Object(db))
}

/// A CVE record imported into `case`, written back.
pub(super) fn cve(
    p: &PublicCase,
    case: &Case,
    from: &ImportedFrom,
    record: &Value,
    modified: DateTime<Utc>,
) -> Result<String> {
    let theirs = record.as_object().cloned().unwrap_or_default();
    let meta = theirs
        .get("cveMetadata")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let containers = theirs
        .get("containers")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let cna = containers
        .get("cna")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let was_rejected = meta.get("state").and_then(Value::as_str) == Some("REJECTED");
    let updated = time(meta.get("dateUpdated"), modified);
    // The record was not updated since: its CNA container keeps its own time.
    let unchanged = meta.get("dateUpdated") == Some(&updated);
    let mut provider = cna
        .get("providerMetadata")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if !unchanged {
        provider.insert("dateUpdated".into(), json!(rfc3339(modified)));
    }
    if let Some(org) = p
        .cna_org_id
        .as_ref()
        .filter(|_| !provider.contains_key("orgId"))
    {
        provider.insert("orgId".into(), json!(org));
    }
    let cve_id = p.cve.clone().unwrap_or_else(|| from.id.clone());
    let meta_held = vec![
        ("cveId", Some(json!(cve_id))),
        (
            "assignerOrgId",
            meta.get("assignerOrgId")
                .cloned()
                .or_else(|| p.cna_org_id.clone().map(Value::from)),
        ),
        (
            "state",
            Some(json!(if p.withdrawn.is_some() {
                "REJECTED"
            } else {
                "PUBLISHED"
            })),
        ),
        (
            "datePublished",
            p.published_at.map(|t| time(meta.get("datePublished"), t)),
        ),
        (
            "dateRejected",
            p.withdrawn
                .as_ref()
                .map(|w| time(meta.get("dateRejected"), w.at)),
        ),
        ("dateUpdated", Some(updated)),
    ];
    let (cna, others) = match &p.withdrawn {
        Some(w) => {
            let mut reasons: Vec<Value> = array(cna.get("rejectedReasons")).to_vec();
            let en = reasons
                .iter()
                .position(|r| {
                    r.get("lang")
                        .and_then(Value::as_str)
                        .is_some_and(|l| l.starts_with("en"))
                })
                .or((!reasons.is_empty()).then_some(0));
            let said = en
                .and_then(|i| reasons[i].get("value"))
                .and_then(Value::as_str)
                .map(crate::model::text::one_line);
            if said.as_deref() != Some(w.reason.as_str()) {
                let text = json!({"lang": "en", "value": super::markdown::sentence(&w.reason)});
                match en {
                    Some(i) => reasons[i] = text,
                    None => reasons.push(text),
                }
            }
            let held = vec![
                ("providerMetadata", Some(Value::Object(provider))),
                ("rejectedReasons", Some(Value::Array(reasons))),
            ];
            // A rejected record holds the CNA's rejection alone.
            let rest = if was_rejected {
                cna.clone()
            } else {
                Map::new()
            };
            (assemble(held, &rest), Map::new())
        }
        None => {
            let held = vec![
                ("providerMetadata", Some(Value::Object(provider))),
                ("title", case.public.title.clone().map(Value::from)),
                (
                    "descriptions",
                    Some(cve_descriptions(p, array(cna.get("descriptions")))),
                ),
                (
                    "affected",
                    Some(Value::Array(cve_affected(p, array(cna.get("affected"))))),
                ),
                (
                    "problemTypes",
                    list(
                        cve_problem_types(case, array(cna.get("problemTypes"))),
                        cna.get("problemTypes"),
                    ),
                ),
                (
                    "metrics",
                    list(
                        cve_metrics(p, case, from, array(cna.get("metrics"))),
                        cna.get("metrics"),
                    ),
                ),
                ("workarounds", cve_workarounds(p, cna.get("workarounds"))),
                (
                    "references",
                    Some(Value::Array(cve_references(
                        p,
                        array(cna.get("references")),
                    ))),
                ),
                (
                    "credits",
                    list(
                        cve_credits(p, array(cna.get("credits"))),
                        cna.get("credits"),
                    ),
                ),
            ];
            let others: Map<String, Value> = containers
                .iter()
                .filter(|(k, _)| k.as_str() != "cna")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            (assemble(held, &cna), others)
        }
    };
    let mut containers_out = Map::new();
    containers_out.insert("cna".into(), Value::Object(cna));
    containers_out.extend(others);
    let held = vec![
        ("dataType", Some(json!("CVE_RECORD"))),
        ("dataVersion", Some(json!("5.2"))),
        (
            "cveMetadata",
            Some(Value::Object(assemble(meta_held, &meta))),
        ),
        ("containers", Some(Value::Object(containers_out))),
    ];
    Ok(json(&Value::Object(assemble(held, &theirs))))
}

/// The record's descriptions with the English one (else the first) set to
/// the case's details.
fn cve_descriptions(p: &PublicCase, theirs: &[Value]) -> Value {
    let mut out = theirs.to_vec();
    let Some(details) = &p.details else {
        return Value::Array(out);
    };
    let mut text = details.clone();
    if let Some(impact) = &p.impact {
        text.push_str(&format!("\n\nImpact: {impact}"));
    }
    let en = out
        .iter()
        .position(|d| {
            d.get("lang")
                .and_then(Value::as_str)
                .is_some_and(|l| l.starts_with("en"))
        })
        .or((!out.is_empty()).then_some(0));
    match en.and_then(|i| out[i].as_object_mut()) {
        Some(d) => {
            let same = d
                .get("value")
                .and_then(Value::as_str)
                .and_then(|v| Some(crate::model::text::multi_line(v)).filter(|v| *v == text))
                .is_some();
            if !same {
                d.insert("value".into(), json!(text));
            }
        }
        None => out.insert(0, json!({"lang": "en", "value": text})),
    }
    Value::Array(out)
}

/// The record's products with the version entries the case still holds
/// (and those it never held: `unaffected`, `changes`, text that is no
/// range), then what the case added.
fn cve_affected(p: &PublicCase, theirs: &[Value]) -> Vec<Value> {
    let mut used_ranges: Vec<Vec<bool>> = p
        .packages
        .iter()
        .map(|k| vec![false; k.ranges.len()])
        .collect();
    let mut used_versions: Vec<Vec<bool>> = p
        .packages
        .iter()
        .map(|k| vec![false; k.versions.len()])
        .collect();
    let mut first: Vec<Option<usize>> = vec![None; p.packages.len()];
    let mut out: Vec<Value> = Vec::new();
    for entry in theirs {
        let Some(package) = crate::import::cve_package_of(entry) else {
            out.push(entry.clone());
            continue;
        };
        let Some(k) = p.packages.iter().position(|pp| pp.package == package) else {
            continue;
        };
        let pp = &p.packages[k];
        let taken = crate::import::cve_versions_of(entry, &package);
        let mut holds = |t: &Taken| match t {
            Taken::Range(r) => pp
                .ranges
                .iter()
                .position(|m| m.events == r.events && m.repo == r.repo)
                .inspect(|i| used_ranges[k][*i] = true)
                .is_some(),
            Taken::Version(v) => pp
                .versions
                .iter()
                .position(|m| m == v)
                .inspect(|i| used_versions[k][*i] = true)
                .is_some(),
        };
        let versions = array(entry.get("versions"));
        let Some(mut e) = entry.as_object().cloned() else {
            continue;
        };
        if versions.is_empty() {
            // All versions have the default status.
            if let Some(Some(t)) = taken.first()
                && !holds(t)
            {
                continue;
            }
        } else {
            let kept: Vec<Value> = versions
                .iter()
                .zip(taken.iter().chain(std::iter::repeat(&None)))
                .filter(|(_, t)| t.as_ref().is_none_or(&mut holds))
                .map(|(v, _)| v.clone())
                .collect();
            if kept.is_empty() {
                continue;
            }
            e.insert("versions".into(), Value::Array(kept));
        }
        out.push(Value::Object(e));
        first[k].get_or_insert(out.len() - 1);
    }
    for (k, pp) in p.packages.iter().enumerate() {
        let mut rest = p.clone();
        let mut only = pp.clone();
        only.ranges = pp
            .ranges
            .iter()
            .zip(&used_ranges[k])
            .filter(|(_, u)| !**u)
            .map(|(r, _)| r.clone())
            .collect();
        only.versions = pp
            .versions
            .iter()
            .zip(&used_versions[k])
            .filter(|(_, u)| !**u)
            .map(|(v, _)| v.clone())
            .collect();
        if only.ranges.is_empty() && only.versions.is_empty() {
            continue;
        }
        rest.packages[k] = only;
        let more: Vec<Value> = cve::versions(&rest, k).iter().map(value).collect();
        match first[k].and_then(|i| out[i].as_object_mut()) {
            Some(entry) => {
                let slot = entry
                    .entry("versions")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Some(items) = slot.as_array_mut() {
                    items.extend(more);
                }
            }
            None => {
                let package = &pp.package;
                let collection = crate::model::version::collection_url(&package.ecosystem);
                let vendor = p
                    .vendor
                    .clone()
                    .filter(|_| collection.is_some())
                    .unwrap_or_else(|| package.ecosystem.clone());
                let mut product = Map::new();
                product.insert("vendor".into(), json!(vendor));
                product.insert("product".into(), json!(package.name));
                if let Some(c) = collection {
                    product.insert("collectionURL".into(), json!(c));
                    product.insert("packageName".into(), json!(package.name));
                }
                if let Some(purl) = crate::model::version::purl(package) {
                    product.insert("packageURL".into(), json!(purl));
                }
                product.insert("versions".into(), Value::Array(more));
                product.insert("defaultStatus".into(), json!("unaffected"));
                out.push(Value::Object(product));
            }
        }
    }
    out
}

/// The record's problem types while they name the case's CWEs; else the
/// case's, and the record's that name none.
fn cve_problem_types(case: &Case, theirs: &[Value]) -> Vec<Value> {
    let named = |p: &Value| -> Vec<String> {
        array(p.get("descriptions"))
            .iter()
            .filter_map(|d| d.get("cweId").and_then(Value::as_str))
            .filter_map(|c| crate::model::severity::cwe(c).ok())
            .collect()
    };
    let mut listed: Vec<String> = theirs.iter().flat_map(named).collect();
    listed.sort();
    listed.dedup();
    let mut ours = case.cwe.clone();
    ours.sort();
    if listed == ours {
        return theirs.to_vec();
    }
    let mut out: Vec<Value> = case
        .cwe
        .iter()
        .map(|c| {
            json!({"descriptions": [{"lang": "en", "description": c, "cweId": c, "type": "CWE"}]})
        })
        .collect();
    out.extend(theirs.iter().filter(|p| named(p).is_empty()).cloned());
    out
}

/// The record's metrics while the case keeps the vector it took; else the
/// case's, and the record's that are no CVSS 3 or 4 (CVSS 2, SSVC, ...).
fn cve_metrics(p: &PublicCase, case: &Case, from: &ImportedFrom, theirs: &[Value]) -> Vec<Value> {
    if severity_kept(case, from) {
        return theirs.to_vec();
    }
    let mut out: Vec<Value> = cve::metrics(p).iter().map(value).collect();
    out.extend(
        theirs
            .iter()
            .filter(|m| {
                !["cvssV4_0", "cvssV3_1", "cvssV3_0"]
                    .iter()
                    .any(|k| m.get(k).is_some())
            })
            .cloned(),
    );
    out
}

fn cve_workarounds(p: &PublicCase, theirs: Option<&Value>) -> Option<Value> {
    let said = array(theirs)
        .iter()
        .find(|w| {
            w.get("lang")
                .and_then(Value::as_str)
                .is_some_and(|l| l.starts_with("en"))
        })
        .or_else(|| array(theirs).first())
        .and_then(|w| w.get("value"))
        .and_then(Value::as_str)
        .map(crate::model::text::multi_line);
    if said == p.workarounds {
        return theirs.cloned();
    }
    p.workarounds
        .as_ref()
        .map(|w| json!([{"lang": "en", "value": w}]))
}

fn cve_references(p: &PublicCase, theirs: &[Value]) -> Vec<Value> {
    merged_references(cve::references(p), |o| &o.url, theirs)
}

fn cve_credits(p: &PublicCase, theirs: &[Value]) -> Vec<Value> {
    let role = super::markdown::credit_role;
    let mut used = vec![false; p.credits.len()];
    let mut out = Vec::new();
    for c in theirs {
        let name = c.get("value").and_then(Value::as_str).map(str::trim);
        let kind = c.get("type").and_then(Value::as_str).unwrap_or("finder");
        let found = p.credits.iter().enumerate().position(|(i, ours)| {
            !used[i] && ours.name.as_deref() == name && role(ours.kind) == kind.to_lowercase()
        });
        if let Some(i) = found {
            used[i] = true;
            out.push(c.clone());
        }
    }
    for (i, ours) in p.credits.iter().enumerate() {
        if let Some(name) = ours.name.as_deref().filter(|_| !used[i]) {
            out.push(json!({"lang": "en", "value": name, "type": role(ours.kind)}));
        }
    }
    out
}
