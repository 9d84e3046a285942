//! A first fetch from a path remote (`disclose clone` of a directory):
//! the remote's object files are copied as they are, packs compressed and
//! with their deltas, as `git clone` of a path does. Sending the objects
//! one by one (`pack`) costs what the whole history weighs uncompressed,
//! since every commit of a large store has its own megabytes-long `cases`
//! tree; a copy costs what the remote holds on disk.
//!
//! Only plain files are read, never through a link, and every pack is
//! checked against the checksum it ends with and the one its index names,
//! so a torn or mismatched pack is refused rather than cloned. A remote
//! that borrows objects from another repository (`info/alternates`) is
//! not copied: its objects are sent one by one instead.

use std::io::{Read as _, Write as _};
use std::path::Path;

use sha1::{Digest as _, Sha1};

use super::fs;
use crate::error::{Error, Result};

const SUM: usize = 20;

/// Copies the object files of the repository whose objects directory is
/// `from` into the empty objects directory `to`; `false` (nothing
/// copied) when they cannot simply be copied.
pub(crate) fn copy_all(from: &Path, to: &Path) -> Result<bool> {
    if from.join("info").join("alternates").exists() {
        return Ok(false);
    }
    let read = |dir: &Path| -> Result<Vec<std::fs::DirEntry>> {
        match std::fs::read_dir(dir) {
            Ok(entries) => Ok(entries.filter_map(|e| e.ok()).collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(Error::io(format!("read {}", dir.display()), e)),
        }
    };
    for entry in read(from)? {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.len() != 2 || !is_hex(name) || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        for object in read(&entry.path())? {
            let file = object.file_name();
            let Some(file) = file.to_str() else { continue };
            if file.len() == 38 && is_hex(file) && object.file_type().is_ok_and(|t| t.is_file()) {
                let bytes = read_plain(&object.path())?;
                write_new(&to.join(name), file, &bytes)?;
            }
        }
    }
    let packs = from.join("pack");
    for entry in read(&packs)? {
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".pack")) else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let pack = read_plain(&entry.path())?;
        let index = read_plain(&packs.join(format!("{stem}.idx")))?;
        check(&entry.path(), &pack, &index)?;
        let dir = to.join("pack");
        // The pack before its index: a pack is found by its index.
        write_new(&dir, &format!("{stem}.pack"), &pack)?;
        write_new(&dir, &format!("{stem}.idx"), &index)?;
    }
    Ok(true)
}

fn is_hex(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The bytes of a plain file, refusing a link.
fn read_plain(path: &Path) -> Result<Vec<u8>> {
    let fail = |e| Error::io(format!("read {}", path.display()), e);
    let mut file = fs::no_follow(std::fs::OpenOptions::new().read(true))
        .open(path)
        .map_err(fail)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(fail)?;
    Ok(bytes)
}

/// A pack ends with the SHA-1 of what comes before it, and its index with
/// that checksum followed by its own.
fn check(path: &Path, pack: &[u8], index: &[u8]) -> Result<()> {
    let ends_with_sum = |bytes: &[u8]| {
        bytes.len() >= SUM && {
            let (body, sum) = bytes.split_at(bytes.len() - SUM);
            Sha1::digest(body).as_slice() == sum
        }
    };
    let names_pack = index.len() >= 2 * SUM
        && index[index.len() - 2 * SUM..index.len() - SUM]
            == pack[pack.len().saturating_sub(SUM)..];
    if pack.starts_with(b"PACK") && ends_with_sum(pack) && ends_with_sum(index) && names_pack {
        Ok(())
    } else {
        Err(Error::store(format!(
            "{} is damaged: it or its index does not match its checksum",
            path.display()
        ))
        .with_hint("run `git fsck` in the remote repository"))
    }
}

/// Writes `bytes` to the new file `name` in `dir` (created if need be),
/// read-only as git keeps its objects.
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let fail = |e| Error::io(format!("write {}", dir.join(name).display()), e);
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut temp = tempfile::Builder::new()
        .prefix("tmp_copy_")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    super::pack::read_only(temp.as_file());
    temp.persist_noclobber(dir.join(name))
        .map(|_| ())
        .map_err(|e| fail(e.error))
}
