//! Remote URLs as users type them, for `init --remote`, `clone` and
//! `remote set`.

use std::path::Path;

use crate::app::context::Ctx;
use crate::error::{Error, Result};

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
