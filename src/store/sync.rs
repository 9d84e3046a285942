//! `sync` against the recorded remote: fetch, merge with the tool's own
//! merge (`crate::merge`), commit a real merge commit with both parents,
//! push, and retry when someone pushed meanwhile.

use std::path::Path;

use chrono::{DateTime, Utc};
use git2::{Index, IndexEntry, IndexTime, Oid, Repository};
use serde::Serialize;

use super::change::{self, Change, NewCommit};
use super::changes::{self, Changes};
use super::diff::Trees;
use super::git::{self, BRANCH, Identity};
use super::remote::{self, Pushed, REMOTE, TRACKING};
use super::{LOCK_FILE, Store, fault, fs, lock, recover, state, tree};
use crate::error::{Error, Result};
use crate::merge::{self, Author, Edits, MergeError, MergeReport};

/// How many times a push rejected because the remote moved is retried.
pub const PUSH_ATTEMPTS: usize = 5;

#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    pub push: bool,
    pub attempts: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            push: true,
            attempts: PUSH_ATTEMPTS,
        }
    }
}

/// Where a sync is, for callers that watch it (tests inject a concurrent push here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    BeforePush { attempt: usize },
}

/// What a sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    pub remote: String,
    /// Commits that came from the remote.
    pub fetched: usize,
    pub fast_forward: bool,
    /// The merge commit made, if the histories had diverged.
    pub merge_commit: Option<String>,
    pub merge: MergeReport,
    /// Commits pushed (0 when there was nothing to push or `--no-push`).
    pub pushed: usize,
    /// Pushes the remote rejected because it had moved.
    pub retries: usize,
    /// What was done about the remote's default branch after the push.
    pub remote_head: Option<super::team::RemoteHead>,
}

impl Store {
    /// The URL of the recorded remote, if any.
    pub fn remote_url(&self) -> Result<Option<String>> {
        remote::url(&git::open(&self.root)?)
    }

    /// Records `url` as the team's remote (`origin`).
    pub fn set_remote(&self, url: &str) -> Result<()> {
        remote::set_url(&git::open(&self.root)?, url)
    }

    /// Local commits not on the remote yet; `None` when no remote is recorded.
    pub fn unpushed(&self) -> Result<Option<remote::Unpushed>> {
        let repo = git::open(&self.root)?;
        if remote::url(&repo)?.is_none() {
            return Ok(None);
        }
        remote::unpushed(&repo).map(Some)
    }

    /// Fetches, merges and (unless `opts.push` is off) pushes.
    pub fn sync(
        &self,
        who: &Identity,
        at: DateTime<Utc>,
        opts: SyncOptions,
        on_stage: &mut dyn FnMut(Stage),
    ) -> Result<SyncReport> {
        git::bound_mapped_packs();
        let repo = git::open(&self.root)?;
        let url = remote::url(&repo)?.ok_or_else(|| {
            Error::input(format!(
                "no remote is recorded for the store at {}",
                self.root.display()
            ))
            .with_hint("record the team's remote with `disclose remote set URL`")
        })?;
        let git_dir = self.root.join(".git");
        // One sync at a time in a clone: two would race for git's lock on
        // the remote-tracking branch.
        let _sync_lock = lock::StoreLock::acquire(&git_dir.join(SYNC_LOCK_FILE), &self.notify.0)?;
        {
            let _lock = lock::StoreLock::acquire(&git_dir.join(LOCK_FILE), &self.notify.0)?;
            recover::recover(&self.env())?;
        }
        self.clear_sync_locks(&url)?;
        let shown = crate::model::syntax::redact_url(&url);
        let mut report = SyncReport {
            remote: shown.clone(),
            ..SyncReport::default()
        };
        let attempts = opts.attempts.max(1);
        let mut first_push = false;
        if let Some(path) = super::team::local_path(&url)
            && !path.exists()
        {
            // libgit2 would call a missing directory an "unsupported URL protocol".
            return Err(self.kept(
                Error::store(format!("could not fetch from {url}: no such directory")),
                &repo,
                &url,
            ));
        }
        for attempt in 1..=attempts {
            let theirs = remote::fetch(&repo, &url).map_err(|e| self.kept(e, &repo, &url))?;
            if attempt == 1 {
                // The remote has no branch yet: this push is its first.
                first_push = theirs.is_none();
            }
            // What the remote's tree holds beyond this store's is checked:
            // the rest is already here.
            let known = repo.refname_to_id(&format!("refs/heads/{BRANCH}")).ok();
            if let Some(theirs) = theirs
                && let Err(e) = tree::check_new(&repo, theirs, known, "the remote's")
            {
                remote::drop_fetched(&repo)?;
                return Err(e);
            }
            remote::accept(&repo, theirs)?;
            super::release_free_memory();
            self.integrate(&repo, theirs, who, at, &mut report)?;
            // The merge is made: give its memory back before the push
            // reads trees of its own.
            super::release_free_memory();
            if !opts.push {
                break;
            }
            let ahead = remote::unpushed(&repo)?.commits;
            if ahead == 0 {
                break;
            }
            if let Some(path) = super::team::local_path(&url)
                && let super::team::PathRemote::Working { .. } = super::team::inspect(&path)
            {
                // git refuses to push into a checked-out branch for the same reason.
                return Err(Error::refused(format!(
                    "{url} is a store's work tree, not a bare repository: pushing would move its \
                     branch under its files; the local changes are merged here and kept"
                ))
                .with_hint(
                    "record the team's bare remote with `disclose remote set URL` (or a scratch \
                     one with `disclose remote set --create PATH`), or sync with --no-push",
                ));
            }
            on_stage(Stage::BeforePush { attempt });
            match remote::push(&repo, &url).map_err(|e| self.kept(e, &repo, &url))? {
                Pushed::Done => {
                    report.pushed = ahead;
                    report.remote_head = super::team::after_push(&url, first_push);
                    break;
                }
                Pushed::Rejected(why) if attempt == attempts => {
                    return Err(Error::refused(format!(
                        "{shown} rejected the push {attempts} times because it kept changing ({why}); \
                         the local changes are merged and kept"
                    ))
                    .with_hint("run `disclose sync` again in a moment"));
                }
                Pushed::Rejected(_) => report.retries += 1,
            }
        }
        Ok(report)
    }

    /// Waits for, or removes when left over, the git lock files a sync
    /// needs: here, and in the remote when it is a path on this machine.
    fn clear_sync_locks(&self, url: &str) -> Result<()> {
        lock::clear_git_locks(&self.root.join(".git"), &local_sync_locks(), &self.notify.0)?;
        if let Some(dir) = lock::path_remote(url).map(|d| remote_git_dir(&d))
            && dir.is_dir()
        {
            lock::clear_git_locks(&dir, &remote_sync_locks(), &self.notify.0)?;
        }
        Ok(())
    }

    /// Adds "your work is kept" to a transport error, or names the git
    /// lock file that stopped it.
    fn kept(&self, err: Error, repo: &Repository, url: &str) -> Error {
        let git_dir = self.root.join(".git");
        let remote_dir = lock::path_remote(url).map(|d| remote_git_dir(&d));
        let in_the_way = local_sync_locks()
            .into_iter()
            .map(|name| (git_dir.clone(), name))
            .chain(
                remote_dir
                    .iter()
                    .flat_map(|d| remote_sync_locks().into_iter().map(|n| (d.clone(), n))),
            )
            .find(|(dir, name)| dir.join(name).exists());
        if let Some((dir, name)) = in_the_way {
            return lock::locked(&dir.join(name), &dir);
        }
        let waiting = remote::unpushed(repo).map(|u| u.commits).unwrap_or(0);
        match err {
            Error::Store { message, .. } => {
                let s = if waiting == 1 { "" } else { "s" };
                Error::store(message).with_hint(format!(
                    "nothing was lost: the store keeps its local work ({waiting} local change{s} not pushed); \
                     check the network and the URL (`disclose remote set URL`), then run `disclose sync` again"
                ))
            }
            other => other,
        }
    }

    /// Brings the fetched commit `theirs` into `main`: nothing, a
    /// fast-forward, or a merge commit, made as one change (see `change`),
    /// so `main`, the index and the files move together or not at all.
    fn integrate(
        &self,
        repo: &Repository,
        theirs: Option<Oid>,
        who: &Identity,
        at: DateTime<Utc>,
        report: &mut SyncReport,
    ) -> Result<()> {
        let Some(theirs) = theirs else {
            return Ok(());
        };
        let git_dir = self.root.join(".git");
        let _lock = fault::step(self.opts.fault, fault::Step::Lock, || {
            lock::StoreLock::acquire(&git_dir.join(LOCK_FILE), &self.notify.0)
        })?;
        recover::recover(&self.env())?;
        let head = state::head_for_change(repo, &self.root)?;
        let main = format!("refs/heads/{BRANCH}");
        if head.branch != main {
            let name = head.branch.trim_start_matches("refs/heads/");
            return Err(Error::refused(format!(
                "the store's changes are on {name}, but sync exchanges {BRANCH} with the team"
            ))
            .with_hint(format!(
                "switch back with `git -C {} switch {BRANCH}` to sync",
                lock::shell_quote(&self.root.display().to_string())
            )));
        }
        lock::clear_git_locks(&git_dir, &lock::ref_locks(&head.branch), &self.notify.0)?;
        let fail = |e| Error::git("merge the remote's changes", e);
        let ours = head.commit.ok_or_else(|| {
            Error::store(format!(
                "{BRANCH} has no commit yet in {}",
                self.root.display()
            ))
        })?;
        if ours == theirs || repo.graph_descendant_of(ours, theirs).map_err(fail)? {
            return Ok(());
        }
        let fetched = count_new(repo, theirs, ours).map_err(fail)?;
        // Only what either side changed is read, merged and written: the
        // trees are diffed, a file the same on all sides never leaves git.
        let mut trees = Trees::new(repo)?;
        let ours_root = trees.root_of(repo, ours)?;
        let theirs_root = trees.root_of(repo, theirs)?;
        let fast_forward = repo.graph_descendant_of(theirs, ours).map_err(fail)?;
        let mut merged_report = None;
        let (target, edits, log) = if fast_forward {
            let changes = changes::between(repo, &mut trees, ours_root, theirs_root)?;
            check_arriving(repo, ours_root, &changes)?;
            let mut edits = Edits::new();
            for path in changes.paths {
                let bytes = changes.theirs.get(&path).cloned();
                edits.insert(path, bytes);
            }
            (
                theirs,
                edits,
                format!("disclose sync: fast-forward to {REMOTE}/{BRANCH}"),
            )
        } else {
            let base = repo.merge_base(ours, theirs).ok();
            let base_root = base.map(|b| trees.root_of(repo, b)).transpose()?;
            let changes = changes::load(repo, &mut trees, base_root, ours_root, theirs_root)?;
            drop(trees);
            check_arriving(repo, ours_root, &changes)?;
            let by = who.by();
            let rest = changes::TreeRest {
                repo,
                ours: ours_root,
                changed: &changes.paths,
            };
            let (edits, merged) = merge::merge_changes(
                &changes.base,
                &changes.ours,
                &changes.theirs,
                &rest,
                Author { at, by: &by },
                &mut rand::rng(),
            )
            .map_err(merge_error)?;
            // What the merge read is done with; the edits own their bytes.
            drop(changes);
            super::release_free_memory();
            let tree = changes::edited_tree(repo, ours_root, &edits)?;
            let message = merge_message(&merged);
            let sig =
                git2::Signature::new(&who.name, &who.email, &git2::Time::new(at.timestamp(), 0))
                    .map_err(fail)?;
            let parents = [
                &repo.find_commit(ours).map_err(fail)?,
                &repo.find_commit(theirs).map_err(fail)?,
            ];
            let tree = repo.find_tree(tree).map_err(fail)?;
            // Not on a ref yet: `main` moves only with the index and files.
            let commit = repo
                .commit(None, &sig, &sig, &message, &tree, &parents)
                .map_err(fail)?;
            merged_report = Some((commit, merged));
            (
                commit,
                edits,
                format!("disclose sync: merge {REMOTE}/{BRANCH}"),
            )
        };
        let writes: Vec<change::Write> = edits
            .into_iter()
            .map(|(path, bytes)| change::Write { path, bytes })
            .collect();
        index_accepts(&writes)?;
        let change = Change {
            head,
            commit: NewCommit::Made {
                id: target,
                message: &log,
            },
            files: writes,
            outside: Vec::new(),
        };
        // The trees the merge read are gone: so is their memory, before
        // the index is read.
        super::release_free_memory();
        change::apply(&self.env(), repo, change)?;
        report.fetched += fetched;
        if fast_forward {
            report.fast_forward = true;
        }
        if let Some((commit, merged)) = merged_report {
            report.merge_commit = Some(commit.to_string());
            extend(&mut report.merge, merged);
        }
        Ok(())
    }
}

/// The lock file that keeps two syncs of one clone apart.
const SYNC_LOCK_FILE: &str = "disclose-sync.lock";

/// The git lock files here that fetching and pushing take.
fn local_sync_locks() -> Vec<String> {
    [
        &format!("{TRACKING}.lock"),
        // Where a fetch lands before its tree is checked (`remote::fetch`).
        "refs/disclose/fetched.lock",
        "shallow.lock",
        "FETCH_HEAD.lock",
        "packed-refs.lock",
        "config.lock",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

/// The git lock files in a remote that a push takes.
fn remote_sync_locks() -> Vec<String> {
    [
        &format!("refs/heads/{BRANCH}.lock"),
        "packed-refs.lock",
        "HEAD.lock",
        "shallow.lock",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

/// The git directory of a path remote: the bare repository itself, or the
/// `.git` of a clone with a work tree.
fn remote_git_dir(dir: &Path) -> std::path::PathBuf {
    let dot_git = dir.join(".git");
    if dot_git.is_dir() {
        dot_git
    } else {
        dir.to_path_buf()
    }
}

/// Refuses, before anything moves, a remote tree that is not a whole store:
/// no `policy.json`, or a changed case file that does not parse, holds
/// another case's ID or has no events. `changes` holds every file in which
/// our tree (`ours`, a root tree) and the remote's may differ.
fn check_arriving(repo: &Repository, ours: Oid, changes: &Changes) -> Result<()> {
    let bad = |path: &str, what: String| {
        Error::store(format!(
            "{REMOTE}/{BRANCH} holds {path}, which {what}; nothing was merged or changed"
        ))
        .with_hint(
            "repair it in the clone that pushed it (a commit there, then its sync), then run \
             `disclose sync` again",
        )
    };
    let (ours_files, theirs) = (&changes.ours, &changes.theirs);
    let policy = crate::model::layout::POLICY_FILE;
    let has_policy = if changes.paths.contains(policy) {
        theirs.contains_key(policy)
    } else {
        repo.find_tree(ours)
            .map_err(|e| Error::git("read this store's tree", e))?
            .get_name(policy)
            .is_some_and(|e| e.kind() == Some(git2::ObjectType::Blob))
    };
    if !has_policy {
        return Err(Error::store(format!(
            "{REMOTE}/{BRANCH} has no {policy}, so it is not a whole case store; nothing was \
             merged or changed"
        ))
        .with_hint("check that the remote is the team's case store (`disclose remote`)"));
    }
    if let Some(bytes) = theirs.get(policy)
        && ours_files.get(policy) != Some(bytes)
    {
        super::parse_policy(Path::new(policy), bytes)
            .map_err(|e| bad(policy, format!("is not a valid policy ({e})")))?;
    }
    for (path, bytes) in theirs {
        if ours_files.get(path) == Some(bytes) {
            continue;
        }
        let Some(name) = path.strip_prefix(git::CASES) else {
            continue;
        };
        if name.contains('/') || name.starts_with('.') {
            continue;
        }
        let id = name
            .strip_suffix(".json")
            .and_then(|n| n.parse::<crate::model::id::CaseId>().ok())
            .ok_or_else(|| {
                bad(
                    path,
                    "is not named as a case file (PREFIX-YYYY-XXXXX.json)".into(),
                )
            })?;
        super::parse_case(Path::new(path), &id, bytes).map_err(|e| bad(path, e.to_string()))?;
    }
    Ok(())
}

/// Refuses paths libgit2 will not put in an index (`.git` in any spelling
/// a file system might read as `.git`, for one): they would stop the index
/// from being written after `main` had moved.
fn index_accepts(writes: &[change::Write]) -> Result<()> {
    let mut index = Index::new().map_err(|e| Error::git("check the merged paths", e))?;
    for w in writes {
        let Some(bytes) = &w.bytes else { continue };
        let entry = IndexEntry {
            ctime: IndexTime::new(0, 0),
            mtime: IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode: 0o100_644,
            uid: 0,
            gid: 0,
            file_size: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            id: Oid::hash_object(git2::ObjectType::Blob, bytes)
                .map_err(|e| Error::git("check the merged paths", e))?,
            flags: u16::try_from(w.path.len()).unwrap_or(0xfff).min(0xfff),
            flags_extended: 0,
            path: w.path.as_bytes().to_vec(),
        };
        index.add(&entry).map_err(|e| {
            Error::store(format!(
                "{REMOTE}/{BRANCH} holds {:?}, a path git will not put in an index ({}); nothing \
                 was merged or changed",
                w.path,
                e.message()
            ))
            .with_hint(
                "remove that file in the clone that pushed it, then run `disclose sync` again",
            )
        })?;
    }
    Ok(())
}

fn extend(into: &mut MergeReport, more: MergeReport) {
    into.from_remote.extend(more.from_remote);
    into.merged_cases.extend(more.merged_cases);
    into.overrides.extend(more.overrides);
    into.renumbered.extend(more.renumbered);
    into.advisories_renumbered
        .extend(more.advisories_renumbered);
    into.policy_merged |= more.policy_merged;
}

fn merge_error(err: MergeError) -> Error {
    let hint = match &err {
        MergeError::Policy(_) => {
            "nothing was merged or changed here; agree on one value, set it in policy.json on this \
             clone (a commit), then run `disclose sync` again"
        }
        MergeError::File(_) => {
            "nothing was merged or changed here; make the file the same on both sides, then sync again"
        }
        MergeError::Bad { .. } => {
            "nothing was merged or changed here; repair the file, then sync again"
        }
    };
    match err {
        MergeError::Bad { .. } => Error::store(err.to_string()).with_hint(hint),
        _ => Error::refused(err.to_string()).with_hint(hint),
    }
}

fn merge_message(report: &MergeReport) -> String {
    let mut message = format!("sync: merge {REMOTE}/{BRANCH}\n");
    let mut body = Vec::new();
    for id in &report.merged_cases {
        body.push(format!("{id}: merged edits from both sides"));
    }
    for r in &report.renumbered {
        body.push(format!(
            "{}: renumbered to {} (the ID was taken on the remote)",
            r.from, r.to
        ));
    }
    for r in &report.advisories_renumbered {
        body.push(format!(
            "{}: advisory renumbered from {} to {} ({} was published as {} first)",
            r.case, r.from, r.to, r.taken_by, r.from
        ));
    }
    for o in &report.overrides {
        body.push(o.to_string());
    }
    if report.policy_merged {
        body.push("policy.json: merged key by key".to_owned());
    }
    if !body.is_empty() {
        message.push('\n');
        message.push_str(&body.join("\n"));
        message.push('\n');
    }
    message
}

fn count_new(repo: &Repository, theirs: Oid, ours: Oid) -> Result<usize, git2::Error> {
    let mut walk = repo.revwalk()?;
    walk.push(theirs)?;
    walk.hide(ours)?;
    Ok(walk.count())
}

/// What `clone_store` did besides cloning.
#[derive(Debug, Clone, Copy)]
pub struct Cloned {
    /// The mode `dir` had when it existed and others could reach it; it is 0700 now.
    pub was_open: Option<u32>,
}

/// Clones the store at `url` into `dir`, which must be new or empty. The
/// fetched tree is checked before anything is checked out; a refused
/// clone leaves `dir` as it found it.
pub fn clone_store(url: &str, dir: &Path) -> Result<(Store, Cloned)> {
    let shown = crate::model::syntax::redact_url(url);
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| Error::io(format!("read {}", dir.display()), e))?
            .next()
            .is_some()
    {
        return Err(Error::input(format!("{} is not empty", dir.display()))
            .with_hint("clone into a new or empty directory"));
    }
    let created = !dir.exists();
    fs::create_private_dir(dir)?;
    let cleanup = |err: Error| {
        if created {
            let _ = std::fs::remove_dir_all(dir);
        } else if let Ok(entries) = std::fs::read_dir(dir) {
            // Nothing inside can be a link to follow: the directory was
            // empty, and only git wrote into it (`.git`).
            for entry in entries.flatten() {
                let _ = std::fs::remove_dir_all(entry.path())
                    .or_else(|_| std::fs::remove_file(entry.path()));
            }
        }
        err
    };
    let fetched = (|| {
        let repo = git::init(dir)?;
        remote::set_url(&repo, url)?;
        let tip = remote::fetch(&repo, url)?.ok_or_else(|| {
            Error::store(format!(
                "{shown} has no branch {BRANCH}, so it holds no case store"
            ))
            .with_hint("create one with `disclose init --remote URL` and `disclose sync`")
        })?;
        let files = tree::checked_files(&repo, tip, "the remote's")?;
        Ok((repo, tip, files))
    })();
    let (repo, tip, files) = fetched.map_err(cleanup)?;
    remote::check_out_clone(&repo, dir, tip, files).map_err(cleanup)?;
    if !super::exists(dir) {
        return Err(cleanup(Error::store(format!(
            "{shown} is a git repository but not a case store (no policy.json on main)"
        ))));
    }
    let was_open = fs::make_private(dir).map_err(cleanup)?;
    Ok((Store::open(dir)?, Cloned { was_open }))
}
