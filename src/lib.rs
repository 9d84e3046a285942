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

use std::process::ExitCode;

pub use error::{Error, Result};

/// Parses the process's command line. A usage error is printed (as a JSON
/// error object when `--json` was typed) and becomes the exit code.
pub fn parse() -> std::result::Result<cli::Cli, ExitCode> {
    <cli::Cli as clap::Parser>::try_parse().map_err(|err| {
        let json = std::env::args_os()
            .skip(1)
            .take_while(|arg| arg != "--")
            .any(|arg| arg == "--json");
        app::ui::report_usage(&err, json)
    })
}

/// Runs one parsed command line and gives its exit code, after printing
/// what went wrong if anything did.
pub fn main(cli: cli::Cli) -> ExitCode {
    let style = app::ui::ErrorStyle {
        json: cli.global.json,
        color: cli.global.color,
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => app::ui::report(&err, style),
    }
}

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
