//! `disclose`: a case manager for private vulnerability reports.
//!
//! The library holds the model (cases, events, policy, clocks), the git-backed
//! store and the commands; `main.rs` only parses arguments and reports errors.
//! `ARCHITECTURE.md` maps the layers (`model` at the bottom, `commands` at
//! the top) and says which files a new command, event, format or policy key
//! touches; `tests/cli/layers.rs` checks that imports only point down.

pub mod app;
pub mod cli;
pub mod commands;
pub mod docs;
pub mod drafts;
pub mod email;
pub mod error;
pub mod export;
pub mod import;
pub mod judge;
pub mod merge;
pub mod model;
pub mod store;

pub use app::ui::report;
pub use error::{Error, Result};

/// Runs one parsed command line.
pub fn run(cli: cli::Cli) -> Result<()> {
    store::tls::start_git();
    let env = app::env::Env::from_process();
    let g = &cli.global;
    let ui = app::ui::Ui::new(g.quiet, g.json, g.color, g.no_input, &env);
    let ctx = app::context::Ctx::new(ui, env, cli.global.dir.clone())?;
    commands::run(
        &ctx,
        cli.command,
        <cli::Cli as clap::CommandFactory>::command,
    )
}
