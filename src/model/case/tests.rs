use chrono::{DateTime, Utc};

use super::*;
use crate::model::policy::Policy;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn sample() -> Case {
    let new = NewCase {
        title: "Path traversal in upload".into(),
        received_at: None,
        reporter: Reporter {
            name: Some("Ada".into()),
            email: Some("ada@example.org".into()),
            handle: None,
        },
        report: Report::default(),
        internal: false,
    };
    Case::open(
        "DISC-2026-K7Q3M".parse().unwrap(),
        new,
        Policy::default().slas(),
        at("2026-03-02T09:00:00Z"),
        "M <m@example.org>",
    )
}

#[test]
fn opening_projects_the_first_event() {
    let case = sample();
    assert_eq!(case.state, State::New);
    assert_eq!(case.received_at, at("2026-03-02T09:00:00Z"));
    assert_eq!(case.deadline, Some(at("2026-05-31T09:00:00Z")));
    assert_eq!(case.credits.len(), 1);
    assert_eq!(case.credits[0].kind, CreditType::Finder);
    assert_eq!(case.credits[0].consent, Consent::Pending);
    assert_eq!(case.events.len(), 1);
}

#[test]
fn acknowledging_twice_is_refused_unless_forced() {
    let mut case = sample();
    let now = at("2026-03-02T10:00:00Z");
    case.acknowledge(now, Stamp { at: now, by: "M" }, None)
        .unwrap();
    assert_eq!(case.state, State::Acknowledged);
    let err = case
        .acknowledge(now, Stamp { at: now, by: "M" }, None)
        .unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(err.to_string().contains("already acknowledged"), "{err}");
    let event = case
        .acknowledge(now, Stamp { at: now, by: "M" }, Some(""))
        .unwrap();
    assert!(event.forced.is_some());
    assert_eq!(case.events.len(), 3);
}

#[test]
fn acknowledging_before_receipt_is_bad_input() {
    let mut case = sample();
    let early = at("2026-03-01T10:00:00Z");
    assert_eq!(
        case.acknowledge(early, Stamp { at: early, by: "M" }, None)
            .unwrap_err()
            .exit_code(),
        2
    );
    assert_eq!(case.events.len(), 1);
}

#[test]
fn replay_reproduces_incremental_projection() {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    case.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
    case.record(
        EventKind::Paused {
            reason: "waiting-on-reporter".into(),
        },
        t,
        "M",
        None,
    );
    case.record(EventKind::Resumed, at("2026-03-03T10:00:00Z"), "M", None);
    case.record(EventKind::Confirmed, at("2026-03-04T10:00:00Z"), "M", None);
    let replayed = replay(case.events.clone()).unwrap();
    assert_eq!(replayed, case);
    let json = serde_json::to_string_pretty(&case).unwrap();
    let back: Case = serde_json::from_str(&json).unwrap();
    assert_eq!(back, case);
}

#[test]
fn replay_refuses_histories_without_an_opening() {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    case.acknowledge(t, Stamp { at: t, by: "M" }, None).unwrap();
    assert_eq!(replay(vec![]).unwrap_err(), ReplayError::Empty);
    assert!(matches!(
        replay(case.events[1..].to_vec()),
        Err(ReplayError::NotOpened(_))
    ));
}

mod props {
    use proptest::prelude::*;

    use super::*;
    use crate::model::policy::{MaintainedRelease, Package};

    fn policy() -> Policy {
        Policy {
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
            default_package: Some(Package {
                ecosystem: "crates.io".into(),
                name: "poet".into(),
            }),
            ..Policy::default()
        }
    }

    /// One command a maintainer might run; most may be refused, which is fine.
    #[derive(Debug, Clone)]
    enum Op {
        Ack,
        Confirm,
        Reject,
        Withdraw,
        Pause,
        Resume,
        Affected(u64, u64),
        Unaffect,
        Decide(bool, u8),
        Fix(bool, u64),
        Unfix(bool),
        Note(bool),
        Contact(bool),
        Credit(u8),
        Severity,
        Assign,
        Force,
        Embargo(u8),
        LegacyEmbargo(u8),
        Deadline(u8),
        Link(bool),
        Audit(bool),
        AckWithReply,
        Publish(bool),
        Renumber,
        RenumberAdvisory,
        Describe(u8),
        Reserve,
        Update,
        Import(u8),
        Exploited(u8),
        Mitigated(u8),
        Submit(u8),
    }

    /// The op that records each event kind. No catch-all: a new kind fails
    /// to compile here until the property test below can produce it, and
    /// the test checks that every recorded event came from its op.
    fn op_for(kind: &EventKind) -> &'static str {
        match kind {
            EventKind::Opened { .. } => "open",
            EventKind::Acknowledged { .. } => "ack",
            EventKind::Confirmed => "confirm",
            EventKind::Rejected { .. } => "reject",
            EventKind::Withdrawn { .. } => "withdraw",
            EventKind::Paused { .. } => "pause",
            EventKind::Resumed => "resume",
            EventKind::AffectedAdded { .. } => "affected",
            EventKind::AffectedRemoved { .. } => "unaffect",
            EventKind::ReleaseDecided { .. } => "decide",
            EventKind::FixLinked { .. } => "fix",
            EventKind::FixRemoved { .. } => "unfix",
            EventKind::SeverityAssessed { .. } => "severity",
            EventKind::NoteAdded { .. } => "note",
            EventKind::ContactLogged { .. } => "contact",
            EventKind::CreditSet { .. } => "credit",
            EventKind::EmbargoSet { .. } => "legacy-embargo",
            EventKind::EmbargoAgreed { .. } => "embargo",
            EventKind::DeadlineSet { .. } => "deadline",
            EventKind::Linked { .. } => "link",
            EventKind::AuditRecorded { .. } => "audit",
            EventKind::IdentifiersAssigned { .. } => "assign",
            EventKind::Renumbered { .. } => "renumber",
            EventKind::Published { .. } => "publish",
            EventKind::AdvisoryRenumbered { .. } => "renumber-advisory",
            EventKind::PublicTextSet { .. } => "describe",
            EventKind::AdvisoryReserved { .. } => "reserve",
            EventKind::AdvisoryUpdated { .. } => "update",
            EventKind::Imported { .. } => "import",
            EventKind::Exploited { .. } => "exploited",
            EventKind::Mitigated { .. } => "mitigated",
            EventKind::CraReportSubmitted { .. } => "submit",
        }
    }

    impl Op {
        fn name(&self) -> &'static str {
            match self {
                Self::Ack => "ack",
                Self::Confirm | Self::Force => "confirm",
                Self::Reject => "reject",
                Self::Withdraw => "withdraw",
                Self::Pause => "pause",
                Self::Resume => "resume",
                Self::Affected(..) => "affected",
                Self::Unaffect => "unaffect",
                Self::Decide(..) => "decide",
                Self::Fix(..) => "fix",
                Self::Unfix(_) => "unfix",
                Self::Note(_) => "note",
                Self::Contact(_) => "contact",
                Self::Credit(_) => "credit",
                Self::Severity => "severity",
                Self::Assign => "assign",
                Self::Embargo(_) => "embargo",
                Self::LegacyEmbargo(_) => "legacy-embargo",
                Self::Deadline(_) => "deadline",
                Self::Link(_) => "link",
                Self::Audit(_) => "audit",
                Self::AckWithReply => "ack",
                Self::Publish(_) => "publish",
                Self::Renumber => "renumber",
                Self::RenumberAdvisory => "renumber-advisory",
                Self::Describe(_) => "describe",
                Self::Reserve => "reserve",
                Self::Update => "update",
                Self::Import(_) => "import",
                Self::Exploited(_) => "exploited",
                Self::Mitigated(_) => "mitigated",
                Self::Submit(_) => "submit",
            }
        }
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            Just(Op::Ack),
            Just(Op::Confirm),
            Just(Op::Reject),
            Just(Op::Withdraw),
            Just(Op::Pause),
            Just(Op::Resume),
            (0u64..3, 0u64..8).prop_map(|(a, b)| Op::Affected(a, b)),
            Just(Op::Unaffect),
            (any::<bool>(), 0u8..4).prop_map(|(r, d)| Op::Decide(r, d)),
            (any::<bool>(), 0u64..9).prop_map(|(r, v)| Op::Fix(r, v)),
            any::<bool>().prop_map(Op::Unfix),
            any::<bool>().prop_map(Op::Note),
            any::<bool>().prop_map(Op::Contact),
            (0u8..4).prop_map(Op::Credit),
            Just(Op::Severity),
            Just(Op::Assign),
            Just(Op::Force),
            (0u8..3).prop_map(Op::Embargo),
            (0u8..3).prop_map(Op::LegacyEmbargo),
            (0u8..4).prop_map(Op::Deadline),
            any::<bool>().prop_map(Op::Link),
            any::<bool>().prop_map(Op::Audit),
            Just(Op::AckWithReply),
            any::<bool>().prop_map(Op::Publish),
            Just(Op::Renumber),
            Just(Op::RenumberAdvisory),
            (0u8..7).prop_map(Op::Describe),
            Just(Op::Reserve),
            Just(Op::Update),
            (0u8..4).prop_map(Op::Import),
            (0u8..4).prop_map(Op::Exploited),
            (0u8..3).prop_map(Op::Mitigated),
            (0u8..3).prop_map(Op::Submit),
        ]
    }

    fn run(case: &mut Case, op: &Op, policy: &Policy, stamp: Stamp<'_>) {
        let package = Package {
            ecosystem: "crates.io".into(),
            name: "poet".into(),
        };
        let release = |r: bool| if r { "1.4" } else { "1.5" };
        let _ = match op {
            Op::Ack => case.acknowledge(stamp.at, stamp, None).map(drop),
            Op::Confirm => case.confirm(stamp, None).map(drop),
            Op::Reject => case
                .reject(
                    Resolution {
                        reason: RejectReason::Invalid,
                        duplicate_of: None,
                        note: None,
                    },
                    stamp,
                    None,
                )
                .map(drop),
            Op::Withdraw => case.withdraw(None, stamp, None).map(drop),
            Op::Pause => case.pause("on-hold".into(), stamp).map(drop),
            Op::Resume => case.resume(stamp).map(drop),
            Op::Affected(lo, width) => {
                let range = crate::model::ranges::parse_requirement(
                    &format!(">=1.{lo}.0, <1.{}.0", lo + width + 1),
                    Some(crate::model::version::Scheme::SemVer),
                )
                .unwrap();
                let change = AffectedChange {
                    package,
                    ranges: vec![range],
                    versions: vec![],
                };
                case.add_affected(change, policy, stamp).map(drop)
            }
            Op::Unaffect => {
                let change = AffectedChange {
                    package,
                    ranges: vec![],
                    versions: vec![],
                };
                case.remove_affected(change, policy, stamp).map(drop)
            }
            Op::Decide(r, d) => {
                let decision = [
                    Decision::Affected,
                    Decision::NotAffected,
                    Decision::WontFix,
                    Decision::Eol,
                ][*d as usize];
                case.decide_release(release(*r), decision, Some("why".into()), policy, stamp)
                    .map(drop)
            }
            Op::Fix(r, v) => {
                let fix = FixChange {
                    release: release(*r).into(),
                    commits: vec!["a".repeat(40)],
                    version: (*v > 3).then(|| format!("{}.{v}", release(*r))),
                    ..FixChange::default()
                };
                case.link_fix(fix, policy, stamp).map(drop)
            }
            Op::Unfix(r) => case.unlink_fix(release(*r), None, policy, stamp).map(drop),
            Op::Note(p) => case.add_note("n".into(), *p, stamp).map(drop),
            Op::Contact(to) => {
                let d = if *to {
                    Direction::ToReporter
                } else {
                    Direction::FromReporter
                };
                case.log_contact(d, "m".into(), None, stamp).map(drop)
            }
            Op::Credit(c) => {
                let consent = [
                    Consent::Pending,
                    Consent::Granted,
                    Consent::Declined,
                    Consent::Anonymous,
                ][*c as usize];
                let credit = Credit {
                    name: "Ada".into(),
                    kind: CreditType::Finder,
                    consent,
                    contact: vec![],
                };
                case.set_credit(credit, stamp).map(drop)
            }
            Op::Severity => case
                .assess(
                    Some(
                        crate::model::severity::assess(
                            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        )
                        .unwrap(),
                    ),
                    vec!["CWE-22".into()],
                    stamp,
                )
                .map(drop),
            Op::Assign => case
                .assign(Some("CVE-2026-1234".into()), None, stamp)
                .map(drop),
            Op::Force => case.confirm(stamp, Some("forced")).map(drop),
            Op::Embargo(e) => {
                let until = (*e > 0).then(|| stamp.at + chrono::TimeDelta::days(i64::from(*e) * 7));
                let offset = (*e == 2).then(|| "+01:00".to_owned());
                case.set_embargo(until, offset, stamp, None).map(drop)
            }
            Op::LegacyEmbargo(e) => {
                // Only files written before the two dates were told apart hold these.
                let until = (*e > 0).then(|| stamp.at + chrono::TimeDelta::days(i64::from(*e) * 7));
                let preset = (*e == 2).then_some(crate::model::preset::Preset::CertCc);
                case.record(
                    EventKind::EmbargoSet { until, preset },
                    stamp.at,
                    stamp.by,
                    None,
                );
                Ok(())
            }
            Op::Deadline(d) => {
                let preset = crate::model::preset::Preset::ProjectZero { grace: false };
                let (by, preset, force) = match d {
                    0 => (None, None, None),
                    1 => (Some(stamp.at + chrono::TimeDelta::days(30)), None, None),
                    2 => (Some(preset.until(case.received_at)), Some(preset), Some("")),
                    _ => (Some(stamp.at - chrono::TimeDelta::days(1)), None, None),
                };
                case.set_deadline(by, preset, stamp, force).map(drop)
            }
            Op::Link(other) => {
                let id: CaseId = if *other {
                    "DISC-2026-AAAAA"
                } else {
                    "DISC-2026-BBBBB"
                }
                .parse()
                .unwrap();
                case.link(&id, stamp).map(drop)
            }
            Op::Audit(found) => {
                let found: Vec<CaseId> = if *found {
                    vec!["DISC-2026-CCCCC".parse().unwrap()]
                } else {
                    Vec::new()
                };
                case.record_audit("checked the other handlers".into(), found, stamp)
                    .map(drop)
            }
            Op::AckWithReply => case
                .acknowledge_with(
                    stamp.at,
                    Some((
                        "Hello Ada, thanks.".into(),
                        format!("{}@x", case.events.len()),
                    )),
                    stamp,
                    None,
                )
                .map(drop),
            Op::Publish(forced) => {
                let advisory = format!("DEMO-SA-2026-{:03}", case.events.len());
                let force = forced.then_some("forced");
                case.publish(advisory, force.map(str::to_owned), stamp, force)
                    .map(drop)
            }
            Op::Renumber => {
                let letters = b"ABCDEFGHJK";
                let n = case.events.len();
                let suffix: String = (0..5)
                    .map(|i| letters[n / 10usize.pow(i) % 10] as char)
                    .collect();
                let to: CaseId = format!("DISC-2026-{suffix}").parse().unwrap();
                case.renumber(to, stamp);
                Ok(())
            }
            Op::RenumberAdvisory => {
                let to = format!("DEMO-SA-2027-{:03}", case.events.len());
                let taken_by: CaseId = "DISC-2026-ZZZZZ".parse().unwrap();
                case.renumber_advisory(to, taken_by, stamp).map(drop)
            }
            Op::Describe(field) => {
                let text = Some(format!("text {}", case.events.len()));
                let change = match field {
                    0 => PublicChange {
                        title: text,
                        ..PublicChange::default()
                    },
                    1 => PublicChange {
                        summary: text,
                        ..PublicChange::default()
                    },
                    2 => PublicChange {
                        details: text,
                        ..PublicChange::default()
                    },
                    3 => PublicChange {
                        impact: text,
                        workarounds: Some(String::new()),
                        ..PublicChange::default()
                    },
                    4 => PublicChange {
                        references: Some(vec![format!(
                            "https://example.org/{}",
                            case.events.len()
                        )]),
                        ..PublicChange::default()
                    },
                    5 => PublicChange {
                        references: Some(Vec::new()),
                        ..PublicChange::default()
                    },
                    _ => PublicChange {
                        workarounds: text,
                        ..PublicChange::default()
                    },
                };
                case.describe(change, stamp).map(drop)
            }
            Op::Reserve => {
                let advisory = format!("DEMO-SA-2026-{:03}", case.events.len());
                case.reserve_advisory(advisory, stamp).map(drop)
            }
            Op::Update => case.record_update(vec!["osv.json".into()], stamp).map(drop),
            Op::Import(n) => {
                let import = super::imports::sample(*n, stamp.at);
                // The version imported before, if the case holds one: then only
                // what changed is recorded; else the case only takes its IDs.
                let held = case
                    .record_of(RecordFormat::Osv, "GHSA-aaaa-bbbb-cccc")
                    .cloned();
                let previous = (0..4)
                    .map(|k| super::imports::sample(k, stamp.at))
                    .find(|p| Some(&p.record) == held.as_ref());
                let baseline = match &previous {
                    Some(p) => Baseline::Previous(p),
                    None => Baseline::Other,
                };
                case.import_record(baseline, &import, stamp.at, stamp.by);
                Ok(())
            }
            Op::Exploited(e) => {
                let hours = |h: i64| Some(stamp.at - chrono::TimeDelta::hours(h));
                let change = match e {
                    0 => ExploitationChange {
                        aware_at: hours(2),
                        evidence: Some("seen in the wild".into()),
                        ..ExploitationChange::default()
                    },
                    1 => ExploitationChange {
                        evidence: Some(format!("more evidence {}", case.events.len())),
                        ..ExploitationChange::default()
                    },
                    2 => ExploitationChange {
                        actor: Some("a botnet".into()),
                        sensitivity: Some(crate::model::cra::Sensitivity::Amber),
                        ..ExploitationChange::default()
                    },
                    _ => ExploitationChange {
                        aware_at: hours(30),
                        ..ExploitationChange::default()
                    },
                };
                case.record_exploitation(change, stamp).map(drop)
            }
            Op::Mitigated(m) => {
                let text = [
                    "disable uploads",
                    "block /upload at the proxy",
                    "disable uploads",
                ][*m as usize];
                let at = stamp.at - chrono::TimeDelta::hours(i64::from(*m));
                case.record_mitigation(text, at, stamp).map(drop)
            }
            Op::Submit(r) => {
                let report = crate::model::cra::CraReport::ALL[*r as usize];
                case.record_submission(report, stamp.at, Some("REF-1".into()), stamp)
                    .map(drop)
            }
        };
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn replay_of_any_sequence_equals_the_incremental_projection(ops in proptest::collection::vec(op(), 0..25)) {
            let policy = policy();
            let mut case = sample();
            let mut t = at("2026-03-02T09:00:00Z");
            for op in &ops {
                t += chrono::TimeDelta::hours(5);
                let before = case.events.len();
                run(&mut case, op, &policy, Stamp { at: t, by: "M" });
                // An import records what the record says (any kind) and
                // ends with the `imported` event itself.
                let own = match op {
                    Op::Import(_) => case.events.len().saturating_sub(1).max(before),
                    _ => before,
                };
                for event in &case.events[own..] {
                    prop_assert_eq!(op_for(&event.kind), op.name());
                }
            }
            let replayed = replay(case.events.clone()).unwrap();
            prop_assert_eq!(&replayed, &case);
            let json = serde_json::to_string_pretty(&case).unwrap();
            let back: Case = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, case);
        }
    }
}

#[test]
fn decisions_follow_the_release_ranges() {
    use crate::model::policy::{MaintainedRelease, Package};
    let policy = Policy {
        maintained_releases: vec![
            MaintainedRelease {
                name: "1.4".into(),
                range: ">=1.4.0, <1.5.0".into(),
            },
            MaintainedRelease {
                name: "2.x".into(),
                range: "^2".into(),
            },
        ],
        ..Policy::default()
    };
    let pkg = Package {
        ecosystem: "npm".into(),
        name: "p".into(),
    };
    let semver = |req: &str| Affected {
        package: pkg.clone(),
        ranges: vec![
            crate::model::ranges::parse_requirement(
                req,
                Some(crate::model::version::Scheme::SemVer),
            )
            .unwrap(),
        ],
        versions: vec![],
    };
    let d = derive_decisions(&[semver("<1.4.3")], &policy);
    assert_eq!(d["1.4"], Decision::Affected);
    assert_eq!(d["2.x"], Decision::NotAffected);
    let d = derive_decisions(&[], &policy);
    assert_eq!(d["1.4"], Decision::Unknown);
    let git = Affected {
        package: pkg.clone(),
        ranges: vec![
            crate::model::ranges::from_bounds(None, true, Some("0"), Some(&"a".repeat(40)), None)
                .unwrap(),
        ],
        versions: vec![],
    };
    assert_eq!(derive_decisions(&[git], &policy)["2.x"], Decision::Unknown);
    let pinned = Affected {
        package: pkg,
        ranges: vec![],
        versions: vec!["2.1.0".into()],
    };
    assert_eq!(
        derive_decisions(&[pinned], &policy)["2.x"],
        Decision::Affected
    );
}

#[test]
fn an_email_source_projects_message_ids_attachments_and_replies() {
    let source = Source {
        message_id: Some("a@x".into()),
        subject: Some("Re: bug".into()),
        from: "Ada <ada@example.org>".into(),
        sha256: "00".repeat(32),
    };
    let attachment = |name: &str, id: &str| Attachment {
        name: name.into(),
        original_name: None,
        path: format!("attachments/DISC-2026-K7Q3M/{name}"),
        size: 3,
        sha256: "11".repeat(32),
        content_type: "text/plain".into(),
        message_id: Some(id.into()),
    };
    let mut case = Case::open_from_email(
        "DISC-2026-K7Q3M".parse().unwrap(),
        NewCase {
            title: "bug".into(),
            ..NewCase::default()
        },
        Some(source.clone()),
        vec![attachment("poc.py", "a@x")],
        Policy::default().slas(),
        at("2026-03-02T09:00:00Z"),
        "M",
    );
    case.record(
        EventKind::ContactLogged {
            direction: Direction::FromReporter,
            text: "more".into(),
            message_id: Some("b@x".into()),
            sent_at: Some(at("2026-03-02T08:00:00Z")),
            attachments: vec![attachment("poc-2.py", "b@x")],
        },
        at("2026-03-02T09:01:00Z"),
        "M",
        None,
    );
    assert_eq!(case.source, Some(source));
    assert_eq!(case.message_ids, ["a@x", "b@x"]);
    assert_eq!(case.attachments.len(), 2);
    assert_eq!(case.contacts[0].at, at("2026-03-02T08:00:00Z"));
    assert!(case.holds_message(Some("b@x"), ""));
    assert!(!case.holds_message(None, "nope"));
    assert!(case.holds_message(None, &"00".repeat(32)));
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

#[test]
fn an_internal_finding_is_confirmed_from_new_and_cannot_be_acknowledged() {
    let mut case = Case::open(
        "DISC-2026-K7Q3M".parse().unwrap(),
        NewCase {
            title: "found in the audit".into(),
            internal: true,
            ..NewCase::default()
        },
        Policy::default().slas(),
        at("2026-03-02T09:00:00Z"),
        "M",
    );
    assert!(case.internal);
    assert_eq!(case.deadline, None);
    assert!(case.credits.is_empty());
    let t = at("2026-03-02T10:00:00Z");
    let err = case
        .acknowledge(t, Stamp { at: t, by: "M" }, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("internal finding"), "{err}");
    case.confirm(Stamp { at: t, by: "M" }, None).unwrap();
    assert_eq!(case.state, State::Confirmed);
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

#[test]
fn embargo_and_deadline_are_two_dates() {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    let stamp = Stamp { at: t, by: "M" };
    case.set_embargo(
        Some(at("2026-12-22T14:00:00Z")),
        Some("+01:00".into()),
        stamp,
        None,
    )
    .unwrap();
    assert_eq!(case.embargo_until, Some(at("2026-12-22T14:00:00Z")));
    assert_eq!(case.embargo_offset.as_deref(), Some("+01:00"));
    assert_eq!(case.deadline, Some(at("2026-05-31T09:00:00Z")));
    assert!(!case.deadline_agreed);
    case.set_deadline(Some(at("2026-02-28T00:00:00Z")), None, stamp, None)
        .unwrap_err();
    let event = case
        .set_deadline(Some(at("2026-02-28T00:00:00Z")), None, stamp, Some(""))
        .unwrap()
        .unwrap();
    assert!(event.forced.as_deref().unwrap().contains("already past"));
    assert_eq!(case.deadline, Some(at("2026-02-28T00:00:00Z")));
    assert!(case.deadline_agreed);
    assert!(
        case.set_deadline(Some(at("2026-02-28T00:00:00Z")), None, stamp, None)
            .unwrap()
            .is_none()
    );
    case.set_deadline(None, None, stamp, None).unwrap();
    assert_eq!(case.deadline, Some(at("2026-05-31T09:00:00Z")));
    assert_eq!(case.embargo_until, Some(at("2026-12-22T14:00:00Z")));
    let err = case
        .set_embargo(Some(at("2026-01-01T00:00:00Z")), None, stamp, None)
        .unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

/// A case file as version 1 wrote it: `embargo_until` set from a preset
/// (with `embargo_preset`), its event an `embargo-set`.
fn version_one(preset: Option<&str>) -> serde_json::Value {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    let until = at("2026-04-16T09:00:00Z");
    case.record(
        EventKind::EmbargoSet {
            until: Some(until),
            preset: preset.map(|p| p.parse().unwrap()),
        },
        t,
        "M",
        None,
    );
    let mut json = serde_json::to_value(&case).unwrap();
    let obj = json.as_object_mut().unwrap();
    obj.insert("schema_version".into(), 1.into());
    obj.insert("embargo_until".into(), "2026-04-16T09:00:00Z".into());
    obj.insert("deadline".into(), "2026-04-16T09:00:00Z".into());
    for key in ["deadline_agreed", "deadline_preset"] {
        obj.remove(key);
    }
    if let Some(p) = preset {
        obj.insert("embargo_preset".into(), p.into());
    }
    json
}

#[test]
fn a_version_one_preset_embargo_becomes_the_deadline() {
    let mut case: Case = serde_json::from_value(version_one(Some("cert-cc"))).unwrap();
    case.fields.upgrade();
    assert_eq!(case.schema_version, SCHEMA_VERSION);
    assert_eq!(case.embargo_until, None);
    assert_eq!(case.deadline, Some(at("2026-04-16T09:00:00Z")));
    assert!(case.deadline_agreed);
    assert_eq!(
        case.deadline_preset.map(|p| p.to_string()).as_deref(),
        Some("cert-cc")
    );
    // The upgraded fields are what the events replay to.
    assert_eq!(replay(case.events.clone()).unwrap(), case);
    let text = serde_json::to_string(&case).unwrap();
    assert!(!text.contains("embargo_preset"), "{text}");
}

#[test]
fn a_version_one_embargo_set_by_hand_stays_the_embargo() {
    let mut case: Case = serde_json::from_value(version_one(None)).unwrap();
    case.fields.upgrade();
    assert_eq!(case.embargo_until, Some(at("2026-04-16T09:00:00Z")));
    assert_eq!(case.deadline, Some(at("2026-05-31T09:00:00Z")));
    assert!(!case.deadline_agreed);
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

#[test]
fn links_and_the_audit_are_projected() {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    let stamp = Stamp { at: t, by: "M" };
    let other: CaseId = "DISC-2026-AAAAA".parse().unwrap();
    assert!(case.link(&other, stamp).unwrap().is_some());
    assert!(case.link(&other, stamp).unwrap().is_none());
    assert!(case.link(&case.id.clone(), stamp).is_err());
    let found: CaseId = "DISC-2026-BBBBB".parse().unwrap();
    case.record_audit(
        "checked the other handlers".into(),
        vec![found.clone()],
        stamp,
    )
    .unwrap();
    assert_eq!(case.related, [other, found.clone()]);
    let audit = case.audit.clone().unwrap();
    assert_eq!(
        (audit.note.as_str(), audit.found),
        ("checked the other handlers", vec![found])
    );
    assert!(case.record_audit(" ".into(), vec![], stamp).is_err());
    assert!(
        case.record_audit("x".into(), vec![case.id.clone()], stamp)
            .is_err()
    );
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

#[test]
fn an_acknowledgement_with_its_reply_logs_the_message_once() {
    let mut case = sample();
    let t = at("2026-03-02T10:00:00Z");
    case.acknowledge_with(
        t,
        Some(("Hello Ada".into(), "ack-1@example.org".into())),
        Stamp { at: t, by: "M" },
        None,
    )
    .unwrap();
    assert_eq!(case.events.len(), 2);
    assert_eq!(case.contacts.len(), 1);
    assert_eq!(case.contacts[0].direction, Direction::ToReporter);
    assert_eq!(case.contacts[0].text, "Hello Ada");
    assert!(case.holds_message(Some("ack-1@example.org"), ""));
    assert_eq!(replay(case.events.clone()).unwrap(), case);
}

#[test]
fn files_without_the_email_fields_still_parse() {
    let case = sample();
    let mut json = serde_json::to_value(&case).unwrap();
    for key in ["source", "message_ids", "attachments"] {
        assert!(json.get(key).is_none(), "{key} is left out when empty");
    }
    json["contacts"] = serde_json::json!([{
        "at": "2026-03-02T09:00:00Z", "by": "M", "direction": "to-reporter", "text": "hi"
    }]);
    let parsed: Case = serde_json::from_value(json).unwrap();
    assert_eq!(parsed.contacts[0].message_id, None);
    let event: Event = serde_json::from_value(serde_json::json!({
        "id": "01KJNMZ1G0AAAAAAAAAAAAAAAA", "at": "2026-03-02T09:00:00Z", "by": "M",
        "kind": "contact-logged", "direction": "from-reporter", "text": "x"
    }))
    .unwrap();
    assert!(matches!(
        event.kind,
        EventKind::ContactLogged { sent_at: None, ref attachments, .. } if attachments.is_empty()
    ));
}

/// Records as `import/` reads them, built by hand: the same advisory in four
/// versions (published, with more affected, withdrawn, updated text).
mod imports {
    use chrono::{DateTime, TimeDelta, Utc};

    use super::super::*;
    use crate::model::policy::Package;

    pub(super) fn sample(version: u8, now: DateTime<Utc>) -> RecordImport {
        let published: DateTime<Utc> = "2025-01-10T12:00:00Z".parse().unwrap();
        let modified = published + TimeDelta::days(i64::from(version) + 1);
        let range = |intro: &str, fixed: &str| Range {
            kind: RangeType::Semver,
            repo: None,
            events: vec![
                RangeEvent::Introduced(intro.into()),
                RangeEvent::Fixed(fixed.into()),
            ],
        };
        let mut ranges = vec![range("0", "1.4.2")];
        if version >= 1 {
            ranges.push(range("1.5.0", "1.5.3"));
        }
        let record = serde_json::json!({
            "id": "GHSA-aaaa-bbbb-cccc",
            "modified": crate::model::time::rfc3339(modified),
            "version": version,
        });
        RecordImport {
            from: ImportedFrom {
                format: RecordFormat::Osv,
                id: "GHSA-aaaa-bbbb-cccc".into(),
                aliases: vec!["CVE-2025-0001".into()],
                severities: vec!["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into()],
                primary: Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into()),
                received_known: false,
                opened: false,
                modified: Some(modified.min(now)),
            },
            record,
            title: "Path traversal in poet".into(),
            status: match version {
                2 => RecordStatus::Withdrawn(modified.min(now)),
                _ => RecordStatus::Published,
            },
            received_at: None,
            published_at: Some(published),
            first_known: None,
            timeline: Vec::new(),
            reporter: Reporter::default(),
            cve: Some("CVE-2025-0001".into()),
            ghsa: Some("GHSA-aaaa-bbbb-cccc".into()),
            affected: vec![Affected {
                package: Package {
                    ecosystem: "crates.io".into(),
                    name: "poet".into(),
                },
                ranges,
                versions: Vec::new(),
            }],
            severity: Some(
                crate::model::severity::assess("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                    .unwrap(),
            ),
            cwe: vec!["CWE-22".into()],
            credits: vec![Credit {
                name: "Ada".into(),
                kind: CreditType::Finder,
                consent: Consent::Granted,
                contact: Vec::new(),
            }],
            public: PublicText {
                summary: Some(format!("Path traversal (v{})", version.min(2))),
                details: Some("The upload handler joins paths.".into()),
                references: vec!["https://example.org/advisory".into()],
                ..PublicText::default()
            },
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_record_opens_a_published_case_at_its_own_times() {
        let now = at("2026-03-02T09:00:00Z");
        let import = sample(0, now);
        let case = Case::open_imported(
            "DISC-2026-K7Q3M".parse().unwrap(),
            &import,
            crate::model::policy::Policy::default().slas(),
            now,
            "M",
        );
        assert_eq!(case.state, State::Published);
        assert_eq!(case.received_at, at("2025-01-10T12:00:00Z"));
        assert_eq!(case.published_at, Some(at("2025-01-10T12:00:00Z")));
        assert_eq!(
            case.identifiers.advisory.as_deref(),
            Some("GHSA-aaaa-bbbb-cccc")
        );
        assert_eq!(case.identifiers.cve.as_deref(), Some("CVE-2025-0001"));
        assert_eq!(case.affected, import.affected);
        assert_eq!(case.credits[0].consent, Consent::Granted);
        assert_eq!(case.public.summary.as_deref(), Some("Path traversal (v0)"));
        assert!(case.report.description.is_none(), "the report stays empty");
        assert!(case.imported[0].opened && !case.imported[0].received_known);
        let last = case.events.last().unwrap();
        assert!(matches!(last.kind, EventKind::Imported { .. }));
        assert_eq!(last.at, now);
        // Updated after publication: the advisory was written again then.
        assert!(
            case.events
                .iter()
                .any(|e| matches!(e.kind, EventKind::AdvisoryUpdated { .. })
                    && e.at == at("2025-01-11T12:00:00Z"))
        );
        assert_eq!(replay(case.events.clone()).unwrap(), case);
    }

    #[test]
    fn importing_again_records_only_what_changed() {
        let now = at("2026-03-02T09:00:00Z");
        let first = sample(0, now);
        let mut case = Case::open_imported(
            "DISC-2026-K7Q3M".parse().unwrap(),
            &first,
            crate::model::policy::Policy::default().slas(),
            now,
            "M",
        );
        let n = case.events.len();
        assert_eq!(
            case.import_record(Baseline::Previous(&first), &first, now, "M"),
            0
        );
        assert_eq!(case.events.len(), n);
        // A local edit of the summary survives an update that changes other things.
        case.describe(
            PublicChange {
                details: Some("Our own words.".into()),
                ..PublicChange::default()
            },
            Stamp { at: now, by: "M" },
        )
        .unwrap();
        let second = sample(1, now);
        let added = case.import_record(Baseline::Previous(&first), &second, now, "M");
        let kinds: Vec<&str> = case.events[case.events.len() - added..]
            .iter()
            .map(|e| e.kind.action())
            .collect();
        assert_eq!(
            kinds,
            ["add affected", "describe", "update advisory", "import"],
            "{kinds:?}"
        );
        assert_eq!(case.public.details.as_deref(), Some("Our own words."));
        assert_eq!(case.affected[0].ranges.len(), 2);
        let third = sample(2, now);
        case.import_record(Baseline::Previous(&second), &third, now, "M");
        assert_eq!(case.state, State::Withdrawn);
        assert_eq!(replay(case.events.clone()).unwrap(), case);
    }

    #[test]
    fn a_record_that_only_shares_an_id_adds_its_ids_and_nothing_else() {
        let now = at("2026-03-02T09:00:00Z");
        let mut case = super::sample();
        let import = sample(0, now);
        case.import_record(Baseline::Other, &import, now, "M");
        assert_eq!(case.state, State::New);
        assert!(case.affected.is_empty());
        assert_eq!(case.identifiers.cve.as_deref(), Some("CVE-2025-0001"));
        assert_eq!(case.imported.len(), 1);
        assert!(!case.imported[0].opened);
        assert!(case_names(&case).contains(&"GHSA-aaaa-bbbb-cccc".to_owned()));
    }
}
