//! Store-wide guarantees: replay reproduces the stored fields, failed
//! commands change nothing, files stay private.

use disclose::model::case::{Case, replay};

use crate::common::TestEnv;

#[test]
fn replaying_stored_events_reproduces_the_stored_case() {
    let env = TestEnv::init();
    let a = env.open("one", &["--reporter-name", "Ada", "--description", "d"]);
    let b = env.open("two", &["--reporter-handle", "eve"]);
    env.disclose().args(["ack", &a]).assert().success();
    env.disclose()
        .args(["ack", &a, "--force"])
        .assert()
        .success();
    env.disclose()
        .args(["ack", &b, "--at", "2026-03-02T09:02:30+00:00"])
        .assert()
        .success();
    for id in env.case_ids() {
        let text =
            std::fs::read_to_string(env.store.join("cases").join(format!("{id}.json"))).unwrap();
        let stored: Case = serde_json::from_str(&text).unwrap();
        let replayed = replay(stored.events.clone()).unwrap();
        assert_eq!(replayed, stored, "{id}");
        let mut bytes = serde_json::to_string_pretty(&replayed).unwrap();
        bytes.push('\n');
        assert_eq!(bytes, text, "{id}: byte-identical after replay");
    }
}

#[test]
fn a_hand_edited_case_with_a_mismatched_id_is_reported() {
    let env = TestEnv::with_store("two-open-cases");
    let from = env.store.join("cases/DISC-2026-P6AV1.json");
    std::fs::rename(&from, env.store.join("cases/DISC-2026-AAAAA.json")).unwrap();
    env.disclose()
        .args(["show", "DISC-2026-AAAAA"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("holds case DISC-2026-P6AV1"));
}

#[test]
fn a_stray_file_in_cases_is_reported_not_skipped() {
    let env = TestEnv::with_store("two-open-cases");
    std::fs::write(env.store.join("cases/notes.json"), "{}").unwrap();
    env.disclose()
        .arg("status")
        .assert()
        .code(3)
        .stderr(predicates::str::contains("notes.json: not a case file"));
}

#[test]
fn the_work_tree_is_clean_after_every_command() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(repo.statuses(None).unwrap().is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let path = env.store.join("cases").join(format!("{id}.json"));
        assert_eq!(
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn commits_hold_exactly_the_index_and_only_the_changed_case() {
    let env = TestEnv::init();
    let first = env.open("first", &[]);
    let second = env.open("second", &[]);
    env.disclose().args(["ack", &first]).assert().success();
    let repo = git2::Repository::open(&env.store).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    let mut index = repo.index().unwrap();
    assert_eq!(index.write_tree().unwrap(), head.tree_id());
    let parent = head.parent(0).unwrap();
    let diff = repo
        .diff_tree_to_tree(
            Some(&parent.tree().unwrap()),
            Some(&head.tree().unwrap()),
            None,
        )
        .unwrap();
    let changed: Vec<_> = diff
        .deltas()
        .map(|d| d.new_file().path().unwrap().to_owned())
        .collect();
    assert_eq!(
        changed,
        [std::path::PathBuf::from(format!("cases/{first}.json"))]
    );
    for id in [&first, &second] {
        let entry = head
            .tree()
            .unwrap()
            .get_path(std::path::Path::new(&format!("cases/{id}.json")))
            .unwrap();
        let on_disk = std::fs::read(env.store.join("cases").join(format!("{id}.json"))).unwrap();
        assert_eq!(repo.find_blob(entry.id()).unwrap().content(), &on_disk[..]);
    }
}

/// Runs the git command line in the store; `None` if git is not installed.
fn git(env: &TestEnv, args: &[&str]) -> Option<String> {
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
    assert!(out.status.success(), "git {args:?}: {out:?}");
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn git_sees_a_clean_tree_after_commands_and_commands_follow_git_commits() {
    let env = TestEnv::init();
    let first = env.open("first", &[]);
    let Some(status) = git(&env, &["status", "--porcelain"]) else {
        return;
    };
    assert_eq!(status, "");
    // An external commit (git writes its own index, with cached trees),
    // then a hand edit staged but not committed: the next command commits
    // its own change only and keeps the staged one staged.
    let path = env.store.join("cases").join(format!("{first}.json"));
    let mut case: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    case["title"] = "edited by hand".into();
    std::fs::write(&path, format!("{case:#}\n")).unwrap();
    git(&env, &["commit", "-q", "-am", "hand edit"]).unwrap();
    std::fs::write(env.store.join("notes.txt"), "staged\n").unwrap();
    git(&env, &["add", "notes.txt"]).unwrap();
    let second = env.open("second", &[]);
    env.disclose().args(["ack", &first]).assert().success();
    assert_eq!(
        git(&env, &["status", "--porcelain"]).unwrap(),
        "A  notes.txt\n"
    );
    let changed = git(&env, &["show", "--name-only", "--format=", "HEAD"]).unwrap();
    assert_eq!(changed, format!("cases/{first}.json\n"));
    git(&env, &["reset", "-q", "--hard", "HEAD~1"]).unwrap();
    assert_eq!(git(&env, &["status", "--porcelain"]).unwrap(), "");
    assert_eq!(env.case(&first)["state"], "new");
    assert_eq!(env.case(&first)["title"], "edited by hand");
    env.disclose().args(["ack", &second]).assert().success();
    assert_eq!(git(&env, &["status", "--porcelain"]).unwrap(), "");
    // git trusts the trees cached in the index for its next commit.
    let head_tree = git(&env, &["rev-parse", "HEAD^{tree}"]).unwrap();
    assert_eq!(git(&env, &["write-tree"]).unwrap(), head_tree);
    git(&env, &["fsck", "--strict", "--no-dangling"]).unwrap();
    let repo = git2::Repository::open(&env.store).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(repo.index().unwrap().write_tree().unwrap(), head.tree_id());
}

#[test]
fn a_case_staged_by_hand_stays_staged_and_out_of_the_next_commit() {
    let env = TestEnv::init();
    let first = env.open("first", &[]);
    let second = env.open("second", &[]);
    if git(&env, &["status", "--porcelain"]).is_none() {
        return;
    }
    let path = env.store.join("cases").join(format!("{second}.json"));
    let mut case: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    case["title"] = "edited by hand".into();
    std::fs::write(&path, format!("{case:#}\n")).unwrap();
    git(&env, &["add", "cases"]).unwrap();
    env.disclose().args(["ack", &first]).assert().success();
    let changed = git(&env, &["show", "--name-only", "--format=", "HEAD"]).unwrap();
    assert_eq!(changed, format!("cases/{first}.json\n"));
    let status = git(&env, &["status", "--porcelain"]).unwrap();
    assert_eq!(status, format!("M  cases/{second}.json\n"));
    // The index's trees: HEAD's, with the staged case in place.
    git(&env, &["commit", "-q", "-m", "hand edit"]).unwrap();
    let changed = git(&env, &["show", "--name-only", "--format=", "HEAD"]).unwrap();
    assert_eq!(changed, format!("cases/{second}.json\n"));
    assert_eq!(git(&env, &["status", "--porcelain"]).unwrap(), "");
    assert_eq!(env.case(&first)["state"], "acknowledged");
    env.disclose().args(["ack", &second]).assert().success();
    let head_tree = git(&env, &["rev-parse", "HEAD^{tree}"]).unwrap();
    assert_eq!(git(&env, &["write-tree"]).unwrap(), head_tree);
    assert_eq!(git(&env, &["status", "--porcelain"]).unwrap(), "");
}

#[test]
fn a_change_to_a_case_and_files_beside_it_commits_the_trees_git_would() {
    // `publish` writes the case and the advisory's files in one commit.
    let env = TestEnv::with_store("publish-ready");
    let id = crate::publish::ready_case(&env, crate::publish::Skip::default());
    if git(&env, &["status", "--porcelain"]).is_none() {
        return;
    }
    env.disclose().args(["publish", &id]).assert().success();
    assert_eq!(git(&env, &["status", "--porcelain"]).unwrap(), "");
    let changed = git(&env, &["show", "--name-only", "--format=", "HEAD"]).unwrap();
    assert!(changed.contains(&format!("cases/{id}.json\n")), "{changed}");
    assert!(
        changed.contains("advisories/POET-SA-2026-001/osv.json\n"),
        "{changed}"
    );
    let head_tree = git(&env, &["rev-parse", "HEAD^{tree}"]).unwrap();
    assert_eq!(git(&env, &["write-tree"]).unwrap(), head_tree);
    git(&env, &["fsck", "--strict", "--no-dangling"]).unwrap();
    let repo = git2::Repository::open(&env.store).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    let parent = head.parent(0).unwrap();
    // Every other case is where the parent had it.
    let cases = |c: &git2::Commit<'_>| {
        let tree = c.tree().unwrap();
        let entry = tree.get_name("cases").unwrap();
        repo.find_tree(entry.id())
            .unwrap()
            .iter()
            .map(|e| (e.name().unwrap().to_owned(), e.id()))
            .collect::<Vec<_>>()
    };
    let (before, after) = (cases(&parent), cases(&head));
    assert_eq!(before.len(), after.len());
    let differ: Vec<_> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.clone())
        .collect();
    assert_eq!(differ, [format!("{id}.json")]);
}
