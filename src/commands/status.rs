//! `disclose status`: the open cases and their clocks, most urgent first.

use comfy_table::{Cell, Color};

use crate::case::Case;
use crate::clock::relative;
use crate::commands::show::CaseWithClocks;
use crate::context::Ctx;
use crate::deadlines::{ClockKind, ClockView, Clocks};
use crate::error::{Error, Result};

/// List open cases and their clocks
///
/// One row per case, most urgent first: the next clock to fall due decides
/// the order, overdue ones on top. Broken case files do not hide the others:
/// they are listed as errors at the end and the exit code is 3.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose status\n  \
    disclose status --all\n  \
    DISCLOSE_NOW=2026-03-06T17:00:00Z disclose status   # what will be late on Friday evening")]
pub struct StatusArgs {
    /// Include closed cases (published, rejected, withdrawn)
    #[arg(long)]
    pub all: bool,
}

pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<()> {
    let Some(store) = ctx.existing_store()? else {
        let (root, source) = ctx.location()?;
        if ctx.ui.json() {
            ctx.ui.print_json(&[] as &[()])?;
        }
        ctx.ui.status(&format!(
            "No case store at {} ({source}) yet.\n\
             Start with `disclose open --title '...'` when a report arrives \
             (the store is created then), or `disclose init` to set the policy first.",
            root.display()
        ));
        return Ok(());
    };
    let now = ctx.now();
    let (cases, errors) = store.read_all()?;
    let mut rows: Vec<(Case, Clocks)> = cases
        .into_iter()
        .filter(|c| args.all || c.state.is_open())
        .map(|c| {
            let clocks = Clocks::of(&c, now);
            (c, clocks)
        })
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| {
        ca.urgency()
            .cmp(&cb.urgency())
            .then_with(|| a.received_at.cmp(&b.received_at))
            .then_with(|| a.id.cmp(&b.id))
    });

    if ctx.ui.json() {
        let out: Vec<CaseWithClocks<'_>> = rows
            .iter()
            .map(|(case, clocks)| CaseWithClocks {
                case,
                clocks: clocks.clone(),
            })
            .collect();
        ctx.ui.print_json(&out)?;
    } else if rows.is_empty() {
        let what = if args.all {
            "No cases"
        } else {
            "No open cases"
        };
        ctx.ui
            .status(&format!("{what} in {}.", store.root().display()));
    } else {
        let mut table = ctx.ui.table();
        table.set_header([
            "ID", "TITLE", "STATE", "AGE", "ACK", "DEADLINE", "NEXT", "RELEASES",
        ]);
        for (case, clocks) in &rows {
            table.add_row(vec![
                Cell::new(case.id.as_str()),
                Cell::new(&case.title),
                Cell::new(if case.paused.is_some() {
                    format!("{} (paused)", case.state)
                } else {
                    case.state.to_string()
                }),
                Cell::new(crate::clock::span(now - case.received_at)),
                clock_cell(ctx, clocks.acknowledgement, now, "done"),
                clock_cell(ctx, clocks.disclosure, now, "-"),
                next_cell(ctx, clocks, now),
                releases_cell(ctx, case, clocks),
            ]);
        }
        ctx.ui.println(&table.to_string())?;
    }

    if let Some(u) = store.unpushed()?.filter(|u| u.commits > 0) {
        ctx.ui.status(&super::sync::unpushed_line(u.commits));
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Many(errors))
    }
}

/// Red once overdue; yellow within a day, or for the deadline and fix
/// clocks within `check`'s default --warn-within (7 days), so a yellow cell
/// is what `check` warns about.
fn urgency_color(clock: &ClockView) -> Option<Color> {
    let warn_minutes = match clock.kind {
        ClockKind::Disclosure | ClockKind::FixCoverage => 7 * 24 * 60,
        ClockKind::Acknowledgement | ClockKind::ReporterUpdate => 24 * 60,
    };
    match clock.minutes_left {
        Some(m) if m < 0 => Some(Color::Red),
        Some(m) if m < warn_minutes => Some(Color::Yellow),
        _ => None,
    }
}

/// The fix matrix in brief, coloured by the deadline its missing fixes
/// must beat (the fix-coverage clock).
fn releases_cell(ctx: &Ctx, case: &Case, clocks: &Clocks) -> Cell {
    let text = case.matrix_compact();
    match clocks.fix_coverage.as_ref().and_then(urgency_color) {
        Some(color) => ctx.ui.paint(&text, color),
        None => Cell::new(text),
    }
}

fn clock_cell(
    ctx: &Ctx,
    clock: Option<ClockView>,
    now: chrono::DateTime<chrono::Utc>,
    absent: &str,
) -> Cell {
    let Some(clock) = clock else {
        return Cell::new(absent);
    };
    let text = match clock.due_at() {
        Some(at) => relative(at, now),
        None => "paused".to_owned(),
    };
    match urgency_color(&clock) {
        Some(color) => ctx.ui.paint(&text, color),
        None => Cell::new(text),
    }
}

fn next_cell(ctx: &Ctx, clocks: &Clocks, now: chrono::DateTime<chrono::Utc>) -> Cell {
    let Some(next) = clocks.next else {
        return Cell::new(if clocks.disclosure.is_some() {
            "paused"
        } else {
            "-"
        });
    };
    let text = match next.due_at() {
        Some(at) => format!("{} {}", next.kind.label(), relative(at, now)),
        None => format!("{} paused", next.kind.label()),
    };
    match urgency_color(&next) {
        Some(color) => ctx.ui.paint(&text, color),
        None => Cell::new(text),
    }
}
