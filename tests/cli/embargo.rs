//! `disclose embargo` and `init --preset`.

use predicates::prelude::*;

use crate::common::{TestEnv, stderr};

const RECEIVED: &str = "2026-03-02T09:00:00Z";

fn opened() -> (TestEnv, String) {
    let env = TestEnv::init();
    let id = env.open("t", &["--received", RECEIVED]);
    (env, id)
}

#[test]
fn until_a_date_with_an_offset_is_stored_in_utc_and_shown_in_both() {
    let (env, id) = opened();
    let out = env
        .disclose()
        .args(["embargo", &id, "--until", "2026-06-01T09:00:00-04:00"])
        .env("TZ", "Europe/Berlin")
        .assert()
        .success();
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        format!(
            "Embargo on {id} until 2026-06-01 13:00 UTC (2026-06-01 15:00 +02:00 local) (in 91d 3h)."
        )
    );
    let case = env.case(&id);
    assert_eq!(case["embargo_until"], "2026-06-01T13:00:00Z");
    assert_eq!(case["deadline"], "2026-06-01T13:00:00Z");
    assert!(case.get("embargo_preset").is_none());
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "embargo-set");
    assert_eq!(last["until"], "2026-06-01T13:00:00Z");
    assert!(last.get("preset").is_none());
    assert_eq!(env.commits()[0].0, format!("{id}: set embargo"));
}

#[test]
fn a_plain_date_means_midnight_utc() {
    let (env, id) = opened();
    env.disclose()
        .args(["embargo", &id, "--until", "2026-06-01"])
        .assert()
        .success();
    assert_eq!(env.case(&id)["embargo_until"], "2026-06-01T00:00:00Z");
}

#[test]
fn presets_count_from_receipt_and_are_recorded() {
    for (args, until, preset) in [
        (
            &["--preset", "cert-cc"][..],
            "2026-04-16T09:00:00Z",
            "cert-cc",
        ),
        (&["--preset", "zdi"][..], "2026-06-30T09:00:00Z", "zdi"),
        (
            &["--preset", "project-zero"][..],
            "2026-05-31T09:00:00Z",
            "project-zero",
        ),
        (
            &["--preset", "project-zero", "--grace"][..],
            "2026-06-14T09:00:00Z",
            "project-zero+grace",
        ),
        (&["--preset", "60"][..], "2026-05-01T09:00:00Z", "60d"),
    ] {
        let (env, id) = opened();
        env.disclose()
            .arg("embargo")
            .arg(&id)
            .args(args)
            .assert()
            .success();
        let case = env.case(&id);
        assert_eq!(case["embargo_until"], until, "{args:?}");
        assert_eq!(case["embargo_preset"], preset, "{args:?}");
        let last = case["events"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["preset"], preset);
    }
}

#[test]
fn clear_lifts_the_embargo_and_the_policy_deadline_applies_again() {
    let (env, id) = opened();
    env.disclose()
        .args(["embargo", &id, "--preset", "zdi"])
        .assert()
        .success();
    env.disclose()
        .args(["embargo", &id, "--clear"])
        .assert()
        .success()
        .stderr(predicate::str::contains("No embargo"));
    let case = env.case(&id);
    assert_eq!(case["embargo_until"], serde_json::Value::Null);
    assert!(case.get("embargo_preset").is_none());
    assert_eq!(case["deadline"], "2026-05-31T09:00:00Z");
    // Clearing again changes nothing.
    let commits = env.commits().len();
    env.disclose()
        .args(["embargo", &id, "--clear"])
        .assert()
        .success();
    assert_eq!(env.commits().len(), commits);
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let (env, id) = opened();
    let before = env.snapshot_bytes();
    for (args, needle) in [
        (
            &["--until", "2026-06-01T09:00:00"][..],
            "2026-06-01T09:00:00",
        ),
        (&["--until", "2020-01-01"][..], "in the past"),
        (&["--preset", "nsa"][..], "nsa"),
        (&["--preset", "cert-cc", "--grace"][..], "--grace"),
        (&["--grace"][..], "--preset"),
        (&[][..], "--until"),
        (&["--until", "2026-06-01", "--clear"][..], "--clear"),
    ] {
        env.disclose()
            .arg("embargo")
            .arg(&id)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle));
    }
    env.disclose()
        .args(["embargo", "DISC-2026-ZZZZZ", "--preset", "zdi"])
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_closed_case_keeps_its_embargo() {
    let (env, id) = opened();
    let path = env.store.join("cases").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"state\": \"new\"", "\"state\": \"withdrawn\"");
    std::fs::write(&path, text).unwrap();
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["embargo", &id, "--preset", "zdi"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("withdrawn"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn init_preset_sets_the_team_default() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--preset", "cert-cc"])
        .assert()
        .success();
    let policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap();
    assert_eq!(policy["disclose_within"], "45d");
    assert_eq!(policy["disclose_preset"], "cert-cc");
    let id = env.open("t", &["--received", RECEIVED]);
    let case = env.case(&id);
    assert_eq!(case["deadline"], "2026-04-16T09:00:00Z");
    assert_eq!(case["policy"]["preset"], "cert-cc");
    env.disclose()
        .args(["init", "--preset", "zdi", "--disclose-within", "30d"])
        .assert()
        .code(2);
}

#[test]
fn init_without_a_preset_writes_no_preset_key() {
    let env = TestEnv::init();
    let text = std::fs::read_to_string(env.store.join("policy.json")).unwrap();
    assert!(!text.contains("preset"), "{text}");
}
