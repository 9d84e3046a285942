use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = disclose::cli::Cli::parse();
    match disclose::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => disclose::report(&err),
    }
}
