//! Every case's summary, for the commands that look at the whole store
//! (`status`, `check`, `stats`), and each case's
//! fields rendered for `status --json`.
//!
//! A file whose stat data matches its cache entry is not read (see
//! `cache`). Any other is read once, on every core: its summary is parsed
//! from the fields it is made of, skipping the rest of the file (`events`
//! is most of it) without building it, and only a case whose fields are to
//! be printed is parsed whole and rendered. What was read goes into the
//! cache as it is read, so a cold store (a fresh clone, CI) costs one pass
//! over its files and leaves the next command a warm one.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Store, cache, fs, parse_fields};
use crate::error::{Error, Result};
use crate::model::case::{CaseSummary, State, SummaryFile};
use crate::model::id::CaseId;
use crate::model::layout::{CASES_DIR, json_array_element};

/// Every case's summary (sorted by ID), the files that could not be read,
/// and each case's fields rendered for `status --json` where asked for.
pub struct Summaries {
    pub cases: Vec<CaseSummary>,
    pub errors: Vec<Error>,
    texts: Vec<Text>,
    bodies: Option<std::fs::File>,
    /// The cache's directory, to drop it when a text fails its check.
    dir: PathBuf,
}

enum Text {
    /// In the cache's bodies file; kept in memory as well when the store is
    /// small (`KEEP_UP_TO`), so printing it does not read it back.
    Stored(cache::TextRef, Option<Kept>),
    Fresh(String),
    /// Not rendered yet: read from the case file when asked for.
    Absent,
}

/// A text kept in memory: a range of the batch it was written to the cache
/// with. A batch is one allocation, so keeping thousands of texts does not
/// grow the allocator's heaps a few pages at a time (with glibc, an
/// `mprotect` call each).
struct Kept {
    batch: Arc<String>,
    range: std::ops::Range<usize>,
}

/// Which cases' fields a command prints (by state), so a cold read renders
/// only those.
pub(super) type Printed<'a> = &'a (dyn Fn(State) -> bool + Sync);

/// One case as read: its file's key, summary and rendered fields.
struct Found {
    key: cache::FileKey,
    summary: Box<CaseSummary>,
    text: Text,
}

/// Texts rendered by one reader, written to the cache a batch at a time.
const BATCH: usize = 1 << 20;

/// Up to this many case files read, the texts written to the cache stay in
/// memory too, up to `KEPT_BYTES` in all; a larger store streams them
/// through the cache, so memory stays flat as the store grows.
const KEEP_UP_TO: usize = 20_000;
const KEPT_BYTES: usize = 64 << 20;

impl Store {
    /// The summary of every case, sorted by ID; broken files are returned
    /// beside the readable ones.
    pub fn summaries(&self) -> Result<Summaries> {
        self.summaries_printing(&|_| false)
    }

    /// `summaries`, with the fields of each case `printed` selects rendered
    /// as `status --json` prints them (`Summaries::fields_json`).
    pub fn summaries_printing(
        &self,
        printed: &(dyn Fn(State) -> bool + Sync),
    ) -> Result<Summaries> {
        let dir = self.root.join(".git").join(super::CACHE_DIR);
        let Some(cases_dir) = fs::open(&self.root, CASES_DIR)? else {
            return Ok(Summaries {
                cases: Vec::new(),
                errors: Vec::new(),
                texts: Vec::new(),
                bodies: None,
                dir,
            });
        };
        let (ids, mut errors, leftovers) = self.ids_in(&cases_dir)?;
        if !leftovers.is_empty() {
            self.sweep(&leftovers);
        }
        // Checked here, so the cache never writes through a link.
        fs::is_dir(&self.root, &format!(".git/{}", super::CACHE_DIR))?;
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
        let session = cache::Session::begin(&dir, loaded.bodies.as_deref());
        let results = self.read_all_summaries(&cases_dir, work, printed, session.as_ref());
        let (mut hits, mut changed) = (0, false);
        let mut found = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok((one, fresh)) => {
                    if fresh {
                        changed = true;
                    } else {
                        hits += 1;
                    }
                    found.push(one);
                }
                Err(e) => errors.push(e),
            }
        }
        let mut bodies = loaded.bodies;
        if let Some(session) = session
            && (changed || hits != cached_count)
        {
            let names: Vec<String> = found.iter().map(|f| f.summary.id.file_name()).collect();
            let saves: Vec<cache::Save<'_>> = found
                .iter()
                .zip(&names)
                .map(|(f, name)| cache::Save {
                    name,
                    key: f.key,
                    summary: &f.summary,
                    text: match f.text {
                        Text::Stored(r, _) => Some(r),
                        _ => None,
                    },
                })
                .collect();
            if let Some((name, refs)) = session.finish(&saves) {
                drop(saves);
                for (one, r) in found.iter_mut().zip(refs) {
                    if let (Text::Stored(_, kept), Some(r)) = (&mut one.text, r) {
                        one.text = Text::Stored(r, kept.take());
                    }
                }
                bodies = Some(name);
            } else {
                drop(saves);
                // Unsaved, the refs may name texts of an unnamed file.
                bodies = None;
            }
        }
        let mut cases = Vec::with_capacity(found.len());
        let mut texts = Vec::with_capacity(found.len());
        for Found { summary, text, .. } in found {
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
            dir,
        })
    }

    /// Reads the summary of each case of `work` on every core, in order;
    /// `true` beside a case whose cache entry changed.
    fn read_all_summaries(
        &self,
        cases: &fs::OpenDir,
        work: Vec<(CaseId, Option<cache::Entry>)>,
        printed: Printed<'_>,
        session: Option<&cache::Session>,
    ) -> Vec<Result<(Found, bool)>> {
        // What may still be kept in memory of the texts written to the cache.
        let keep = AtomicUsize::new(if work.len() <= KEEP_UP_TO {
            KEPT_BYTES
        } else {
            0
        });
        let keep = &keep;
        let threads = super::threads().min(work.len() / 64 + 1);
        let per = work.len().div_ceil(threads.max(1)).max(1);
        let mut chunks = Vec::with_capacity(threads);
        let mut work = work;
        while work.len() > per {
            chunks.push(work.split_off(work.len() - per));
        }
        chunks.push(work);
        chunks.reverse();
        std::thread::scope(|s| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| s.spawn(move || self.read_chunk(cases, chunk, printed, session, keep)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a reader thread panicked"))
                .collect()
        })
    }

    /// One reader's share: each case's summary, its new texts handed to the
    /// cache a batch at a time.
    fn read_chunk(
        &self,
        cases: &fs::OpenDir,
        chunk: Vec<(CaseId, Option<cache::Entry>)>,
        printed: Printed<'_>,
        session: Option<&cache::Session>,
        keep: &AtomicUsize,
    ) -> Vec<Result<(Found, bool)>> {
        let mut out: Vec<Result<(Found, bool)>> = Vec::with_capacity(chunk.len());
        // Indices into `out` of fresh texts not yet written, and their size.
        let mut pending: Vec<usize> = Vec::new();
        let mut pending_len = 0;
        for (id, entry) in chunk {
            let result = self.summary_of(cases, id, entry, printed);
            if let Ok((
                Found {
                    text: Text::Fresh(t),
                    ..
                },
                _,
            )) = &result
            {
                pending.push(out.len());
                pending_len += t.len();
            }
            out.push(result);
            if pending_len >= BATCH {
                store_texts(&mut out, &mut pending, session, keep);
                pending_len = 0;
            }
        }
        store_texts(&mut out, &mut pending, session, keep);
        out
    }

    /// One case's summary: from its cache entry if the file is unchanged,
    /// else read from the file; `true` when it was read.
    fn summary_of(
        &self,
        cases: &fs::OpenDir,
        id: CaseId,
        entry: Option<cache::Entry>,
        printed: Printed<'_>,
    ) -> Result<(Found, bool)> {
        let name = id.file_name();
        if let Some(entry) = entry {
            // `cases/` itself was opened without following links by `case_ids`.
            let meta = fs::file_metadata(&self.root, &super::case_rel(&id))?
                .ok_or_else(|| self.no_such_case(&id))?;
            let key = cache::FileKey::of(&meta);
            if entry.key == key {
                let text = match entry.text {
                    Some(r) => Text::Stored(r, None),
                    None if printed(entry.summary.state) => {
                        // Rendered now, the cache entry gains its text.
                        let fields = self.read_fields(&id)?;
                        let found = Found {
                            key,
                            summary: entry.summary,
                            text: Text::Fresh(json_array_element(&fields)),
                        };
                        return Ok((found, true));
                    }
                    None => Text::Absent,
                };
                let found = Found {
                    key,
                    summary: entry.summary,
                    text,
                };
                return Ok((found, false));
            }
        }
        let (meta, bytes) = cases
            .read_with_meta(&name)?
            .ok_or_else(|| self.no_such_case(&id))?;
        let key = cache::FileKey::of(&meta);
        let path = self.case_path(&id);
        // A case to print is parsed whole once; any other only as far as its
        // summary needs (and whole after all if it turns out to be printed,
        // or in an older layout that must be upgraded).
        let summary = if peek_state(&bytes).is_some_and(printed) {
            None
        } else {
            summary_file(&path, &id, &bytes)?.filter(|s| !printed(s.state))
        };
        let (summary, text) = match summary {
            Some(summary) => (summary, Text::Absent),
            None => {
                let fields = parse_fields(&path, &id, &bytes)?;
                let summary = CaseSummary::from(&fields);
                let text = if printed(summary.state) {
                    Text::Fresh(json_array_element(&fields))
                } else {
                    Text::Absent
                };
                (summary, text)
            }
        };
        let found = Found {
            key,
            summary: Box::new(summary),
            text,
        };
        Ok((found, true))
    }
}

/// The summary of case `id` from the bytes of its file, in any layout.
pub(super) fn summary_of_bytes(path: &Path, id: &CaseId, bytes: &[u8]) -> Result<CaseSummary> {
    match summary_file(path, id, bytes)? {
        Some(summary) => Ok(summary),
        None => Ok(CaseSummary::from(&parse_fields(path, id, bytes)?)),
    }
}

/// The summary of a case file of the current layout, read from the fields
/// it is made of; `None` for an older layout, which must be upgraded.
fn summary_file(path: &Path, id: &CaseId, bytes: &[u8]) -> Result<Option<CaseSummary>> {
    let file: SummaryFile = serde_json::from_slice(bytes).map_err(|e| Error::bad_file(path, e))?;
    if file.id() != id {
        return Err(Error::store(format!(
            "{}: the file holds case {} (expected {id})",
            path.display(),
            file.id()
        )));
    }
    Ok(file.current().then(|| CaseSummary::from(file)))
}

/// The state a case file names near its top, as the tool writes it
/// (`"state": "fixed"`): a guess that saves parsing a case twice, checked
/// by the parse that follows.
fn peek_state(bytes: &[u8]) -> Option<State> {
    const KEY: &[u8] = b"\"state\": \"";
    let head = &bytes[..bytes.len().min(1024)];
    let at = head.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let len = head[at..].iter().position(|&b| b == b'"')?;
    serde_json::from_slice(&head[at - 1..=at + len]).ok()
}

/// Writes the fresh texts at `pending` (indices into `out`) to the cache,
/// so they are dropped from memory unless `keep` has room for them; kept
/// when the cache cannot take them.
fn store_texts(
    out: &mut [Result<(Found, bool)>],
    pending: &mut Vec<usize>,
    session: Option<&cache::Session>,
    keep: &AtomicUsize,
) {
    let Some(session) = session else {
        pending.clear();
        return;
    };
    let refs = {
        let texts: Vec<&str> = pending
            .iter()
            .filter_map(|&i| match &out[i] {
                Ok((
                    Found {
                        text: Text::Fresh(t),
                        ..
                    },
                    _,
                )) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        session.append(&texts)
    };
    if let Some(refs) = refs {
        let total = refs.iter().map(|r| r.len as usize).sum();
        let room = keep
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(total)
            })
            .is_ok();
        let mut batch = String::with_capacity(if room { total } else { 0 });
        let mut kept = Vec::with_capacity(refs.len());
        for (&i, r) in pending.iter().zip(refs) {
            if let Ok((found, _)) = &mut out[i]
                && let Text::Fresh(text) = std::mem::replace(&mut found.text, Text::Absent)
            {
                if room {
                    let start = batch.len();
                    batch.push_str(&text);
                    kept.push((i, start..batch.len()));
                }
                found.text = Text::Stored(r, None);
            }
        }
        let batch = Arc::new(batch);
        for (i, range) in kept {
            if let Ok((found, _)) = &mut out[i]
                && let Text::Stored(_, slot) = &mut found.text
            {
                *slot = Some(Kept {
                    batch: Arc::clone(&batch),
                    range,
                });
            }
        }
    }
    pending.clear();
}

impl Summaries {
    /// The projected fields of `cases[i]` (without `events`) as one element
    /// of a pretty JSON array (`ui::json_array_element`): from the cache, or
    /// from the case file if the cache cannot give them.
    pub fn fields_json(&self, store: &Store, i: usize) -> Result<Cow<'_, str>> {
        let id = &self.cases[i].id;
        match &self.texts[i] {
            Text::Fresh(text) => return Ok(Cow::Borrowed(text)),
            Text::Stored(_, Some(kept)) => {
                return Ok(Cow::Borrowed(&kept.batch[kept.range.clone()]));
            }
            Text::Stored(r, None) => {
                if let Some(file) = &self.bodies {
                    match cache::read_text(file, *r) {
                        Some(text)
                            if text[..text.len().min(200)]
                                .contains(&format!("\"id\": \"{id}\"")) =>
                        {
                            return Ok(Cow::Owned(text));
                        }
                        _ => cache::discard(&self.dir),
                    }
                }
            }
            Text::Absent => {}
        }
        let fields = store.read_fields(id)?;
        Ok(Cow::Owned(json_array_element(&fields)))
    }
}
