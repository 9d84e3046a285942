//! The model: cases and their events, the policy, IDs, durations, version
//! ranges and severities. Pure data and rules; no I/O, no clock, no printer.

pub mod advisory_id;
pub mod case;
pub mod cra;
pub mod duration;
pub mod id;
pub mod layout;
pub mod limits;
pub mod policy;
pub mod preset;
pub mod ranges;
pub mod security_md;
pub(crate) mod serde_str;
pub mod severity;
pub mod suggest;
pub mod syntax;
pub mod text;
pub mod time;
pub mod version;
