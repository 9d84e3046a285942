//! Integration tests: each module drives the built `disclose` binary in a
//! temporary store through `common::TestEnv`.

mod common;

mod ack;
mod affected;
mod cra;
mod drafts;
mod email_sections;
mod export;
mod fix;
mod init;
mod install;
mod internal;
mod json;
mod log;
mod matrix;
mod mistakes;
mod notes;
mod open;
mod open_email;
mod prompts;
mod public_text;
mod publish;
mod publish_team;
mod severity;
mod show;
mod states;
mod status;
mod status_table;
mod store;
mod workflow;

mod check;
mod colour;
mod embargo;
mod generated;
mod help;
mod layers;
mod limits;
mod links;
mod model_cases;
mod policy;
mod privacy;
mod readme;
mod secrets;
mod seeds;
mod stats;
mod status_clocks;
mod sync;
mod sync_https;
mod sync_network;
mod sync_ssh;
mod team;
