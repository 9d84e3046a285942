//! The command-line surface: global options and one variant per subcommand.
//! Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser};

use crate::app::ui::ColorChoice;
use crate::commands::Command;

/// Track private vulnerability reports from first email to published advisory.
///
/// Cases live as JSON files in a private git repository (the store); every
/// change is one commit. Start with `disclose open`, answer with `disclose ack`,
/// and keep an eye on the clocks with `disclose status`.
///
/// The store is private to you (0700) and every file disclose writes, in it
/// or elsewhere, is 0600 unless you pass --world-readable; no symbolic link
/// in the store is ever followed. Every text has a limit (a title 256
/// characters, a one-line value 1,000, a text or a file read for one 1 MB;
/// see `disclose open --help`).
#[derive(Debug, Parser)]
#[command(
    name = "disclose",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
    /// Print machine-readable JSON instead of text, errors included
    #[arg(long, global = true)]
    pub json: bool,
    /// Never prompt; fail naming the missing flag instead
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Print only the product (IDs, tables, JSON), no status lines
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to use color
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[cfg(test)]
#[test]
fn verify_cli() {
    use clap::CommandFactory as _;
    Cli::command().debug_assert();
}
