//! `disclose remote`: show or record the team's remote.

use crate::app::context::Ctx;
use crate::commands::common::remote_url::{self, warn_credentials};
use crate::commands::common::sync_report;
use crate::error::{Error, Result};
use crate::model::syntax::redact_url;
use crate::store::{self, REMOTE};

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
    /// `git clone` of it checks the store out). A password or token in the
    /// URL is never printed; a git credential helper is the better place
    /// for it.
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

pub fn run(ctx: &Ctx, args: &RemoteArgs) -> Result<()> {
    let store = ctx.store()?;
    match &args.action {
        Some(RemoteAction::Set(set)) => {
            let url = remote_url::normalize_url(&set.url, "URL")?;
            if set.create && store::local_path(&url).is_none() {
                return Err(Error::input(format!(
                    "--create makes a repository at a local path; {url} is not one"
                ))
                .with_hint("create the repository with the host (GitHub, GitLab, ...), then `disclose remote set URL`"));
            }
            let created = remote_url::check_path_remote(&url, "URL", set.create)?;
            if created {
                ctx.ui
                    .status(&format!("Created an empty bare repository at {url}."));
            }
            let before = store.remote_url()?;
            store.set_remote(&url)?;
            let before = before.as_deref().map(redact_url);
            warn_credentials(ctx, &url);
            let url = redact_url(&url);
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
            let url = store.remote_url()?.map(|url| redact_url(&url));
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
                        ctx.ui.status(&sync_report::unpushed_line(u.commits));
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
