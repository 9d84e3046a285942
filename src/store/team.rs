//! Setting a team up: what a path remote is before it is recorded, a bare
//! remote created on request, the remote's default branch after the first
//! push, and the reply templates the team shares.

use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryInitOptions};
use serde::Serialize;

use super::git::{self, BRANCH};
use super::{Store, fs};
use crate::error::{Error, Result};

/// The branch a store keeps its history on.
pub const STORE_BRANCH: &str = BRANCH;

/// Where the reply-draft overrides live in a store.
pub const TEMPLATES_DIR: &str = "templates";

/// The local directory a remote URL names, if it names one (`file://` or a
/// path, which `remote set` has made absolute).
pub fn local_path(url: &str) -> Option<PathBuf> {
    if let Some(rest) = url.strip_prefix("file://") {
        return Some(PathBuf::from(rest));
    }
    let path = Path::new(url);
    path.is_absolute().then(|| path.to_path_buf())
}

/// What is at a path remote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathRemote {
    Missing,
    /// Something that is not a git repository (an empty directory counts).
    NotRepository,
    /// A bare repository: what a team's remote should be.
    Bare,
    /// A repository with a work tree, e.g. another maintainer's store or a
    /// copy of one, with the remote it syncs with itself.
    Working {
        remote: Option<String>,
    },
}

/// Looks at the repository a path remote names.
pub fn inspect(path: &Path) -> PathRemote {
    if !path.exists() {
        return PathRemote::Missing;
    }
    match Repository::open_bare(path) {
        Ok(repo) if repo.is_bare() => PathRemote::Bare,
        _ => match Repository::open(path) {
            Ok(repo) if !repo.is_bare() => PathRemote::Working {
                remote: super::remote::url(&repo).ok().flatten(),
            },
            Ok(_) => PathRemote::Bare,
            Err(_) => PathRemote::NotRepository,
        },
    }
}

/// Creates an empty bare repository at `path` whose HEAD names the store's
/// branch, so a plain `git clone` of it checks the store out. The
/// directory must be new or empty.
pub fn create_bare_remote(path: &Path) -> Result<()> {
    if path.exists()
        && std::fs::read_dir(path)
            .map_err(|e| Error::io(format!("read {}", path.display()), e))?
            .next()
            .is_some()
    {
        return Err(Error::input(format!(
            "{} exists and is not empty; --create makes a new repository",
            path.display()
        )));
    }
    fs::create_private_dir(path)?;
    let mut opts = RepositoryInitOptions::new();
    opts.bare(true).initial_head(BRANCH);
    Repository::init_opts(path, &opts)
        .map(drop)
        .map_err(|e| Error::git(format!("create a bare repository at {}", path.display()), e))
}

/// What was done about the remote's default branch after a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "action")]
pub enum RemoteHead {
    /// The remote's HEAD named a branch it does not have (`git init
    /// --bare` names `master`); it now names the store's branch.
    Pointed { was: String },
    /// The first push to a remote that cannot be looked into here (ssh,
    /// https): whether its default branch is the store's is not known.
    Unchecked,
}

/// After a push: a path remote whose HEAD names a missing branch is
/// pointed at the store's branch, so that a plain `git clone` (a CI
/// checkout) gets the store and not an empty tree. Other remotes are only
/// reported, after their first push.
pub(crate) fn after_push(url: &str, first_push: bool) -> Option<RemoteHead> {
    let Some(path) = local_path(url) else {
        return first_push.then_some(RemoteHead::Unchecked);
    };
    let repo = Repository::open_bare(&path).ok()?;
    let head = repo.find_reference("HEAD").ok()?;
    let target = head.symbolic_target().ok().flatten()?.to_owned();
    let ours = format!("refs/heads/{BRANCH}");
    if target == ours || repo.find_reference(&target).is_ok() || repo.find_reference(&ours).is_err()
    {
        return None;
    }
    repo.set_head(&ours).ok()?;
    Some(RemoteHead::Pointed { was: target })
}

impl Store {
    /// The plain files in the store directory `rel`, by name, seen without
    /// following links; empty when there is no such directory.
    pub fn plain_files(&self, rel: &str) -> Result<Vec<String>> {
        let Some(dir) = fs::open(&self.root, rel)? else {
            return Ok(Vec::new());
        };
        let mut names: Vec<String> = dir
            .list()?
            .into_iter()
            .filter(|l| l.kind == fs::Kind::File)
            .filter_map(|l| l.name.to_str().map(str::to_owned))
            .collect();
        names.sort();
        Ok(names)
    }

    /// The template files (`templates/*.txt`) that the last commit does not
    /// hold as they are: new or edited by hand. Only plain files are taken,
    /// opened without following links (see `fs`), each within the text limit.
    pub fn unshared_templates(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let Some(dir) = fs::open(&self.root, TEMPLATES_DIR)? else {
            return Ok(Vec::new());
        };
        let repo = git::open(&self.root)?;
        let tree = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
        let mut out = Vec::new();
        for listed in dir.list()? {
            let Some(name) = listed.name.to_str() else {
                continue;
            };
            if listed.kind != fs::Kind::File || !name.ends_with(".txt") || name.starts_with('.') {
                continue;
            }
            let rel = format!("{TEMPLATES_DIR}/{name}");
            let Some(bytes) = self.read_file(&rel, crate::model::limits::FILE_BYTES as u64)? else {
                continue;
            };
            let committed = tree
                .as_ref()
                .and_then(|t| t.get_path(Path::new(&rel)).ok())
                .and_then(|e| repo.find_blob(e.id()).ok())
                .map(|b| b.content().to_vec());
            if committed.as_deref() != Some(bytes.as_slice()) {
                out.push((rel, bytes));
            }
        }
        out.sort();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_file_urls_are_local_and_others_are_not() {
        assert_eq!(
            local_path("/srv/git/cases.git"),
            Some("/srv/git/cases.git".into())
        );
        assert_eq!(
            local_path("file:///srv/cases.git"),
            Some("/srv/cases.git".into())
        );
        assert_eq!(local_path("git@github.com:acme/cases.git"), None);
        assert_eq!(local_path("https://example.org/cases.git"), None);
    }

    #[test]
    fn a_bare_remote_with_head_on_master_is_pointed_at_main_after_a_push() {
        let tmp = tempfile::tempdir().unwrap();
        let bare = tmp.path().join("team.git");
        let mut opts = RepositoryInitOptions::new();
        opts.bare(true).initial_head("master");
        let repo = Repository::init_opts(&bare, &opts).unwrap();
        let url = bare.to_str().unwrap();
        // Nothing pushed yet: there is no branch to point at.
        assert_eq!(after_push(url, true), None);
        let sig = git2::Signature::now("T", "t@example.org").unwrap();
        let tree = repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap();
        repo.commit(Some("refs/heads/main"), &sig, &sig, "m", &tree, &[])
            .unwrap();
        assert_eq!(
            after_push(url, true),
            Some(RemoteHead::Pointed {
                was: "refs/heads/master".into()
            })
        );
        assert_eq!(
            Repository::open_bare(&bare)
                .unwrap()
                .head()
                .unwrap()
                .name()
                .ok(),
            Some("refs/heads/main")
        );
        // Pointed once; then there is nothing to do.
        assert_eq!(after_push(url, false), None);
        assert_eq!(
            after_push("git@example.org:team/cases.git", true),
            Some(RemoteHead::Unchecked)
        );
        assert_eq!(after_push("git@example.org:team/cases.git", false), None);
    }
}
