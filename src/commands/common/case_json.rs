//! A case as the JSON of `show`, `status` and the commands that print the
//! case they changed.

use serde::Serialize;

use crate::judge::clocks::Clocks;
use crate::model::case::Case;

/// A case with its clocks, as `show --json` and `status --json` print it.
#[derive(Debug, Serialize)]
pub struct CaseWithClocks<'a> {
    #[serde(flatten)]
    pub case: &'a Case,
    pub clocks: Clocks,
}
