//! Advisory numbers are given out once each, counting every number the
//! store's commits hold, whoever made the commit, and whatever state the
//! list kept to save reading every case is in.

use std::path::PathBuf;

use crate::common::{TestEnv, git_as_other, stdout};

fn reserve(env: &TestEnv, id: &str) -> String {
    let out = env.disclose().args(["reserve", id]).assert().success();
    stdout(&out).trim().to_owned()
}

fn kept_list(env: &TestEnv) -> PathBuf {
    env.store.join(".git/disclose/advisories")
}

/// Gives case `id` the advisory number `advisory` in a commit made with
/// plain git, as a merge made outside the tool would.
fn commit_number_by_hand(env: &TestEnv, id: &str, advisory: &str) {
    let path = env.store.join(format!("cases/{id}.json"));
    let mut case: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    case["identifiers"]["advisory"] = advisory.into();
    std::fs::write(&path, serde_json::to_vec_pretty(&case).unwrap()).unwrap();
    git_as_other(
        env,
        &env.store,
        &["commit", "-q", "-am", "a number given out elsewhere"],
    );
}

#[test]
fn a_number_committed_outside_the_tool_is_counted() {
    let env = TestEnv::with_store("publish-ready");
    let ids: Vec<String> = (1..=3)
        .map(|n| env.open(&format!("Case {n}"), &[]))
        .collect();
    assert_eq!(reserve(&env, &ids[0]), "POET-SA-2026-001");
    assert!(kept_list(&env).is_file(), "numbering keeps what it read");
    commit_number_by_hand(&env, &ids[1], "POET-SA-2026-007");
    assert_eq!(reserve(&env, &ids[2]), "POET-SA-2026-008");
}

#[test]
fn a_damaged_or_outdated_kept_list_is_read_again() {
    let env = TestEnv::with_store("publish-ready");
    let ids: Vec<String> = (1..=4)
        .map(|n| env.open(&format!("Case {n}"), &[]))
        .collect();
    assert_eq!(reserve(&env, &ids[0]), "POET-SA-2026-001");

    std::fs::write(kept_list(&env), "{ not json").unwrap();
    assert_eq!(reserve(&env, &ids[1]), "POET-SA-2026-002");

    // A list read from a tree this repository does not have (pruned).
    let gone = r#"{"format":1,"tree":"0123456789abcdef0123456789abcdef01234567","ids":{}}"#;
    std::fs::write(kept_list(&env), gone).unwrap();
    assert_eq!(reserve(&env, &ids[2]), "POET-SA-2026-003");

    std::fs::remove_file(kept_list(&env)).unwrap();
    assert_eq!(reserve(&env, &ids[3]), "POET-SA-2026-004");
}

#[cfg(unix)]
#[test]
fn the_kept_list_is_never_written_through_a_link() {
    let env = TestEnv::with_store("publish-ready");
    let a = env.open("Case 1", &[]);
    let b = env.open("Case 2", &[]);
    assert_eq!(reserve(&env, &a), "POET-SA-2026-001");
    let outside = env.root.join("outside.txt");
    std::fs::write(&outside, "not the store's").unwrap();
    std::fs::remove_file(kept_list(&env)).unwrap();
    std::os::unix::fs::symlink(&outside, kept_list(&env)).unwrap();
    assert_eq!(reserve(&env, &b), "POET-SA-2026-002");
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "not the store's"
    );
}
