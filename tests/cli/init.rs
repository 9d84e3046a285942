use predicates::prelude::*;

use crate::common::{TestEnv, stderr};

#[test]
fn init_creates_a_private_store_with_default_policy_and_one_commit() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--project", "poet", "--contact", "security@po.et"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Created a case store"));
    let policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap();
    assert_eq!(policy["project"], "poet");
    assert_eq!(policy["contact"], "security@po.et");
    assert_eq!(policy["ack_within"], "48h");
    assert_eq!(policy["update_every"], "7d");
    assert_eq!(policy["disclose_within"], "90d");
    assert_eq!(policy["id_prefix"], "DISC");
    assert_eq!(
        env.commits(),
        vec![(
            "init: create case store".to_owned(),
            "Test Maintainer <maintainer@example.org>".to_owned()
        )]
    );
    let repo = git2::Repository::open(&env.store).unwrap();
    assert_eq!(repo.head().unwrap().shorthand().unwrap(), "main");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&env.store), 0o700);
        assert_eq!(mode(&env.store.join("policy.json")), 0o600);
    }
}

#[test]
fn init_takes_durations_and_prefix() {
    let env = TestEnv::new();
    env.disclose()
        .args([
            "init",
            "--ack-within",
            "2bd",
            "--disclose-within",
            "60d",
            "--id-prefix",
            "POET",
        ])
        .assert()
        .success();
    let id = env.open("x", &[]);
    assert!(id.starts_with("POET-2026-"), "{id}");
    assert_eq!(env.case(&id)["policy"]["ack_within"], "2bd");
}

#[test]
fn init_refuses_bad_durations_and_prefixes_without_creating_anything() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--ack-within", "soon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--ack-within"));
    env.disclose()
        .args(["init", "--id-prefix", "../x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--id-prefix"));
    env.disclose()
        .args(["init", "--contact", "not an email"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--contact"));
    assert!(!env.store.exists());
}

#[test]
fn init_twice_is_refused() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    env.disclose()
        .arg("init")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn init_refuses_a_store_inside_another_work_tree_unless_allowed() {
    let env = TestEnv::new();
    let project = env.root.join("project");
    git2::Repository::init(&project).unwrap();
    let nested = project.join("security");
    let out = env
        .disclose()
        .args(["init", "--dir"])
        .arg(&nested)
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(err.contains("inside the git work tree"), "{err}");
    assert!(err.contains("--allow-nested"), "{err}");
    assert!(!nested.exists());
    env.disclose()
        .args(["init", "--allow-nested", "--dir"])
        .arg(&nested)
        .assert()
        .success();
    assert!(nested.join("policy.json").is_file());
}

#[test]
fn init_refuses_a_non_empty_directory() {
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.store).unwrap();
    std::fs::write(env.store.join("notes.txt"), "mine").unwrap();
    env.disclose()
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
    assert!(!env.store.join(".git").exists());
}

#[test]
fn a_missing_identity_is_a_clear_error() {
    let env = TestEnv::new();
    env.disclose()
        .env_remove("DISCLOSE_AUTHOR_NAME")
        .env_remove("DISCLOSE_AUTHOR_EMAIL")
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no author name"))
        .stderr(predicate::str::contains("DISCLOSE_AUTHOR_NAME"));
    assert!(!env.store.exists());
}

#[test]
fn git_config_identity_wins_over_the_environment() {
    let env = TestEnv::new();
    std::fs::write(
        env.home.join(".gitconfig"),
        "[user]\n\tname = Global Person\n\temail = global@example.org\n",
    )
    .unwrap();
    env.disclose().arg("init").assert().success();
    assert_eq!(env.commits()[0].1, "Global Person <global@example.org>");
}
