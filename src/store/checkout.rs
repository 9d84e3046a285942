//! The work tree and index of a fresh clone, written from its checked tip.
//!
//! The blobs are read in the order the packs hold them, each delta built
//! on the base just read (`pack_read`), rather than through libgit2's
//! checkout, which rebuilt every case file's chain of deltas from its far
//! end; the index is written once with every file's stat data, so git
//! sees a clean tree.
//!
//! Files are created new (the directory was empty) and private: 0600, in
//! 0700 directories.

use std::io::Write as _;
use std::path::Path;

use git2::Repository;

use super::fs;
use super::pack_read::{Packs, Place};
use super::tree::File;
use crate::error::{Error, Result};

/// Writes `files` (a checked tree's, in git's order) under `root` and
/// the index that records them.
pub(crate) fn write(repo: &Repository, root: &Path, files: Vec<File>) -> Result<()> {
    let mut packs = Packs::open(&repo.path().join("objects").join("pack"));
    let places: Vec<Option<Place>> = files.iter().map(|f| packs.place(f.id)).collect();
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| places[i].unwrap_or((usize::MAX, 0)));
    let odb = repo
        .odb()
        .map_err(|e| Error::git("open the object database", e))?;
    let mut stats = vec![None; files.len()];
    for i in order {
        let file = &files[i];
        let path = root.join(&file.path);
        if let Some(dir) = path.parent()
            && !dir.is_dir()
        {
            fs::create_private_dir(dir)?;
        }
        let read = places[i].and_then(|place| packs.blob(file.id, place));
        let meta = match read {
            Some(data) => write_new(&path, &data)?,
            None => {
                let object = odb
                    .read(file.id)
                    .map_err(|e| Error::git(format!("read {}", file.path), e))?;
                write_new(&path, object.data())?
            }
        };
        stats[i] = Some(meta);
    }
    let mut index = repo.index().map_err(|e| Error::git("open the index", e))?;
    index
        .clear()
        .map_err(|e| Error::git("start the index", e))?;
    for (file, meta) in files.iter().zip(stats) {
        let meta = meta.expect("every file was written");
        index
            .add(&entry(file, &meta))
            .map_err(|e| Error::git(format!("add {} to the index", file.path), e))?;
    }
    index.write().map_err(|e| Error::git("write the index", e))
}

/// Creates `path` (which must not exist) holding `bytes`, 0600; its stat
/// data.
fn write_new(path: &Path, bytes: &[u8]) -> Result<std::fs::Metadata> {
    let fail = |e| Error::io(format!("write {}", path.display()), e);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.metadata().map_err(fail)
}

/// The index entry of `file` as written, with the stat data git compares.
fn entry(file: &File, meta: &std::fs::Metadata) -> git2::IndexEntry {
    #[cfg(unix)]
    let (ctime, mtime, dev, ino, uid, gid) = {
        use std::os::unix::fs::MetadataExt as _;
        let time = |s: i64, ns: i64| git2::IndexTime::new(s as i32, ns as u32);
        (
            time(meta.ctime(), meta.ctime_nsec()),
            time(meta.mtime(), meta.mtime_nsec()),
            meta.dev() as u32,
            meta.ino() as u32,
            meta.uid(),
            meta.gid(),
        )
    };
    #[cfg(not(unix))]
    let (ctime, mtime, dev, ino, uid, gid) = {
        let zero = git2::IndexTime::new(0, 0);
        (zero, zero, 0, 0, 0, 0)
    };
    git2::IndexEntry {
        ctime,
        mtime,
        dev,
        ino,
        mode: file.mode,
        uid,
        gid,
        file_size: meta.len() as u32,
        id: file.id,
        flags: 0,
        flags_extended: 0,
        path: file.path.as_bytes().to_vec(),
    }
}
