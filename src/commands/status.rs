//! `disclose status`: the open cases and their clocks, most urgent first.

use crate::app::context::Ctx;
use crate::app::table::{Cell, Step};
use crate::app::terminal::Style;
use crate::commands::common::sync_report;
use crate::error::{Error, Result};
use crate::judge::clocks::{ClockKind, ClockView, Clocks, CraClocks};
use crate::model::case::State;
use crate::model::time::relative;
use crate::store::{Store, Summaries};

const HEADER: [&str; 8] = [
    "ID", "TITLE", "STATE", "AGE", "ACK", "DEADLINE", "NEXT", "RELEASES",
];
const TITLE: usize = 1;
const STATE: usize = 2;
const AGE: usize = 3;
const ACK: usize = 4;
const DEADLINE: usize = 5;
const NEXT: usize = 6;
const RELEASES: usize = 7;

/// How the table gives way on a narrow terminal, one step at a time until
/// it fits: the title is cut first, then the columns that say least go
/// (the age; the acknowledgement, which NEXT names while it is due; the
/// matrix, which `show` has), and the title is cut further between them.
/// The ID and the next clock stay to the last. With the policy's `cra` on,
/// the CRA column comes after STATE (see `layout`) and goes just before NEXT,
/// which names the CRA report too when it is the most urgent clock.
const FIT: &[Step] = &[
    Step::Shrink(TITLE, 30),
    Step::Shrink(RELEASES, 24),
    Step::Drop(AGE),
    Step::Drop(ACK),
    Step::Shrink(TITLE, 24),
    Step::Drop(RELEASES),
    Step::Drop(DEADLINE),
    Step::Shrink(TITLE, 12),
    Step::Drop(STATE),
    Step::Shrink(TITLE, 8),
    Step::Drop(NEXT),
    Step::Drop(TITLE),
];

/// The header and the fitting plan: `HEADER` and `FIT`, or with `cra` on
/// the same with a CRA column after STATE, first among the clocks.
fn layout(cra: bool) -> (Vec<&'static str>, Vec<Step>) {
    if !cra {
        return (HEADER.to_vec(), FIT.to_vec());
    }
    const CRA: usize = STATE + 1;
    let shift = |c: usize| if c >= CRA { c + 1 } else { c };
    let mut header = HEADER.to_vec();
    header.insert(CRA, "CRA");
    let mut plan = Vec::with_capacity(FIT.len() + 1);
    for step in FIT {
        if *step == Step::Drop(NEXT) {
            plan.push(Step::Drop(CRA));
        }
        plan.push(match *step {
            Step::Shrink(c, w) => Step::Shrink(shift(c), w),
            Step::Drop(c) => Step::Drop(shift(c)),
        });
    }
    (header, plan)
}

/// How much of `status --json` is built before it is written out.
const OUT_CHUNK: usize = 1 << 20;

/// List open cases and their clocks
///
/// One line per case, most urgent first: the next clock to fall due decides
/// the order, overdue ones on top. On a terminal the table fits its width:
/// the title is cut short first (ending in an ellipsis), then the columns
/// that matter least are left out. Piped or redirected, each case is one line of tab-separated
/// fields (ID, title, state, age, ack, deadline, next, releases) with no
/// header, for grep, cut and awk. Broken case files do not hide the others:
/// they are listed as errors at the end and the exit code is 3.
///
/// With the policy's `cra` on, a CRA column (and field) comes after the
/// state, first among the clocks: the EU Cyber Resilience Act report owed
/// first for a case whose active exploitation is recorded (`disclose cra
/// ID` has all three). Pausing a case does not stop these clocks, and a
/// published case stays listed while one of its reports is owed.
///
/// With --json, prints each case's fields and its `clocks`, without the
/// case's `events` (`disclose log ID` and `disclose show ID --json` have
/// them). Summaries are cached under `.git/disclose/`, so a large store
/// lists quickly; any change to a case file is noticed.
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
    let cra = store.policy().cra;
    // With --json each listed case's fields are printed: a cold read
    // renders those as it reads them (a published case listed for its CRA
    // reports is rendered when printed).
    let (json, all) = (ctx.ui.json(), args.all);
    let printed = move |state: State| json && (all || state.is_open());
    let mut summaries = store.summaries_printing(&printed)?;
    let mut errors = std::mem::take(&mut summaries.errors);
    let cases = &summaries.cases;
    // A published case whose CRA reports are still owed stays on the list.
    let mut rows: Vec<(usize, Clocks)> = (0..cases.len())
        .filter(|&i| args.all || cases[i].state.is_open() || (cra && cases[i].cra.is_some()))
        .map(|i| (i, Clocks::of_summary(&cases[i], now, cra)))
        .filter(|(i, clocks)| {
            args.all || cases[*i].state.is_open() || clocks.cra.as_ref().is_some_and(owes_reports)
        })
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| {
        let (a, b) = (&cases[*a], &cases[*b]);
        ca.urgency()
            .cmp(&cb.urgency())
            .then_with(|| a.received_at.cmp(&b.received_at))
            .then_with(|| a.id.cmp(&b.id))
    });

    if ctx.ui.json() {
        print_json(ctx, &store, &summaries, &rows, &mut errors)?;
    } else if rows.is_empty() {
        let what = if args.all {
            "No cases"
        } else {
            "No open cases"
        };
        ctx.ui
            .status(&format!("{what} in {}.", store.root().display()));
    } else {
        let (header, plan) = layout(cra);
        ctx.ui.print_table(&header, &plan, rows.len(), |r| {
            let (i, clocks) = &rows[r];
            let case = &cases[*i];
            let mut cells = vec![
                Cell::new(case.id.as_str()),
                Cell::new(crate::model::text::one_line(&case.title)),
                Cell::new(if case.paused.is_some() {
                    format!("{} (paused)", case.state)
                } else {
                    case.state.to_string()
                }),
            ];
            if cra {
                cells.push(cra_cell(clocks.cra.as_ref(), now));
            }
            cells.extend([
                Cell::new(crate::model::time::span(now - case.received_at)),
                clock_cell(clocks.acknowledgement, now, "done"),
                clock_cell(clocks.disclosure, now, "-"),
                next_cell(clocks, now),
                Cell::styled(
                    Some(case.matrix_compact())
                        .filter(|m| !m.is_empty())
                        .unwrap_or_else(|| "-".to_owned()),
                    clocks.fix_coverage.as_ref().and_then(urgency_style),
                ),
            ]);
            cells
        })?;
    }

    if let Some(u) = store.unpushed()?.filter(|u| u.commits > 0) {
        ctx.ui.status(&sync_report::unpushed_line(u.commits));
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Many(errors))
    }
}

/// Prints the rows as one pretty JSON array, a piece at a time. Each case is
/// printed as its projected fields (not its `events`: `disclose log ID` and
/// `show ID --json` have those) followed by its `clocks`; the fields come
/// rendered from the summary cache, so nothing is parsed here.
fn print_json(
    ctx: &Ctx,
    store: &Store,
    summaries: &Summaries,
    rows: &[(usize, Clocks)],
    errors: &mut Vec<Error>,
) -> Result<()> {
    let mut out = String::with_capacity(OUT_CHUNK + (64 << 10));
    let mut started = false;
    // Each element is made on every core, a window of rows at a time.
    for window in rows.chunks(WINDOW) {
        let elements = crate::store::parallel_map(window.iter().collect(), |(i, clocks)| {
            summaries
                .fields_json(store, *i)
                .map(|fields| element(&fields, clocks))
        });
        for element in elements {
            match element {
                Ok(element) => {
                    out.push_str(if started { ",\n" } else { "[\n" });
                    started = true;
                    out.push_str(&element);
                }
                Err(e) => errors.push(e),
            }
        }
        if out.len() >= OUT_CHUNK {
            ctx.ui.print(&out)?;
            out.clear();
        }
    }
    out.push_str(if started { "\n]\n" } else { "[]\n" });
    ctx.ui.print(&out)
}

/// How many rows' elements are made at once.
const WINDOW: usize = 1024;

/// One array element: the rendered fields with `clocks` as their last key.
fn element(fields: &str, clocks: &Clocks) -> String {
    let mut out = String::with_capacity(fields.len() + 1024);
    // `fields` ends with the object's closing line; the clocks go before it.
    out.push_str(fields.strip_suffix("\n  }").unwrap_or(fields));
    out.push_str(",\n    \"clocks\": ");
    out.push_str(&crate::model::layout::json_indented(clocks, 2));
    out.push_str("\n  }");
    out
}

/// Red once overdue; yellow within a day, or for the deadline and fix
/// clocks within `check`'s default --warn-within (7 days), so a yellow cell
/// is what `check` warns about.
fn urgency_style(clock: &ClockView) -> Option<Style> {
    let warn_minutes = match clock.kind {
        ClockKind::Disclosure
        | ClockKind::FixCoverage
        | ClockKind::CraEarlyWarning
        | ClockKind::CraNotification
        | ClockKind::CraFinalReport => 7 * 24 * 60,
        ClockKind::Acknowledgement | ClockKind::ReporterUpdate => 24 * 60,
    };
    match clock.minutes_left {
        Some(m) if m < 0 => Some(Style::Red),
        Some(m) if m < warn_minutes => Some(Style::Yellow),
        _ => None,
    }
}

/// Whether any CRA report is still owed (not submitted).
fn owes_reports(cra: &CraClocks) -> bool {
    cra.first_owed().is_some()
}

/// The CRA report owed first: `early warning in 23h`, `notification 2h
/// overdue`, `final report: no fix yet`; `submitted` once all three are.
fn cra_cell(cra: Option<&CraClocks>, now: chrono::DateTime<chrono::Utc>) -> Cell {
    let Some(cra) = cra else {
        return Cell::new("-");
    };
    if let Some(next) = cra.next(now) {
        let text = match next.due_at() {
            Some(at) => format!("{} {}", next.kind.label(), relative(at, now)),
            None => next.kind.label().to_owned(),
        };
        return Cell::styled(text, urgency_style(&next));
    }
    Cell::new(match cra.first_owed() {
        Some(_) => "final report: no fix yet",
        None => "submitted",
    })
}

fn clock_cell(clock: Option<ClockView>, now: chrono::DateTime<chrono::Utc>, absent: &str) -> Cell {
    let Some(clock) = clock else {
        return Cell::new(absent);
    };
    let text = match clock.due_at() {
        Some(at) => relative(at, now),
        None => "paused".to_owned(),
    };
    Cell::styled(text, urgency_style(&clock))
}

fn next_cell(clocks: &Clocks, now: chrono::DateTime<chrono::Utc>) -> Cell {
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
    Cell::styled(text, urgency_style(&next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{Case, CaseFields, NewCase};

    #[derive(serde::Serialize)]
    struct Row<'a> {
        #[serde(flatten)]
        fields: &'a CaseFields,
        clocks: &'a Clocks,
    }

    #[test]
    fn the_cra_column_follows_the_state_and_goes_just_before_next() {
        let (header, plan) = layout(true);
        assert_eq!(
            header,
            [
                "ID", "TITLE", "STATE", "CRA", "AGE", "ACK", "DEADLINE", "NEXT", "RELEASES"
            ]
        );
        let at = |step: Step| plan.iter().position(|s| *s == step).unwrap();
        assert_eq!(at(Step::Drop(3)) + 1, at(Step::Drop(7)), "CRA, then NEXT");
        assert!(plan.contains(&Step::Drop(4)), "AGE moved along");
        assert_eq!(plan.len(), FIT.len() + 1);
        assert_eq!(layout(false), (HEADER.to_vec(), FIT.to_vec()));
    }

    #[test]
    fn spliced_elements_print_as_serde_would() {
        let at = "2026-03-02T09:00:00Z".parse().unwrap();
        let case = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "t \"quoted\"\nline".into(),
                ..NewCase::default()
            },
            crate::model::policy::Policy::default().slas(),
            at,
            "M",
        );
        let fields = CaseFields::from(&case);
        let clocks = Clocks::of(&case, at, false);
        let mut out = String::from("[\n");
        out.push_str(&element(
            &crate::app::ui::json_array_element(&fields),
            &clocks,
        ));
        out.push_str("\n]");
        let expected = serde_json::to_string_pretty(&[Row {
            fields: &fields,
            clocks: &clocks,
        }])
        .unwrap();
        assert_eq!(out, expected);
    }
}
