//! What the store's repository must look like before a change: HEAD on the
//! store's branch, and no merge, rebase or other git operation half-way.
//! Anything else is refused with the git command that sets it right, since a
//! commit made there would be lost or tangled in the user's operation.

use std::path::Path;

use git2::{Oid, Repository, RepositoryState};

use super::git::BRANCH;
use super::lock::shell_quote;
use crate::error::{Error, Result};

/// Git config key naming another branch for the store's changes.
pub(crate) const BRANCH_KEY: &str = "disclose.branch";

/// The branch a change moves and where it is now (`None` before the first
/// commit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    /// The full ref name, `refs/heads/main`.
    pub(crate) branch: String,
    pub(crate) commit: Option<Oid>,
}

/// The store's branch: `main`, or what `disclose.branch` names.
pub(crate) fn store_branch(repo: &Repository) -> String {
    repo.config()
        .ok()
        .and_then(|c| c.get_string(BRANCH_KEY).ok())
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| BRANCH.to_owned())
}

/// Checks that a change can be made here and says where it goes.
pub(crate) fn head_for_change(repo: &Repository, root: &Path) -> Result<Head> {
    let git = format!("git -C {}", shell_quote(&root.display().to_string()));
    operation_in_progress(repo, &git)?;
    let fail = |e| Error::git("read HEAD", e);
    let head = repo.find_reference("HEAD").map_err(fail)?;
    let Some(target) = head.symbolic_target().map_err(fail)?.map(str::to_owned) else {
        return Err(detached(repo, &git));
    };
    let wanted = store_branch(repo);
    let name = target.strip_prefix("refs/heads/").unwrap_or(&target);
    if name != wanted {
        return Err(Error::refused(format!(
            "the store is on branch {name}, but its changes go on {wanted}: a commit here \
             would not reach {wanted} or the team"
        ))
        .with_hint(format!(
            "switch back with `{git} switch {wanted}`; or, to keep the store's changes on \
             {name}, say so with `{git} config {BRANCH_KEY} {name}`"
        )));
    }
    let commit = match repo.refname_to_id(&target) {
        Ok(id) => Some(id),
        Err(e) if e.code() == git2::ErrorCode::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    Ok(Head {
        branch: target,
        commit,
    })
}

fn operation_in_progress(repo: &Repository, git: &str) -> Result<()> {
    let (what, fix) = match repo.state() {
        RepositoryState::Clean => return Ok(()),
        RepositoryState::Merge => (
            "a merge",
            format!("finish it with `{git} commit`, or abandon it with `{git} merge --abort`"),
        ),
        RepositoryState::Revert | RepositoryState::RevertSequence => (
            "a revert",
            format!(
                "finish it with `{git} revert --continue`, or abandon it with `{git} revert --abort`"
            ),
        ),
        RepositoryState::CherryPick | RepositoryState::CherryPickSequence => (
            "a cherry-pick",
            format!(
                "finish it with `{git} cherry-pick --continue`, or abandon it with `{git} cherry-pick --abort`"
            ),
        ),
        RepositoryState::Bisect => ("a bisect", format!("end it with `{git} bisect reset`")),
        RepositoryState::Rebase
        | RepositoryState::RebaseInteractive
        | RepositoryState::RebaseMerge => (
            "a rebase",
            format!(
                "finish it with `{git} rebase --continue`, or abandon it with `{git} rebase --abort`"
            ),
        ),
        RepositoryState::ApplyMailbox | RepositoryState::ApplyMailboxOrRebase => (
            "a `git am`",
            format!("finish it with `{git} am --continue`, or abandon it with `{git} am --abort`"),
        ),
    };
    Err(Error::refused(format!(
        "{what} is in progress in the store; a change now would be tangled in it"
    ))
    .with_hint(format!("{fix}, then run the command again")))
}

fn detached(repo: &Repository, git: &str) -> Error {
    let at = repo.head().ok().and_then(|h| h.target());
    let short = at.map_or_else(
        || "an unknown commit".to_owned(),
        |id| id.to_string()[..7].to_owned(),
    );
    let wanted = store_branch(repo);
    let tip = repo.refname_to_id(&format!("refs/heads/{wanted}")).ok();
    // Commits made on the detached HEAD that the branch lacks.
    let ahead = match (at, tip) {
        (Some(at), Some(tip)) => repo.graph_ahead_behind(at, tip).map_or(0, |(a, _)| a),
        (Some(_), None) => 1,
        _ => 0,
    };
    let fix = if ahead == 0 {
        format!("go back to the branch with `{git} switch {wanted}`")
    } else {
        format!(
            "keep its {ahead} commit(s) with `{git} branch detached-work && {git} switch {wanted} \
             && {git} merge detached-work`, or drop them with `{git} switch {wanted}`"
        )
    };
    Error::refused(format!(
        "the store's HEAD is detached (at {short}), so a commit now would be on no branch: \
         not on {wanted}, and never pushed"
    ))
    .with_hint(format!("{fix}, then run the command again"))
}
