//! A store that is not whole (no policy beside the cases, a path that is a
//! file, a case with no events or under another case's name) is a store
//! error naming the file, whether it is found here or arrives by `sync`;
//! `sync` refuses such a tree before anything moves.

use crate::common::in_step::assert_in_step;
use crate::common::{Team, TestEnv, stderr};

#[test]
fn cases_without_a_policy_are_a_store_error_not_an_empty_store() {
    let env = TestEnv::with_store("two-open-cases");
    std::fs::remove_file(env.store.join("policy.json")).unwrap();
    let policy = env.store.join("policy.json").display().to_string();
    for args in [
        vec!["status"],
        vec!["stats"],
        vec!["check"],
        vec!["note", "P6AV1", "x"],
    ] {
        let out = env.disclose().args(&args).assert().code(3);
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{policy} is missing")),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("checkout HEAD -- policy.json"),
            "{args:?}: {err}"
        );
    }
    let out = env
        .disclose()
        .args(["open", "--title", "x"])
        .assert()
        .code(3);
    assert!(stderr(&out).contains("is missing"), "{}", stderr(&out));
}

#[test]
fn a_store_path_that_is_a_file_is_a_store_error() {
    let env = TestEnv::new();
    std::fs::write(&env.store, b"not a directory").unwrap();
    for args in [vec!["status"], vec!["stats"], vec!["open", "--title", "x"]] {
        let out = env.disclose().args(&args).assert().code(3);
        assert!(
            stderr(&out).contains(&format!("{} is a file", env.store.display())),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read(&env.store).unwrap(), b"not a directory");
}

#[test]
fn a_case_with_no_events_is_refused_not_changed() {
    let env = TestEnv::init();
    let id = env.open("emptied", &[]);
    let mut case = env.case(&id);
    case["events"] = serde_json::json!([]);
    env.commit_file(
        &format!("cases/{id}.json"),
        format!("{case:#}\n").as_bytes(),
    );
    let before = env.files();
    for args in [vec!["show", id.as_str()], vec!["note", id.as_str(), "x"]] {
        let out = env.disclose().args(&args).assert().code(3);
        let err = stderr(&out);
        assert!(err.contains(&format!("cases/{id}.json")), "{err}");
        assert!(err.contains("has no events"), "{err}");
    }
    assert_eq!(before, env.files());
}

/// `b` commits a file by hand and pushes it; `a`'s sync must refuse it
/// with nothing moved.
fn refused_on_arrival(rel: &str, bytes: Option<&[u8]>, expect: &str) {
    let team = Team::new();
    let id = team.a.open("shared", &[]);
    team.converge();
    match bytes {
        Some(bytes) => team.b.commit_file(rel, bytes),
        None => {
            let repo = git2::Repository::open(&team.b.store).unwrap();
            let mut index = repo.index().unwrap();
            index.remove_path(std::path::Path::new(rel)).unwrap();
            index.write().unwrap();
            std::fs::remove_file(team.b.store.join(rel)).unwrap();
            let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
            let sig = git2::Signature::now("B", "b@example.org").unwrap();
            let parent = repo.head().unwrap().peel_to_commit().unwrap();
            repo.commit(Some("HEAD"), &sig, &sig, "remove", &tree, &[&parent])
                .unwrap();
        }
    }
    // Pushed by git itself: `disclose sync` would not open b's store
    // without its policy.
    let repo = git2::Repository::open(&team.b.store).unwrap();
    repo.find_remote("origin")
        .unwrap()
        .push(&["refs/heads/main:refs/heads/main"], None)
        .unwrap();
    team.a
        .disclose()
        .args(["note", &id, "local"])
        .assert()
        .success();
    let head = team.a.head();
    let files = team.a.files();
    let out = team.a.disclose().arg("sync").assert().code(3);
    let err = stderr(&out);
    assert!(err.contains(expect), "{err}");
    assert!(err.contains("nothing was merged or changed"), "{err}");
    assert_eq!(team.a.head(), head, "main did not move");
    assert_eq!(team.a.files(), files);
    assert_in_step(&team.a, rel);
}

#[test]
fn sync_refuses_a_case_file_holding_another_case() {
    let env = TestEnv::init();
    let other = env.open("other", &[]);
    let bytes = std::fs::read(env.store.join(format!("cases/{other}.json"))).unwrap();
    refused_on_arrival(
        "cases/DISC-2026-AAAAA.json",
        Some(&bytes),
        &format!("holds case {other}"),
    );
}

#[test]
fn sync_refuses_a_case_with_no_events_and_a_tree_without_a_policy() {
    let env = TestEnv::init();
    let id = env.open("hollow", &[]);
    let mut case = env.case(&id);
    case["events"] = serde_json::json!([]);
    refused_on_arrival(
        &format!("cases/{id}.json"),
        Some(format!("{case:#}\n").as_bytes()),
        "has no events",
    );
    refused_on_arrival("policy.json", None, "has no policy.json");
}
