//! `disclose import`: real OSV, CVE JSON 5 and GitHub records
//! (`tests/fixtures/import/`, sources in SOURCES.md) imported and exported
//! again, compared field by field, affected versions evaluated in each
//! ecosystem's order; updates, duplicates, one commit per import, bad input.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use disclose::model::version::{Scheme, Version};
use serde_json::{Value, json};

use crate::common::{TestEnv, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn fixture(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixtures().join(name)).unwrap()).unwrap()
}

fn names(prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".json"))
        .collect();
    out.sort();
    out
}

/// Imports `paths` with `--json` and returns the report.
fn import(env: &TestEnv, paths: &[&Path]) -> Value {
    let out = env
        .disclose()
        .args(["import", "--json"])
        .args(paths)
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Imports one fixture into a fresh store and returns the new case's ID.
fn imported(name: &str) -> (TestEnv, String) {
    let env = TestEnv::init();
    let report = import(&env, &[&fixtures().join(name)]);
    assert_eq!(report["created"], 1, "{report}");
    let id = report["records"][0]["case"].as_str().unwrap().to_owned();
    (env, id)
}

fn export(env: &TestEnv, id: &str, format: &str) -> Value {
    let out = env
        .disclose()
        .args(["export", id, "--format", format])
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).unwrap()
}

// Reading affected versions the way OSV's spec evaluates them, in each
// ecosystem's own order (the product's version schemes), independently of
// how the exporter wrote them.

/// One range: its type, repository, and `(event, version)` pairs.
type Events = Vec<(String, String)>;

#[derive(Debug, Default, Clone)]
struct Affects {
    ranges: Vec<(String, Option<String>, Events)>,
    versions: BTreeSet<String>,
}

/// Every package of an OSV record, with all its entries' ranges.
fn osv_packages(record: &Value) -> Vec<((String, String), Affects)> {
    let mut out: Vec<((String, String), Affects)> = Vec::new();
    for entry in record["affected"].as_array().into_iter().flatten() {
        let key = match entry.get("package") {
            Some(p) => (
                p["ecosystem"].as_str().unwrap().to_owned(),
                p["name"].as_str().unwrap().to_owned(),
            ),
            None => ("(none)".into(), "(none)".into()),
        };
        let at = match out.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                out.push((key, Affects::default()));
                out.len() - 1
            }
        };
        let affects = &mut out[at].1;
        for r in entry["ranges"].as_array().into_iter().flatten() {
            let events = r["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let (k, v) = e.as_object().unwrap().iter().next().unwrap();
                    (k.clone(), v.as_str().unwrap().to_owned())
                })
                .collect();
            affects.ranges.push((
                r["type"].as_str().unwrap().to_owned(),
                r["repo"].as_str().map(str::to_owned),
                events,
            ));
        }
        for v in entry["versions"].as_array().into_iter().flatten() {
            affects.versions.insert(v.as_str().unwrap().to_owned());
        }
    }
    out
}

/// Whether `v` is affected by one range, as OSV's spec evaluates it.
fn in_range(scheme: Scheme, events: &Events, v: &Version) -> bool {
    let parse = |s: &str| scheme.parse(s).unwrap();
    let mut sorted: Vec<(&str, Option<Version>)> = events
        .iter()
        .map(|(k, s)| (k.as_str(), (s != "0").then(|| parse(s))))
        .collect();
    sorted.sort_by(|a, b| match (&a.1, &b.1) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Less,
        (_, None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.cmp(y),
    });
    let mut affected = false;
    for (kind, at) in sorted {
        match kind {
            "introduced" if at.as_ref().is_none_or(|a| v >= a) => affected = true,
            "fixed" if at.as_ref().is_some_and(|a| v >= a) => affected = false,
            "last_affected" if at.as_ref().is_some_and(|a| v > a) => affected = false,
            _ => {}
        }
    }
    affected
}

/// Asserts two packages' affected versions are the same: evaluated at
/// every version either names, in the ecosystem's scheme; compared as
/// recorded where the ecosystem has none (and for GIT ranges).
fn same_versions(what: &str, ecosystem: &str, a: &Affects, b: &Affects) {
    let text = |x: &Affects, git: bool| -> BTreeSet<String> {
        x.ranges
            .iter()
            .filter(|r| (r.0 == "GIT") == git)
            .map(|r| format!("{:?} {:?}", r.1, r.2))
            .collect()
    };
    assert_eq!(text(a, true), text(b, true), "{what}: GIT ranges");
    let Some(scheme) = Scheme::of(ecosystem) else {
        assert_eq!(text(a, false), text(b, false), "{what}: ranges as recorded");
        assert_eq!(a.versions, b.versions, "{what}: versions");
        return;
    };
    let mut probes: BTreeSet<String> = a.versions.union(&b.versions).cloned().collect();
    for x in [a, b] {
        for (_, _, events) in x.ranges.iter().filter(|r| r.0 != "GIT") {
            probes.extend(events.iter().map(|e| e.1.clone()).filter(|v| v != "0"));
        }
    }
    let affected = |x: &Affects, v: &str| {
        let parsed = scheme.parse(v).unwrap();
        x.versions
            .iter()
            .any(|w| scheme.parse(w).is_ok_and(|w| w == parsed))
            || x.ranges
                .iter()
                .filter(|r| r.0 != "GIT")
                .any(|r| in_range(scheme, &r.2, &parsed))
    };
    assert!(!probes.is_empty(), "{what}: nothing to compare");
    for v in &probes {
        assert_eq!(affected(a, v), affected(b, v), "{what}: version {v}");
    }
}

fn set(v: &Value, f: impl Fn(&Value) -> String) -> BTreeSet<String> {
    v.as_array().into_iter().flatten().map(f).collect()
}

/// An exported OSV record says what the original said (point 5 of the
/// round trip): ID and aliases, affected versions of every package,
/// severity, credits, references, withdrawn state and every kept field.
fn assert_equivalent_osv(name: &str, original: &Value, exported: &Value) {
    assert_eq!(exported["id"], original["id"], "{name}: id");
    let strings = |v: &Value| set(v, |x| x.as_str().unwrap().to_owned());
    assert_eq!(
        strings(&exported["aliases"]),
        strings(&original["aliases"]),
        "{name}: aliases"
    );
    let packages = osv_packages(original);
    let theirs = osv_packages(exported);
    assert_eq!(
        theirs.iter().map(|p| &p.0).collect::<Vec<_>>(),
        packages.iter().map(|p| &p.0).collect::<Vec<_>>(),
        "{name}: packages"
    );
    for ((key, a), (_, b)) in packages.iter().zip(&theirs) {
        same_versions(&format!("{name} {}/{}", key.0, key.1), &key.0, a, b);
    }
    fn pair(a: &'static str, b: &'static str) -> impl Fn(&Value) -> String {
        move |x: &Value| format!("{} {}", x[a], x[b])
    }
    assert_eq!(
        set(&exported["severity"], pair("type", "score")),
        set(&original["severity"], pair("type", "score")),
        "{name}: severity"
    );
    assert_eq!(
        set(&exported["credits"], |c| format!(
            "{} {} {}",
            c["name"], c["type"], c["contact"]
        )),
        set(&original["credits"], |c| format!(
            "{} {} {}",
            c["name"], c["type"], c["contact"]
        )),
        "{name}: credits"
    );
    assert_eq!(
        set(&exported["references"], pair("type", "url")),
        set(&original["references"], pair("type", "url")),
        "{name}: references"
    );
    assert_eq!(
        exported.get("withdrawn").is_some(),
        original.get("withdrawn").is_some(),
        "{name}: withdrawn"
    );
    // Kept fields: every key the case has no field for, at every level.
    for key in ["database_specific", "related", "upstream"] {
        assert_eq!(exported.get(key), original.get(key), "{name}: {key}");
    }
    let entries = |r: &Value| -> Vec<Value> {
        r["affected"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let mut e = e.clone();
                let o = e.as_object_mut().unwrap();
                o.remove("ranges");
                o.remove("versions");
                e
            })
            .collect()
    };
    assert_eq!(
        entries(exported),
        entries(original),
        "{name}: affected entries"
    );
}

#[test]
fn every_osv_fixture_round_trips() {
    let all = names("osv-");
    assert!(all.len() >= 13, "{all:?}");
    for name in all {
        let (env, id) = imported(&name);
        let exported = export(&env, &id, "osv");
        let original = fixture(&name);
        assert_equivalent_osv(&name, &original, &exported);
        // The case itself holds every package's affected versions (its
        // `affected` has OSV's shape), not only the record it keeps.
        let case = env.case(&id);
        let held = osv_packages(&json!({"affected": case["affected"]}));
        let recorded: Vec<_> = osv_packages(&original)
            .into_iter()
            .filter(|(k, _)| k.0 != "(none)")
            .collect();
        assert_eq!(held.len(), recorded.len(), "{name}: packages held");
        for ((key, a), (_, b)) in recorded.iter().zip(&held) {
            same_versions(&format!("{name} (case) {}/{}", key.0, key.1), &key.0, a, b);
        }
        crate::common::schema::osv(&exported).assert_clean(&name, &exported);
    }
}

/// A CVE product's affected versions, read from its version entries.
fn cve_products(record: &Value) -> Vec<((String, String), Affects)> {
    let mut out = Vec::new();
    for p in record["containers"]["cna"]["affected"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let key = (
            p["vendor"].as_str().unwrap_or_default().to_owned(),
            p["product"].as_str().unwrap_or_default().to_owned(),
        );
        let mut affects = Affects::default();
        for v in p["versions"].as_array().into_iter().flatten() {
            if v["status"] != "affected" {
                continue;
            }
            let start = v["version"].as_str().unwrap();
            let mut events = Vec::new();
            if let Some(rest) = start.strip_prefix('<') {
                // A range written as text (`< 0.1.10`, `>= 0.2.0, < 8.0.0`).
                events.push(("introduced".to_owned(), "0".to_owned()));
                events.push(("fixed".to_owned(), rest.trim().to_owned()));
            } else if start.starts_with(">=") {
                for part in start.split(',') {
                    let part = part.trim();
                    match part.strip_prefix(">=") {
                        Some(v) => events.push(("introduced".into(), v.trim().into())),
                        None => events
                            .push(("fixed".into(), part.trim_start_matches('<').trim().into())),
                    }
                }
            } else if let Some(lt) = v["lessThan"].as_str() {
                events.push(("introduced".into(), start.into()));
                events.push(("fixed".into(), lt.into()));
            } else if let Some(le) = v["lessThanOrEqual"].as_str() {
                events.push(("introduced".into(), start.into()));
                events.push(("last_affected".into(), le.into()));
            } else {
                affects.versions.insert(start.to_owned());
                continue;
            }
            affects.ranges.push(("ECOSYSTEM".into(), None, events));
        }
        out.push((key, affects));
    }
    out
}

fn assert_equivalent_cve(name: &str, original: &Value, exported: &Value) {
    let meta = |r: &Value, k: &str| r["cveMetadata"][k].clone();
    for key in ["cveId", "state", "assignerOrgId"] {
        assert_eq!(meta(exported, key), meta(original, key), "{name}: {key}");
    }
    let cna = |r: &Value| r["containers"]["cna"].clone();
    let (a, b) = (cve_products(original), cve_products(exported));
    assert_eq!(
        b.iter().map(|p| &p.0).collect::<Vec<_>>(),
        a.iter().map(|p| &p.0).collect::<Vec<_>>(),
        "{name}: products"
    );
    for ((key, x), (_, y)) in a.iter().zip(&b) {
        same_versions(&format!("{name} {}/{}", key.0, key.1), "", x, y);
    }
    let vectors = |r: &Value| {
        set(&cna(r)["metrics"], |m| {
            m.as_object()
                .unwrap()
                .values()
                .filter_map(|v| v.get("vectorString"))
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    assert_eq!(vectors(exported), vectors(original), "{name}: metrics");
    let triple = |r: &Value| {
        set(&cna(r)["credits"], |c| {
            format!("{} {}", c["value"], c["type"])
        })
    };
    assert_eq!(triple(exported), triple(original), "{name}: credits");
    let refs = |r: &Value| {
        set(&cna(r)["references"], |x| {
            format!("{} {}", x["url"], x["tags"])
        })
    };
    assert_eq!(refs(exported), refs(original), "{name}: references");
    assert_eq!(
        cna(exported)["rejectedReasons"],
        cna(original)["rejectedReasons"],
        "{name}: rejected"
    );
    // Kept: the ADP containers, and every CNA key the case has no field for.
    assert_eq!(
        exported["containers"]["adp"], original["containers"]["adp"],
        "{name}: adp"
    );
    for key in [
        "timeline",
        "source",
        "problemTypes",
        "datePublic",
        "x_generator",
    ] {
        assert_eq!(
            cna(exported).get(key),
            cna(original).get(key),
            "{name}: {key}"
        );
    }
    for key in ["assignerShortName", "dateReserved"] {
        assert_eq!(meta(exported, key), meta(original, key), "{name}: {key}");
    }
}

#[test]
fn every_cve_fixture_round_trips() {
    let all = names("cve-");
    assert_eq!(all.len(), 3);
    for name in all {
        let (env, id) = imported(&name);
        let exported = export(&env, &id, "cve");
        assert_equivalent_cve(&name, &fixture(&name), &exported);
        crate::common::schema::cve(&exported).assert_clean(&name, &exported);
    }
}

#[test]
fn a_published_github_advisory_round_trips_through_osv() {
    let (env, id) = imported("ghsa-api-published.json");
    let case = env.case(&id);
    assert_eq!(case["state"], "published");
    assert_eq!(case["received_at"], "2020-01-01T00:00:00Z");
    assert_eq!(case["published_at"], "2020-01-03T00:00:00Z");
    let exported = export(&env, &id, "osv");
    let original = fixture("ghsa-api-published.json");
    assert_eq!(exported["id"], "GHSA-abcd-1234-efgh");
    assert_eq!(exported["aliases"], json!(["CVE-2050-00000"]));
    assert_eq!(exported["modified"], "2020-01-03T00:00:00Z");
    // GitHub's ranges, evaluated against the OSV record's.
    for v in original["vulnerabilities"].as_array().unwrap() {
        let name = v["package"]["name"].as_str().unwrap();
        let range = v["vulnerable_version_range"].as_str().unwrap();
        let mut events = Vec::new();
        for part in range.split(',').map(str::trim) {
            match part.strip_prefix(">=") {
                Some(v) => events.push(("introduced".to_owned(), v.trim().to_owned())),
                None => events.push(("fixed".to_owned(), part[1..].trim().to_owned())),
            }
        }
        let theirs = Affects {
            ranges: vec![("ECOSYSTEM".into(), None, events)],
            versions: BTreeSet::new(),
        };
        let ours = osv_packages(&exported)
            .into_iter()
            .find(|(k, _)| k.0 == "PyPI" && k.1 == name)
            .unwrap_or_else(|| panic!("{name} missing from {exported}"))
            .1;
        same_versions(name, "PyPI", &theirs, &ours);
    }
    let vectors = set(&exported["severity"], |s| {
        s["score"].as_str().unwrap().to_owned()
    });
    assert_eq!(
        vectors,
        BTreeSet::from([
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".to_owned(),
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N".to_owned(),
        ])
    );
    assert_eq!(
        exported["credits"],
        json!([{"name": "octocat", "type": "ANALYST"}])
    );
    assert_eq!(
        exported["references"],
        json!([{"type": "WEB", "url": "https://github.com/repo/a-package/security/advisories/GHSA-abcd-1234-efgh"}])
    );
    assert_eq!(exported["database_specific"]["cwe_ids"], json!(["CWE-123"]));
    crate::common::schema::osv(&exported).assert_clean("github", &exported);
}

#[test]
fn a_github_triage_report_opens_a_case_whose_clocks_start_at_created_at() {
    let (env, id) = imported("ghsa-api-triage.json");
    let case = env.case(&id);
    assert_eq!(case["state"], "new");
    assert_eq!(case["received_at"], "2020-01-01T00:00:00Z");
    assert_eq!(case["reporter"]["handle"], "octocat");
    assert_eq!(
        case["report"]["description"],
        Value::Null,
        "the report stays empty"
    );
    assert_eq!(
        case["public"]["summary"],
        "A newly discovered vulnerability"
    );
    assert_eq!(case["identifiers"]["ghsa"], "GHSA-abcd-1234-efgh");
    // Acknowledgement due 48 h after created_at: a minute before, nothing.
    let out = env
        .disclose_at("2020-01-02T23:59:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["findings"], json!([]), "{report}");
    let out = env
        .disclose_at("2020-01-03T00:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["kind"], "acknowledgement-overdue");
    assert_eq!(finding["case"], id.as_str());
    assert_eq!(finding["due"], "2020-01-03T00:00:00Z");
    // An open case: its export is a preview.
    env.disclose()
        .args(["export", &id, "--format", "osv"])
        .assert()
        .code(2);
}

#[test]
fn importing_the_same_files_again_changes_nothing() {
    let env = TestEnv::init();
    let dir = fixtures();
    // The two GitHub examples share one GHSA ID: leave the triage one out.
    let files: Vec<PathBuf> = names("")
        .into_iter()
        .filter(|n| n != "ghsa-api-triage.json")
        .map(|n| dir.join(n))
        .collect();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let first = import(&env, &paths);
    assert_eq!(first["failed"], 0, "{first}");
    let commits = env.commits().len();
    let before = env.snapshot_bytes();
    let again = import(&env, &paths);
    assert_eq!(again["created"], 0, "{again}");
    assert_eq!(again["updated"], 0, "{again}");
    assert_eq!(
        again["unchanged"],
        first["records"].as_array().unwrap().len()
    );
    assert_eq!(env.commits().len(), commits);
    assert_eq!(env.snapshot_bytes(), before);
}

#[test]
fn one_import_is_one_commit_and_ids_and_aliases_find_their_case() {
    let env = TestEnv::init();
    let commits = env.commits().len();
    // The GitHub OSV record of CVE-2024-45296 and the CVE record itself.
    let report = import(
        &env,
        &[
            &fixtures().join("osv-GHSA-9wv6-86v2-598j.json"),
            &fixtures().join("cve-CVE-2024-45296.json"),
            &fixtures().join("osv-GO-2022-0969.json"),
        ],
    );
    assert_eq!(
        (report["created"].as_u64(), report["updated"].as_u64()),
        (Some(2), Some(1))
    );
    let records = report["records"].as_array().unwrap();
    assert_eq!(records[1]["action"], "updated");
    assert_eq!(records[1]["case"], records[0]["case"]);
    assert_eq!(env.case_ids().len(), 2);
    let log = env.commits();
    assert_eq!(log.len(), commits + 1);
    assert_eq!(log[0].0, "import: 3 records (2 created, 1 updated)");
    // The CVE record is kept beside the OSV record; the case's content
    // stays the OSV record's, whose export is unchanged.
    let id = records[0]["case"].as_str().unwrap();
    let case = env.case(id);
    assert_eq!(case["imported"].as_array().unwrap().len(), 2);
    assert_eq!(case["affected"][0]["package"]["ecosystem"], "npm");
    let exported = export(&env, id, "osv");
    let name = "osv-GHSA-9wv6-86v2-598j.json";
    assert_equivalent_osv(name, &fixture(name), &exported);
}

#[test]
fn an_updated_record_adds_only_its_changes_and_local_edits_stay() {
    let env = TestEnv::init();
    let name = "osv-GHSA-6f62-3596-g6w7.json";
    let (_, id) = {
        let report = import(&env, &[&fixtures().join(name)]);
        (
            (),
            report["records"][0]["case"].as_str().unwrap().to_owned(),
        )
    };
    env.disclose()
        .args(["describe", &id, "--summary", "Request smuggling in WEBrick"])
        .assert()
        .success();
    let events = env.case(&id)["events"].as_array().unwrap().len();
    let mut record = fixture(name);
    record["modified"] = json!("2024-10-01T00:00:00Z");
    record["withdrawn"] = json!("2024-10-01T00:00:00Z");
    record["affected"][0]["ranges"][0]["events"][1] = json!({"fixed": "1.8.3"});
    record["database_specific"]["github_reviewed"] = json!(false);
    let file = env.root.join("updated.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
    let report = import(&env, &[&file]);
    assert_eq!(report["records"][0]["action"], "updated", "{report}");
    assert_eq!(report["records"][0]["case"], id.as_str());
    let case = env.case(&id);
    let kinds: Vec<&str> = case["events"].as_array().unwrap()[events..]
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "affected-removed",
            "affected-added",
            "withdrawn",
            "imported"
        ]
    );
    assert_eq!(case["state"], "withdrawn");
    assert_eq!(
        case["public"]["summary"], "Request smuggling in WEBrick",
        "the local edit stays"
    );
    let exported = export(&env, &id, "osv");
    assert_eq!(exported["withdrawn"], "2024-10-01T00:00:00Z");
    assert_eq!(exported["modified"], "2024-10-01T00:00:00Z");
    assert_eq!(exported["summary"], "Request smuggling in WEBrick");
    assert_eq!(exported["database_specific"]["github_reviewed"], false);
    assert_eq!(
        exported["affected"][0]["ranges"][0]["events"],
        json!([{"introduced": "0"}, {"fixed": "1.8.3"}])
    );
    assert_eq!(
        exported["affected"][0]["database_specific"],
        record["affected"][0]["database_specific"]
    );
}

#[test]
fn changes_made_here_show_in_the_export_and_kept_fields_stay() {
    let (env, id) = imported("osv-RUSTSEC-2019-0009.json");
    let shown = stdout(&env.disclose().args(["show", &id]).assert().success());
    assert!(
        shown.contains(
            "imported      RUSTSEC-2019-0009 (OSV record, also CVE-2019-15551, GHSA-mm7v-vpv8-xfc3)"
        ),
        "{shown}"
    );
    assert!(shown.contains("(first known: the record does not say when it was received)"));
    env.disclose()
        .args([
            "affected",
            &id,
            "--package",
            "smallvec",
            "--ecosystem",
            "crates.io",
            "--range",
            ">=1.0.0, <1.6.1",
        ])
        .assert()
        .success();
    env.disclose()
        .args([
            "severity",
            &id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ])
        .assert()
        .success();
    let exported = export(&env, &id, "osv");
    let entry = &exported["affected"][0];
    assert_eq!(entry["ranges"].as_array().unwrap().len(), 2, "{entry}");
    assert_eq!(
        entry["ranges"][1]["events"],
        json!([{"introduced": "1.0.0"}, {"fixed": "1.6.1"}])
    );
    assert_eq!(
        entry["ecosystem_specific"]["affects"]["functions"],
        json!(["smallvec::SmallVec::grow"])
    );
    assert_eq!(
        exported["severity"],
        json!([{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"}])
    );
    assert_eq!(exported["database_specific"], json!({"license": "CC0-1.0"}));
    crate::common::schema::osv(&exported).assert_clean("changed", &exported);
}

#[test]
fn a_thousand_records_are_one_commit() {
    let env = TestEnv::init();
    let records: Vec<Value> = (0..1000)
        .map(|i| {
            json!({
                "schema_version": "1.6.0",
                "id": format!("OSV-2025-{i:04}"),
                "modified": "2025-01-02T00:00:00Z",
                "published": "2025-01-01T00:00:00Z",
                "aliases": [format!("CVE-2025-{:05}", 10000 + i)],
                "summary": format!("Problem number {i}"),
                "details": "Generated.",
                "affected": [{
                    "package": {"ecosystem": "crates.io", "name": format!("crate-{i}")},
                    "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": format!("1.{i}.0")}]}],
                    "database_specific": {"n": i}
                }]
            })
        })
        .collect();
    let file = env.root.join("bulk.json");
    std::fs::write(&file, serde_json::to_vec(&records).unwrap()).unwrap();
    let commits = env.commits().len();
    let report = import(&env, &[&file]);
    assert_eq!(report["created"], 1000);
    assert_eq!(env.case_ids().len(), 1000);
    let log = env.commits();
    assert_eq!(log.len(), commits + 1);
    assert_eq!(log[0].0, "import: 1000 records (1000 created, 0 updated)");
    // The IDs are distinct, and each case is its record.
    let ids: BTreeSet<&str> = report["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["case"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 1000);
    let stats = env.disclose().args(["stats", "--json"]).assert().success();
    let stats: Value = serde_json::from_str(&stdout(&stats)).unwrap();
    assert_eq!(stats["imported"], 1000);
}

#[test]
fn a_dry_run_lists_and_changes_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["import", "--dry-run"])
        .arg(fixtures().join("osv-GO-2022-0969.json"))
        .arg(fixtures().join("cve-CVE-2024-45296.json"))
        .arg(fixtures().join("osv-GHSA-9wv6-86v2-598j.json"))
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("would create  -"), "{text}");
    assert!(
        text.contains("would update") && text.contains("GHSA-9wv6-86v2-598j"),
        "{text}"
    );
    assert!(stderr(&out).contains("Would import 3 of 3 records: 2 created, 1 updated"));
    assert_eq!(env.snapshot_bytes(), before);
    // Against cases already here, with --json.
    import(&env, &[&fixtures().join("osv-GO-2022-0969.json")]);
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["import", "--dry-run", "--json"])
        .arg(fixtures().join("osv-GO-2022-0969.json"))
        .assert()
        .success();
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["records"][0]["action"], "unchanged");
    assert_eq!(env.snapshot_bytes(), before);
    // A dry run needs no store and creates none.
    let fresh = TestEnv::new();
    fresh
        .disclose()
        .args(["import", "--dry-run"])
        .arg(fixtures().join("osv-GO-2022-0969.json"))
        .assert()
        .success();
    assert!(!fresh.store.exists());
}

#[test]
fn bad_input_names_the_file_and_path_and_changes_nothing() {
    let env = TestEnv::init();
    let write = |name: &str, text: &str| {
        let path = env.root.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let before = env.snapshot_bytes();
    let cases: [(&str, &str, &str); 5] = [
        (
            "not.json",
            "<html>",
            "not.json: $: not JSON: expected value at line 1, column 1",
        ),
        (
            "other.json",
            r#"{"hello": "world"}"#,
            "other.json: $: not a record of a known format",
        ),
        (
            "both.json",
            r#"{"id": "OSV-2025-1", "modified": "2025-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}, {"last_affected": "0.9.0"}]}]}]}"#,
            "both.json: $.affected[0].ranges[0].events: a range holds both `fixed` and `last_affected`",
        ),
        (
            "id.json",
            r#"{"id": "../../escape", "modified": "2025-01-01T00:00:00Z"}"#,
            "id.json: $.id: \"../../escape\" is not a record ID",
        ),
        ("scalar.json", "42", "scalar.json: $: $: expected a record"),
    ];
    for (name, text, message) in cases {
        let path = write(name, text);
        let out = env.disclose().arg("import").arg(&path).assert().code(2);
        let err = stderr(&out);
        assert!(err.contains(message), "{name}: {err}");
        assert_eq!(env.snapshot_bytes(), before, "{name}");
    }
    // A record over the limit of one (1 MB), named by the field.
    let mut big = fixture("osv-GO-2022-0969.json");
    big["details"] = json!("x".repeat(1_100_000));
    let path = write("big.json", &big.to_string());
    let out = env.disclose().arg("import").arg(&path).assert().code(2);
    assert!(
        stderr(&out).contains("big.json: $: the details is too long"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot_bytes(), before);
    // A missing file: nothing is read.
    let out = env
        .disclose()
        .args(["import", "missing.json"])
        .assert()
        .code(2);
    assert!(stderr(&out).contains("missing.json"));
    // Too large for --max-size.
    let out = env
        .disclose()
        .args(["import", "--max-size", "1K"])
        .arg(fixtures().join("cve-CVE-2024-9001.json"))
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("larger than the limit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.snapshot_bytes(), before);
}

#[test]
fn the_good_records_go_in_and_the_bad_one_is_named_with_exit_1() {
    let env = TestEnv::init();
    let good = fixture("osv-MAL-2024-11848.json");
    let mut bad = fixture("osv-GHSA-g644-9gfx-q4q4.json");
    bad["affected"][0]["ranges"][0]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"fixed": "3.9.20"}));
    let file = env.root.join("mixed.json");
    std::fs::write(&file, serde_json::to_vec(&json!([good, bad])).unwrap()).unwrap();
    let commits = env.commits().len();
    let out = env.disclose().arg("import").arg(&file).assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains("mixed.json: $[1].affected[0].ranges[0].events: a range holds both"),
        "{err}"
    );
    assert!(stdout(&out).contains("MAL-2024-11848"));
    assert_eq!(env.case_ids().len(), 1, "nothing of the bad record");
    assert_eq!(env.commits().len(), commits + 1);
    assert!(env.commits()[0].0.ends_with(": import MAL-2024-11848"));
}

#[test]
fn a_directory_is_read_recursively_without_following_links() {
    let env = TestEnv::init();
    let dir = env.root.join("advisories");
    std::fs::create_dir_all(dir.join("2024")).unwrap();
    std::fs::copy(
        fixtures().join("osv-GO-2022-0969.json"),
        dir.join("2024/GO-2022-0969.json"),
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "not a record").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        fixtures().join("osv-MAL-2024-11848.json"),
        dir.join("linked.json"),
    )
    .unwrap();
    let report = import(&env, &[&dir]);
    let records = report["records"].as_array().unwrap();
    assert_eq!(records.len(), 1, "{report}");
    assert_eq!(records[0]["record"], "GO-2022-0969");
    // From stdin too.
    let out = env
        .disclose()
        .args(["import", "-", "--json"])
        .write_stdin(std::fs::read(fixtures().join("osv-MAL-2024-11848.json")).unwrap())
        .assert()
        .success();
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["records"][0]["file"], "-");
    assert_eq!(report["created"], 1);
}

#[test]
fn stats_count_imported_cases_and_leave_out_times_a_record_lacks() {
    let env = TestEnv::init();
    import(
        &env,
        &[
            &fixtures().join("osv-GO-2022-0969.json"),
            &fixtures().join("ghsa-api-published.json"),
        ],
    );
    let out = env.disclose().args(["stats", "--json"]).assert().success();
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["cases"], 2);
    assert_eq!(stats["imported"], 2);
    // Only the GitHub advisory says when it was received: two days to publish.
    assert_eq!(stats["time_to_publish"]["count"], 1);
    assert_eq!(stats["time_to_publish"]["median_minutes"], 2 * 24 * 60);
    assert_eq!(stats["publication"]["published"], 2);
    assert_eq!(stats["publication"]["without_received_time"], 1);
    let out = env.disclose().arg("stats").assert().success();
    let text = stdout(&out);
    assert!(text.contains("2 imported"), "{text}");
}

#[test]
fn an_imported_advisory_id_is_never_given_out_again() {
    let env = TestEnv::init();
    env.disclose()
        .args(["policy", "set", "project", "Demo"])
        .assert()
        .success();
    let mut record = fixture("osv-MAL-2024-11848.json");
    record["id"] = json!("DEMO-SA-2026-004");
    let file = env.root.join("own.json");
    std::fs::write(&file, serde_json::to_vec(&record).unwrap()).unwrap();
    import(&env, &[&file]);
    let id = env.open("Another problem", &[]);
    let out = env.disclose().args(["reserve", &id]).assert().success();
    assert!(
        stdout(&out).contains("DEMO-SA-2026-005") || stderr(&out).contains("DEMO-SA-2026-005"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}
