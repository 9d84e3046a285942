//! A store out of step: what an interrupted change left is repaired by the
//! next command, saying what was thrown away; an edit made by hand is never
//! overwritten, but refused with the git commands that keep or drop it.

use crate::common::in_step::{assert_in_step, head_has, killed};
use crate::common::{TestEnv, stderr};

fn edit_title(env: &TestEnv, id: &str, title: &str) -> Vec<u8> {
    let path = env.store.join("cases").join(format!("{id}.json"));
    let mut case = env.case(id);
    case["title"] = title.into();
    let bytes = format!("{case:#}\n").into_bytes();
    std::fs::write(path, &bytes).unwrap();
    bytes
}

#[test]
fn a_hand_edit_of_the_case_a_command_changes_is_refused_and_kept() {
    let env = TestEnv::init();
    let id = env.open("edited", &[]);
    let other = env.open("other", &[]);
    let edited = edit_title(&env, &id, "edited by hand");
    let out = env.disclose().args(["note", &id, "x"]).assert().code(1);
    let err = stderr(&out);
    let store = env.store.display();
    assert!(err.contains(&format!("cases/{id}.json (edited)")), "{err}");
    assert!(
        err.contains(&format!("git -C {store} add -A -- cases/{id}.json")),
        "{err}"
    );
    assert!(
        err.contains(&format!("git -C {store} checkout HEAD -- cases/{id}.json")),
        "{err}"
    );
    let path = env.store.join("cases").join(format!("{id}.json"));
    assert_eq!(std::fs::read(&path).unwrap(), edited, "the edit is kept");

    // An edit elsewhere is not this command's business: it stays as it is.
    env.disclose()
        .args(["note", &other, "fine"])
        .assert()
        .success();
    assert_eq!(std::fs::read(&path).unwrap(), edited);
    assert!(head_has(&env.store, &format!("cases/{other}.json"), "fine"));

    // Staged by hand: refused too.
    let repo = git2::Repository::open(&env.store).unwrap();
    let mut index = repo.index().unwrap();
    index
        .add_path(std::path::Path::new(&format!("cases/{id}.json")))
        .unwrap();
    index.write().unwrap();
    let out = env.disclose().args(["note", &id, "x"]).assert().code(1);
    assert!(stderr(&out).contains("(staged)"), "{}", stderr(&out));
}

#[test]
fn a_hand_edit_after_an_interrupted_change_is_refused_until_kept_or_dropped() {
    let env = TestEnv::init();
    let id = env.open("crashed", &[]);
    let out = env
        .command()
        .env("DISCLOSE_FAULT", "files:kill")
        .args(["note", &id, "half done"])
        .output()
        .unwrap();
    assert!(killed(&out));
    let edited = edit_title(&env, &id, "edited after the crash");
    for args in [vec!["status"], vec!["note", id.as_str(), "x"]] {
        let out = env.disclose().args(&args).assert().code(1);
        let err = stderr(&out);
        assert!(err.contains("an interrupted change"), "{err}");
        assert!(
            err.contains(&format!("cases/{id}.json (edited after")),
            "{err}"
        );
        assert!(err.contains("checkout HEAD --"), "{err}");
    }
    let path = env.store.join("cases").join(format!("{id}.json"));
    assert_eq!(std::fs::read(&path).unwrap(), edited, "the edit is kept");
    // Dropped as the hint says: the next command finishes the repair.
    let repo = git2::Repository::open(&env.store).unwrap();
    repo.checkout_head(Some(git2::build::CheckoutBuilder::new().force()))
        .unwrap();
    let out = env.disclose().arg("status").assert().success();
    assert!(
        stderr(&out).contains("interrupted change"),
        "{}",
        stderr(&out)
    );
    assert_in_step(&env, "after the hand edit was dropped");
    assert!(!head_has(
        &env.store,
        &format!("cases/{id}.json"),
        "half done"
    ));
}

#[test]
fn temporary_files_left_by_an_older_crash_are_removed_by_the_next_read() {
    let env = TestEnv::init();
    env.open("one", &[]);
    let stray = env.store.join("cases/.disclose-Ab12Cd");
    std::fs::write(&stray, b"{\"half\": ").unwrap();
    let out = env.disclose().arg("status").assert().success();
    assert!(!stray.exists());
    assert!(
        stderr(&out).contains("cases/.disclose-Ab12Cd"),
        "{}",
        stderr(&out)
    );
    assert_in_step(&env, "after the sweep");
}

#[test]
fn a_failed_change_leaves_head_the_index_and_the_files_byte_for_byte() {
    let env = TestEnv::init();
    let id = env.open("exact", &[]);
    let before = (
        std::fs::read(env.store.join(".git/index")).unwrap(),
        env.files(),
    );
    for step in ["index-lock", "objects", "reserve", "files", "index", "ref"] {
        env.command()
            .env("DISCLOSE_FAULT", step)
            .args(["note", &id, "never"])
            .output()
            .unwrap();
        let after = (
            std::fs::read(env.store.join(".git/index")).unwrap(),
            env.files(),
        );
        assert!(before == after, "{step}: the index or a file changed");
        assert_in_step(&env, step);
    }
}

/// A file written by hand that a change commits as it is (a reply template
/// `sync` shares) is never taken away by the change failing or being killed.
#[test]
fn a_hand_written_file_a_change_commits_survives_the_change_failing() {
    let team = crate::common::Team::new();
    let env = &team.a;
    let rel = "templates/ack.txt";
    let text = "Subject: Thanks\n\nHello {reporter_name}\n";
    std::fs::create_dir_all(env.store.join("templates")).unwrap();
    std::fs::write(env.store.join(rel), text).unwrap();
    for fault in ["files", "ref", "files:kill", "ref:kill"] {
        let out = env
            .command()
            .env("DISCLOSE_FAULT", fault)
            .arg("sync")
            .output()
            .unwrap();
        assert!(!out.status.success() || fault.ends_with("kill"), "{fault}");
        env.disclose().arg("status").assert().success();
        assert_eq!(
            std::fs::read_to_string(env.store.join(rel)).unwrap(),
            text,
            "{fault}"
        );
        if fault == "ref:kill" {
            assert_in_step(env, fault);
        } else {
            // Not committed: git shows the file as the user's own again.
            let repo = git2::Repository::open(&env.store).unwrap();
            let status = repo.status_file(std::path::Path::new(rel)).unwrap();
            assert!(
                status.is_wt_new() || status.is_wt_modified(),
                "{fault}: {status:?}"
            );
        }
    }
    env.sync();
    assert!(head_has(&env.store, rel, "Hello {reporter_name}"));
    assert_in_step(env, "shared");
}
