//! The hermetic test environment every integration test goes through: a
//! temporary HOME and store, a fixed identity, and a clock that moves one
//! minute per command.

#![allow(dead_code, unreachable_pub)]

pub mod in_step;
#[cfg(unix)]
pub mod pty;
pub mod schema;
pub mod server;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use tempfile::TempDir;

pub const START: &str = "2026-03-02T09:00:00Z";

pub struct TestEnv {
    _tmp: TempDir,
    pub root: PathBuf,
    pub home: PathBuf,
    pub store: PathBuf,
    ticks: Cell<i64>,
}

impl TestEnv {
    /// An environment whose store does not exist yet.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let home = root.join("home");
        std::fs::create_dir_all(&home).unwrap();
        Self {
            store: root.join("store"),
            root,
            home,
            _tmp: tmp,
            ticks: Cell::new(0),
        }
    }

    /// An environment with an initialised store.
    pub fn init() -> Self {
        let env = Self::new();
        env.disclose().arg("init").assert().success();
        env
    }

    /// An environment whose store is a copy of `tests/fixtures/stores/<name>`,
    /// committed as the store's first commit.
    pub fn with_store(name: &str) -> Self {
        let env = Self::new();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/stores")
            .join(name);
        copy_dir(&fixture, &env.store);
        let mut opts = git2::RepositoryInitOptions::new();
        opts.initial_head("main");
        let repo = git2::Repository::init_opts(&env.store, &opts).unwrap();
        let mut index = repo.index().unwrap();
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = git2::Signature::now("Fixture", "fixture@example.org").unwrap();
        repo.commit(Some("HEAD"), &sig, &sig, "fixture", &tree, &[])
            .unwrap();
        env
    }

    /// A new environment whose store is a copy of `template`'s (its git
    /// history included), with the clock where `template`'s is.
    pub fn copy_of(template: &Self) -> Self {
        let env = Self::new();
        copy_dir(&template.store, &env.store);
        env.ticks.set(template.ticks.get());
        env
    }

    /// The time the next command will see.
    pub fn now(&self) -> DateTime<Utc> {
        START.parse::<DateTime<Utc>>().unwrap() + TimeDelta::minutes(self.ticks.get())
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: TimeDelta) {
        self.ticks.set(self.ticks.get() + by.num_minutes());
    }

    fn tick(&self) -> String {
        let now = self.now();
        self.ticks.set(self.ticks.get() + 1);
        now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    /// `disclose` in this environment, at the next tick of the clock.
    #[must_use = "assert on the result: .success(), .code(2), ..."]
    pub fn disclose(&self) -> assert_cmd::Command {
        let now = self.tick();
        self.disclose_at(&now)
    }

    /// `disclose` with `DISCLOSE_NOW` set to `now`.
    #[must_use = "assert on the result: .success(), .code(2), ..."]
    pub fn disclose_at(&self, now: &str) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.command_at(now))
    }

    /// A plain process for `disclose` at the next tick, for tests that spawn.
    pub fn command(&self) -> std::process::Command {
        let now = self.tick();
        self.command_at(&now)
    }

    /// Another program (a shell, `man`) in this environment, with the
    /// `disclose` under test first on its PATH.
    pub fn program(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let bin = Path::new(assert_cmd::cargo::cargo_bin!("disclose"));
        let mut path = vec![bin.parent().unwrap().to_path_buf()];
        path.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let now = self.tick();
        let mut cmd = self.hermetic(program, &now);
        cmd.env("PATH", std::env::join_paths(path).unwrap());
        cmd
    }

    fn command_at(&self, now: &str) -> std::process::Command {
        self.hermetic(assert_cmd::cargo::cargo_bin!("disclose"), now)
    }

    fn hermetic(&self, program: impl AsRef<std::ffi::OsStr>, now: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("DISCLOSE_DIR", &self.store)
            .env("DISCLOSE_NOW", now)
            .env("DISCLOSE_AUTHOR_NAME", "Test Maintainer")
            .env("DISCLOSE_AUTHOR_EMAIL", "maintainer@example.org")
            // Local times are shown beside UTC only where the zone differs, and
            // a machine's git config could change commits: pin both.
            .env("TZ", "UTC")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(&self.root);
        cmd
    }

    /// `disclose ARGS` on a terminal `columns` wide, at the next tick,
    /// typing `script` into it (see `pty::run`).
    #[cfg(unix)]
    pub fn on_terminal(
        &self,
        args: &[&str],
        columns: u16,
        script: &[(&str, &[u8])],
    ) -> pty::Screen {
        let mut cmd = self.command();
        cmd.args(args);
        pty::run(cmd, columns, script)
    }

    /// Opens a case with `title` (and extra args) and returns its ID.
    pub fn open(&self, title: &str, extra: &[&str]) -> String {
        let out = self
            .disclose()
            .args(["open", "-q", "--title", title])
            .args(extra)
            .assert()
            .success();
        let id = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        id.trim().to_owned()
    }

    /// The case file of `id`, parsed.
    pub fn case(&self, id: &str) -> serde_json::Value {
        let path = self.store.join("cases").join(format!("{id}.json"));
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    /// The IDs of every case file.
    pub fn case_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = std::fs::read_dir(self.store.join("cases"))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_suffix(".json").map(str::to_owned)
            })
            .collect();
        ids.sort();
        ids
    }

    /// Commits on HEAD, newest first: (message, "Name <email>").
    pub fn commits(&self) -> Vec<(String, String)> {
        let repo = git2::Repository::open(&self.store).unwrap();
        let mut walk = repo.revwalk().unwrap();
        walk.push_head().unwrap();
        walk.map(|oid| {
            let commit = repo.find_commit(oid.unwrap()).unwrap();
            let author = commit.author();
            (
                commit.message().unwrap().to_owned(),
                format!("{} <{}>", author.name().unwrap(), author.email().unwrap()),
            )
        })
        .collect()
    }

    /// Every file of the store (git's included; the lock file and the
    /// summary cache under `.git/disclose/`, which reads may refresh,
    /// excluded), for "changed nothing" assertions.
    pub fn snapshot_bytes(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        if self.store.exists() {
            snapshot(&self.store, &self.store, &mut out);
        }
        out
    }
}

fn snapshot(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.ends_with(".git/disclose") {
            continue;
        }
        if path.is_dir() {
            snapshot(root, &path, out);
        } else if path.file_name().is_some_and(|n| n != "disclose.lock") {
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            out.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs git in `dir` in `env`, which must succeed; its output.
pub fn git_in(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = env
        .program("git")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs git in `dir` as another person would (an identity of its own),
/// for commits made outside the tool.
pub fn git_as_other(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let identity = [
        "-c",
        "user.name=Other",
        "-c",
        "user.email=other@example.org",
    ];
    git_in(env, dir, &[&identity[..], args].concat())
}

/// stdout of a finished command as a string.
pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// stderr of a finished command as a string.
pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

// Team helpers: a bare remote, clones, and direct writes through the library.

impl TestEnv {
    /// A bare repository at `<root>/<name>` whose HEAD names `main`, as a
    /// freshly created GitHub or GitLab repository is.
    pub fn bare_remote(&self, name: &str) -> PathBuf {
        let path = self.root.join(name);
        let mut opts = git2::RepositoryInitOptions::new();
        opts.bare(true).initial_head("main");
        git2::Repository::init_opts(&path, &opts).unwrap();
        path
    }

    /// A new environment (own HOME and clock) whose store is a clone of `url`.
    pub fn clone_of(url: &str) -> Self {
        let env = Self::new();
        env.disclose()
            .args(["clone", url])
            .arg(&env.store)
            .assert()
            .success();
        env
    }

    /// `disclose sync`, which must succeed.
    pub fn sync(&self) -> assert_cmd::assert::Assert {
        self.disclose().arg("sync").assert().success()
    }

    /// The work tree's files (without `.git`), for "both clones are identical".
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        self.snapshot_bytes()
            .into_iter()
            .filter(|(path, _)| !path.starts_with(".git"))
            .collect()
    }

    /// The commit `main` points at.
    pub fn head(&self) -> git2::Oid {
        let repo = git2::Repository::open(&self.store).unwrap();
        repo.refname_to_id("refs/heads/main").unwrap()
    }

    /// The parents of the commit `main` points at.
    pub fn head_parents(&self) -> usize {
        let repo = git2::Repository::open(&self.store).unwrap();
        repo.find_commit(self.head()).unwrap().parent_count()
    }

    /// The store, opened through the library.
    pub fn open_store(&self) -> disclose::store::Store {
        disclose::store::Store::open(&self.store).unwrap()
    }

    pub fn identity(&self) -> disclose::store::Identity {
        disclose::store::Identity {
            name: "Test Maintainer".into(),
            email: "maintainer@example.org".into(),
        }
    }

    /// Appends one event to a case through the library, in one commit, as a
    /// command would (for event kinds no command on this branch records).
    pub fn record(&self, id: &str, kind: disclose::model::case::EventKind) {
        let store = self.open_store();
        let id: disclose::model::id::CaseId = id.parse().unwrap();
        let now = self.now();
        self.advance(TimeDelta::minutes(1));
        let who = self.identity();
        store
            .transaction(&who, now, |tx| {
                let mut case = tx.read(&id)?;
                let action = kind.action();
                case.record(kind, now, &who.by(), None);
                tx.set_message(format!("{id}: {action}"));
                tx.write(&case);
                Ok(())
            })
            .unwrap();
    }

    /// Writes `case` as a new case file in one commit.
    pub fn write_case(&self, case: &disclose::model::case::Case) {
        let store = self.open_store();
        store
            .transaction(&self.identity(), self.now(), |tx| {
                tx.set_message(format!("{}: open", case.id));
                tx.write(case);
                Ok(())
            })
            .unwrap();
    }

    /// Replaces a file of the store and commits it (a hand edit).
    pub fn commit_file(&self, rel: &str, bytes: &[u8]) {
        std::fs::write(self.store.join(rel), bytes).unwrap();
        let repo = git2::Repository::open(&self.store).unwrap();
        let mut index = repo.index().unwrap();
        index.add_path(Path::new(rel)).unwrap();
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = git2::Signature::now("Test Maintainer", "maintainer@example.org").unwrap();
        let parent = repo.head().unwrap().peel_to_commit().unwrap();
        repo.commit(
            Some("HEAD"),
            &sig,
            &sig,
            &format!("edit {rel}"),
            &tree,
            &[&parent],
        )
        .unwrap();
    }
}

/// A team: `a` created the store and pushed it to a bare remote; `b` cloned it.
pub struct Team {
    pub a: TestEnv,
    pub b: TestEnv,
    pub remote: PathBuf,
}

impl Team {
    pub fn new() -> Self {
        let a = TestEnv::new();
        let remote = a.bare_remote("remote.git");
        a.disclose()
            .args(["init", "--remote"])
            .arg(&remote)
            .assert()
            .success();
        a.sync();
        let b = TestEnv::clone_of(remote.to_str().unwrap());
        Self { a, b, remote }
    }

    /// Syncs `a`, `b`, then `a` again, and checks both ended identical.
    pub fn converge(&self) {
        self.a.sync();
        self.b.sync();
        self.a.sync();
        assert_eq!(self.a.files(), self.b.files());
        assert_eq!(self.a.head(), self.b.head());
    }
}

/// Skips a test that needs `missing`, saying so, on a machine without it. In
/// CI (`CI` set) it fails the test instead: `.ci/run` installs everything the
/// tests use, so a skip there would hide a broken install step.
pub fn skip(missing: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{missing} is not installed, and CI must run every test"
    );
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "skipped: {missing} is not installed");
}
