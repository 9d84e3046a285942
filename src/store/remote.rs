//! The team's remote: the git remote `origin` of the store, reached through
//! git2 (local paths, `file://`, `git://`, ssh with the agent or `~/.ssh`
//! keys, https with git's credential helpers).

use std::cell::RefCell;
use std::path::PathBuf;

use chrono::{DateTime, TimeZone as _, Utc};
use git2::{
    Cred, CredentialType, ErrorCode, FetchOptions, FetchPrune, PushOptions, RemoteCallbacks,
    Repository,
};

use super::git::BRANCH;
use crate::error::{Error, Result};
use crate::model::syntax::{redact_url, scrub_credentials};

/// The name of the recorded remote; `sync` talks to no other.
pub const REMOTE: &str = "origin";
/// Where the last fetch or push left the remote's branch.
pub(crate) const TRACKING: &str = "refs/remotes/origin/main";
/// Where a fetch holds the remote's branch until its tree is checked
/// (`accept`), so a refused tree moves no branch and no tracking ref.
pub(crate) const FETCHED: &str = "refs/disclose/fetched";

/// Local commits the remote does not have yet (as of the last fetch or push).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Unpushed {
    pub commits: usize,
    /// When the oldest of them was made.
    pub oldest: Option<DateTime<Utc>>,
}

impl Unpushed {
    /// Whether some local change has waited longer than `age` to be pushed.
    pub fn older_than(&self, now: DateTime<Utc>, age: chrono::TimeDelta) -> bool {
        self.oldest.is_some_and(|oldest| now - oldest > age)
    }
}

pub(crate) fn url(repo: &Repository) -> Result<Option<String>> {
    match repo.find_remote(REMOTE) {
        Ok(remote) => Ok(remote.url().ok().map(str::to_owned)),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(Error::git(format!("read the remote {REMOTE}"), e)),
    }
}

pub(crate) fn set_url(repo: &Repository, url: &str) -> Result<()> {
    let fail = |e| Error::git(format!("record the remote {url}"), e);
    match repo.find_remote(REMOTE) {
        Ok(_) => repo.remote_set_url(REMOTE, url).map_err(fail),
        Err(e) if e.code() == ErrorCode::NotFound => {
            repo.remote(REMOTE, url).map(drop).map_err(fail)
        }
        Err(e) => Err(fail(e)),
    }
}

/// The usual key files, tried in order after the ssh agent.
fn ssh_keys() -> Vec<PathBuf> {
    let Some(dirs) = directories::BaseDirs::new() else {
        return Vec::new();
    };
    let ssh = dirs.home_dir().join(".ssh");
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|name| ssh.join(name))
        .filter(|path| path.is_file())
        .collect()
}

/// Credentials: the ssh agent, then `~/.ssh` keys, then git's credential
/// helpers for https. Each is tried once, so a refusal ends in an error
/// instead of a loop.
///
/// Every fetch, push and clone starts here, which makes it the place where
/// the https transport gets its certificates.
fn callbacks<'a>(config: Option<git2::Config>) -> RemoteCallbacks<'a> {
    super::tls::load_trust_roots();
    let mut callbacks = RemoteCallbacks::new();
    let mut tried_agent = false;
    let mut keys = ssh_keys().into_iter();
    let mut tried_helper = false;
    callbacks.credentials(move |url, username, allowed| {
        let user = username.unwrap_or("git");
        if allowed.contains(CredentialType::USERNAME) {
            return Cred::username(user);
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            if !tried_agent {
                tried_agent = true;
                return Cred::ssh_key_from_agent(user);
            }
            if let Some(key) = keys.next() {
                return Cred::ssh_key(user, None, &key, None);
            }
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT)
            && !tried_helper
            && let Some(config) = &config
        {
            tried_helper = true;
            return Cred::credential_helper(config, url, username);
        }
        Err(git2::Error::from_str(
            "no credentials were accepted (tried the ssh agent, ~/.ssh keys and git credential helpers)",
        ))
    });
    callbacks
}

/// A transport failure, without the credentials a URL may carry (the
/// transport's own message can quote the URL too).
pub(crate) fn unreachable(what: &str, url: &str, e: &git2::Error) -> Error {
    Error::store(format!(
        "could not {what} {}: {}{}",
        redact_url(url),
        scrub_credentials(e.message()),
        certificate_hint(url, e)
    ))
}

/// How to make a refused server trusted: a TLS certificate for https, the
/// host key in `known_hosts` for ssh (libgit2 checks it as ssh does).
fn certificate_hint(url: &str, e: &git2::Error) -> &'static str {
    if e.code() != ErrorCode::Certificate {
        ""
    } else if url.starts_with("https://") {
        " (no trusted authority signed the server's certificate: add its issuer to the system's certificates, or name a PEM bundle in SSL_CERT_FILE)"
    } else {
        " (the server's host key is not in ~/.ssh/known_hosts, or differs from it: connect once with `ssh` to check and record it)"
    }
}

/// Fetches the remote's `main` (objects only: no branch or tracking ref
/// moves until `accept`); its tip, if it has one.
pub(crate) fn fetch(repo: &Repository, url: &str) -> Result<Option<git2::Oid>> {
    drop_fetched(repo)?;
    if let Some(dir) = super::team::local_path(url) {
        return super::path_remote::fetch(repo, &dir, url);
    }
    // An anonymous remote: fetching through `origin` would also move the
    // refs its configured refspecs name, before the tree is checked.
    let mut remote = repo
        .remote_anonymous(url)
        .map_err(|e| unreachable("fetch from", url, &e))?;
    let mut opts = FetchOptions::new();
    opts.remote_callbacks(callbacks(repo.config().ok()))
        .prune(FetchPrune::Off)
        .update_fetchhead(false);
    let refspec = format!("+refs/heads/{BRANCH}:{FETCHED}");
    remote
        .fetch(&[refspec.as_str()], Some(&mut opts), None)
        .map_err(|e| unreachable("fetch from", url, &e))?;
    Ok(repo.refname_to_id(FETCHED).ok())
}

/// Records the fetched tip, once its tree is checked, as where the
/// remote's `main` is (none: the remote has no `main`).
pub(crate) fn accept(repo: &Repository, tip: Option<git2::Oid>) -> Result<()> {
    let fail = |e| Error::git("record the remote's branch", e);
    match tip {
        Some(tip) => {
            repo.reference(TRACKING, tip, true, "disclose sync: fetch")
                .map_err(fail)?;
        }
        None => {
            if let Ok(mut tracking) = repo.find_reference(TRACKING) {
                tracking.delete().map_err(fail)?;
            }
        }
    }
    drop_fetched(repo)
}

/// Forgets a fetched tip (after `accept`, or when its tree was refused).
pub(crate) fn drop_fetched(repo: &Repository) -> Result<()> {
    match repo.find_reference(FETCHED) {
        Ok(mut fetched) => fetched
            .delete()
            .map_err(|e| Error::git("drop the fetched branch", e)),
        Err(_) => Ok(()),
    }
}

/// What a push came to.
pub(crate) enum Pushed {
    Done,
    /// Someone pushed meanwhile: fetch, merge and try again.
    Rejected(String),
}

/// Pushes `main` to the recorded remote, and only there.
pub(crate) fn push(repo: &Repository, url: &str) -> Result<Pushed> {
    if let Some(dir) = super::team::local_path(url) {
        match super::path_remote::push(repo, &dir, url)? {
            Pushed::Done => return track_pushed(repo),
            rejected @ Pushed::Rejected(_) => return Ok(rejected),
        }
    }
    let mut remote = repo
        .find_remote(REMOTE)
        .map_err(|e| Error::git(format!("read the remote {REMOTE}"), e))?;
    let refused: RefCell<Option<String>> = RefCell::new(None);
    let result = {
        let mut callbacks = callbacks(repo.config().ok());
        callbacks.push_update_reference(|_, status| {
            if let Some(status) = status {
                *refused.borrow_mut() = Some(status.to_owned());
            }
            Ok(())
        });
        let mut opts = PushOptions::new();
        opts.remote_callbacks(callbacks);
        let refspec = format!("refs/heads/{BRANCH}:refs/heads/{BRANCH}");
        remote.push(&[refspec.as_str()], Some(&mut opts))
    };
    match result {
        Err(e) if e.code() == ErrorCode::NotFastForward => {
            return Ok(Pushed::Rejected(e.message().to_owned()));
        }
        Err(e) => return Err(unreachable("push to", url, &e)),
        Ok(()) => {}
    }
    if let Some(status) = refused.into_inner() {
        // The server refused the update; only a stale base is worth a retry.
        let stale = ["non-fast-forward", "fetch first", "stale", "failed to lock"];
        if stale.iter().any(|s| status.contains(s)) {
            return Ok(Pushed::Rejected(status));
        }
        return Err(Error::store(format!(
            "{} refused the push: {}",
            redact_url(url),
            scrub_credentials(&status)
        )));
    }
    track_pushed(repo)
}

/// Records that the remote's `main` is now this store's.
fn track_pushed(repo: &Repository) -> Result<Pushed> {
    let head = repo
        .refname_to_id(&format!("refs/heads/{BRANCH}"))
        .map_err(|e| Error::git("read the branch main", e))?;
    repo.reference(TRACKING, head, true, "disclose sync: push")
        .map_err(|e| Error::git("record the pushed commit", e))?;
    Ok(Pushed::Done)
}

/// Checks out the checked tree of `tip` into the new repository at `dir`
/// (files 0600, directories 0700) and points `main` and the tracking ref
/// at it.
pub(crate) fn check_out_clone(
    repo: &Repository,
    root: &std::path::Path,
    tip: git2::Oid,
    files: Vec<super::tree::File>,
) -> Result<()> {
    let fail = |e| Error::git("check out the store", e);
    super::checkout::write(repo, root, files)?;
    repo.reference(&format!("refs/heads/{BRANCH}"), tip, true, "disclose clone")
        .map_err(fail)?;
    repo.set_head(&format!("refs/heads/{BRANCH}"))
        .map_err(fail)?;
    accept(repo, Some(tip))
}

/// Commits on `main` that the tracking ref does not have.
pub(crate) fn unpushed(repo: &Repository) -> Result<Unpushed> {
    let fail = |e| Error::git("count the changes not pushed", e);
    let Ok(head) = repo.refname_to_id(&format!("refs/heads/{BRANCH}")) else {
        return Ok(Unpushed {
            commits: 0,
            oldest: None,
        });
    };
    let mut walk = repo.revwalk().map_err(fail)?;
    walk.push(head).map_err(fail)?;
    if let Ok(pushed) = repo.refname_to_id(TRACKING) {
        walk.hide(pushed).map_err(fail)?;
    }
    let mut commits = 0;
    let mut oldest: Option<i64> = None;
    for oid in walk {
        let commit = repo.find_commit(oid.map_err(fail)?).map_err(fail)?;
        commits += 1;
        let t = commit.time().seconds();
        oldest = Some(oldest.map_or(t, |o| o.min(t)));
    }
    Ok(Unpushed {
        commits,
        oldest: oldest.and_then(|t| Utc.timestamp_opt(t, 0).single()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpushed_changes_are_stale_after_the_given_age() {
        let now: DateTime<Utc> = "2026-03-03T09:00:00Z".parse().unwrap();
        let day = chrono::TimeDelta::days(1);
        let old = Unpushed {
            commits: 2,
            oldest: Some(now - chrono::TimeDelta::hours(25)),
        };
        let fresh = Unpushed {
            commits: 1,
            oldest: Some(now - chrono::TimeDelta::hours(3)),
        };
        let none = Unpushed {
            commits: 0,
            oldest: None,
        };
        assert!(old.older_than(now, day));
        assert!(!fresh.older_than(now, day));
        assert!(!none.older_than(now, day));
    }
}
