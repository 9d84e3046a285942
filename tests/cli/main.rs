//! Integration tests: each module drives the built `disclose` binary in a
//! temporary store through `common::TestEnv`.

mod common;

mod ack;
mod init;
mod log;
mod open;
mod open_email;
mod show;
mod status;
mod store;
