//! What a store's git tree may hold, checked in every tree `clone` and
//! `sync` fetch before anything is checked out, merged or moved: plain
//! files and directories, at paths git's index accepts on every system. A
//! link could make a later command read or write outside the store (a
//! template linked to `~/.ssh/id_rsa` would be quoted in a reply); a
//! submodule or a path such as `.git`, `..` or `GIT~1` could make git do so.

use git2::{Oid, Repository, Tree};

use crate::error::{Error, Result};

/// Why a tree entry is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unsafe {
    Link,
    Submodule,
    OddMode,
    Name(&'static str),
}

impl Unsafe {
    fn words(self) -> &'static str {
        match self {
            Self::Link => {
                "a symbolic link, which could make disclose read or write outside the store"
            }
            Self::Submodule => "a submodule, which a store never holds",
            Self::OddMode => "neither a file nor a directory",
            Self::Name(why) => why,
        }
    }
}

/// Checks `commit`'s tree without reading its files.
pub(crate) fn check(repo: &Repository, commit: Oid, whose: &str) -> Result<()> {
    checked_files(repo, commit, whose).map(drop)
}

/// A file of a checked tree: its path, blob and mode.
pub(crate) struct File {
    pub(crate) path: String,
    pub(crate) id: Oid,
    pub(crate) mode: u32,
}

/// Checks `commit`'s tree as `check` does, and lists its files in git's
/// order.
pub(crate) fn checked_files(repo: &Repository, commit: Oid, whose: &str) -> Result<Vec<File>> {
    let tree = commit_tree(repo, commit)?;
    let mut files = Vec::new();
    walk(repo, &tree, "", &mut |path, id, mode| {
        files.push(File {
            path: path.to_owned(),
            id,
            mode,
        });
        Ok(())
    })
    .map_err(|e| refusal(e, whose))?;
    Ok(files)
}

/// Checks what `commit`'s tree holds that the tree of `known` (a commit
/// already in the store, checked when it arrived or made here) does not:
/// only the entries that differ are read. The whole tree without `known`.
pub(crate) fn check_new(
    repo: &Repository,
    commit: Oid,
    known: Option<Oid>,
    whose: &str,
) -> Result<()> {
    let Some(known) = known else {
        return check(repo, commit, whose);
    };
    let mut trees = super::diff::Trees::new(repo)?;
    let old = trees.root_of(repo, known)?;
    let new = trees.root_of(repo, commit)?;
    super::diff::diff(&mut trees, Some(old), Some(new))
        .map(drop)
        .map_err(|e| e.into_error(whose))
}

fn commit_tree(repo: &Repository, commit: Oid) -> Result<Tree<'_>> {
    repo.find_commit(commit)
        .and_then(|c| c.tree())
        .map_err(|e| Error::git(format!("read the tree of commit {commit}"), e))
}

enum Walk {
    Refused(String, Unsafe),
    Failed(Error),
}

impl From<Error> for Walk {
    fn from(e: Error) -> Self {
        Self::Failed(e)
    }
}

fn refusal(walk: Walk, whose: &str) -> Error {
    match walk {
        Walk::Refused(path, why) => refused(&path, why, whose),
        Walk::Failed(e) => e,
    }
}

/// The refusal of a tree entry at `path`, in `whose` tree.
pub(crate) fn refused(path: &str, why: Unsafe, whose: &str) -> Error {
    Error::store(format!(
        "{whose} tree holds {path:?}, {}; nothing was checked out or changed",
        why.words()
    ))
    .with_hint(
        "a store holds only plain files at plain paths: remove that path from the \
         remote's history tip (git rm, commit, push) and try again",
    )
}

/// Whether an entry of `mode` may be in a store: a directory or a plain
/// file (executable or not).
pub(crate) fn kind_of_mode(mode: u32) -> std::result::Result<(), Unsafe> {
    match mode {
        0o040_000 | 0o100_644 | 0o100_755 | 0o100_664 => Ok(()),
        0o120_000 => Err(Unsafe::Link),
        0o160_000 => Err(Unsafe::Submodule),
        _ => Err(Unsafe::OddMode),
    }
}

/// Visits every file of `tree` in path order, refusing the first entry
/// that is not a plain file or directory at a safe path.
fn walk(
    repo: &Repository,
    tree: &Tree<'_>,
    prefix: &str,
    visit: &mut dyn FnMut(&str, Oid, u32) -> Result<()>,
) -> Result<(), Walk> {
    for entry in tree {
        let raw = entry.name_bytes();
        let shown = format!("{prefix}{}", String::from_utf8_lossy(raw));
        if let Some(why) = unsafe_name(raw) {
            return Err(Walk::Refused(shown, Unsafe::Name(why)));
        }
        match entry.filemode() {
            0o040_000 => {
                let sub = repo
                    .find_tree(entry.id())
                    .map_err(|e| Error::git(format!("read {shown}"), e))?;
                walk(repo, &sub, &format!("{shown}/"), visit)?;
            }
            mode @ (0o100_644 | 0o100_755 | 0o100_664) => visit(&shown, entry.id(), mode as u32)?,
            0o120_000 => return Err(Walk::Refused(shown, Unsafe::Link)),
            0o160_000 => return Err(Walk::Refused(shown, Unsafe::Submodule)),
            _ => return Err(Walk::Refused(shown, Unsafe::OddMode)),
        }
    }
    Ok(())
}

/// Why one path component would be unsafe in git's index or on disk, as
/// git and libgit2 judge it (`verify_path` with NTFS and HFS protection on,
/// the strictest setting), plus what a store never needs: control
/// characters and names that are not UTF-8.
pub(crate) fn unsafe_name(name: &[u8]) -> Option<&'static str> {
    if name.is_empty() {
        return Some("an empty path component");
    }
    if name == b"." || name == b".." {
        return Some("a path that climbs out of its directory");
    }
    if name.contains(&b'/') || name.contains(&b'\\') {
        return Some("a path with a slash or backslash in a name");
    }
    if name.iter().any(|&b| b < 0x20 || b == 0x7f) {
        return Some("a path with a control character (such as NUL or a line break)");
    }
    let Ok(text) = std::str::from_utf8(name) else {
        return Some("a path that is not UTF-8");
    };
    if is_dot_git(text) {
        return Some("a name git reserves for its own directory (.git or a variant of it)");
    }
    None
}

/// `.git` in any case, and the names that mean `.git` on NTFS (`.git.`,
/// `.git ::$INDEX_ALLOCATION`, the short name `GIT~1`) or on HFS+
/// (`.git` with ignorable code points such as U+200C inside).
fn is_dot_git(name: &str) -> bool {
    let folded: String = name
        .chars()
        .filter(|&c| !is_hfs_ignorable(c))
        .flat_map(char::to_lowercase)
        .collect();
    // NTFS drops trailing dots and spaces, and `:` starts a stream name.
    let base = folded.split(':').next().unwrap_or_default();
    let base = base.trim_end_matches(['.', ' ']);
    base == ".git" || base == "git~1"
}

/// Code points HFS+ ignores when it compares names.
fn is_hfs_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_safe() {
        for ok in [
            "policy.json",
            "DISC-2026-K7Q3M.json",
            "a b.txt",
            ".keep",
            ".gitignore",
            ".gitattributes",
            "git~2",
            "gitx",
            "poc-2.py",
            "résumé.pdf",
        ] {
            assert_eq!(unsafe_name(ok.as_bytes()), None, "{ok}");
        }
    }

    #[test]
    fn names_git_would_refuse_are_unsafe() {
        for bad in [
            &b""[..],
            b".",
            b"..",
            b".git",
            b".GIT",
            b".Git",
            b".git.",
            b".git ",
            b".git . .",
            b".git::$INDEX_ALLOCATION",
            b"git~1",
            b"GIT~1",
            ".g\u{200c}it".as_bytes(),
            "\u{feff}.git".as_bytes(),
            b"a\\b",
            b"a/b",
            b"a\0b",
            b"line\nbreak",
            b"\xff\xfe",
        ] {
            assert!(
                unsafe_name(bad).is_some(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
