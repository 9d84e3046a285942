//! Every draft kind against every state, and the sentences each case
//! supports: what a draft says must be true of the case.

use super::*;
use crate::export::fixtures::{ada, at, fixed_case, policy, published};
use crate::model::case::{
    Consent, Decision, Direction, EventKind, NewCase, RejectReason, Resolution, Stamp,
};
use crate::model::policy::Slas;

const NOW: &str = "2026-03-21T09:00:00Z";

fn opened(slas: Slas) -> Case {
    Case::open(
        "DISC-2026-K7Q3M".parse().unwrap(),
        NewCase {
            title: "Path traversal in upload".into(),
            reporter: ada(),
            ..NewCase::default()
        },
        slas,
        at("2026-03-02T09:00:00Z"),
        "M",
    )
}

fn stamp(when: &str) -> Stamp<'static> {
    Stamp {
        at: at(when),
        by: "M",
    }
}

/// A case in `state`, taken there the way the commands would.
fn in_state(state: State) -> Case {
    let mut case = opened(policy().slas());
    let t = "2026-03-02T10:00:00Z";
    match state {
        State::New => {}
        State::Acknowledged => {
            case.acknowledge(at(t), stamp(t), None).unwrap();
        }
        State::Confirmed => {
            case.acknowledge(at(t), stamp(t), None).unwrap();
            case.confirm(stamp(t), None).unwrap();
        }
        State::Fixed => case = fixed_case(ada(), Consent::Pending),
        State::Published => case = published(fixed_case(ada(), Consent::Granted)),
        State::Rejected => {
            let resolution = Resolution {
                reason: RejectReason::Invalid,
                duplicate_of: None,
                note: None,
            };
            case.reject(resolution, stamp(t), None).unwrap();
        }
        State::Withdrawn => {
            case.withdraw(None, stamp(t), None).unwrap();
        }
    }
    assert_eq!(case.state, state);
    case
}

fn draft(kind: DraftKind, case: &Case, extras: &Extras) -> Draft {
    render(kind, None, case, &policy(), at(NOW), extras).unwrap()
}

/// The body as prose: its lines joined, so a sentence refilled across two
/// lines still reads whole.
fn prose(kind: DraftKind, case: &Case) -> String {
    draft(kind, case, &Extras::default())
        .body
        .replace('\n', " ")
}

#[test]
fn each_kind_is_refused_in_the_states_where_it_would_not_be_true() {
    use State::*;
    let allowed = |kind: DraftKind| -> &'static [State] {
        match kind {
            DraftKind::Ack => &[
                New,
                Acknowledged,
                Confirmed,
                Fixed,
                Published,
                Rejected,
                Withdrawn,
            ],
            DraftKind::NeedInfo => &[New, Acknowledged, Confirmed],
            DraftKind::Update => &[Acknowledged, Confirmed, Fixed],
            // The fixture's confirmed case has no fix linked yet.
            DraftKind::FixReady => &[Fixed],
            DraftKind::Published => &[Published],
        }
    };
    for kind in DraftKind::ALL {
        for state in State::ALL {
            let case = in_state(state);
            let refusal = precondition(kind, &case);
            assert_eq!(
                refusal.is_none(),
                allowed(kind).contains(&state),
                "{kind} in {state}: {refusal:?}"
            );
            // Forced, every kind still renders from what the case holds.
            let d = draft(kind, &case, &Extras::default());
            assert!(
                d.subject.contains("DISC-2026-K7Q3M"),
                "{kind} {state}: {}",
                d.subject
            );
            assert_eq!(
                d.to.as_ref().map(|r| r.email.as_str()),
                Some("ada@example.net")
            );
            assert!(!d.body.contains('{'), "{kind} {state}:\n{}", d.body);
            assert!(!d.body.contains("\n\n\n"), "{kind} {state}:\n{}", d.body);
        }
    }
}

#[test]
fn a_prepared_fix_makes_fix_ready_true_before_any_release() {
    let mut case = in_state(State::Confirmed);
    let t = "2026-03-05T10:00:00Z";
    case.record(
        EventKind::ReleaseDecided {
            release: "1.4".into(),
            decision: Decision::Affected,
            reason: None,
        },
        at(t),
        "M",
        None,
    );
    case.record(
        EventKind::FixLinked {
            release: "1.4".into(),
            package: None,
            commits: vec!["a".repeat(40)],
            pr: Some("#812".into()),
            version: None,
            released_at: None,
        },
        at(t),
        "M",
        None,
    );
    assert_eq!(precondition(DraftKind::FixReady, &case), None);
    let body = prose(DraftKind::FixReady, &case);
    assert!(
        body.contains("The fix for 1.4 (PR #812) is prepared and not released yet."),
        "{body}"
    );
    assert!(!body.contains("is released in"), "{body}");
}

#[test]
fn released_fixes_are_told_as_released_and_granted_credit_is_not_asked_again() {
    let case = fixed_case(ada(), Consent::Granted);
    let body = prose(DraftKind::FixReady, &case);
    assert!(
        body.contains("The fix is released in 1.4.2 and 1.5.3."),
        "{body}"
    );
    assert!(!body.contains("will ship"), "{body}");
    assert!(
        body.contains("We will credit you in the advisory as Ada Lovelace, as you agreed."),
        "{body}"
    );
    assert!(!body.contains("tell us the name"), "{body}");
    // Still pending: asked.
    let case = fixed_case(ada(), Consent::Pending);
    let body = prose(DraftKind::FixReady, &case);
    assert!(body.contains("tell us the name to use"), "{body}");
    // Declined: said so, not asked.
    let case = fixed_case(ada(), Consent::Declined);
    let body = prose(DraftKind::FixReady, &case);
    assert!(body.contains("the advisory will not name you"), "{body}");
}

#[test]
fn an_update_tells_apart_released_missing_and_unfixed_releases() {
    let mut case = fixed_case(ada(), Consent::Granted);
    let t = "2026-03-12T10:00:00Z";
    case.record(
        EventKind::ReleaseDecided {
            release: "1.3".into(),
            decision: Decision::Eol,
            reason: Some("end of life".into()),
        },
        at(t),
        "M",
        None,
    );
    case.record(
        EventKind::ReleaseDecided {
            release: "2.0".into(),
            decision: Decision::Affected,
            reason: None,
        },
        at(t),
        "M",
        None,
    );
    let body = prose(DraftKind::Update, &case);
    assert!(
        body.contains("The fix is released in 1.4.2 and 1.5.3."),
        "{body}"
    );
    assert!(body.contains("Release 2.0 has no fix yet."), "{body}");
    // Not "fixed": a release still has no fix, so the case is confirmed again.
    assert_eq!(case.state, State::Confirmed);
    assert!(
        body.contains("the report is confirmed, and a fix is being prepared"),
        "{body}"
    );
    assert!(
        body.contains("No fix is planned for 1.3 (end of life)."),
        "{body}"
    );
}

/// Electrum-XMR promises an acknowledgement within 48 hours, and nothing
/// about updates or a disclosure deadline.
#[test]
fn drafts_of_a_policy_without_update_or_deadline_promises_never_mention_them() {
    let slas = Slas {
        ack_within: Some(crate::model::duration::Duration::hours(48)),
        update_every: None,
        disclose_within: None,
        preset: None,
        audit: false,
    };
    let mut case = opened(slas);
    let t = "2026-03-02T10:00:00Z";
    case.acknowledge(at(t), stamp(t), None).unwrap();
    for kind in DraftKind::ALL {
        let body = draft(kind, &case, &Extras::default()).body;
        for phrase in [
            "every",
            "informed",
            "90 days",
            "within",
            "hear from us again",
            "publish by",
        ] {
            assert!(!body.contains(phrase), "{kind} says {phrase:?}:\n{body}");
        }
    }
    // A template that asks for a promise the case does not hold is refused.
    let err = render(
        DraftKind::Update,
        Some("Next update by {next_update_by}."),
        &case,
        &policy(),
        at(NOW),
        &Extras::default(),
    )
    .unwrap_err();
    assert!(matches!(err, TemplateError::Unavailable(ref name, _) if name == "next_update_by"));
    assert!(err.to_string().contains("update_every is off"), "{err}");
}

#[test]
fn an_agreed_deadline_and_the_embargo_are_told_as_agreed() {
    let mut case = in_state(State::Acknowledged);
    let t = "2026-03-03T10:00:00Z";
    case.set_deadline(
        Some(at("2026-05-31T09:00:00Z")),
        Some(crate::model::preset::Preset::ProjectZero { grace: false }),
        stamp(t),
        None,
    )
    .unwrap();
    case.set_embargo(
        Some(at("2026-05-20T14:00:00Z")),
        Some("+02:00".into()),
        stamp(t),
        None,
    )
    .unwrap();
    let body = prose(DraftKind::Update, &case);
    assert!(
        body.contains("As agreed, following your disclosure policy (Project Zero"),
        "{body}"
    );
    assert!(body.contains("by Sunday 31 May 2026"), "{body}");
    assert!(
        body.contains(
            "nothing about it will be published before Wednesday 20 May 2026, 16:00 +02:00"
        ),
        "{body}"
    );
}

#[test]
fn need_info_asks_what_the_report_lacks_or_what_was_asked() {
    let mut case = in_state(State::Acknowledged);
    let body = draft(DraftKind::NeedInfo, &case, &Extras::default()).body;
    assert!(body.contains("- the exact steps to reproduce it"), "{body}");
    case.fields.report.reproduction = Some("curl ...".into());
    case.fields.report.impact = Some("read any file".into());
    let body = draft(DraftKind::NeedInfo, &case, &Extras::default()).body;
    assert!(!body.contains("steps"), "{body}");
    assert!(!body.contains("attacker"), "{body}");
    let extras = Extras {
        asks: vec!["Which browser did you use?".into(), "Was SSO on?".into()],
        message: Some("We could not reproduce it on Firefox.".into()),
        to: None,
    };
    let body = draft(DraftKind::NeedInfo, &case, &extras).body;
    assert!(
        body.contains("information:\n\n- Which browser did you use?\n- Was SSO on?\n\nWe could not reproduce it on Firefox."),
        "{body}"
    );
    assert!(!body.contains("the version or commit"), "{body}");
}

#[test]
fn without_a_reporter_address_there_is_no_recipient_unless_given() {
    let mut case = in_state(State::Acknowledged);
    case.fields.reporter.email = None;
    assert_eq!(draft(DraftKind::Update, &case, &Extras::default()).to, None);
    let extras = Extras {
        to: Some("ada@elsewhere.example".into()),
        ..Extras::default()
    };
    let d = draft(DraftKind::Update, &case, &extras);
    assert_eq!(d.to.unwrap().email, "ada@elsewhere.example");
}

#[test]
fn contacts_do_not_change_what_the_drafts_promise() {
    // A message logged to the reporter is not a promise of its own.
    let mut case = in_state(State::Acknowledged);
    case.log_contact(
        Direction::ToReporter,
        "hi".into(),
        None,
        stamp("2026-03-04T10:00:00Z"),
    )
    .unwrap();
    let body = prose(DraftKind::Update, &case);
    assert!(body.contains("at least every 7 days"), "{body}");
}
