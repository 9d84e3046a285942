//! The case store: a private git repository of JSON files.
//!
//! ```text
//! <store>/policy.json              the team's promises
//! <store>/cases/<ID>.json          one case a file
//! <store>/advisories/<public id>/  what `publish` wrote
//! <store>/attachments/<ID>/        files that came with a report
//! <store>/templates/<name>.txt     overrides of the reply drafts
//! ```
//!
//! Every change goes through `Store::transaction`: take the lock, read, build
//! the new bytes in memory, then make them one commit, all or nothing (see
//! `change` for the steps, `recover` for what the next command does after a
//! change was killed).

mod cache;
mod change;
mod changes;
mod checkout;
mod diff;
pub mod fault;
mod files;
mod fs;
mod git;
mod index;
mod index_file;
mod journal;
mod lock;
mod numbers;
mod object_copy;
mod pack;
mod pack_read;
mod path_remote;
mod recover;
mod remote;
mod state;
mod summaries;
mod sync;
mod team;
pub(crate) mod tls;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Datelike as _, Utc};

pub use fault::Fault;
pub use fs::{Visibility, create_out_dir, write_out};
pub use git::Identity;
pub use remote::{REMOTE, Unpushed};
pub use summaries::Summaries;
pub use sync::{Cloned, PUSH_ATTEMPTS, Stage, SyncOptions, SyncReport, clone_store};
pub use team::{
    PathRemote, RemoteHead, STORE_BRANCH, TEMPLATES_DIR, create_bare_remote, inspect, local_path,
};

use crate::error::{Error, Result};
use crate::model::case::{Case, CaseFields};
use crate::model::id::{CaseId, CaseRef};
use crate::model::policy::Policy;

pub use crate::model::layout::{ADVISORIES_DIR, CASES_DIR, POLICY_FILE, to_json_bytes};
const LOCK_FILE: &str = "disclose.lock";
/// Under `.git/`, so it is never committed.
const CACHE_DIR: &str = "disclose";

/// Where the store reports what it did on its own (a lock taken over, an
/// interrupted change repaired): the caller's warning printer.
pub type Notify = Arc<dyn Fn(&str) + Send + Sync>;

/// How a store is opened.
#[derive(Clone, Default)]
pub struct Options {
    /// A crash point for the fault-injection tests (`DISCLOSE_FAULT`).
    pub fault: Option<Fault>,
    /// Where notices go; nowhere when `None`.
    pub notify: Option<Notify>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("fault", &self.fault)
            .finish_non_exhaustive()
    }
}

impl Options {
    fn notify(&self) -> Notify {
        self.notify.clone().unwrap_or_else(|| Arc::new(|_| {}))
    }
}

/// An opened store.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    policy: Policy,
    opts: Options,
    notify: NotifyDebug,
}

/// `Notify`, printable in `Store`'s `Debug`.
#[derive(Clone)]
struct NotifyDebug(Notify);

impl std::fmt::Debug for NotifyDebug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Notify")
    }
}

/// Whether a change to the store at `root` was interrupted and waits to be
/// repaired (which opening the store does).
pub fn interrupted(root: &Path) -> bool {
    recover::pending(root)
}

/// Repairs an interrupted change in the store at `root`, if there is one,
/// under the store lock (see `recover`).
pub fn repair(root: &Path, opts: &Options) -> Result<()> {
    if !recover::pending(root) {
        return Ok(());
    }
    let notify = opts.notify();
    let env = change::Env {
        root,
        notify: &notify,
        fault: opts.fault,
    };
    let _lock = lock::StoreLock::acquire(&root.join(".git").join(LOCK_FILE), &notify)?;
    recover::recover(&env)
}

/// Whether `root` holds a store (a policy file in a git work tree). A
/// policy file that is a link counts, so opening the store names the link.
pub fn exists(root: &Path) -> bool {
    matches!(probe(root), Ok(true))
}

/// Whether `root` holds a store. `Ok(false)` when nothing of one is there
/// yet: no directory, or one without `policy.json`, `cases/` or a commit.
/// A store missing a piece, or a path that is a file, is an error naming it.
pub fn probe(root: &Path) -> Result<bool> {
    let meta = match std::fs::metadata(root) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(format!("read {}", root.display()), e)),
    };
    if !meta.is_dir() {
        return Err(Error::store(format!(
            "{} is a file, not a case store (a store is a directory)",
            root.display()
        ))
        .with_hint("point --dir or DISCLOSE_DIR at the store's directory"));
    }
    let policy = root.join(POLICY_FILE);
    let has_policy = std::fs::symlink_metadata(&policy).is_ok();
    let has_cases = root.join(CASES_DIR).is_dir();
    let repo = root.join(".git");
    let has_repo = repo.exists();
    let committed = has_repo
        && git2::Repository::open(root)
            .ok()
            .is_some_and(|r| r.head().is_ok());
    match (has_policy, has_repo) {
        (true, true) => Ok(true),
        (true, false) => Err(Error::store(format!(
            "{} has a {POLICY_FILE} but no git repository (.git): it is not a case store",
            root.display()
        ))
        .with_hint("point --dir at the store itself, a clone made with `disclose clone`")),
        (false, _) if has_cases || committed => {
            let git = format!("git -C {}", lock::shell_quote(&root.display().to_string()));
            let in_head = committed
                && git2::Repository::open(root)
                    .ok()
                    .and_then(|r| {
                        r.head()
                            .ok()?
                            .peel_to_tree()
                            .ok()?
                            .get_name(POLICY_FILE)
                            .map(drop)
                    })
                    .is_some();
            let hint = if in_head {
                format!(
                    "it is in the last commit: restore it with `{git} checkout HEAD -- {POLICY_FILE}`"
                )
            } else {
                "a store needs its policy beside cases/: restore policy.json from a backup or a \
                 clone, or create a new store with `disclose init --dir PATH`"
                    .to_owned()
            };
            Err(Error::store(format!(
                "{} is missing: {} holds {} but no policy, so it is not a whole case store",
                policy.display(),
                root.display(),
                if has_cases {
                    "cases/"
                } else {
                    "a git repository"
                }
            ))
            .with_hint(hint))
        }
        (false, _) => Ok(false),
    }
}

impl Store {
    /// Opens the store at `root`; it must exist.
    pub fn open(root: &Path) -> Result<Self> {
        Self::open_with(root, Options::default())
    }

    /// Opens the store at `root`, first repairing an interrupted change.
    pub fn open_with(root: &Path, opts: Options) -> Result<Self> {
        let notify = opts.notify();
        repair(root, &opts)?;
        if !probe(root)? {
            return Err(Error::store(format!(
                "{} is not a disclose store (no {POLICY_FILE} in a git repository)",
                root.display()
            ))
            .with_hint("create one with `disclose init --dir PATH`"));
        }
        let policy = read_policy(root)?;
        Ok(Self {
            root: root.to_path_buf(),
            policy,
            opts,
            notify: NotifyDebug(notify),
        })
    }

    /// The same store opened again (after a sync changed its policy).
    pub fn reopen(&self) -> Result<Self> {
        Self::open_with(&self.root, self.opts.clone())
    }

    fn env(&self) -> change::Env<'_> {
        change::Env {
            root: &self.root,
            notify: &self.notify.0,
            fault: self.opts.fault,
        }
    }

    /// Creates a store at `root` with `policy` and commits it. The root is
    /// made private (0700) even when it existed; the mode it had then, if
    /// others could reach it, comes back with the store.
    ///
    /// Refuses a directory inside another repository's work tree unless
    /// `allow_nested`, because a case committed there (say, the public
    /// project repository) leaks; and refuses a non-empty directory that is
    /// not a store, so a mistyped `--dir` cannot turn a folder into one.
    pub fn create(
        root: &Path,
        policy: &Policy,
        allow_nested: bool,
        who: &Identity,
        at: DateTime<Utc>,
    ) -> Result<(Self, Option<u32>)> {
        Self::create_with(root, policy, allow_nested, who, at, Options::default())
    }

    /// `create`, with the options `open_with` takes.
    pub fn create_with(
        root: &Path,
        policy: &Policy,
        allow_nested: bool,
        who: &Identity,
        at: DateTime<Utc>,
        opts: Options,
    ) -> Result<(Self, Option<u32>)> {
        let notify = opts.notify();
        repair(root, &opts)?;
        if exists(root) {
            return Err(Error::refused(format!(
                "a case store already exists at {}",
                root.display()
            ))
            .with_hint("edit its policy with `disclose policy`, or pick another --dir"));
        }
        if let Some(work_tree) = git::enclosing_work_tree(root) {
            let own = root.exists() && same_dir(&work_tree, root);
            if !own && !allow_nested {
                return Err(Error::refused(format!(
                    "{} is inside the git work tree of {}; a case committed there could leak \
                     (for example into a public project repository)",
                    root.display(),
                    work_tree.display()
                ))
                .with_hint("choose a directory outside any repository, or pass --allow-nested if that repository is private too"));
            }
        }
        if root.exists() && !is_empty_dir(root)? {
            return Err(Error::input(format!(
                "{} is not empty and is not a case store",
                root.display()
            ))
            .with_hint("point --dir at a new or empty directory"));
        }
        fs::create_private_dir(root)?;
        let was_open = fs::make_private(root)?;
        let repo = match git::enclosing_work_tree(root) {
            Some(w) if same_dir(&w, root) => git::open(root)?,
            _ => git::init(root)?,
        };
        let store = Self {
            root: root.to_path_buf(),
            policy: policy.clone(),
            opts: opts.clone(),
            notify: NotifyDebug(notify),
        };
        let writes = BTreeMap::from([
            (POLICY_FILE.to_owned(), Some(to_json_bytes(policy))),
            (format!("{CASES_DIR}/.keep"), Some(Vec::new())),
        ]);
        let git_dir = root.join(".git");
        let lock = fault::step(opts.fault, fault::Step::Lock, || {
            lock::StoreLock::acquire(&git_dir.join(LOCK_FILE), &store.notify.0)
        })?;
        let head = state::head_for_change(&repo, root)?;
        store.commit(
            &repo,
            head,
            writes,
            Vec::new(),
            "init: create case store",
            who,
            at,
        )?;
        drop(lock);
        Ok((Self::open_with(root, opts)?, was_open))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn case_path(&self, id: &CaseId) -> PathBuf {
        self.root.join(CASES_DIR).join(id.file_name())
    }

    /// The commit identity, from this store's git config and then the fallbacks.
    pub fn identity(&self, name: Option<&str>, email: Option<&str>) -> Result<Identity> {
        let repo = git::open(&self.root)?;
        git::identity(Some(&repo), name, email)
    }

    /// The IDs of every case file, sorted. Files in `cases/` whose names are
    /// not case IDs come back as errors, so nothing is skipped silently.
    pub fn case_ids(&self) -> Result<(Vec<CaseId>, Vec<Error>)> {
        match fs::open(&self.root, CASES_DIR)? {
            Some(cases) => self.ids_in(&cases).map(|(ids, odd, _)| (ids, odd)),
            None => Ok(Default::default()),
        }
    }

    /// `case_ids` from `cases/`, opened by the caller, and the temporary
    /// files an interrupted write left there (`.disclose-*`).
    fn ids_in(&self, cases: &fs::OpenDir) -> Result<(Vec<CaseId>, Vec<Error>, Vec<PathBuf>)> {
        let entries = cases.list()?;
        let dir = self.root.join(CASES_DIR);
        let mut ids = Vec::new();
        let mut odd = Vec::new();
        let mut leftovers = Vec::new();
        for entry in entries {
            let name = entry.name.to_string_lossy();
            if journal::is_temp_name(&name) && entry.kind == fs::Kind::File {
                leftovers.push(dir.join(&entry.name));
            }
            if name.starts_with('.') {
                continue;
            }
            match name.strip_suffix(".json").map(str::parse::<CaseId>) {
                Some(Ok(_)) if entry.kind == fs::Kind::Link => {
                    odd.push(fs::link_error(&dir.join(&entry.name)));
                }
                Some(Ok(id)) => ids.push(id),
                _ => odd.push(Error::store(format!(
                    "{}: not a case file (expected cases/PREFIX-YYYY-XXXXX.json)",
                    dir.join(&entry.name).display()
                ))),
            }
        }
        ids.sort();
        Ok((ids, odd, leftovers))
    }

    /// Removes temporary files a killed command left (one that predates the
    /// journal, or a writer outside the tool), if no change is in flight.
    fn sweep(&self, leftovers: &[PathBuf]) {
        let git_dir = self.root.join(".git");
        let Some(_lock) = lock::StoreLock::try_acquire(&git_dir.join(LOCK_FILE), &self.notify.0)
        else {
            return;
        };
        if recover::pending(&self.root) {
            return;
        }
        let removed: Vec<String> = leftovers
            .iter()
            .filter(|p| files::remove_if_there(p).unwrap_or(false))
            .filter_map(|p| p.strip_prefix(&self.root).ok())
            .map(|p| p.display().to_string())
            .collect();
        if !removed.is_empty() {
            (self.notify.0)(&format!(
                "removed temporary files an interrupted write left behind: {}",
                removed.join(", ")
            ));
        }
    }

    /// Reads one case.
    pub fn read(&self, id: &CaseId) -> Result<Case> {
        let bytes = fs::read(&self.root, &case_rel(id))?.ok_or_else(|| self.no_such_case(id))?;
        parse_case(&self.case_path(id), id, &bytes)
    }

    /// Reads a file of the store that need not exist (a template), refusing
    /// one over `limit` bytes. `rel` is built by the caller from fixed parts.
    pub fn read_file(&self, rel: &str, limit: u64) -> Result<Option<Vec<u8>>> {
        fs::read_limited(&self.root, rel, limit)
    }

    /// Reads every case; broken files are returned beside the readable ones.
    pub fn read_all(&self) -> Result<(Vec<Case>, Vec<Error>)> {
        let Some(dir) = fs::open(&self.root, CASES_DIR)? else {
            return Ok(Default::default());
        };
        let (ids, mut errors, _) = self.ids_in(&dir)?;
        let mut cases = Vec::with_capacity(ids.len());
        for id in ids {
            let read = dir
                .read(&id.file_name())
                .and_then(|bytes| bytes.ok_or_else(|| self.no_such_case(&id)))
                .and_then(|bytes| parse_case(&self.case_path(&id), &id, &bytes));
            match read {
                Ok(case) => cases.push(case),
                Err(e) => errors.push(e),
            }
        }
        Ok((cases, errors))
    }

    /// A case's projected fields without its history, for listings.
    pub fn read_fields(&self, id: &CaseId) -> Result<CaseFields> {
        let bytes = fs::read(&self.root, &case_rel(id))?.ok_or_else(|| self.no_such_case(id))?;
        parse_fields(&self.case_path(id), id, &bytes)
    }

    /// Turns what the user typed into the ID of an existing case.
    pub fn resolve(&self, typed: &CaseRef) -> Result<CaseId> {
        if let CaseRef::Full(id) = typed {
            return match fs::kind(&self.root, &case_rel(id))? {
                Some(fs::Kind::File) => Ok(id.clone()),
                Some(_) => fs::read(&self.root, &case_rel(id)).map(|_| id.clone()),
                None => match self.by_alias(typed)? {
                    Some(id) => Ok(id),
                    None => Err(self.unknown_case(typed)),
                },
            };
        }
        let (ids, _) = self.case_ids()?;
        let matches: Vec<CaseId> = ids.into_iter().filter(|id| typed.matches(id)).collect();
        match matches.as_slice() {
            [one] => Ok(one.clone()),
            [] => match self.by_alias(typed)? {
                Some(id) => Ok(id),
                None => Err(self.unknown_case(typed)),
            },
            many => Err(Error::input(format!(
                "{typed} is ambiguous: it matches {}",
                many.iter()
                    .map(CaseId::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .with_hint("type more characters of the ID")),
        }
    }

    /// The one case that lists what was typed among its old IDs
    /// (`identifiers.aliases`, e.g. after `sync` renumbered it). An ID that
    /// is a case file wins over an alias.
    fn by_alias(&self, typed: &CaseRef) -> Result<Option<CaseId>> {
        let (cases, _) = self.read_all()?;
        let mut found = cases.into_iter().filter(|case| {
            case.identifiers
                .aliases
                .iter()
                .filter_map(|alias| alias.parse::<CaseId>().ok())
                .any(|alias| typed.matches(&alias))
        });
        Ok(match (found.next(), found.next()) {
            (Some(one), None) => Some(one.id.clone()),
            _ => None,
        })
    }

    /// The error for a typed ID that names no case, with the IDs it was
    /// probably meant to be.
    fn unknown_case(&self, typed: &CaseRef) -> Error {
        let message = match typed {
            CaseRef::Full(id) => format!("no case {id} in {}", self.root.display()),
            CaseRef::Partial { .. } => {
                format!("no case matches {typed} in {}", self.root.display())
            }
        };
        let ids = self.case_ids().map(|(ids, _)| ids).unwrap_or_default();
        let near: Vec<&str> = typed
            .suggestions(&ids)
            .into_iter()
            .map(CaseId::as_str)
            .collect();
        let hint = match crate::model::suggest::did_you_mean(&near) {
            Some(guess) => format!("{guess} (`disclose status --all` lists every case)"),
            None => "list the cases with `disclose status --all`".to_owned(),
        };
        Error::input(message).with_hint(hint)
    }

    fn no_such_case(&self, id: &CaseId) -> Error {
        Error::input(format!("no case {id} in {}", self.root.display()))
            .with_hint("list the cases with `disclose status --all`")
    }

    /// Runs `f` under the store lock and commits what it wrote as one
    /// commit, all or nothing. Before `f` runs, an interrupted change is
    /// repaired and a store git could lose the commit in (a detached HEAD,
    /// another branch, a merge in progress) is refused.
    pub fn transaction<T>(
        &self,
        who: &Identity,
        at: DateTime<Utc>,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let git_dir = self.root.join(".git");
        let _lock = fault::step(self.opts.fault, fault::Step::Lock, || {
            lock::StoreLock::acquire(&git_dir.join(LOCK_FILE), &self.notify.0)
        })?;
        recover::recover(&self.env())?;
        let repo = git::open(&self.root)?;
        let head = state::head_for_change(&repo, &self.root)?;
        lock::clear_git_locks(&git_dir, &lock::ref_locks(&head.branch), &self.notify.0)?;
        let mut tx = Tx {
            store: self,
            at,
            writes: BTreeMap::new(),
            outside: Vec::new(),
            message: None,
        };
        let value = f(&mut tx)?;
        let Tx {
            writes,
            outside,
            message,
            ..
        } = tx;
        if writes.is_empty() {
            return Ok(value);
        }
        let message = message.expect("a transaction that writes sets its commit message");
        self.commit(&repo, head, writes, outside, &message, who, at)?;
        Ok(value)
    }

    #[allow(clippy::too_many_arguments)]
    fn commit(
        &self,
        repo: &git2::Repository,
        head: state::Head,
        writes: BTreeMap<String, Option<Vec<u8>>>,
        outside: Vec<change::OutsideFile>,
        message: &str,
        who: &Identity,
        at: DateTime<Utc>,
    ) -> Result<git2::Oid> {
        let change = change::Change {
            head,
            commit: change::NewCommit::Make { message, who, at },
            files: writes
                .into_iter()
                .map(|(path, bytes)| change::Write { path, bytes })
                .collect(),
            outside,
        };
        change::apply(&self.env(), repo, change)
    }
}

/// The changes of one transaction, held in memory until it commits.
pub struct Tx<'a> {
    store: &'a Store,
    at: DateTime<Utc>,
    writes: BTreeMap<String, Option<Vec<u8>>>,
    outside: Vec<change::OutsideFile>,
    message: Option<String>,
}

impl Tx<'_> {
    pub fn store(&self) -> &Store {
        self.store
    }

    /// Sets the commit message, e.g. `DISC-2026-K7Q3M: acknowledge`.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// Reads a case as this transaction sees it (its own writes included).
    pub fn read(&self, id: &CaseId) -> Result<Case> {
        let rel = case_rel(id);
        match self.writes.get(&rel) {
            Some(Some(bytes)) => parse_case(&self.store.case_path(id), id, bytes),
            Some(None) => Err(self.store.no_such_case(id)),
            None => self.store.read(id),
        }
    }

    pub fn write(&mut self, case: &Case) {
        self.writes
            .insert(case_rel(&case.id), Some(to_json_bytes(case)));
    }

    pub fn write_policy(&mut self, policy: &Policy) {
        self.writes
            .insert(POLICY_FILE.to_owned(), Some(to_json_bytes(policy)));
    }

    /// Stages a file at a store-relative path built by the caller from
    /// validated parts (never from raw user input).
    pub fn write_file(&mut self, rel: &str, bytes: Vec<u8>) {
        debug_assert!(
            !rel.split('/')
                .any(|c| c.is_empty() || c == "." || c == "..")
        );
        self.writes.insert(rel.to_owned(), Some(bytes));
    }

    /// Writes a file outside the store as part of the change (`publish
    /// --out`): it appears only if the change is made.
    pub fn write_outside(&mut self, path: PathBuf, bytes: Vec<u8>, visibility: Visibility) {
        self.outside.retain(|o| o.path != path);
        self.outside.push(change::OutsideFile {
            path,
            bytes,
            visibility,
        });
    }

    /// Picks an unused random ID for a new case.
    pub fn new_case_id(&self) -> CaseId {
        let prefix = &self.store.policy.id_prefix;
        let mut rng = rand::rng();
        loop {
            let id = CaseId::random(prefix, self.at.year(), &mut rng);
            let taken = std::fs::symlink_metadata(self.store.case_path(&id)).is_ok();
            if !taken && !self.writes.contains_key(&case_rel(&id)) {
                return id;
            }
        }
    }
}

fn case_rel(id: &CaseId) -> String {
    format!("{CASES_DIR}/{}", id.file_name())
}

/// A case file's projected fields, brought up to the current shape.
fn parse_fields(path: &Path, id: &CaseId, bytes: &[u8]) -> Result<CaseFields> {
    let mut fields = parse_checked(path, id, bytes, |f: &CaseFields| &f.id)?;
    fields.upgrade();
    Ok(fields)
}

/// Parses a whole case file, which must hold the case its name says and
/// at least one event (the projection is made from them).
fn parse_case(path: &Path, id: &CaseId, bytes: &[u8]) -> Result<Case> {
    let mut case = parse_checked(path, id, bytes, |c: &Case| &c.id)?;
    if case.events.is_empty() {
        return Err(Error::store(format!(
            "{}: case {id} has no events; every case starts with the event that opened it",
            path.display()
        ))
        .with_hint("restore the file from the store's history (`git log -- FILE` in the store)"));
    }
    case.fields.upgrade();
    Ok(case)
}

/// Parses a case file (or a view of one) and checks it holds the case its name says.
fn parse_checked<T: serde::de::DeserializeOwned>(
    path: &Path,
    id: &CaseId,
    bytes: &[u8],
    id_of: impl Fn(&T) -> &CaseId,
) -> Result<T> {
    let value: T = serde_json::from_slice(bytes).map_err(|e| Error::bad_file(path, e))?;
    if id_of(&value) != id {
        return Err(Error::store(format!(
            "{}: the file holds case {} (expected {id})",
            path.display(),
            id_of(&value)
        )));
    }
    Ok(value)
}

/// Returns memory that was freed to the system. The allocator keeps what a
/// phase of a long command freed (the trees and files of a merge), so
/// without this the phases' peaks add up instead of the largest counting.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only hands free pages of the heap back.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How many threads read a store at once.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `items.into_iter().map(f).collect()`, on every core, keeping the order.
pub fn parallel_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = threads().min(items.len() / 64 + 1);
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    let mut chunks = Vec::with_capacity(threads);
    let mut items = items;
    while items.len() > per {
        let tail = items.split_off(items.len() - per);
        chunks.push(tail);
    }
    chunks.push(items);
    chunks.reverse();
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| s.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a reader thread panicked"))
            .collect()
    })
}

/// Reads and checks the policy of the store at `root`.
pub fn read_policy(root: &Path) -> Result<Policy> {
    let path = root.join(POLICY_FILE);
    let bytes = fs::read(root, POLICY_FILE)?
        .ok_or_else(|| Error::store(format!("{} is missing", path.display())))?;
    parse_policy(&path, &bytes)
}

/// Parses a policy file's bytes; `path` names it in errors.
fn parse_policy(path: &Path, bytes: &[u8]) -> Result<Policy> {
    let policy: Policy = serde_json::from_slice(bytes).map_err(|e| Error::bad_file(path, e))?;
    crate::model::id::validate_prefix(&policy.id_prefix)
        .map_err(|e| Error::store(format!("{}: id_prefix: {e}", path.display())))?;
    Ok(policy)
}

fn is_empty_dir(dir: &Path) -> Result<bool> {
    let mut entries =
        std::fs::read_dir(dir).map_err(|e| Error::io(format!("read {}", dir.display()), e))?;
    Ok(entries.all(|e| e.is_ok_and(|e| e.file_name() == ".git")))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The user's commit identity before any store exists (global git config,
/// then the environment's fallbacks).
pub fn global_identity(name: Option<&str>, email: Option<&str>) -> Result<Identity> {
    git::identity(None, name, email)
}
