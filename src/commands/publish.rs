//! `disclose publish`: check the readiness list and the leak guard, assign
//! the public advisory ID, write every advisory file and mark the case
//! published, in one commit. `--dry-run` shows the text it would publish;
//! `--update` writes a published advisory's files again.

mod dry_run;
mod update;

use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::app::context::Ctx;
use crate::commands::common::numbering;
use crate::commands::common::output::OutputMode;
use crate::error::{Error, Result};
use crate::export::leak::{Guard, Leak};
use crate::export::{AdvisoryFiles, Format};
use crate::judge::readiness::{self, OpenItem};
use crate::model::case::{Case, Stamp};
use crate::model::id::{CaseId, CaseRef};
use crate::store::{ADVISORIES_DIR, Store, Tx, Visibility};

/// Publish a fixed case: write its advisory files and mark it published
///
/// Checks the readiness list as a whole: the case is fixed; the embargo has
/// passed; every maintained release is released-fixed or decided
/// not-affected, wont-fix or eol; severity, a public summary and an affected
/// range are set; no credit's consent is pending; a CVE is assigned when the
/// policy requires one; the maintainers' public text (`disclose describe`) has
/// a summary and details. While any item is open it refuses (exit 1) and lists
/// every one with the command that closes it.
///
/// The leak guard then scans every file it would write for the case's private
/// strings (the reporter's name, email and handle, attachment names, private
/// notes and messages; in any case, Unicode form or percent-encoding), other
/// email addresses, phone numbers, PGP fingerprints and key IDs, private IP
/// addresses and internal hostnames; a finding refuses too (exit 1), naming
/// the file, line and kind. --force --reason TEXT publishes anyway and
/// records why.
///
/// Otherwise it assigns the advisory ID (<PROJECT>-SA-<year>-<NNN>, or the one
/// `disclose reserve` gave out), writes
/// the Markdown advisory, release notes, announcement email, OSV record and
/// (with a CVE) CVE record into DIR (default: advisories/<ID>/ in the store),
/// sets published_at and moves the case to `published`, in one commit.
///
/// With a team remote (`disclose remote`), publish first takes the team's
/// changes (as `sync --no-push` does), so the number is not one another
/// clone has taken, and pushes the published case right after, so no other
/// clone takes it next. When the remote cannot be reached it stops before
/// numbering; --offline numbers from this clone alone.
///
/// --dry-run prints the Markdown advisory it would write, the open items and
/// the leak guard's findings (with --json, one object with the items, the
/// findings and every file's content); it changes nothing.
///
/// --update writes the files of a published case again after a change (a
/// corrected fix, a new CVE ID, a credit, new public text): OSV `modified`
/// and the CVE record's `dateUpdated` move to now, the update is recorded in
/// the case, and the change to the Markdown advisory is printed as a diff.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose publish K7Q --dry-run\n  \
    disclose publish K7Q --dry-run --json | jq -r '.files[0].content'\n  \
    disclose publish DISC-2026-K7Q3M\n  \
    disclose publish K7Q --force --reason 'fix is public upstream; embargo broken'\n  \
    disclose publish K7Q --offline   # on a plane: number here, `disclose sync` later\n  \
    disclose assign K7Q --cve CVE-2026-12345 && disclose publish K7Q --update")]
pub struct PublishArgs {
    /// Case to publish, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Directory for the advisory files (default: advisories/<ID>/ in the
    /// store); outside the store they are private to you unless --world-readable
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub mode: OutputMode,
    /// Show the advisory it would write, every open item and leak; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Publish even with open items or leak findings (the reason is recorded)
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why publishing was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
    /// Do not reach the team's remote: number from this clone alone and
    /// leave the push to the next `disclose sync`
    #[arg(long)]
    pub offline: bool,
    /// Write the advisory files of a published case again, after a change
    #[arg(long, conflicts_with = "offline")]
    pub update: bool,
}

/// Everything a publish would do.
struct Plan {
    case: Case,
    advisory: String,
    items: Vec<OpenItem>,
    files: AdvisoryFiles,
    findings: Vec<Leak>,
}

/// Where the files go: inside the store (committed) or elsewhere.
enum Target {
    Store(String),
    Outside(PathBuf),
}

pub fn run(ctx: &Ctx, args: &PublishArgs) -> Result<()> {
    args.mode.require_files(
        args.out.is_some(),
        "without --out the files go into the store, which is private as a whole",
    )?;
    let store = ctx.store()?;
    let id = store.resolve(&args.id)?;
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    if force.is_some_and(|r| r.trim().is_empty()) {
        return Err(Error::input("--reason must say why publishing is forced"));
    }
    if args.update {
        return update::run(ctx, &store, &id, args, force);
    }
    let team = if args.offline {
        None
    } else {
        store.remote_url()?
    };
    if args.dry_run {
        let case = store.read(&id)?;
        let now = ctx.now();
        let items = readiness::check(&case, store.policy(), now);
        let planned = plan(&store, case, items.clone(), now, "dry run", force)
            .and_then(|plan| Ok((target(&store, args.out.as_deref(), &plan.advisory)?, plan)));
        return dry_run::show(ctx, &id, &items, planned, force.is_some(), team.is_some());
    }
    let store = match &team {
        Some(_) => numbering::take_team_changes(ctx, store, ("publish", "published"), |store| {
            // Refuse what would be refused anyway before reaching the network.
            let case = store.read(&id)?;
            let now = ctx.now();
            let items = readiness::check(&case, store.policy(), now);
            gate(&case, &items, force)?;
            if let Some(out) = args.out.as_deref() {
                // A bad --out is bad input: found before anything changes.
                target(store, Some(out), "SA")?;
            }
            let plan = plan(store, case, items, now, "check", force)?;
            check_findings(&id, &plan.findings, force)
        })?,
        None => store,
    };
    let now = ctx.now();
    let (plan, target) = ctx.transact(&store, |tx, by| {
        let case = tx.read(&id)?;
        let items = readiness::check(&case, tx.store().policy(), now);
        gate(&case, &items, force)?;
        let plan = plan(tx.store(), case, items, now, by, force)?;
        check_findings(&id, &plan.findings, force)?;
        let target = target(tx.store(), args.out.as_deref(), &plan.advisory)?;
        write_files(tx, &target, &plan.files.files, args.mode.visibility());
        tx.write(&plan.case);
        tx.set_message(format!("{id}: publish {}", plan.advisory));
        Ok((plan, target))
    })?;
    let written = match &target {
        Target::Store(dir) => store.root().join(dir),
        Target::Outside(dir) => dir.clone(),
    };
    for (format, why) in &plan.files.skipped {
        ctx.ui
            .warn(&format!("{} not written: {why}", format.file_name()));
    }
    if !plan.items.is_empty() {
        ctx.ui.warn(&format!(
            "published with {} open item(s) (forced: {})",
            plan.items.len(),
            force.unwrap_or_default()
        ));
    }
    for finding in &plan.findings {
        ctx.ui
            .warn(&format!("published despite the leak guard: {finding}"));
    }
    let names: Vec<&str> = plan
        .files
        .files
        .iter()
        .map(|(f, _)| f.file_name())
        .collect();
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "case": id,
            "advisory": plan.advisory,
            "dir": written,
            "files": names,
            "forced": !plan.items.is_empty() || !plan.findings.is_empty(),
            "findings": plan.findings,
        }))?;
    } else {
        ctx.ui.println(&plan.advisory)?;
    }
    ctx.ui.status(&format!(
        "Published {id} as {} ({} files in {}).",
        plan.advisory,
        names.len(),
        written.display()
    ));
    if team.is_some() {
        share(ctx, &store, &id, &plan.advisory);
    }
    ctx.ui.next_steps(&after_publish(&id, &written, &names));
    Ok(())
}

/// What to do with the files `publish` wrote into `dir`: they go nowhere
/// by themselves.
fn after_publish(id: &CaseId, dir: &Path, files: &[&str]) -> Vec<String> {
    let has = |name: &str| files.contains(&name);
    let dir = dir.display();
    let mut steps = Vec::new();
    let records: Vec<&str> = ["advisory.md", "osv.json", "cve.json"]
        .into_iter()
        .filter(|f| has(f))
        .collect();
    if !records.is_empty() {
        steps.push(format!(
            "copy {} from {dir}/ to the public repository (its advisories, or the \
             repository's security advisory form)",
            records.join(", ")
        ));
    }
    if has("cve.json") {
        steps.push(format!("submit {dir}/cve.json to your CNA"));
    }
    if has("release-notes.md") {
        steps.push(format!(
            "add {dir}/release-notes.md to the changelog of the fixed releases"
        ));
    }
    if has("announcement.eml") {
        steps.push(format!(
            "send {dir}/announcement.eml from your mail program to the project's \
             announcement list (and oss-security, if it is notable)"
        ));
    }
    steps.push(format!(
        "tell the reporter: `disclose contact {id} --draft published`, then log it with \
         `disclose contact {id} --to-reporter ...`"
    ));
    steps
}

fn share(ctx: &Ctx, store: &Store, id: &CaseId, advisory: &str) {
    numbering::share(
        ctx,
        store,
        &format!("{id} is published here as {advisory}"),
        advisory,
    );
}

fn plan(
    store: &Store,
    mut case: Case,
    items: Vec<OpenItem>,
    now: DateTime<Utc>,
    by: &str,
    force: Option<&str>,
) -> Result<Plan> {
    let policy = store.policy();
    case.check_unpublished()?;
    let advisory = match case.identifiers.advisory.clone() {
        Some(reserved) => reserved,
        None => numbering::next_advisory_id(store, policy, now)?,
    };
    let stamp = Stamp { at: now, by };
    // The files do not depend on why publishing was forced, which depends
    // on what the guard finds in them: render a trial first.
    let mut trial = case.clone();
    trial.publish(advisory.clone(), None, stamp, force)?;
    let files = AdvisoryFiles::render(&trial, policy, now);
    let findings = Guard::new(&trial, policy).scan_files(&files);
    let forced_reason = (!items.is_empty() || !findings.is_empty())
        .then(|| force.map(str::to_owned))
        .flatten();
    case.publish(advisory.clone(), forced_reason, stamp, force)?;
    crate::app::input::check_limits(&case.events[case.events.len() - 1..])?;
    Ok(Plan {
        case,
        advisory,
        items,
        files,
        findings,
    })
}

/// Refuses to publish private data unless forced.
fn check_findings(id: &CaseId, findings: &[Leak], force: Option<&str>) -> Result<()> {
    if findings.is_empty() || force.is_some() {
        return Ok(());
    }
    Err(leak_refusal(id, findings, "publish anyway"))
}

fn leak_refusal(id: &CaseId, findings: &[Leak], anyway: &str) -> Error {
    let list: Vec<String> = findings.iter().map(|f| format!("  - {f}")).collect();
    Error::refused(format!(
        "the advisory of {id} would make private data public: {} finding(s) of the leak guard\n{}",
        findings.len(),
        list.join("\n")
    ))
    .with_hint(format!(
        "change the public text with `disclose describe {id} --edit` (or the credit, fix or \
         release that holds it), or {anyway} with --force --reason TEXT (recorded in the case)"
    ))
}

/// Stages the advisory files in the change that publishes them: in the
/// store, or outside it, where they appear only if the change is made.
fn write_files(
    tx: &mut Tx<'_>,
    target: &Target,
    files: &[(Format, String)],
    visibility: Visibility,
) {
    for (format, text) in files {
        let bytes = text.clone().into_bytes();
        match target {
            Target::Store(dir) => tx.write_file(&format!("{dir}/{}", format.file_name()), bytes),
            Target::Outside(dir) => {
                tx.write_outside(dir.join(format.file_name()), bytes, visibility);
            }
        }
    }
}

fn target(store: &Store, out: Option<&Path>, advisory: &str) -> Result<Target> {
    let Some(out) = out else {
        return Ok(Target::Store(format!("{ADVISORIES_DIR}/{advisory}")));
    };
    let abs = std::path::absolute(out)
        .map_err(|e| Error::io(format!("resolve --out {}", out.display()), e))?;
    let root = store
        .root()
        .canonicalize()
        .unwrap_or_else(|_| store.root().to_path_buf());
    let inside = abs
        .strip_prefix(&root)
        .or_else(|_| abs.strip_prefix(store.root()));
    let Ok(rel) = inside else {
        return Ok(Target::Outside(abs));
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str().ok_or_else(|| {
                Error::input(format!("--out {}: not valid UTF-8", out.display()))
            })?),
            _ => {
                return Err(Error::input(format!(
                    "--out {}: use a plain directory path inside the store",
                    out.display()
                )));
            }
        }
    }
    if parts.is_empty() || matches!(parts[0], ".git" | "cases" | "attachments") {
        return Err(Error::input(format!(
            "--out {}: advisories cannot go there in the store",
            out.display()
        ))
        .with_hint("leave --out out to use advisories/<ID>/"));
    }
    Ok(Target::Store(parts.join("/")))
}

fn list(items: &[OpenItem]) -> String {
    items
        .iter()
        .map(|i| match &i.fix {
            Some(fix) => format!("  - {}\n      {fix}", i.what),
            None => format!("  - {}", i.what),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Refuses a case that is published already, or (unless forced) not ready.
fn gate(case: &Case, items: &[OpenItem], force: Option<&str>) -> Result<()> {
    case.check_unpublished()?;
    if !items.is_empty() && force.is_none() {
        return Err(refusal(&case.id, items));
    }
    Ok(())
}

fn refusal(id: &CaseId, items: &[OpenItem]) -> Error {
    Error::refused(format!(
        "{id} is not ready to publish: {} open item(s)\n{}",
        items.len(),
        list(items)
    ))
    .with_hint("close them, or publish anyway with --force --reason TEXT (recorded in the case)")
}

/// What writing a published advisory again did.
#[derive(Debug)]
pub(crate) struct Rewritten {
    /// The store directory written, or `None` when the advisory's files are
    /// not in the store (published with `--out` elsewhere).
    pub dir: Option<String>,
    pub written: Vec<Format>,
    /// Files left as they were, and why they could not be written again.
    pub kept: Vec<(Format, String)>,
    /// What the leak guard found in the files written.
    pub findings: Vec<Leak>,
}

/// Writes a published case's advisory files again from the case as it now
/// stands (withdrawn, or amended), in the transaction `tx` that records the
/// case's change, so the files and the case never disagree. The files in
/// `advisories/<ID>/` are replaced; one that no longer renders is left as
/// it was and reported. `case` is the changed case, already staged.
pub(crate) fn rewrite_published(
    tx: &mut crate::store::Tx<'_>,
    case: &Case,
    now: DateTime<Utc>,
) -> Result<Rewritten> {
    let advisory = case.identifiers.advisory.clone().ok_or_else(|| {
        Error::refused(format!(
            "{} has no advisory to write again: it was never published",
            case.id
        ))
    })?;
    let dir = format!("{ADVISORIES_DIR}/{advisory}");
    let on_disk = tx.store().root().join(&dir);
    if !std::fs::symlink_metadata(&on_disk).is_ok_and(|m| m.is_dir()) {
        return Ok(Rewritten {
            dir: None,
            written: Vec::new(),
            kept: Vec::new(),
            findings: Vec::new(),
        });
    }
    let policy = tx.store().policy();
    let files = AdvisoryFiles::render(case, policy, now);
    let findings = Guard::new(case, policy).scan_files(&files);
    let written = files.files.iter().map(|(f, _)| *f).collect();
    let kept = files
        .skipped
        .iter()
        .filter(|(format, _)| {
            std::fs::symlink_metadata(on_disk.join(format.file_name())).is_ok_and(|m| m.is_file())
        })
        .cloned()
        .collect();
    for (format, text) in files.files {
        tx.write_file(&format!("{dir}/{}", format.file_name()), text.into_bytes());
    }
    Ok(Rewritten {
        dir: Some(dir),
        written,
        kept,
        findings,
    })
}
