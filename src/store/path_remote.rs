//! Fetching from and pushing to a remote that is a directory on this
//! machine (a path or a `file://` URL) by writing packs directly (`pack`),
//! instead of through libgit2's local transport, whose pack builder grows
//! with the size of the store's trees rather than with the change.
//!
//! The steps are the transport's: a fetch copies what the remote's `main`
//! reaches that this store lacks, checking every object's id (a first
//! fetch, a clone, copies the remote's object files instead, as
//! `object_copy` says), and leaves the tip where `remote::fetch` does; a push copies what `main` reaches
//! that the remote lacks, then moves the remote's `main` only if it is
//! still where this store last saw it.

use std::path::Path;

use git2::{ErrorCode, Oid, Repository};

use super::git::BRANCH;
use super::remote::{FETCHED, Pushed, TRACKING, unreachable};
use super::{object_copy, pack};
use crate::error::{Error, Result};

fn open(dir: &Path, what: &str, url: &str) -> Result<Repository> {
    Repository::open(dir).map_err(|e| unreachable(what, url, &e))
}

fn branch() -> String {
    format!("refs/heads/{BRANCH}")
}

/// Fetches the remote's `main` into `repo` (objects only, and the
/// `FETCHED` ref); its tip, if it has one.
pub(crate) fn fetch(repo: &Repository, dir: &Path, url: &str) -> Result<Option<Oid>> {
    let remote = open(dir, "fetch from", url)?;
    let tip = match remote.refname_to_id(&branch()) {
        Ok(tip) => tip,
        Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(unreachable("fetch from", url, &e)),
    };
    let odb = repo
        .odb()
        .map_err(|e| Error::git("open the object database", e))?;
    if !odb.exists(tip) {
        let haves: Vec<Oid> = [branch().as_str(), TRACKING]
            .iter()
            .filter_map(|name| repo.refname_to_id(name).ok())
            .collect();
        let objects = repo.path().join("objects");
        let copied = haves.is_empty()
            && object_copy::copy_all(&remote.path().join("objects"), &objects)?
            && {
                odb.refresh()
                    .map_err(|e| Error::git("read the fetched objects", e))?;
                odb.exists(tip)
            };
        if !copied {
            pack::send(&remote, &objects, tip, &haves, true)?;
            odb.refresh()
                .map_err(|e| Error::git("read the fetched objects", e))?;
        }
    }
    repo.reference(FETCHED, tip, true, "disclose sync: fetch")
        .map_err(|e| Error::git("record the fetched branch", e))?;
    Ok(Some(tip))
}

/// Pushes `main` to the remote at `dir`, if the remote's `main` is still
/// one this store's `main` descends from.
pub(crate) fn push(repo: &Repository, dir: &Path, url: &str) -> Result<Pushed> {
    let remote = open(dir, "push to", url)?;
    let name = branch();
    let ours = repo
        .refname_to_id(&name)
        .map_err(|e| Error::git("read the branch main", e))?;
    let theirs = match remote.refname_to_id(&name) {
        Ok(id) => Some(id),
        Err(e) if e.code() == ErrorCode::NotFound => None,
        Err(e) => return Err(unreachable("push to", url, &e)),
    };
    if let Some(theirs) = theirs
        && theirs != ours
    {
        let known = repo.odb().is_ok_and(|odb| odb.exists(theirs));
        if !known || !repo.graph_descendant_of(ours, theirs).unwrap_or(false) {
            return Ok(Pushed::Rejected(
                "the remote's main has commits this store does not (fetch first)".to_owned(),
            ));
        }
    }
    if theirs == Some(ours) {
        return Ok(Pushed::Done);
    }
    pack::send(
        repo,
        &remote.path().join("objects"),
        ours,
        &theirs.into_iter().collect::<Vec<_>>(),
        false,
    )?;
    remote
        .odb()
        .and_then(|odb| odb.refresh())
        .map_err(|e| unreachable("push to", url, &e))?;
    let moved = match theirs {
        Some(theirs) => remote.reference_matching(&name, ours, true, theirs, "push"),
        None => remote.reference(&name, ours, false, "push"),
    };
    match moved {
        Ok(_) => Ok(Pushed::Done),
        Err(e)
            if matches!(
                e.code(),
                ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked
            ) =>
        {
            Ok(Pushed::Rejected(format!(
                "the remote's main moved meanwhile (stale: {})",
                e.message()
            )))
        }
        Err(e) => Err(unreachable("push to", url, &e)),
    }
}
