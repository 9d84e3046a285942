//! The store's git repository, driven in-process through git2: one commit per
//! change, authored by the user's git identity.

use std::path::Path;

use chrono::{DateTime, Utc};
use git2::{IndexAddOption, Repository, RepositoryInitOptions, Signature, Time};

use crate::error::{Error, Result};

/// Who commits: from git config, else `DISCLOSE_AUTHOR_NAME`/`_EMAIL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

impl Identity {
    /// `Name <email>`, as recorded in events.
    pub fn by(&self) -> String {
        format!("{} <{}>", self.name, self.email)
    }
}

pub(crate) const BRANCH: &str = "main";

/// Creates a repository at `root` with `main` as its first branch, whatever
/// `init.defaultBranch` says on this machine.
pub(crate) fn init(root: &Path) -> Result<Repository> {
    let mut opts = RepositoryInitOptions::new();
    opts.initial_head(BRANCH).mkpath(false);
    Repository::init_opts(root, &opts)
        .map_err(|e| Error::git(format!("create a repository at {}", root.display()), e))
}

pub(crate) fn open(root: &Path) -> Result<Repository> {
    // Every object a commit here points at was just written from the index
    // by this process (or git): checking that each of the store's blobs
    // exists, as libgit2 does by default, costs more than the commit itself
    // in a large store.
    git2::opts::strict_object_creation(false);
    Repository::open(root)
        .map_err(|e| Error::git(format!("open the repository at {}", root.display()), e))
}

/// The repository whose work tree contains `path` (or its nearest existing
/// ancestor), if any.
pub(crate) fn enclosing_work_tree(path: &Path) -> Option<std::path::PathBuf> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let repo = Repository::discover(existing).ok()?;
    repo.workdir().map(Path::to_path_buf)
}

/// The commit identity: repository config, then global config, then the
/// environment's fallbacks.
pub(crate) fn identity(
    repo: Option<&Repository>,
    fallback_name: Option<&str>,
    fallback_email: Option<&str>,
) -> Result<Identity> {
    let config = match repo {
        Some(repo) => repo.config().ok(),
        None => git2::Config::open_default().ok(),
    };
    let get = |key: &str| {
        config
            .as_ref()
            .and_then(|c| c.get_string(key).ok())
            .filter(|v| !v.trim().is_empty())
    };
    let name = get("user.name").or_else(|| fallback_name.map(str::to_owned));
    let email = get("user.email").or_else(|| fallback_email.map(str::to_owned));
    match (name, email) {
        (Some(name), Some(email)) => Ok(Identity { name, email }),
        (name, _) => {
            let missing = if name.is_none() { "name" } else { "email" };
            Err(Error::input(format!(
                "no author {missing} to record this change with: every change to the store is a git commit"
            ))
            .with_hint(
                "set one with `git config --global user.name \"Your Name\"` and \
                 `git config --global user.email you@example.org`, or set \
                 DISCLOSE_AUTHOR_NAME and DISCLOSE_AUTHOR_EMAIL",
            ))
        }
    }
}

/// Commits the files at `paths` (relative to the work tree) as they are on
/// disk now, on top of HEAD. The index is written only once the commit exists,
/// so a failed commit leaves git as it was.
pub(crate) fn commit(
    repo: &Repository,
    paths: &[String],
    message: &str,
    who: &Identity,
    at: DateTime<Utc>,
) -> Result<git2::Oid> {
    let fail = |e| Error::git(format!("commit \"{message}\""), e);
    // A freshly opened repository reads its index from disk here.
    let mut index = repo.index().map_err(fail)?;
    index.read(false).map_err(fail)?;
    for path in paths {
        let rel = Path::new(path);
        if repo.workdir().is_some_and(|w| w.join(rel).exists()) {
            index.add_path(rel).map_err(fail)?;
        } else {
            index.remove_path(rel).map_err(fail)?;
        }
    }
    let tree_id = index.write_tree().map_err(fail)?;
    let tree = repo.find_tree(tree_id).map_err(fail)?;
    let time = Time::new(at.timestamp(), 0);
    let sig = Signature::new(&who.name, &who.email, &time).map_err(fail)?;
    let parent = match repo.head() {
        Ok(head) => Some(head.peel_to_commit().map_err(fail)?),
        Err(e) if e.code() == git2::ErrorCode::UnbornBranch => None,
        Err(e) => return Err(fail(e)),
    };
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    let oid = repo
        .commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .map_err(fail)?;
    index.write().map_err(fail)?;
    Ok(oid)
}

/// Stages everything in the work tree (for the store's first commit).
pub(crate) fn commit_all(
    repo: &Repository,
    message: &str,
    who: &Identity,
    at: DateTime<Utc>,
) -> Result<git2::Oid> {
    let fail = |e| Error::git(format!("commit \"{message}\""), e);
    let mut index = repo.index().map_err(fail)?;
    index
        .add_all(["*"], IndexAddOption::DEFAULT, None)
        .map_err(fail)?;
    index.write().map_err(fail)?;
    let paths: Vec<String> = index
        .iter()
        .map(|e| String::from_utf8_lossy(&e.path).into_owned())
        .collect();
    commit(repo, &paths, message, who, at)
}
