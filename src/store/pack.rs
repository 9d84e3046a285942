//! Moving commits between two repositories on this machine (a path
//! remote) without libgit2's pack builder, which tries every object against
//! its neighbours for a delta: in a large store each commit's `cases` tree
//! is megabytes, and that search took minutes for a hundred commits.
//!
//! Here a pack is written directly: commits and blobs whole, and each large
//! tree as a delta against the same tree of the tip being sent (one whole
//! copy per pack), which is a few entries long since a commit changes a few
//! files; then its index, since every object's id is already known. The
//! pack is written with stored (uncompressed) zlib blocks; git compresses it
//! when it next packs the repository. Objects read from another repository
//! are hashed to check they are what their id says.

use std::collections::{HashMap, HashSet};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use git2::{ObjectType, Oid, Repository, Sort};
use sha1::{Digest as _, Sha1};

use crate::error::{Error, Result};

/// A tree at least this large is sent as a delta when it can be.
const DELTA_MIN: usize = 16 << 10;
const TREE_MODE: u32 = 0o040_000;

/// Writes into `dst_objects` (the `objects` directory of the repository
/// that receives) one pack holding everything `want` reaches that the
/// commits in `haves` do not, and returns how many commits it holds.
/// `haves` are what the receiver has (those `src` does not know are
/// ignored); `verify` hashes every object read from `src`.
pub(crate) fn send(
    src: &Repository,
    dst_objects: &Path,
    want: Oid,
    haves: &[Oid],
    verify: bool,
) -> Result<usize> {
    let fail = |e| Error::git("list the commits to send", e);
    let odb = src.odb().map_err(fail)?;
    let mut walk = src.revwalk().map_err(fail)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(fail)?;
    walk.push(want).map_err(fail)?;
    for have in haves {
        if odb.exists(*have) && src.find_commit(*have).is_ok() {
            walk.hide(*have).map_err(fail)?;
        }
    }
    let commits = walk
        .collect::<std::result::Result<Vec<Oid>, _>>()
        .map_err(fail)?;
    if commits.is_empty() {
        return Ok(0);
    }
    let mut source = Source {
        odb,
        verify,
        trees: HashMap::new(),
        order: Vec::new(),
    };
    let centre = commit_tree(src, want)?;
    let mut writer = Writer::create(&dst_objects.join("pack"))?;
    let mut sender = Sender {
        source: &mut source,
        writer: &mut writer,
        centre,
        bases: HashMap::new(),
        base_trees: HashMap::new(),
        walked: HashSet::new(),
    };
    for &commit in &commits {
        let data = sender.source.raw(commit, ObjectType::Commit)?;
        sender.writer.whole(ObjectType::Commit, commit, &data)?;
        let parsed = src
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?;
        let parent = match parsed.parent_ids().next() {
            Some(p) => Some(commit_tree(src, p)?),
            None => None,
        };
        sender.tree(parent, parsed.tree_id(), "")?;
    }
    drop(sender);
    writer.finish()?;
    Ok(commits.len())
}

fn commit_tree(repo: &Repository, commit: Oid) -> Result<Oid> {
    repo.find_commit(commit)
        .map(|c| c.tree_id())
        .map_err(|e| Error::git(format!("read commit {commit}"), e))
}

/// The objects of the sending repository, read (and checked) once.
struct Source<'r> {
    odb: git2::Odb<'r>,
    verify: bool,
    /// The last few trees read: a commit's parent's tree is the tree read
    /// for the commit before it.
    trees: HashMap<Oid, Rc<Tree>>,
    order: Vec<Oid>,
}

impl Source<'_> {
    fn raw(&self, id: Oid, kind: ObjectType) -> Result<Vec<u8>> {
        let object = self
            .odb
            .read(id)
            .map_err(|e| Error::git(format!("read object {id}"), e))?;
        if object.kind() != kind {
            return Err(Error::store(format!(
                "object {id} is a {}, not a {}",
                object.kind(),
                kind
            )));
        }
        let data = object.data().to_vec();
        if self.verify {
            check_id(id, kind, &data)?;
        }
        Ok(data)
    }

    fn tree(&mut self, id: Oid) -> Result<Rc<Tree>> {
        if let Some(tree) = self.trees.get(&id) {
            return Ok(Rc::clone(tree));
        }
        let data = self.raw(id, ObjectType::Tree)?;
        let tree = Tree::parse(data).ok_or_else(|| damaged(id))?;
        Ok(self.keep(id, tree))
    }

    /// Keeps `tree` among the last few read.
    fn keep(&mut self, id: Oid, tree: Tree) -> Rc<Tree> {
        let tree = Rc::new(tree);
        if self.order.len() >= 3 {
            let old = self.order.remove(0);
            self.trees.remove(&old);
        }
        self.order.push(id);
        self.trees.insert(id, Rc::clone(&tree));
        tree
    }
}

fn damaged(id: Oid) -> Error {
    Error::store(format!("tree {id} is damaged: its entries do not parse"))
}

/// Checks that `data` hashes to `id` as an object of `kind`.
fn check_id(id: Oid, kind: ObjectType, data: &[u8]) -> Result<()> {
    if object_id(kind, data) == id {
        Ok(())
    } else {
        Err(Error::store(format!(
            "object {id} does not hold what its id says (the repository is damaged)"
        ))
        .with_hint("check the remote with `git fsck`"))
    }
}

fn object_id(kind: ObjectType, data: &[u8]) -> Oid {
    let mut hasher = Sha1::new();
    hasher.update(format!("{} {}\0", kind.str(), data.len()).as_bytes());
    hasher.update(data);
    Oid::from_bytes(&hasher.finalize()).expect("a SHA-1 is 20 bytes")
}

struct Sender<'a, 'r> {
    source: &'a mut Source<'r>,
    writer: &'a mut Writer,
    /// The root tree of the tip being sent: large trees are deltas against
    /// its tree at the same path.
    centre: Oid,
    /// The tip's tree at each path, once looked up (and written whole when
    /// a delta first needs it).
    bases: HashMap<String, Option<Oid>>,
    /// Those trees, kept while the pack is written.
    base_trees: HashMap<Oid, Rc<Tree>>,
    /// The trees whose entries were sent (a base tree is written before
    /// the commit that has it is reached).
    walked: HashSet<Oid>,
}

impl Sender<'_, '_> {
    /// Writes tree `new` at `path` and what it holds that `old` (the same
    /// path in the first parent) does not.
    fn tree(&mut self, old: Option<Oid>, new: Oid, path: &str) -> Result<()> {
        if old == Some(new) || !self.walked.insert(new) {
            return Ok(());
        }
        let before = match old {
            Some(old) => self.source.tree(old)?,
            None => Rc::new(Tree::empty()),
        };
        let mut changed: Vec<(Option<Owned>, Owned)> = Vec::new();
        let tree = match self.source.trees.get(&new) {
            Some(tree) => {
                let tree = Rc::clone(tree);
                diff_trees(&before, &tree.data, &mut |o, n| {
                    changed.push((o.map(Owned::from), Owned::from(n)));
                })
                .ok_or_else(|| damaged(new))?;
                tree
            }
            None => {
                let data = self.source.raw(new, ObjectType::Tree)?;
                let starts = diff_trees(&before, &data, &mut |o, n| {
                    changed.push((o.map(Owned::from), Owned::from(n)));
                })
                .ok_or_else(|| damaged(new))?;
                self.source.keep(new, Tree { data, starts })
            }
        };
        self.write_tree(new, &tree, path)?;
        drop(tree);
        for (old, new) in &changed {
            self.entry(old.as_ref().map(Owned::entry), new.entry(), path)?;
        }
        Ok(())
    }

    fn entry(&mut self, old: Option<Entry<'_>>, new: Entry<'_>, path: &str) -> Result<()> {
        let name = String::from_utf8_lossy(new.name);
        let sub = format!("{path}{name}");
        match new.mode {
            TREE_MODE => {
                let old = old.filter(|o| o.mode == TREE_MODE).map(|o| o.id);
                self.tree(old, new.id, &format!("{sub}/"))
            }
            // A submodule's commit is not an object of this repository.
            0o160_000 => Ok(()),
            _ if self.writer.has(new.id) => Ok(()),
            _ => {
                let data = self.source.raw(new.id, ObjectType::Blob)?;
                self.writer.whole(ObjectType::Blob, new.id, &data)
            }
        }
    }

    /// Writes a tree: as a delta against the tip's tree at `path` when it
    /// is large, else whole.
    fn write_tree(&mut self, id: Oid, tree: &Tree, path: &str) -> Result<()> {
        if tree.data.len() < DELTA_MIN {
            return self.writer.whole(ObjectType::Tree, id, &tree.data);
        }
        let Some(base) = self.base(path)? else {
            return self.writer.whole(ObjectType::Tree, id, &tree.data);
        };
        if base == id {
            return self.writer.whole(ObjectType::Tree, id, &tree.data);
        }
        let base_tree = match self.base_trees.get(&base) {
            Some(tree) => Rc::clone(tree),
            None => {
                let tree = self.source.tree(base)?;
                self.base_trees.insert(base, Rc::clone(&tree));
                tree
            }
        };
        if !self.writer.has(base) {
            self.writer.whole(ObjectType::Tree, base, &base_tree.data)?;
        }
        let delta = tree_delta(&base_tree, tree);
        self.writer.delta(id, base, &delta)
    }

    /// The tip's tree at `path` (`""` is the root, `a/b/` a subtree).
    fn base(&mut self, path: &str) -> Result<Option<Oid>> {
        if let Some(found) = self.bases.get(path) {
            return Ok(*found);
        }
        let mut at = Some(self.centre);
        for name in path.split('/').filter(|n| !n.is_empty()) {
            let Some(tree) = at else { break };
            let tree = self.source.tree(tree)?;
            at = (0..tree.len())
                .map(|i| tree.entry(i))
                .find(|e| e.mode == TREE_MODE && e.name == name.as_bytes())
                .map(|e| e.id);
        }
        self.bases.insert(path.to_owned(), at);
        Ok(at)
    }
}

/// A raw tree object and where each of its entries starts.
struct Tree {
    data: Vec<u8>,
    /// The start of each entry, and the end of the data last.
    starts: Vec<u32>,
}

/// One entry of a raw tree.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    mode: u32,
    name: &'a [u8],
    id: Oid,
}

impl Entry<'_> {
    /// Git's order: by name, a tree's name read as if it ended in `/`.
    fn cmp_git(&self, other: &Entry<'_>) -> std::cmp::Ordering {
        let len = self.name.len().min(other.name.len());
        let end = |e: &Entry<'_>| match e.name.get(len) {
            Some(&b) => b,
            None if e.mode == TREE_MODE => b'/',
            None => 0,
        };
        self.name[..len]
            .cmp(&other.name[..len])
            .then_with(|| end(self).cmp(&end(other)))
    }
}

impl Tree {
    fn empty() -> Self {
        Self {
            data: Vec::new(),
            starts: vec![0],
        }
    }

    fn parse(data: Vec<u8>) -> Option<Self> {
        let mut starts = Vec::with_capacity(data.len() / 48 + 1);
        let mut at = 0;
        while at < data.len() {
            starts.push(u32::try_from(at).ok()?);
            at = entry_end(&data, at)?;
        }
        starts.push(u32::try_from(at).ok()?);
        Some(Self { data, starts })
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn start(&self, i: usize) -> usize {
        self.starts[i] as usize
    }

    fn entry(&self, i: usize) -> Entry<'_> {
        // Every entry was checked when the tree was read.
        entry_at(&self.data[self.start(i)..self.start(i + 1)]).unwrap_or(Entry {
            mode: 0,
            name: &[],
            id: Oid::ZERO_SHA1,
        })
    }
}

/// An entry owned, to visit after its tree is put away.
struct Owned {
    mode: u32,
    name: Vec<u8>,
    id: Oid,
}

impl From<Entry<'_>> for Owned {
    fn from(e: Entry<'_>) -> Self {
        Self {
            mode: e.mode,
            name: e.name.to_vec(),
            id: e.id,
        }
    }
}

impl Owned {
    fn entry(&self) -> Entry<'_> {
        Entry {
            mode: self.mode,
            name: &self.name,
            id: self.id,
        }
    }
}

/// The entry whose bytes are exactly `bytes`.
fn entry_at(bytes: &[u8]) -> Option<Entry<'_>> {
    let space = bytes.iter().position(|&b| b == b' ')?;
    let nul = bytes.len().checked_sub(21)?;
    if bytes[nul] != 0 || nul <= space {
        return None;
    }
    Some(Entry {
        mode: octal(&bytes[..space])?,
        name: &bytes[space + 1..nul],
        id: Oid::from_bytes(&bytes[nul + 1..]).ok()?,
    })
}

fn octal(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 7 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &d| {
        (b'0'..=b'7')
            .contains(&d)
            .then(|| n * 8 + u32::from(d - b'0'))
    })
}

/// Where the entry starting at `at` ends, if it is well formed.
fn entry_end(data: &[u8], at: usize) -> Option<usize> {
    let rest = &data[at..];
    let space = rest.iter().take(8).position(|&b| b == b' ')?;
    octal(&rest[..space])?;
    let nul = space + 1 + rest[space + 1..].iter().position(|&b| b == 0)?;
    let end = nul + 21;
    (end <= rest.len()).then_some(at + end)
}

/// Compares `after` (a raw tree) with `before` entry by entry, calling
/// `changed` for each entry of `after` that `before` does not hold as it
/// is (with `before`'s entry of the same name, if any), and returns where
/// `after`'s entries start. Runs of entries the two share are found by
/// comparing bytes, so only the changed entries are parsed. `None` if
/// `after` is not a well-formed tree.
fn diff_trees(
    before: &Tree,
    after: &[u8],
    changed: &mut dyn FnMut(Option<Entry<'_>>, Entry<'_>),
) -> Option<Vec<u32>> {
    let mut starts = Vec::with_capacity(before.starts.len() + 8);
    let (mut i, mut at) = (0, 0);
    while at < after.len() {
        if i < before.len() {
            let from = before.start(i);
            let same = common_prefix(&before.data[from..], &after[at..]);
            // The last entry boundary of `before` within the shared bytes;
            // the same bytes are whole entries of `after` too.
            let k = before
                .starts
                .partition_point(|&s| s as usize <= from + same)
                - 1;
            if k > i {
                let shift = |s: u32| u32::try_from(s as usize - from + at).ok();
                for &s in &before.starts[i..k] {
                    starts.push(shift(s)?);
                }
                at += before.start(k) - from;
                i = k;
                continue;
            }
        }
        let end = entry_end(after, at)?;
        let entry = entry_at(&after[at..end])?;
        let mut old = None;
        if i < before.len() {
            let b = before.entry(i);
            match b.cmp_git(&entry) {
                std::cmp::Ordering::Less => {
                    // Gone from `after`: look for a shared run again.
                    i += 1;
                    continue;
                }
                std::cmp::Ordering::Equal => {
                    old = Some(b);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {}
            }
        }
        changed(old, entry);
        starts.push(u32::try_from(at).ok()?);
        at = end;
    }
    starts.push(u32::try_from(at).ok()?);
    Some(starts)
}

/// A git delta that makes `target` from `base`: runs of entries the two
/// share are copied, found by comparing the bytes; the rest is inserted.
/// The delta is exact whatever order the entries are in.
fn tree_delta(base: &Tree, target: &Tree) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    push_size(&mut out, base.data.len());
    push_size(&mut out, target.data.len());
    let mut pending: Vec<u8> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while j < target.len() {
        let at = target.start(j);
        if i < base.len() {
            let from = base.start(i);
            let same = common_prefix(&base.data[from..], &target.data[at..]);
            let k = base.starts.partition_point(|&s| s as usize <= from + same) - 1;
            if k > i {
                let len = base.start(k) - from;
                flush_insert(&mut out, &mut pending);
                push_copy(&mut out, from, len);
                j = target.partition_from(j, at + len);
                i = k;
                continue;
            }
            match base.entry(i).cmp_git(&target.entry(j)) {
                std::cmp::Ordering::Less => {
                    i += 1;
                    continue;
                }
                std::cmp::Ordering::Equal => i += 1,
                std::cmp::Ordering::Greater => {}
            }
        }
        pending.extend_from_slice(&target.data[at..target.start(j + 1)]);
        j += 1;
    }
    flush_insert(&mut out, &mut pending);
    out
}

impl Tree {
    /// The index of the entry starting at byte `at`, searching from `from`.
    fn partition_from(&self, from: usize, at: usize) -> usize {
        from + self.starts[from..].partition_point(|&s| (s as usize) < at)
    }
}

/// How many leading bytes `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = u64::from_le_bytes(a[i..i + 8].try_into().expect("8 bytes"));
        let y = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        if x != y {
            return i + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn push_size(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn push_copy(out: &mut Vec<u8>, mut offset: usize, mut len: usize) {
    const MAX: usize = 0xffff;
    while len > 0 {
        let n = len.min(MAX);
        let mut op = 0x80u8;
        let mut args = Vec::with_capacity(7);
        for (bit, byte) in (offset as u32).to_le_bytes().iter().enumerate() {
            if *byte != 0 {
                op |= 1 << bit;
                args.push(*byte);
            }
        }
        for (bit, byte) in (n as u32).to_le_bytes()[..2].iter().enumerate() {
            if *byte != 0 {
                op |= 0x10 << bit;
                args.push(*byte);
            }
        }
        out.push(op);
        out.extend_from_slice(&args);
        offset += n;
        len -= n;
    }
}

fn flush_insert(out: &mut Vec<u8>, pending: &mut Vec<u8>) {
    for chunk in pending.chunks(0x7f) {
        out.push(chunk.len() as u8);
        out.extend_from_slice(chunk);
    }
    pending.clear();
}

/// A pack being written, and what its index will say.
struct Writer {
    dir: PathBuf,
    file: std::io::BufWriter<tempfile::NamedTempFile>,
    offset: u64,
    /// Each object's id, offset and the CRC-32 of its packed bytes.
    entries: Vec<(Oid, u64, u32)>,
    offsets: HashMap<Oid, u64>,
    seen: HashSet<Oid>,
}

const OBJ_OFS_DELTA: u8 = 6;
const HEADER_LEN: u64 = 12;

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(format!("write a pack in {}", path.display()), e)
}

impl Writer {
    fn create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        let temp = tempfile::Builder::new()
            .prefix("tmp_pack_")
            .tempfile_in(dir)
            .map_err(io_error(dir))?;
        let mut file = std::io::BufWriter::with_capacity(1 << 20, temp);
        // The count is filled in by `finish`.
        file.write_all(b"PACK\0\0\0\x02\0\0\0\0")
            .map_err(io_error(dir))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            file,
            offset: HEADER_LEN,
            entries: Vec::new(),
            offsets: HashMap::new(),
            seen: HashSet::new(),
        })
    }

    fn has(&self, id: Oid) -> bool {
        self.seen.contains(&id)
    }

    fn whole(&mut self, kind: ObjectType, id: Oid, data: &[u8]) -> Result<()> {
        if !self.seen.insert(id) {
            return Ok(());
        }
        let code = match kind {
            ObjectType::Commit => 1,
            ObjectType::Tree => 2,
            ObjectType::Blob => 3,
            _ => 4,
        };
        self.push(id, &header(code, data.len()), data)
    }

    fn delta(&mut self, id: Oid, base: Oid, delta: &[u8]) -> Result<()> {
        if !self.seen.insert(id) {
            return Ok(());
        }
        let base = *self
            .offsets
            .get(&base)
            .expect("a delta's base is written before it");
        let mut head = header(OBJ_OFS_DELTA, delta.len());
        // The distance back to the base, big-endian, each byte but the
        // last with its top bit set and one subtracted (git's encoding).
        let mut distance = self.offset - base;
        let mut back = vec![(distance & 0x7f) as u8];
        while distance >> 7 != 0 {
            distance = (distance >> 7) - 1;
            back.push(0x80 | (distance & 0x7f) as u8);
        }
        back.reverse();
        head.extend_from_slice(&back);
        self.push(id, &head, delta)
    }

    /// Writes one object: its header, then `data` as a stored zlib stream.
    fn push(&mut self, id: Oid, head: &[u8], data: &[u8]) -> Result<()> {
        let mut out = Counted {
            out: &mut self.file,
            crc: Crc32::new(),
            len: 0,
        };
        out.write_all(head)
            .and_then(|()| super::git::write_zlib_stored(&mut out, &[data]))
            .map_err(io_error(&self.dir))?;
        let (crc, len) = (out.crc.value(), out.len);
        self.entries.push((id, self.offset, crc));
        self.offsets.insert(id, self.offset);
        self.offset += len;
        Ok(())
    }

    /// Completes the pack, writes its index and puts both in place.
    fn finish(self) -> Result<()> {
        let Self {
            dir,
            file,
            mut entries,
            ..
        } = self;
        let io = io_error(&dir);
        let mut temp = file.into_inner().map_err(|e| io(e.into_error()))?;
        let count = u32::try_from(entries.len())
            .map_err(|_| Error::store("too many objects for one pack"))?;
        let handle = temp.as_file_mut();
        handle.seek(std::io::SeekFrom::Start(8)).map_err(&io)?;
        handle.write_all(&count.to_be_bytes()).map_err(&io)?;
        handle.seek(std::io::SeekFrom::Start(0)).map_err(&io)?;
        let mut hasher = Sha1::new();
        let mut buf = vec![0; 1 << 20];
        loop {
            let n = handle.read(&mut buf).map_err(&io)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        let sum: [u8; 20] = hasher.finalize().into();
        handle.write_all(&sum).map_err(&io)?;
        handle.sync_all().map_err(&io)?;

        entries.sort_by_key(|a| a.0);
        let index = index_bytes(&entries, &sum);
        let name = format!("pack-{}", hex(&sum));
        let pack_path = dir.join(format!("{name}.pack"));
        let index_path = dir.join(format!("{name}.idx"));
        if index_path.exists() {
            // The same objects are already there, packed the same way.
            return Ok(());
        }
        read_only(temp.as_file());
        temp.persist(&pack_path).map_err(|e| io(e.error))?;
        let mut index_file = tempfile::Builder::new()
            .prefix("tmp_idx_")
            .tempfile_in(&dir)
            .map_err(&io)?;
        index_file.write_all(&index).map_err(&io)?;
        index_file.as_file().sync_all().map_err(&io)?;
        read_only(index_file.as_file());
        index_file.persist(&index_path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

pub(super) fn read_only(file: &std::fs::File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o444));
    }
    #[cfg(not(unix))]
    let _ = file;
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A packed object's header: its type and size.
fn header(code: u8, size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(10);
    let mut byte = (code << 4) | (size & 0x0f) as u8;
    let mut rest = size >> 4;
    while rest != 0 {
        out.push(byte | 0x80);
        byte = (rest & 0x7f) as u8;
        rest >>= 7;
    }
    out.push(byte);
    out
}

/// A version 2 pack index of `entries` (sorted by id).
fn index_bytes(entries: &[(Oid, u64, u32)], pack_sum: &[u8; 20]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 28 + 1100);
    out.extend_from_slice(b"\xfftOc\0\0\0\x02");
    let mut fanout = [0u32; 256];
    for (id, _, _) in entries {
        fanout[id.as_bytes()[0] as usize] += 1;
    }
    let mut total = 0;
    for n in fanout {
        total += n;
        out.extend_from_slice(&total.to_be_bytes());
    }
    for (id, _, _) in entries {
        out.extend_from_slice(id.as_bytes());
    }
    for (_, _, crc) in entries {
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut large = Vec::new();
    for (_, offset, _) in entries {
        if *offset < 0x8000_0000 {
            out.extend_from_slice(&(*offset as u32).to_be_bytes());
        } else {
            out.extend_from_slice(&(0x8000_0000 | large.len() as u32).to_be_bytes());
            large.push(*offset);
        }
    }
    for offset in large {
        out.extend_from_slice(&offset.to_be_bytes());
    }
    out.extend_from_slice(pack_sum);
    let sum = Sha1::digest(&out);
    out.extend_from_slice(&sum);
    out
}

/// A writer that counts what goes through it and takes its CRC-32.
struct Counted<'a, W: std::io::Write> {
    out: &'a mut W,
    crc: Crc32,
    len: u64,
}

impl<W: std::io::Write> std::io::Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// CRC-32 (IEEE), as a pack index records for each object, eight bytes at
/// a time.
struct Crc32(u32);

impl Crc32 {
    fn new() -> Self {
        Self(!0)
    }

    fn value(&self) -> u32 {
        !self.0
    }

    fn update(&mut self, bytes: &[u8]) {
        let t = crc_tables();
        let mut crc = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let lo = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) ^ crc;
            let hi = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            crc = t[7][(lo & 0xff) as usize]
                ^ t[6][((lo >> 8) & 0xff) as usize]
                ^ t[5][((lo >> 16) & 0xff) as usize]
                ^ t[4][(lo >> 24) as usize]
                ^ t[3][(hi & 0xff) as usize]
                ^ t[2][((hi >> 8) & 0xff) as usize]
                ^ t[1][((hi >> 16) & 0xff) as usize]
                ^ t[0][(hi >> 24) as usize];
        }
        for &b in chunks.remainder() {
            crc = t[0][((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
        }
        self.0 = crc;
    }
}

fn crc_tables() -> &'static [[u32; 256]; 8] {
    static TABLES: std::sync::OnceLock<[[u32; 256]; 8]> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = [[0u32; 256]; 8];
        for (i, slot) in t[0].iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        for i in 0..256 {
            for k in 1..8 {
                t[k][i] = (t[k - 1][i] >> 8) ^ t[0][(t[k - 1][i] & 0xff) as usize];
            }
        }
        t
    })
}

#[cfg(test)]
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = Crc32::new();
    crc.update(bytes);
    crc.value()
}

#[cfg(test)]
mod tests;
