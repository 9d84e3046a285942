//! The file steps of a change: write new contents beside their targets,
//! put them in place keeping the replaced file under a second name until
//! the change is made, and undo that if it is not.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a new file at `path` (mode 0600), which must not
/// exist; a file left half-written is removed.
pub(crate) fn write_new(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| if sync { file.sync_all() } else { Ok(()) });
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written
}

/// What a work-tree path holds, as git would see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    File(git2::Oid),
    /// A directory, a link or anything else that is not a plain file.
    Other,
}

impl Found {
    /// As a blob id: `None` for a missing file.
    pub(crate) fn of_blob(id: Option<git2::Oid>) -> Self {
        id.map_or(Self::Missing, Self::File)
    }
}

/// What the store file `rel` holds: its blob id if it is a plain file.
/// Looked at through `fs`, so a link on the way is an error naming it.
pub(crate) fn found(root: &Path, rel: &str) -> crate::error::Result<Found> {
    use super::fs::{self, Kind};
    match fs::kind(root, rel)? {
        None => Ok(Found::Missing),
        Some(Kind::File) => {
            let Some(bytes) = fs::read(root, rel)? else {
                return Ok(Found::Missing);
            };
            let id = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes)
                .map_err(|e| crate::error::Error::git(format!("hash {rel}"), e))?;
            Ok(Found::File(id))
        }
        Some(Kind::Link) => Err(fs::link_error(&root.join(rel))),
        Some(Kind::Dir | Kind::Other) => Ok(Found::Other),
    }
}

/// A file put in place (or removed) by a change, and how to undo it.
#[derive(Debug)]
pub(crate) struct Placed {
    pub(crate) path: PathBuf,
    /// The replaced or removed file, kept under this name (a hard link or
    /// a rename, so keeping it needs no space).
    pub(crate) kept: Option<PathBuf>,
    /// Whether a file was there before.
    pub(crate) existed: bool,
}

/// Puts `temp` at `path` (or removes `path` when `temp` is `None`), keeping
/// the file it replaces as `keep`.
pub(crate) fn place(path: &Path, temp: Option<&Path>, keep: &Path) -> std::io::Result<Placed> {
    let existed = std::fs::symlink_metadata(path).is_ok();
    let _ = std::fs::remove_file(keep);
    let kept = match (existed, temp) {
        (false, _) => None,
        // A hard link keeps the old file while the rename below replaces
        // the name atomically, so a reader never finds it missing.
        (true, Some(_)) => std::fs::hard_link(path, keep)
            .ok()
            .map(|()| keep.to_path_buf()),
        (true, None) => {
            std::fs::rename(path, keep)?;
            Some(keep.to_path_buf())
        }
    };
    if let Some(temp) = temp
        && let Err(e) = std::fs::rename(temp, path)
    {
        if let Some(kept) = &kept {
            let _ = std::fs::remove_file(kept);
        }
        return Err(e);
    }
    Ok(Placed {
        path: path.to_path_buf(),
        kept,
        existed,
    })
}

impl Placed {
    /// Puts back what was there: the kept file, else `old` (the bytes the
    /// last commit holds), else nothing.
    pub(crate) fn undo(&self, old: impl FnOnce() -> Option<Vec<u8>>) -> std::io::Result<()> {
        if let Some(kept) = &self.kept {
            return std::fs::rename(kept, &self.path);
        }
        if !self.existed {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        let bytes = old().ok_or_else(|| {
            std::io::Error::other(format!(
                "the earlier {} is not in the last commit",
                self.path.display()
            ))
        })?;
        put(&self.path, &bytes)
    }

    /// Drops the kept file once the change is made.
    pub(crate) fn forget(&self) {
        if let Some(kept) = &self.kept {
            let _ = std::fs::remove_file(kept);
        }
    }
}

/// Replaces `path` with `bytes` through a temporary file beside it.
pub(crate) fn put(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".disclose-put-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    write_new(&temp, bytes, true)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Removes `path` if it is there.
pub(crate) fn remove_if_there(path: &Path) -> std::io::Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Removes the directories above `path` that are empty, up to `root`.
pub(crate) fn remove_empty_parents(path: &Path, root: &Path) {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Creates the missing directories above `path` (mode 0700), returning
/// those it created, deepest last.
pub(crate) fn make_parents(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    make_parents_with(path, 0o700)
}

/// Makes a file readable by others (0644), for files written outside the
/// store that the user asked to be (`--world-readable`).
pub(crate) fn make_readable(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// `make_parents` with the directories' mode.
pub(crate) fn make_parents_with(path: &Path, mode: u32) -> std::io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d.as_os_str().is_empty() || std::fs::symlink_metadata(d).is_ok() {
            break;
        }
        missing.push(d.to_path_buf());
        dir = d.parent();
    }
    missing.reverse();
    for d in &missing {
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt as _;
            builder.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        builder.create(d)?;
    }
    Ok(missing)
}

/// Sets aside `len` bytes for `file`, so writing it later cannot find the
/// disk full. Where the file system cannot, nothing is set aside.
pub(crate) fn reserve(file: &std::fs::File, len: u64) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::io::AsRawFd as _;
        let Ok(len) = libc::off_t::try_from(len) else {
            return Ok(());
        };
        // SAFETY: the descriptor is open for writing for the call's length.
        let rc = unsafe { libc::posix_fallocate(file.as_raw_fd(), 0, len) };
        match rc {
            0 | libc::EOPNOTSUPP | libc::EINVAL => Ok(()),
            errno => Err(std::io::Error::from_raw_os_error(errno)),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (file, len);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placing_keeps_the_old_file_until_undone_or_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"old").unwrap();
        let temp = dir.path().join(".disclose-t-0");
        write_new(&temp, b"new", false).unwrap();
        let keep = dir.path().join(".disclose-t-0-old");
        let placed = place(&path, Some(&temp), &keep).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        placed.undo(|| None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert!(!temp.exists() && !keep.exists());

        let placed = place(&path, None, &keep).unwrap();
        assert!(!path.exists());
        placed.undo(|| None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"old");

        let new = dir.path().join("b.json");
        write_new(&temp, b"b", false).unwrap();
        let placed = place(&new, Some(&temp), &keep).unwrap();
        assert!(!placed.existed);
        placed.undo(|| None).unwrap();
        assert!(!new.exists());
    }

    #[test]
    fn found_tells_files_from_the_rest_and_refuses_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(found(root, "x").unwrap(), Found::Missing);
        assert_eq!(found(root, "d/y").unwrap(), Found::Missing);
        std::fs::write(root.join("x"), b"hello").unwrap();
        let id = git2::Oid::hash_object(git2::ObjectType::Blob, b"hello").unwrap();
        assert_eq!(found(root, "x").unwrap(), Found::File(id));
        std::fs::create_dir(root.join("d")).unwrap();
        assert_eq!(found(root, "d").unwrap(), Found::Other);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("x"), root.join("l")).unwrap();
            assert!(found(root, "l").is_err());
            std::os::unix::fs::symlink(root.join("d"), root.join("ld")).unwrap();
            assert!(found(root, "ld/z").is_err());
        }
    }

    #[test]
    fn parents_are_made_and_listed() {
        let dir = tempfile::tempdir().unwrap();
        let made = make_parents(&dir.path().join("a/b/c.txt")).unwrap();
        assert_eq!(made, [dir.path().join("a"), dir.path().join("a/b")]);
        assert!(
            make_parents(&dir.path().join("a/b/d.txt"))
                .unwrap()
                .is_empty()
        );
    }
}
