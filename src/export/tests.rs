use chrono::{DateTime, Utc};
use serde_json::Value;

use super::*;
use crate::judge::readiness;
use crate::model::case::{
    Consent, Credit, CreditType, Decision, Direction, EventKind, NewCase, RangeType, Report,
    Reporter, Severity, State,
};
use crate::model::policy::{MaintainedRelease, Package, Policy};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const COMMIT_14: &str = "1111111111111111111111111111111111111111";
const COMMIT_15: &str = "2222222222222222222222222222222222222222";

fn policy() -> Policy {
    Policy {
        project: Some("demo".into()),
        contact: Some("security@example.org".into()),
        vendor: Some("Example Org".into()),
        cna_org_id: Some("b3476cb9-2e3d-41a6-98d0-0f47421a65b6".into()),
        maintained_releases: vec![
            MaintainedRelease {
                name: "1.4".into(),
                range: ">=1.4.0, <1.5.0".into(),
            },
            MaintainedRelease {
                name: "1.5".into(),
                range: ">=1.5.0, <1.6.0".into(),
            },
        ],
        repository: Some("https://github.com/example/demo".into()),
        ..Policy::default()
    }
}

fn package() -> Package {
    Package {
        ecosystem: "crates.io".into(),
        name: "demo".into(),
    }
}

/// A case taken through the whole process, with a backport to 1.4.
fn fixed_case(reporter: Reporter, consent: Consent) -> Case {
    let by = "M <m@example.org>";
    let mut case = Case::open(
        "DISC-2026-K7Q3M".parse().unwrap(),
        NewCase {
            title: "Path traversal in upload".into(),
            received_at: None,
            reporter,
            report: Report {
                description: Some(
                    "Upload names are joined to the data directory unchecked.".into(),
                ),
                reproduction: Some("curl -F name=../../etc/passwd".into()),
                impact: Some("An attacker can write files outside the data directory.".into()),
                remediation: Some("Set `uploads = false` until you upgrade.".into()),
            },
        },
        Policy::default().slas(),
        at("2026-03-02T09:00:00Z"),
        by,
    );
    let t = at("2026-03-02T10:00:00Z");
    case.acknowledge(t, t, by, None).unwrap();
    let steps = vec![
        EventKind::Confirmed,
        EventKind::AffectedAdded {
            package: package(),
            ranges: vec![crate::model::case::Range {
                kind: RangeType::Semver,
                events: vec![RangeEvent::Introduced("1.0.0".into())],
            }],
            versions: Vec::new(),
            releases: [
                ("1.4".into(), Decision::Affected),
                ("1.5".into(), Decision::Affected),
            ]
            .into_iter()
            .collect(),
        },
        EventKind::SeverityAssessed {
            severity: Some(Severity {
                cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N".into(),
                score: 8.1,
                rating: "high".into(),
            }),
            cwe: vec!["CWE-22".into()],
        },
        EventKind::IdentifiersAssigned {
            cve: Some("CVE-2026-12345".into()),
            ghsa: None,
        },
        EventKind::CreditSet {
            credit: Credit {
                name: "Ada Lovelace".into(),
                kind: CreditType::Finder,
                consent,
                contact: Vec::new(),
            },
        },
        EventKind::NoteAdded {
            text: "Also affects the admin import.".into(),
            private: false,
        },
        EventKind::FixLinked {
            release: "1.5".into(),
            commits: vec![COMMIT_15.into()],
            pr: Some("https://github.com/example/demo/pull/42".into()),
            version: Some("1.5.3".into()),
            released_at: Some(at("2026-03-10T12:00:00Z")),
        },
        EventKind::FixLinked {
            release: "1.4".into(),
            commits: vec![COMMIT_14.into()],
            pr: Some("#43".into()),
            version: Some("1.4.2".into()),
            released_at: Some(at("2026-03-10T13:00:00Z")),
        },
    ];
    for (i, kind) in steps.into_iter().enumerate() {
        let when = at("2026-03-03T09:00:00Z") + chrono::TimeDelta::hours(i as i64);
        case.record(kind, when, by, None);
    }
    case
}

fn ada() -> Reporter {
    Reporter {
        name: Some("Ada Lovelace".into()),
        email: Some("ada@example.net".into()),
        handle: Some("adal".into()),
    }
}

fn published(mut case: Case) -> Case {
    case.record(
        EventKind::Published {
            advisory: "DEMO-SA-2026-001".into(),
            forced_reason: None,
        },
        at("2026-03-20T09:00:00Z"),
        "M",
        None,
    );
    case
}

const NOW: &str = "2026-03-20T09:00:00Z";

fn all(case: &Case, policy: &Policy) -> Vec<(Format, String)> {
    Format::ALL
        .into_iter()
        .map(|f| (f, render(case, policy, f, at(NOW)).unwrap()))
        .collect()
}

#[test]
fn the_backport_case_is_fixed_and_ready() {
    let case = fixed_case(ada(), Consent::Granted);
    assert_eq!(case.state, State::Fixed);
    assert_eq!(readiness::check(&case, &policy(), at(NOW)), vec![]);
}

#[test]
fn every_format_gives_one_range_per_release() {
    let case = published(fixed_case(ada(), Consent::Granted));
    let out = all(&case, &policy());
    let md = &out[0].1;
    assert!(
        md.contains("1.0.0 up to (not including) 1.4.2; 1.5.0 up to (not including) 1.5.3"),
        "{md}"
    );
    let osv: Value = serde_json::from_str(&out[3].1).unwrap();
    assert_eq!(
        osv["affected"][0]["ranges"][0]["events"],
        serde_json::json!([
            {"introduced": "1.0.0"}, {"fixed": "1.4.2"},
            {"introduced": "1.5.0"}, {"fixed": "1.5.3"}
        ])
    );
    let cve: Value = serde_json::from_str(&out[4].1).unwrap();
    let versions = &cve["containers"]["cna"]["affected"][0]["versions"];
    assert_eq!(
        versions,
        &serde_json::json!([
            {"version": "1.0.0", "status": "affected", "versionType": "semver", "lessThan": "1.4.2"},
            {"version": "1.5.0", "status": "affected", "versionType": "semver", "lessThan": "1.5.3"}
        ])
    );
    let notes = &out[1].1;
    assert!(
        notes.contains("- 1.4.2 (1.4): fixes **DEMO-SA-2026-001 / CVE-2026-12345**"),
        "{notes}"
    );
    assert!(notes.contains("- 1.5.3 (1.5)"), "{notes}");
}

#[test]
fn output_is_deterministic() {
    let case = published(fixed_case(ada(), Consent::Granted));
    let replayed = crate::model::case::replay(case.events.clone()).unwrap();
    assert_eq!(all(&case, &policy()), all(&replayed, &policy()));
}

/// OSV 1.7: required keys, types and enum values, from the schema.
#[test]
fn osv_record_has_the_schema_shape() {
    let case = published(fixed_case(ada(), Consent::Granted));
    let osv: Value =
        serde_json::from_str(&render(&case, &policy(), Format::Osv, at(NOW)).unwrap()).unwrap();
    assert_eq!(osv["schema_version"], "1.7.5");
    assert_eq!(osv["id"], "CVE-2026-12345");
    assert_eq!(osv["aliases"], serde_json::json!(["DEMO-SA-2026-001"]));
    let ts = |v: &Value| {
        let s = v.as_str().unwrap();
        assert!(
            s.len() == 20 && s.ends_with('Z') && s.as_bytes()[10] == b'T',
            "{s}"
        );
    };
    ts(&osv["modified"]);
    ts(&osv["published"]);
    assert!(osv["summary"].is_string() && osv["details"].is_string());
    assert_eq!(osv["severity"][0]["type"], "CVSS_V3");
    assert!(
        osv["severity"][0]["score"]
            .as_str()
            .unwrap()
            .starts_with("CVSS:3.1/")
    );
    let affected = &osv["affected"][0];
    assert_eq!(affected["package"]["ecosystem"], "crates.io");
    assert_eq!(affected["package"]["name"], "demo");
    for range in affected["ranges"].as_array().unwrap() {
        assert!(["SEMVER", "ECOSYSTEM", "GIT"].contains(&range["type"].as_str().unwrap()));
        let events = range["events"].as_array().unwrap();
        assert!(events.iter().any(|e| e.get("introduced").is_some()));
        for e in events {
            let obj = e.as_object().unwrap();
            assert_eq!(obj.len(), 1);
            assert!(
                ["introduced", "fixed", "last_affected", "limit"]
                    .contains(&obj.keys().next().unwrap().as_str())
            );
        }
    }
    for r in osv["references"].as_array().unwrap() {
        let kinds = [
            "ADVISORY",
            "ARTICLE",
            "DETECTION",
            "DISCUSSION",
            "REPORT",
            "FIX",
            "INTRODUCED",
            "GIT",
            "PACKAGE",
            "EVIDENCE",
            "WEB",
        ];
        assert!(kinds.contains(&r["type"].as_str().unwrap()));
        assert!(r["url"].as_str().unwrap().starts_with("https://"));
    }
    let fixes: Vec<&str> = osv["references"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "FIX")
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert!(
        fixes.contains(&format!("https://github.com/example/demo/commit/{COMMIT_14}").as_str())
    );
    assert!(fixes.contains(&"https://github.com/example/demo/pull/43"));
    assert_eq!(
        osv["credits"],
        serde_json::json!([{"name": "Ada Lovelace", "type": "FINDER"}])
    );
    assert!(osv["database_specific"].is_object());
}

/// CVE JSON 5.2 (published record, CNA container): required keys and enums.
#[test]
fn cve_record_has_the_schema_shape() {
    let case = published(fixed_case(ada(), Consent::Granted));
    let cve: Value =
        serde_json::from_str(&render(&case, &policy(), Format::Cve, at(NOW)).unwrap()).unwrap();
    assert_eq!(cve["dataType"], "CVE_RECORD");
    assert_eq!(cve["dataVersion"], "5.2");
    let meta = &cve["cveMetadata"];
    assert_eq!(meta["cveId"], "CVE-2026-12345");
    assert_eq!(
        meta["assignerOrgId"],
        "b3476cb9-2e3d-41a6-98d0-0f47421a65b6"
    );
    assert_eq!(meta["state"], "PUBLISHED");
    let cna = &cve["containers"]["cna"];
    let keys: Vec<&str> = cna
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in &keys {
        assert!(
            [
                "providerMetadata",
                "title",
                "datePublic",
                "descriptions",
                "affected",
                "problemTypes",
                "metrics",
                "solutions",
                "workarounds",
                "references",
                "credits",
                "timeline"
            ]
            .contains(key),
            "{key} is not a CNA container key"
        );
    }
    for required in ["providerMetadata", "descriptions", "affected", "references"] {
        assert!(keys.contains(&required), "{required}");
    }
    assert_eq!(cna["providerMetadata"]["orgId"], meta["assignerOrgId"]);
    assert_eq!(cna["descriptions"][0]["lang"], "en");
    let product = &cna["affected"][0];
    assert_eq!(product["vendor"], "Example Org");
    assert_eq!(product["product"], "demo");
    assert_eq!(product["defaultStatus"], "unaffected");
    for key in product.as_object().unwrap().keys() {
        assert!(
            ["vendor", "product", "repo", "versions", "defaultStatus"].contains(&key.as_str()),
            "{key}"
        );
    }
    for v in product["versions"].as_array().unwrap() {
        for key in v.as_object().unwrap().keys() {
            assert!(
                [
                    "version",
                    "status",
                    "versionType",
                    "lessThan",
                    "lessThanOrEqual"
                ]
                .contains(&key.as_str()),
                "{key}"
            );
        }
        assert!(["affected", "unaffected", "unknown"].contains(&v["status"].as_str().unwrap()));
        assert!(v.get("lessThan").is_none() || v.get("versionType").is_some());
    }
    let meta_keys: Vec<&String> = meta.as_object().unwrap().keys().collect();
    for key in meta_keys {
        assert!(
            [
                "cveId",
                "assignerOrgId",
                "state",
                "datePublished",
                "dateUpdated"
            ]
            .contains(&key.as_str()),
            "{key}"
        );
    }
    assert_eq!(cna["problemTypes"][0]["descriptions"][0]["cweId"], "CWE-22");
    assert_eq!(cna["problemTypes"][0]["descriptions"][0]["type"], "CWE");
    let cvss = &cna["metrics"][0]["cvssV3_1"];
    assert_eq!(cvss["version"], "3.1");
    assert_eq!(cvss["baseScore"], 8.1);
    assert_eq!(cvss["baseSeverity"], "HIGH");
    assert!(
        cvss["vectorString"]
            .as_str()
            .unwrap()
            .starts_with("CVSS:3.1/")
    );
    for r in cna["references"].as_array().unwrap() {
        assert!(r["url"].as_str().unwrap().starts_with("https://"));
    }
    assert_eq!(
        cna["credits"],
        serde_json::json!([{"lang": "en", "value": "Ada Lovelace", "type": "finder"}])
    );
    for t in cna["timeline"].as_array().unwrap() {
        assert!(t["time"].is_string() && t["lang"] == "en" && t["value"].is_string());
    }
}

#[test]
fn cve_export_names_what_is_missing() {
    let mut case = fixed_case(ada(), Consent::Granted);
    let mut p = policy();
    p.vendor = None;
    p.cna_org_id = None;
    let err = render(&case, &p, Format::Cve, at(NOW)).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let text = format!("{err} {}", err.hint().unwrap());
    assert!(
        text.contains("vendor") && text.contains("cna_org_id"),
        "{text}"
    );
    assert!(text.contains("disclose policy set vendor"), "{text}");
    case.identifiers.cve = None;
    let err = render(&case, &policy(), Format::Cve, at(NOW)).unwrap_err();
    assert!(
        err.hint().unwrap().contains("disclose assign ID --cve"),
        "{err}"
    );
}

#[test]
fn nothing_private_leaves_in_any_format() {
    let reporter = Reporter {
        name: Some("MARKER-NAME".into()),
        email: Some("marker-email@example.net".into()),
        handle: Some("MARKER-HANDLE".into()),
    };
    let mut case = fixed_case(reporter, Consent::Granted);
    let by = "M";
    let t = at("2026-03-15T09:00:00Z");
    case.record(
        EventKind::CreditSet {
            credit: Credit {
                name: "MARKER-NAME".into(),
                kind: CreditType::Finder,
                consent: Consent::Declined,
                contact: vec!["marker-email@example.net".into()],
            },
        },
        t,
        by,
        None,
    );
    case.record(
        EventKind::NoteAdded {
            text: "MARKER-PRIVATE-NOTE".into(),
            private: true,
        },
        t,
        by,
        None,
    );
    case.record(
        EventKind::ContactLogged {
            direction: Direction::FromReporter,
            text: "MARKER-CONTACT".into(),
            message_id: None,
            sent_at: None,
            attachments: Vec::new(),
        },
        t,
        by,
        None,
    );
    case.record(
        EventKind::ContactLogged {
            direction: Direction::ToReporter,
            text: "MARKER-REPLY".into(),
            message_id: None,
            sent_at: None,
            attachments: Vec::new(),
        },
        t,
        by,
        None,
    );
    let case = published(case);
    for (format, text) in all(&case, &policy()) {
        for marker in [
            "MARKER-NAME",
            "marker-email",
            "MARKER-HANDLE",
            "MARKER-PRIVATE-NOTE",
            "MARKER-CONTACT",
            "MARKER-REPLY",
            "etc/passwd",
        ] {
            assert!(
                !text.contains(marker),
                "{marker} leaked into {format:?}:\n{text}"
            );
        }
    }
}

#[test]
fn anonymous_credits_are_named_as_such_and_left_out_of_records() {
    let case = published(fixed_case(ada(), Consent::Anonymous));
    let out = all(&case, &policy());
    assert!(
        out[0].1.contains("- an anonymous reporter (finder)"),
        "{}",
        out[0].1
    );
    assert!(!out[0].1.contains("Ada"));
    let osv: Value = serde_json::from_str(&out[3].1).unwrap();
    assert!(osv.get("credits").is_none());
}

#[test]
fn each_readiness_item_has_a_command() {
    let p = policy();
    let ready = fixed_case(ada(), Consent::Granted);
    let now = at(NOW);
    let what = |case: &Case, policy: &Policy| -> Vec<String> {
        readiness::check(case, policy, now)
            .into_iter()
            .map(|i| {
                assert!(
                    i.fix.as_deref().is_some_and(|f| f.contains("disclose")),
                    "{i:?}"
                );
                i.what
            })
            .collect()
    };
    let mut c = ready.clone();
    c.state = State::Confirmed;
    assert!(what(&c, &p)[0].contains("confirmed, not fixed"));
    let mut c = ready.clone();
    c.embargo_until = Some(at("2026-04-01T00:00:00Z"));
    assert!(what(&c, &p)[0].contains("embargo lasts until 2026-04-01T00:00:00Z"));
    let mut c = ready.clone();
    c.fixes.retain(|f| f.release != "1.4");
    assert_eq!(
        what(&c, &p),
        vec!["release 1.4 is affected and has no released fix"]
    );
    let mut c = ready.clone();
    c.releases.get_mut("1.5").unwrap().decision = Decision::Unknown;
    c.fixes.retain(|f| f.release != "1.5");
    assert_eq!(what(&c, &p), vec!["release 1.5 has no decision"]);
    let mut c = ready.clone();
    c.severity = None;
    assert_eq!(what(&c, &p), vec!["no severity is set"]);
    let mut c = ready.clone();
    c.report = Report::default();
    c.notes.clear();
    assert!(what(&c, &p)[0].starts_with("no public summary"));
    let mut c = ready.clone();
    c.affected.clear();
    assert_eq!(what(&c, &p), vec!["no affected range is set"]);
    let mut c = ready.clone();
    c.credits[0].consent = Consent::Pending;
    assert_eq!(
        what(&c, &p),
        vec!["consent to credit Ada Lovelace is still pending"]
    );
    let mut c = ready.clone();
    c.identifiers.cve = None;
    let mut strict = p.clone();
    strict.require_cve = true;
    assert_eq!(
        what(&c, &strict),
        vec!["the policy requires a CVE ID and none is assigned"]
    );
    assert_eq!(what(&c, &p), Vec::<String>::new());
}

#[test]
fn advisory_ids_count_up_per_project_and_year() {
    assert_eq!(
        readiness::project_code("My project!").as_deref(),
        Some("MY-PROJECT")
    );
    assert_eq!(readiness::project_code("../x").as_deref(), Some("X"));
    assert_eq!(readiness::project_code("  ").as_deref(), None);
    let taken = [
        "DEMO-SA-2026-001",
        "DEMO-SA-2026-007",
        "DEMO-SA-2025-010",
        "OTHER-SA-2026-020",
    ];
    assert_eq!(
        readiness::next_advisory_id("DEMO", 2026, taken),
        "DEMO-SA-2026-008"
    );
    assert_eq!(
        readiness::next_advisory_id("DEMO", 2027, taken),
        "DEMO-SA-2027-001"
    );
}

#[test]
fn the_email_is_a_message_with_stable_headers() {
    let case = published(fixed_case(ada(), Consent::Granted));
    let mail = render(&case, &policy(), Format::Email, at("2030-01-01T00:00:00Z")).unwrap();
    let (head, body) = mail.split_once("\n\n").unwrap();
    assert_eq!(
        head,
        "From: \"demo security team\" <security@example.org>\n\
         Subject: [DEMO-SA-2026-001] Path traversal in upload (CVE-2026-12345)\n\
         Date: Fri, 20 Mar 2026 09:00:00 +0000\n\
         Message-ID: <demo-sa-2026-001.20260320090000@example.org>\n\
         MIME-Version: 1.0\n\
         Content-Type: text/plain; charset=utf-8\n\
         Content-Transfer-Encoding: 8bit"
    );
    assert!(body.contains("1.4: 1.4.2"), "{body}");
}
