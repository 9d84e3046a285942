//! `disclose policy`: show, set, maintained releases, SECURITY.md rendering and checking.

use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

fn policy_json(env: &TestEnv) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap()
}

/// A store whose policy has every duration changed from the defaults and two releases.
fn configured() -> TestEnv {
    let env = TestEnv::new();
    env.disclose()
        .args([
            "init",
            "--project",
            "poet",
            "--contact",
            "security@po.et",
            "--ack-within",
            "3bd",
            "--update-every",
            "10d",
            "--disclose-within",
            "60d",
            "--release",
            "1.4=>=1.4.0, <1.5.0",
            "--release",
            "2.x=>=2.0.0",
        ])
        .assert()
        .success();
    env
}

#[test]
fn init_takes_releases_and_policy_shows_them() {
    let env = configured();
    assert_eq!(
        policy_json(&env)["maintained_releases"],
        serde_json::json!([
            {"name": "1.4", "range": ">=1.4.0, <1.5.0"},
            {"name": "2.x", "range": ">=2.0.0"},
        ])
    );
    let out = env.disclose().arg("policy").assert().success();
    let text = stdout(&out);
    for needle in [
        "security@po.et",
        "3bd (3 business days)",
        "10d (10 days)",
        "1.4  >=1.4.0, <1.5.0",
        "2.x  >=2.0.0",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    let out = env
        .disclose()
        .args(["policy", "show", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json, policy_json(&env));
}

#[test]
fn init_refuses_bad_or_duplicate_releases_without_creating_anything() {
    let env = TestEnv::new();
    for release in [
        ["1.4=>=1.4.0, <", "1.5=^1.5"],
        ["1.4=^1.4", "1.4=^1.4.1"],
        ["1.4", "x=^1"],
    ] {
        env.disclose()
            .args(["init", "--release", release[0], "--release", release[1]])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--release"));
    }
    assert!(!env.store.exists());
}

#[test]
fn set_changes_one_key_in_one_commit() {
    let env = configured();
    env.disclose()
        .args(["policy", "set", "ack_within", "48h"])
        .assert()
        .success()
        .stderr(predicate::str::contains("policy: set ack_within to 48h"));
    env.disclose()
        .args(["policy", "set", "default-package", "crates.io/poet"])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "set", "vendor", ""])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing changed"));
    let policy = policy_json(&env);
    assert_eq!(policy["ack_within"], "48h");
    assert_eq!(
        policy["default_package"],
        serde_json::json!({"ecosystem": "crates.io", "name": "poet"})
    );
    let messages: Vec<String> = env.commits().into_iter().map(|(m, _)| m).collect();
    assert_eq!(
        messages,
        [
            "policy: set default_package to crates.io/poet",
            "policy: set ack_within to 48h",
            "init: create case store"
        ]
    );
}

#[test]
fn releases_are_added_and_removed_one_commit_each() {
    let env = configured();
    env.disclose()
        .args([
            "policy",
            "release",
            "add",
            "1.5",
            "--range",
            ">=1.5.0, <1.6.0",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "release", "remove", "1.4"])
        .assert()
        .success();
    let names: Vec<String> = policy_json(&env)["maintained_releases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["2.x", "1.5"]);
    let messages: Vec<String> = env.commits().into_iter().map(|(m, _)| m).collect();
    assert_eq!(
        messages[..2],
        ["policy: remove release 1.4", "policy: add release 1.5"]
    );
}

#[test]
fn bad_policy_edits_exit_2_and_change_nothing() {
    let env = configured();
    let before = env.snapshot_bytes();
    let cases: [(&[&str], &str); 7] = [
        (
            &["policy", "release", "add", "1.6", "--range", ">=1.6.0, <"],
            "1.6",
        ),
        (
            &["policy", "release", "add", "1.4", "--range", "^1.4"],
            "already maintained",
        ),
        (
            &["policy", "release", "remove", "0.9"],
            "known releases: 1.4, 2.x",
        ),
        (&["policy", "set", "ack_witin", "1h"], "ack_witin"),
        (&["policy", "set", "ack_within", "soon"], "invalid duration"),
        (&["policy", "set", "contact", "not an email"], "contact"),
        (&["policy", "set", "id_prefix", "../x"], "id_prefix"),
    ];
    for (args, message) in cases {
        env.disclose()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn rendered_security_md_states_every_duration_release_and_the_contact() {
    let env = configured();
    let out = env.disclose().args(["policy", "render"]).assert().success();
    let text = stdout(&out);
    for needle in [
        "security@po.et",
        "within 3 business days",
        "at least every 10 days",
        "within 60 days",
        "| 1.4 | `>=1.4.0, <1.5.0` |",
        "| 2.x | `>=2.0.0` |",
        "reproduce",
        "impact",
        "remediation",
        "credit",
        "## Disclosure timeline",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    let file = env.root.join("SECURITY.md");
    env.disclose()
        .args(["policy", "--write"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    env.disclose()
        .args(["policy", "--check"])
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("agrees with the policy"));
}

#[test]
fn check_catches_an_edited_duration_contact_and_release() {
    let env = configured();
    let file = env.root.join("SECURITY.md");
    env.disclose()
        .args(["policy", "--write"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text
        .replace(
            "acknowledge your report within 3 business days",
            "acknowledge your report within 5 days",
        )
        .replace("<security@po.et>", "<security@other.example>")
        .replace("| 2.x | `>=2.0.0` |\n", "| 0.9 | `^0.9` |\n");
    std::fs::write(&file, &edited).unwrap();
    let out = env
        .disclose()
        .args(["policy", "--check"])
        .arg(&file)
        .assert()
        .code(1);
    let report = stdout(&out);
    for needle in [
        "\"5 days\"; the policy promises 3 business days",
        "names the contact security@other.example; the policy's contact is security@po.et",
        "lists release 0.9 as supported; the policy does not maintain it",
        "does not list maintained release 2.x",
    ] {
        assert!(report.contains(needle), "{needle} missing from\n{report}");
    }
    let line = edited.lines().position(|l| l.contains("5 days")).unwrap() + 1;
    assert!(
        report.contains(&format!("SECURITY.md:{line}: ")),
        "{report}"
    );
    assert!(stderr(&out).contains("disagrees with the policy in"));

    let out = env
        .disclose()
        .args(["policy", "--json", "--check"])
        .arg(&file)
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let promises: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["promise"].as_str().unwrap())
        .collect();
    assert!(promises.contains(&"ack_within") && promises.contains(&"contact"));
}

#[test]
fn check_follows_policy_changes() {
    let env = configured();
    let file = env.root.join("SECURITY.md");
    env.disclose()
        .args(["policy", "render", "--write"])
        .arg(&file)
        .assert()
        .success();
    env.disclose()
        .args(["policy", "set", "update_every", "7d"])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "--check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "update interval is \"10 days\"; the policy promises 7 days",
        ));
}

#[test]
fn render_needs_a_contact_and_check_needs_a_readable_file() {
    let env = TestEnv::init();
    env.disclose()
        .args(["policy", "render"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("policy set contact"));
    env.disclose()
        .args(["policy", "--check", "missing.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--check missing.md"));
    env.disclose()
        .args(["policy", "--write", "x.md", "--check", "y.md"])
        .assert()
        .code(2);
    assert!(!env.root.join("x.md").exists());
}
