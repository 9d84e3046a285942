//! The index as a change edits it: the raw file, copied with a few entries
//! replaced (`index_file`), when its layout allows; through libgit2 when
//! not (index version 4, extensions `index_file` does not keep). Either way
//! the new index is written into `index.lock`, which the change holds, and
//! becomes the index only once the branch has moved.

use std::io::{Seek as _, Write as _};
use std::path::Path;

use git2::{IndexEntry, IndexTime, Oid};

use super::index_file::{Edited, NewEntry, RawIndex, Stat};

/// The index as it was when the change took `index.lock`.
pub(crate) enum Loaded {
    Raw(RawIndex),
    Git2(git2::Index),
}

impl Loaded {
    pub(crate) fn read(path: &Path) -> Result<Self, git2::Error> {
        match RawIndex::read(path) {
            Some(raw) => Ok(Self::Raw(raw)),
            None => git2::Index::open(path).map(Self::Git2),
        }
    }

    /// The blob staged at `path`, if any.
    pub(crate) fn entry_id(&self, path: &str) -> Option<Oid> {
        match self {
            Self::Raw(raw) => raw.entry_id(path),
            Self::Git2(index) => index.get_path(Path::new(path), 0).map(|e| e.id),
        }
    }

    /// The tree git caches for the root (`""`) or a top-level directory,
    /// when it is marked valid.
    pub(crate) fn cached_tree(&self, name: &str) -> Option<Oid> {
        match self {
            Self::Raw(raw) => raw.cached_tree(name),
            Self::Git2(_) => None,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Raw(raw) => raw.entry_count() == 0,
            Self::Git2(index) => index.is_empty(),
        }
    }

    /// The index with the entries of `changes` replaced; cached trees are
    /// set as `root` and `dirs` say and marked stale above other changes.
    pub(crate) fn edit(
        self,
        changes: &[NewEntry<'_>],
        root: Option<Oid>,
        dirs: &[(&str, Option<(Oid, usize)>)],
    ) -> Option<Next> {
        match self {
            Self::Raw(raw) => {
                let edited = raw.with(changes)?;
                Some(Next::raw(edited, changes, root, dirs))
            }
            Self::Git2(index) => Some(Next::Git2 {
                index,
                changes: changes
                    .iter()
                    .map(|c| (c.path.to_owned(), c.staged, Stat::default()))
                    .collect(),
            }),
        }
    }
}

/// The index a change will leave, waiting for the stat data of the files
/// it puts in place.
pub(crate) enum Next {
    Raw {
        edited: Edited,
        ext: Vec<u8>,
    },
    Git2 {
        index: git2::Index,
        changes: Vec<(String, Option<Oid>, Stat)>,
    },
}

impl Next {
    pub(crate) fn raw(
        edited: Edited,
        changes: &[NewEntry<'_>],
        root: Option<Oid>,
        dirs: &[(&str, Option<(Oid, usize)>)],
    ) -> Self {
        let changed: Vec<&str> = changes.iter().map(|c| c.path).collect();
        let ext = edited.extension(root, dirs, &changed);
        Self::Raw { edited, ext }
    }

    /// How long the new index will be, if known before the stat data.
    pub(crate) fn len(&self) -> Option<u64> {
        match self {
            Self::Raw { edited, ext } => Some(edited.len_with(ext) as u64),
            Self::Git2 { .. } => None,
        }
    }

    pub(crate) fn set_stat(&mut self, path: &str, stat: &Stat) {
        match self {
            Self::Raw { edited, .. } => edited.set_stat(path, stat),
            Self::Git2 { changes, .. } => {
                if let Some(c) = changes.iter_mut().find(|c| c.0 == path) {
                    c.2 = *stat;
                }
            }
        }
    }

    /// Writes the new index into `lock` (the open `index.lock` at
    /// `lock_path`). libgit2 writes its index to a file of its own under
    /// `scratch`, which then replaces `index.lock`.
    pub(crate) fn write(
        self,
        lock: &mut std::fs::File,
        lock_path: &Path,
        scratch: &Path,
    ) -> std::io::Result<()> {
        match self {
            Self::Raw { edited, ext } => {
                let bytes = edited.seal(&ext);
                lock.rewind()?;
                lock.write_all(&bytes)?;
                lock.set_len(bytes.len() as u64)
            }
            Self::Git2 { index, changes } => {
                let io = |e: git2::Error| std::io::Error::other(e.message().to_owned());
                let _ = std::fs::remove_file(scratch);
                let mut out = git2::Index::open(scratch).map_err(io)?;
                out.set_version(index.version()).map_err(io)?;
                for entry in index.iter() {
                    if !changes
                        .iter()
                        .any(|c| c.0.as_bytes() == entry.path.as_slice())
                    {
                        out.add(&entry).map_err(io)?;
                    }
                }
                for (path, id, stat) in &changes {
                    if let Some(id) = id {
                        out.add(&entry(path, *id, stat)).map_err(io)?;
                    }
                }
                out.write().map_err(io)?;
                std::fs::rename(scratch, lock_path)
            }
        }
    }
}

fn entry(path: &str, id: Oid, stat: &Stat) -> IndexEntry {
    let f = stat.fields();
    IndexEntry {
        ctime: IndexTime::new(f[0] as i32, f[1]),
        mtime: IndexTime::new(f[2] as i32, f[3]),
        dev: f[4],
        ino: f[5],
        mode: 0o100_644,
        uid: f[7],
        gid: f[8],
        file_size: f[9],
        id,
        flags: u16::try_from(path.len()).unwrap_or(0xfff).min(0xfff),
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}
