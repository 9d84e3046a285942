//! Cases built through the library's model API (`Case::open`, `Case::record`)
//! and written into a test store, so their projected fields are exactly what
//! replay gives. They cover what the commands cannot reach yet in these
//! tests: fix matrices, pauses, contacts and publication.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use disclose::model::case::{
    Case, Decision, Direction, EventKind, NewCase, Range, RangeEvent, RangeType, Reporter, Stamp,
};
use disclose::model::policy::{Package, Policy, Slas};
use disclose::model::preset::Preset;

use crate::common::TestEnv;

pub const BY: &str = "Test Maintainer <maintainer@example.org>";

pub fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

pub struct Built {
    pub case: Case,
}

impl Built {
    /// A case received (and opened) at `received` under the default policy.
    pub fn open(id: &str, received: &str) -> Self {
        Self::open_with(id, received, Policy::default().slas())
    }

    pub fn open_with(id: &str, received: &str, slas: Slas) -> Self {
        let new = NewCase {
            title: format!("case {id}"),
            received_at: None,
            reporter: Reporter {
                name: Some("Ada".into()),
                email: Some("ada@example.org".into()),
                handle: None,
            },
            ..NewCase::default()
        };
        let case = Case::open(id.parse().unwrap(), new, slas, t(received), BY);
        Self { case }
    }

    pub fn record(mut self, at: &str, kind: EventKind) -> Self {
        self.case.record(kind, t(at), BY, None);
        self
    }

    pub fn ack(mut self, at: &str) -> Self {
        self.case
            .acknowledge(t(at), Stamp { at: t(at), by: BY }, None)
            .unwrap();
        self
    }

    pub fn confirm(self, at: &str) -> Self {
        self.record(at, EventKind::Confirmed)
    }

    pub fn pause(self, at: &str) -> Self {
        self.record(
            at,
            EventKind::Paused {
                reason: "waiting-on-reporter".into(),
            },
        )
    }

    pub fn resume(self, at: &str) -> Self {
        self.record(at, EventKind::Resumed)
    }

    pub fn contact(self, at: &str) -> Self {
        self.record(
            at,
            EventKind::ContactLogged {
                direction: Direction::ToReporter,
                text: "status update".into(),
                message_id: None,
                sent_at: None,
                attachments: Vec::new(),
            },
        )
    }

    /// Sets matrix rows by hand: `[("1.4", Decision::Affected), ...]`, for
    /// the package `crates.io/poet` (recorded as affected from 1.0.0 first,
    /// since a matrix is about the packages a case affects).
    pub fn releases(mut self, at: &str, rows: &[(&str, Decision)]) -> Self {
        if self.case.affected.is_empty() {
            self = self.record(
                at,
                EventKind::AffectedAdded {
                    package: Package {
                        ecosystem: "crates.io".into(),
                        name: "poet".into(),
                    },
                    ranges: vec![Range {
                        kind: RangeType::Semver,
                        repo: None,
                        events: vec![RangeEvent::Introduced("1.0.0".into())],
                    }],
                    versions: Vec::new(),
                    releases: BTreeMap::new(),
                },
            );
        }
        for (name, decision) in rows {
            self = self.record(
                at,
                EventKind::ReleaseDecided {
                    release: (*name).to_owned(),
                    decision: *decision,
                    reason: None,
                },
            );
        }
        self
    }

    /// Links a released fix for `release` in `version`, released at `at`.
    pub fn released_fix(self, at: &str, release: &str, version: &str) -> Self {
        self.record(
            at,
            EventKind::FixLinked {
                package: None,
                release: release.to_owned(),
                commits: vec!["a".repeat(40)],
                pr: None,
                version: Some(version.to_owned()),
                released_at: Some(t(at)),
            },
        )
    }

    /// The disclosure deadline agreed with the reporter ("publish by").
    pub fn deadline(self, at: &str, by: &str, preset: Option<Preset>) -> Self {
        self.record(
            at,
            EventKind::DeadlineSet {
                deadline: Some(t(by)),
                preset,
            },
        )
    }

    /// The embargo ("not before"), in UTC.
    pub fn embargo(self, at: &str, until: &str) -> Self {
        self.record(
            at,
            EventKind::EmbargoAgreed {
                until: Some(t(until)),
                offset: None,
            },
        )
    }

    /// Publication has no event of its own yet: set the fields `publish`
    /// will project.
    pub fn published(mut self, at: &str) -> Self {
        self.case.published_at = Some(t(at));
        self.case.state = disclose::model::case::State::Published;
        self.case.closed_at = Some(t(at));
        self
    }

    pub fn withdraw(self, at: &str) -> Self {
        self.record(at, EventKind::Withdrawn { reason: None })
    }

    /// Writes the case file into `env`'s store.
    pub fn write(self, env: &TestEnv) -> Case {
        let path = env
            .store
            .join("cases")
            .join(format!("{}.json", self.case.id));
        std::fs::write(path, disclose::store::to_json_bytes(&self.case)).unwrap();
        self.case
    }
}

/// The matrix decisions of a case, for assertions.
pub fn decisions(case: &Case) -> BTreeMap<String, Decision> {
    case.releases
        .iter()
        .map(|(k, v)| (k.clone(), v.decision))
        .collect()
}
