//! Remote URLs as users type them, for `init --remote`, `clone` and
//! `remote set`.

use std::path::Path;

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::store::{self, PathRemote};

/// Checks a typed remote URL; a local path is made absolute so the store
/// finds it from any working directory.
pub fn normalize_url(typed: &str, arg: &str) -> Result<String> {
    let url = typed.trim();
    let bad = |why: &str| {
        let typed = crate::model::syntax::redact_url(typed);
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

/// Says, when `url` carries a password or token, that a credential
/// helper is the better place for it (git keeps the URL in plain text in
/// the store's `.git/config`, and tools print URLs).
pub fn warn_credentials(ctx: &Ctx, url: &str) {
    if crate::model::syntax::has_credentials(url) {
        ctx.ui.warn(
            "the URL holds a password or token; it is never printed, but git keeps it in plain \
             text in the store's .git/config. A git credential helper is preferable: set one up \
             (`git config --global credential.helper ...`, e.g. libsecret, osxkeychain, manager \
             or cache) and record the URL without the token",
        );
    }
}
