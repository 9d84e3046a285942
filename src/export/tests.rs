use serde_json::Value;

use super::fixtures::*;
use super::schema;
use super::*;
use crate::model::case::{Consent, Credit, CreditType, Direction, EventKind, Reporter};
use crate::model::policy::Policy;

fn all(case: &Case, policy: &Policy) -> Vec<(Format, String)> {
    Format::all()
        .map(|f| (f, render(case, policy, f, at(NOW)).unwrap()))
        .collect()
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
    assert_eq!(affected["package"]["purl"], "pkg:cargo/demo");
    schema::osv(&osv).assert_clean("the OSV record", &osv);
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
            [
                "vendor",
                "product",
                "collectionURL",
                "packageName",
                "packageURL",
                "repo",
                "versions",
                "defaultStatus"
            ]
            .contains(&key.as_str()),
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
    assert_eq!(product["collectionURL"], "https://crates.io");
    assert_eq!(product["packageName"], "demo");
    assert_eq!(product["packageURL"], "pkg:cargo/demo");
    schema::cve(&cve).assert_clean("the CVE record", &cve);
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
