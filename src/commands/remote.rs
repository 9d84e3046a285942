//! `disclose remote`: show or record the team's remote.

use std::path::Path;

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::store::{self, PathRemote, REMOTE};

/// Show or record the team's remote
///
/// The remote is the private git repository the team shares (GitHub,
/// GitLab, a bare repository on a server). It is recorded in the store as
/// the git remote `origin`; `disclose sync` fetches from it and pushes to it,
/// and never to any other URL. Without an action, prints the recorded URL.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose remote\n  \
    disclose remote set git@github.com:acme/security-cases.git\n  \
    disclose remote set /srv/git/security-cases.git")]
pub struct RemoteArgs {
    #[command(subcommand)]
    pub action: Option<RemoteAction>,
}

#[derive(Debug, clap::Subcommand)]
pub enum RemoteAction {
    /// Record URL as the team's remote (replacing the one recorded)
    ///
    /// The URL is checked and stored as the store's git remote `origin`;
    /// nothing is fetched or pushed until `disclose sync`. A local path is
    /// made absolute and must be a bare git repository; --create makes an
    /// empty one there (whose default branch is the store's, so a plain
    /// `git clone` of it checks the store out).
    #[command(after_help = "Examples:\n  \
        disclose remote set git@github.com:acme/security-cases.git\n  \
        disclose remote set /srv/git/security-cases.git\n  \
        disclose remote set --create /srv/git/security-cases.git")]
    Set(SetArgs),
    /// Print the recorded remote and how many local changes it lacks
    ///
    /// Local changes are commits that `disclose sync` has not pushed yet.
    #[command(after_help = "Examples:\n  disclose remote show")]
    Show,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// ssh (git@host:path or ssh://), https://, git://, file:// URL or a local path
    pub url: String,
    /// For a local path: create an empty bare repository there first
    #[arg(long)]
    pub create: bool,
}

/// Checks what a local path remote (`file://` or a path) names: it must be
/// a bare repository, which `create` makes if nothing is there yet. Other
/// URLs are checked by the first `sync`. `arg` names the argument in errors.
pub fn check_path_remote(url: &str, arg: &str, create: bool) -> Result<bool> {
    let Some(path) = store::local_path(url) else {
        return Ok(false);
    };
    let shown = path.display();
    match store::inspect(&path) {
        PathRemote::Bare => Ok(false),
        PathRemote::Missing | PathRemote::NotRepository if create => {
            store::create_bare_remote(&path)?;
            Ok(true)
        }
        PathRemote::Missing => Err(Error::input(format!("{arg} {shown}: no such directory"))
            .with_hint(format!(
                "create an empty team repository there with `disclose remote set --create {shown}` \
             (or `git init --bare {shown}`), or check the path"
            ))),
        PathRemote::NotRepository => Err(Error::input(format!(
            "{arg} {shown}: not a git repository"
        ))
        .with_hint(format!(
            "point at a bare repository, or make one with `disclose remote set --create {shown}` \
             (the directory must be empty)"
        ))),
        PathRemote::Working { remote } => Err(Error::input(format!(
            "{arg} {shown}: a store's work tree (or another repository with files checked out), \
             not a bare repository; pushing there would move its branch under its files"
        ))
        .with_hint(match remote {
            Some(team) => format!("its own remote is {team}: use that one"),
            None => format!(
                "make a bare repository for the team with `disclose remote set --create PATH`, or \
                 `git clone --bare {shown} PATH`"
            ),
        })),
    }
}

/// Checks a typed remote URL; a local path is made absolute so the store
/// finds it from any working directory.
pub fn normalize_url(typed: &str, arg: &str) -> Result<String> {
    let url = typed.trim();
    let bad = |why: &str| {
        Error::input(format!("{arg} {typed:?}: {why}")).with_hint(
            "give an ssh (git@host:team/cases.git), https://, git://, file:// URL or a local path",
        )
    };
    if url.is_empty() {
        return Err(bad("the URL is empty"));
    }
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(bad("the URL contains spaces or control characters"));
    }
    if let Some((scheme, _)) = url.split_once("://") {
        return match scheme {
            "file" | "git" | "ssh" | "https" | "http" => Ok(url.to_owned()),
            _ => Err(bad(&format!("unsupported scheme {scheme}://"))),
        };
    }
    // scp-like ssh: `user@host:path` or `host:path` (a colon before any slash).
    if let Some(colon) = url.find(':')
        && !url[..colon].contains('/')
        && colon > 1
    {
        return Ok(url.to_owned());
    }
    let path = Path::new(url);
    let absolute = match path.canonicalize() {
        Ok(path) => path,
        Err(_) if path.is_absolute() => path.to_path_buf(),
        Err(_) => std::env::current_dir()
            .map_err(|e| Error::io("read the current directory", e))?
            .join(path),
    };
    absolute
        .to_str()
        .map(str::to_owned)
        .ok_or_else(|| bad("the path is not UTF-8"))
}

pub fn run(ctx: &Ctx, args: &RemoteArgs) -> Result<()> {
    let store = ctx.store()?;
    match &args.action {
        Some(RemoteAction::Set(set)) => {
            let url = normalize_url(&set.url, "URL")?;
            if set.create && store::local_path(&url).is_none() {
                return Err(Error::input(format!(
                    "--create makes a repository at a local path; {url} is not one"
                ))
                .with_hint("create the repository with the host (GitHub, GitLab, ...), then `disclose remote set URL`"));
            }
            let created = check_path_remote(&url, "URL", set.create)?;
            if created {
                ctx.ui
                    .status(&format!("Created an empty bare repository at {url}."));
            }
            let before = store.remote_url()?;
            store.set_remote(&url)?;
            if ctx.ui.json() {
                ctx.ui
                    .print_json(&serde_json::json!({"remote": url, "previous": before}))?;
            }
            let what = match before {
                Some(old) if old != url => {
                    format!("Changed the team's remote ({REMOTE}) from {old} to {url}.")
                }
                _ => format!("Recorded {url} as the team's remote ({REMOTE})."),
            };
            ctx.ui.status(&what);
            ctx.ui.next("`disclose sync` to fetch and push");
        }
        Some(RemoteAction::Show) | None => {
            let url = store.remote_url()?;
            let unpushed = store.unpushed()?;
            if ctx.ui.json() {
                ctx.ui.print_json(&serde_json::json!({
                    "remote": url,
                    "unpushed": unpushed,
                }))?;
                return Ok(());
            }
            match url {
                Some(url) => {
                    ctx.ui.println(&url)?;
                    if let Some(u) = unpushed.filter(|u| u.commits > 0) {
                        ctx.ui.status(&super::sync::unpushed_line(u.commits));
                    }
                }
                None => ctx.ui.status(
                    "No remote is recorded; the store is local only.\n\
                     Record the team's with `disclose remote set URL`.",
                ),
            }
        }
    }
    Ok(())
}
