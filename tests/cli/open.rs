use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

#[test]
fn open_creates_the_default_store_and_says_where() {
    let env = TestEnv::new();
    let out = env
        .disclose()
        .env_remove("DISCLOSE_DIR")
        .args(["open", "--title", "Path traversal"])
        .assert()
        .success();
    let default = env.home.join(".local/share/disclose/cases");
    assert!(
        stderr(&out).contains(&default.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert!(default.join("policy.json").is_file());
    let id = stdout(&out).trim().to_owned();
    assert!(default.join("cases").join(format!("{id}.json")).is_file());
}

#[test]
fn open_records_every_field_and_one_commit() {
    let env = TestEnv::init();
    let id = env.open(
        "Path traversal in upload",
        &[
            "--reporter-name",
            "Ada Lovelace",
            "--reporter-email",
            "ada@example.org",
            "--reporter-handle",
            "ada",
            "--received",
            "2026-03-01T08:00:00+01:00",
            "--description",
            "The upload handler joins paths.",
            "--reproduction",
            "curl ...",
            "--impact",
            "read any file",
            "--remediation",
            "canonicalise",
        ],
    );
    let case = env.case(&id);
    assert_eq!(case["schema_version"], 3);
    assert_eq!(case["id"], id.as_str());
    assert_eq!(case["title"], "Path traversal in upload");
    assert_eq!(case["state"], "new");
    assert_eq!(case["received_at"], "2026-03-01T07:00:00Z");
    assert_eq!(case["reporter"]["email"], "ada@example.org");
    assert_eq!(case["report"]["impact"], "read any file");
    assert_eq!(case["deadline"], "2026-05-30T07:00:00Z");
    assert_eq!(case["policy"]["ack_within"], "48h");
    assert_eq!(case["credits"][0]["name"], "Ada Lovelace");
    assert_eq!(case["credits"][0]["type"], "FINDER");
    assert_eq!(case["credits"][0]["consent"], "pending");
    assert_eq!(case["events"][0]["kind"], "opened");
    assert_eq!(
        case["events"][0]["by"],
        "Test Maintainer <maintainer@example.org>"
    );
    let commits = env.commits();
    assert_eq!(commits.len(), 2);
    assert_eq!(commits[0].0, format!("{id}: open"));
    let text = std::fs::read_to_string(env.store.join("cases").join(format!("{id}.json"))).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with("{\n  \"schema_version\": 3,\n  \"id\""));
}

#[test]
fn open_reads_the_description_from_stdin() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args([
            "open",
            "-q",
            "--title",
            "From a mail",
            "--description-file",
            "-",
        ])
        .write_stdin("Line one\nLine two\n")
        .assert()
        .success();
    let id = stdout(&out).trim().to_owned();
    assert_eq!(env.case(&id)["report"]["description"], "Line one\nLine two");
}

#[test]
fn open_json_prints_the_case() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["open", "--json", "--title", "x"])
        .assert()
        .success();
    let case: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(case["title"], "x");
    assert_eq!(case["state"], "new");
}

#[test]
fn a_missing_title_without_a_terminal_names_the_flag_and_changes_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    for extra in [&["--no-input"][..], &[][..]] {
        env.disclose()
            .arg("open")
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("missing --title"));
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn bad_dates_and_emails_exit_2_and_change_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["open", "--title", "x", "--received", "last tuesday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--received"));
    env.disclose()
        .args(["open", "--title", "x", "--received", "2030-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in the future"));
    env.disclose()
        .args(["open", "--title", "x", "--reporter-email", "ada at example"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--reporter-email"));
    env.disclose()
        .args(["open", "--title", "x", "--description-file", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_bad_clock_override_is_bad_input() {
    let env = TestEnv::init();
    env.disclose_at("tomorrow")
        .args(["open", "--title", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISCLOSE_NOW"));
}

#[test]
fn two_opens_at_the_same_moment_both_succeed() {
    let env = TestEnv::init();
    let spawn = || {
        env.command()
            .args(["open", "-q", "--title", "race"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let (ida, idb) = (
        String::from_utf8(a.stdout).unwrap().trim().to_owned(),
        String::from_utf8(b.stdout).unwrap().trim().to_owned(),
    );
    assert_ne!(ida, idb);
    let messages: Vec<String> = env.commits().into_iter().map(|c| c.0).collect();
    assert!(messages.contains(&format!("{ida}: open")));
    assert!(messages.contains(&format!("{idb}: open")));
    assert_eq!(messages.len(), 3);
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(
        repo.statuses(None).unwrap().is_empty(),
        "work tree is clean"
    );
}

/// A terminal escape or a bidirectional override in a reporter's text must
/// never reach the maintainer's terminal.
#[test]
fn control_characters_never_reach_the_store_or_the_terminal() {
    let env = TestEnv::init();
    let id = env.open(
        "XSS\u{1b}[2J in\u{202e} admin",
        &[
            "--reporter-name",
            "Eve\u{1b}]0;owned\u{7}",
            "--description",
            "line one\r\nline\u{1b}[31m two",
        ],
    );
    let case = env.case(&id);
    assert_eq!(case["title"], "XSS [2J in admin");
    assert_eq!(case["reporter"]["name"], "Eve ]0;owned");
    assert_eq!(case["report"]["description"], "line one\nline[31m two");
    for args in [&["status"][..], &["show", &id], &["log", &id]] {
        let out = env.disclose().args(args).assert().success();
        assert!(!stdout(&out).contains('\u{1b}'), "{args:?}");
    }
}
