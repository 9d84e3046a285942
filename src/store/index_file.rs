//! Editing git's index file in place for a commit that changes a few files.
//!
//! libgit2 loads the whole index into a hash map, checks its SHA-1 with
//! collision detection, and writes and hashes it again: in a store of
//! 100,000 cases that is a 10 MB file read, parsed and written for one
//! changed entry. Here the raw file is copied with those entries replaced,
//! inserted or removed, and its checksum is taken with a plain SHA-1.
//!
//! Only the common layout is handled: versions 2 and 3, no conflicts, no
//! extended flags on the changed entries, no required extensions (split or
//! sparse indexes). Anything else returns `None` and the caller uses libgit2.
//! Optional extensions are dropped: they describe the old entries (the cached
//! trees, the offsets of entry blocks) and git rebuilds them when it needs to.

use std::path::Path;

use sha1::{Digest as _, Sha1};

const HEADER: usize = 12;
const HASH: usize = 20;
/// Stat data (40 bytes), object id (20) and flags (2).
const FIXED: usize = 62;
const EXTENDED: u16 = 0x4000;
const STAGE: u16 = 0x3000;
const NAME_MASK: u16 = 0x0fff;

/// An index file's bytes and where each entry sits in them.
pub(crate) struct RawIndex {
    bytes: Vec<u8>,
    version: u32,
    /// Start and end of each entry, in the file's (sorted) order.
    entries: Vec<(usize, usize)>,
    /// The data of the cached-tree extension (`TREE`), if there is one.
    trees: Option<(usize, usize)>,
}

/// What a changed path becomes: an entry for this blob, or nothing (the
/// file was removed). Its stat data is set once the file is in place
/// (`Edited::set_stat`).
pub(crate) struct NewEntry<'a> {
    pub(crate) path: &'a str,
    pub(crate) staged: Option<git2::Oid>,
}

/// The stat data git keeps for a file, as the index stores it (the low
/// 32 bits of each field).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stat {
    fields: [u32; 10],
}

impl Stat {
    pub(crate) fn of(meta: &std::fs::Metadata) -> Self {
        let mut fields = [0u32; 10];
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let values = [
                meta.ctime(),
                meta.ctime_nsec(),
                meta.mtime(),
                meta.mtime_nsec(),
                meta.dev() as i64,
                meta.ino() as i64,
                0o100644,
                i64::from(meta.uid()),
                i64::from(meta.gid()),
                meta.size() as i64,
            ];
            for (field, value) in fields.iter_mut().zip(values) {
                *field = value as u32;
            }
        }
        #[cfg(not(unix))]
        {
            fields[6] = 0o100644;
            fields[9] = meta.len() as u32;
        }
        Self { fields }
    }

    /// ctime (s, ns), mtime (s, ns), dev, ino, mode, uid, gid, size.
    pub(crate) fn fields(&self) -> [u32; 10] {
        self.fields
    }

    fn write(&self, out: &mut [u8]) {
        for (i, field) in self.fields.iter().enumerate() {
            out[i * 4..i * 4 + 4].copy_from_slice(&field.to_be_bytes());
        }
    }
}

impl RawIndex {
    /// Reads the index at `path`; `None` if it is missing or not a layout
    /// handled here.
    pub(crate) fn read(path: &Path) -> Option<Self> {
        match std::fs::read(path) {
            Ok(bytes) => Self::parse(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(Self::empty()),
            Err(_) => None,
        }
    }

    /// The index of a repository that has none yet.
    fn empty() -> Self {
        Self {
            bytes: b"DIRC\0\0\0\x02\0\0\0\0".to_vec(),
            version: 2,
            entries: Vec::new(),
            trees: None,
        }
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The blob the index stages at `path` (stage 0), if any.
    pub(crate) fn entry_id(&self, path: &str) -> Option<git2::Oid> {
        let name = path.as_bytes();
        let at = self.entries.partition_point(|&e| self.name(e) < name);
        let e = *self.entries.get(at)?;
        (self.name(e) == name)
            .then(|| git2::Oid::from_bytes(&self.bytes[e.0 + 40..e.0 + 60]).ok())
            .flatten()
    }

    fn parse(bytes: Vec<u8>) -> Option<Self> {
        if bytes.len() < HEADER + HASH || &bytes[..4] != b"DIRC" {
            return None;
        }
        let version = be32(&bytes[4..8]);
        if version != 2 && version != 3 {
            return None;
        }
        let count = be32(&bytes[8..12]) as usize;
        let body_end = bytes.len() - HASH;
        let mut entries = Vec::with_capacity(count);
        let mut at = HEADER;
        for _ in 0..count {
            let flags = be16(bytes.get(at + 60..at + 62)?);
            if flags & STAGE != 0 {
                return None;
            }
            let mut start = at + FIXED;
            if flags & EXTENDED != 0 {
                if version < 3 {
                    return None;
                }
                start += 2;
            }
            let name_len = match flags & NAME_MASK {
                NAME_MASK => bytes.get(start..body_end)?.iter().position(|&b| b == 0)?,
                n => usize::from(n),
            };
            // The name is followed by 1 to 8 NULs, padding the entry to a
            // multiple of 8 bytes.
            let end = at + (start - at + name_len + 8) / 8 * 8;
            if end > body_end || bytes[start + name_len] != 0 {
                return None;
            }
            entries.push((at, end));
            at = end;
        }
        // Extensions: a 4-byte signature, a 4-byte size, the data. A
        // signature starting with a capital letter is optional.
        let mut trees = None;
        while at < body_end {
            let header = bytes.get(at..at + 8)?;
            if !header[0].is_ascii_uppercase() {
                return None;
            }
            let end = at.checked_add(8 + be32(&header[4..8]) as usize)?;
            if &header[..4] == b"TREE" && end <= body_end {
                trees = Some((at + 8, end));
            }
            at = end;
        }
        if at != body_end {
            return None;
        }
        Some(Self {
            bytes,
            version,
            entries,
            trees,
        })
    }

    fn cached_trees(&self) -> Vec<CachedTree<'_>> {
        self.trees
            .and_then(|(start, end)| parse_trees(&self.bytes[start..end]))
            .unwrap_or_default()
    }

    /// The tree id the index caches for the root (`""`) or a directory at
    /// the top of the work tree, if git marked it valid: the index's entries
    /// under it are then exactly that tree.
    pub(crate) fn cached_tree(&self, name: &str) -> Option<git2::Oid> {
        let trees = self.cached_trees();
        let found = if name.is_empty() {
            trees.first()
        } else {
            top_level(&trees)
                .find(|&i| trees[i].path == name.as_bytes())
                .map(|i| &trees[i])
        };
        found.and_then(|t| t.id)
    }

    fn name(&self, (start, end): (usize, usize)) -> &[u8] {
        let entry = &self.bytes[start..end];
        let flags = be16(&entry[60..62]);
        let name = &entry[if flags & EXTENDED != 0 {
            FIXED + 2
        } else {
            FIXED
        }..];
        &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())]
    }

    fn extended(&self, (start, _): (usize, usize)) -> bool {
        be16(&self.bytes[start + 60..start + 62]) & EXTENDED != 0
    }

    /// The index with `changes` applied; `None` if a changed entry carries
    /// flags this does not keep (skip-worktree, intent-to-add).
    pub(crate) fn with(&self, changes: &[NewEntry<'_>]) -> Option<Edited> {
        let mut changes: Vec<&NewEntry<'_>> = changes.iter().collect();
        changes.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        let mut out = Vec::with_capacity(self.bytes.len() + changes.len() * 96);
        out.extend_from_slice(b"DIRC");
        out.extend_from_slice(&self.version.to_be_bytes());
        out.extend_from_slice(&[0; 4]);
        let mut entries = Vec::with_capacity(self.entries.len() + changes.len());
        let mut copy = |out: &mut Vec<u8>, from: &[(usize, usize)]| {
            if let (Some(first), Some(last)) = (from.first(), from.last()) {
                let base = out.len();
                out.extend_from_slice(&self.bytes[first.0..last.1]);
                let moved = |at: usize| base + (at - first.0);
                entries.extend(from.iter().map(|&(s, e)| (moved(s), moved(e))));
            }
        };
        let mut next = 0;
        let mut added = Vec::new();
        let mut stats = Vec::new();
        for change in changes {
            let name = change.path.as_bytes();
            let at = next + self.entries[next..].partition_point(|&e| self.name(e) < name);
            copy(&mut out, &self.entries[next..at]);
            next = at;
            if let Some(&e) = self.entries.get(at)
                && self.name(e) == name
            {
                if self.extended(e) {
                    return None;
                }
                next += 1;
            }
            if let Some(id) = change.staged {
                let start = out.len();
                write_entry(&mut out, name, id);
                added.push((start, out.len()));
                stats.push((change.path.to_owned(), start));
            }
        }
        copy(&mut out, &self.entries[next..]);
        // `copy` keeps entries in order only between the added ones.
        entries.extend(added);
        entries.sort_unstable();
        let count = entries.len() as u32;
        out[8..12].copy_from_slice(&count.to_be_bytes());
        let trees = self.trees.map(|(s, e)| self.bytes[s..e].to_vec());
        Some(Edited {
            index: Self {
                bytes: out,
                version: self.version,
                entries,
                trees: None,
            },
            old_trees: trees,
            stats,
        })
    }
}

/// An index being edited: its header and entries, without extensions or
/// checksum yet, and the cached trees of the index it came from.
pub(crate) struct Edited {
    index: RawIndex,
    old_trees: Option<Vec<u8>>,
    /// Where each added entry starts, by path, for its stat data.
    stats: Vec<(String, usize)>,
}

impl Edited {
    /// The raw tree object of the directory `dir` (say `cases`) as the
    /// entries directly under it stand, and how many there are; `None` if
    /// it has subdirectories or files that are not plain (mode 100644).
    pub(crate) fn tree_of(&self, dir: &str) -> Option<(Vec<u8>, usize)> {
        let prefix = format!("{dir}/");
        let index = &self.index;
        let first = index
            .entries
            .partition_point(|&e| index.name(e) < prefix.as_bytes());
        let mut tree = Vec::new();
        let mut count = 0;
        for &e in &index.entries[first..] {
            let Some(name) = index.name(e).strip_prefix(prefix.as_bytes()) else {
                break;
            };
            if name.contains(&b'/') || be32(&index.bytes[e.0 + 24..e.0 + 28]) != 0o100644 {
                return None;
            }
            tree.extend_from_slice(b"100644 ");
            tree.extend_from_slice(name);
            tree.push(0);
            tree.extend_from_slice(&index.bytes[e.0 + 40..e.0 + 60]);
            count += 1;
        }
        Some((tree, count))
    }

    /// Sets the stat data of the entry added for `path`.
    pub(crate) fn set_stat(&mut self, path: &str, stat: &Stat) {
        if let Some(&(_, start)) = self.stats.iter().find(|(p, _)| p == path) {
            stat.write(&mut self.index.bytes[start..start + 40]);
        }
    }

    /// The cached-tree extension for the edited index: the root and each
    /// of `dirs` set to what was committed (valid with that tree and entry
    /// count, or stale when `None`), every other directory that holds one
    /// of `changed` marked stale, the rest kept.
    pub(crate) fn extension(
        &self,
        root: Option<git2::Oid>,
        dirs: &[(&str, Option<(git2::Oid, usize)>)],
        changed: &[&str],
    ) -> Vec<u8> {
        let total = self.index.entries.len();
        let mut ext = Vec::new();
        let old = self.old_trees.as_deref().and_then(parse_trees);
        match old {
            Some(trees) if !trees.is_empty() => {
                let paths = full_paths(&trees);
                for (i, t) in trees.iter().enumerate() {
                    let path = &paths[i];
                    let set = dirs.iter().find(|(d, _)| d.as_bytes() == path.as_slice());
                    let now = if i == 0 {
                        Some(root.map(|id| (id, total)))
                    } else if let Some((_, valid)) = set {
                        Some(*valid)
                    } else if changed.iter().any(|c| holds(path, c.as_bytes())) {
                        Some(None)
                    } else {
                        None
                    };
                    match now {
                        Some(valid) => write_tree_entry(&mut ext, t.path, valid, t.subtrees),
                        None => ext.extend_from_slice(t.raw),
                    }
                }
            }
            _ => {
                // Only directories at the top without subdirectories are
                // ever given as valid here.
                let valid: Vec<_> = dirs
                    .iter()
                    .filter(|(d, v)| v.is_some() && !d.is_empty() && !d.contains('/'))
                    .collect();
                write_tree_entry(&mut ext, b"", root.map(|id| (id, total)), valid.len());
                for (dir, tree) in valid {
                    write_tree_entry(&mut ext, dir.as_bytes(), *tree, 0);
                }
            }
        }
        ext
    }

    /// How long the index file will be with the extension `ext`.
    pub(crate) fn len_with(&self, ext: &[u8]) -> usize {
        self.index.bytes.len() + 8 + ext.len() + HASH
    }

    /// The finished index file: the entries, the extension and the checksum.
    pub(crate) fn seal(self, ext: &[u8]) -> Vec<u8> {
        let mut out = self.index.bytes;
        out.extend_from_slice(b"TREE");
        out.extend_from_slice(&(ext.len() as u32).to_be_bytes());
        out.extend_from_slice(ext);
        let sum = Sha1::digest(&out);
        out.extend_from_slice(&sum);
        out
    }

    /// The old `finish` in one call, for tests.
    #[cfg(test)]
    fn finish(
        self,
        root: Option<git2::Oid>,
        dir: &str,
        tree: Option<(git2::Oid, usize)>,
    ) -> Vec<u8> {
        let ext = self.extension(root, &[(dir, tree)], &[]);
        self.seal(&ext)
    }
}

/// Whether the directory `dir` (relative to the root, `""` for the root)
/// holds `path`.
fn holds(dir: &[u8], path: &[u8]) -> bool {
    dir.is_empty() || (path.len() > dir.len() && path.starts_with(dir) && path[dir.len()] == b'/')
}

/// Each cached tree's path from the root (they are stored relative to
/// their parent, depth first).
fn full_paths(trees: &[CachedTree<'_>]) -> Vec<Vec<u8>> {
    let mut paths = vec![Vec::new(); trees.len()];
    // (path, subtrees still to come) of the directories being walked.
    let mut stack: Vec<(Vec<u8>, usize)> = Vec::new();
    for (i, t) in trees.iter().enumerate() {
        while stack.last().is_some_and(|(_, left)| *left == 0) {
            stack.pop();
        }
        let path = match stack.last_mut() {
            Some((parent, left)) => {
                *left -= 1;
                if parent.is_empty() {
                    t.path.to_vec()
                } else {
                    [parent.as_slice(), b"/", t.path].concat()
                }
            }
            None => Vec::new(),
        };
        paths[i] = path.clone();
        stack.push((path, t.subtrees));
    }
    paths
}

/// One entry of the cached-tree extension: a directory (relative to its
/// parent), how many index entries it covers (-1: stale), how many
/// subdirectories follow it, its tree id if valid, and its bytes.
struct CachedTree<'a> {
    path: &'a [u8],
    subtrees: usize,
    id: Option<git2::Oid>,
    raw: &'a [u8],
}

/// The cached-tree extension's entries in their (depth-first) order.
fn parse_trees(mut data: &[u8]) -> Option<Vec<CachedTree<'_>>> {
    let mut trees = Vec::new();
    while !data.is_empty() {
        let nul = data.iter().position(|&b| b == 0)?;
        let newline = nul + data[nul..].iter().position(|&b| b == b'\n')?;
        let counts = std::str::from_utf8(&data[nul + 1..newline]).ok()?;
        let (entries, subtrees) = counts.split_once(' ')?;
        let entries: i64 = entries.parse().ok()?;
        let subtrees: usize = subtrees.parse().ok()?;
        let mut end = newline + 1;
        let id = if entries >= 0 {
            end += HASH;
            Some(git2::Oid::from_bytes(data.get(newline + 1..end)?).ok()?)
        } else {
            None
        };
        trees.push(CachedTree {
            path: &data[..nul],
            subtrees,
            id,
            raw: &data[..end],
        });
        data = &data[end..];
    }
    Some(trees)
}

/// The positions of the root's direct subdirectories in `trees`.
fn top_level<'a>(trees: &'a [CachedTree<'_>]) -> impl Iterator<Item = usize> + 'a {
    fn span(trees: &[CachedTree<'_>], i: usize) -> usize {
        let mut next = i + 1;
        for _ in 0..trees.get(i).map_or(0, |t| t.subtrees) {
            if next >= trees.len() {
                break;
            }
            next += span(trees, next);
        }
        next - i
    }
    let children = trees.first().map_or(0, |t| t.subtrees);
    let mut at = 1;
    (0..children).map_while(move |_| {
        let i = at;
        (i < trees.len()).then(|| {
            at += span(trees, i);
            i
        })
    })
}

fn write_tree_entry(
    out: &mut Vec<u8>,
    path: &[u8],
    valid: Option<(git2::Oid, usize)>,
    subtrees: usize,
) {
    out.extend_from_slice(path);
    out.push(0);
    match valid {
        Some((id, entries)) => {
            out.extend_from_slice(format!("{entries} {subtrees}\n").as_bytes());
            out.extend_from_slice(id.as_bytes());
        }
        None => out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes()),
    }
}

/// One stage-0 entry for a regular, non-executable file (the only kind a
/// commit of store files writes), with placeholder stat data.
fn write_entry(out: &mut Vec<u8>, name: &[u8], id: git2::Oid) {
    let start = out.len();
    let mut stat = [0u8; 40];
    Stat::default().write(&mut stat);
    stat[24..28].copy_from_slice(&0o100644u32.to_be_bytes());
    out.extend_from_slice(&stat);
    out.extend_from_slice(id.as_bytes());
    let flags = name.len().min(usize::from(NAME_MASK)) as u16;
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(name);
    let padded = start + (FIXED + name.len() + 8) / 8 * 8;
    out.resize(padded, 0);
}

/// Replaces the index at `path` with `bytes` through `index.lock`, as git does.
#[cfg(test)]
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let lock = path.with_extension("lock");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&lock)?;
    let result = file.write_all(bytes).and_then(|()| {
        drop(file);
        std::fs::rename(&lock, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&lock);
    }
    result
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn be16(b: &[u8]) -> u16 {
    u16::from_be_bytes([b[0], b[1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository whose index libgit2 wrote, holding `names` under `cases/`.
    fn repo_with(names: &[&str]) -> (tempfile::TempDir, git2::Repository) {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        std::fs::create_dir(dir.path().join("cases")).unwrap();
        std::fs::write(dir.path().join("policy.json"), b"{}\n").unwrap();
        let mut index = repo.index().unwrap();
        index.add_path(Path::new("policy.json")).unwrap();
        for name in names {
            let rel = format!("cases/{name}");
            std::fs::write(dir.path().join(&rel), name.as_bytes()).unwrap();
            index.add_path(Path::new(&rel)).unwrap();
        }
        index.write_tree().unwrap();
        index.write().unwrap();
        (dir, repo)
    }

    fn entries(path: &Path) -> Vec<(String, git2::Oid, u32)> {
        let index = git2::Index::open(path).unwrap();
        index
            .iter()
            .map(|e| (String::from_utf8(e.path).unwrap(), e.id, e.file_size))
            .collect()
    }

    #[test]
    fn replaces_inserts_and_removes_entries_as_libgit2_reads_them() {
        let (dir, repo) = repo_with(&["B.json", "D.json", "F.json"]);
        let index_path = repo.path().join("index");
        let raw = RawIndex::read(&index_path).expect("libgit2 writes version 2");
        let staged = |name: &str, text: &[u8]| {
            let path = dir.path().join("cases").join(name);
            std::fs::write(&path, text).unwrap();
            Some(repo.blob(text).unwrap())
        };
        let a_long_name = format!("{}.json", "A".repeat(5000));
        let changes = [
            NewEntry {
                path: "cases/D.json",
                staged: staged("D.json", b"changed"),
            },
            NewEntry {
                path: "cases/C.json",
                staged: staged("C.json", b"new"),
            },
            NewEntry {
                path: "cases/F.json",
                staged: None,
            },
            NewEntry {
                path: "cases/Z.json",
                staged: staged("Z.json", b"last"),
            },
            NewEntry {
                path: "cases/Q.json",
                staged: None,
            },
        ];
        let mut edited = raw.with(&changes).unwrap();
        for name in ["C.json", "D.json", "Z.json"] {
            let meta = std::fs::metadata(dir.path().join("cases").join(name)).unwrap();
            edited.set_stat(&format!("cases/{name}"), &Stat::of(&meta));
        }
        let bytes = edited.finish(None, "cases", None);
        write(&index_path, &bytes).unwrap();
        assert!(!index_path.with_extension("lock").exists());
        let blob = |text: &[u8]| git2::Oid::hash_object(git2::ObjectType::Blob, text).unwrap();
        assert_eq!(
            entries(&index_path),
            [
                ("cases/B.json".to_owned(), blob(b"B.json"), 6),
                ("cases/C.json".to_owned(), blob(b"new"), 3),
                ("cases/D.json".to_owned(), blob(b"changed"), 7),
                ("cases/Z.json".to_owned(), blob(b"last"), 4),
                ("policy.json".to_owned(), blob(b"{}\n"), 3),
            ]
        );
        // The work tree matches the index (there is no HEAD to compare with).
        std::fs::remove_file(dir.path().join("cases/F.json")).unwrap();
        let statuses = repo.statuses(None).unwrap();
        let in_work_tree = git2::Status::WT_NEW
            | git2::Status::WT_MODIFIED
            | git2::Status::WT_DELETED
            | git2::Status::WT_TYPECHANGE;
        assert!(
            statuses
                .iter()
                .all(|s| !s.status().intersects(in_work_tree)),
            "{:?}",
            statuses.iter().map(|s| s.status()).collect::<Vec<_>>()
        );
        // A name longer than the flags can count is found by its NUL (no
        // file system takes it, so it is only staged).
        let raw = RawIndex::read(&index_path).unwrap();
        let long = raw
            .with(&[NewEntry {
                path: &format!("cases/{a_long_name}"),
                staged: Some(blob(b"long")),
            }])
            .unwrap()
            .finish(None, "cases", None);
        write(&index_path, &long).unwrap();
        let again = RawIndex::read(&index_path).unwrap();
        assert_eq!(again.entries.len(), 6);
        assert_eq!(entries(&index_path)[0].0, format!("cases/{a_long_name}"));
    }

    #[test]
    fn leaves_other_layouts_to_libgit2() {
        let (_dir, repo) = repo_with(&["A.json"]);
        let index_path = repo.path().join("index");
        let mut index = repo.index().unwrap();
        index.set_version(4).unwrap();
        index.write().unwrap();
        assert!(RawIndex::read(&index_path).is_none(), "version 4");

        let mut bytes = std::fs::read(&index_path).unwrap();
        bytes.truncate(bytes.len() - HASH);
        bytes.extend_from_slice(b"link\0\0\0\0");
        bytes.extend_from_slice(&[0; HASH]);
        bytes[4..8].copy_from_slice(&2u32.to_be_bytes());
        assert!(RawIndex::parse(bytes).is_none(), "a required extension");

        assert!(RawIndex::parse(b"DIRC\0\0\0\x02\0\0\0\x05".to_vec()).is_none());
        assert!(RawIndex::parse(Vec::new()).is_none());
    }

    #[test]
    fn finds_top_level_trees_past_nested_ones_and_updates_only_those_committed() {
        let id = |n: u8| git2::Oid::from_bytes(&[n; 20]).unwrap();
        let mut ext = Vec::new();
        write_tree_entry(&mut ext, b"", Some((id(1), 9)), 2);
        write_tree_entry(&mut ext, b"advisories", None, 1);
        write_tree_entry(&mut ext, b"cases", Some((id(3), 2)), 0);
        write_tree_entry(&mut ext, b"cases", Some((id(4), 5)), 0);
        let trees = parse_trees(&ext).unwrap();
        assert_eq!(top_level(&trees).collect::<Vec<_>>(), [1, 3]);

        let (_dir, repo) = repo_with(&["A.json"]);
        let mut bytes = std::fs::read(repo.path().join("index")).unwrap();
        bytes.truncate(bytes.len() - HASH);
        bytes.extend_from_slice(b"TREE");
        bytes.extend_from_slice(&(ext.len() as u32).to_be_bytes());
        bytes.extend_from_slice(&ext);
        bytes.extend_from_slice(&[0; HASH]);
        let raw = RawIndex::parse(bytes).unwrap();
        assert_eq!(raw.cached_tree(""), Some(id(1)));
        assert_eq!(raw.cached_tree("cases"), Some(id(4)));
        assert_eq!(raw.cached_tree("advisories"), None);

        let out = raw
            .with(&[])
            .unwrap()
            .finish(None, "cases", Some((id(7), 1)));
        let again = RawIndex::parse(out).unwrap();
        assert_eq!(again.cached_tree(""), None);
        assert_eq!(again.cached_tree("cases"), Some(id(7)));
        let trees = again.cached_trees();
        assert_eq!(trees.len(), 4);
        assert_eq!(trees[2].id, Some(id(3)), "the nested cases/ is left alone");
    }

    #[test]
    fn marks_stale_every_cached_tree_above_a_change_and_keeps_the_rest() {
        let id = |n: u8| git2::Oid::from_bytes(&[n; 20]).unwrap();
        let mut ext = Vec::new();
        write_tree_entry(&mut ext, b"", Some((id(1), 9)), 3);
        write_tree_entry(&mut ext, b"advisories", Some((id(2), 4)), 1);
        write_tree_entry(&mut ext, b"SA-1", Some((id(3), 2)), 0);
        write_tree_entry(&mut ext, b"cases", Some((id(4), 2)), 0);
        write_tree_entry(&mut ext, b"templates", Some((id(5), 1)), 0);
        let trees = parse_trees(&ext).unwrap();
        let full = full_paths(&trees);
        let full: Vec<&[u8]> = full.iter().map(Vec::as_slice).collect();
        assert_eq!(
            full,
            [
                &b""[..],
                b"advisories",
                b"advisories/SA-1",
                b"cases",
                b"templates"
            ]
        );

        let (_dir, repo) = repo_with(&["A.json"]);
        let mut bytes = std::fs::read(repo.path().join("index")).unwrap();
        bytes.truncate(bytes.len() - HASH);
        bytes.extend_from_slice(b"TREE");
        bytes.extend_from_slice(&(ext.len() as u32).to_be_bytes());
        bytes.extend_from_slice(&ext);
        bytes.extend_from_slice(&[0; HASH]);
        let raw = RawIndex::parse(bytes).unwrap();
        let edited = raw.with(&[]).unwrap();
        let new = edited.extension(
            Some(id(7)),
            &[("cases", Some((id(8), 2)))],
            &["advisories/SA-1/advisory.md"],
        );
        let trees = parse_trees(&new).unwrap();
        let ids: Vec<Option<git2::Oid>> = trees.iter().map(|t| t.id).collect();
        assert_eq!(ids, [Some(id(7)), None, None, Some(id(8)), Some(id(5))]);
        let subtrees: Vec<usize> = trees.iter().map(|t| t.subtrees).collect();
        assert_eq!(subtrees, [3, 1, 0, 0, 0], "the shape is kept");
    }
}
