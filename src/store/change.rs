//! One change to the store, all or nothing: the commit, the index and the
//! work tree all hold it, or none does.
//!
//! The steps, each a crash point of `fault::Step`, with the store lock held:
//!
//! 1. `journal`: what the change will write, under `.git/disclose/`;
//! 2. `index-lock`: git's `index.lock`, so no git command writes the index
//!    meanwhile (one that holds it is waited for a moment);
//! 3. `objects`: blobs, trees and the commit, which no ref points at yet;
//! 4. `reserve`: room for the new index in `index.lock`, so a full disk
//!    shows before any file is touched;
//! 5. `files`: each new file written beside its target, then put in place,
//!    the file it replaces kept under a second name;
//! 6. `index`: the new index, with the placed files' stat data, in `index.lock`;
//! 7. `ref`: the branch moved from the old commit to the new one by a
//!    compare-and-swap: this is the moment the change is made;
//! 8. `index-commit`: `index.lock` becomes the index;
//! 9. `done`: the kept files and the journal removed.
//!
//! A failure before step 7 puts back every file, removes `index.lock` and
//! the journal, and leaves HEAD, index and files as they were. A process
//! killed before step 9 leaves its journal, and the next command finishes
//! the change or undoes it (`recover`). After step 7 the change is made,
//! whatever fails later.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{ObjectType, Oid, Repository, Signature, Time};

use super::fault::{self, Fault, Step};
use super::files::{self, Found, Placed};
use super::git::{self, CASES, Identity};
use super::index::{Loaded, Next};
use super::index_file::{NewEntry, Stat};
use super::journal::{self, Journal};
use super::lock::{self, Owner};
use super::state::Head;
use super::{CACHE_DIR, Notify, Visibility};
use crate::error::{Error, Result};

/// A file of the store a change writes: its new bytes, or `None` to remove it.
#[derive(Debug, Clone)]
pub(crate) struct Write {
    pub(crate) path: String,
    pub(crate) bytes: Option<Vec<u8>>,
}

/// The commit a change puts on the branch.
pub(crate) enum NewCommit<'a> {
    /// A new commit on top of the branch.
    Make {
        message: &'a str,
        who: &'a Identity,
        at: DateTime<Utc>,
    },
    /// A commit already written (a merge, or the remote's tip) whose tree is
    /// the branch's with the change's files applied.
    Made { id: Oid, message: &'a str },
}

impl NewCommit<'_> {
    fn message(&self) -> &str {
        match self {
            Self::Make { message, .. } | Self::Made { message, .. } => message,
        }
    }
}

pub(crate) struct Change<'a> {
    pub(crate) head: Head,
    pub(crate) commit: NewCommit<'a>,
    /// Sorted by path, each path once.
    pub(crate) files: Vec<Write>,
    /// Files outside the store (`publish --out`), put in place once the
    /// branch has moved.
    pub(crate) outside: Vec<OutsideFile>,
}

/// A file outside the store that a change writes (a user's path).
#[derive(Debug, Clone)]
pub(crate) struct OutsideFile {
    pub(crate) path: PathBuf,
    pub(crate) bytes: Vec<u8>,
    pub(crate) visibility: Visibility,
}

/// Where a change happens and how it reports.
pub(crate) struct Env<'a> {
    pub(crate) root: &'a Path,
    pub(crate) notify: &'a Notify,
    pub(crate) fault: Option<Fault>,
}

impl Env<'_> {
    pub(crate) fn git_dir(&self) -> PathBuf {
        self.root.join(".git")
    }
}

/// Makes `change` and returns the commit the branch now points at.
pub(crate) fn apply(env: &Env<'_>, repo: &Repository, change: Change<'_>) -> Result<Oid> {
    let Change {
        head,
        commit,
        files,
        outside,
    } = change;
    let git_dir = env.git_dir();
    let message = commit.message().to_owned();
    let hash = |bytes: &Vec<u8>| {
        Oid::hash_object(ObjectType::Blob, bytes).map_err(|e| Error::git("hash a file", e))
    };
    let new_ids = files
        .iter()
        .map(|f| f.bytes.as_ref().map(hash).transpose())
        .collect::<Result<Vec<_>>>()?;
    // What the work tree holds now. A file that already holds what the
    // change writes (a template written by hand and now shared) is left
    // untouched: the change only commits it, so undoing the change can
    // never take the hand-written file away.
    let found = files
        .iter()
        .map(|f| files::found(env.root, &f.path))
        .collect::<Result<Vec<_>>>()?;
    let untouched: Vec<bool> = found
        .iter()
        .zip(&new_ids)
        .map(|(found, new)| *found == Found::of_blob(*new))
        .collect();
    let tx = journal::new_tx();
    let outside: Vec<Outside> = outside
        .into_iter()
        .map(|file| {
            let name = file
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let temp = file
                .path
                .parent()
                .unwrap_or(Path::new("."))
                .join(format!(".disclose-{tx}-{name}"));
            Outside { file, temp }
        })
        .collect();
    let record = Journal {
        owner: Owner::me(),
        tx: tx.clone(),
        message: message.lines().next().unwrap_or_default().to_owned(),
        branch: head.branch.clone(),
        old: head.commit.map(|id| id.to_string()),
        files: files
            .iter()
            .zip(&new_ids)
            .zip(&untouched)
            .map(|((f, id), untouched)| journal::File {
                path: f.path.clone(),
                new: id.map(|id| id.to_string()),
                untouched: *untouched,
            })
            .collect(),
        outside: outside
            .iter()
            .map(|o| journal::Outside {
                path: o.file.path.clone(),
                temp: o.temp.clone(),
            })
            .collect(),
    };
    fault::step(env.fault, Step::Journal, || record.write(&git_dir))?;
    let head_tree = match head.commit {
        Some(id) => Some(
            repo.find_commit(id)
                .and_then(|c| c.tree())
                .map_err(|e| Error::git("read the last commit", e))?,
        ),
        None => None,
    };
    let mut undo = Undo {
        env,
        repo,
        head_tree: head_tree.as_ref(),
        locked: false,
        temps: Vec::new(),
        dirs: Vec::new(),
        placed: Vec::new(),
    };
    let work = Work {
        env,
        repo,
        head: &head,
        head_tree: head_tree.as_ref(),
        commit: &commit,
        files: &files,
        new_ids: &new_ids,
        found: &found,
        untouched: &untouched,
        outside: &outside,
        tx: &tx,
    };
    let made = match work.run(&mut undo) {
        Ok(made) => made,
        Err(err) => {
            undo.rollback();
            return Err(err);
        }
    };
    // The branch has moved: the change is made, whatever fails from here.
    let index_path = git_dir.join("index");
    let lock_path = git_dir.join("index.lock");
    let committed = fault::step(env.fault, Step::IndexCommit, || {
        std::fs::rename(&lock_path, &index_path)
            .map_err(|e| Error::io(format!("replace {}", index_path.display()), e))
    });
    let mut finished = true;
    if let Err(e) = committed {
        let _ = std::fs::remove_file(&lock_path);
        (env.notify)(&format!(
            "the change is committed, but the index could not be brought up to date ({e}); \
             the next disclose command will do it"
        ));
        finished = false;
    }
    for o in &outside {
        if let Err(e) = std::fs::rename(&o.temp, &o.file.path) {
            let _ = std::fs::remove_file(&o.temp);
            (env.notify)(&format!(
                "the change is committed, but {} could not be written: {e}",
                o.file.path.display()
            ));
        }
    }
    for placed in &undo.placed {
        placed.forget();
    }
    if finished {
        fault::step(env.fault, Step::Done, || Journal::remove(&git_dir)).unwrap_or_else(|e| {
            (env.notify)(&format!("{e}; the next disclose command will clear it"));
        });
    }
    Ok(made)
}

struct Outside {
    file: OutsideFile,
    temp: PathBuf,
}

/// The steps of a change up to the moment the branch moves.
struct Work<'a> {
    env: &'a Env<'a>,
    repo: &'a Repository,
    head: &'a Head,
    head_tree: Option<&'a git2::Tree<'a>>,
    commit: &'a NewCommit<'a>,
    files: &'a [Write],
    new_ids: &'a [Option<Oid>],
    found: &'a [Found],
    untouched: &'a [bool],
    outside: &'a [Outside],
    tx: &'a str,
}

impl Work<'_> {
    fn run(&self, undo: &mut Undo<'_>) -> Result<Oid> {
        let env = self.env;
        let git_dir = env.git_dir();
        let lock_path = git_dir.join("index.lock");
        let mut lock = fault::step(env.fault, Step::IndexLock, || {
            lock::take_git_lock(&lock_path, &git_dir, None, env.notify)
        })?;
        undo.locked = true;
        let loaded = Loaded::read(&git_dir.join("index"))
            .map_err(|e| Error::git("read the store's index", e))?;
        refuse_hand_edits(
            env.root,
            self.head_tree,
            &loaded,
            self.files,
            self.found,
            self.new_ids,
        )?;
        let (made, mut next) = fault::step(env.fault, Step::Objects, || {
            build(
                self.repo,
                self.head,
                self.head_tree,
                loaded,
                self.files,
                self.new_ids,
                self.commit,
            )
            .map_err(|e| Error::git(format!("commit \"{}\"", self.commit.message()), e))
        })?;

        // New contents beside their targets, then room for the index.
        for (n, file) in self.files.iter().enumerate() {
            let Some(bytes) = &file.bytes else { continue };
            if self.untouched[n] {
                continue;
            }
            let path = env.root.join(&file.path);
            let made_dirs = files::make_parents(&path)
                .map_err(|e| Error::io(format!("create the directory of {}", path.display()), e))?;
            undo.dirs.extend(made_dirs);
            let (temp, _) = journal::temp_names(path.parent().unwrap_or(env.root), self.tx, n);
            undo.temps.push(temp.clone());
            files::write_new(&temp, bytes, true)
                .map_err(|e| Error::io(format!("write {}", path.display()), e))?;
        }
        for o in self.outside {
            let path = &o.file.path;
            let public = o.file.visibility == Visibility::WorldReadable;
            let made_dirs = files::make_parents_with(path, if public { 0o755 } else { 0o700 })
                .map_err(|e| Error::io(format!("create the directory of {}", path.display()), e))?;
            undo.dirs.extend(made_dirs);
            undo.temps.push(o.temp.clone());
            let io = |e| Error::io(format!("write {}", path.display()), e);
            files::write_new(&o.temp, &o.file.bytes, true).map_err(io)?;
            if public {
                files::make_readable(&o.temp).map_err(io)?;
            }
        }
        fault::step(env.fault, Step::Reserve, || match next.len() {
            Some(len) => files::reserve(&lock, len)
                .map_err(|e| Error::io(format!("write {}", lock_path.display()), e)),
            None => Ok(()),
        })?;

        // Into place, each replaced file kept aside until the change is made.
        for (n, file) in self.files.iter().enumerate() {
            let path = env.root.join(&file.path);
            if !self.untouched[n] {
                let (temp, keep) =
                    journal::temp_names(path.parent().unwrap_or(env.root), self.tx, n);
                let temp = file.bytes.as_ref().map(|_| temp.as_path());
                let placed = files::place(&path, temp, &keep)
                    .map_err(|e| Error::io(format!("write {}", path.display()), e))?;
                undo.placed.push(placed);
            }
            if file.bytes.is_some() {
                let meta = std::fs::symlink_metadata(&path)
                    .map_err(|e| Error::io(format!("read {}", path.display()), e))?;
                next.set_stat(&file.path, &Stat::of(&meta));
            }
            if n == 0 {
                fault::step(env.fault, Step::Files, || Ok(()))?;
            }
        }
        if self.files.is_empty() {
            fault::step(env.fault, Step::Files, || Ok(()))?;
        }
        let scratch = git_dir.join(CACHE_DIR).join("index.new");
        fault::step(env.fault, Step::Index, || {
            next.write(&mut lock, &lock_path, &scratch)
                .map_err(|e| Error::io(format!("write {}", lock_path.display()), e))
        })?;
        fault::step(env.fault, Step::Ref, || {
            move_ref(self.repo, &git_dir, self.head, made, self.commit).or_else(|e| {
                // An error after the branch moved (a log that could not be
                // written) is no failure of the change: it is made.
                if self.repo.refname_to_id(&self.head.branch).ok() == Some(made) {
                    Ok(())
                } else {
                    Err(e)
                }
            })
        })?;
        Ok(made)
    }
}

/// What to put back if a change fails before its branch moves.
struct Undo<'a> {
    env: &'a Env<'a>,
    repo: &'a Repository,
    head_tree: Option<&'a git2::Tree<'a>>,
    /// Whether this change created `index.lock`.
    locked: bool,
    temps: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    placed: Vec<Placed>,
}

impl Undo<'_> {
    fn rollback(&mut self) {
        let root = self.env.root;
        let mut whole = true;
        for placed in self.placed.drain(..).rev() {
            let old = || {
                let rel = placed.path.strip_prefix(root).ok()?;
                let entry = self.head_tree?.get_path(rel).ok()?;
                Some(self.repo.find_blob(entry.id()).ok()?.content().to_vec())
            };
            if placed.undo(old).is_err() {
                whole = false;
            }
        }
        for temp in self.temps.drain(..) {
            let _ = files::remove_if_there(&temp);
        }
        for dir in self.dirs.drain(..).rev() {
            let _ = std::fs::remove_dir(dir);
        }
        let git_dir = self.env.git_dir();
        if std::mem::take(&mut self.locked) {
            let _ = files::remove_if_there(&git_dir.join("index.lock"));
        }
        if whole {
            let _ = Journal::remove(&git_dir);
        } else {
            (self.env.notify)(
                "the failed change could not put every file back; the next disclose command will",
            );
        }
    }
}

/// The commit and the index of a change.
fn build(
    repo: &Repository,
    head: &Head,
    head_tree: Option<&git2::Tree<'_>>,
    loaded: Loaded,
    files: &[Write],
    new_ids: &[Option<Oid>],
    commit: &NewCommit<'_>,
) -> std::result::Result<(Oid, Next), git2::Error> {
    for (file, id) in files.iter().zip(new_ids) {
        if let (Some(bytes), Some(id)) = (&file.bytes, id)
            && repo.blob(bytes)? != *id
        {
            return Err(git2::Error::from_str("a blob was written under another id"));
        }
    }
    let changes: Vec<NewEntry<'_>> = files
        .iter()
        .zip(new_ids)
        .map(|(f, id)| NewEntry {
            path: &f.path,
            staged: *id,
        })
        .collect();
    let loaded = match fast(repo, head, head_tree, loaded, files, &changes, commit)? {
        Ok(done) => return Ok(done),
        Err(loaded) => loaded,
    };
    let index_is_head = match head_tree {
        Some(tree) => loaded.cached_tree("") == Some(tree.id()),
        None => loaded.is_empty(),
    };
    let (made, tree_id) = match commit {
        NewCommit::Made { id, .. } => (*id, repo.find_commit(*id)?.tree_id()),
        NewCommit::Make {
            message, who, at, ..
        } => {
            let mut update = git2::build::TreeUpdateBuilder::new();
            // The `cases` tree is spliced raw when it can be (as `fast`
            // does), so the update reads only the small trees around it.
            let cases = spliced_cases(repo, head_tree, files, new_ids)?;
            for (file, id) in files.iter().zip(new_ids) {
                if cases.is_some() && file.path.starts_with(CASES) {
                    continue;
                }
                match id {
                    Some(id) => update.upsert(file.path.as_str(), *id, git2::FileMode::Blob),
                    None => update.remove(file.path.as_str()),
                };
            }
            if let Some(cases) = cases {
                update.upsert("cases", cases, git2::FileMode::Tree);
            }
            let empty;
            let baseline = match head_tree {
                Some(tree) => tree,
                None => {
                    empty = repo.find_tree(repo.treebuilder(None)?.write()?)?;
                    &empty
                }
            };
            let tree_id = update.create_updated(repo, baseline)?;
            (
                make_commit(repo, head, tree_id, message, who, *at)?,
                tree_id,
            )
        }
    };
    let touches_cases = files.iter().any(|f| f.path.starts_with(CASES));
    let next = match loaded {
        Loaded::Raw(raw) => match raw.with(&changes) {
            Some(edited) => {
                let mut dirs = Vec::new();
                if touches_cases {
                    let tree = repo.find_tree(tree_id)?;
                    let committed = tree.get_name("cases").map(|e| e.id());
                    let valid = edited.tree_of("cases").and_then(|(bytes, count)| {
                        let id = Oid::hash_object(ObjectType::Tree, &bytes).ok()?;
                        (Some(id) == committed).then_some((id, count))
                    });
                    dirs.push(("cases", valid));
                }
                Next::raw(edited, &changes, index_is_head.then_some(tree_id), &dirs)
            }
            None => Loaded::Git2(git2::Index::open(&repo.path().join("index"))?)
                .edit(&changes, None, &[])
                .ok_or_else(|| git2::Error::from_str("the index cannot be edited"))?,
        },
        git2 @ Loaded::Git2(_) => git2
            .edit(&changes, None, &[])
            .ok_or_else(|| git2::Error::from_str("the index cannot be edited"))?,
    };
    Ok((made, next))
}

/// The new `cases` tree of a change whose files in `cases/` are all case
/// files, written from the last commit's raw tree; `None` when there is
/// none to splice (no such file, no `cases` tree, or anything but plain
/// files in it), and the tree update is left to libgit2.
fn spliced_cases(
    repo: &Repository,
    head_tree: Option<&git2::Tree<'_>>,
    files: &[Write],
    new_ids: &[Option<Oid>],
) -> std::result::Result<Option<Oid>, git2::Error> {
    let in_cases: Vec<String> = files
        .iter()
        .filter(|f| f.path.starts_with(CASES))
        .map(|f| f.path.clone())
        .collect();
    if in_cases.is_empty() || !in_cases.iter().all(|p| git::is_case_file(p)) {
        return Ok(None);
    }
    let Some(head_cases) = head_tree
        .and_then(|t| t.get_name("cases"))
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .map(|e| e.id())
    else {
        return Ok(None);
    };
    let staged = |path: &str| {
        files
            .iter()
            .zip(new_ids)
            .find(|(f, _)| f.path == path)
            .and_then(|(_, id)| *id)
    };
    match git::spliced_cases(repo, staged, head_cases, &in_cases)? {
        Some(tree) => git::write_tree_stored(repo, &tree).map(Some),
        None => Ok(None),
    }
}

/// The usual change, made without reading the store's whole tree: only
/// files directly in `cases/` change, and the index is a layout
/// `index_file` edits. The new `cases` tree comes from the index when git
/// marked the index's `cases/` entries as the last commit's, else from the
/// last commit's raw tree. `Err(loaded)` hands the index back when this
/// does not apply.
fn fast(
    repo: &Repository,
    head: &Head,
    head_tree: Option<&git2::Tree<'_>>,
    loaded: Loaded,
    files: &[Write],
    changes: &[NewEntry<'_>],
    commit: &NewCommit<'_>,
) -> std::result::Result<std::result::Result<(Oid, Next), Loaded>, git2::Error> {
    let (
        Loaded::Raw(raw),
        Some(head_tree),
        NewCommit::Make {
            message, who, at, ..
        },
    ) = (&loaded, head_tree, commit)
    else {
        return Ok(Err(loaded));
    };
    if files.is_empty() || !files.iter().all(|f| git::is_case_file(&f.path)) {
        return Ok(Err(loaded));
    }
    let Some(head_cases) = head_tree
        .get_name("cases")
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .map(|e| e.id())
    else {
        return Ok(Err(loaded));
    };
    // What the index says it holds, per git's cached trees.
    let index_is_head = raw.cached_tree("") == Some(head_tree.id());
    let cases_are_head = raw.cached_tree("cases") == Some(head_cases);
    let Some(edited) = raw.with(changes) else {
        return Ok(Err(loaded));
    };
    let Some((from_index, count)) = edited.tree_of("cases") else {
        return Ok(Err(loaded));
    };
    // Otherwise the parent's tree is edited, and the index is known to
    // match it only if both come out the same.
    let (cases, cases_valid) = if cases_are_head {
        (from_index, true)
    } else {
        let staged = |path: &str| {
            changes
                .iter()
                .find(|c| c.path == path)
                .and_then(|c| c.staged)
        };
        let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        let Some(spliced) = git::spliced_cases(repo, staged, head_cases, &paths)? else {
            return Ok(Err(loaded));
        };
        let same = spliced == from_index;
        (spliced, same)
    };
    let cases_id = git::write_tree_stored(repo, &cases)?;
    drop(cases);
    let tree_id = git::with_cases(repo, head_tree, cases_id)?;
    let made = make_commit(repo, head, tree_id, message, who, *at)?;
    let next = Next::raw(
        edited,
        changes,
        index_is_head.then_some(tree_id),
        &[("cases", cases_valid.then_some((cases_id, count)))],
    );
    Ok(Ok((made, next)))
}

fn make_commit(
    repo: &Repository,
    head: &Head,
    tree: Oid,
    message: &str,
    who: &Identity,
    at: DateTime<Utc>,
) -> std::result::Result<Oid, git2::Error> {
    let tree = repo.find_tree(tree)?;
    let sig = Signature::new(&who.name, &who.email, &Time::new(at.timestamp(), 0))?;
    let parent = head.commit.map(|id| repo.find_commit(id)).transpose()?;
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(None, &sig, &sig, message, &tree, &parents)
}

/// Moves the branch from where the change found it to `to`, only if it is
/// still there.
fn move_ref(
    repo: &Repository,
    git_dir: &Path,
    head: &Head,
    to: Oid,
    commit: &NewCommit<'_>,
) -> Result<()> {
    let summary = commit.message().lines().next().unwrap_or_default();
    let log = match (commit, head.commit) {
        (NewCommit::Made { .. }, _) => summary.to_owned(),
        (NewCommit::Make { .. }, None) => format!("commit (initial): {summary}"),
        (NewCommit::Make { .. }, Some(_)) => format!("commit: {summary}"),
    };
    let moved = match head.commit {
        Some(old) => repo.reference_matching(&head.branch, to, true, old, &log),
        None => repo.reference(&head.branch, to, false, &log),
    };
    match moved {
        Ok(_) => Ok(()),
        Err(e) if e.code() == git2::ErrorCode::Locked => Err(lock::locked(
            &git_dir.join(format!("{}.lock", head.branch)),
            git_dir,
        )),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::Modified | git2::ErrorCode::Exists
            ) =>
        {
            Err(Error::store(format!(
                "{} moved while this change was being made (another program committed); \
                 nothing was changed",
                head.branch
            ))
            .with_hint("run the command again"))
        }
        Err(e) => Err(Error::git(
            format!("move {} to the new commit", head.branch),
            e,
        )),
    }
}

/// Refuses to overwrite a file that differs from the last commit, in the
/// work tree or staged in the index: that is an edit made by hand, and
/// writing over it would lose it.
fn refuse_hand_edits(
    root: &Path,
    head_tree: Option<&git2::Tree<'_>>,
    loaded: &Loaded,
    files: &[Write],
    found: &[Found],
    new_ids: &[Option<Oid>],
) -> Result<()> {
    // When git marked the index's `cases/` entries as the last commit's,
    // the index gives the committed blobs without reading the tree.
    let cases_in_index = head_tree
        .and_then(|t| t.get_name("cases").map(|e| e.id()))
        .is_some_and(|id| loaded.cached_tree("cases") == Some(id));
    let mut edits = Vec::new();
    for ((file, found), new) in files.iter().zip(found).zip(new_ids) {
        let found = *found;
        let committed = if cases_in_index && git::is_case_file(&file.path) {
            loaded.entry_id(&file.path)
        } else {
            head_tree
                .and_then(|t| t.get_path(Path::new(&file.path)).ok())
                .map(|e| e.id())
        };
        let in_index = loaded.entry_id(&file.path);
        // Already what the change writes, in the work tree and the index:
        // committing it loses nothing.
        let written = found == Found::of_blob(*new);
        let what = if found == Found::Other {
            Some("not a plain file")
        } else if written && (in_index == committed || in_index == *new) {
            None
        } else if in_index != committed {
            Some(if found == Found::of_blob(in_index) {
                "staged"
            } else {
                "edited and staged"
            })
        } else if found != Found::of_blob(committed) {
            Some(if found == Found::Missing {
                "deleted"
            } else {
                "edited"
            })
        } else {
            None
        };
        if let Some(what) = what {
            edits.push(HandEdit {
                path: file.path.clone(),
                what,
                committed: committed.is_some(),
            });
        }
    }
    if edits.is_empty() {
        Ok(())
    } else {
        Err(hand_edits(root, &edits, "this command would change"))
    }
}

/// A file that differs from the last commit by hand.
pub(crate) struct HandEdit {
    pub(crate) path: String,
    pub(crate) what: &'static str,
    /// Whether the last commit has the file.
    pub(crate) committed: bool,
}

/// The refusal for hand edits, with the git commands that keep or drop them.
pub(crate) fn hand_edits(root: &Path, edits: &[HandEdit], whose: &str) -> Error {
    let git = format!("git -C {}", lock::shell_quote(&root.display().to_string()));
    let list: Vec<String> = edits
        .iter()
        .map(|e| format!("{} ({})", e.path, e.what))
        .collect();
    let quoted = |keep: &dyn Fn(&HandEdit) -> bool| {
        edits
            .iter()
            .filter(|e| keep(e))
            .map(|e| lock::shell_quote(&e.path))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let all = quoted(&|_| true);
    let in_commit = quoted(&|e| e.committed);
    let new = quoted(&|e| !e.committed);
    let mut drop = Vec::new();
    if !in_commit.is_empty() {
        drop.push(format!("`{git} checkout HEAD -- {in_commit}`"));
    }
    if !new.is_empty() {
        drop.push(format!(
            "`{git} rm -q --cached --ignore-unmatch -- {new} && rm -f -- {new}`"
        ));
    }
    Error::refused(format!(
        "files {whose} have changes that are not committed, made by hand: {}",
        list.join(", ")
    ))
    .with_hint(format!(
        "keep them with `{git} add -A -- {all} && {git} commit -m 'Edit by hand'`, or drop them \
         with {}; then run the command again",
        drop.join(" and ")
    ))
}
