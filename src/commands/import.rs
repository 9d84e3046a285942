//! `disclose import`: bring existing advisories and reports in.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::app::context::Ctx;
use crate::app::input;
use crate::email::ByteSize;
use crate::error::{Error, Result};
use crate::import::{self, FileError, Found};
use crate::model::case::{Baseline, Case, RecordFormat, RecordImport, State, case_names};
use crate::model::id::CaseId;
use crate::model::policy::Policy;
use crate::store::Store;

/// Import advisories and reports: OSV, CVE JSON 5, GitHub advisories
///
/// Each record becomes a case: opened when the record says the report came
/// in (a GitHub advisory's `created_at`; else the first time the record
/// knows of), then published, updated, withdrawn or rejected at the
/// record's own times. The case takes the record's IDs and aliases, its
/// affected packages with their ranges and versions exactly as recorded,
/// its CVSS vectors, CWEs, credits (consent `granted`: the names are
/// public already), references and text (the advisory text that `describe`
/// sets; the reporter's private report stays empty). The record itself is
/// kept on the case, so what the case has no field for (`database_specific`,
/// `ecosystem_specific`, a CVE's ADP containers, unknown keys) is written
/// back when the case is exported in the record's format.
///
/// Formats are recognised from each record's keys: an OSV record (one, or
/// an array), a CVE JSON 5.x record (published or rejected), a GitHub
/// repository security advisory as the REST API returns it (one, or the
/// list `gh api repos/OWNER/REPO/security-advisories` prints). A GitHub
/// report still in `triage` or `draft` opens an open case whose clocks run
/// from its `created_at`.
///
/// A record whose ID or any alias names a case already here updates that
/// case instead of opening another: only what changed since its last
/// import is recorded, and importing the same record again changes
/// nothing. A record that only shares an ID with a case of this store's
/// own adds its IDs and is kept on the case; the rest is left to you.
///
/// Exported in the record's format (`export --format osv` for an OSV
/// record, `cve` for a CVE record; a GitHub advisory as OSV), an imported
/// case gives the record back: what the case holds is rendered from it,
/// so later changes show, and the rest is the record's.
///
/// The whole import is one commit. A record that cannot be imported
/// without losing something it says (an OSV range with both `fixed` and
/// `last_affected`, say) is refused whole, named by file and JSON path, and
/// the others are imported; the exit status is then 1 (2 when nothing could
/// be imported).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose import GHSA-9wv6-86v2-598j.json\n  \
    disclose import advisories/ --dry-run\n  \
    gh api repos/OWNER/REPO/security-advisories | disclose import -\n  \
    disclose import --format cve cvelist/2024/45xxx/ --json")]
pub struct ImportArgs {
    /// Files, directories (every *.json under them; links are not followed) or `-` for stdin
    #[arg(value_name = "FILE|DIR|-", required = true, value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// The records' format (default: recognised from each record)
    #[arg(long, value_enum)]
    pub format: Option<RecordFormat>,
    /// List what would be created, updated or left unchanged; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Largest file accepted (each record in it holds at most 1 MB)
    #[arg(long, value_name = "SIZE", default_value = "25MB")]
    pub max_size: ByteSize,
}

/// What became of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    Created,
    Updated,
    Unchanged,
    Failed,
}

impl Action {
    fn word(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Self::Created, false) => "created",
            (Self::Created, true) => "would create",
            (Self::Updated, false) => "updated",
            (Self::Updated, true) => "would update",
            (Self::Unchanged, _) => "unchanged",
            (Self::Failed, _) => "failed",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct Outcome {
    /// The file (`-` for stdin) and the record's JSON path in it.
    file: String,
    path: String,
    action: Action,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<RecordFormat>,
    /// The case it opened or updated (none for a dry run's new cases).
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<CaseId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<State>,
    /// Events recorded (or that would be).
    #[serde(skip_serializing_if = "is_zero")]
    events: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    dry_run: bool,
    created: usize,
    updated: usize,
    unchanged: usize,
    failed: usize,
    records: &'a [Outcome],
}

pub fn run(ctx: &Ctx, args: &ImportArgs) -> Result<()> {
    let files = collect(&args.paths)?;
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut good: Vec<(usize, RecordImport)> = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let found = input::read_bytes(file, "import", args.max_size.0)
            .map_err(|e| e.to_string())
            .and_then(|bytes| import::read(&bytes, args.format).map_err(|e| file_error(&e)));
        match found {
            Err(message) => outcomes.push(failed(&name, "$", message)),
            Ok(found) => {
                for Found { path, record } in found {
                    match record {
                        Ok(record) => {
                            good.push((outcomes.len(), record));
                            outcomes.push(Outcome {
                                file: name.clone(),
                                path,
                                action: Action::Failed,
                                record: None,
                                format: None,
                                case: None,
                                state: None,
                                events: 0,
                                error: None,
                            });
                        }
                        Err(e) => outcomes.push(failed(&name, &e.path, e.message)),
                    }
                }
            }
        }
    }

    let now = ctx.now();
    let store = if args.dry_run {
        ctx.existing_store()?
    } else if good.is_empty() {
        None
    } else {
        Some(ctx.store_for_write()?)
    };
    match &store {
        Some(store) if !args.dry_run => {
            ctx.transact(store, |tx, by| {
                let mut batch = Batch::new(Some(store), false)?;
                for (i, record) in &good {
                    batch.apply(&mut outcomes[*i], record, || tx.new_case_id(), now, by);
                }
                let (created, updated) = batch.counts();
                if created + updated > 0 {
                    tx.set_message(commit_message(&outcomes, created, updated));
                    for case in batch.changed() {
                        tx.write(case);
                    }
                }
                Ok(())
            })?;
        }
        // A dry run, or nothing to import: the same steps, nothing written.
        store => {
            let mut batch = Batch::new(store.as_ref(), true)?;
            let mut n = 0;
            for (i, record) in &good {
                let new_id = || {
                    n += 1;
                    placeholder(n)
                };
                batch.apply(&mut outcomes[*i], record, new_id, now, "");
            }
        }
    }
    tell(ctx, &outcomes, args.dry_run)
}

fn file_error(e: &FileError) -> String {
    match e {
        FileError::NotJson(m) => format!("not JSON: {m}"),
        FileError::NoRecords(m) => m.clone(),
    }
}

fn failed(file: &str, path: &str, message: String) -> Outcome {
    Outcome {
        file: file.to_owned(),
        path: path.to_owned(),
        action: Action::Failed,
        record: None,
        format: None,
        case: None,
        state: None,
        events: 0,
        error: Some(message),
    }
}

/// The files to read: those named, and every `*.json` under a directory
/// (sorted; links are not followed). A path that does not exist is bad
/// input before anything is read.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::input(format!("{}: {e}", path.display())))?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out)?;
            if out.len() == before {
                return Err(Error::input(format!(
                    "{}: no .json files in this directory",
                    path.display()
                )));
            }
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::input(format!("{}: {e}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// The cases an import reads and changes, and every name they go by.
struct Batch<'s> {
    /// None in a dry run before the store exists.
    store: Option<&'s Store>,
    /// Upper-cased name → the cases it names.
    names: HashMap<String, Vec<CaseId>>,
    cases: BTreeMap<CaseId, Case>,
    changed: Vec<CaseId>,
    /// The cases this batch opened (a dry run does not show their IDs).
    opened: Vec<CaseId>,
    created: usize,
    updated: usize,
    /// Nothing is written; new cases get stand-in IDs, never shown.
    dry_run: bool,
}

impl<'s> Batch<'s> {
    fn new(store: Option<&'s Store>, dry_run: bool) -> Result<Self> {
        let mut batch = Self {
            store,
            dry_run,
            names: HashMap::new(),
            cases: BTreeMap::new(),
            changed: Vec::new(),
            opened: Vec::new(),
            created: 0,
            updated: 0,
        };
        let Some(store) = store else {
            return Ok(batch);
        };
        let (ids, _) = store.case_ids()?;
        for id in ids {
            // A case that cannot be read cannot be matched; the commands
            // that read it report it.
            if let Ok(fields) = store.read_fields(&id) {
                for name in case_names(&fields) {
                    batch.index(&name, &id);
                }
            }
        }
        Ok(batch)
    }

    fn index(&mut self, name: &str, id: &CaseId) {
        let ids = self.names.entry(name.to_uppercase()).or_default();
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }

    fn counts(&self) -> (usize, usize) {
        (self.created, self.updated)
    }

    fn changed(&self) -> impl Iterator<Item = &Case> {
        self.changed.iter().filter_map(|id| self.cases.get(id))
    }

    /// Imports one record into the case it names, or a new one whose ID
    /// `new_id` gives (tried again while the batch holds it already: the
    /// store only knows the cases written before).
    fn apply(
        &mut self,
        outcome: &mut Outcome,
        record: &RecordImport,
        mut new_id: impl FnMut() -> CaseId,
        now: chrono::DateTime<chrono::Utc>,
        by: &str,
    ) {
        outcome.record = Some(record.from.id.clone());
        outcome.format = Some(record.from.format);
        let mut matches: Vec<CaseId> = Vec::new();
        for name in record.names() {
            for id in self.names.get(&name.to_uppercase()).into_iter().flatten() {
                if !matches.contains(id) {
                    matches.push(id.clone());
                }
            }
        }
        let case = match matches.as_slice() {
            [] => {
                let id = loop {
                    let id = new_id();
                    if !self.cases.contains_key(&id) {
                        break id;
                    }
                };
                let slas = self
                    .store
                    .map_or_else(|| Policy::default().slas(), |s| s.policy().slas());
                let case = Case::open_imported(id.clone(), record, slas, now, by);
                if let Err(e) = input::check_limits(&case.events) {
                    outcome.action = Action::Failed;
                    outcome.error = Some(e.to_string());
                    return;
                }
                outcome.action = Action::Created;
                outcome.events = case.events.len();
                self.created += 1;
                self.cases.insert(id.clone(), case);
                self.changed.push(id.clone());
                self.opened.push(id.clone());
                id
            }
            [id] => {
                let mut case = match self.cases.remove(id) {
                    Some(case) => case,
                    // Only the store's cases are indexed besides the batch's.
                    None => match self.store.map(|s| s.read(id)) {
                        Some(Ok(case)) => case,
                        Some(Err(e)) => {
                            outcome.action = Action::Failed;
                            outcome.error =
                                Some(format!("matches {id}, which cannot be read: {e}"));
                            return;
                        }
                        None => return,
                    },
                };
                // Updates of the record that opened the case are taken;
                // another record only adds its IDs (see `Baseline`).
                let source = case
                    .imported
                    .iter()
                    .any(|f| f.opened && f.format == record.from.format && f.id == record.from.id);
                let previous = case
                    .record_of(record.from.format, &record.from.id)
                    .filter(|_| source)
                    .map(|v| import::read_record(v, record.from.format));
                let baseline = match &previous {
                    Some(Ok(p)) => Baseline::Previous(p),
                    _ => Baseline::Other,
                };
                let original = case.clone();
                let added = case.import_record(baseline, record, now, by);
                if let Err(e) = input::check_limits(&case.events[case.events.len() - added..]) {
                    outcome.action = Action::Failed;
                    outcome.error = Some(e.to_string());
                    self.cases.insert(id.clone(), original);
                    return;
                }
                outcome.events = added;
                if added == 0 {
                    outcome.action = Action::Unchanged;
                } else {
                    outcome.action = Action::Updated;
                    self.updated += 1;
                    if !self.changed.contains(id) {
                        self.changed.push(id.clone());
                    }
                }
                self.cases.insert(id.clone(), case);
                id.clone()
            }
            many => {
                outcome.action = Action::Failed;
                outcome.error = Some(format!(
                    "its IDs ({}) name several cases: {}; import it into one by hand",
                    record.names().join(", "),
                    many.iter()
                        .map(CaseId::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                return;
            }
        };
        let names = case_names(&self.cases[&case]);
        for name in names {
            self.index(&name, &case);
        }
        outcome.state = Some(self.cases[&case].state);
        if !(self.dry_run && self.opened.contains(&case)) {
            outcome.case = Some(case);
        }
    }
}

/// A dry run's stand-in ID for a case it would create (never shown).
fn placeholder(n: usize) -> CaseId {
    let letters = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut code = String::new();
    let mut k = n;
    for _ in 0..5 {
        code.push(letters[k % 32] as char);
        k /= 32;
    }
    format!("DRYRUN-0000-{code}")
        .parse()
        .expect("a valid placeholder ID")
}

fn commit_message(outcomes: &[Outcome], created: usize, updated: usize) -> String {
    let done: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| matches!(o.action, Action::Created | Action::Updated))
        .collect();
    match done.as_slice() {
        [one] => format!(
            "{}: import {}",
            one.case.as_ref().map_or("import", CaseId::as_str),
            one.record.as_deref().unwrap_or_default()
        ),
        _ => format!(
            "import: {} records ({created} created, {updated} updated)",
            done.len()
        ),
    }
}

/// Prints each record's outcome, then the errors of the failed ones.
fn tell(ctx: &Ctx, outcomes: &[Outcome], dry_run: bool) -> Result<()> {
    let count = |a: Action| outcomes.iter().filter(|o| o.action == a).count();
    let (created, updated, unchanged, failed) = (
        count(Action::Created),
        count(Action::Updated),
        count(Action::Unchanged),
        count(Action::Failed),
    );
    if ctx.ui.json() {
        ctx.ui.print_json(&Report {
            dry_run,
            created,
            updated,
            unchanged,
            failed,
            records: outcomes,
        })?;
    } else {
        let mut out = String::new();
        for o in outcomes.iter().filter(|o| o.action != Action::Failed) {
            let state = o.state.map(|s| format!(", {s}")).unwrap_or_default();
            let format = o.format.map(RecordFormat::name).unwrap_or_default();
            out.push_str(&format!(
                "{:<13} {:<16} {} ({format}{state})\n",
                o.action.word(dry_run),
                o.case.as_ref().map_or("-", CaseId::as_str),
                o.record.as_deref().unwrap_or_default(),
            ));
        }
        ctx.ui.print(&out)?;
    }
    let records = |n: usize| if n == 1 { "record" } else { "records" };
    let total = outcomes.len();
    let verb = if dry_run { "Would import" } else { "Imported" };
    ctx.ui.status(&format!(
        "{verb} {} of {total} {}: {created} created, {updated} updated, {unchanged} unchanged, {failed} failed{}",
        created + updated + unchanged,
        records(total),
        if dry_run || created + updated == 0 {
            String::new()
        } else {
            " (one commit)".to_owned()
        }
    ));
    let errors: Vec<Error> = outcomes
        .iter()
        .filter(|o| o.action == Action::Failed)
        .map(|o| {
            let message = format!(
                "{}: {}: {}",
                o.file,
                o.path,
                o.error.as_deref().unwrap_or("failed")
            );
            // Nothing could be imported: the input was bad. Some could:
            // the rest went in, and these were refused.
            if failed == total {
                Error::input(message)
            } else {
                Error::refused(message)
            }
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Many(errors))
    }
}
