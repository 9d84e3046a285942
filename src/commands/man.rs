//! `disclose man`: man pages, generated from the clap definitions.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::commands::common::output::OutputMode;
use crate::docs;
use crate::error::{Error, Result};

/// Print the man page, or write every page to a directory
///
/// Without --out, prints `disclose(1)` as roff (`disclose man | man -l -`).
/// With --out, writes `disclose.1` and one page per subcommand
/// (`disclose-open.1`, ...) into DIR, creating it if needed; the same pages
/// are shipped in the `man/` directory. Like every file disclose writes,
/// the pages are private to you unless --world-readable (for a shared
/// man directory).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose man | man -l -\n  \
    disclose man --out ~/.local/share/man/man1\n  \
    sudo disclose man --out /usr/local/share/man/man1 --world-readable")]
pub struct ManArgs {
    /// Write all pages into this directory instead of printing the top one
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub mode: OutputMode,
}

pub fn run(ctx: &Ctx, args: &ManArgs, cli: &clap::Command) -> Result<()> {
    let pages = docs::man_pages(cli);
    let Some(dir) = &args.out else {
        let (_, top) = &pages[0];
        return ctx.ui.print(top);
    };
    let failed = |e: std::io::Error| Error::input(format!("--out {}: {e}", dir.display()));
    let visibility = args.mode.visibility();
    crate::store::create_out_dir(dir, visibility).map_err(failed)?;
    for (name, text) in &pages {
        crate::store::write_out(&dir.join(name), text.as_bytes(), visibility).map_err(failed)?;
    }
    ctx.ui.status(&format!(
        "Wrote {} man pages to {}.",
        pages.len(),
        dir.display()
    ));
    Ok(())
}
