//! Private by construction: the store root is 0700 even when it existed,
//! every file the tool writes, in the store or out of it, is 0600 unless
//! `--world-readable` asks for a public one, and files a clone or a sync
//! brings are 0600 too.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::common::{Team, TestEnv, stderr};
use crate::publish::{Skip, ready_case};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn email(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/emails")
        .join(name)
}

/// Every file and directory of the work tree (not `.git`), with its mode.
fn modes(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with(".git") {
                continue;
            }
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push((path.strip_prefix(root).unwrap().to_path_buf(), mode(&path)));
        }
    }
    out.sort();
    out
}

/// Files 0600 and directories 0700, all of them.
fn all_private(root: &Path) {
    assert_eq!(mode(root), 0o700, "{}", root.display());
    for (path, mode) in modes(root) {
        let want = if root.join(&path).is_dir() {
            0o700
        } else {
            0o600
        };
        assert_eq!(mode, want, "{} is {mode:o}", path.display());
    }
}

fn open_dir(path: &Path) {
    std::fs::create_dir_all(path).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn init_into_an_existing_open_directory_makes_it_private_and_says_so() {
    let env = TestEnv::new();
    open_dir(&env.store);
    let out = env.disclose().arg("init").assert().success();
    let err = stderr(&out);
    assert!(err.contains("private") && err.contains("0755"), "{err}");
    env.disclose()
        .args(["open", "--from-email"])
        .arg(email("attachments.eml"))
        .assert()
        .success();
    all_private(&env.store);

    // A directory that was private already is not mentioned.
    let fresh = TestEnv::new();
    let out = fresh.disclose().arg("init").assert().success();
    assert!(!stderr(&out).contains("private to you"), "{}", stderr(&out));
    assert_eq!(mode(&fresh.store), 0o700);
}

#[test]
fn the_store_made_on_the_first_write_into_an_open_directory_is_private() {
    let env = TestEnv::new();
    open_dir(&env.store);
    let out = env
        .disclose()
        .args(["open", "--title", "first report"])
        .assert()
        .success();
    assert!(stderr(&out).contains("0755"), "{}", stderr(&out));
    all_private(&env.store);
}

#[test]
fn clones_and_syncs_bring_private_files_only() {
    let team = Team::new();
    team.a
        .disclose()
        .args(["open", "--from-email"])
        .arg(email("attachments.eml"))
        .assert()
        .success();
    team.a.sync();

    let env = TestEnv::new();
    open_dir(&env.store);
    let out = env
        .disclose()
        .args(["clone", team.remote.to_str().unwrap()])
        .arg(&env.store)
        .assert()
        .success();
    assert!(stderr(&out).contains("0755"), "{}", stderr(&out));
    assert!(
        modes(&env.store)
            .iter()
            .any(|(p, _)| p.starts_with("attachments"))
    );
    all_private(&env.store);
    assert_eq!(mode(&env.home.join(".config/disclose/config.json")), 0o600);

    team.a
        .disclose()
        .args(["open", "--from-email"])
        .arg(email("multipart-alternative.eml"))
        .assert()
        .success();
    team.a
        .disclose()
        .args(["open", "--title", "more"])
        .assert()
        .success();
    team.a.sync();
    env.sync();
    assert_eq!(env.case_ids().len(), 3);
    all_private(&env.store);
}

#[test]
fn an_executable_file_in_the_remote_is_cloned_private() {
    let team = Team::new();
    let repo = git2::Repository::open_bare(&team.remote).unwrap();
    let parent = repo
        .find_commit(repo.refname_to_id("refs/heads/main").unwrap())
        .unwrap();
    let mut root = repo.treebuilder(Some(&parent.tree().unwrap())).unwrap();
    root.insert("run.sh", repo.blob(b"#!/bin/sh\n").unwrap(), 0o100_755)
        .unwrap();
    let tree = repo.find_tree(root.write().unwrap()).unwrap();
    let sig = git2::Signature::now("A", "a@example.org").unwrap();
    repo.commit(
        Some("refs/heads/main"),
        &sig,
        &sig,
        "script",
        &tree,
        &[&parent],
    )
    .unwrap();
    let env = TestEnv::clone_of(team.remote.to_str().unwrap());
    assert_eq!(mode(&env.store.join("run.sh")), 0o600);
    all_private(&env.store);
}

#[test]
fn reply_drafts_and_exports_are_written_private() {
    let env = TestEnv::init();
    let id = env.open(
        "Path traversal in upload",
        &["--reporter-email", "ada@example.org"],
    );
    let eml = env.root.join("ack.eml");
    std::fs::write(&eml, "an old draft").unwrap();
    std::fs::set_permissions(&eml, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.disclose()
        .args(["ack", &id, "--eml"])
        .arg(&eml)
        .assert()
        .success();
    assert_eq!(mode(&eml), 0o600);
    assert!(
        std::fs::read_to_string(&eml)
            .unwrap()
            .contains("ada@example.org")
    );

    let update = env.root.join("update.eml");
    env.disclose()
        .args(["contact", &id, "--draft", "update", "--eml"])
        .arg(&update)
        .assert()
        .success();
    assert_eq!(mode(&update), 0o600);

    let out = env.root.join("advisory.md");
    env.disclose()
        .args(["export", &id, "--format", "markdown", "--preview", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(mode(&out), 0o600);
    env.disclose()
        .args([
            "export",
            &id,
            "--format",
            "markdown",
            "--preview",
            "--world-readable",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(mode(&out), 0o644);
}

#[test]
fn published_files_and_man_pages_outside_the_store_are_private_unless_asked() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let dir = env.root.join("site/advisory");
    env.disclose()
        .args(["publish", &id, "--out"])
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&env.root.join("site")), 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(!files.is_empty());
    for file in files {
        assert_eq!(mode(&file.unwrap().path()), 0o600);
    }

    let man = env.root.join("man/man1");
    env.disclose()
        .args(["man", "--out"])
        .arg(&man)
        .assert()
        .success();
    assert_eq!(mode(&man), 0o700);
    assert_eq!(mode(&man.join("disclose.1")), 0o600);
    let public = env.root.join("public-man");
    env.disclose()
        .args(["man", "--world-readable", "--out"])
        .arg(&public)
        .assert()
        .success();
    assert_eq!(mode(&public), 0o755);
    assert_eq!(mode(&public.join("disclose.1")), 0o644);

    let security = env.root.join("SECURITY.md");
    env.disclose()
        .args(["policy", "--write"])
        .arg(&security)
        .assert()
        .success();
    assert_eq!(mode(&security), 0o600);
    env.disclose()
        .args(["policy", "--world-readable", "--write"])
        .arg(&security)
        .assert()
        .success();
    assert_eq!(mode(&security), 0o644);
}

/// `--world-readable` with nothing written outside the store would do
/// nothing: it is refused, and nothing changes.
#[test]
fn world_readable_without_out_is_refused_and_changes_nothing() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let head = env.head();
    for args in [
        vec!["publish", id.as_str(), "--world-readable"],
        vec!["export", id.as_str(), "--format", "osv", "--world-readable"],
        vec!["man", "--world-readable"],
    ] {
        env.disclose()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "--world-readable sets the mode of the files written with --out",
            ));
        assert_eq!(env.head(), head, "{args:?}");
    }
    assert!(!env.store.join("advisories").exists());
}
