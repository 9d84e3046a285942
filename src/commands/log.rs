//! `disclose log`: a case's timeline, from its events.

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::case::State;
use crate::model::id::CaseRef;

/// Show a case's timeline
///
/// One line per event, oldest first: when, who, and what happened, and
/// where the case moved between `confirmed` and `fixed` as its fix matrix
/// filled or lost a fix. With --json, prints the events as stored.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose log K7Q\n  disclose log K7Q --json | jq '.[].kind'")]
pub struct LogArgs {
    /// Case whose timeline to show, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
}

pub fn run(ctx: &Ctx, args: &LogArgs) -> Result<()> {
    let (_, case) = ctx.read_case(&args.id)?;
    if ctx.ui.json() {
        return ctx.ui.print_json(&case.events);
    }
    let mut out = format!(
        "{}  {}\n",
        case.id,
        crate::model::text::one_line(&case.title)
    );
    let moves = crate::model::case::state_moves(&case.events);
    for event in &case.events {
        // A move between confirmed and fixed follows the matrix; say where.
        let moved = match moves.iter().find(|m| m.event == event.id) {
            Some(m) if m.to == State::Fixed => " → fixed".to_owned(),
            Some(m) => format!(" → back to {} (the fix matrix is no longer complete)", m.to),
            None => String::new(),
        };
        out.push_str(&format!(
            "{}  {}{moved}  ({})\n",
            human(event.at),
            event.describe(),
            event.by
        ));
    }
    ctx.ui.print(&out)
}
