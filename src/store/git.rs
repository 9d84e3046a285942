//! The store's git repository, driven in-process through git2: one commit per
//! change, authored by the user's git identity.

use std::path::Path;

use git2::{Repository, RepositoryInitOptions};

use sha1::Digest as _;

use crate::error::{Error, Result};

/// Who commits: from git config, else `DISCLOSE_AUTHOR_NAME`/`_EMAIL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

impl Identity {
    /// `Name <email>`, as recorded in events.
    pub fn by(&self) -> String {
        format!("{} <{}>", self.name, self.email)
    }
}

pub(crate) const BRANCH: &str = "main";

/// Creates a repository at `root` with `main` as its first branch, whatever
/// `init.defaultBranch` says on this machine.
pub(crate) fn init(root: &Path) -> Result<Repository> {
    let mut opts = RepositoryInitOptions::new();
    opts.initial_head(BRANCH).mkpath(false);
    Repository::init_opts(root, &opts)
        .map_err(|e| Error::git(format!("create a repository at {}", root.display()), e))
}

pub(crate) fn open(root: &Path) -> Result<Repository> {
    // Every object a commit here points at was just written from the index
    // by this process (or git): checking that each of the store's blobs
    // exists, as libgit2 does by default, costs more than the commit itself
    // in a large store.
    git2::opts::strict_object_creation(false);
    // Nor re-hash each object read back (the parent's `cases` tree is
    // megabytes): git itself trusts its object store on reads and leaves
    // checking to `git fsck`.
    git2::opts::strict_hash_verification(false);
    Repository::open(root)
        .map_err(|e| Error::git(format!("open the repository at {}", root.display()), e))
}

/// The repository whose work tree contains `path` (or its nearest existing
/// ancestor), if any.
pub(crate) fn enclosing_work_tree(path: &Path) -> Option<std::path::PathBuf> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let repo = Repository::discover(existing).ok()?;
    repo.workdir().map(Path::to_path_buf)
}

/// The commit identity: repository config, then global config, then the
/// environment's fallbacks.
pub(crate) fn identity(
    repo: Option<&Repository>,
    fallback_name: Option<&str>,
    fallback_email: Option<&str>,
) -> Result<Identity> {
    let config = match repo {
        Some(repo) => repo.config().ok(),
        None => git2::Config::open_default().ok(),
    };
    let get = |key: &str| {
        config
            .as_ref()
            .and_then(|c| c.get_string(key).ok())
            .filter(|v| !v.trim().is_empty())
    };
    let name = get("user.name").or_else(|| fallback_name.map(str::to_owned));
    let email = get("user.email").or_else(|| fallback_email.map(str::to_owned));
    match (name, email) {
        (Some(name), Some(email)) => Ok(Identity { name, email }),
        (name, _) => {
            let missing = if name.is_none() { "name" } else { "email" };
            Err(Error::input(format!(
                "no author {missing} to record this change with: every change to the store is a git commit"
            ))
            .with_hint(
                "set one with `git config --global user.name \"Your Name\"` and \
                 `git config --global user.email you@example.org`, or set \
                 DISCLOSE_AUTHOR_NAME and DISCLOSE_AUTHOR_EMAIL",
            ))
        }
    }
}

pub(crate) fn is_case_file(path: &str) -> bool {
    path.strip_prefix(CASES)
        .is_some_and(|name| !name.is_empty() && !name.contains('/'))
}

pub(crate) const CASES: &str = "cases/";
const FILE_MODE: &[u8] = b"100644";

/// `head` with its `cases` entry pointing at `cases_id`.
pub(crate) fn with_cases(
    repo: &Repository,
    head: &git2::Tree<'_>,
    cases_id: git2::Oid,
) -> std::result::Result<git2::Oid, git2::Error> {
    let mut root = repo.treebuilder(Some(head))?;
    root.insert("cases", cases_id, 0o040000)?;
    root.write()
}

/// The raw `cases` tree `cases_id` with the entries of `paths` (all
/// directly in `cases/`) replaced, inserted or removed as `staged` says;
/// `None` if the tree holds anything but plain files.
pub(crate) fn spliced_cases(
    repo: &Repository,
    staged: impl Fn(&str) -> Option<git2::Oid>,
    cases_id: git2::Oid,
    paths: &[String],
) -> std::result::Result<Option<Vec<u8>>, git2::Error> {
    let names: Vec<&str> = paths.iter().filter_map(|p| p.strip_prefix(CASES)).collect();
    let odb = repo.odb()?;
    let raw = odb.read(cases_id)?;
    let Some(mut entries) = parse_tree(raw.data()) else {
        return Ok(None);
    };
    if entries.iter().any(|e| e.mode != FILE_MODE) {
        return Ok(None);
    }
    for name in names {
        let at = entries.binary_search_by(|e| e.name.cmp(name.as_bytes()));
        match (at, staged(&format!("{CASES}{name}"))) {
            (Ok(i), Some(id)) => entries[i].id = id,
            (Err(i), Some(id)) => entries.insert(
                i,
                RawEntry {
                    mode: FILE_MODE,
                    name: name.as_bytes(),
                    id,
                },
            ),
            (Ok(i), None) => {
                entries.remove(i);
            }
            (Err(_), None) => {}
        }
    }
    let mut bytes = Vec::with_capacity(raw.data().len() + 64);
    for e in &entries {
        bytes.extend_from_slice(e.mode);
        bytes.push(b' ');
        bytes.extend_from_slice(e.name);
        bytes.push(0);
        bytes.extend_from_slice(e.id.as_bytes());
    }
    Ok(Some(bytes))
}

/// Writes a tree object as a loose object whose zlib stream uses stored
/// (uncompressed) blocks. Any zlib stream is a valid loose object; skipping
/// compression halves the cost of a commit in a large store, where the
/// `cases` tree is megabytes, and `git gc` packs it compressed later.
pub(crate) fn write_tree_stored(
    repo: &Repository,
    data: &[u8],
) -> std::result::Result<git2::Oid, git2::Error> {
    // A plain SHA-1 of the object (libgit2's detects collision attacks,
    // which cannot hide in a tree of names and ids written here, at a third
    // of the speed).
    let mut hasher = sha1::Sha1::new();
    hasher.update(format!("tree {}\0", data.len()).as_bytes());
    hasher.update(data);
    let id = git2::Oid::from_bytes(&hasher.finalize())?;
    let hex = id.to_string();
    let dir = repo.path().join("objects").join(&hex[..2]);
    let path = dir.join(&hex[2..]);
    if path.exists() {
        return Ok(id);
    }
    let io = |e: std::io::Error| git2::Error::from_str(&format!("write tree object {hex}: {e}"));
    let mut object = format!("tree {}\0", data.len()).into_bytes();
    object.extend_from_slice(data);
    let stream = zlib_stored(&object);
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut tmp = tempfile::Builder::new()
        .prefix("tmp_obj_")
        .tempfile_in(&dir)
        .map_err(io)?;
    std::io::Write::write_all(&mut tmp, &stream).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o444));
    }
    tmp.persist(&path).map_err(|e| io(e.error))?;
    Ok(id)
}

/// `data` as a zlib stream of stored blocks (RFC 1950/1951).
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 65535 * 5 + 16);
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(0xFFFF).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        let len = chunk.len() as u16;
        out.push(u8::from(last));
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 is the most bytes that can be summed before `b` could overflow.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

struct RawEntry<'a> {
    mode: &'a [u8],
    name: &'a [u8],
    id: git2::Oid,
}

/// The entries of a raw tree object: `<mode> <name>\0<20-byte id>`, repeated.
fn parse_tree(mut data: &[u8]) -> Option<Vec<RawEntry<'_>>> {
    let mut entries = Vec::new();
    while !data.is_empty() {
        let space = data.iter().position(|&b| b == b' ')?;
        let nul = space + data[space..].iter().position(|&b| b == 0)?;
        let id = git2::Oid::from_bytes(data.get(nul + 1..nul + 21)?).ok()?;
        entries.push(RawEntry {
            mode: &data[..space],
            name: &data[space + 1..nul],
            id,
        });
        data = &data[nul + 21..];
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_zlib_round_trips_through_git() {
        let dir = tempfile::tempdir().unwrap();
        let repo = init(dir.path()).unwrap();
        let blob = repo.blob(b"hello").unwrap();
        let mut data = Vec::new();
        for i in 0..5000 {
            data.extend_from_slice(format!("100644 f{i:05}\0").as_bytes());
            data.extend_from_slice(blob.as_bytes());
        }
        assert!(data.len() > 0xFFFF, "spans several stored blocks");
        let id = write_tree_stored(&repo, &data).unwrap();
        let tree = repo.find_tree(id).unwrap();
        assert_eq!(tree.len(), 5000);
        assert_eq!(tree.get(0).unwrap().id(), blob);
        assert_eq!(repo.odb().unwrap().read(id).unwrap().data(), &data[..]);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}
