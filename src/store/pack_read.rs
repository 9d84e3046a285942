//! Reading the blobs of a fresh clone straight from its packs, in pack
//! order, keeping what was just read as the base of the deltas that follow.
//!
//! libgit2 keeps only the far end of a delta chain, so reading a store's
//! case files, which git packs as chains up to fifty deep, applied each
//! chain again for every file: nine tenths of a clone of 100,000 cases
//! went to inflating the same deltas. Here each object is built once from
//! the one before it in its chain. Every blob is hashed against its id,
//! and anything this reader does not handle (a damaged object, an object
//! outside the packs) is left to libgit2.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use flate2::{Decompress, FlushDecompress, Status};
use git2::Oid;
use sha1::{Digest as _, Sha1};

/// How much of what was built is kept for the deltas that follow.
const KEEP_BYTES: usize = 64 << 20;
/// The largest object read here (a case file holds at most 1 MB); a
/// larger one, or a header claiming one, is left to libgit2.
const MAX_OBJECT: usize = 64 << 20;

const OBJ_BLOB: u8 = 3;
const OBJ_OFS_DELTA: u8 = 6;
const OBJ_REF_DELTA: u8 = 7;

/// Where an object is: which pack, at what offset.
pub(crate) type Place = (usize, u64);

/// The packs of a repository and where each of their objects is.
pub(crate) struct Packs {
    files: Vec<File>,
    places: HashMap<Oid, Place>,
    kept: HashMap<Place, (u8, Rc<[u8]>)>,
    order: VecDeque<Place>,
    kept_bytes: usize,
}

impl Packs {
    /// The packs in `dir` with a version 2 index; one that cannot be read
    /// is left out (its objects are read through libgit2).
    pub(crate) fn open(dir: &Path) -> Self {
        let mut packs = Self {
            files: Vec::new(),
            places: HashMap::new(),
            kept: HashMap::new(),
            order: VecDeque::new(),
            kept_bytes: 0,
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return packs;
        };
        let mut indexes: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "idx"))
            .collect();
        indexes.sort();
        for index in indexes {
            let (Ok(bytes), Ok(file)) = (
                std::fs::read(&index),
                File::open(index.with_extension("pack")),
            ) else {
                continue;
            };
            let n = packs.files.len();
            if read_index(&bytes, n, &mut packs.places).is_some() {
                packs.files.push(file);
            }
        }
        packs
    }

    /// Where blob `id` is, if in a pack.
    pub(crate) fn place(&self, id: Oid) -> Option<Place> {
        self.places.get(&id).copied()
    }

    /// The contents of blob `id` at `place`, checked against its id;
    /// `None` if it could not be read here.
    pub(crate) fn blob(&mut self, id: Oid, place: Place) -> Option<Rc<[u8]>> {
        let (kind, data) = self.object(place, 0)?;
        let mut hasher = Sha1::new();
        hasher.update(format!("blob {}\0", data.len()).as_bytes());
        hasher.update(&data);
        (kind == OBJ_BLOB && hasher.finalize().as_slice() == id.as_bytes()).then_some(data)
    }

    fn object(&mut self, place: Place, depth: usize) -> Option<(u8, Rc<[u8]>)> {
        if let Some((kind, data)) = self.kept.get(&place) {
            return Some((*kind, Rc::clone(data)));
        }
        // git writes chains at most 4,095 deep; anything deeper is a loop.
        if depth > 4_096 {
            return None;
        }
        let (pack, offset) = place;
        let file = self.files.get(pack)?;
        let mut head = [0u8; 32];
        let got = read_at(file, &mut head, offset)?;
        let head = &head[..got];
        let (kind, size, mut used) = object_header(head)?;
        if size > MAX_OBJECT {
            return None;
        }
        let base = match kind {
            OBJ_OFS_DELTA => {
                let (back, n) = negative_offset(&head[used..])?;
                used += n;
                Some((pack, offset.checked_sub(back)?))
            }
            OBJ_REF_DELTA => {
                let base = Oid::from_bytes(head.get(used..used + 20)?).ok()?;
                used += 20;
                Some(self.place(base)?)
            }
            1..=4 => None,
            _ => return None,
        };
        let packed = inflate(file, offset + used as u64, size)?;
        let (kind, data): (u8, Rc<[u8]>) = match base {
            None => (kind, Rc::from(packed)),
            Some(base) => {
                let (kind, base) = self.object(base, depth + 1)?;
                (kind, Rc::from(apply_delta(&base, &packed)?))
            }
        };
        self.keep(place, kind, &data);
        Some((kind, data))
    }

    fn keep(&mut self, place: Place, kind: u8, data: &Rc<[u8]>) {
        if data.len() > KEEP_BYTES / 16 {
            return;
        }
        while self.kept_bytes + data.len() > KEEP_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some((_, gone)) = self.kept.remove(&old) {
                self.kept_bytes -= gone.len();
            }
        }
        self.kept_bytes += data.len();
        self.kept.insert(place, (kind, Rc::clone(data)));
        self.order.push_back(place);
    }
}

fn read_at(file: &File, buf: &mut [u8], offset: u64) -> Option<usize> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt as _;
        let mut got = 0;
        while got < buf.len() {
            match file.read_at(&mut buf[got..], offset + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(got)
    }
    #[cfg(not(unix))]
    {
        let _ = (file, buf, offset);
        None
    }
}

/// An object's type and size, and how many bytes said so.
fn object_header(bytes: &[u8]) -> Option<(u8, usize, usize)> {
    let first = *bytes.first()?;
    let kind = (first >> 4) & 7;
    let mut size = usize::from(first & 15);
    let (mut shift, mut used, mut byte) = (4u32, 1, first);
    while byte & 0x80 != 0 {
        byte = *bytes.get(used)?;
        used += 1;
        if shift > 56 {
            return None;
        }
        size |= usize::from(byte & 0x7f) << shift;
        shift += 7;
    }
    Some((kind, size, used))
}

/// The distance back to an `OBJ_OFS_DELTA`'s base.
fn negative_offset(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut byte = *bytes.first()?;
    let mut value = u64::from(byte & 0x7f);
    let mut used = 1;
    while byte & 0x80 != 0 {
        byte = *bytes.get(used)?;
        used += 1;
        value = value.checked_add(1)?.checked_mul(128)? | u64::from(byte & 0x7f);
    }
    Some((value, used))
}

/// `size` bytes inflated from the zlib stream at `offset`.
fn inflate(file: &File, offset: u64, size: usize) -> Option<Vec<u8>> {
    // zlib's own bound on what `size` bytes deflate to.
    let bound = size + (size >> 12) + (size >> 14) + (size >> 25) + 13 + 6;
    let mut packed = vec![0u8; bound];
    let got = read_at(file, &mut packed, offset)?;
    let mut out = Vec::with_capacity(size);
    let mut z = Decompress::new(true);
    match z.decompress_vec(&packed[..got], &mut out, FlushDecompress::Finish) {
        Ok(Status::StreamEnd) if out.len() == size => Some(out),
        _ => None,
    }
}

/// A git delta applied to `base`.
fn apply_delta(base: &[u8], delta: &[u8]) -> Option<Vec<u8>> {
    let size = |at: &mut usize| -> Option<usize> {
        let (mut value, mut shift) = (0usize, 0u32);
        loop {
            let byte = *delta.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            shift += 7;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
    };
    let mut at = 0;
    if size(&mut at)? != base.len() {
        return None;
    }
    let target = size(&mut at)?;
    if target > MAX_OBJECT {
        return None;
    }
    let mut out = Vec::with_capacity(target);
    while at < delta.len() {
        let op = delta[at];
        at += 1;
        if op & 0x80 != 0 {
            let mut field = |bits: u8, bytes: usize| -> Option<usize> {
                let mut value = 0usize;
                for i in 0..bytes {
                    if bits & (1 << i) != 0 {
                        value |= usize::from(*delta.get(at)?) << (8 * i);
                        at += 1;
                    }
                }
                Some(value)
            };
            let offset = field(op & 0x0f, 4)?;
            let len = match field((op >> 4) & 0x07, 3)? {
                0 => 0x10000,
                n => n,
            };
            out.extend_from_slice(base.get(offset..offset.checked_add(len)?)?);
        } else if op != 0 {
            let len = usize::from(op);
            out.extend_from_slice(delta.get(at..at + len)?);
            at += len;
        } else {
            return None;
        }
    }
    (out.len() == target).then_some(out)
}

/// Reads a version 2 pack index: every object's id and offset.
fn read_index(bytes: &[u8], pack: usize, out: &mut HashMap<Oid, Place>) -> Option<()> {
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes(b.try_into().expect("four bytes")))
    };
    if bytes.get(..8)? != b"\xfftOc\0\0\0\x02" {
        return None;
    }
    let count = u32_at(8 + 255 * 4)? as usize;
    let ids = 8 + 256 * 4;
    let offsets = ids + count.checked_mul(24)?;
    let large = offsets + count.checked_mul(4)?;
    let mut found = Vec::with_capacity(count);
    for i in 0..count {
        let id = Oid::from_bytes(bytes.get(ids + i * 20..ids + i * 20 + 20)?).ok()?;
        let small = u32_at(offsets + i * 4)?;
        let offset = if small & 0x8000_0000 == 0 {
            u64::from(small)
        } else {
            let at = large + (small & 0x7fff_ffff) as usize * 8;
            u64::from_be_bytes(bytes.get(at..at + 8)?.try_into().ok()?)
        };
        found.push((id, (pack, offset)));
    }
    out.extend(found);
    Some(())
}

#[cfg(test)]
mod tests;
