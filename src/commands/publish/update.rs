//! `publish --update`: the files of a published advisory written again
//! after a change, in one commit with the event that records it; OSV
//! `modified` and the CVE record's `dateUpdated` move to now, and the
//! change to the Markdown advisory is shown as a diff.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::{PublishArgs, Target, leak_refusal, target, write_files};
use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::export::leak::{Guard, Leak};
use crate::export::{AdvisoryFiles, Format, diff};
use crate::model::case::{Case, EventKind, Stamp, replay};
use crate::model::id::CaseId;
use crate::model::policy::Policy;
use crate::store::Store;

/// What an update writes.
struct Update {
    advisory: String,
    target: Target,
    changed: Vec<Format>,
    files: AdvisoryFiles,
    findings: Vec<Leak>,
    diff: String,
    case: Case,
}

pub(super) fn run(
    ctx: &Ctx,
    store: &Store,
    id: &CaseId,
    args: &PublishArgs,
    force: Option<&str>,
) -> Result<()> {
    let now = ctx.now();
    if args.dry_run {
        let case = store.read(id)?;
        let update = prepare(store, case, args.out.as_deref(), now, "dry run")?;
        return report(ctx, id, update.as_ref(), true);
    }
    let update = ctx.transact(store, |tx, by| {
        let case = tx.read(id)?;
        let Some(update) = prepare(tx.store(), case, args.out.as_deref(), now, by)? else {
            return Ok(None);
        };
        if !update.findings.is_empty() && force.is_none() {
            return Err(leak_refusal(id, &update.findings, "update anyway"));
        }
        write_files(
            tx,
            &update.target,
            &update.files.files,
            args.mode.visibility(),
        );
        tx.write(&update.case);
        tx.set_message(format!("{id}: update advisory {}", update.advisory));
        Ok(Some(update))
    })?;
    if let Some(update) = &update {
        for finding in &update.findings {
            ctx.ui
                .warn(&format!("updated despite the leak guard: {finding}"));
        }
        for (format, why) in &update.files.skipped {
            ctx.ui
                .warn(&format!("{} not written: {why}", format.file_name()));
        }
    }
    report(ctx, id, update.as_ref(), false)
}

/// Renders the advisory as it is now and compares it with what was
/// written last; `None` when nothing public changed.
fn prepare(
    store: &Store,
    mut case: Case,
    out: Option<&Path>,
    now: DateTime<Utc>,
    by: &str,
) -> Result<Option<Update>> {
    let Some(advisory) = case.identifiers.advisory.clone() else {
        return Err(not_published(&case));
    };
    if case.published_at.is_none() {
        return Err(not_published(&case));
    }
    let policy = store.policy();
    let target = target(store, out, &advisory)?;
    let before = previous(store, &target, &case, policy, now);
    // As it would be written now, before the update moves `modified`.
    let current = AdvisoryFiles::render(&case, policy, now);
    let changed: Vec<Format> = Format::all()
        .filter(|f| current.get(*f) != before.get(*f))
        .collect();
    if changed.is_empty() {
        return Ok(None);
    }
    case.record_update(
        changed.iter().map(|f| f.file_name().to_owned()).collect(),
        Stamp { at: now, by },
    )?;
    let files = AdvisoryFiles::render(&case, policy, now);
    let findings = Guard::new(&case, policy).scan_files(&files);
    let name = Format::Markdown.file_name();
    let diff = diff::unified(
        before.get(Format::Markdown).unwrap_or_default(),
        files.get(Format::Markdown).unwrap_or_default(),
        &format!("a/{name}"),
        &format!("b/{name}"),
        3,
    );
    Ok(Some(Update {
        advisory,
        target,
        changed,
        files,
        findings,
        diff,
        case,
    }))
}

fn not_published(case: &Case) -> Error {
    Error::refused(format!(
        "{} is {}, not published: there is no advisory to update",
        case.id, case.state
    ))
    .with_hint(format!(
        "see what publishing would write with `disclose publish {} --dry-run`",
        case.id
    ))
}

/// The files as they were last written: read from where they went, else
/// rendered from the case as it was when they were written.
fn previous(
    store: &Store,
    target: &Target,
    case: &Case,
    policy: &Policy,
    now: DateTime<Utc>,
) -> AdvisoryFiles {
    let mut files = Vec::new();
    for format in Format::all() {
        let text = match target {
            // Through the store's door: a link there is never read (and the
            // write that follows refuses it, naming it).
            Target::Store(rel) => store
                .read_file(&format!("{rel}/{}", format.file_name()), u64::MAX)
                .ok()
                .flatten()
                .and_then(|bytes| String::from_utf8(bytes).ok()),
            Target::Outside(dir) => {
                let path = dir.join(format.file_name());
                let plain = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
                plain.then(|| std::fs::read_to_string(&path).ok()).flatten()
            }
        };
        if let Some(text) = text {
            files.push((format, text));
        }
    }
    if !files.is_empty() {
        return AdvisoryFiles {
            files,
            skipped: Vec::new(),
        };
    }
    let written = case.events.iter().rposition(|e| {
        matches!(
            e.kind,
            EventKind::Published { .. }
                | EventKind::AdvisoryUpdated { .. }
                | EventKind::AdvisoryRenumbered { .. }
        )
    });
    match written.and_then(|i| replay(case.events[..=i].to_vec()).ok()) {
        Some(then) => AdvisoryFiles::render(&then, policy, now),
        None => AdvisoryFiles {
            files: Vec::new(),
            skipped: Vec::new(),
        },
    }
}

fn report(ctx: &Ctx, id: &CaseId, update: Option<&Update>, dry_run: bool) -> Result<()> {
    let Some(update) = update else {
        if ctx.ui.json() {
            ctx.ui.print_json(&serde_json::json!({
                "case": id,
                "changed": Vec::<&str>::new(),
                "dry_run": dry_run,
            }))?;
        }
        ctx.ui.status(&format!(
            "{id}: the advisory files already show every change; nothing to update."
        ));
        return Ok(());
    };
    let names: Vec<&str> = update.changed.iter().map(|f| f.file_name()).collect();
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "case": id,
            "advisory": update.advisory,
            "changed": names,
            "dry_run": dry_run,
            "diff": update.diff,
            "findings": update.findings,
        }))?;
    } else {
        ctx.ui.print(&update.diff)?;
    }
    let verb = if dry_run { "would update" } else { "updated" };
    ctx.ui.status(&format!(
        "{id}: {verb} advisory {} ({}).",
        update.advisory,
        names.join(", ")
    ));
    if dry_run && !update.findings.is_empty() {
        for finding in &update.findings {
            ctx.ui.warn(&format!("leak guard: {finding}"));
        }
    }
    Ok(())
}
