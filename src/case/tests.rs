use chrono::{DateTime, Utc};

use super::*;
use crate::policy::Policy;

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
    assert_eq!(case.deadline, at("2026-05-31T09:00:00Z"));
    assert_eq!(case.credits.len(), 1);
    assert_eq!(case.credits[0].kind, CreditType::Finder);
    assert_eq!(case.credits[0].consent, Consent::Pending);
    assert_eq!(case.events.len(), 1);
}

#[test]
fn acknowledging_twice_is_refused_unless_forced() {
    let mut case = sample();
    let now = at("2026-03-02T10:00:00Z");
    case.acknowledge(now, now, "M", None).unwrap();
    assert_eq!(case.state, State::Acknowledged);
    let err = case.acknowledge(now, now, "M", None).unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(err.to_string().contains("already acknowledged"), "{err}");
    let event = case.acknowledge(now, now, "M", Some("")).unwrap();
    assert!(event.forced.is_some());
    assert_eq!(case.events.len(), 3);
}

#[test]
fn acknowledging_before_receipt_is_bad_input() {
    let mut case = sample();
    let early = at("2026-03-01T10:00:00Z");
    assert_eq!(
        case.acknowledge(early, early, "M", None)
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
    case.acknowledge(t, t, "M", None).unwrap();
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
    case.acknowledge(t, t, "M", None).unwrap();
    assert_eq!(replay(vec![]).unwrap_err(), ReplayError::Empty);
    assert!(matches!(
        replay(case.events[1..].to_vec()),
        Err(ReplayError::NotOpened(_))
    ));
}
