//! What several verbs share: forced moves, and the reply-draft templates.

pub mod force;
pub mod templates;
