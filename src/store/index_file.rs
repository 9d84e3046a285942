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
}

/// What a changed path becomes: an entry with this stat data and blob, or
/// nothing (the file was removed).
pub(crate) struct NewEntry<'a> {
    pub(crate) path: &'a str,
    pub(crate) staged: Option<(std::fs::Metadata, git2::Oid)>,
}

impl RawIndex {
    /// Reads the index at `path`; `None` if it is missing or not a layout
    /// handled here.
    pub(crate) fn read(path: &Path) -> Option<Self> {
        Self::parse(std::fs::read(path).ok()?)
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
        while at < body_end {
            let header = bytes.get(at..at + 8)?;
            if !header[0].is_ascii_uppercase() {
                return None;
            }
            at = at.checked_add(8 + be32(&header[4..8]) as usize)?;
        }
        if at != body_end {
            return None;
        }
        Some(Self {
            bytes,
            version,
            entries,
        })
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

    /// The index with `changes` applied, checksummed; `None` if a changed
    /// entry carries flags this does not keep (skip-worktree, intent-to-add).
    pub(crate) fn with(&self, changes: &[NewEntry<'_>]) -> Option<Vec<u8>> {
        let mut changes: Vec<&NewEntry<'_>> = changes.iter().collect();
        changes.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        let mut out = Vec::with_capacity(self.bytes.len() + changes.len() * 96);
        out.extend_from_slice(b"DIRC");
        out.extend_from_slice(&self.version.to_be_bytes());
        out.extend_from_slice(&[0; 4]);
        let mut count: u32 = 0;
        let mut next = 0;
        for change in changes {
            let name = change.path.as_bytes();
            let at = next + self.entries[next..].partition_point(|&e| self.name(e) < name);
            for &(start, end) in &self.entries[next..at] {
                out.extend_from_slice(&self.bytes[start..end]);
                count += 1;
            }
            next = at;
            if let Some(&e) = self.entries.get(at)
                && self.name(e) == name
            {
                if self.extended(e) {
                    return None;
                }
                next += 1;
            }
            if let Some((meta, id)) = &change.staged {
                write_entry(&mut out, name, meta, *id);
                count += 1;
            }
        }
        for &(start, end) in &self.entries[next..] {
            out.extend_from_slice(&self.bytes[start..end]);
            count += 1;
        }
        out[8..12].copy_from_slice(&count.to_be_bytes());
        let sum = Sha1::digest(&out);
        out.extend_from_slice(&sum);
        Some(out)
    }
}

/// One stage-0 entry for a regular, non-executable file (the only kind a
/// commit of case files writes).
fn write_entry(out: &mut Vec<u8>, name: &[u8], meta: &std::fs::Metadata, id: git2::Oid) {
    let start = out.len();
    // The index keeps the low 32 bits of each field, as git does.
    let mut field = |v: i64| out.extend_from_slice(&(v as u32).to_be_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        field(meta.ctime());
        field(meta.ctime_nsec());
        field(meta.mtime());
        field(meta.mtime_nsec());
        field(meta.dev() as i64);
        field(meta.ino() as i64);
        field(0o100644);
        field(i64::from(meta.uid()));
        field(i64::from(meta.gid()));
        field(meta.size() as i64);
    }
    #[cfg(not(unix))]
    {
        for _ in 0..6 {
            field(0);
        }
        field(0o100644);
        field(0);
        field(0);
        field(meta.len() as i64);
    }
    out.extend_from_slice(id.as_bytes());
    let flags = name.len().min(usize::from(NAME_MASK)) as u16;
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(name);
    let padded = start + (FIXED + name.len() + 8) / 8 * 8;
    out.resize(padded, 0);
}

/// Replaces the index at `path` with `bytes` the way git does: through
/// `index.lock`, created exclusively, so a concurrent git command either
/// waits for it or fails rather than losing either write.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
            let meta = std::fs::metadata(&path).unwrap();
            Some((meta, repo.blob(text).unwrap()))
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
        let bytes = raw.with(&changes).unwrap();
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
        let meta = std::fs::metadata(dir.path().join("policy.json")).unwrap();
        let long = raw
            .with(&[NewEntry {
                path: &format!("cases/{a_long_name}"),
                staged: Some((meta, blob(b"long"))),
            }])
            .unwrap();
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
}
