//! The journal of the change in flight: written under `.git/disclose/`
//! before the change touches the index or a file, removed once it is done.
//! A journal found by the next command is an interrupted change, which
//! tells its left-overs (files it wrote, its temporary files, its
//! `index.lock`) apart from edits made by hand.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fs;
use super::lock::Owner;
use crate::error::{Error, Result};

const FILE: &str = "journal.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Journal {
    pub(crate) owner: Owner,
    /// Names the change's temporary files (`.disclose-<tx>-<n>`).
    pub(crate) tx: String,
    /// The commit message's first line.
    pub(crate) message: String,
    /// The branch the change moves (`refs/heads/main`).
    pub(crate) branch: String,
    /// Where the branch was (none for a store's first commit).
    pub(crate) old: Option<String>,
    pub(crate) files: Vec<File>,
    /// Files written outside the store (`publish --out`): put in place only
    /// once the branch has moved.
    #[serde(default)]
    pub(crate) outside: Vec<Outside>,
}

/// A store file the change writes, and the blob it writes there (none:
/// the change removes it). What it held before is in the old commit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct File {
    pub(crate) path: String,
    pub(crate) new: Option<String>,
    /// The work tree held the new content already (written by hand and
    /// now committed): the change never touched the file, nor does undoing it.
    #[serde(default)]
    pub(crate) untouched: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Outside {
    pub(crate) path: PathBuf,
    pub(crate) temp: PathBuf,
}

/// Where the journal of the store whose git directory is `git_dir` lives.
pub(crate) fn path(git_dir: &Path) -> PathBuf {
    git_dir.join(super::CACHE_DIR).join(FILE)
}

impl Journal {
    /// Writes the journal (a temporary file renamed into place, so a reader
    /// never sees half of one). Not synced to disk: it guards against a
    /// process that dies, as git's own lock files do.
    pub(crate) fn write(&self, git_dir: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        let path = path(git_dir);
        let dir = git_dir.join(super::CACHE_DIR);
        fs::create_private_dir(&dir)?;
        let temp = dir.join(format!(".journal-{}", self.tx));
        let fail = |e| Error::io(format!("write {}", path.display()), e);
        super::files::write_new(&temp, &bytes, false).map_err(fail)?;
        std::fs::rename(&temp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            fail(e)
        })
    }

    /// The journal left in `git_dir`, if any, and when it was written.
    pub(crate) fn read(git_dir: &Path) -> Result<Option<(Self, std::time::SystemTime)>> {
        let path = path(git_dir);
        let root = git_dir.parent().unwrap_or(git_dir);
        let rel = format!(".git/{}/{FILE}", super::CACHE_DIR);
        let Some(bytes) = fs::read(root, &rel)? else {
            return Ok(None);
        };
        let written = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map_err(|e| Error::io(format!("read {}", path.display()), e))?;
        let journal = serde_json::from_slice(&bytes).map_err(|e| Error::Store {
            message: format!(
                "{}: the record of an interrupted change cannot be read: {e}",
                path.display()
            ),
            hint: Some(format!(
                "check the store with `git -C {} status`, then remove that file",
                git_dir.parent().unwrap_or(git_dir).display()
            )),
        })?;
        Ok(Some((journal, written)))
    }

    pub(crate) fn remove(git_dir: &Path) -> Result<()> {
        let path = path(git_dir);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(Error::io(format!("remove {}", path.display()), e))
            }
            _ => Ok(()),
        }
    }
}

/// The temporary file that holds the `n`th file of change `tx` before it
/// is put in place, and the name the replaced file is kept under meanwhile.
pub(crate) fn temp_names(dir: &Path, tx: &str, n: usize) -> (PathBuf, PathBuf) {
    (
        dir.join(format!(".disclose-{tx}-{n}")),
        dir.join(format!(".disclose-{tx}-{n}-old")),
    )
}

/// A fresh name for a change's temporary files.
pub(crate) fn new_tx() -> String {
    use rand::Rng as _;
    let n: u64 = rand::rng().random();
    format!("{n:016x}")
}

/// Whether a file name is one of the tool's temporary files.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with(".disclose-")
}
