//! Dispatch: one arm per subcommand, each in its own file.

pub mod ack;
pub mod init;
pub mod log;
pub mod open;
pub mod show;
pub mod status;

pub mod check;
pub mod embargo;
pub mod stats;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::Result;

pub fn run(ctx: &Ctx, command: Command) -> Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, &args),
        Command::Open(args) => open::run(ctx, &args),
        Command::Ack(args) => ack::run(ctx, &args),
        Command::Show(args) => show::run(ctx, &args),
        Command::Status(args) => status::run(ctx, &args),
        Command::Log(args) => log::run(ctx, &args),
        Command::Check(args) => check::run(ctx, &args),
        Command::Embargo(args) => embargo::run(ctx, &args),
        Command::Stats(args) => stats::run(ctx, &args),
    }
}
