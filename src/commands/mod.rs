//! Dispatch: one arm per subcommand, each in its own file.

pub mod ack;
pub mod export;
pub mod init;
pub mod log;
pub mod open;
pub mod publish;
pub mod show;
pub mod status;

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
        Command::Export(args) => export::run(ctx, &args),
        Command::Publish(args) => publish::run(ctx, &args),
    }
}
