//! `disclose man`: man pages, generated from the clap definitions.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::docs;
use crate::error::{Error, Result};

/// Print the man page, or write every page to a directory
///
/// Without --out, prints `disclose(1)` as roff (`disclose man | man -l -`).
/// With --out, writes `disclose.1` and one page per subcommand
/// (`disclose-open.1`, ...) into DIR, creating it if needed; the same pages
/// are shipped in the `man/` directory.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose man | man -l -\n  \
    disclose man --out ~/.local/share/man/man1")]
pub struct ManArgs {
    /// Write all pages into this directory instead of printing the top one
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &ManArgs, cli: &clap::Command) -> Result<()> {
    let pages = docs::man_pages(cli);
    let Some(dir) = &args.out else {
        let (name, top) = &pages[0];
        return ctx
            .ui
            .product(&serde_json::json!({ "page": name, "roff": top }), top);
    };
    let failed = |e: std::io::Error| Error::input(format!("--out {}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(failed)?;
    for (name, text) in &pages {
        std::fs::write(dir.join(name), text).map_err(failed)?;
    }
    ctx.ui.status(&format!(
        "Wrote {} man pages to {}.",
        pages.len(),
        dir.display()
    ));
    if ctx.ui.json() {
        let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
        ctx.ui
            .print_json(&serde_json::json!({ "dir": dir, "pages": names }))?;
    }
    Ok(())
}
