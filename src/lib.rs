//! `disclose`: a case manager for private vulnerability reports.
//!
//! The library holds the model (cases, events, policy, clocks), the git-backed
//! store and the commands; `main.rs` only parses arguments and reports errors.

pub mod case;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod context;
pub mod deadlines;
pub mod drafts;
pub mod duration;
pub mod email;
pub mod env;
pub mod error;
pub mod export;
pub mod id;
pub mod input;
pub mod merge;
pub mod mime;
pub mod paths;
pub mod policy;
pub mod ranges;
mod serde_str;
pub mod severity;
pub mod store;
pub mod table;
pub mod templates;
pub mod text;
pub mod ui;

pub mod docs;
pub mod embargo;
pub mod report;
pub mod security_md;
pub mod stats;

pub use error::{Error, Result};
pub use ui::report;

/// Runs one parsed command line.
pub fn run(cli: cli::Cli) -> Result<()> {
    store::tls::start_git();
    let env = env::Env::from_process();
    let g = &cli.global;
    let ui = ui::Ui::new(g.quiet, g.json, g.color, g.no_input, &env);
    let ctx = context::Ctx::new(ui, env, cli.global.dir.clone())?;
    commands::run(&ctx, cli.command)
}
