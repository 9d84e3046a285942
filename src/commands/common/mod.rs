//! What several verbs share: forced moves, reply-draft templates, links
//! between cases, the case as JSON, remote URLs, sync reports, what a
//! matrix change means, and files written outside the store.

pub mod case_json;
pub mod cra;
pub mod force;
pub mod links;
pub mod matrix;
pub mod numbering;
pub mod output;
pub mod remote_url;
pub mod sync_report;
pub mod templates;
