//! `disclose remote`: show or record the team's remote.

use std::path::Path;

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::store::REMOTE;

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
    /// made absolute.
    #[command(after_help = "Examples:\n  \
        disclose remote set git@github.com:acme/security-cases.git\n  \
        disclose remote set /srv/git/security-cases.git")]
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
