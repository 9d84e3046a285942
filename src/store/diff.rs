//! The files two trees differ in, read from the raw tree objects: a
//! subtree with the same id on both sides is skipped and no blob is read,
//! so the cost follows the change, not the store. A sync of a few cases
//! reads each side's `cases` tree once and none of the files it leaves
//! alone.
//!
//! Every entry that differs is checked as `tree::walk` checks a whole tree
//! (no links, no submodules, no name git's index would refuse), and a tree
//! whose entries are out of git's order is refused, since a diff of it
//! could not be trusted.

use std::collections::HashMap;
use std::rc::Rc;

use git2::{ObjectType, Oid, Repository};

use super::tree::{self, Unsafe};
use crate::error::{Error, Result};

/// One side of a changed file: its mode and blob id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Blob {
    pub(crate) mode: u32,
    pub(crate) id: Oid,
}

/// A file that differs between two trees; `None` where it is absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    pub(crate) path: String,
    pub(crate) old: Option<Blob>,
    pub(crate) new: Option<Blob>,
}

/// Raw tree objects read from one repository. Small trees (a commit's
/// root, a directory of templates) are kept once read; a large one (the
/// `cases` tree of a large store) is read again when asked for again, so
/// no more than the two being compared are held.
pub(crate) struct Trees<'r> {
    odb: git2::Odb<'r>,
    read: HashMap<Oid, Rc<[u8]>>,
}

impl<'r> Trees<'r> {
    pub(crate) fn new(repo: &'r Repository) -> Result<Self> {
        Ok(Self {
            odb: repo
                .odb()
                .map_err(|e| Error::git("open the object database", e))?,
            read: HashMap::new(),
        })
    }

    /// The raw data of tree `id`.
    pub(crate) fn get(&mut self, id: Oid) -> Result<Rc<[u8]>> {
        if let Some(data) = self.read.get(&id) {
            return Ok(Rc::clone(data));
        }
        let object = self
            .odb
            .read(id)
            .map_err(|e| Error::git(format!("read tree {id}"), e))?;
        if object.kind() != ObjectType::Tree {
            return Err(Error::store(format!("object {id} is not a tree")));
        }
        let data: Rc<[u8]> = Rc::from(object.data());
        if data.len() <= KEEP_MAX {
            self.read.insert(id, Rc::clone(&data));
        }
        Ok(data)
    }

    /// The root tree of `commit`.
    pub(crate) fn root_of(&self, repo: &Repository, commit: Oid) -> Result<Oid> {
        repo.find_commit(commit)
            .map(|c| c.tree_id())
            .map_err(|e| Error::git(format!("read the tree of commit {commit}"), e))
    }
}

/// Why a diff stopped.
pub(crate) enum Stop {
    /// An entry of the new side that a store never holds.
    Refused(String, Unsafe),
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Self::Failed(e)
    }
}

impl Stop {
    /// The error, naming `whose` tree held a refused entry ("the remote's").
    pub(crate) fn into_error(self, whose: &str) -> Error {
        match self {
            Self::Refused(path, why) => tree::refused(&path, why, whose),
            Self::Failed(e) => e,
        }
    }
}

/// The files that differ between trees `old` and `new` (`None`: an empty
/// tree), in path order. Entries of `new` that differ are checked.
pub(crate) fn diff(
    trees: &mut Trees<'_>,
    old: Option<Oid>,
    new: Option<Oid>,
) -> std::result::Result<Vec<Changed>, Stop> {
    let mut out = Vec::new();
    diff_into(trees, old, new, "", &mut out)?;
    Ok(out)
}

const TREE: u32 = 0o040_000;
/// The largest tree `Trees` keeps.
const KEEP_MAX: usize = 64 << 10;

fn diff_into(
    trees: &mut Trees<'_>,
    old: Option<Oid>,
    new: Option<Oid>,
    prefix: &str,
    out: &mut Vec<Changed>,
) -> std::result::Result<(), Stop> {
    if old == new {
        return Ok(());
    }
    let old_data = old.map(|id| trees.get(id)).transpose()?;
    let new_data = new.map(|id| trees.get(id)).transpose()?;
    let broken = |id: Option<Oid>| {
        let shown = if prefix.is_empty() {
            "the root tree".to_owned()
        } else {
            format!("the tree at {:?}", prefix.trim_end_matches('/'))
        };
        Stop::Failed(Error::store(format!(
            "{shown} ({}) is not a valid git tree: its entries are damaged or out of git's order",
            id.map(|id| id.to_string()).unwrap_or_default()
        )))
    };
    let mut a = Entries::new(old_data.as_deref().unwrap_or_default());
    let mut b = Entries::new(new_data.as_deref().unwrap_or_default());
    let mut x = a.next_checked().map_err(|()| broken(old))?;
    let mut y = b.next_checked().map_err(|()| broken(new))?;
    loop {
        let order = match (&x, &y) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => x.cmp_git(y),
        };
        match order {
            std::cmp::Ordering::Equal => {
                let (x, y) = (x.take().expect("both"), y.take().expect("both"));
                if x.mode != y.mode || x.id != y.id {
                    check(prefix, &y)?;
                    pair(trees, prefix, Some(&x), Some(&y), out)?;
                }
            }
            std::cmp::Ordering::Less => {
                let x = x.take().expect("old");
                pair(trees, prefix, Some(&x), None, out)?;
            }
            std::cmp::Ordering::Greater => {
                let y = y.take().expect("new");
                check(prefix, &y)?;
                pair(trees, prefix, None, Some(&y), out)?;
            }
        }
        if x.is_none() {
            x = a.next_checked().map_err(|()| broken(old))?;
        }
        if y.is_none() {
            y = b.next_checked().map_err(|()| broken(new))?;
        }
    }
    Ok(())
}

/// Reports one name that differs: files directly, trees by what they hold.
fn pair(
    trees: &mut Trees<'_>,
    prefix: &str,
    old: Option<&Entry<'_>>,
    new: Option<&Entry<'_>>,
    out: &mut Vec<Changed>,
) -> std::result::Result<(), Stop> {
    let name = old.or(new).expect("one side").name;
    let path = format!("{prefix}{}", String::from_utf8_lossy(name));
    let tree_of = |e: Option<&Entry<'_>>| e.filter(|e| e.mode == TREE).map(|e| e.id);
    let blob_of = |e: Option<&Entry<'_>>| {
        e.filter(|e| e.mode != TREE).map(|e| Blob {
            mode: e.mode,
            id: e.id,
        })
    };
    let (old_tree, new_tree) = (tree_of(old), tree_of(new));
    if old_tree.is_some() || new_tree.is_some() {
        diff_into(trees, old_tree, new_tree, &format!("{path}/"), out)?;
    }
    let (old_blob, new_blob) = (blob_of(old), blob_of(new));
    if old_blob.is_some() || new_blob.is_some() {
        out.push(Changed {
            path,
            old: old_blob,
            new: new_blob,
        });
    }
    Ok(())
}

/// Refuses an entry a store never holds, as `tree::walk` does.
fn check(prefix: &str, entry: &Entry<'_>) -> std::result::Result<(), Stop> {
    let shown = || format!("{prefix}{}", String::from_utf8_lossy(entry.name));
    if let Some(why) = tree::unsafe_name(entry.name) {
        return Err(Stop::Refused(shown(), Unsafe::Name(why)));
    }
    match tree::kind_of_mode(entry.mode) {
        Ok(()) => Ok(()),
        Err(why) => Err(Stop::Refused(shown(), why)),
    }
}

/// One entry of a raw tree object.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    mode: u32,
    name: &'a [u8],
    id: Oid,
}

impl Entry<'_> {
    /// Git's order of tree entries: by name, a tree's name read as if it
    /// ended in `/`.
    fn cmp_git(&self, other: &Self) -> std::cmp::Ordering {
        let len = self.name.len().min(other.name.len());
        self.name[..len]
            .cmp(&other.name[..len])
            .then_with(|| self.end(len).cmp(&other.end(len)))
    }

    fn end(&self, at: usize) -> u8 {
        match self.name.get(at) {
            Some(&b) => b,
            None if self.mode == TREE => b'/',
            None => 0,
        }
    }
}

/// The entries of a raw tree object (`<mode> <name>\0<20-byte id>`,
/// repeated), checked to be well formed and in strictly increasing order.
struct Entries<'a> {
    data: &'a [u8],
    last: Option<Entry<'a>>,
}

impl<'a> Entries<'a> {
    fn new(data: &'a [u8]) -> Self {
        Self { data, last: None }
    }

    fn next_checked(&mut self) -> std::result::Result<Option<Entry<'a>>, ()> {
        if self.data.is_empty() {
            return Ok(None);
        }
        let data = self.data;
        let space = data.iter().position(|&b| b == b' ').ok_or(())?;
        let mode = std::str::from_utf8(&data[..space])
            .ok()
            .and_then(|m| u32::from_str_radix(m, 8).ok())
            .ok_or(())?;
        let nul = space + data[space..].iter().position(|&b| b == 0).ok_or(())?;
        let id = data
            .get(nul + 1..nul + 21)
            .and_then(|b| Oid::from_bytes(b).ok())
            .ok_or(())?;
        let entry = Entry {
            mode,
            name: &data[space + 1..nul],
            id,
        };
        if let Some(last) = &self.last
            && (last.cmp_git(&entry) != std::cmp::Ordering::Less || last.name == entry.name)
        {
            return Err(());
        }
        self.last = Some(entry);
        self.data = &data[nul + 21..];
        Ok(Some(entry))
    }
}

#[cfg(test)]
mod tests;
