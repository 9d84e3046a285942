//! Findings of the team's own (`open --internal`), links between cases
//! (`--related`), and the audit for similar problems a policy may promise
//! (`disclose audit`, a readiness item of `publish`).

use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

const AUDIT_ITEM: &str = "audit for similar problems recorded";

#[test]
fn an_internal_finding_has_no_reporter_and_never_a_clock_finding() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args([
            "open",
            "--internal",
            "--title",
            "Same traversal in avatar upload",
        ])
        .assert()
        .success();
    let id = stdout(&out).trim().to_owned();
    let err = stderr(&out);
    assert!(!err.contains("acknowledge by"), "{err}");
    assert!(err.contains("internal finding"), "{err}");
    let case = env.case(&id);
    assert_eq!(case["internal"], true);
    assert_eq!(case["deadline"], serde_json::Value::Null);
    assert_eq!(case["credits"], serde_json::json!([]));
    for now in [
        "2026-03-10T00:00:00Z",
        "2026-09-01T00:00:00Z",
        "2027-03-01T00:00:00Z",
    ] {
        let out = env
            .disclose_at(now)
            .args(["check", "--format", "json"])
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["findings"], serde_json::json!([]), "{now}");
    }
    // Nobody to acknowledge: it is confirmed straight away.
    env.disclose()
        .args(["ack", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("internal finding"))
        .stderr(predicate::str::contains(format!("disclose confirm {id}")));
    env.disclose().args(["confirm", &id]).assert().success();
    assert_eq!(env.case(&id)["state"], "confirmed");
    let shown = stdout(&env.disclose().args(["show", &id]).assert().success());
    assert!(shown.contains("internal finding"), "{shown}");
    // A deadline set by hand still counts.
    env.disclose()
        .args(["deadline", &id, "--by", "2026-04-01"])
        .assert()
        .success();
    env.disclose_at("2026-04-02T00:00:00Z")
        .args(["check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("disclosure deadline passed"));
}

#[test]
fn an_internal_finding_takes_no_reporter() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    env.disclose()
        .args([
            "open",
            "--internal",
            "--title",
            "x",
            "--reporter-email",
            "a@example.org",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--reporter-email"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn related_links_both_cases_in_one_commit() {
    let env = TestEnv::init();
    let reported = env.open("Path traversal in upload", &["--reporter-name", "Ada"]);
    let short = &reported[10..13];
    let out = env
        .disclose()
        .args([
            "open",
            "--internal",
            "--title",
            "Same flaw in avatar upload",
            "--related",
            short,
        ])
        .assert()
        .success();
    let found = stdout(&out).trim().to_owned();
    assert_eq!(env.case(&found)["related"], serde_json::json!([reported]));
    assert_eq!(env.case(&reported)["related"], serde_json::json!([found]));
    assert_eq!(
        env.commits()[0].0,
        format!("{found}: open (related to {reported})")
    );
    let shown = stdout(&env.disclose().args(["show", &reported]).assert().success());
    assert!(shown.contains(&format!("related       {found}")), "{shown}");
    // An unknown case is bad input, and nothing is opened.
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["open", "--title", "x", "--related", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn the_audit_promise_blocks_publishing_until_recorded() {
    let env = TestEnv::new();
    env.disclose()
        .args([
            "init",
            "--audit",
            "--project",
            "poet",
            "--contact",
            "security@po.et",
        ])
        .assert()
        .success();
    let id = env.open("Path traversal in upload", &["--reporter-name", "Ada"]);
    let items = |env: &TestEnv| {
        let out = env.disclose().args(["publish", &id, "--dry-run"]).assert();
        let out = out.get_output();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let before = items(&env);
    assert!(before.contains(AUDIT_ITEM), "{before}");
    assert!(
        before.contains(&format!("disclose audit {id} --note")),
        "{before}"
    );
    let shown = stdout(&env.disclose().args(["show", &id]).assert().success());
    assert!(shown.contains("audit         not recorded yet"), "{shown}");

    let found = env.open("Same flaw in avatar upload", &["--internal"]);
    let before = env.snapshot_bytes();
    for (args, needle) in [
        (
            vec!["audit", &id, "--note", "x", "--found", "DISC-2026-ZZZZZ"],
            "ZZZZZ",
        ),
        (vec!["audit", &id, "--note", "x", "--found", &id], "itself"),
        (vec!["audit", &id, "--note", " "], "--note"),
        (vec!["audit", &id], "--note"),
    ] {
        env.disclose()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle));
    }
    assert_eq!(before, env.snapshot_bytes());

    env.disclose()
        .args([
            "audit",
            &id,
            "--note",
            "Checked every handler that joins user paths.",
            "--found",
            &found,
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "found {found} (linked both ways)"
        )));
    assert!(!items(&env).contains(AUDIT_ITEM));
    let case = env.case(&id);
    assert_eq!(
        case["audit"]["note"],
        "Checked every handler that joins user paths."
    );
    assert_eq!(case["audit"]["found"], serde_json::json!([found]));
    assert_eq!(case["related"], serde_json::json!([found]));
    assert_eq!(env.case(&found)["related"], serde_json::json!([id]));
    assert_eq!(env.commits()[0].0, format!("{id}: record audit"));
    // The finding is internal: no audit of its own is asked for.
    let out = env
        .disclose()
        .args(["publish", &found, "--dry-run"])
        .assert();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!text.contains(AUDIT_ITEM), "{text}");
}

#[test]
fn a_case_opened_before_the_audit_promise_keeps_its_own_promises() {
    let env = TestEnv::init();
    let id = env.open("Old report", &[]);
    env.disclose()
        .args(["policy", "set", "audit", "on"])
        .assert()
        .success();
    let out = env.disclose().args(["publish", &id, "--dry-run"]).assert();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!text.contains(AUDIT_ITEM), "{text}");
    let id = env.open("New report", &[]);
    let out = env.disclose().args(["publish", &id, "--dry-run"]).assert();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&out.get_output().stderr);
    assert!(text.contains(AUDIT_ITEM), "{text}");
}
