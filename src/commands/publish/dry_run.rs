//! `publish --dry-run`: the advisory as it would go out, every open item
//! and every leak finding; nothing changes.

use serde::Serialize;

use super::{Plan, Target, list};
use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::export::Format;
use crate::export::leak::Leak;
use crate::judge::readiness::OpenItem;
use crate::model::id::CaseId;
use crate::store::REMOTE;

#[derive(Serialize)]
struct Item<'a> {
    what: &'a str,
    fix: Option<&'a str>,
}

#[derive(Serialize)]
struct File<'a> {
    name: &'a str,
    path: String,
    content: &'a str,
}

#[derive(Serialize)]
struct Skipped<'a> {
    name: &'a str,
    reason: &'a str,
}

/// The `--json` form of a dry run.
#[derive(Serialize)]
struct DryRun<'a> {
    case: &'a CaseId,
    advisory: Option<&'a str>,
    ready: bool,
    /// Numbered from this clone, before taking the team's changes.
    provisional_number: bool,
    items: Vec<Item<'a>>,
    findings: &'a [Leak],
    files: Vec<File<'a>>,
    skipped: Vec<Skipped<'a>>,
    error: Option<String>,
}

pub(super) fn show(
    ctx: &Ctx,
    id: &CaseId,
    items: &[OpenItem],
    planned: Result<(Target, Plan)>,
    forced: bool,
    team: bool,
) -> Result<()> {
    let findings: &[Leak] = match &planned {
        Ok((_, plan)) => &plan.findings,
        Err(_) => &[],
    };
    let dir = planned.as_ref().ok().map(|(target, _)| match target {
        Target::Store(rel) => format!("{rel}/"),
        Target::Outside(p) => format!("{}/", p.display()),
    });
    if ctx.ui.json() {
        let (files, skipped) = match &planned {
            Ok((_, plan)) => (
                plan.files
                    .files
                    .iter()
                    .map(|(f, text)| File {
                        name: f.file_name(),
                        path: format!("{}{}", dir.clone().unwrap_or_default(), f.file_name()),
                        content: text,
                    })
                    .collect(),
                plan.files
                    .skipped
                    .iter()
                    .map(|(f, why)| Skipped {
                        name: f.file_name(),
                        reason: why,
                    })
                    .collect(),
            ),
            Err(_) => (Vec::new(), Vec::new()),
        };
        ctx.ui.print_json(&DryRun {
            case: id,
            advisory: planned.as_ref().ok().map(|(_, p)| p.advisory.as_str()),
            ready: items.is_empty() && findings.is_empty() && planned.is_ok(),
            provisional_number: team,
            items: items
                .iter()
                .map(|i| Item {
                    what: &i.what,
                    fix: i.fix.as_deref(),
                })
                .collect(),
            findings,
            files,
            skipped,
            error: planned.as_ref().err().map(ToString::to_string),
        })?;
    } else {
        ctx.ui
            .print(&text(id, items, &planned, forced, team, dir))?;
    }
    let failure = match planned {
        Err(e) => e,
        Ok(_) if forced || (items.is_empty() && findings.is_empty()) => return Ok(()),
        Ok(_) => Error::refused(format!(
            "{id} is not ready to publish: {} open item(s), {} leak finding(s)",
            items.len(),
            findings.len()
        )),
    };
    // With --json the object printed already says why; nothing follows it.
    Err(if ctx.ui.json() {
        failure.reported()
    } else {
        failure
    })
}

fn text(
    id: &CaseId,
    items: &[OpenItem],
    planned: &Result<(Target, Plan)>,
    forced: bool,
    team: bool,
    dir: Option<String>,
) -> String {
    let mut text = String::new();
    let overridden = if forced {
        ", overridden by --force"
    } else {
        ""
    };
    match planned {
        Ok((target, plan)) => {
            let place = match target {
                Target::Store(_) => " (in the store)",
                Target::Outside(_) => "",
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
            text.push_str(&format!("Files in {}{place}:\n", dir.unwrap_or_default()));
            for (format, body) in &plan.files.files {
                text.push_str(&format!(
                    "  {} ({} bytes)\n",
                    format.file_name(),
                    body.len()
                ));
            }
            for (format, why) in &plan.files.skipped {
                text.push_str(&format!("  {} skipped: {why}\n", format.file_name()));
            }
        }
        Err(e) => text.push_str(&format!("Dry run: {id} cannot be published: {e}\n")),
    }
    if items.is_empty() {
        text.push_str("Ready: every readiness item is closed.\n");
    } else {
        text.push_str(&format!(
            "Open items ({}){overridden}:\n{}\n",
            items.len(),
            list(items)
        ));
    }
    if let Ok((_, plan)) = planned {
        if plan.findings.is_empty() {
            text.push_str("Leak guard: no private data found in the files.\n");
        } else {
            text.push_str(&format!(
                "Leak guard: {} finding(s){overridden}:\n",
                plan.findings.len()
            ));
            for f in &plan.findings {
                text.push_str(&format!("  - {f}\n"));
            }
        }
        if let Some(md) = plan.files.get(Format::Markdown) {
            text.push_str(&format!("\n--- {} ---\n{md}", Format::Markdown.file_name()));
        }
    }
    text
}
