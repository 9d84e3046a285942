//! Judgements over cases at a given `now`: the clocks of a case, the CI
//! gate's findings, the team's record, and the readiness list for publishing.
//! Pure functions of the model; no I/O.

pub mod check;
pub mod clocks;
pub mod next;
pub mod readiness;
pub mod stats;
