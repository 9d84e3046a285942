//! The one door to the files of a store. Every path is relative to the store
//! root and is opened one component at a time, each relative to the
//! directory opened before it and without following symbolic links
//! (`O_NOFOLLOW`), so a link planted in the store, by hand or by a remote,
//! can never make the tool read or write outside it. A link, or anything but
//! a regular file where the tool expects one, is an error naming it (exit 3).
//!
//! Writes are atomic (a temporary file beside the target, renamed over it)
//! and private: files 0600, directories 0700. The root itself may be reached
//! through links: where the store lives is the user's choice.
//!
//! Files the tool writes outside a store (`--out`, `--eml`) are the user's
//! paths; they are written atomically too, 0600 unless the user asked for
//! files others may read.

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::path::Path;

use crate::error::{Error, Result};

/// What a directory entry is, seen without following it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Dir,
    Link,
    Other,
}

/// One entry of a store directory.
#[derive(Debug, Clone)]
pub(crate) struct Listed {
    pub(crate) name: OsString,
    pub(crate) kind: Kind,
}

/// Reads the file at `rel`; `None` when it (or a directory above it) does
/// not exist.
pub(crate) fn read(root: &Path, rel: &str) -> Result<Option<Vec<u8>>> {
    read_limited(root, rel, u64::MAX)
}

/// Reads the file at `rel`, refusing one over `limit` bytes (exit 2: it is
/// input the tool will not take, such as an oversized template).
pub(crate) fn read_limited(root: &Path, rel: &str, limit: u64) -> Result<Option<Vec<u8>>> {
    let path = root.join(rel);
    let Some((dir, name)) = parent(root, rel, false)? else {
        return Ok(None);
    };
    read_in(&dir, name, &path, limit)
}

/// Reads the file `name` in `dir` (shown as `path`), up to `limit` bytes.
fn read_in(dir: &sys::Dir, name: &str, path: &Path, limit: u64) -> Result<Option<Vec<u8>>> {
    let file = match sys::open_read(dir, name) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(explain(dir, name, path, "read", e)),
    };
    let fail = |e| Error::io(format!("read {}", path.display()), e);
    let meta = file.metadata().map_err(fail)?;
    if !meta.is_file() {
        return Err(not_a_file(
            path,
            if meta.is_dir() {
                Kind::Dir
            } else {
                Kind::Other
            },
        ));
    }
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(Some(bytes))
}

/// Reads a regular file of `len` bytes (its stat size) to its end. One
/// read asks for a byte more than that: when it returns `len` bytes the
/// file was read whole, with no second call to find the end (a regular
/// file is never read short but at its end); otherwise it grew or shrank
/// meanwhile and is read on to the end.
fn read_whole(mut file: &std::fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    let len = usize::try_from(len).map_err(|_| std::io::Error::other("file too large"))?;
    let mut bytes = vec![0; len + 1];
    let n = loop {
        match file.read(&mut bytes) {
            Ok(n) => break n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    };
    bytes.truncate(n);
    if n != len {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Writes `bytes` to `rel` atomically with mode 0600, creating the
/// directories above it (0700).
pub(crate) fn write(root: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let path = root.join(rel);
    let (dir, name) = parent(root, rel, true)?.ok_or_else(|| {
        Error::store(format!(
            "{}: the store's directory could not be created",
            path.display()
        ))
    })?;
    match sys::kind(&dir, name) {
        Ok(Some(Kind::File) | None) => {}
        Ok(Some(kind)) => return Err(not_a_file(&path, kind)),
        Err(e) => return Err(Error::io(format!("write {}", path.display()), e)),
    }
    let fail = |e| Error::io(format!("write {}", path.display()), e);
    let (tmp, mut file) = create_temp(&dir).map_err(fail)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| sys::rename(&dir, &tmp, name));
    if let Err(e) = written {
        let _ = sys::unlink(&dir, &tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Removes the file at `rel`; a missing one is fine.
pub(crate) fn remove(root: &Path, rel: &str) -> Result<()> {
    let path = root.join(rel);
    let Some((dir, name)) = parent(root, rel, false)? else {
        return Ok(());
    };
    let fail = |e| Error::io(format!("remove {}", path.display()), e);
    match sys::kind(&dir, name).map_err(fail)? {
        None => Ok(()),
        Some(Kind::File) => match sys::unlink(&dir, name) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(e)),
            _ => Ok(()),
        },
        Some(kind) => Err(not_a_file(&path, kind)),
    }
}

/// A directory of the store opened once (no link followed on the way), to
/// list it and read many files in it with one open each.
#[derive(Debug)]
pub(crate) struct OpenDir {
    dir: sys::Dir,
    path: std::path::PathBuf,
}

/// Opens the directory `rel`; `None` when it does not exist.
pub(crate) fn open(root: &Path, rel: &str) -> Result<Option<OpenDir>> {
    Ok(open_dir(root, rel, false)?.map(|dir| OpenDir {
        dir,
        path: root.join(rel),
    }))
}

impl OpenDir {
    /// Reads the file `name` of this directory; `None` when it does not exist.
    pub(crate) fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        components(name)?;
        read_in(&self.dir, name, &self.path.join(name), u64::MAX)
    }

    /// Reads the file `name` of this directory with the stat data of what
    /// was read (taken from the open file, so the two belong together);
    /// `None` when it does not exist.
    pub(crate) fn read_with_meta(
        &self,
        name: &str,
    ) -> Result<Option<(std::fs::Metadata, Vec<u8>)>> {
        components(name)?;
        let path = self.path.join(name);
        let file = match sys::open_read(&self.dir, name) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(explain(&self.dir, name, &path, "read", e)),
        };
        let fail = |e| Error::io(format!("read {}", path.display()), e);
        let meta = file.metadata().map_err(fail)?;
        if !meta.is_file() {
            return Err(not_a_file(
                &path,
                if meta.is_dir() {
                    Kind::Dir
                } else {
                    Kind::Other
                },
            ));
        }
        let bytes = read_whole(&file, meta.len()).map_err(fail)?;
        Ok(Some((meta, bytes)))
    }

    /// The entries of this directory (without `.` and `..`).
    pub(crate) fn list(&self) -> Result<Vec<Listed>> {
        sys::list(&self.dir).map_err(|e| Error::io(format!("read {}", self.path.display()), e))
    }
}

/// What `rel` is, without following it; `None` when it does not exist.
pub(crate) fn kind(root: &Path, rel: &str) -> Result<Option<Kind>> {
    let Some((dir, name)) = parent(root, rel, false)? else {
        return Ok(None);
    };
    sys::kind(&dir, name).map_err(|e| Error::io(format!("read {}", root.join(rel).display()), e))
}

/// Whether `rel` is a directory: `false` when it does not exist, an error
/// when it (or a directory above it) is a link or not a directory.
pub(crate) fn is_dir(root: &Path, rel: &str) -> Result<bool> {
    Ok(open_dir(root, rel, false)?.is_some())
}

/// The metadata of the file at `rel`, without following it; `None` when it
/// does not exist. For hot paths (the summary cache's keys): only the last
/// component is checked here, so the caller must have opened the
/// directories above it through this module first (as `list` does).
pub(crate) fn file_metadata(root: &Path, rel: &str) -> Result<Option<std::fs::Metadata>> {
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(meta) => Err(not_a_file(&path, kind_of(&meta))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(format!("read {}", path.display()), e)),
    }
}

/// Adds `O_NOFOLLOW` to `options`, for the few files opened by path under
/// `.git/` (the lock, the summary cache) after their directory was checked.
pub(crate) fn no_follow(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(sys::NOFOLLOW);
    }
    options
}

/// The error for a link where the store expects a file or a directory.
pub(crate) fn link_error(path: &Path) -> Error {
    Error::store(format!(
        "{} is a symbolic link; the store never follows links",
        path.display()
    ))
    .with_hint(
        "a link in the store could make disclose read or write files outside it: \
         remove the link and put the real file or directory there",
    )
}

/// Creates the store root (and its parents) private to the user on Unix.
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Error::io(format!("create directory {}", dir.display()), e))
}

/// Makes an existing store root private (0700); the mode it had, when
/// others could reach it before.
pub(crate) fn make_private(dir: &Path) -> Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let fail = |e| Error::io(format!("make {} private", dir.display()), e);
        let mode = std::fs::metadata(dir).map_err(fail)?.permissions().mode() & 0o7777;
        if mode & 0o077 == 0 {
            return Ok(None);
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(fail)?;
        Ok(Some(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(None)
    }
}

/// Who may read a file the tool writes outside a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visibility {
    /// 0600 files, 0700 directories: the default for everything.
    #[default]
    Private,
    /// 0644 files, 0755 directories: asked for with `--world-readable`, for
    /// files that are public anyway (a published advisory, man pages).
    WorldReadable,
}

/// Writes `bytes` to `path` (a user's path, outside the store) atomically:
/// a temporary file in the same directory, renamed over the target, so the
/// file is never half written and never written through a link.
pub fn write_out(path: &Path, bytes: &[u8], visibility: Visibility) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // tempfile creates the file with mode 0600 on Unix.
    let mut tmp = tempfile::Builder::new()
        .prefix(".disclose-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    if visibility == Visibility::WorldReadable {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = visibility;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `dir` (a user's path) and its parents: 0700, or 0755 when
/// world-readable. An existing directory is left as it is.
pub fn create_out_dir(dir: &Path, visibility: Visibility) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(match visibility {
            Visibility::Private => 0o700,
            Visibility::WorldReadable => 0o755,
        });
    }
    #[cfg(not(unix))]
    let _ = visibility;
    builder.create(dir)
}

/// The plain components of a store-relative path. The tool builds these
/// paths itself from checked parts; anything else is a bug, refused here
/// rather than followed.
fn components(rel: &str) -> Result<Vec<&str>> {
    let parts: Vec<&str> = rel.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains(['\0', '\\']))
    {
        return Err(Error::store(format!(
            "{rel:?} is not a plain path inside the store"
        )));
    }
    Ok(parts)
}

/// Opens the directory holding `rel`'s last component (creating the
/// directories on the way when `create`), and that component's name.
/// `None` when a directory on the way does not exist.
fn parent<'a>(root: &Path, rel: &'a str, create: bool) -> Result<Option<(sys::Dir, &'a str)>> {
    let parts = components(rel)?;
    let (name, dirs) = parts.split_last().expect("split gives one part at least");
    Ok(walk(root, dirs, create)?.map(|dir| (dir, *name)))
}

fn open_dir(root: &Path, rel: &str, create: bool) -> Result<Option<sys::Dir>> {
    walk(root, &components(rel)?, create)
}

/// Opens `root`, then each of `dirs` beneath it without following links.
fn walk(root: &Path, dirs: &[&str], create: bool) -> Result<Option<sys::Dir>> {
    let mut dir = match sys::open_root(root) {
        Ok(dir) => dir,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(None),
        Err(e) => return Err(Error::io(format!("open the store {}", root.display()), e)),
    };
    let mut path = root.to_path_buf();
    for name in dirs {
        path.push(name);
        if create {
            sys::make_dir(&dir, name).map_err(|e| explain(&dir, name, &path, "create", e))?;
        }
        dir = match sys::open_dir(&dir, name) {
            Ok(next) => next,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(explain(&dir, name, &path, "open", e)),
        };
    }
    Ok(Some(dir))
}

/// Turns a failed open of `name` in `dir` into an error that names a link
/// or a file of the wrong kind when that is what stood in the way.
fn explain(dir: &sys::Dir, name: &str, path: &Path, what: &str, e: std::io::Error) -> Error {
    match sys::kind(dir, name) {
        Ok(Some(Kind::Link)) => link_error(path),
        Ok(Some(Kind::Other)) => not_a_file(path, Kind::Other),
        Ok(Some(Kind::File)) if e.raw_os_error() == sys::ENOTDIR => Error::store(format!(
            "{} is a file where the store expects a directory",
            path.display()
        )),
        _ => Error::io(format!("{what} {}", path.display()), e),
    }
}

fn not_a_file(path: &Path, kind: Kind) -> Error {
    match kind {
        Kind::Link => link_error(path),
        Kind::Dir => Error::store(format!(
            "{} is a directory where the store expects a file",
            path.display()
        )),
        Kind::File | Kind::Other => Error::store(format!(
            "{} is not a regular file (a device, a socket or a pipe)",
            path.display()
        ))
        .with_hint("remove it; the store holds only plain files and directories"),
    }
}

fn too_large(path: &Path, size: u64, limit: u64) -> Error {
    Error::input(format!(
        "{}: the file is larger than the limit of {}",
        path.display(),
        crate::model::limits::bytes_in_words(limit)
    ))
    .with_hint(format!("{size} bytes; make it smaller"))
}

fn kind_of(meta: &std::fs::Metadata) -> Kind {
    let t = meta.file_type();
    if t.is_symlink() {
        Kind::Link
    } else if t.is_dir() {
        Kind::Dir
    } else if t.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

/// A new file named `.disclose-<random>` in `dir`, created exclusively.
fn create_temp(dir: &sys::Dir) -> std::io::Result<(String, std::fs::File)> {
    let mut attempt = 0;
    loop {
        let name = format!(".disclose-{:016x}", rand::random::<u64>());
        match sys::create_new(dir, &name) {
            Ok(file) => return Ok((name, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
mod sys {
    //! The system calls, relative to an open directory, never following
    //! the last component.

    use std::ffi::OsString;
    use std::os::fd::{AsFd as _, OwnedFd};
    use std::os::unix::ffi::OsStrExt as _;
    use std::path::Path;

    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    use rustix::io::Errno;

    use super::{Kind, Listed};

    pub(super) type Dir = OwnedFd;

    pub(super) const NOFOLLOW: i32 = OFlags::NOFOLLOW.bits() as i32;
    pub(super) const ENOTDIR: Option<i32> = Some(Errno::NOTDIR.raw_os_error());

    const DIR_FLAGS: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::CLOEXEC);

    /// The root may be reached through links: where the store is, is the user's choice.
    pub(super) fn open_root(root: &Path) -> std::io::Result<Dir> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        Ok(rustix::fs::open(root, flags, Mode::empty())?)
    }

    pub(super) fn open_dir(dir: &Dir, name: &str) -> std::io::Result<Dir> {
        Ok(rustix::fs::openat(dir, name, DIR_FLAGS, Mode::empty())?)
    }

    pub(super) fn make_dir(dir: &Dir, name: &str) -> std::io::Result<()> {
        match rustix::fs::mkdirat(dir, name, Mode::from_raw_mode(0o700)) {
            Ok(()) | Err(Errno::EXIST) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Opens a file to read. Non-blocking, so a pipe planted in the store
    /// cannot hang the open; the caller checks it is a regular file.
    pub(super) fn open_read(dir: &Dir, name: &str) -> std::io::Result<std::fs::File> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(dir, name, flags, Mode::empty())?;
        Ok(std::fs::File::from(fd))
    }

    pub(super) fn create_new(dir: &Dir, name: &str) -> std::io::Result<std::fs::File> {
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(dir, name, flags, Mode::from_raw_mode(0o600))?;
        Ok(std::fs::File::from(fd))
    }

    pub(super) fn kind(dir: &Dir, name: &str) -> std::io::Result<Option<Kind>> {
        match rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => Ok(Some(kind_of(FileType::from_raw_mode(stat.st_mode as _)))),
            Err(Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn kind_of(t: FileType) -> Kind {
        match t {
            FileType::RegularFile => Kind::File,
            FileType::Directory => Kind::Dir,
            FileType::Symlink => Kind::Link,
            _ => Kind::Other,
        }
    }

    pub(super) fn rename(dir: &Dir, from: &str, to: &str) -> std::io::Result<()> {
        Ok(rustix::fs::renameat(dir, from, dir, to)?)
    }

    pub(super) fn unlink(dir: &Dir, name: &str) -> std::io::Result<()> {
        Ok(rustix::fs::unlinkat(dir, name, AtFlags::empty())?)
    }

    pub(super) fn list(dir: &Dir) -> std::io::Result<Vec<Listed>> {
        let mut out = Vec::new();
        for entry in rustix::fs::Dir::read_from(dir.as_fd())? {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let name = OsString::from(std::ffi::OsStr::from_bytes(name));
            let kind = match entry.file_type() {
                FileType::Unknown => {
                    let text = name.to_string_lossy().into_owned();
                    kind(dir, &text)?.unwrap_or(Kind::Other)
                }
                t => kind_of(t),
            };
            out.push(Listed { name, kind });
        }
        Ok(out)
    }
}

#[cfg(not(unix))]
mod sys {
    //! Without `openat`: each component is checked with `symlink_metadata`
    //! before it is used.

    use std::path::Path;

    use super::{Kind, Listed};

    pub(super) type Dir = PathBuf;

    pub(super) const ENOTDIR: Option<i32> = None;

    fn checked(dir: &Dir, name: &str, want: Kind) -> std::io::Result<PathBuf> {
        let path = dir.join(name);
        let meta = std::fs::symlink_metadata(&path)?;
        if super::kind_of(&meta) != want {
            return Err(std::io::Error::other("not the expected kind of file"));
        }
        Ok(path)
    }

    pub(super) fn open_root(root: &Path) -> std::io::Result<Dir> {
        if !std::fs::metadata(root)?.is_dir() {
            return Err(std::io::Error::other("not a directory"));
        }
        Ok(root.to_path_buf())
    }

    pub(super) fn open_dir(dir: &Dir, name: &str) -> std::io::Result<Dir> {
        checked(dir, name, Kind::Dir)
    }

    pub(super) fn make_dir(dir: &Dir, name: &str) -> std::io::Result<()> {
        match std::fs::create_dir(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(e),
            _ => Ok(()),
        }
    }

    pub(super) fn open_read(dir: &Dir, name: &str) -> std::io::Result<std::fs::File> {
        std::fs::File::open(checked(dir, name, Kind::File)?)
    }

    pub(super) fn create_new(dir: &Dir, name: &str) -> std::io::Result<std::fs::File> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(name))
    }

    pub(super) fn kind(dir: &Dir, name: &str) -> std::io::Result<Option<Kind>> {
        match std::fs::symlink_metadata(dir.join(name)) {
            Ok(meta) => Ok(Some(super::kind_of(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub(super) fn rename(dir: &Dir, from: &str, to: &str) -> std::io::Result<()> {
        std::fs::rename(dir.join(from), dir.join(to))
    }

    pub(super) fn unlink(dir: &Dir, name: &str) -> std::io::Result<()> {
        std::fs::remove_file(dir.join(name))
    }

    pub(super) fn list(dir: &Dir) -> std::io::Result<Vec<Listed>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let meta = std::fs::symlink_metadata(entry.path())?;
            out.push(Listed {
                name: entry.file_name(),
                kind: super::kind_of(&meta),
            });
        }
        Ok(out)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn store() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("store");
        std::fs::create_dir(&root).unwrap();
        (tmp, root)
    }

    #[test]
    fn writes_are_private_and_read_back() {
        use std::os::unix::fs::PermissionsExt as _;
        let (_tmp, root) = store();
        write(&root, "attachments/X/poc.py", b"print(1)\n").unwrap();
        assert_eq!(
            read(&root, "attachments/X/poc.py").unwrap().as_deref(),
            Some(&b"print(1)\n"[..])
        );
        let mode = |p: &str| {
            std::fs::metadata(root.join(p))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode("attachments/X/poc.py"), 0o600);
        assert_eq!(mode("attachments/X"), 0o700);
        assert_eq!(read(&root, "attachments/Y/none").unwrap(), None);
        remove(&root, "attachments/X/poc.py").unwrap();
        remove(&root, "attachments/X/poc.py").unwrap();
        assert_eq!(read(&root, "attachments/X/poc.py").unwrap(), None);
    }

    #[test]
    fn no_link_is_followed_on_any_component() {
        let (tmp, root) = store();
        let outside = tmp.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("secret"), b"key").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("templates")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret"), root.join("policy.json")).unwrap();

        for rel in ["templates/secret", "policy.json"] {
            let err = read(&root, rel).unwrap_err().to_string();
            let named = root.join(rel.split('/').next().unwrap());
            assert!(err.contains(&named.display().to_string()), "{err}");
            assert!(err.contains("symbolic link"), "{err}");
        }
        for rel in ["templates/new.txt", "policy.json"] {
            let err = write(&root, rel, b"x").unwrap_err();
            assert_eq!(err.exit_code(), 3);
            assert!(err.to_string().contains("symbolic link"), "{err}");
        }
        assert!(remove(&root, "templates/secret").is_err());
        assert!(open(&root, "templates").is_err());
        assert!(is_dir(&root, "templates").is_err());
        assert_eq!(std::fs::read(outside.join("secret")).unwrap(), b"key");
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 1);
    }

    #[test]
    fn a_pipe_or_a_directory_is_not_a_file() {
        let (_tmp, root) = store();
        std::fs::create_dir(root.join("policy.json")).unwrap();
        let err = read(&root, "policy.json").unwrap_err().to_string();
        assert!(err.contains("is a directory"), "{err}");
        let fifo = root.join("cases");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read(&root, "cases").unwrap_err().to_string();
            assert!(err.contains("not a regular file"), "{err}");
            let err = read(&root, "cases/X.json").unwrap_err().to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let (_tmp, root) = store();
        write(&root, "templates/ack.txt", &[b'a'; 100]).unwrap();
        assert!(read_limited(&root, "templates/ack.txt", 100).is_ok());
        let err = read_limited(&root, "templates/ack.txt", 99).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn paths_that_are_not_plain_are_refused() {
        let (_tmp, root) = store();
        for bad in ["", "../x", "a//b", "./a", "a/..", "a\\b", "/abs"] {
            assert!(read(&root, bad).is_err(), "{bad:?}");
            assert!(write(&root, bad, b"x").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn listings_say_what_each_entry_is() {
        let (_tmp, root) = store();
        write(&root, "cases/A.json", b"{}").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", root.join("cases/B.json")).unwrap();
        let mut listed: Vec<(String, Kind)> = open(&root, "cases")
            .unwrap()
            .unwrap()
            .list()
            .unwrap()
            .into_iter()
            .map(|l| (l.name.to_string_lossy().into_owned(), l.kind))
            .collect();
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            listed,
            [("A.json".into(), Kind::File), ("B.json".into(), Kind::Link)]
        );
        assert!(open(&root, "none").unwrap().is_none());
    }

    #[test]
    fn outside_files_are_private_unless_asked() {
        use std::os::unix::fs::PermissionsExt as _;
        let (tmp, _) = store();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tmp.path().join("out/deep");
        create_out_dir(&dir, Visibility::Private).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("a.eml");
        std::fs::write(&file, b"old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_out(&file, b"new", Visibility::Private).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        write_out(&file, b"public", Visibility::WorldReadable).unwrap();
        assert_eq!(mode(&file), 0o644);
    }
}
