//! What a change to the fix matrix means for the case: said after `fix`,
//! `release` and `affected`.

use crate::app::context::Ctx;
use crate::model::case::{Case, State};

/// Says so when a change moved the case between `confirmed` and `fixed`,
/// and what is still open otherwise.
pub fn report_state(ctx: &Ctx, was: Option<State>, case: &Case) {
    let open: Vec<String> = case
        .matrix_words()
        .into_iter()
        .filter(|w| w.contains("no fix yet") || w.contains("prepared") || w.contains("unknown"))
        .collect();
    match (was, case.state) {
        (Some(before), State::Fixed) if before != State::Fixed => ctx.ui.status(&format!(
            "Every affected release is fixed or decided: {} is now fixed.",
            case.id
        )),
        (Some(State::Fixed), State::Confirmed) => ctx.ui.warn(&format!(
            "{} is back to confirmed (it was fixed): {}",
            case.id,
            if open.is_empty() {
                "the fix matrix is no longer complete".to_owned()
            } else {
                format!("still open: {}", open.join(" · "))
            }
        )),
        (_, State::Fixed) => {}
        _ if !open.is_empty() => ctx.ui.status(&format!("Still open: {}", open.join(" · "))),
        _ => {}
    }
}
