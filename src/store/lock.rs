//! Locks: the tool's own lock on a store (an OS file lock, with a record of
//! who holds it), and git's `*.lock` files, which a crashed git (or a
//! crashed older `disclose`) can leave behind.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::Notify;
use crate::error::{Error, Result};

/// Who holds a lock: written into the lock file while it is held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Owner {
    pub(crate) pid: u32,
    pub(crate) host: String,
    /// When the holder took the lock (RFC 3339, the machine's clock).
    pub(crate) started: String,
}

impl Owner {
    pub(crate) fn me() -> Self {
        Self {
            pid: std::process::id(),
            host: hostname(),
            // The machine's clock, not DISCLOSE_NOW: it tells a person
            // when that process started waiting or working.
            started: chrono::DateTime::<chrono::Utc>::from(SystemTime::now())
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "process {} on {} (since {})",
            self.pid, self.host, self.started
        )
    }
}

/// Held for the life of a transaction; the OS releases it on drop or exit,
/// and a clean release empties the owner record, so a record found in a
/// free lock is one a killed process left.
#[derive(Debug)]
pub(crate) struct StoreLock {
    file: File,
}

impl StoreLock {
    /// Blocks until the lock at `path` is ours, saying whom it waits for and
    /// whose lock it takes over.
    pub(crate) fn acquire(path: &Path, notify: &Notify) -> Result<Self> {
        let fail = |e| Error::io(format!("lock {}", path.display()), e);
        let mut file = open(path)?;
        // Another command's change takes milliseconds: wait for it quietly
        // first, and say whom we wait for only if it takes longer.
        let quiet_until = std::time::Instant::now() + QUIET_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock)
                    if std::time::Instant::now() < quiet_until =>
                {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = read_owner(&mut file)
                        .map_or_else(|| "another disclose command".to_owned(), |o| o.to_string());
                    notify(&format!(
                        "waiting for {holder}, which holds the lock {}",
                        path.display()
                    ));
                    file.lock().map_err(fail)?;
                    break;
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(fail(e)),
            }
        }
        Self::hold(file, path, notify)
    }

    /// The lock if nobody holds it now (for tidying up that can wait).
    pub(crate) fn try_acquire(path: &Path, notify: &Notify) -> Option<Self> {
        let file = open(path).ok()?;
        file.try_lock().ok()?;
        Self::hold(file, path, notify).ok()
    }

    /// Records this process as the holder of the locked `file`.
    fn hold(mut file: File, path: &Path, notify: &Notify) -> Result<Self> {
        if let Some(left) = read_owner(&mut file) {
            notify(&format!(
                "took over the lock {} from {left}, which ended without releasing it",
                path.display()
            ));
        }
        let record = serde_json::to_string(&Owner::me()).unwrap_or_default();
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(format!("{record}\n").as_bytes()))
            .map_err(|e| Error::io(format!("lock {}", path.display()), e))?;
        Ok(Self { file })
    }
}

/// Opens (or creates) the lock file, never through a link.
fn open(path: &Path) -> Result<File> {
    super::fs::no_follow(&mut OpenOptions::new())
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => super::fs::link_error(path),
            _ => Error::io(format!("lock {}", path.display()), e),
        })
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        // Still locked here: nobody can read a half-emptied record.
        let _ = self.file.set_len(0);
    }
}

fn read_owner(file: &mut File) -> Option<Owner> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(text.trim()).ok()
}

/// This machine's name, as lock records give it.
pub(crate) fn hostname() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at
        // most that many bytes.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    std::env::var("HOSTNAME").unwrap_or_else(|_| "localhost".to_owned())
}

/// How long a command waits for the store lock before it says for whom.
const QUIET_WAIT: Duration = Duration::from_millis(500);

/// How old a git lock file must be before it counts as left over when no
/// running process has it open. Git holds its locks for milliseconds; a
/// slow `git gc` holds `packed-refs.lock` open, which the check sees.
const STALE_AFTER: Duration = Duration::from_secs(10);
/// The same where open files cannot be listed (no `/proc`).
const STALE_AFTER_UNSEEN: Duration = Duration::from_secs(600);
/// How long a command waits for a git lock that a running git holds.
const WAIT_FOR_GIT: Duration = Duration::from_secs(3);

/// Whether some running process has `path` open: `None` when this system
/// does not show it.
pub(crate) fn held_open(path: &Path) -> Option<bool> {
    let proc = Path::new("/proc");
    let entries = std::fs::read_dir(proc).ok()?;
    let target = path.canonicalize().ok()?;
    let me = std::process::id().to_string();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.bytes().all(|b| b.is_ascii_digit()) || name == me {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            if std::fs::read_link(fd.path()).is_ok_and(|p| p == target) {
                return Some(true);
            }
        }
    }
    Some(false)
}

/// How long ago `path` was last written.
fn age(meta: &std::fs::Metadata) -> Duration {
    meta.modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .unwrap_or_default()
}

/// What to do about a git lock file in the way.
enum Verdict {
    Gone,
    Stale,
    Held,
}

fn judge(path: &Path) -> Verdict {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Verdict::Gone;
    };
    let age = age(&meta);
    let stale = match held_open(path) {
        Some(true) => false,
        Some(false) => age >= STALE_AFTER,
        None => age >= STALE_AFTER_UNSEEN,
    };
    if stale { Verdict::Stale } else { Verdict::Held }
}

/// Removes a left-over git lock file, saying so.
pub(crate) fn remove_stale(path: &Path, why: &str, notify: &Notify) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => {
            notify(&format!("removed {} ({why})", path.display()));
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(format!("remove {}", path.display()), e)),
    }
}

/// The error for a git lock file that is in use or too recent to remove.
pub(crate) fn locked(path: &Path, repo: &Path) -> Error {
    Error::store(format!(
        "{} exists: a git command is working in {} right now, or one was interrupted",
        path.display(),
        repo.display()
    ))
    .with_hint(format!(
        "if no git command is running there, remove it with `rm {}` and run the command again",
        shell_quote(&path.display().to_string())
    ))
}

/// Waits for the git lock files `names` under `git_dir` (a `.git`
/// directory or a bare repository) to go away; removes those left over by
/// a process that is gone, saying so; fails naming one still held.
pub(crate) fn clear_git_locks(git_dir: &Path, names: &[String], notify: &Notify) -> Result<()> {
    let start = std::time::Instant::now();
    for name in names {
        let path = git_dir.join(name);
        loop {
            match judge(&path) {
                Verdict::Gone => break,
                Verdict::Stale => {
                    remove_stale(
                        &path,
                        "left over by a git command that is no longer running",
                        notify,
                    )?;
                    break;
                }
                Verdict::Held if start.elapsed() < WAIT_FOR_GIT => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Verdict::Held => return Err(locked(&path, git_dir)),
            }
        }
    }
    Ok(())
}

/// Creates `path` (git's `index.lock`) exclusively, waiting a little for a
/// running git to let go of it and removing one left over. `ours_if_older`
/// names a moment (an interrupted change's journal) after which a lock no
/// process has open can only be that change's.
pub(crate) fn take_git_lock(
    path: &Path,
    git_dir: &Path,
    ours_since: Option<SystemTime>,
    notify: &Notify,
) -> Result<File> {
    let start = std::time::Instant::now();
    loop {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        match options.open(path) {
            Ok(file) => return Ok(file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io(format!("create {}", path.display()), e)),
        }
        let ours = ours_since.is_some_and(|since| {
            std::fs::symlink_metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since)
                && held_open(path) != Some(true)
        });
        if ours {
            remove_stale(path, "left by the interrupted change", notify)?;
            continue;
        }
        match judge(path) {
            Verdict::Gone => {}
            Verdict::Stale => remove_stale(
                path,
                "left over by a git command that is no longer running",
                notify,
            )?,
            Verdict::Held if start.elapsed() < WAIT_FOR_GIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Verdict::Held => return Err(locked(path, git_dir)),
        }
    }
}

/// The lock files under a repository that a ref update of `branch` needs.
pub(crate) fn ref_locks(branch: &str) -> Vec<String> {
    vec![format!("{branch}.lock"), "HEAD.lock".to_owned()]
}

/// `path` quoted for a POSIX shell when it needs it.
pub(crate) fn shell_quote(path: &str) -> String {
    if path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@%,".contains(&b))
    {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

/// A path remote's repository directory (`/srv/cases.git`, `file:///...`),
/// whose lock files this machine can see.
pub(crate) fn path_remote(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("file://").unwrap_or(url);
    path.starts_with('/').then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(
            shell_quote("/tmp/a/.git/index.lock"),
            "/tmp/a/.git/index.lock"
        );
        assert_eq!(shell_quote("/tmp/my store/x"), "'/tmp/my store/x'");
        assert_eq!(shell_quote("/tmp/it's"), r"'/tmp/it'\''s'");
    }

    #[test]
    fn a_lock_file_this_process_has_open_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.lock");
        let file = File::create(&path).unwrap();
        // Our own descriptors are skipped: only other processes count.
        if held_open(&path).is_some() {
            assert_eq!(held_open(&path), Some(false));
        }
        drop(file);
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .stdin(File::open(&path).unwrap())
            .spawn();
        if let Ok(child) = &mut child {
            if held_open(&path).is_some() {
                assert_eq!(held_open(&path), Some(true));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    #[test]
    fn path_remotes_are_absolute_paths_or_file_urls() {
        assert_eq!(path_remote("/srv/c.git"), Some(PathBuf::from("/srv/c.git")));
        assert_eq!(
            path_remote("file:///srv/c.git"),
            Some(PathBuf::from("/srv/c.git"))
        );
        assert_eq!(path_remote("git@host:c.git"), None);
        assert_eq!(path_remote("https://h/c.git"), None);
    }
}
