//! The seed process end to end: open, ack, confirm, affected versions that
//! touch two of three maintained releases, fixes prepared then released.

use crate::common::{TestEnv, stderr};

const SHA_A: &str = "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const SHA_B: &str = "9e8d7c6b5a493f2a9c1e0b8d7a6f5e4d3c2b1a0f";

#[test]
fn the_matrix_fills_and_the_case_moves_to_fixed_only_when_the_last_fix_lands() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("Path traversal in upload", &["--reporter-name", "Ada"]);
    env.disclose().args(["ack", &id]).assert().success();
    env.disclose().args(["confirm", &id]).assert().success();
    assert_eq!(env.case(&id)["state"], "confirmed");

    env.disclose()
        .args(["affected", &id, "--range", ">=1.0.0, <1.5.3"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["affected"][0]["package"]["name"], "poet");
    assert_eq!(case["affected"][0]["package"]["ecosystem"], "crates.io");
    assert_eq!(case["affected"][0]["ranges"][0]["type"], "SEMVER");
    assert_eq!(
        case["affected"][0]["ranges"][0]["events"],
        serde_json::json!([{"introduced": "1.0.0"}, {"fixed": "1.5.3"}])
    );
    assert_eq!(case["releases"]["1.4"]["decision"], "affected");
    assert_eq!(case["releases"]["1.5"]["decision"], "affected");
    assert_eq!(case["releases"]["2.x"]["decision"], "not-affected");

    env.disclose()
        .args([
            "fix",
            &id,
            "--release",
            "1.4",
            "--commit",
            SHA_A,
            "--pr",
            "812",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["fixes"][0]["release"], "1.4");
    assert_eq!(case["fixes"][0]["commits"][0], SHA_A);
    assert_eq!(case["fixes"][0]["pr"], "#812");
    assert_eq!(case["fixes"][0]["version"], serde_json::Value::Null);
    assert_eq!(case["state"], "confirmed");

    env.disclose()
        .args([
            "fix",
            &id,
            "--release",
            "1.4",
            "--version",
            "1.4.2",
            "--released",
            "2026-03-02T09:00:00Z",
        ])
        .assert()
        .success();
    assert_eq!(
        env.case(&id)["fixes"][0]["released_at"],
        "2026-03-02T09:00:00Z"
    );
    assert_eq!(
        env.case(&id)["state"],
        "confirmed",
        "1.5 still lacks a released fix"
    );

    env.disclose()
        .args(["fix", &id, "--release", "1.5", "--commit", SHA_B])
        .assert()
        .success();
    assert_eq!(env.case(&id)["state"], "confirmed");
    let out = env
        .disclose()
        .args(["fix", &id, "--release", "1.5", "--version", "1.5.3"])
        .assert()
        .success();
    assert!(stderr(&out).contains("is now fixed"), "{}", stderr(&out));
    let case = env.case(&id);
    assert_eq!(case["state"], "fixed");
    assert!(case["fixed_at"].is_string());

    let out = env.disclose().args(["show", &id]).assert().success();
    let text = crate::common::stdout(&out);
    assert!(
        text.contains("1.4: fixed in 1.4.2 · 1.5: fixed in 1.5.3 · 2.x: not affected"),
        "{text}"
    );
    let messages: Vec<String> = env.commits().into_iter().map(|c| c.0).collect();
    assert_eq!(
        messages[..8],
        [
            format!("{id}: link fix"),
            format!("{id}: link fix"),
            format!("{id}: link fix"),
            format!("{id}: link fix"),
            format!("{id}: add affected"),
            format!("{id}: confirm"),
            format!("{id}: acknowledge"),
            format!("{id}: open"),
        ]
    );
}

#[test]
fn a_wont_fix_decision_also_completes_the_matrix() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    env.disclose().args(["confirm", &id]).assert().success();
    env.disclose()
        .args(["affected", &id, "--range", "<1.5.3"])
        .assert()
        .success();
    env.disclose()
        .args(["fix", &id, "--release", "1.5", "--version", "1.5.3"])
        .assert()
        .success();
    assert_eq!(env.case(&id)["state"], "confirmed");
    env.disclose()
        .args(["release", &id, "1.4", "wont-fix"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--reason is required"));
    env.disclose()
        .args([
            "release",
            &id,
            "1.4",
            "wont-fix",
            "--reason",
            "too invasive for a patch release",
        ])
        .assert()
        .success()
        .stderr(predicates::str::contains("is now fixed"));
    let case = env.case(&id);
    assert_eq!(case["state"], "fixed");
    assert_eq!(case["releases"]["1.4"]["decision"], "wont-fix");
    assert_eq!(case["releases"]["1.4"]["manual"], true);
}

#[test]
fn a_manual_decision_survives_later_affected_changes() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    env.disclose()
        .args(["release", &id, "2.x", "affected"])
        .assert()
        .success();
    env.disclose()
        .args(["affected", &id, "--range", ">=1.4.0, <1.4.5"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["releases"]["1.4"]["decision"], "affected");
    assert_eq!(case["releases"]["1.5"]["decision"], "not-affected");
    assert_eq!(case["releases"]["2.x"]["decision"], "affected");
    env.disclose()
        .args(["affected", &id, "--remove"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["affected"], serde_json::json!([]));
    assert_eq!(case["releases"]["1.4"]["decision"], "unknown");
    assert_eq!(case["releases"]["2.x"]["decision"], "affected");
}
