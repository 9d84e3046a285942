//! What a change to the fix matrix means for the case: said after `fix`
//! and `release`.

use crate::app::context::Ctx;
use crate::model::case::{Case, State};

/// Says so when the change completed the matrix and moved the case to `fixed`.
pub fn report_fixed(ctx: &Ctx, was: Option<State>, case: &Case) {
    if was != Some(State::Fixed) && case.state == State::Fixed {
        ctx.ui.status(&format!(
            "Every affected release is fixed or decided: {} is now fixed.",
            case.id
        ));
    } else if case.state != State::Fixed {
        let open: Vec<String> = case
            .matrix_words()
            .into_iter()
            .filter(|w| w.contains("no fix yet") || w.contains("prepared") || w.contains("unknown"))
            .collect();
        if !open.is_empty() {
            ctx.ui.status(&format!("Still open: {}", open.join(" · ")));
        }
    }
}
