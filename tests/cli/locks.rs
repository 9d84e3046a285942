//! Locks: the store's own lock names its holder and is taken over from a
//! process that is gone; git's `*.lock` files are waited for while a git
//! command holds them, removed (saying so) when one was left behind, and
//! named with the command that removes them otherwise.

use std::fs::File;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::common::in_step::{assert_in_step, head_has};
use crate::common::{Team, TestEnv, stderr};

/// Makes `path` look written an hour ago.
fn age(path: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

fn lock_file(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, b"").unwrap();
}

/// HEAD, index and the case files, for "nothing changed" (objects aside).
fn state(
    env: &TestEnv,
) -> (
    git2::Oid,
    Vec<u8>,
    std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
) {
    let repo = git2::Repository::open(&env.store).unwrap();
    let head = repo.head().unwrap().target().unwrap();
    let index = std::fs::read(env.store.join(".git/index")).unwrap();
    (head, index, env.files())
}

#[test]
fn an_index_lock_in_use_is_named_with_the_command_that_removes_it() {
    let env = TestEnv::init();
    let id = env.open("locked", &[]);
    let lock = env.store.join(".git/index.lock");
    lock_file(&lock);
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["note", &id, "blocked"])
        .assert()
        .code(3);
    let err = stderr(&out);
    assert!(err.contains(&format!("{} exists", lock.display())), "{err}");
    assert!(err.contains(&format!("`rm {}`", lock.display())), "{err}");
    assert_eq!(before, env.snapshot_bytes(), "nothing changed");

    // Left over long ago, and nobody has it open: removed, saying so.
    age(&lock);
    let out = env
        .disclose()
        .args(["note", &id, "unblocked"])
        .assert()
        .success();
    assert!(
        stderr(&out).contains(&format!("removed {}", lock.display())),
        "{}",
        stderr(&out)
    );
    assert_in_step(&env, "after the stale index.lock");
    assert!(head_has(
        &env.store,
        &format!("cases/{id}.json"),
        "unblocked"
    ));
}

#[test]
fn an_old_index_lock_that_a_running_process_holds_is_left_alone() {
    if !Path::new("/proc/self/fd").is_dir() {
        return;
    }
    let env = TestEnv::init();
    let id = env.open("held", &[]);
    let lock = env.store.join(".git/index.lock");
    lock_file(&lock);
    age(&lock);
    let mut holder = std::process::Command::new("sleep")
        .arg("30")
        .stdin(File::open(&lock).unwrap())
        .spawn()
        .unwrap();
    let out = env.disclose().args(["note", &id, "no"]).assert().code(3);
    let _ = holder.kill();
    let _ = holder.wait();
    assert!(lock.exists(), "{}", stderr(&out));
    assert!(stderr(&out).contains("index.lock exists"));
    // Its holder gone, it is left over: the next command clears it.
    env.disclose().args(["note", &id, "yes"]).assert().success();
    assert_in_step(&env, "after the holder ended");
}

#[test]
fn a_left_over_branch_lock_is_removed_and_a_fresh_one_is_named() {
    let env = TestEnv::init();
    let id = env.open("branch lock", &[]);
    let lock = env.store.join(".git/refs/heads/main.lock");
    lock_file(&lock);
    let before = state(&env);
    let out = env.disclose().args(["note", &id, "no"]).assert().code(3);
    assert!(
        stderr(&out).contains("main.lock exists"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("rm "), "{}", stderr(&out));
    assert_eq!(before, state(&env), "nothing changed");
    assert_in_step_but_lock(&env);

    age(&lock);
    let out = env.disclose().args(["note", &id, "yes"]).assert().success();
    assert!(stderr(&out).contains("removed"), "{}", stderr(&out));
    assert!(!lock.exists());
    assert_in_step(&env, "after the stale main.lock");
    assert!(head_has(&env.store, &format!("cases/{id}.json"), "yes"));
}

/// `assert_in_step`, with a git lock file of the test's own in place.
fn assert_in_step_but_lock(env: &TestEnv) {
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(repo.statuses(None).unwrap().is_empty());
    let mut index = repo.index().unwrap();
    assert_eq!(
        index.write_tree().unwrap(),
        repo.head().unwrap().peel_to_tree().unwrap().id()
    );
}

#[test]
fn a_lock_on_the_remote_tracking_branch_is_a_lock_error_not_a_network_one() {
    let team = Team::new();
    let id = team.a.open("tracked", &[]);
    let lock = team.a.store.join(".git/refs/remotes/origin/main.lock");
    lock_file(&lock);
    let out = team.a.disclose().arg("sync").assert().code(3);
    let err = stderr(&out);
    assert!(err.contains("origin/main.lock exists"), "{err}");
    assert!(!err.contains("network"), "{err}");
    age(&lock);
    let out = team.a.sync();
    assert!(stderr(&out).contains("removed"), "{}", stderr(&out));
    team.b.sync();
    assert!(head_has(
        &team.b.store,
        &format!("cases/{id}.json"),
        "tracked"
    ));
}

#[test]
fn a_push_killed_in_a_path_remote_leaves_a_lock_the_next_sync_clears() {
    let team = Team::new();
    let id = team.a.open("pushed", &[]);
    let lock = team.remote.join("refs/heads/main.lock");
    lock_file(&lock);
    let out = team.a.disclose().arg("sync").assert().code(3);
    let err = stderr(&out);
    assert!(err.contains(&format!("{} exists", lock.display())), "{err}");
    assert!(!err.contains("network"), "{err}");
    age(&lock);
    let out = team.a.sync();
    assert!(
        stderr(&out).contains(&format!("removed {}", lock.display())),
        "{}",
        stderr(&out)
    );
    team.b.sync();
    assert!(head_has(
        &team.b.store,
        &format!("cases/{id}.json"),
        "pushed"
    ));
}

#[test]
fn the_store_lock_names_its_holder_and_is_taken_over_from_a_process_that_is_gone() {
    let env = TestEnv::init();
    let id = env.open("owned", &[]);
    let path = env.store.join(".git/disclose.lock");
    // A holder that ended without releasing the lock (killed).
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(
        &path,
        format!(r#"{{"pid":{pid},"host":"here","started":"2026-03-02T08:00:00Z"}}"#),
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["note", &id, "taken"])
        .assert()
        .success();
    let err = stderr(&out);
    assert!(err.contains("took over the lock"), "{err}");
    assert!(err.contains(&format!("process {pid} on here")), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"", "released cleanly");

    // A live holder is waited for, by name.
    let file = File::options().write(true).open(&path).unwrap();
    file.lock().unwrap();
    (&file)
        .write_all(
            format!(
                r#"{{"pid":{},"host":"here","started":"2026-03-02T08:00:00Z"}}"#,
                std::process::id()
            )
            .as_bytes(),
        )
        .unwrap();
    let waiting = env
        .command()
        .args(["note", &id, "waited"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    file.set_len(0).unwrap();
    drop(file);
    let out = waiting.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "waiting for process {} on here",
            std::process::id()
        )),
        "{err}"
    );
    assert!(!err.contains("took over"), "{err}");
    assert!(head_has(&env.store, &format!("cases/{id}.json"), "waited"));
}

#[test]
fn syncs_started_together_in_one_clone_all_succeed() {
    let team = Team::new();
    let id = team.a.open("busy", &[]);
    team.converge();
    for round in 0..2 {
        team.b
            .disclose()
            .args(["note", &id, &format!("b {round}.")])
            .assert()
            .success();
        team.b.sync();
        team.a
            .disclose()
            .args(["note", &id, &format!("a {round}.")])
            .assert()
            .success();
        let syncs: Vec<_> = (0..4)
            .map(|_| {
                team.a
                    .command()
                    .arg("sync")
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for sync in syncs {
            let out = sync.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_in_step(&team.a, "after concurrent syncs");
    }
    team.b.sync();
    let rel = format!("cases/{id}.json");
    for text in ["a 0.", "a 1.", "b 0.", "b 1."] {
        assert!(head_has(&team.b.store, &rel, text), "{text}");
    }
}
