//! Dispatch: one arm per subcommand, each in its own file.

pub mod ack;
pub mod clone;
pub mod init;
pub mod log;
pub mod open;
pub mod remote;
pub mod show;
pub mod status;
pub mod sync;

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
        Command::Clone(args) => clone::run(ctx, &args),
        Command::Remote(args) => remote::run(ctx, &args),
        Command::Sync(args) => sync::run(ctx, &args),
    }
}
