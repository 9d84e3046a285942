//! `disclose man`: man pages, generated from the clap definitions.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::app::context::Ctx;
use crate::commands::common::output::OutputMode;
use crate::docs;
use crate::error::{Error, Result};

/// Print the man page, or install every page where `man` finds it
///
/// Without options, prints `disclose(1)` as roff (`disclose man | man -l -`).
///
/// --install writes `disclose.1` and one page per subcommand
/// (`disclose-open.1`, ...) into `share/man/man1` beside the `bin`
/// directory this binary runs from: `~/.cargo/share/man/man1` after `cargo
/// install`. man-db's `man` looks in `../share/man` beside every directory
/// on PATH, so `man disclose` finds them with no MANPATH, as long as
/// MANPATH is unset (or keeps man's own search with an empty part, such as
/// a trailing `:`).
///
/// --out DIR writes the same pages into DIR instead; the same pages are
/// shipped in the `man/` directory. Like every file disclose writes, the
/// pages are private to you unless --world-readable (for a shared man
/// directory).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose man | man -l -\n  \
    disclose man --install                      # then: man disclose\n  \
    sudo disclose man --out /usr/local/share/man/man1 --world-readable")]
pub struct ManArgs {
    /// Install every page into share/man/man1 beside this binary's bin directory
    #[arg(long, conflicts_with = "out")]
    pub install: bool,
    /// Write every page into this directory instead of printing the top one
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub mode: OutputMode,
}

pub fn run(ctx: &Ctx, args: &ManArgs, cli: &clap::Command) -> Result<()> {
    args.mode.require_files(
        args.out.is_some() || args.install,
        "without --out or --install the page is printed",
    )?;
    let pages = docs::man_pages(cli);
    let (dir, flag, found) = match (&args.out, args.install) {
        (Some(dir), _) => (dir.clone(), "--out", None),
        (None, true) => {
            let (bin, dir) = install_dir()?;
            let found = man_finds(ctx, &bin);
            (dir, "--install", Some(found))
        }
        (None, false) => {
            let (name, top) = &pages[0];
            return ctx
                .ui
                .product(&serde_json::json!({ "page": name, "roff": top }), top);
        }
    };
    let failed = |e: std::io::Error| Error::input(format!("{flag} {}: {e}", dir.display()));
    let visibility = args.mode.visibility();
    crate::store::create_out_dir(&dir, visibility).map_err(failed)?;
    for (name, text) in &pages {
        crate::store::write_out(&dir.join(name), text.as_bytes(), visibility).map_err(failed)?;
    }
    ctx.ui.status(&format!(
        "Wrote {} man pages to {}.",
        pages.len(),
        dir.display()
    ));
    match &found {
        Some(Ok(())) => ctx.ui.status(
            "`man disclose` finds them (man looks in ../share/man beside each directory on PATH).",
        ),
        Some(Err(why)) => ctx.ui.warn(why),
        None => {}
    }
    if ctx.ui.json() {
        let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
        ctx.ui.print_json(&serde_json::json!({
            "dir": dir,
            "pages": names,
            "found_by_man": found.map(|f| f.is_ok()),
        }))?;
    }
    Ok(())
}

/// This binary's `bin` directory, and `share/man/man1` beside it.
fn install_dir() -> Result<(PathBuf, PathBuf)> {
    let exe =
        std::env::current_exe().map_err(|e| Error::io("find where the disclose binary is", e))?;
    let bin = exe.parent().unwrap_or(Path::new("/"));
    match bin.parent() {
        Some(root) if bin.file_name() == Some(OsStr::new("bin")) => Ok((
            bin.to_path_buf(),
            root.join("share").join("man").join("man1"),
        )),
        _ => Err(Error::input(format!(
            "the disclose binary is at {}, not in a bin directory, so man searches no \
             share/man beside it",
            exe.display()
        ))
        .with_hint(
            "write the pages with `disclose man --out DIR/man1` and add DIR to MANPATH \
             (with a trailing `:` to keep man's own search)",
        )),
    }
}

/// Whether `man` (man-db) will look beside `bin`: it must be on PATH, and
/// MANPATH, if set, must name the directory or keep man's own search with
/// an empty part. The error says what to change.
fn man_finds(ctx: &Ctx, bin: &Path) -> std::result::Result<(), String> {
    let same = |a: &Path, b: &Path| {
        a == b
            || (a.canonicalize().ok().is_some() && a.canonicalize().ok() == b.canonicalize().ok())
    };
    let share_man = bin.parent().unwrap_or(bin).join("share").join("man");
    let on_path = ctx
        .env
        .path
        .as_ref()
        .is_some_and(|p| std::env::split_paths(p).any(|d| same(&d, bin)));
    if !on_path {
        return Err(format!(
            "{} is not on PATH, so man will not look in {}: add it to PATH, or {} to MANPATH",
            bin.display(),
            share_man.display(),
            share_man.display()
        ));
    }
    if let Some(man_path) = &ctx.env.man_path {
        let parts: Vec<PathBuf> = std::env::split_paths(man_path).collect();
        let keeps_search = parts.iter().any(|p| p.as_os_str().is_empty());
        if !keeps_search && !parts.iter().any(|p| same(p, &share_man)) {
            return Err(format!(
                "MANPATH is set, so man looks only where it says: add {} to it, or end it \
                 with `:` to keep man's own search",
                share_man.display()
            ));
        }
    }
    Ok(())
}
