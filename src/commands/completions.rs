//! `disclose completions`: the shell completion script, generated from the clap definitions.

use clap_complete::Shell;

use crate::app::context::Ctx;
use crate::docs;
use crate::error::Result;

/// Print a shell completion script
///
/// The script completes subcommands, options and their values; in bash, zsh
/// and fish it also completes case IDs from the current store (it runs
/// `disclose __complete-ids`, which reads the store and changes nothing).
/// The same scripts are shipped in the `completions/` directory.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose completions bash > ~/.local/share/bash-completion/completions/disclose\n  \
    disclose completions zsh > ~/.zfunc/_disclose\n  \
    disclose completions fish > ~/.config/fish/completions/disclose.fish")]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(ctx: &Ctx, args: &CompletionsArgs, cli: &clap::Command) -> Result<()> {
    let script = docs::completion(cli, args.shell);
    ctx.ui.product(
        &serde_json::json!({ "shell": args.shell.to_string(), "script": script }),
        &script,
    )
}
