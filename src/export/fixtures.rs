//! Cases for tests of what is rendered from a case: one taken through the
//! whole process with a backport, and its published form.

use chrono::{DateTime, Utc};

use crate::model::case::{
    Case, Consent, Credit, CreditType, Decision, EventKind, NewCase, RangeEvent, RangeType, Report,
    Reporter, Severity, Stamp,
};
use crate::model::policy::{MaintainedRelease, Package, Policy};

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub(crate) const COMMIT_14: &str = "1111111111111111111111111111111111111111";
pub(crate) const COMMIT_15: &str = "2222222222222222222222222222222222222222";

pub(crate) fn policy() -> Policy {
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

pub(crate) fn package() -> Package {
    Package {
        ecosystem: "crates.io".into(),
        name: "demo".into(),
    }
}

/// A case taken through the whole process, with a backport to 1.4.
pub(crate) fn fixed_case(reporter: Reporter, consent: Consent) -> Case {
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
            internal: false,
        },
        Policy::default().slas(),
        at("2026-03-02T09:00:00Z"),
        by,
    );
    let t = at("2026-03-02T10:00:00Z");
    case.acknowledge(t, Stamp { at: t, by }, None).unwrap();
    let steps = vec![
        EventKind::Confirmed,
        EventKind::AffectedAdded {
            package: package(),
            ranges: vec![crate::model::case::Range {
                kind: RangeType::Semver,
                repo: None,
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
                threat_score: None,
                environmental_score: None,
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
            package: Some(package()),
            commits: vec![COMMIT_15.into()],
            pr: Some("https://github.com/example/demo/pull/42".into()),
            version: Some("1.5.3".into()),
            released_at: Some(at("2026-03-10T12:00:00Z")),
        },
        EventKind::FixLinked {
            release: "1.4".into(),
            package: Some(package()),
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

pub(crate) fn ada() -> Reporter {
    Reporter {
        name: Some("Ada Lovelace".into()),
        email: Some("ada@example.net".into()),
        handle: Some("adal".into()),
    }
}

pub(crate) fn published(mut case: Case) -> Case {
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

/// The case with the public text the maintainers wrote for it.
pub(crate) fn described(mut case: Case) -> Case {
    case.describe(
        crate::model::case::PublicChange {
            summary: Some("Path traversal in the upload handler of demo".into()),
            details: Some(
                "The upload handler joined file names to the data directory without \
                 normalising them, so a name containing `..` could escape it.\n\n\
                 Fixed in 1.4.2 and 1.5.3 (commits linked below)."
                    .into(),
            ),
            impact: Some(
                "A user who may upload files can overwrite files the server can write.".into(),
            ),
            workarounds: Some("Set `uploads = false` until you can upgrade.".into()),
            ..Default::default()
        },
        Stamp {
            at: at("2026-03-11T09:00:00Z"),
            by: "M <m@example.org>",
        },
    )
    .unwrap();
    case
}

pub(crate) const NOW: &str = "2026-03-20T09:00:00Z";
