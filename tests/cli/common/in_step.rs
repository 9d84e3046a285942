//! "The store is in step": HEAD, the index and the work tree agree, nothing
//! of an interrupted change is left, and git finds nothing wrong.

use std::path::Path;

use super::TestEnv;

/// Asserts that HEAD, the index and the work tree hold the same files, that
/// no journal, `index.lock` or temporary file is left, and that
/// `git fsck --strict` is clean (where git is installed).
pub fn assert_in_step(env: &TestEnv, context: &str) {
    let repo = git2::Repository::open(&env.store).unwrap();
    let git_dir = env.store.join(".git");
    assert!(
        !git_dir.join("disclose/journal.json").exists(),
        "{context}: a journal is left"
    );
    assert!(
        !git_dir.join("index.lock").exists(),
        "{context}: index.lock is left"
    );
    let mut index = repo.index().unwrap();
    index.read(true).unwrap();
    match repo.head() {
        Ok(head) => {
            let tree = head.peel_to_tree().unwrap().id();
            assert_eq!(
                index.write_tree().unwrap(),
                tree,
                "{context}: the index is not HEAD's tree"
            );
        }
        Err(_) => assert!(index.is_empty(), "{context}: an index without a commit"),
    }
    let mut opts = git2::StatusOptions::new();
    opts.include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(true);
    let dirty: Vec<String> = repo
        .statuses(Some(&mut opts))
        .unwrap()
        .iter()
        .map(|s| format!("{} {:?}", s.path().unwrap_or("?"), s.status()))
        .collect();
    assert!(
        dirty.is_empty(),
        "{context}: the work tree differs from HEAD: {dirty:?}"
    );
    fsck(env, context);
}

/// `git fsck --strict` in the store must be clean (skipped without git).
pub fn fsck(env: &TestEnv, context: &str) {
    let Ok(out) = std::process::Command::new("git")
        .args(["fsck", "--strict", "--no-dangling", "--no-progress"])
        .current_dir(&env.store)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
    else {
        return;
    };
    assert!(
        out.status.success(),
        "{context}: git fsck: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The bytes of `rel` in the commit HEAD points at, if it has that file.
pub fn in_head(store: &Path, rel: &str) -> Option<Vec<u8>> {
    let repo = git2::Repository::open(store).unwrap();
    let tree = repo.head().ok()?.peel_to_tree().ok()?;
    let entry = tree.get_path(Path::new(rel)).ok()?;
    Some(repo.find_blob(entry.id()).ok()?.content().to_vec())
}

/// Whether HEAD's `rel` contains `text`.
pub fn head_has(store: &Path, rel: &str, text: &str) -> bool {
    in_head(store, rel).is_some_and(|b| String::from_utf8_lossy(&b).contains(text))
}

/// Whether the command was ended by SIGKILL.
pub fn killed(out: &std::process::Output) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        out.status.signal() == Some(9)
    }
    #[cfg(not(unix))]
    {
        !out.status.success()
    }
}
