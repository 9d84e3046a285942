//! Nothing escapes the store: a remote whose tree holds a link, a submodule
//! or a path git's index would refuse is refused by `clone` and `sync`,
//! naming the path, before anything is checked out or any ref moves; the
//! same links planted in a local store make every command refuse, naming
//! the link, and nothing outside the store is read, written or chmodded.

use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};

use git2::{ObjectType, Oid, Repository};

use crate::common::{Team, TestEnv, stderr, stdout};
use crate::publish::{Skip, ready_case};

const LINK: i32 = 0o120_000;
const FILE: i32 = 0o100_644;
const SUBMODULE: i32 = 0o160_000;

/// A directory outside every store, with a secret file (mode 0644) that a
/// followed link would leak or chmod.
struct Outside {
    dir: PathBuf,
    secret: PathBuf,
}

impl Outside {
    fn new(env: &TestEnv) -> Self {
        let dir = env.root.join("outside");
        std::fs::create_dir_all(&dir).unwrap();
        let secret = dir.join("id_rsa");
        std::fs::write(&secret, "-----BEGIN PRIVATE KEY----- secret\n").unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
        Self { dir, secret }
    }

    /// Nothing was written there, nothing read out, no mode changed.
    fn untouched(&self) {
        let names: Vec<_> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["id_rsa"], "something was written outside the store");
        assert_eq!(
            std::fs::read_to_string(&self.secret).unwrap(),
            "-----BEGIN PRIVATE KEY----- secret\n"
        );
        let mode = std::fs::metadata(&self.secret)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "the outside file's mode changed");
    }
}

/// Commits on top of the bare remote's `main` a tree with `path` set to an
/// entry of `mode` (a link's bytes are its target), and moves `main` there.
fn push_entry(remote: &Path, path: &str, mode: i32, bytes: &[u8]) {
    let repo = Repository::open_bare(remote).unwrap();
    let parent = repo
        .find_commit(repo.refname_to_id("refs/heads/main").unwrap())
        .unwrap();
    let id = if mode == SUBMODULE {
        parent.id()
    } else {
        repo.blob(bytes).unwrap()
    };
    let parts: Vec<&str> = path.split('/').collect();
    let tree = with_entry(&repo, Some(parent.tree().unwrap().id()), &parts, mode, id);
    commit_tree(&repo, tree, &parent);
}

fn with_entry(repo: &Repository, tree: Option<Oid>, path: &[&str], mode: i32, id: Oid) -> Oid {
    let base = tree.map(|t| repo.find_tree(t).unwrap());
    let mut builder = repo.treebuilder(base.as_ref()).unwrap();
    match path {
        [name] => {
            builder.insert(name, id, mode).unwrap();
        }
        [dir, rest @ ..] => {
            let sub = builder
                .get(dir)
                .unwrap()
                .filter(|e| e.kind() == Some(ObjectType::Tree))
                .map(|e| e.id());
            let sub = with_entry(repo, sub, rest, mode, id);
            builder.insert(dir, sub, 0o040_000).unwrap();
        }
        [] => unreachable!(),
    }
    builder.write().unwrap()
}

/// Commits on top of `main` a root tree with an extra entry `name` written
/// as raw bytes, for names libgit2's tree builder itself refuses (`..`).
fn push_raw_entry(remote: &Path, name: &[u8], mode: &str) {
    let repo = Repository::open_bare(remote).unwrap();
    let parent = repo
        .find_commit(repo.refname_to_id("refs/heads/main").unwrap())
        .unwrap();
    let inner = repo.treebuilder(None).unwrap();
    let mut inner = inner;
    inner
        .insert("config", repo.blob(b"[core]\n").unwrap(), FILE)
        .unwrap();
    let inner = inner.write().unwrap();
    let target = if mode == "40000" {
        inner
    } else {
        repo.blob(b"x").unwrap()
    };
    let mut entries: Vec<(Vec<u8>, String, Oid)> = parent
        .tree()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e.name_bytes().to_vec(),
                format!("{:o}", e.filemode()),
                e.id(),
            )
        })
        .collect();
    entries.push((name.to_vec(), mode.to_owned(), target));
    entries.sort();
    let mut raw = Vec::new();
    for (name, mode, id) in entries {
        raw.extend_from_slice(mode.as_bytes());
        raw.push(b' ');
        raw.extend_from_slice(&name);
        raw.push(0);
        raw.extend_from_slice(id.as_bytes());
    }
    let tree = repo.odb().unwrap().write(ObjectType::Tree, &raw).unwrap();
    commit_tree(&repo, tree, &parent);
}

fn commit_tree(repo: &Repository, tree: Oid, parent: &git2::Commit<'_>) {
    let tree = repo.find_tree(tree).unwrap();
    let sig = git2::Signature::now("Mallory", "mallory@example.org").unwrap();
    repo.commit(
        Some("refs/heads/main"),
        &sig,
        &sig,
        "innocent",
        &tree,
        &[parent],
    )
    .unwrap();
}

/// The ID of the one case a team's store holds after `a` opened it and synced.
fn shared_case(team: &Team) -> String {
    let id = team.a.open("Path traversal in upload", &[]);
    team.a.sync();
    id
}

/// Every kind of link a hostile remote could push, by what it aims at.
fn hostile_links(case: &str, outside: &Outside) -> Vec<(String, Vec<u8>)> {
    let secret = outside.secret.to_str().unwrap().as_bytes().to_vec();
    let dir = outside.dir.to_str().unwrap().as_bytes().to_vec();
    vec![
        ("templates/ack.txt".into(), secret.clone()),
        ("attachments".into(), dir.clone()),
        ("policy.json".into(), secret.clone()),
        (format!("cases/{case}.json"), secret),
        ("cases".into(), dir),
    ]
}

#[test]
fn clone_refuses_every_kind_of_link_and_a_submodule_naming_it() {
    let team = Team::new();
    let case = shared_case(&team);
    let outside = Outside::new(&team.a);
    let mut pushes: Vec<(String, i32, Vec<u8>)> = hostile_links(&case, &outside)
        .into_iter()
        .map(|(path, target)| (path, LINK, target))
        .collect();
    pushes.push(("templates/vendored".into(), SUBMODULE, Vec::new()));
    for (path, mode, bytes) in pushes {
        let clean = team.a.head();
        push_entry(&team.remote, &path, mode, &bytes);
        let env = TestEnv::new();
        let out = env
            .disclose()
            .args(["clone", team.remote.to_str().unwrap()])
            .arg(&env.store)
            .assert()
            .code(3);
        let err = stderr(&out);
        assert!(err.contains(&format!("\"{path}\"")), "{path}: {err}");
        let what = if mode == LINK {
            "symbolic link"
        } else {
            "submodule"
        };
        assert!(err.contains(what), "{path}: {err}");
        assert!(!env.store.exists(), "{path}: the clone was left behind");
        assert!(!env.home.join(".config/disclose/config.json").exists());
        outside.untouched();
        // Put the remote back for the next kind.
        let bare = Repository::open_bare(&team.remote).unwrap();
        bare.reference("refs/heads/main", clean, true, "reset")
            .unwrap();
    }
}

#[test]
fn clone_into_an_existing_empty_directory_leaves_it_empty_when_refused() {
    let team = Team::new();
    let case = shared_case(&team);
    let outside = Outside::new(&team.a);
    let (path, target) = hostile_links(&case, &outside).remove(0);
    push_entry(&team.remote, &path, LINK, &target);
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.store).unwrap();
    std::fs::set_permissions(&env.store, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.disclose()
        .args(["clone", team.remote.to_str().unwrap()])
        .arg(&env.store)
        .assert()
        .code(3);
    assert_eq!(std::fs::read_dir(&env.store).unwrap().count(), 0);
    outside.untouched();
}

#[test]
fn clone_and_sync_refuse_paths_git_would_refuse_naming_them() {
    for (name, mode) in [
        (&b".git"[..], "40000"),
        (b"GIT~1", "40000"),
        (b".git. ", "40000"),
        (".g\u{200c}it".as_bytes(), "40000"),
        (b"..", "40000"),
        (b"evil\\path", "100644"),
        (b"line\nbreak", "100644"),
    ] {
        let team = Team::new();
        let shown = String::from_utf8_lossy(name).into_owned();
        push_raw_entry(&team.remote, name, mode);
        let env = TestEnv::new();
        let out = env
            .disclose()
            .args(["clone", team.remote.to_str().unwrap()])
            .arg(&env.store)
            .assert()
            .code(3);
        let err = stderr(&out);
        assert!(err.contains(&format!("{shown:?}")), "{shown:?}: {err}");
        assert!(!env.store.exists());
        let (files, head) = (team.a.files(), team.a.head());
        let out = team.a.disclose().arg("sync").assert().code(3);
        assert!(
            stderr(&out).contains(&format!("{shown:?}")),
            "{}",
            stderr(&out)
        );
        assert_eq!(files, team.a.files());
        assert_eq!(head, team.a.head());
    }
}

#[test]
fn sync_refuses_a_tree_with_a_link_or_a_submodule_before_any_ref_moves() {
    let team = Team::new();
    let case = shared_case(&team);
    team.b.sync();
    let outside = Outside::new(&team.a);
    let mut pushes: Vec<(String, i32, Vec<u8>)> = hostile_links(&case, &outside)
        .into_iter()
        .map(|(path, target)| (path, LINK, target))
        .collect();
    pushes.push(("vendor/lib".into(), SUBMODULE, Vec::new()));
    let repo = Repository::open(&team.b.store).unwrap();
    let tracking = || repo.refname_to_id("refs/remotes/origin/main").unwrap();
    for (path, mode, bytes) in pushes {
        let clean = Repository::open_bare(&team.remote)
            .unwrap()
            .refname_to_id("refs/heads/main")
            .unwrap();
        push_entry(&team.remote, &path, mode, &bytes);
        team.b.open("local work", &[]);
        let (files, head, before) = (team.b.files(), team.b.head(), tracking());
        let out = team.b.disclose().arg("sync").assert().code(3);
        let err = stderr(&out);
        assert!(err.contains(&format!("\"{path}\"")), "{path}: {err}");
        assert!(err.contains("nothing was checked out"), "{err}");
        assert_eq!(files, team.b.files(), "{path}");
        assert_eq!(head, team.b.head(), "{path}");
        assert_eq!(before, tracking(), "{path}: the tracking ref moved");
        assert!(repo.find_reference("refs/disclose/fetched").is_err());
        outside.untouched();
        let bare = Repository::open_bare(&team.remote).unwrap();
        bare.reference("refs/heads/main", clean, true, "reset")
            .unwrap();
    }
    // With the remote repaired, the same clone syncs again.
    team.b.sync();
}

/// A local store with one case, and a directory outside it.
fn local() -> (TestEnv, String, Outside) {
    let env = TestEnv::init();
    let id = env.open(
        "Path traversal in upload",
        &["--reporter-email", "ada@example.org"],
    );
    let outside = Outside::new(&env);
    (env, id, outside)
}

/// Asserts a refusal that names `link` as a symbolic link, on stderr.
fn names_link(out: &assert_cmd::assert::Assert, link: &Path) {
    let err = stderr(out);
    assert!(
        err.contains(&format!("{} is a symbolic link", link.display())),
        "{err}"
    );
}

#[test]
fn a_linked_template_is_never_read() {
    for linked_dir in [false, true] {
        let (env, id, outside) = local();
        let link = if linked_dir {
            std::fs::copy(&outside.secret, outside.dir.join("ack.txt")).unwrap();
            let link = env.store.join("templates");
            symlink(&outside.dir, &link).unwrap();
            link
        } else {
            std::fs::create_dir(env.store.join("templates")).unwrap();
            let link = env.store.join("templates/ack.txt");
            symlink(&outside.secret, &link).unwrap();
            link
        };
        let before = env.case(&id);
        let out = env
            .disclose()
            .args(["ack", &id, "--draft"])
            .assert()
            .code(3);
        names_link(&out, &link);
        assert!(!stdout(&out).contains("secret"));
        assert_eq!(before, env.case(&id), "nothing was recorded");
        if linked_dir {
            // Every draft looks in the linked directory.
            let out = env
                .disclose()
                .args(["contact", &id, "--draft", "update"])
                .assert()
                .code(3);
            names_link(&out, &link);
            std::fs::remove_file(outside.dir.join("ack.txt")).unwrap();
        }
        outside.untouched();
    }
}

#[test]
fn a_linked_attachments_directory_is_never_written_through() {
    let env = TestEnv::init();
    let outside = Outside::new(&env);
    let link = env.store.join("attachments");
    symlink(&outside.dir, &link).unwrap();
    let email = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/emails/attachments.eml");
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(&email)
        .assert()
        .code(3);
    names_link(&out, &link);
    assert!(env.case_ids().is_empty(), "no case was opened");
    outside.untouched();
}

#[test]
fn a_linked_policy_stops_every_command_naming_it() {
    let (env, id, outside) = local();
    let policy = env.store.join("policy.json");
    std::fs::rename(&policy, outside.dir.join("policy.json")).unwrap();
    symlink(outside.dir.join("policy.json"), &policy).unwrap();
    for args in [
        vec!["status"],
        vec!["note", &id, "text"],
        vec!["policy", "set", "project", "x"],
        vec!["open", "--title", "another"],
    ] {
        let out = env.disclose().args(&args).assert().code(3);
        names_link(&out, &policy);
    }
    std::fs::remove_file(outside.dir.join("policy.json")).unwrap();
    outside.untouched();
}

#[test]
fn a_linked_case_file_or_cases_directory_is_refused_naming_it() {
    let (env, id, outside) = local();
    let file = env.store.join("cases").join(format!("{id}.json"));
    std::fs::copy(&file, outside.dir.join("case.json")).unwrap();
    std::fs::remove_file(&file).unwrap();
    symlink(outside.dir.join("case.json"), &file).unwrap();
    for args in [
        vec!["note", &id, "text"],
        vec!["show", &id],
        vec!["status"],
        vec!["check"],
    ] {
        let out = env.disclose().args(&args).assert().code(3);
        names_link(&out, &file);
    }
    std::fs::remove_file(&file).unwrap();
    std::fs::remove_file(outside.dir.join("case.json")).unwrap();

    let cases = env.store.join("cases");
    std::fs::rename(&cases, outside.dir.join("cases")).unwrap();
    symlink(outside.dir.join("cases"), &cases).unwrap();
    for args in [
        vec!["open", "--title", "another"],
        vec!["status"],
        vec!["show", &id],
    ] {
        let out = env.disclose().args(&args).assert().code(3);
        names_link(&out, &cases);
    }
    assert_eq!(
        std::fs::read_dir(outside.dir.join("cases"))
            .unwrap()
            .count(),
        1,
        "nothing was written through the link"
    );
    std::fs::remove_dir_all(outside.dir.join("cases")).unwrap();
    outside.untouched();
}

#[test]
fn a_linked_advisories_directory_is_refused_by_publish() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let outside = Outside::new(&env);
    let link = env.store.join("advisories");
    symlink(&outside.dir, &link).unwrap();
    let commits = env.commits().len();
    let out = env.disclose().args(["publish", &id]).assert().code(3);
    names_link(&out, &link);
    assert_eq!(env.case(&id)["state"], "fixed");
    assert_eq!(commits, env.commits().len());
    outside.untouched();
}

#[test]
fn a_linked_summary_cache_or_lock_is_refused() {
    let (env, id, outside) = local();
    let cache = env.store.join(".git/disclose");
    let _ = std::fs::remove_dir_all(&cache);
    symlink(&outside.dir, &cache).unwrap();
    let out = env.disclose().arg("status").assert().code(3);
    names_link(&out, &cache);
    std::fs::remove_file(&cache).unwrap();

    let lock = env.store.join(".git/disclose.lock");
    let _ = std::fs::remove_file(&lock);
    symlink(&outside.secret, &lock).unwrap();
    let out = env.disclose().args(["note", &id, "x"]).assert().code(3);
    names_link(&out, &lock);
    outside.untouched();
}

#[test]
fn a_pipe_in_place_of_a_template_is_refused_without_hanging() {
    let (env, id, _outside) = local();
    std::fs::create_dir(env.store.join("templates")).unwrap();
    let fifo = env.store.join("templates/ack.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return crate::common::skip("mkfifo");
    }
    let out = env
        .disclose()
        .args(["ack", &id, "--draft"])
        .assert()
        .code(3);
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}
