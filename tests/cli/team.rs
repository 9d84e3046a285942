//! Setting a team up as a new user would, with plain git beside the tool: a
//! bare remote made by `git init --bare`, a path that does not exist yet,
//! a copy of a store, templates shared by `sync`. Covers issue #18.

use crate::common::{Team, TestEnv, git_in as git, stderr};

#[test]
fn a_plain_git_clone_of_a_git_init_bare_remote_gets_the_store() {
    let env = TestEnv::new();
    let remote = env.root.join("team.git");
    // `git init --bare` names `master` as HEAD where git is not told otherwise.
    git(
        &env,
        &env.root,
        &[
            "-c",
            "init.defaultBranch=master",
            "init",
            "--bare",
            "-q",
            "team.git",
        ],
    );
    assert_eq!(
        git(&env, &remote, &["symbolic-ref", "HEAD"]).trim(),
        "refs/heads/master"
    );
    env.disclose()
        .args(["init", "--project", "poet", "--remote"])
        .arg(&remote)
        .assert()
        .success();
    env.open("First report", &[]);
    let out = env.disclose().arg("sync").assert().success();
    let err = stderr(&out);
    assert!(err.contains("refs/heads/master"), "{err}");
    assert!(err.contains("plain `git clone`"), "{err}");
    assert_eq!(
        git(&env, &remote, &["symbolic-ref", "HEAD"]).trim(),
        "refs/heads/main"
    );

    // What a CI checkout does.
    git(&env, &env.root, &["clone", "-q", "team.git", "checkout"]);
    let checkout = env.root.join("checkout");
    assert!(checkout.join("policy.json").is_file());
    env.disclose()
        .arg("--dir")
        .arg(&checkout)
        .arg("check")
        .assert()
        .success();
    // Said once: the next sync has nothing to fix.
    env.open("Second report", &[]);
    let out = env.disclose().arg("sync").assert().success();
    assert!(!stderr(&out).contains("default branch"), "{}", stderr(&out));
}

#[test]
fn remote_set_names_a_missing_path_and_create_makes_a_bare_remote() {
    let env = TestEnv::init();
    let missing = env.root.join("no/such/team.git");
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["remote", "set"])
        .arg(&missing)
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}: no such directory", missing.display())),
        "{err}"
    );
    assert!(err.contains("--create"), "{err}");
    assert_eq!(before, env.snapshot_bytes());

    env.disclose()
        .args(["remote", "set", "--create"])
        .arg(&missing)
        .assert()
        .success();
    let repo = git2::Repository::open_bare(&missing).unwrap();
    assert_eq!(
        repo.find_reference("HEAD")
            .unwrap()
            .symbolic_target()
            .unwrap(),
        Some("refs/heads/main")
    );
    env.open("x", &[]);
    env.sync();
    git(
        &env,
        &env.root,
        &["clone", "-q", missing.to_str().unwrap(), "checkout"],
    );
    assert!(env.root.join("checkout/policy.json").is_file());

    // `--create` is for paths; a directory with files is not made a repository.
    let full = env.root.join("full");
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("file"), "x").unwrap();
    env.disclose()
        .args(["remote", "set", "--create"])
        .arg(&full)
        .assert()
        .code(2);
    env.disclose()
        .args([
            "remote",
            "set",
            "--create",
            "git@example.org:team/cases.git",
        ])
        .assert()
        .code(2);
}

#[test]
fn init_with_a_missing_path_remote_creates_nothing() {
    let env = TestEnv::new();
    let out = env
        .disclose()
        .args(["init", "--remote"])
        .arg(env.root.join("typo.git"))
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("no such directory"),
        "{}",
        stderr(&out)
    );
    assert!(!env.store.exists());
}

#[test]
fn a_clone_of_a_stores_copy_warns_and_never_pushes_into_it() {
    let team = Team::new();
    // A copy of a's store, as `cp -r` would make it.
    let copy = team.a.root.join("copy");
    let out = team
        .a
        .program("cp")
        .arg("-r")
        .arg(&team.a.store)
        .arg(&copy)
        .output()
        .unwrap();
    assert!(out.status.success());
    let scratch = TestEnv::new();
    let out = scratch
        .disclose()
        .args(["clone", copy.to_str().unwrap()])
        .arg(&scratch.store)
        .assert()
        .success();
    let err = stderr(&out);
    assert!(err.contains("warning: "), "{err}");
    assert!(err.contains("work tree"), "{err}");
    assert!(
        err.contains(team.remote.to_str().unwrap()),
        "names the shared remote: {err}"
    );

    scratch.open("Experiment", &[]);
    let head = git2::Repository::open(&copy)
        .unwrap()
        .refname_to_id("refs/heads/main")
        .unwrap();
    let out = scratch.disclose().arg("sync").assert().code(1);
    assert!(stderr(&out).contains("work tree"), "{}", stderr(&out));
    // The copy's branch did not move.
    assert_eq!(
        git2::Repository::open(&copy)
            .unwrap()
            .refname_to_id("refs/heads/main")
            .unwrap(),
        head
    );
    scratch
        .disclose()
        .args(["sync", "--no-push"])
        .assert()
        .success();
    // `remote set` refuses a work tree outright.
    scratch
        .disclose()
        .args(["remote", "set", copy.to_str().unwrap()])
        .assert()
        .code(2);
}

#[test]
fn sync_commits_and_shares_the_reply_templates() {
    let team = Team::new();
    let templates = team.a.store.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("ack.txt"),
        "Subject: Thanks\n\nHello {reporter_name}\n",
    )
    .unwrap();
    let out = team.a.sync();
    let err = stderr(&out);
    assert!(err.contains("ack.txt"), "{err}");
    assert_eq!(team.a.commits()[0].0, "templates: share ack.txt");
    let repo = git2::Repository::open(&team.a.store).unwrap();
    assert!(
        repo.statuses(None).unwrap().is_empty(),
        "templates/ is tracked"
    );
    team.b.sync();
    assert_eq!(
        std::fs::read_to_string(team.b.store.join("templates/ack.txt")).unwrap(),
        "Subject: Thanks\n\nHello {reporter_name}\n"
    );
    // Edited by hand on b: shared back.
    std::fs::write(
        team.b.store.join("templates/ack.txt"),
        "Hi {reporter_name}\n",
    )
    .unwrap();
    team.b.sync();
    team.a.sync();
    assert_eq!(
        std::fs::read_to_string(team.a.store.join("templates/ack.txt")).unwrap(),
        "Hi {reporter_name}\n"
    );
    // Nothing new: no commit.
    let commits = team.a.commits().len();
    team.a.sync();
    assert_eq!(team.a.commits().len(), commits);
}
