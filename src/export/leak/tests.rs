use super::*;
use crate::export::fixtures::*;
use crate::export::{AdvisoryFiles, Format};
use crate::model::case::{Consent, EventKind, PublicChange, Stamp};

fn scan_text(guard: &Guard, text: &str) -> Vec<(usize, LeakKind, String)> {
    guard
        .scan("advisory.md", text, false)
        .into_iter()
        .map(|f| (f.line, f.kind, f.text))
        .collect()
}

fn guard() -> Guard {
    let mut case = fixed_case(ada(), Consent::Declined);
    case.record(
        EventKind::NoteAdded {
            text: "Ask Bob whether the staging box is patched".into(),
            private: true,
        },
        at("2026-03-04T09:00:00Z"),
        "M",
        None,
    );
    Guard::new(&case, &policy())
}

/// A realistic advisory holds versions, IDs, hashes, dates, vectors and
/// URLs: none of them is a finding.
#[test]
fn a_clean_advisory_has_no_findings() {
    let mut case = described(fixed_case(ada(), Consent::Granted));
    case.describe(
        PublicChange {
            details: Some(
                "The upload handler of demo 1.0.0 up to 1.4.1 and 1.5.0 up to 1.5.2 \
                 (CVE-2026-12345, GHSA-jfh8-c2jp-5v3q, CWE-22) joined names to the data \
                 directory.\n\nScored CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N (8.1). \
                 Fixed on 2026-03-10 at 12:00 UTC in commit \
                 1111111111111111111111111111111111111111 and \
                 3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49 (the Go module pseudo-version \
                 v0.0.0-20260310120000-3f2a9c1e0b8d), see \
                 https://github.com/example/demo/pull/42 and \
                 https://example.org/security/DEMO-SA-2026-001?x=1%2B2. Packages: \
                 `@scope/demo@1.4.2`, `demo==1.5.3`, image digest \
                 sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef. \
                 Uploads over 4294967296 bytes, ports 8080 and 443, release 2026.03.10, \
                 build 20260310.1; write to security@example.org."
                    .into(),
            ),
            references: Some(vec![
                "https://nvd.nist.gov/vuln/detail/CVE-2026-12345".into(),
            ]),
            ..PublicChange::default()
        },
        Stamp {
            at: at("2026-03-12T09:00:00Z"),
            by: "M",
        },
    )
    .unwrap();
    let case = published(case);
    let mut policy = policy();
    policy.advisory_url = Some("https://example.org/security/{id}".into());
    let guard = Guard::new(&case, &policy);
    let files = AdvisoryFiles::render(&case, &policy, at(NOW));
    assert_eq!(files.files.len(), 5, "{:?}", files.skipped);
    for (format, text) in &files.files {
        let json = matches!(format, Format::Osv | Format::Cve);
        let findings = guard.scan(format.file_name(), text, json);
        assert!(findings.is_empty(), "{format:?}: {findings:?}\n{text}");
    }
}

#[test]
fn private_strings_are_found_in_any_spelling() {
    let g = guard();
    for spelling in [
        "ada@example.net",
        "ADA@EXAMPLE.NET",
        "Ada@Example.net",
        "ada＠example.net",
        "ada%40example.net",
        "ａｄａ@ｅｘａｍｐｌｅ.ｎｅｔ",
    ] {
        let found = scan_text(&g, &format!("Write to {spelling} for details."));
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            [LeakKind::ReporterEmail],
            "{spelling}: {found:?}"
        );
    }
    let found = scan_text(&g, "# Title\n\nThanks to ADA LOVELACE and @AdaL.");
    assert_eq!(
        found,
        [
            (3, LeakKind::ReporterName, "Ada Lovelace".into()),
            (3, LeakKind::ReporterHandle, "adal".into()),
        ]
    );
    let found = scan_text(
        &g,
        "x\nWe should ask bob whether\nthe staging box is patched.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (2, LeakKind::PrivateNote));
    assert!(scan_text(&g, "An adapter for Adalovelace").is_empty());
}

#[test]
fn patterns_name_their_kind() {
    let g = guard();
    let cases: [(&str, LeakKind); 16] = [
        ("Call +49 30 1234 5678 anytime", LeakKind::PhoneNumber),
        ("call 555.123.4567 today", LeakKind::PhoneNumber),
        ("or 1.555.123.4567.", LeakKind::PhoneNumber),
        ("appelez le 01.23.45.67.89", LeakKind::PhoneNumber),
        ("call (555) 123-4567", LeakKind::PhoneNumber),
        ("call 555-123-4567.", LeakKind::PhoneNumber),
        ("tel. 0151 23456789", LeakKind::PhoneNumber),
        (
            "Key: 3AA5 C343 7156 7BD2 1234  5678 9ABC DEF0 1234 5678",
            LeakKind::PgpFingerprint,
        ),
        (
            "is 3AA5 C343 7156 7BD2 9F1A 4B3C 8D2E 1F00 AB12 CD34, and",
            LeakKind::PgpFingerprint,
        ),
        (
            "fingerprint 3AA5C34371567BD212345678ABCDEF0123456789",
            LeakKind::PgpFingerprint,
        ),
        ("my PGP key id is 0x1234ABCD5678EF90", LeakKind::PgpKeyId),
        ("reach 192.168.1.20 or 10.0.3.7", LeakKind::PrivateIp),
        ("the host fd12:3456:789a::1 answers", LeakKind::PrivateIp),
        (
            "on build01.corp and git.internal",
            LeakKind::InternalHostname,
        ),
        ("printer.lan, nas.local", LeakKind::InternalHostname),
        ("cc bob@partner.example.com", LeakKind::EmailAddress),
    ];
    for (text, kind) in cases {
        let found = scan_text(&g, text);
        assert!(!found.is_empty(), "{text}");
        assert!(found.iter().all(|f| f.1 == kind), "{text}: {found:?}");
    }
    assert_eq!(scan_text(&g, "reach 192.168.1.20 or 10.0.3.7").len(), 2);
    assert!(
        scan_text(&g, "Report to security@example.org").is_empty(),
        "the policy's contact may appear"
    );
}

#[test]
fn json_escapes_do_not_glue_words() {
    let g = guard();
    let json = r#"  "details": "Report to\nsecurity@example.org or\nbob@x.org\u0040""#;
    let found = g.scan("osv.json", json, true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "bob@x.org");
    assert_eq!(found[0].to_string().split(':').next(), Some("osv.json"));
}

#[test]
fn message_ids_of_the_announcement_are_not_addresses() {
    let g = guard();
    let eml = "Message-ID: <demo-sa-2026-001.20260320090000@example.org>\n\nBody";
    assert!(g.scan("announcement.eml", eml, false).is_empty());
}

/// Four-part versions read like private addresses: the case's own versions
/// and versions named as such are not findings; an address still is.
#[test]
fn four_part_versions_are_not_private_addresses() {
    let mut case = fixed_case(ada(), Consent::Granted);
    case.fixes[0].version = Some("10.2.0.1".into());
    case.affected[0].versions = vec!["10.1.0.7".into()];
    let g = Guard::new(&case, &policy());
    for text in [
        "Fixed in 10.2.0.1 and later.",
        "Versions 10.1.0.7 and 10.1.0.8 are affected.",
        "Upgrade to v10.3.0.2.",
        "Affected: demo<=10.1.0.9, demo==10.0.0.1, demo ~> 10.0.2.1, version 10.0.4.1",
        "Dotted numbers that are not phones: 1.2.3, 2026.03.10, 10.4.12.1234",
    ] {
        assert_eq!(scan_text(&g, text), [], "{text}");
    }
    for text in [
        "the build host 10.2.0.2 is open",
        "reach 10.0.3.7",
        "connect to 10.2.0.3",
        "ssh root@10.0.0.5",
        "set host=10.0.0.6",
    ] {
        let found = scan_text(&g, text);
        assert!(
            found.iter().any(|f| f.1 == LeakKind::PrivateIp),
            "{text}: {found:?}"
        );
    }
}
