//! `--json` on every command that prints a result: stdout is one JSON
//! document, dry runs and refusals included; an error is a JSON object
//! with the exit code unchanged; stderr carries no hints or next steps.
//! Covers issue #18.

use serde_json::Value;

use crate::common::{TestEnv, stderr, stdout};
use crate::publish::{Skip, ready_case};

/// Runs `disclose --json ARGS`, expects `code`, and returns stdout parsed.
fn json_run(env: &TestEnv, args: &[&str], code: i32) -> Value {
    let out = env.disclose().arg("--json").args(args).assert().code(code);
    let text = stdout(&out);
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{args:?}: stdout is not one JSON document ({e}):\n{text}"));
    let err = stderr(&out);
    for human in ["hint:", "Next:"] {
        assert!(!err.contains(human), "{args:?}: {human} on stderr:\n{err}");
    }
    value
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    json_run(env, args, 0)
}

/// An error object, checked for its shape; returns it.
fn json_error(env: &TestEnv, args: &[&str], code: i32) -> Value {
    let value = json_run(env, args, code);
    let error = &value["error"];
    assert_eq!(error["exit_code"], code, "{value}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{value}"
    );
    assert!(error["kind"].is_string(), "{value}");
    error.clone()
}

#[test]
fn every_command_that_changes_a_case_prints_it_as_json() {
    let env = TestEnv::new();
    let init = json(
        &env,
        &[
            "init",
            "--project",
            "poet",
            "--release",
            "1.4=>=1.4.0, <1.5.0",
        ],
    );
    assert_eq!(init["policy"]["project"], "poet");
    let id = json(
        &env,
        &["open", "--title", "t", "--reporter-email", "r@example.org"],
    )["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = id.as_str();
    for args in [
        vec!["ack", id],
        vec!["confirm", id],
        vec![
            "affected",
            id,
            "--package",
            "poet",
            "--ecosystem",
            "crates.io",
            "--range",
            ">=1.0.0, <1.4.2",
        ],
        vec![
            "severity",
            id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ],
        vec!["assign", id, "--cve", "CVE-2026-12345"],
        vec!["note", id, "a note"],
        vec!["contact", id, "--to-reporter", "hello"],
        vec!["credit", id, "--name", "Ada", "--consent", "granted"],
        vec!["embargo", id, "--until", "2026-06-01"],
        vec!["pause", id, "--reason", "waiting-on-reporter"],
        vec!["resume", id],
        vec!["release", id, "1.4", "wont-fix", "--reason", "old"],
        vec!["release", id, "1.4", "affected"],
        vec!["fix", id, "--release", "1.4", "--version", "1.4.2"],
    ] {
        assert_eq!(json(&env, &args)["id"], id, "{args:?}");
    }
    for args in [
        vec!["show", id],
        vec!["log", id],
        vec!["status", "--all"],
        vec!["stats"],
    ] {
        json(&env, &args);
    }
    assert_eq!(
        json(&env, &["ack", id, "--force", "--draft"])["case_id"],
        id
    );
    assert_eq!(
        json(&env, &["contact", id, "--draft", "update"])["case_id"],
        id
    );
    let second = json(&env, &["open", "--title", "u"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    json(&env, &["reject", &second, "--reason", "invalid"]);
    let third = json(&env, &["open", "--title", "v"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    json(&env, &["withdraw", &third]);
}

#[test]
fn reads_exports_policy_docs_and_remotes_print_json() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let export = json(&env, &["export", &id, "--format", "markdown", "--preview"]);
    assert_eq!(export["preview"], true);
    assert!(export["text"].as_str().unwrap().contains("\n# "));
    let out = env.root.join("osv.json");
    let export = json(
        &env,
        &[
            "export",
            &id,
            "--format",
            "osv",
            "--preview",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(export["file"], out.to_str().unwrap());
    json(&env, &["check"]);
    json(&env, &["policy"]);
    json(&env, &["policy", "set", "ack_within", "2bd"]);
    json(
        &env,
        &["policy", "release", "add", "3.x", "--range", ">=3.0.0"],
    );
    json(&env, &["policy", "release", "remove", "3.x"]);
    assert!(json(&env, &["policy", "render"])["security_md"].is_string());
    let md = env.root.join("SECURITY.md");
    json(&env, &["policy", "--write", md.to_str().unwrap()]);
    assert_eq!(
        json(&env, &["policy", "--check", md.to_str().unwrap()])["findings"],
        serde_json::json!([])
    );
    assert!(json(&env, &["completions", "bash"])["script"].is_string());
    assert_eq!(json(&env, &["man"])["page"], "disclose.1");
    let man = env.root.join("man1");
    assert!(json(&env, &["man", "--out", man.to_str().unwrap()])["pages"].is_array());
    let remote = env.bare_remote("team.git");
    json(&env, &["remote", "set", remote.to_str().unwrap()]);
    json(&env, &["remote"]);
    json(&env, &["sync"]);
    let clone = env.root.join("clone");
    json(
        &env,
        &[
            "--dir",
            clone.to_str().unwrap(),
            "clone",
            remote.to_str().unwrap(),
        ],
    );
}

#[test]
fn publish_and_its_dry_run_print_json() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let dry = json(&env, &["publish", &id, "--dry-run"]);
    assert_eq!(dry["ready"], true);
    assert_eq!(dry["advisory"], "POET-SA-2026-001");
    assert_eq!(dry["files"].as_array().unwrap().len(), 5);
    let published = json(&env, &["publish", &id]);
    assert_eq!(published["advisory"], "POET-SA-2026-001");
    // Published already: a refusal, as an error object.
    let error = json_error(&env, &["publish", &id], 1);
    assert_eq!(error["kind"], "refused");
}

#[test]
fn a_dry_run_with_open_items_is_one_object_and_exit_1() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            severity: true,
            ..Skip::default()
        },
    );
    let before = env.snapshot_bytes();
    let dry = json_run(&env, &["publish", &id, "--dry-run"], 1);
    assert_eq!(dry["ready"], false);
    assert_eq!(dry["items"][0]["what"], "no severity is set");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn check_with_a_breach_prints_only_its_report() {
    let env = TestEnv::init();
    env.open("x", &["--received", "2026-02-20"]);
    let out = env.disclose().args(["--json", "check"]).assert().code(1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(stderr(&out), "", "nothing but the report");
}

#[test]
fn errors_are_json_objects_with_the_exit_code() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    // Bad input: 2.
    let error = json_error(&env, &["ack", "DISC-2026-ZZZZZ"], 2);
    assert_eq!(error["kind"], "input");
    assert!(error["hint"].is_string(), "{error}");
    // A refused move: 1.
    let error = json_error(&env, &["publish", &id], 1);
    assert_eq!(error["kind"], "refused");
    // A usage error clap finds: 2.
    let error = json_error(&env, &["ack"], 2);
    assert_eq!(error["kind"], "usage");
    let error = json_error(&env, &["opne"], 2);
    assert!(
        error["hint"].as_str().unwrap().contains("'open'"),
        "{error}"
    );
    let error = json_error(&env, &["status", "--no-such-flag"], 2);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("--no-such-flag"),
        "{error}"
    );
    // A store that cannot be read: 3.
    std::fs::write(env.store.join("policy.json"), "{ not json").unwrap();
    let error = json_error(&env, &["show", &id], 3);
    assert_eq!(error["kind"], "bad-file");
    assert_eq!(error["line"], 1);
    std::fs::write(
        env.store.join("policy.json"),
        &before[std::path::Path::new("policy.json")],
    )
    .unwrap();
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn without_json_errors_stay_text_with_a_hint() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["ack", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("\nhint: "), "{err}");
}
