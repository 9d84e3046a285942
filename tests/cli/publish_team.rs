//! `publish` in a team store: it takes the team's changes before numbering
//! and pushes right after, so two clones never give out the same advisory
//! number; offline, it says what it cannot do.

use std::path::PathBuf;

use crate::common::server::{git_daemon, git_program};
use crate::common::{TestEnv, skip, stderr, stdout};
use crate::publish::{Skip, ready_case};

/// `a` holds the publish-ready store and pushed it to a bare remote; `b`
/// cloned it.
fn team() -> (TestEnv, TestEnv, PathBuf) {
    let a = TestEnv::with_store("publish-ready");
    let remote = a.bare_remote("remote.git");
    a.disclose()
        .args(["remote", "set"])
        .arg(&remote)
        .assert()
        .success();
    a.sync();
    let b = TestEnv::clone_of(remote.to_str().unwrap());
    (a, b, remote)
}

/// The paths of the files in the remote's `main`.
fn remote_files(remote: &PathBuf) -> Vec<String> {
    let repo = git2::Repository::open_bare(remote).unwrap();
    let tree = repo
        .find_reference("refs/heads/main")
        .unwrap()
        .peel_to_tree()
        .unwrap();
    let mut paths = Vec::new();
    tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() == Some(git2::ObjectType::Blob) {
            paths.push(format!("{dir}{}", entry.name().unwrap()));
        }
        git2::TreeWalkResult::Ok
    })
    .unwrap();
    paths
}

#[test]
fn two_clones_publishing_without_syncing_get_different_numbers() {
    let (a, b, remote) = team();
    let x = ready_case(&a, Skip::default());
    let y = ready_case(&b, Skip::default());
    // Neither clone has synced since: alone, each would pick 001.
    let out = a.disclose().args(["publish", &x]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    assert!(stderr(&out).contains("Pushed"), "{}", stderr(&out));

    let out = b.disclose().args(["publish", &y]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-002\n");
    let err = stderr(&out);
    assert!(err.contains("Merged") || err.contains("Took"), "{err}");

    let files = remote_files(&remote);
    for advisory in ["POET-SA-2026-001", "POET-SA-2026-002"] {
        let md = format!("advisories/{advisory}/advisory.md");
        assert!(files.contains(&md), "{md} not on the remote: {files:?}");
    }
    a.sync();
    assert_eq!(a.files(), b.files());
    assert_eq!(a.case(&x)["identifiers"]["advisory"], "POET-SA-2026-001");
    assert_eq!(a.case(&y)["identifiers"]["advisory"], "POET-SA-2026-002");
}

#[test]
fn an_unreachable_remote_stops_publish_before_numbering_unless_offline() {
    let (a, _b, remote) = team();
    let x = ready_case(&a, Skip::default());
    std::fs::rename(&remote, remote.with_extension("moved")).unwrap();
    let before = a.snapshot_bytes();

    let out = a.disclose().args(["publish", &x]).assert().code(3);
    let err = stderr(&out);
    assert!(err.contains("nothing was published"), "{err}");
    assert!(err.contains("--offline"), "{err}");
    assert_eq!(
        a.snapshot_bytes(),
        before,
        "a failed publish changed the store"
    );

    let out = a
        .disclose()
        .args(["publish", &x, "--offline"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    assert_eq!(a.case(&x)["state"], "published");
    let out = a.disclose().arg("status").assert().success();
    assert!(
        stderr(&out).contains("local changes not pushed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_case_that_is_not_ready_is_refused_without_reaching_the_remote() {
    let (a, _b, remote) = team();
    let x = ready_case(
        &a,
        Skip {
            severity: true,
            ..Skip::default()
        },
    );
    // Unreachable: a refusal that needed the network would say so instead.
    std::fs::rename(&remote, remote.with_extension("moved")).unwrap();
    let out = a.disclose().args(["publish", &x]).assert().code(1);
    let err = stderr(&out);
    assert!(err.contains("not ready to publish"), "{err}");
    assert!(!err.contains("could not fetch"), "{err}");
}

#[test]
fn a_publish_that_cannot_be_pushed_warns_and_keeps_the_advisory() {
    if git_program("git-daemon").is_none() {
        skip("`git daemon` (Debian's git package)");
        return;
    }
    let (a, _b, _remote) = team();
    let x = ready_case(&a, Skip::default());
    // A read-only daemon: fetches work, pushes are refused.
    let (_daemon, port) = git_daemon(&a.root, &a.home, false).expect("git daemon serves");
    a.disclose()
        .args([
            "remote",
            "set",
            &format!("git://127.0.0.1:{port}/remote.git"),
        ])
        .assert()
        .success();
    let out = a.disclose().args(["publish", &x]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    let err = stderr(&out);
    assert!(err.contains("warning:"), "{err}");
    assert!(err.contains("run `disclose sync` soon"), "{err}");
    assert_eq!(a.case(&x)["state"], "published");
}

#[test]
fn two_offline_publishes_under_one_number_are_told_apart_by_sync() {
    let (a, b, _remote) = team();
    let x = ready_case(&a, Skip::default());
    let y = ready_case(&b, Skip::default());
    for (env, id) in [(&a, &x), (&b, &y)] {
        let out = env
            .disclose()
            .args(["publish", id, "--offline"])
            .assert()
            .success();
        assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    }
    let theirs = std::fs::read(a.store.join("advisories/POET-SA-2026-001/advisory.md")).unwrap();
    a.sync();

    // The remote's advisory keeps its number; this clone's, not pushed yet,
    // takes the next one, and sync says so.
    let out = b.sync();
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{y} is now POET-SA-2026-002")),
        "{err}"
    );
    assert_eq!(b.case(&y)["identifiers"]["advisory"], "POET-SA-2026-002");
    assert_eq!(b.case(&x)["identifiers"]["advisory"], "POET-SA-2026-001");
    assert_eq!(
        std::fs::read(b.store.join("advisories/POET-SA-2026-001/advisory.md")).unwrap(),
        theirs
    );
    let moved =
        std::fs::read_to_string(b.store.join("advisories/POET-SA-2026-002/advisory.md")).unwrap();
    assert!(moved.contains("POET-SA-2026-002"), "{moved}");
    assert!(!moved.contains("POET-SA-2026-001"), "{moved}");
    let osv =
        std::fs::read_to_string(b.store.join("advisories/POET-SA-2026-002/osv.json")).unwrap();
    assert!(!osv.contains("POET-SA-2026-001"), "{osv}");

    a.sync();
    assert_eq!(a.files(), b.files());
    let out = a.disclose().args(["check", "--format", "json"]).assert();
    assert!(
        !stdout(&out).contains("advisory-reused"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn reserve_numbers_with_the_team_and_publish_keeps_the_number() {
    let (a, b, remote) = team();
    let x = ready_case(&a, Skip::default());
    let y = ready_case(&b, Skip::default());
    let out = a.disclose().args(["reserve", &x]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    assert!(stderr(&out).contains("Pushed"), "{}", stderr(&out));
    // b has not synced: reserving takes a's number into account.
    let out = b.disclose().args(["reserve", &y]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-002\n");
    let out = b.disclose().args(["publish", &y]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-002\n");
    assert!(remote_files(&remote).contains(&"advisories/POET-SA-2026-002/osv.json".to_owned()));

    std::fs::rename(&remote, remote.with_extension("moved")).unwrap();
    let z = ready_case(&a, Skip::default());
    let before = a.snapshot_bytes();
    let out = a.disclose().args(["reserve", &z]).assert().failure();
    let err = stderr(&out);
    assert!(err.contains("nothing was reserved"), "{err}");
    assert!(err.contains("--offline"), "{err}");
    assert_eq!(before, a.snapshot_bytes());
    a.disclose()
        .args(["reserve", &z, "--offline"])
        .assert()
        .success()
        .stdout("POET-SA-2026-002\n");
}
