use predicates::prelude::*;

use crate::common::{TestEnv, stderr};

#[test]
fn ack_moves_new_to_acknowledged_in_one_commit() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let at = env.now();
    env.disclose().args(["ack", &id]).assert().success();
    let case = env.case(&id);
    assert_eq!(case["state"], "acknowledged");
    assert_eq!(
        case["acknowledged_at"],
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    assert_eq!(case["events"][1]["kind"], "acknowledged");
    let commits = env.commits();
    assert_eq!(commits.len(), 3);
    assert_eq!(commits[0].0, format!("{id}: acknowledge"));
    assert_eq!(commits[0].1, "Test Maintainer <maintainer@example.org>");
}

#[test]
fn ack_accepts_a_unique_part_of_the_id_and_an_explicit_time() {
    let env = TestEnv::init();
    let id = env.open("x", &["--received", "2026-03-01T00:00:00Z"]);
    let part = &id[10..13];
    env.disclose()
        .args(["ack", &part.to_lowercase(), "--at", "2026-03-01T12:00:00Z"])
        .assert()
        .success();
    assert_eq!(env.case(&id)["acknowledged_at"], "2026-03-01T12:00:00Z");
}

#[test]
fn acknowledging_twice_is_refused_unless_forced() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["ack", &id]).assert().code(1);
    let err = stderr(&out);
    assert!(err.contains("already acknowledged"), "{err}");
    assert!(
        err.contains("disclose confirm"),
        "lists possible moves: {err}"
    );
    assert_eq!(before, env.snapshot_bytes());
    env.disclose()
        .args([
            "ack",
            &id,
            "--force",
            "--reason",
            "second reply after bounce",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["events"][2]["forced"], "second reply after bounce");
    assert_eq!(env.commits().len(), 4);
}

#[test]
fn bad_ids_exit_2_and_change_nothing() {
    let env = TestEnv::init();
    env.open("x", &[]);
    let before = env.snapshot_bytes();
    for bad in [
        "../x",
        "DISC-2026-1/../../etc",
        "/etc/passwd",
        "",
        "DISC-2026-K7Q3\u{1}",
    ] {
        env.disclose()
            .args(["ack", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid case ID"));
    }
    env.disclose()
        .args(["ack", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISC-2026-ZZZZZ"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn an_ambiguous_part_lists_the_matches() {
    let env = TestEnv::init();
    // Open cases until two share a first character.
    let mut ids: Vec<String> = Vec::new();
    let (a, b) = loop {
        let id = env.open("x", &[]);
        if let Some(other) = ids.iter().find(|o| o.as_bytes()[10] == id.as_bytes()[10]) {
            break (other.clone(), id);
        }
        ids.push(id);
    };
    let out = env.disclose().args(["ack", &a[10..11]]).assert().code(2);
    let err = stderr(&out);
    assert!(
        err.contains("ambiguous") && err.contains(&a) && err.contains(&b),
        "{err}"
    );
}

#[test]
fn ack_before_receipt_or_in_the_future_is_bad_input() {
    let env = TestEnv::init();
    let id = env.open("x", &["--received", "2026-03-01T00:00:00Z"]);
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["ack", &id, "--at", "2026-02-01T00:00:00Z"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("before the report was received"));
    env.disclose()
        .args(["ack", &id, "--at", "2027-01-01T00:00:00Z"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in the future"));
    env.disclose()
        .args(["ack", &id, "--at", "noon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--at"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn ack_without_a_store_says_how_to_start() {
    let env = TestEnv::new();
    env.disclose()
        .args(["ack", "DISC-2026-K7Q3M"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no case store"));
    assert!(!env.store.exists());
}

#[test]
fn a_late_ack_says_so_and_paused_time_does_not_count_against_it() {
    let env = TestEnv::init();
    let late = env.open("late", &[]);
    let paused = env.open("paused", &[]);
    env.disclose()
        .args(["pause", &paused, "--reason", "waiting on the reporter"])
        .assert()
        .success();
    env.advance(chrono::TimeDelta::days(3));
    env.disclose().args(["resume", &paused]).assert().success();
    env.advance(chrono::TimeDelta::hours(1));

    // 3 days after receipt: past 48 hours for one, and 1 hour of the 48
    // for the other, whose clock stood still while it was paused.
    let out = env.disclose().args(["ack", &late]).assert().success();
    assert!(
        stderr(&out).contains("later than the policy's promise"),
        "{}",
        stderr(&out)
    );
    let out = env.disclose().args(["ack", &paused]).assert().success();
    assert!(!stderr(&out).contains("later than"), "{}", stderr(&out));
}
