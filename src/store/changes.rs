//! What a sync merges: the files either side changed since the common
//! base, found by diffing the trees (`diff`) and read alone, and the merged
//! tree, made by editing ours. A sync of a few cases in a large store reads
//! a few files, never every case.

use std::collections::{BTreeMap, BTreeSet};

use git2::{ObjectType, Oid, Repository};

use super::diff::{self, Changed, Trees};
use super::git;
use crate::error::{Error, Result};
use crate::merge::{Edits, Files, MergeError, Rest};
use crate::model::layout::CASES_DIR;

/// The changed files of three trees, as each tree has them.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) base: Files,
    pub(crate) ours: Files,
    pub(crate) theirs: Files,
    /// Every path either side changed.
    pub(crate) paths: BTreeSet<String>,
}

/// Reads what `ours` and `theirs` (root trees) changed since `base`.
/// `whose` names the side each diff checks ("this store's", "the remote's").
pub(crate) fn load(
    repo: &Repository,
    trees: &mut Trees<'_>,
    base: Option<Oid>,
    ours: Oid,
    theirs: Oid,
) -> Result<Changes> {
    let on_ours = diff::diff(trees, base, Some(ours)).map_err(|e| e.into_error("this store's"))?;
    let on_theirs =
        diff::diff(trees, base, Some(theirs)).map_err(|e| e.into_error("the remote's"))?;
    // Each path: its blob in base, ours and theirs; a side that did not
    // change it has the base's.
    let mut ids: BTreeMap<String, [Option<Oid>; 3]> = BTreeMap::new();
    for Changed { path, old, new } in on_ours {
        let base = old.map(|b| b.id);
        ids.insert(path, [base, new.map(|b| b.id), base]);
    }
    for Changed { path, old, new } in on_theirs {
        let base = old.map(|b| b.id);
        ids.entry(path)
            .and_modify(|sides| sides[2] = new.map(|b| b.id))
            .or_insert([base, base, new.map(|b| b.id)]);
    }
    let mut blobs = Blobs::new(repo);
    let mut changes = Changes::default();
    for (path, [b, o, t]) in ids {
        for (side, id) in [
            (&mut changes.base, b),
            (&mut changes.ours, o),
            (&mut changes.theirs, t),
        ] {
            if let Some(id) = id {
                side.insert(path.clone(), blobs.read(id, &path)?);
            }
        }
        changes.paths.insert(path);
    }
    Ok(changes)
}

/// The files `new` (a root tree) holds that differ from `old`'s, as pairs
/// of maps (old, new), for a fast-forward.
pub(crate) fn between(
    repo: &Repository,
    trees: &mut Trees<'_>,
    old: Oid,
    new: Oid,
) -> Result<Changes> {
    let changed =
        diff::diff(trees, Some(old), Some(new)).map_err(|e| e.into_error("the remote's"))?;
    let mut blobs = Blobs::new(repo);
    let mut changes = Changes::default();
    for Changed { path, old, new } in changed {
        if let Some(old) = old {
            changes
                .ours
                .insert(path.clone(), blobs.read(old.id, &path)?);
        }
        if let Some(new) = new {
            changes
                .theirs
                .insert(path.clone(), blobs.read(new.id, &path)?);
        }
        changes.paths.insert(path);
    }
    Ok(changes)
}

/// Reads blobs by id.
struct Blobs<'r> {
    repo: &'r Repository,
}

impl<'r> Blobs<'r> {
    fn new(repo: &'r Repository) -> Self {
        Self { repo }
    }

    fn read(&mut self, id: Oid, path: &str) -> Result<Vec<u8>> {
        let blob = self
            .repo
            .find_blob(id)
            .map_err(|e| Error::git(format!("read {path}"), e))?;
        Ok(blob.content().to_vec())
    }
}

/// The files of our tree that neither side changed, answered from the tree.
pub(crate) struct TreeRest<'a> {
    pub(crate) repo: &'a Repository,
    pub(crate) ours: Oid,
    pub(crate) changed: &'a BTreeSet<String>,
}

impl TreeRest<'_> {
    fn blob(&self, path: &str) -> std::result::Result<Option<Oid>, MergeError> {
        if self.changed.contains(path) {
            return Ok(None);
        }
        let tree = self.repo.find_tree(self.ours).map_err(|e| bad(path, &e))?;
        Ok(tree
            .get_path(std::path::Path::new(path))
            .ok()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .map(|e| e.id()))
    }
}

fn bad(path: &str, e: &git2::Error) -> MergeError {
    MergeError::Bad {
        path: path.to_owned(),
        message: e.message().to_owned(),
    }
}

impl Rest for TreeRest<'_> {
    fn contains(&self, path: &str) -> bool {
        matches!(self.blob(path), Ok(Some(_)))
    }

    fn get(&self, path: &str) -> std::result::Result<Option<Vec<u8>>, MergeError> {
        let Some(id) = self.blob(path)? else {
            return Ok(None);
        };
        let blob = self.repo.find_blob(id).map_err(|e| bad(path, &e))?;
        Ok(Some(blob.content().to_vec()))
    }

    fn advisories(&self) -> std::result::Result<BTreeSet<String>, MergeError> {
        let tree = self
            .repo
            .find_tree(self.ours)
            .map_err(|e| bad(CASES_DIR, &e))?;
        let Ok(cases) = tree.get_path(std::path::Path::new(CASES_DIR)) else {
            return Ok(BTreeSet::new());
        };
        let cases = self
            .repo
            .find_tree(cases.id())
            .map_err(|e| bad(CASES_DIR, &e))?;
        let mut found = BTreeSet::new();
        for entry in &cases {
            let path = format!(
                "{CASES_DIR}/{}",
                String::from_utf8_lossy(entry.name_bytes())
            );
            if entry.kind() != Some(ObjectType::Blob) || self.changed.contains(&path) {
                continue;
            }
            let blob = self
                .repo
                .find_blob(entry.id())
                .map_err(|e| bad(&path, &e))?;
            found.extend(crate::merge::advisory::advisory_in(blob.content()));
        }
        Ok(found)
    }
}

/// Our root tree `ours` with `edits` made: case files are spliced into the
/// raw `cases` tree (no tree of the store is rebuilt), anything else is
/// edited with git's tree update.
pub(crate) fn edited_tree(repo: &Repository, ours: Oid, edits: &Edits) -> Result<Oid> {
    let fail = |e| Error::git("write the merged tree", e);
    let mut ids: BTreeMap<&str, Option<Oid>> = BTreeMap::new();
    for (path, bytes) in edits {
        let id = bytes
            .as_ref()
            .map(|b| repo.blob(b))
            .transpose()
            .map_err(fail)?;
        ids.insert(path, id);
    }
    let root = repo.find_tree(ours).map_err(fail)?;
    let (cases, others): (Vec<_>, Vec<_>) =
        ids.iter().partition(|(path, _)| git::is_case_file(path));
    let spliced = match root.get_name(CASES_DIR) {
        Some(entry) if !cases.is_empty() && entry.kind() == Some(ObjectType::Tree) => {
            let paths: Vec<String> = cases.iter().map(|(p, _)| (**p).to_owned()).collect();
            git::spliced_cases(
                repo,
                |path| ids.get(path).copied().flatten(),
                entry.id(),
                &paths,
            )
            .map_err(fail)?
        }
        _ => None,
    };
    let mut update = git2::build::TreeUpdateBuilder::new();
    let rest = if spliced.is_some() {
        others
    } else {
        ids.iter().collect()
    };
    for (path, id) in rest {
        match id {
            Some(id) => update.upsert(*path, *id, git2::FileMode::Blob),
            None => update.remove(*path),
        };
    }
    let tree = update.create_updated(repo, &root).map_err(fail)?;
    match spliced {
        Some(bytes) if !bytes.is_empty() => {
            let cases = git::write_tree_stored(repo, &bytes).map_err(fail)?;
            let tree = repo.find_tree(tree).map_err(fail)?;
            git::with_cases(repo, &tree, cases).map_err(fail)
        }
        Some(_) => {
            // Every case file went: no `cases` tree, as git would have it.
            let tree = repo.find_tree(tree).map_err(fail)?;
            let mut root = repo.treebuilder(Some(&tree)).map_err(fail)?;
            root.remove(CASES_DIR).map_err(fail)?;
            root.write().map_err(fail)
        }
        None => Ok(tree),
    }
}

#[cfg(test)]
mod tests;
