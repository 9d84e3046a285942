//! `disclose publish`: check the readiness list, assign the public advisory
//! ID, write every advisory file and mark the case published, in one commit.

use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Datelike as _, Utc};

use crate::app::context::Ctx;
use crate::commands::common::sync_report;
use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::judge::readiness::{self, OpenItem};
use crate::model::advisory_id;
use crate::model::case::{Case, Stamp};
use crate::model::id::{CaseId, CaseRef};
use crate::model::policy::Policy;
use crate::store::{ADVISORIES_DIR, REMOTE, Store, SyncOptions};

/// Publish a fixed case: write its advisory files and mark it published
///
/// Checks the readiness list as a whole: the case is fixed; the embargo has
/// passed; every maintained release is released-fixed or decided
/// not-affected, wont-fix or eol; severity, a public summary and an affected
/// range are set; no credit's consent is pending; a CVE is assigned when the
/// policy requires one. While any item is open it refuses (exit 1) and lists
/// every one with the command that closes it.
///
/// Otherwise it assigns the advisory ID (<PROJECT>-SA-<year>-<NNN>), writes
/// the Markdown advisory, release notes, announcement email, OSV record and
/// (with a CVE) CVE record into DIR (default: advisories/<ID>/ in the store),
/// sets published_at and moves the case to `published`, in one commit.
///
/// With a team remote (`disclose remote`), publish first takes the team's
/// changes (as `sync --no-push` does), so the number is not one another
/// clone has taken, and pushes the published case right after, so no other
/// clone takes it next. When the remote cannot be reached it stops before
/// numbering; --offline numbers from this clone alone.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose publish K7Q --dry-run\n  \
    disclose publish DISC-2026-K7Q3M\n  \
    disclose publish K7Q --force --reason 'fix is public upstream; embargo broken'\n  \
    disclose publish K7Q --offline   # on a plane: number here, `disclose sync` later")]
pub struct PublishArgs {
    /// Case to publish, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Directory for the advisory files (default: advisories/<ID>/ in the store)
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    /// Show what would be written and every open item; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Publish even with open items (the reason is recorded as an event)
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why publishing was forced (with --force)
    #[arg(long, value_name = "TEXT", requires = "force")]
    pub reason: Option<String>,
    /// Do not reach the team's remote: number from this clone alone and
    /// leave the push to the next `disclose sync`
    #[arg(long)]
    pub offline: bool,
}

/// Everything a publish would do.
struct Plan {
    case: Case,
    advisory: String,
    items: Vec<OpenItem>,
    files: Vec<(Format, String)>,
    skipped: Vec<(Format, String)>,
}

/// Where the files go: inside the store (committed) or elsewhere.
enum Target {
    Store(String),
    Outside(PathBuf),
}

pub fn run(ctx: &Ctx, args: &PublishArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id)?;
    let force = args.force.then(|| args.reason.as_deref().unwrap_or(""));
    if force.is_some_and(|r| r.trim().is_empty()) {
        return Err(Error::input("--reason must say why publishing is forced"));
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
        return dry_run(ctx, &id, &items, planned, force.is_some(), team.is_some());
    }
    let store = match &team {
        Some(_) => take_team_changes(ctx, store, &id, force, args.out.as_deref())?,
        None => store,
    };
    let now = ctx.now();
    let (plan, target) = ctx.transact(&store, |tx, by| {
        let case = tx.read(&id)?;
        let items = readiness::check(&case, tx.store().policy(), now);
        gate(&case, &items, force)?;
        let plan = plan(tx.store(), case, items, now, by, force)?;
        let target = target(tx.store(), args.out.as_deref(), &plan.advisory)?;
        if let Target::Store(dir) = &target {
            for (format, text) in &plan.files {
                tx.write_file(
                    &format!("{dir}/{}", format.file_name()),
                    text.clone().into_bytes(),
                );
            }
        }
        tx.write(&plan.case);
        tx.set_message(format!("{id}: publish {}", plan.advisory));
        Ok((plan, target))
    })?;
    let written = match &target {
        Target::Store(dir) => store.root().join(dir),
        Target::Outside(dir) => {
            write_outside(dir, &plan.files).map_err(|e| {
                // The case is published all the same: its number must
                // still reach the team.
                if team.is_some() {
                    share(ctx, &store, &id, &plan.advisory);
                }
                Error::refused(format!(
                    "{id} is published as {}, but writing the files failed: {e}",
                    plan.advisory
                ))
                .with_hint(format!(
                    "write them again with `disclose export {id} --format FORMAT --out FILE`"
                ))
            })?;
            dir.clone()
        }
    };
    for (format, why) in &plan.skipped {
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
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "case": id,
            "advisory": plan.advisory,
            "dir": written,
            "files": plan.files.iter().map(|(f, _)| f.file_name()).collect::<Vec<_>>(),
            "forced": !plan.items.is_empty(),
        }))?;
    } else {
        ctx.ui.println(&plan.advisory)?;
    }
    ctx.ui.status(&format!(
        "Published {id} as {} ({} files in {}).",
        plan.advisory,
        plan.files.len(),
        written.display()
    ));
    if team.is_some() {
        share(ctx, &store, &id, &plan.advisory);
    }
    let names: Vec<&str> = plan.files.iter().map(|(f, _)| f.file_name()).collect();
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
    let advisory = advisory_id(store, policy, now)?;
    let forced_reason = (!items.is_empty())
        .then(|| force.map(str::to_owned))
        .flatten();
    case.publish(
        advisory.clone(),
        forced_reason,
        Stamp { at: now, by },
        force,
    )?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for format in Format::all() {
        if format == Format::Cve && case.identifiers.cve.is_none() {
            skipped.push((format, "the case has no CVE ID".to_owned()));
            continue;
        }
        match export::render(&case, policy, format, now) {
            Ok(text) => files.push((format, text)),
            Err(e) => skipped.push((format, e.to_string())),
        }
    }
    Ok(Plan {
        case,
        advisory,
        items,
        files,
        skipped,
    })
}

fn advisory_id(store: &Store, policy: &Policy, now: DateTime<Utc>) -> Result<String> {
    let code = policy
        .project
        .as_deref()
        .and_then(advisory_id::project_code)
        .ok_or_else(|| {
            Error::input("the policy has no project name, which the advisory ID is made from")
                .with_hint(
                    "set it with `disclose policy set project NAME` (or `project` in policy.json)",
                )
        })?;
    // Summaries, not whole cases: numbering reads one field of every case.
    let summaries = store.summaries()?;
    let taken = summaries.cases.iter().filter_map(|c| c.advisory.as_deref());
    Ok(advisory_id::next(&code, now.year(), taken))
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

fn write_outside(dir: &Path, files: &[(Format, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (format, text) in files {
        std::fs::write(dir.join(format.file_name()), text.as_bytes())?;
    }
    Ok(())
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

/// Before numbering in a team store: refuse what would be refused anyway
/// without reaching the network, then fetch and merge the team's changes, so
/// the advisory numbers other clones took are known. Returns the store as
/// merged.
fn take_team_changes(
    ctx: &Ctx,
    store: Store,
    id: &CaseId,
    force: Option<&str>,
    out: Option<&Path>,
) -> Result<Store> {
    let case = store.read(id)?;
    let items = readiness::check(&case, store.policy(), ctx.now());
    gate(&case, &items, force)?;
    if let Some(out) = out {
        // A bad --out is bad input: found before anything changes.
        target(&store, Some(out), "SA")?;
    }
    let who = ctx.identity_for(Some(&store))?;
    let opts = SyncOptions {
        push: false,
        ..SyncOptions::default()
    };
    let report = store
        .sync(&who, ctx.now(), opts, &mut |_| {})
        .map_err(|e| match e {
            Error::Store { .. } => e.with_hint(format!(
                "nothing was published: publish takes the team's changes first, so that the \
                 advisory number is not one another clone has taken; publish again when \
                 {REMOTE} can be reached, or pass --offline to number from this clone alone"
            )),
            other => other,
        })?;
    sync_report::tell(ctx, &report);
    // The merge may have changed the policy, or the case itself.
    Store::open(store.root())
}

/// After publishing in a team store: push, so the number is the team's
/// before another clone numbers. A failure leaves a published case here and
/// a warning, not an error: the publish itself is done.
fn share(ctx: &Ctx, store: &Store, id: &CaseId, advisory: &str) {
    let pushed = ctx
        .identity_for(Some(store))
        .and_then(|who| store.sync(&who, ctx.now(), SyncOptions::default(), &mut |_| {}));
    match pushed {
        // Nothing new is the usual case seconds after the first fetch.
        Ok(report) if report.fetched == 0 => {
            sync_report::tell_merge_and_push(ctx, &report);
        }
        Ok(report) => sync_report::tell(ctx, &report),
        Err(e) => ctx.ui.warn(&format!(
            "{id} is published here as {advisory}, but pushing it to {REMOTE} failed: {e}; \
             run `disclose sync` soon, so that no other clone takes {advisory}"
        )),
    }
}

fn refusal(id: &CaseId, items: &[OpenItem]) -> Error {
    Error::refused(format!(
        "{id} is not ready to publish: {} open item(s)\n{}",
        items.len(),
        list(items)
    ))
    .with_hint("close them, or publish anyway with --force --reason TEXT (recorded in the case)")
}

fn dry_run(
    ctx: &Ctx,
    id: &CaseId,
    items: &[OpenItem],
    planned: Result<(Target, Plan)>,
    forced: bool,
    team: bool,
) -> Result<()> {
    let (planned, error) = match planned {
        Ok(planned) => (Some(planned), None),
        Err(e) => (None, Some(e)),
    };
    finish_dry_run(
        ctx,
        id,
        items,
        planned.as_ref(),
        error.as_ref(),
        forced,
        team,
    )?;
    let failure = match error {
        Some(e) => e,
        None if items.is_empty() || forced => return Ok(()),
        None => Error::refused(format!(
            "{id} is not ready to publish: {} open item(s)",
            items.len()
        )),
    };
    // With --json the dry run's object already says why.
    Err(if ctx.ui.json() {
        failure.reported()
    } else {
        failure
    })
}

/// Prints what a dry run found: the text, or with --json one object
/// `{case, dry_run, advisory, dir, in_store, files: [{name, bytes}],
/// skipped: [{name, why}], open_items: [{what, fix}], forced, ready, error}`.
fn finish_dry_run(
    ctx: &Ctx,
    id: &CaseId,
    items: &[OpenItem],
    planned: Option<&(Target, Plan)>,
    error: Option<&Error>,
    forced: bool,
    team: bool,
) -> Result<()> {
    if ctx.ui.json() {
        let (advisory, dir, in_store, files, skipped) = match planned {
            Some((target, plan)) => {
                let (dir, in_store) = match target {
                    Target::Store(rel) => (rel.clone(), true),
                    Target::Outside(p) => (p.display().to_string(), false),
                };
                let files: Vec<_> = plan
                    .files
                    .iter()
                    .map(
                        |(f, body)| serde_json::json!({"name": f.file_name(), "bytes": body.len()}),
                    )
                    .collect();
                let skipped: Vec<_> = plan
                    .skipped
                    .iter()
                    .map(|(f, why)| serde_json::json!({"name": f.file_name(), "why": why}))
                    .collect();
                (
                    Some(plan.advisory.clone()),
                    Some(dir),
                    in_store,
                    files,
                    skipped,
                )
            }
            None => (None, None, false, Vec::new(), Vec::new()),
        };
        let open: Vec<_> = items
            .iter()
            .map(|i| serde_json::json!({"what": i.what, "fix": i.fix}))
            .collect();
        return ctx.ui.print_json(&serde_json::json!({
            "case": id,
            "dry_run": true,
            "advisory": advisory,
            "numbered_from_this_clone": team,
            "dir": dir,
            "in_store": in_store,
            "files": files,
            "skipped": skipped,
            "open_items": open,
            "forced": forced,
            "ready": error.is_none() && (items.is_empty() || forced),
            "error": error.map(Error::to_json),
        }));
    }
    let mut text = String::new();
    match (planned, error) {
        (Some((target, plan)), _) => {
            let dir = match target {
                Target::Store(rel) => format!("{rel}/ (in the store)"),
                Target::Outside(p) => format!("{}/", p.display()),
            };
            text.push_str(&format!(
                "Dry run: {id} would be published as {}.\n",
                plan.advisory
            ));
            if team {
                text.push_str(&format!(
                    "(Numbered from this clone: publishing takes the team's changes from {REMOTE} \
                     first, which may make the number higher.)\n"
                ));
            }
            text.push_str(&format!("Files in {dir}:\n"));
            for (format, body) in &plan.files {
                text.push_str(&format!(
                    "  {} ({} bytes)\n",
                    format.file_name(),
                    body.len()
                ));
            }
            for (format, why) in &plan.skipped {
                text.push_str(&format!("  {} skipped: {why}\n", format.file_name()));
            }
        }
        (None, Some(e)) => text.push_str(&format!("Dry run: {id} cannot be published: {e}\n")),
        (None, None) => {}
    }
    if items.is_empty() {
        text.push_str("Ready: every readiness item is closed.\n");
    } else {
        text.push_str(&format!(
            "Open items ({}){}:\n{}\n",
            items.len(),
            if forced {
                ", overridden by --force"
            } else {
                ""
            },
            list(items)
        ));
    }
    ctx.ui.print(&text)
}
