//! Integration tests: each module drives the built `disclose` binary in a
//! temporary store through `common::TestEnv`.

mod common;

mod ack;
mod affected;
mod drafts;
mod fix;
mod init;
mod log;
mod notes;
mod open;
mod open_email;
mod severity;
mod show;
mod states;
mod status;
mod store;
mod workflow;
