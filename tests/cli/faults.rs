//! Every change is all or nothing: each mutating command is failed (as a
//! full disk would fail it) and killed (as `kill -9` would) at each step of
//! its transaction, through `DISCLOSE_FAULT`. Afterwards HEAD, the index and
//! the files agree, the change is wholly there or wholly absent, the next
//! command succeeds, and `git fsck --strict` is clean.

use std::path::Path;
use std::process::Output;

use disclose::store::fault::Step;

use crate::common::in_step::{assert_in_step, head_has, in_head, killed};
use crate::common::{Team, TestEnv};
use crate::publish::{Skip, ready_case};

/// Every fault: each step, failed and killed, and whether the change is
/// made when the command stops there.
fn faults() -> Vec<(String, bool, bool)> {
    let at = |s: Step| Step::ALL.iter().position(|x| *x == s).unwrap();
    let mut all = Vec::new();
    for step in Step::ALL {
        // A failed step does not happen; a killed one did.
        all.push((step.name().to_owned(), false, at(step) > at(Step::Ref)));
        all.push((format!("{step}:kill"), true, at(step) >= at(Step::Ref)));
    }
    all
}

/// The command's own outcome: killed; or failed with the injected error
/// before the branch moved; or succeeded once it had moved.
fn expect(out: &Output, fault: &str, kill: bool, made: bool) {
    let err = String::from_utf8_lossy(&out.stderr);
    if kill {
        assert!(killed(out), "{fault}: not killed: {out:?}");
    } else if made {
        assert!(out.status.success(), "{fault}: {err}");
    } else {
        assert_eq!(out.status.code(), Some(3), "{fault}: {err}");
        assert!(err.contains("DISCLOSE_FAULT"), "{fault}: {err}");
    }
}

fn run(env: &TestEnv, fault: &str, args: &[&str]) -> Output {
    env.command()
        .env("DISCLOSE_FAULT", fault)
        .args(args)
        .output()
        .unwrap()
}

/// What the next command says while it repairs the store.
fn next_command(env: &TestEnv, fault: &str) -> String {
    let out = env.disclose().arg("status").assert().success();
    let said = crate::common::stderr(&out);
    assert!(!said.contains("error"), "{fault}: {said}");
    said
}

#[test]
fn a_change_to_one_case_is_all_or_nothing_at_every_step() {
    let env = TestEnv::init();
    let id = env.open("crash test", &[]);
    let rel = format!("cases/{id}.json");
    for (i, (fault, kill, made)) in faults().into_iter().enumerate() {
        let text = format!("fault note {i}.");
        let out = run(&env, &fault, &["note", &id, &text]);
        expect(&out, &fault, kill, made);
        let said = next_command(&env, &fault);
        assert_in_step(&env, &fault);
        assert_eq!(head_has(&env.store, &rel, &text), made, "{fault}: {said}");
        if kill && fault != "lock:kill" && fault != "done:kill" {
            assert!(said.contains("interrupted"), "{fault}: {said}");
        }
        env.disclose()
            .args(["note", &id, &format!("after {i}.")])
            .assert()
            .success();
        assert_in_step(&env, &fault);
        assert!(head_has(&env.store, &rel, &format!("after {i}.")));
    }
}

#[test]
fn a_new_case_is_all_or_nothing_at_every_step() {
    let env = TestEnv::init();
    for (i, (fault, kill, made)) in faults().into_iter().enumerate() {
        let title = format!("fault open {i}.");
        let before = env.case_ids();
        let out = run(&env, &fault, &["open", "--title", &title]);
        expect(&out, &fault, kill, made);
        next_command(&env, &fault);
        assert_in_step(&env, &fault);
        let after = env.case_ids();
        let new: Vec<&String> = after.iter().filter(|id| !before.contains(id)).collect();
        assert_eq!(new.len(), usize::from(made), "{fault}");
        for id in new {
            assert!(head_has(&env.store, &format!("cases/{id}.json"), &title));
        }
        env.open(&format!("after {i}"), &[]);
        assert_in_step(&env, &fault);
    }
}

#[test]
fn a_policy_change_is_all_or_nothing_at_every_step() {
    let env = TestEnv::init();
    for (i, (fault, kill, made)) in faults().into_iter().enumerate() {
        let contact = format!("sec{i}@example.org");
        let out = run(&env, &fault, &["policy", "set", "contact", &contact]);
        expect(&out, &fault, kill, made);
        next_command(&env, &fault);
        assert_in_step(&env, &fault);
        assert_eq!(
            head_has(&env.store, "policy.json", &format!("\"{contact}\"")),
            made,
            "{fault}"
        );
        env.disclose()
            .args(["policy", "set", "contact", &format!("after{i}@example.org")])
            .assert()
            .success();
        assert_in_step(&env, &fault);
    }
}

/// The advisory directories in HEAD.
fn advisories_in_head(store: &Path) -> Vec<String> {
    let repo = git2::Repository::open(store).unwrap();
    let tree = repo.head().unwrap().peel_to_tree().unwrap();
    let Ok(entry) = tree.get_path(Path::new("advisories")) else {
        return Vec::new();
    };
    let dir = repo.find_tree(entry.id()).unwrap();
    dir.iter().map(|e| e.name().unwrap().to_owned()).collect()
}

#[test]
fn publishing_writes_the_case_and_its_files_together_or_not_at_all() {
    let template = TestEnv::with_store("publish-ready");
    let id = ready_case(&template, Skip::default());
    let rel = format!("cases/{id}.json");
    for (fault, kill, made) in faults() {
        let env = TestEnv::copy_of(&template);
        let out = run(&env, &fault, &["publish", &id]);
        expect(&out, &fault, kill, made);
        next_command(&env, &fault);
        assert_in_step(&env, &fault);
        let published = head_has(&env.store, &rel, "\"state\": \"published\"");
        let advisories = advisories_in_head(&env.store);
        assert_eq!(published, made, "{fault}");
        assert_eq!(
            advisories.len(),
            usize::from(made),
            "{fault}: {advisories:?}"
        );
        for dir in &advisories {
            assert!(in_head(&env.store, &format!("advisories/{dir}/advisory.md")).is_some());
        }
        // Published or not, the next publish does the right thing.
        let again = env.disclose().args(["publish", &id]).assert();
        if made {
            again.code(1);
        } else {
            again.success();
            assert_in_step(&env, &fault);
            assert_eq!(advisories_in_head(&env.store).len(), 1);
        }
    }
}

#[test]
fn files_published_outside_the_store_appear_only_with_the_published_case() {
    let template = TestEnv::with_store("publish-ready");
    let id = ready_case(&template, Skip::default());
    let rel = format!("cases/{id}.json");
    for (fault, kill, made) in faults() {
        let env = TestEnv::copy_of(&template);
        let out_dir = env.root.join("out");
        let out = run(
            &env,
            &fault,
            &["publish", &id, "--out", out_dir.to_str().unwrap()],
        );
        expect(&out, &fault, kill, made);
        next_command(&env, &fault);
        assert_in_step(&env, &fault);
        assert_eq!(
            head_has(&env.store, &rel, "\"state\": \"published\""),
            made,
            "{fault}"
        );
        let written: Vec<String> = std::fs::read_dir(&out_dir)
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if made {
            assert!(
                written.contains(&"advisory.md".to_owned()),
                "{fault}: {written:?}"
            );
        } else {
            assert!(written.is_empty(), "{fault}: {written:?}");
        }
        assert!(
            written.iter().all(|n| !n.starts_with('.')),
            "{fault}: temporary files left: {written:?}"
        );
    }
}

#[test]
fn creating_a_store_is_all_or_nothing_at_every_step() {
    for (fault, kill, made) in faults() {
        let env = TestEnv::new();
        let out = run(&env, &fault, &["init", "--project", "poet"]);
        expect(&out, &fault, kill, made);
        next_command(&env, &fault);
        if env.store.join(".git").exists() {
            assert_in_step(&env, &fault);
        }
        assert_eq!(head_has(&env.store, "policy.json", "poet"), made, "{fault}");
        if made {
            env.open("first", &[]);
        } else {
            env.disclose()
                .args(["init", "--project", "poet"])
                .assert()
                .success();
        }
        assert_in_step(&env, &fault);
    }
}

#[test]
fn a_sync_moves_main_the_index_and_the_files_together_or_not_at_all() {
    let team = Team::new();
    let id = team.a.open("shared", &[]);
    team.converge();
    let rel = format!("cases/{id}.json");
    for (i, (fault, kill, made)) in faults().into_iter().enumerate() {
        let (theirs, ours) = (format!("from b {i}."), format!("from a {i}."));
        team.b
            .disclose()
            .args(["note", &id, &theirs])
            .assert()
            .success();
        team.b.sync();
        team.a
            .disclose()
            .args(["note", &id, &ours])
            .assert()
            .success();
        let out = run(&team.a, &fault, &["sync"]);
        expect(&out, &fault, kill, made);
        next_command(&team.a, &fault);
        assert_in_step(&team.a, &fault);
        assert_eq!(head_has(&team.a.store, &rel, &theirs), made, "{fault}");
        assert!(head_has(&team.a.store, &rel, &ours), "{fault}");
        team.a.sync();
        assert_in_step(&team.a, &fault);
        team.b.sync();
        for env in [&team.a, &team.b] {
            assert!(head_has(&env.store, &rel, &ours), "{fault}");
            assert!(head_has(&env.store, &rel, &theirs), "{fault}");
        }
    }
}
