use super::*;
use crate::model::case::{Consent, CreditType, RangeEvent, RangeType, RecordStatus};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(path).unwrap()
}

fn one(name: &str) -> RecordImport {
    let mut found = read(&fixture(name), None).unwrap();
    assert_eq!(found.len(), 1);
    found.remove(0).record.unwrap()
}

fn err(json: &str) -> RecordError {
    let mut found = read(json.as_bytes(), None).unwrap();
    found.remove(0).record.unwrap_err()
}

#[test]
fn every_fixture_reads_and_is_recognised() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let found = read(&std::fs::read(&path).unwrap(), None).unwrap();
        let record = found[0]
            .record
            .as_ref()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = match &name[..3] {
            "osv" => RecordFormat::Osv,
            "cve" => RecordFormat::Cve,
            _ => RecordFormat::Github,
        };
        assert_eq!(record.from.format, expected, "{name}");
        n += 1;
    }
    assert!(n >= 18, "{n}");
}

#[test]
fn an_osv_record_keeps_its_ranges_as_recorded() {
    let r = one("osv-GO-2022-0969.json");
    assert_eq!(r.from.id, "GO-2022-0969");
    assert_eq!(r.from.aliases, ["CVE-2022-27664", "GHSA-69cg-p879-7622"]);
    assert_eq!(r.cve.as_deref(), Some("CVE-2022-27664"));
    assert_eq!(r.ghsa.as_deref(), Some("GHSA-69cg-p879-7622"));
    // Go's zero time is no time.
    assert_eq!(r.from.modified, None);
    assert!(!r.from.received_known);
    assert_eq!(r.affected.len(), 2);
    let stdlib = &r.affected[0];
    assert_eq!(stdlib.package.name, "stdlib");
    assert_eq!(
        stdlib.ranges[0].events,
        [
            RangeEvent::Introduced("0".into()),
            RangeEvent::Fixed("1.18.6".into()),
            RangeEvent::Introduced("1.19.0-0".into()),
            RangeEvent::Fixed("1.19.1".into()),
        ]
    );
    // Untyped credits, public names.
    assert_eq!(r.credits.len(), 5);
    assert!(r.credits.iter().all(|c| c.kind == CreditType::Other));
    assert!(r.credits.iter().all(|c| c.consent == Consent::Granted));
    assert_eq!(r.public.summary, None);
    assert!(r.title.starts_with("HTTP/2 server connections can hang"));
}

#[test]
fn entries_of_one_package_merge_and_packageless_ones_stay_in_the_record() {
    let r = one("osv-GHSA-6j75-5wfj-gh66.json");
    assert_eq!(r.affected.len(), 1);
    assert_eq!(r.affected[0].ranges.len(), 4);
    assert_eq!(
        r.severity.as_ref().unwrap().cvss,
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H"
    );
    assert_eq!(r.from.severities.len(), 2);
    assert_eq!(r.cwe, ["CWE-693"]);
    let r = one("osv-CVE-2016-10046.json");
    assert_eq!(
        r.affected.len(),
        3,
        "the GIT-only entry stays in the record"
    );
    assert!(
        r.affected
            .iter()
            .all(|a| a.package.ecosystem.starts_with("Debian:"))
    );
}

#[test]
fn withdrawn_and_typed_credits() {
    let r = one("osv-RUSTSEC-2020-0053.json");
    assert!(matches!(r.status, RecordStatus::Withdrawn(_)));
    assert_eq!(r.severity, None);
    let r = one("osv-MAL-2024-11848.json");
    assert_eq!(r.credits[0].kind, CreditType::Finder);
    assert_eq!(r.credits[0].contact.len(), 2);
    assert_eq!(r.affected[0].versions, ["999.9.9"]);
}

#[test]
fn a_cve_record_maps_products_metrics_and_its_timeline() {
    let r = one("cve-CVE-2024-45296.json");
    assert_eq!(r.from.id, "CVE-2024-45296");
    assert_eq!(r.ghsa.as_deref(), Some("GHSA-9wv6-86v2-598j"));
    let a = &r.affected[0];
    assert_eq!(a.package.to_string(), "pillarjs/path-to-regexp");
    assert_eq!(a.ranges.len(), 2);
    assert_eq!(a.ranges[0].kind, RangeType::Ecosystem);
    assert_eq!(
        a.ranges[1].events,
        [
            RangeEvent::Introduced("0.2.0".into()),
            RangeEvent::Fixed("8.0.0".into())
        ]
    );
    assert_eq!(r.cwe, ["CWE-1333"]);
    let r = one("cve-CVE-2024-9001.json");
    assert!(r.severity.as_ref().unwrap().cvss.starts_with("CVSS:4.0/"));
    assert_eq!(
        r.from.severities.len(),
        3,
        "the CVSS 2 vector stays in the record"
    );
    assert_eq!(r.timeline.len(), 3);
    assert_eq!(r.credits[0].kind, CreditType::Reporter);
    assert!(
        r.public
            .details
            .as_deref()
            .unwrap()
            .starts_with("A vulnerability was found")
    );
    assert_eq!(r.affected[0].versions, ["4.1.8cu.5207"]);
}

#[test]
fn a_rejected_cve_record_is_rejected_at_its_time() {
    let r = one("cve-CVE-2023-52071.json");
    match &r.status {
        RecordStatus::Rejected(at, why) => {
            assert_eq!(crate::model::time::rfc3339(*at), "2024-02-23T00:00:00Z");
            assert!(why.contains("not a security issue"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(r.published_at, None);
}

#[test]
fn github_advisories_published_and_in_triage() {
    let r = one("ghsa-api-published.json");
    assert_eq!(r.status, RecordStatus::Published);
    assert!(r.from.received_known);
    assert_eq!(r.affected.len(), 2);
    assert_eq!(r.affected[0].package.ecosystem, "PyPI");
    assert_eq!(
        r.affected[0].ranges[0].events,
        [
            RangeEvent::Introduced("1.0.0".into()),
            RangeEvent::Fixed("1.0.1".into())
        ]
    );
    assert_eq!(r.from.aliases, ["CVE-2050-00000"]);
    assert_eq!(r.credits[0].kind, CreditType::Analyst);
    assert_eq!(r.credits[0].consent, Consent::Granted);
    assert_eq!(
        r.reporter.handle, None,
        "a maintainer's draft has no reporter"
    );
    let r = one("ghsa-api-triage.json");
    assert_eq!(r.status, RecordStatus::Open);
    assert_eq!(r.reporter.handle.as_deref(), Some("octocat"));
    assert_eq!(
        r.received_at.map(crate::model::time::rfc3339).as_deref(),
        Some("2020-01-01T00:00:00Z")
    );
    assert_eq!(r.severity, None);
    assert_eq!(
        r.public.summary.as_deref(),
        Some("A newly discovered vulnerability")
    );
}

#[test]
fn bad_records_name_the_path() {
    let e = err(
        r#"{"id": "OSV-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}, {"last_affected": "0.9.0"}]}]}]}"#,
    );
    assert_eq!(e.path, "$.affected[0].ranges[0].events");
    assert!(
        e.message.contains("both `fixed` and `last_affected`"),
        "{e}"
    );
    let e = err(r#"{"id": "../../etc", "modified": "2024-01-01T00:00:00Z"}"#);
    assert_eq!(e.path, "$.id");
    let e = err(r#"{"hello": 1}"#);
    assert!(e.message.contains("not a record of a known format"), "{e}");
    let e = err(
        r#"{"id": "OSV-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "WEIRD", "events": [{"introduced": "0"}]}]}]}"#,
    );
    assert_eq!(e.path, "$.affected[0].ranges[0].type");
    let found = read(
        br#"[{"id": "OSV-1", "modified": "2024-01-01T00:00:00Z"}, 3]"#,
        None,
    )
    .unwrap();
    assert!(found[0].record.is_ok());
    assert_eq!(found[1].record.as_ref().unwrap_err().path, "$[1]");
    assert!(matches!(
        read(b"not json", None),
        Err(FileError::NotJson(_))
    ));
    assert!(matches!(read(b"[]", None), Err(FileError::NoRecords(_))));
    assert!(matches!(read(b"", None), Err(FileError::NoRecords(_))));
    // Pages one after the other, as `gh api --paginate` prints them.
    let pages = br#"[{"id": "OSV-1", "modified": "2024-01-01T00:00:00Z"}]
[{"id": "OSV-2", "modified": "2024-01-01T00:00:00Z"}, {"id": 3, "modified": "2024-01-01T00:00:00Z"}]"#;
    let found = read(pages, None).unwrap();
    assert_eq!(found.len(), 3);
    assert_eq!(found[1].path, "(value 2) $[0]");
    assert!(found[1].record.is_ok());
    assert_eq!(
        found[2].record.as_ref().unwrap_err().path,
        "(value 2) $[1].id"
    );
    // A GitHub range OSV cannot say.
    let e = err(
        r#"{"ghsa_id": "GHSA-aaaa-bbbb-cccc", "state": "published", "vulnerabilities": [{"package": {"ecosystem": "npm", "name": "x"}, "vulnerable_version_range": "> 1.0"}]}"#,
    );
    assert_eq!(e.path, "$.vulnerabilities[0].vulnerable_version_range");
}

#[test]
fn a_forced_format_that_does_not_fit_is_an_error() {
    let found = read(&fixture("osv-GO-2022-0969.json"), Some(RecordFormat::Cve)).unwrap();
    let e = found[0].record.as_ref().unwrap_err();
    assert!(e.message.contains("dataVersion"), "{e}");
}
