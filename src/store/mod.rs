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
//! the new bytes in memory, write them atomically, make one commit. If the
//! commit fails the previous bytes are put back, so a failed command changes
//! nothing.

mod cache;
mod fs;
mod git;
mod index_file;
mod lock;
mod remote;
mod sync;
mod team;
pub(crate) mod tls;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Utc};

pub use fs::{Visibility, create_out_dir, write_out};
pub use git::Identity;
pub use remote::{REMOTE, Unpushed};
pub use sync::{Cloned, PUSH_ATTEMPTS, Stage, SyncOptions, SyncReport, clone_store};
pub use team::{
    PathRemote, RemoteHead, STORE_BRANCH, TEMPLATES_DIR, create_bare_remote, inspect, local_path,
};

use crate::error::{Error, Result};
use crate::model::case::{Case, CaseFields, CaseSummary};
use crate::model::id::{CaseId, CaseRef};
use crate::model::policy::Policy;

pub use crate::model::layout::{ADVISORIES_DIR, CASES_DIR, POLICY_FILE, to_json_bytes};
const LOCK_FILE: &str = "disclose.lock";
/// Under `.git/`, so it is never committed.
const CACHE_DIR: &str = "disclose";

/// An opened store.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    policy: Policy,
}

/// Whether `root` holds a store (a policy file in a git work tree). A
/// policy file that is a link counts, so opening the store names the link.
pub fn exists(root: &Path) -> bool {
    std::fs::symlink_metadata(root.join(POLICY_FILE)).is_ok() && root.join(".git").exists()
}

impl Store {
    /// Opens the store at `root`; it must exist.
    pub fn open(root: &Path) -> Result<Self> {
        if !exists(root) {
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
        })
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
        fs::write(root, POLICY_FILE, &to_json_bytes(policy))?;
        fs::write(root, &format!("{CASES_DIR}/.keep"), b"")?;
        git::commit_all(&repo, "init: create case store", who, at)?;
        Ok((Self::open(root)?, was_open))
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
            Some(cases) => self.ids_in(&cases),
            None => Ok(Default::default()),
        }
    }

    /// `case_ids` from `cases/`, opened by the caller.
    fn ids_in(&self, cases: &fs::OpenDir) -> Result<(Vec<CaseId>, Vec<Error>)> {
        let entries = cases.list()?;
        let dir = self.root.join(CASES_DIR);
        let mut ids = Vec::new();
        let mut odd = Vec::new();
        for entry in entries {
            let name = entry.name.to_string_lossy();
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
        Ok((ids, odd))
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
        let (ids, mut errors) = self.ids_in(&dir)?;
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

    /// The summary of every case, sorted by ID, for the commands that look at
    /// the whole store (`status`, `check`); broken files are returned beside
    /// the readable ones. Unchanged files are served from the summary cache
    /// (see `cache`), the others are read in parallel.
    pub fn summaries(&self) -> Result<Summaries> {
        let Some(cases_dir) = fs::open(&self.root, CASES_DIR)? else {
            return Ok(Summaries {
                cases: Vec::new(),
                errors: Vec::new(),
                texts: Vec::new(),
                bodies: None,
            });
        };
        let (ids, mut errors) = self.ids_in(&cases_dir)?;
        // Checked here, so the cache never writes through a link.
        fs::is_dir(&self.root, &format!(".git/{CACHE_DIR}"))?;
        let dir = self.root.join(".git").join(CACHE_DIR);
        let loaded = cache::load(&dir);
        let cached_count = loaded.entries.len();
        let mut cached = loaded.entries.into_iter().peekable();
        let mut work = Vec::with_capacity(ids.len());
        for id in ids {
            let name = id.file_name();
            while cached.next_if(|e| e.name < name).is_some() {}
            let entry = cached.next_if(|e| e.name == name);
            work.push((id, entry));
        }
        drop(cached);
        let results = parallel_map(work, |(id, entry)| self.summary_of(&cases_dir, id, entry));
        let (mut hits, mut fresh) = (0, 0);
        let mut found = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(found_one) => {
                    match found_one.2 {
                        Text::Stored(_) => hits += 1,
                        Text::Fresh(_) => fresh += 1,
                    }
                    found.push(found_one);
                }
                Err(e) => errors.push(e),
            }
        }
        let mut bodies = loaded.bodies;
        if fresh > 0 || hits != cached_count {
            let names: Vec<String> = found.iter().map(|f| f.1.id.file_name()).collect();
            let saves: Vec<cache::Save<'_>> = found
                .iter()
                .zip(&names)
                .map(|((key, summary, text), name)| cache::Save {
                    name,
                    key: *key,
                    summary,
                    text: match text {
                        Text::Stored(r) => cache::SaveText::Stored(*r),
                        Text::Fresh(t) => cache::SaveText::New(t),
                    },
                })
                .collect();
            if let Some((name, refs)) = cache::save(&dir, bodies.as_deref(), &saves) {
                drop(saves);
                for (one, r) in found.iter_mut().zip(refs) {
                    one.2 = Text::Stored(r);
                }
                bodies = Some(name);
            }
        }
        let mut cases = Vec::with_capacity(found.len());
        let mut texts = Vec::with_capacity(found.len());
        for (_, summary, text) in found {
            cases.push(*summary);
            texts.push(text);
        }
        Ok(Summaries {
            cases,
            errors,
            texts,
            bodies: bodies.and_then(|name| {
                fs::no_follow(std::fs::OpenOptions::new().read(true))
                    .open(dir.join(name))
                    .ok()
            }),
        })
    }

    /// One case's summary: from its cache entry if the file is unchanged.
    fn summary_of(
        &self,
        cases: &fs::OpenDir,
        id: CaseId,
        entry: Option<cache::Entry>,
    ) -> Result<(cache::FileKey, Box<CaseSummary>, Text)> {
        // `cases/` itself was opened without following links by `case_ids`.
        let meta =
            fs::file_metadata(&self.root, &case_rel(&id))?.ok_or_else(|| self.no_such_case(&id))?;
        let key = cache::FileKey::of(&meta);
        if let Some(entry) = entry
            && entry.key == key
        {
            return Ok((key, entry.summary, Text::Stored(entry.text)));
        }
        let bytes = cases
            .read(&id.file_name())?
            .ok_or_else(|| self.no_such_case(&id))?;
        let fields = parse_fields(&self.case_path(&id), &id, &bytes)?;
        let text = crate::model::layout::json_array_element(&fields);
        Ok((key, Box::new(CaseSummary::from(&fields)), Text::Fresh(text)))
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

    /// Runs `f` under the store lock and commits what it wrote as one commit.
    pub fn transaction<T>(
        &self,
        who: &Identity,
        at: DateTime<Utc>,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let git_dir = self.root.join(".git");
        let _lock = lock::StoreLock::acquire(&git_dir.join(LOCK_FILE))?;
        let mut tx = Tx {
            store: self,
            at,
            writes: BTreeMap::new(),
            message: None,
        };
        let value = f(&mut tx)?;
        let Tx {
            writes, message, ..
        } = tx;
        if writes.is_empty() {
            return Ok(value);
        }
        let message = message.expect("a transaction that writes sets its commit message");
        self.apply(writes, &message, who, at)?;
        Ok(value)
    }

    fn apply(
        &self,
        writes: BTreeMap<String, Option<Vec<u8>>>,
        message: &str,
        who: &Identity,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let repo = git::open(&self.root)?;
        let mut previous: Vec<(&str, Option<Vec<u8>>)> = Vec::new();
        let result = (|| {
            for (rel, bytes) in &writes {
                previous.push((rel, fs::read(&self.root, rel)?));
                match bytes {
                    Some(bytes) => fs::write(&self.root, rel, bytes)?,
                    None => fs::remove(&self.root, rel)?,
                }
            }
            let paths: Vec<String> = writes.keys().cloned().collect();
            git::commit(&repo, &paths, message, who, at)
        })();
        if let Err(err) = result {
            // Put the tree back as it was; the commit never happened.
            for (rel, bytes) in previous.into_iter().rev() {
                let _ = match bytes {
                    Some(bytes) => fs::write(&self.root, rel, &bytes),
                    None => fs::remove(&self.root, rel),
                };
            }
            return Err(err);
        }
        Ok(())
    }
}

/// Every case's summary (sorted by ID), the files that could not be read,
/// and each case's fields rendered for `status --json`.
pub struct Summaries {
    pub cases: Vec<CaseSummary>,
    pub errors: Vec<Error>,
    texts: Vec<Text>,
    bodies: Option<std::fs::File>,
}

enum Text {
    Stored(cache::TextRef),
    Fresh(String),
}

impl Summaries {
    /// The projected fields of `cases[i]` (without `events`) as one element
    /// of a pretty JSON array (`ui::json_array_element`): from the cache, or
    /// from the case file if the cache cannot give them.
    pub fn fields_json(&mut self, store: &Store, i: usize) -> Result<String> {
        let id = &self.cases[i].id;
        if let Text::Fresh(text) = &mut self.texts[i] {
            return Ok(std::mem::take(text));
        }
        if let (Text::Stored(r), Some(file)) = (&self.texts[i], &self.bodies)
            && let Some(text) = cache::read_text(file, *r)
            && text.starts_with("  {\n")
            && text.ends_with("\n  }")
            && text[..text.len().min(200)].contains(&format!("\"id\": \"{id}\""))
        {
            return Ok(text);
        }
        let fields = store.read_fields(id)?;
        Ok(crate::model::layout::json_array_element(&fields))
    }
}

/// The changes of one transaction, held in memory until it commits.
pub struct Tx<'a> {
    store: &'a Store,
    at: DateTime<Utc>,
    writes: BTreeMap<String, Option<Vec<u8>>>,
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

fn parse_case(path: &Path, id: &CaseId, bytes: &[u8]) -> Result<Case> {
    let mut case = parse_checked(path, id, bytes, |c: &Case| &c.id)?;
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
    let policy: Policy = serde_json::from_slice(&bytes).map_err(|e| Error::bad_file(&path, e))?;
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
