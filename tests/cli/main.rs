//! Integration tests: each module drives the built `disclose` binary in a
//! temporary store through `common::TestEnv`.

mod common;

mod ack;
mod init;
mod log;
mod open;
mod show;
mod status;
mod store;

mod check;
mod embargo;
mod model_cases;
mod stats;
mod status_clocks;
