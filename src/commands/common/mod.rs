//! What several verbs share: forced moves, files written outside the store,
//! and the reply-draft templates.

pub mod force;
pub mod output;
pub mod templates;
