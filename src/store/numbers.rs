//! The advisory IDs the store's cases hold, for giving out the next one
//! (`publish`, `reserve`) without reading every case. A number is taken
//! by a commit (this clone's, or another clone's merged by `sync`), so the
//! IDs are kept in `.git/disclose/advisories` beside the tree they were
//! read from, and the next time only the case files that changed in the
//! commits since are read (`diff`): numbering costs what changed, not the
//! size of the store.
//!
//! The kept list is an accelerator only: one that is missing, unreadable,
//! or names a tree this repository no longer has is made again from the
//! case files (as `status` reads them), and failing to save it is not an
//! error.

use std::collections::BTreeMap;

use git2::Oid;
use serde::{Deserialize, Serialize};

use super::diff::{self, Trees};
use super::{CACHE_DIR, Store, fs, git, state};
use crate::error::{Error, Result};
use crate::model::id::CaseId;
use crate::model::layout::CASES_DIR;

const FILE: &str = "advisories";
/// Bumped when what is kept, or how a case's number is read, changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Kept {
    format: u32,
    /// The root tree the numbers were read from.
    tree: String,
    /// Case file name to the advisory ID it holds.
    ids: BTreeMap<String, String>,
}

impl Store {
    /// The advisory IDs held by the cases of the store's last commit
    /// (none before the first). A case file that cannot be read holds none.
    pub fn advisory_ids(&self) -> Result<Vec<String>> {
        let repo = git::open(&self.root)?;
        let branch = format!("refs/heads/{}", state::store_branch(&repo));
        let Ok(commit) = repo.refname_to_id(&branch) else {
            return Ok(Vec::new());
        };
        let mut trees = Trees::new(&repo)?;
        let root = trees.root_of(&repo, commit)?;
        let rel = format!(".git/{CACHE_DIR}/{FILE}");
        let kept = fs::read(&self.root, &rel)
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice::<Kept>(&bytes).ok())
            .filter(|k| k.format == FORMAT)
            .and_then(|k| Some((Oid::from_str(&k.tree).ok()?, k.ids)));
        let (from, ids) = match kept {
            Some((tree, ids)) if tree == root => return Ok(ids.into_values().collect()),
            Some((tree, ids)) => (tree, ids),
            None => return self.advisory_ids_from_files(root, &rel),
        };
        // The kept tree may be gone (a `git gc` after a reset).
        let Ok(changed) = diff::diff(&mut trees, Some(from), Some(root)) else {
            return self.advisory_ids_from_files(root, &rel);
        };
        self.read_changed(&repo, changed, ids, root, &rel)
    }

    /// With nothing kept: the numbers of every case, read as `status` reads
    /// them (the work tree, through the summary cache), which is the last
    /// commit but for a change in progress.
    fn advisory_ids_from_files(&self, root: Oid, rel: &str) -> Result<Vec<String>> {
        let summaries = self.summaries()?;
        let ids = summaries
            .cases
            .iter()
            .filter_map(|c| Some((c.id.file_name(), c.advisory.clone()?)))
            .collect();
        Ok(self.keep(root, rel, ids))
    }

    /// `ids` brought from the tree they were read from up to `root` by
    /// reading the case files that `changed` names.
    fn read_changed(
        &self,
        repo: &git2::Repository,
        changed: Vec<diff::Changed>,
        mut ids: BTreeMap<String, String>,
        root: Oid,
        rel: &str,
    ) -> Result<Vec<String>> {
        let odb = repo
            .odb()
            .map_err(|e| Error::git("open the object database", e))?;
        let prefix = format!("{CASES_DIR}/");
        for change in changed {
            let Some(name) = change.path.strip_prefix(&prefix) else {
                continue;
            };
            ids.remove(name);
            let (Some(blob), Some(id)) = (
                change.new,
                name.strip_suffix(".json")
                    .and_then(|stem| stem.parse::<CaseId>().ok()),
            ) else {
                continue;
            };
            let object = odb
                .read(blob.id)
                .map_err(|e| Error::git(format!("read {}", change.path), e))?;
            let path = self.case_path(&id);
            if let Ok(summary) = super::summaries::summary_of_bytes(&path, &id, object.data())
                && let Some(advisory) = summary.advisory
            {
                ids.insert(name.to_owned(), advisory);
            }
        }
        Ok(self.keep(root, rel, ids))
    }

    /// Saves `ids` as read from `root` (failing quietly) and returns them.
    fn keep(&self, root: Oid, rel: &str, ids: BTreeMap<String, String>) -> Vec<String> {
        let kept = Kept {
            format: FORMAT,
            tree: root.to_string(),
            ids,
        };
        // Checked here, so the list is never written through a link.
        if fs::is_dir(&self.root, &format!(".git/{CACHE_DIR}")).unwrap_or(false)
            && let Ok(bytes) = serde_json::to_vec(&kept)
        {
            let _ = fs::write(&self.root, rel, &bytes);
        }
        kept.ids.into_values().collect()
    }
}
