//! The advisory lock that serialises read-modify-commit cycles on a store,
//! so two processes never lose each other's work.

use std::fs::{File, OpenOptions};
use std::path::Path;

use crate::error::{Error, Result};

/// Held for the life of a transaction; the OS releases it on drop or exit.
#[derive(Debug)]
pub(crate) struct StoreLock {
    _file: File,
}

impl StoreLock {
    /// Blocks until the lock at `path` is ours.
    pub(crate) fn acquire(path: &Path) -> Result<Self> {
        let fail = |e| Error::io(format!("lock {}", path.display()), e);
        let file = super::fs::no_follow(&mut OpenOptions::new())
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => super::fs::link_error(path),
                _ => fail(e),
            })?;
        file.lock().map_err(fail)?;
        Ok(Self { _file: file })
    }
}
