//! confirm, reject, withdraw, pause and resume: the state machine from the CLI.

use crate::common::{TestEnv, stderr};

#[test]
fn confirming_a_new_case_is_refused_with_the_possible_moves() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["confirm", &id]).assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("cannot confirm {id}: it is new")),
        "{err}"
    );
    assert!(err.contains(&format!("`disclose ack {id}`")), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_forced_move_records_who_and_why() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "confirm",
            &id,
            "--force",
            "--reason",
            "reproduced before replying",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["state"], "confirmed");
    let event = &case["events"][1];
    assert_eq!(event["kind"], "confirmed");
    assert_eq!(event["forced"], "reproduced before replying");
    assert_eq!(event["by"], "Test Maintainer <maintainer@example.org>");
}

#[test]
fn reject_records_the_resolution_and_closes_the_case() {
    let env = TestEnv::init();
    let original = env.open("original", &[]);
    let dup = env.open("dup", &[]);
    env.disclose()
        .args([
            "reject",
            &dup,
            "--reason",
            "duplicate",
            "--duplicate-of",
            &original[10..],
            "--note",
            "same bug",
        ])
        .assert()
        .success();
    let case = env.case(&dup);
    assert_eq!(case["state"], "rejected");
    assert_eq!(case["resolution"]["reason"], "duplicate");
    assert_eq!(case["resolution"]["duplicate_of"], original.as_str());
    assert_eq!(case["resolution"]["note"], "same bug");
    assert!(case["closed_at"].is_string());
    let out = env.disclose().args(["confirm", &dup]).assert().code(1);
    assert!(stderr(&out).contains("is closed"), "{}", stderr(&out));
}

#[test]
fn reject_validates_its_reason_and_duplicate() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["reject", &id, "--reason", "boring"])
        .assert()
        .code(2);
    env.disclose()
        .args(["reject", &id, "--reason", "invalid", "--duplicate-of", &id])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--duplicate-of goes with --reason duplicate",
        ));
    env.disclose()
        .args([
            "reject",
            &id,
            "--reason",
            "duplicate",
            "--duplicate-of",
            &id,
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot duplicate itself"));
    env.disclose()
        .args([
            "reject",
            &id,
            "--reason",
            "duplicate",
            "--duplicate-of",
            "DISC-2026-ZZZZZ",
        ])
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn withdraw_closes_any_open_case() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    env.disclose()
        .args(["withdraw", &id, "--reason", "reporter retracted"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["state"], "withdrawn");
    assert_eq!(case["events"][2]["reason"], "reporter retracted");
}

#[test]
fn pause_and_resume_stop_the_clocks_without_changing_state() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args(["pause", &id, "--reason", "waiting-on-reporter"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["state"], "new");
    assert_eq!(case["paused"]["reason"], "waiting-on-reporter");
    // Three days later the acknowledgement is still not overdue.
    let out = env
        .disclose_at("2026-03-05T09:00:00Z")
        .args(["show", &id, "--json"])
        .assert()
        .success();
    let shown: serde_json::Value = serde_json::from_str(&crate::common::stdout(&out)).unwrap();
    assert_eq!(
        shown["clocks"]["acknowledgement"]["due"]["status"],
        "paused"
    );
    env.disclose()
        .args(["pause", &id, "--reason", "again"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already paused"));
    env.disclose_at("2026-03-05T09:01:00Z")
        .args(["resume", &id])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["paused"], serde_json::Value::Null);
    assert_eq!(case["pauses"][0]["until"], "2026-03-05T09:01:00Z");
    // Paused from 09:02 on the 2nd to 09:01 on the 5th: the 48h clock moves by that span.
    let out = env
        .disclose_at("2026-03-05T10:00:00Z")
        .args(["show", &id, "--json"])
        .assert()
        .success();
    let shown: serde_json::Value = serde_json::from_str(&crate::common::stdout(&out)).unwrap();
    assert_eq!(
        shown["clocks"]["acknowledgement"]["due"]["at"],
        "2026-03-07T09:00:00Z"
    );
    env.disclose_at("2026-03-05T10:01:00Z")
        .args(["resume", &id])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("not paused"));
}
