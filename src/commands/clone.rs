//! `disclose clone`: set up a new maintainer's copy of the team's store.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::app::paths::{self, StoreSource};
use crate::commands::common::remote_url;
use crate::error::Result;
use crate::store::{self, PathRemote, REMOTE, clone_store};

/// Clone the team's case store
///
/// Clones the store from the team's private remote into DIR (default: the
/// store location, `--dir`, $DISCLOSE_DIR or the data directory), records
/// the URL as its remote, and makes it your default store in the user
/// config file, unless --dir is given. The directory must be new or empty.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose clone git@github.com:acme/security-cases.git\n  \
    disclose clone https://gitlab.example.org/sec/cases.git ~/security/cases\n  \
    disclose --dir /tmp/cases-copy clone /srv/git/cases.git   # leaves the default alone")]
pub struct CloneArgs {
    /// The team's remote: ssh, https://, git://, file:// URL or a local path
    pub url: String,
    /// Where to put the store
    #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub directory: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &CloneArgs) -> Result<()> {
    let url = remote_url::normalize_url(&args.url, "URL")?;
    let (located, source) = ctx.location()?;
    let dir = match &args.directory {
        Some(dir) => std::path::absolute(dir)
            .map_err(|e| crate::Error::io(format!("resolve {}", dir.display()), e))?,
        None => located,
    };
    if let Some(path) = store::local_path(&url) {
        match store::inspect(&path) {
            PathRemote::Missing => {
                return Err(crate::Error::input(format!(
                    "URL {}: no such directory",
                    path.display()
                )));
            }
            PathRemote::Working { remote } => warn_working_copy(ctx, &url, remote.as_deref()),
            PathRemote::Bare | PathRemote::NotRepository => {}
        }
    }
    let (store, cloned) = clone_store(&url, &dir)?;
    remote_url::warn_credentials(ctx, &url);
    let url = crate::model::syntax::redact_url(&url);
    let cases = store.case_ids()?.0.len();
    ctx.ui.status(&format!(
        "Cloned {url} into {} ({cases} case{}); its remote is {REMOTE}.",
        dir.display(),
        if cases == 1 { "" } else { "s" }
    ));
    ctx.say_made_private(&dir, cloned.was_open);
    let config = if source == StoreSource::Flag {
        None
    } else {
        let path = paths::user_config_path()?;
        paths::set_user_store(&path, &dir)?;
        ctx.ui.status(&format!(
            "It is now your default store (\"store\" in {}).",
            path.display()
        ));
        if source == StoreSource::Env {
            ctx.ui
                .warn("$DISCLOSE_DIR is set and takes precedence over the config file");
        }
        Some(path)
    };
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "store": dir,
            "remote": url,
            "cases": cases,
            "config": config,
        }))?;
    }
    ctx.ui
        .next("`disclose status`; `disclose sync` shares your changes with the team");
    Ok(())
}

/// A clone of a store's work tree (a copy, or another maintainer's store)
/// has that store as its remote, and through it the team's.
fn warn_working_copy(ctx: &Ctx, url: &str, team: Option<&str>) {
    let shared = match team {
        Some(team) => format!(
            ", whose own remote is {team}: what this clone shares reaches that store and, with \
             its next sync, the team"
        ),
        None => String::new(),
    };
    ctx.ui.warn(&format!(
        "{url} is a store's work tree, not a bare team repository{shared}. `sync` here will \
         fetch from it but not push into it; to try things out apart from the team, record a \
         scratch remote in the clone (`disclose remote set --create /tmp/scratch.git`), and to \
         join the team, clone its remote instead"
    ));
}
