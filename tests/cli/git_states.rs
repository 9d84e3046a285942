//! States of the store's repository where a commit would be lost or
//! tangled (a detached HEAD, another branch, a merge or rebase in progress)
//! are refused with the git command that sets them right; and a change
//! beside a looping `git status` is committed exactly when it says so.

use crate::common::in_step::{assert_in_step, head_has};
use crate::common::{Team, TestEnv, stderr};

/// The git command line in the store (with an identity of its own).
fn git(env: &TestEnv, args: &[&str]) -> Option<std::process::Output> {
    let out = env
        .program("git")
        .args([
            "-c",
            "user.name=Other",
            "-c",
            "user.email=other@example.org",
        ])
        .args(args)
        .current_dir(&env.store)
        .output()
        .ok()?;
    Some(out)
}

fn git_ok(env: &TestEnv, args: &[&str]) -> Option<String> {
    let out = git(env, args)?;
    assert!(out.status.success(), "git {args:?}: {out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_detached_head_is_refused_with_the_way_back() {
    let team = Team::new();
    let env = &team.a;
    let id = env.open("detached", &[]);
    let store = env.store.display().to_string();
    if git_ok(env, &["checkout", "-q", "--detach"]).is_none() {
        return;
    }
    let before = env.files();
    for args in [vec!["note", id.as_str(), "lost?"], vec!["sync"]] {
        let out = env.disclose().args(&args).assert().code(1);
        let err = stderr(&out);
        assert!(err.contains("HEAD is detached"), "{err}");
        assert!(
            err.contains(&format!("git -C {store} switch main")),
            "{err}"
        );
    }
    assert_eq!(before, env.files());
    // A commit made on the detached HEAD: the hint keeps it.
    git_ok(
        env,
        &["commit", "-q", "--allow-empty", "-m", "detached work"],
    )
    .unwrap();
    let out = env.disclose().args(["note", &id, "lost?"]).assert().code(1);
    assert!(
        stderr(&out).contains("branch detached-work"),
        "{}",
        stderr(&out)
    );
    git_ok(env, &["switch", "-q", "main"]).unwrap();
    env.disclose()
        .args(["note", &id, "kept"])
        .assert()
        .success();
    env.sync();
    team.b.sync();
    assert!(head_has(&team.b.store, &format!("cases/{id}.json"), "kept"));
}

#[test]
fn another_branch_is_refused_unless_the_store_is_told() {
    let env = TestEnv::init();
    let id = env.open("branches", &[]);
    if git_ok(&env, &["switch", "-q", "-c", "topic"]).is_none() {
        return;
    }
    let out = env
        .disclose()
        .args(["note", &id, "on topic"])
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(err.contains("on branch topic"), "{err}");
    assert!(err.contains("switch main"), "{err}");
    assert!(err.contains("config disclose.branch topic"), "{err}");
    git_ok(&env, &["config", "disclose.branch", "topic"]).unwrap();
    env.disclose()
        .args(["note", &id, "on topic"])
        .assert()
        .success();
    let on_topic = git_ok(&env, &["log", "-1", "--format=%s", "topic"]).unwrap();
    assert_eq!(on_topic, format!("{id}: add note\n"));
    let on_main = git_ok(&env, &["log", "-1", "--format=%s", "main"]).unwrap();
    assert_ne!(on_main, on_topic);
    assert_in_step(&env, "on the branch it was told");
}

#[test]
fn a_merge_or_a_rebase_in_progress_is_refused_with_the_commands_that_end_it() {
    let env = TestEnv::init();
    let id = env.open("merging", &[]);
    let git_dir = env.store.join(".git");
    let head = git_ok(&env, &["rev-parse", "HEAD"]);
    let Some(head) = head else { return };
    // A merge stopped on a conflict, as git leaves it.
    std::fs::write(git_dir.join("MERGE_HEAD"), &head).unwrap();
    let before = env.files();
    let out = env.disclose().args(["note", &id, "x"]).assert().code(1);
    let err = stderr(&out);
    assert!(err.contains("a merge is in progress"), "{err}");
    assert!(err.contains("merge --abort"), "{err}");
    assert_eq!(before, env.files());
    std::fs::remove_file(git_dir.join("MERGE_HEAD")).unwrap();

    std::fs::create_dir(git_dir.join("rebase-merge")).unwrap();
    let out = env.disclose().args(["note", &id, "x"]).assert().code(1);
    let err = stderr(&out);
    assert!(err.contains("a rebase is in progress"), "{err}");
    assert!(err.contains("rebase --abort"), "{err}");
    std::fs::remove_dir(git_dir.join("rebase-merge")).unwrap();
    env.disclose().args(["note", &id, "x"]).assert().success();
}

/// Notes beside a `git status` loop (as an editor or a shell prompt runs
/// it, taking `index.lock` for a moment each time): a note that exits 0 is
/// in HEAD at the end, one that fails is not, and the store is in step.
/// 120 notes from three writers keep the test to seconds while the loop
/// still overlaps most of them.
#[test]
fn notes_beside_a_looping_git_status_are_in_head_exactly_when_they_succeed() {
    let env = TestEnv::init();
    if git(&env, &["status"]).is_none() {
        return;
    }
    let ids: Vec<String> = (0..3)
        .map(|i| env.open(&format!("case {i}"), &[]))
        .collect();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let store = env.store.clone();
    let results = std::thread::scope(|s| {
        let looping = s.spawn(|| {
            let mut runs = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let out = std::process::Command::new("git")
                    .args(["status", "--porcelain"])
                    .current_dir(&store)
                    .env("GIT_CONFIG_NOSYSTEM", "1")
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{out:?}");
                runs += 1;
            }
            runs
        });
        let writers: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(w, id)| {
                let mut cmds = Vec::new();
                for n in 0..40 {
                    let mut cmd = env.command();
                    cmd.args(["note", id, &format!("note {w}-{n}.")]);
                    cmds.push((id.clone(), format!("note {w}-{n}."), cmd));
                }
                s.spawn(move || {
                    cmds.into_iter()
                        .map(|(id, text, mut cmd)| (id, text, cmd.output().unwrap()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let results: Vec<_> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(looping.join().unwrap() > 0);
        results
    });
    let mut ok = 0;
    for (id, text, out) in &results {
        let rel = format!("cases/{id}.json");
        let present = head_has(&env.store, &rel, text);
        assert_eq!(
            out.status.success(),
            present,
            "{text}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ok += usize::from(present);
    }
    assert!(
        ok > results.len() / 2,
        "only {ok} of {} notes went in",
        results.len()
    );
    assert_in_step(&env, "after the notes");
}
