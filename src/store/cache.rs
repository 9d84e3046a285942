//! The summary cache: each case file's `CaseSummary` and its fields rendered
//! as `status --json` prints them, keyed by the file's stat data (size,
//! mtime, ctime, inode), kept under `.git/disclose/` so it is never committed.
//!
//! `summaries` holds one line per case (key, where its text is, summary);
//! `bodies-<n>` holds the texts, appended to and never rewritten in place,
//! so a reader holding an older `summaries` still finds its texts. When most
//! of it is garbage it is copied to `bodies-<n+1>` and the old one removed;
//! a reader that then cannot open it reads the case files instead.
//!
//! A file whose stat data differs from its entry is read again, the way git
//! trusts its index: any write to a case file (a command, a hand edit, a
//! checkout, a reset, a merge) changes its mtime and ctime. Files written
//! within a second of the cache are not stored in it, so a change made in
//! the same clock tick as the cache was built cannot hide behind an equal
//! timestamp. The cache is an accelerator only: a missing, stale or unreadable
//! cache is rebuilt from the files, and failing to save it is not an error.
//!
//! Nothing in it is served unchecked: the header names the cache format and
//! the tool's version (`VERSION`), and the header, every line and every text
//! carry a checksum. A cache written by another version, or with a line that
//! fails its checksum, is rebuilt whole; a text that fails its checksum is
//! read from its case file instead, and the cache is rebuilt next time.

use std::io::Write;
use std::path::Path;

use crate::model::case::CaseSummary;

const MAGIC: &str = "disclose-summaries";

/// The cache format and the tool version that wrote it: a cache with any
/// other is rebuilt. The format is derived by `build.rs` from the code that
/// decides what the cache holds (the model and this file), so a change there
/// can never serve lines in an older shape.
pub(crate) const VERSION: &str = concat!(
    env!("DISCLOSE_CACHE_FORMAT"),
    "/",
    env!("CARGO_PKG_VERSION")
);

/// A 64-bit checksum of `bytes`, against damage rather than attack: each
/// step is a bijection of the state and of the word it takes in, so any
/// change confined to one 8-byte word always changes the sum, and other
/// changes do but for a 2^-64 chance. About 8 bytes per multiply, so
/// checking a cache costs little beside reading it.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let step = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut h = (bytes.len() as u64) ^ 0x243F_6A88_85A3_08D3;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = step(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(word));
    }
    h ^ (h >> 32)
}

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileKey {
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl FileKey {
    pub(crate) fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            Self {
                size: meta.size(),
                mtime: (meta.mtime(), meta.mtime_nsec()),
                ctime: (meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let since = |t: std::io::Result<std::time::SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or((0, 0), |d| {
                        (d.as_secs() as i64, i64::from(d.subsec_nanos()))
                    })
            };
            Self {
                size: meta.len(),
                mtime: since(meta.modified()),
                ctime: since(meta.created()),
                ino: 0,
            }
        }
    }

    /// Whether the file was written less than a second before `now` (or
    /// after it), so a later write in the same tick could keep its mtime.
    /// (As in git, ctime is part of the key but not of this test: writing
    /// content always moves mtime.)
    fn racy(&self, now: (i64, i64)) -> bool {
        self.mtime.0 + 1 >= now.0
    }
}

/// One cached entry: the file name in `cases/`, its key and its summary,
/// and where its rendered fields are (none when no command has rendered
/// them yet: `check` and `stats` read summaries only).
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) key: FileKey,
    pub(crate) text: Option<TextRef>,
    /// Boxed: entries move through a few vectors on their way to the caller.
    pub(crate) summary: Box<CaseSummary>,
}

/// Where a case's rendered fields are in the bodies file, and their checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextRef {
    pub(crate) offset: u64,
    pub(crate) len: u64,
    pub(crate) sum: u64,
}

/// The loaded cache: its bodies file and its entries, sorted by name.
#[derive(Default)]
pub(crate) struct Loaded {
    pub(crate) bodies: Option<String>,
    pub(crate) entries: Vec<Entry>,
}

/// The cached entries, sorted by name; empty when there is no usable cache.
/// The file is read a block at a time, so it never sits in memory whole.
pub(crate) fn load(dir: &Path) -> Loaded {
    load_from(&dir.join(SUMMARIES)).unwrap_or_default()
}

const BLOCK: usize = 8 << 20;

fn load_from(path: &Path) -> Option<Loaded> {
    use std::io::Read as _;
    let mut file = super::fs::no_follow(std::fs::OpenOptions::new().read(true))
        .open(path)
        .ok()?;
    let mut buf = Vec::with_capacity(BLOCK + (64 << 10));
    let mut bodies = None;
    let mut entries = Vec::new();
    let mut done = false;
    while !done {
        let start = buf.len();
        buf.resize(start + BLOCK, 0);
        let mut filled = start;
        while filled < buf.len() {
            match file.read(&mut buf[filled..]) {
                Ok(0) => {
                    done = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        buf.truncate(filled);
        let end = match buf.iter().rposition(|&b| b == b'\n') {
            Some(last) => last + 1,
            None if done => buf.len(),
            None => continue,
        };
        let mut lines = &buf[..end];
        if bodies.is_none() {
            let newline = lines.iter().position(|&b| b == b'\n')?;
            let header = std::str::from_utf8(&lines[..newline]).ok()?;
            let (header, sum) = header.rsplit_once('\t')?;
            if u64::from_str_radix(sum, 16).ok()? != checksum(header.as_bytes()) {
                return None;
            }
            let name = header
                .strip_prefix(MAGIC)?
                .strip_prefix(' ')?
                .strip_prefix(VERSION)?
                .strip_prefix(' ')
                .filter(|name| is_bodies_name(name))?;
            bodies = Some(name.to_owned());
            lines = &lines[newline + 1..];
        }
        entries.extend(parse_lines(lines)?);
        buf.drain(..end);
    }
    if !entries.is_sorted_by(|a: &Entry, b: &Entry| a.name < b.name) {
        entries.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Some(Loaded { bodies, entries })
}

/// Parses whole lines on every core; `None` if any line is damaged.
fn parse_lines(bytes: &[u8]) -> Option<Vec<Entry>> {
    let parts = split_lines(bytes, crate::store::threads());
    let parsed: Option<Vec<Vec<Entry>>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                s.spawn(move || {
                    part.split(|&b| b == b'\n')
                        .filter(|l| !l.is_empty())
                        .map(parse_line)
                        .collect::<Option<Vec<Entry>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    Some(parsed?.into_iter().flatten().collect())
}

const SUMMARIES: &str = "summaries";
const LOCK: &str = "cache.lock";

fn is_bodies_name(name: &str) -> bool {
    name.strip_prefix("bodies-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Splits `bytes` into about `n` runs of whole lines.
fn split_lines(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts = Vec::with_capacity(n);
    let mut rest = bytes;
    for i in (1..n.max(1)).rev() {
        let target = rest.len() / (i + 1);
        let cut = rest[target..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| target + p + 1);
        let (head, tail) = rest.split_at(cut);
        parts.push(head);
        rest = tail;
    }
    parts.push(rest);
    parts
}

fn parse_line(line: &[u8]) -> Option<Entry> {
    let tab = line.iter().position(|&b| b == b'\t')?;
    let sum = u64::from_str_radix(std::str::from_utf8(&line[..tab]).ok()?, 16).ok()?;
    let line = &line[tab + 1..];
    if sum != checksum(line) {
        return None;
    }
    let mut fields = line.splitn(11, |&b| b == b'\t');
    let mut next = || fields.next();
    let name = std::str::from_utf8(next()?).ok()?.to_owned();
    let mut num = || -> Option<i64> { std::str::from_utf8(next()?).ok()?.parse().ok() };
    let size = num()? as u64;
    let mtime = (num()?, num()?);
    let ctime = (num()?, num()?);
    let ino = num()? as u64;
    let offset = num()? as u64;
    let len = num()? as u64;
    let sum = u64::from_str_radix(std::str::from_utf8(next()?).ok()?, 16).ok()?;
    let text = (len > 0).then_some(TextRef { offset, len, sum });
    let summary = serde_json::from_slice(next()?).ok()?;
    Some(Entry {
        text,
        name,
        key: FileKey {
            size,
            mtime,
            ctime,
            ino,
        },
        summary,
    })
}

/// A case as the cache will hold it.
pub(crate) struct Save<'a> {
    pub(crate) name: &'a str,
    pub(crate) key: FileKey,
    pub(crate) summary: &'a CaseSummary,
    pub(crate) text: Option<TextRef>,
}

/// One run's writing of the cache: it holds the cache's lock, takes new
/// texts as they are rendered (from any thread, so they never pile up in
/// memory), then writes the entries. Best effort: `begin` gives `None` when
/// another process holds the cache or the disk refuses (a store on a
/// read-only disk still works, uncached).
pub(crate) struct Session {
    dir: std::path::PathBuf,
    _lock: std::fs::File,
    /// The bodies file new texts go to, and the file it replaces when it
    /// is not the one the loaded cache named.
    name: String,
    previous: Option<String>,
    bodies: std::sync::Mutex<Bodies>,
}

struct Bodies {
    file: std::fs::File,
    len: u64,
    failed: bool,
}

impl Session {
    /// Starts writing the cache in `dir`, whose loaded texts are in the
    /// bodies file `current`.
    pub(crate) fn begin(dir: &Path, current: Option<&str>) -> Option<Self> {
        super::fs::create_private_dir(dir).ok()?;
        let lock = super::fs::no_follow(&mut std::fs::OpenOptions::new())
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK))
            .ok()?;
        lock.try_lock().ok()?;
        let exists = |name: &str| std::fs::symlink_metadata(dir.join(name)).is_ok();
        let name = match current {
            Some(name) if exists(name) => name.to_owned(),
            _ => next_bodies(current),
        };
        let file = open_append(&dir.join(&name)).ok()?;
        let len = file.metadata().ok()?.len();
        Some(Self {
            dir: dir.to_path_buf(),
            _lock: lock,
            previous: current.filter(|c| *c != name).map(str::to_owned),
            name,
            bodies: std::sync::Mutex::new(Bodies {
                file,
                len,
                failed: false,
            }),
        })
    }

    /// Appends `texts` (each a rendered case) and returns where each went;
    /// `None` if they could not be written (the caller keeps them).
    pub(crate) fn append(&self, texts: &[&str]) -> Option<Vec<TextRef>> {
        let total: u64 = texts.iter().map(|t| t.len() as u64).sum();
        let mut bodies = self.bodies.lock().ok()?;
        if bodies.failed {
            return None;
        }
        if write_all_of(&mut bodies.file, texts).is_err() {
            bodies.failed = true;
            return None;
        }
        let mut offset = bodies.len;
        bodies.len += total;
        Some(
            texts
                .iter()
                .map(|text| {
                    let r = TextRef {
                        offset,
                        len: text.len() as u64,
                        sum: checksum(text.as_bytes()),
                    };
                    offset += r.len;
                    r
                })
                .collect(),
        )
    }

    /// Writes `entries` (sorted by name) as the cache, leaving out the ones
    /// too recent to trust, and returns the bodies file the texts are now
    /// in with each entry's place in it (they move when most of the file
    /// is garbage and the live texts are copied to a new one).
    pub(crate) fn finish(self, entries: &[Save<'_>]) -> Option<(String, Vec<Option<TextRef>>)> {
        let Self {
            dir,
            _lock,
            name,
            previous,
            bodies,
        } = self;
        let bodies = bodies.into_inner().ok()?;
        if bodies.failed {
            return None;
        }
        let live: u64 = entries.iter().filter_map(|e| e.text).map(|t| t.len).sum();
        // Keep appending until garbage outweighs the live texts; then copy.
        let (name, refs) = if bodies.len <= 2 * live + (16 << 20) {
            (name, entries.iter().map(|e| e.text).collect())
        } else {
            let next = next_bodies(Some(&name));
            let refs = copy_live(&dir.join(&name), &dir.join(&next), entries).ok()?;
            let _ = std::fs::remove_file(dir.join(&name));
            (next, refs)
        };
        write_summaries(&dir, &name, entries, &refs).ok()?;
        if let Some(previous) = previous
            && previous != name
        {
            let _ = std::fs::remove_file(dir.join(previous));
        }
        Some((name, refs))
    }
}

/// Writes `texts` one after the other, a few system calls for many texts
/// and without copying them into one buffer first.
fn write_all_of(file: &mut impl Write, texts: &[&str]) -> std::io::Result<()> {
    for group in texts.chunks(512) {
        let slices: Vec<std::io::IoSlice<'_>> = group
            .iter()
            .map(|t| std::io::IoSlice::new(t.as_bytes()))
            .collect();
        let mut written = file.write_vectored(&slices)?;
        // A short write (a full disk, a signal) goes on text by text from
        // where it stopped.
        for text in group {
            let bytes = text.as_bytes();
            if written >= bytes.len() {
                written -= bytes.len();
                continue;
            }
            file.write_all(&bytes[written..])?;
            written = 0;
        }
    }
    Ok(())
}

/// The name after `current` for a bodies file (`bodies-1` first).
fn next_bodies(current: Option<&str>) -> String {
    let next = current
        .and_then(|n| n.strip_prefix("bodies-")?.parse::<u64>().ok())
        .map_or(1, |n| n + 1);
    format!("bodies-{next}")
}

fn open_append(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    super::fs::no_follow(options.create(true).append(true));
    #[cfg(unix)]
    {
        // The texts are the cases' private fields.
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// Copies the live texts of `entries` from `from` to a new file `to`.
fn copy_live(
    from: &Path,
    to: &Path,
    entries: &[Save<'_>],
) -> std::io::Result<Vec<Option<TextRef>>> {
    let old = super::fs::no_follow(std::fs::OpenOptions::new().read(true)).open(from)?;
    let _ = std::fs::remove_file(to);
    let file = open_append(to)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, &file);
    let mut offset = 0;
    let mut buf = Vec::new();
    let mut refs = Vec::with_capacity(entries.len());
    for entry in entries {
        let Some(r) = entry.text else {
            refs.push(None);
            continue;
        };
        buf.resize(r.len as usize, 0);
        read_at(&old, &mut buf, r.offset)?;
        out.write_all(&buf)?;
        refs.push(Some(TextRef { offset, ..r }));
        offset += r.len;
    }
    out.flush()?;
    Ok(refs)
}

/// Writes the summaries file: a header naming the bodies file, then one
/// line per entry (made on every core).
fn write_summaries(
    dir: &Path,
    bodies: &str,
    entries: &[Save<'_>],
    refs: &[Option<TextRef>],
) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".summaries-")
        .tempfile_in(dir)?;
    // The file system's own clock, as the case files' times are: the
    // temporary file was just created, so its mtime is "now" on that disk.
    let now = FileKey::of(&tmp.as_file().metadata()?).mtime;
    let pairs: Vec<(&Save<'_>, &Option<TextRef>)> = entries.iter().zip(refs).collect();
    let threads = crate::store::threads();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
    let header = format!("{MAGIC} {VERSION} {bodies}");
    writeln!(out, "{header}\t{:016x}", checksum(header.as_bytes()))?;
    // A round of lines at a time, made on every core, so the file is never
    // whole in memory.
    for round in pairs.chunks(threads * LINES_PER_PART) {
        let parts: Vec<std::io::Result<Vec<u8>>> = std::thread::scope(|s| {
            let handles: Vec<_> = round
                .chunks(LINES_PER_PART)
                .map(|part| s.spawn(move || lines(part, now)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(std::io::Error::other("panicked")))
                })
                .collect()
        });
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    out.flush()?;
    drop(out);
    tmp.persist(dir.join(SUMMARIES)).map_err(|e| e.error)?;
    Ok(())
}

/// How many lines one thread makes at a time.
const LINES_PER_PART: usize = 4096;

/// The summaries file's lines for `pairs`.
fn lines(pairs: &[(&Save<'_>, &Option<TextRef>)], now: (i64, i64)) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(pairs.len() * 800);
    let mut line = Vec::with_capacity(1024);
    for (entry, text) in pairs {
        let key = entry.key;
        if key.racy(now) || entry.name.contains(['\t', '\n']) {
            continue;
        }
        let text = text.unwrap_or(TextRef {
            offset: 0,
            len: 0,
            sum: 0,
        });
        line.clear();
        write!(
            line,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:016x}\t",
            entry.name,
            key.size,
            key.mtime.0,
            key.mtime.1,
            key.ctime.0,
            key.ctime.1,
            key.ino,
            text.offset,
            text.len,
            text.sum
        )?;
        serde_json::to_writer(&mut line, entry.summary)?;
        write!(out, "{:016x}\t", checksum(&line))?;
        out.extend_from_slice(&line);
        out.push(b'\n');
    }
    Ok(out)
}

/// Reads the text at `text` from the bodies file, if it is there whole and
/// passes its checksum.
pub(crate) fn read_text(file: &std::fs::File, text: TextRef) -> Option<String> {
    let mut buf = vec![0; usize::try_from(text.len).ok()?];
    read_at(file, &mut buf, text.offset).ok()?;
    if checksum(&buf) != text.sum {
        return None;
    }
    String::from_utf8(buf).ok()
}

/// Drops the cache, so the next reader rebuilds it (after a text failed
/// its check).
pub(crate) fn discard(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(SUMMARIES));
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read as _, Seek as _};
    let mut file = file;
    file.seek(std::io::SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes at most `max` bytes a call, as a disk filling up
    /// or a signal can make a write stop short.
    struct Short {
        out: Vec<u8>,
        max: usize,
    }

    impl Write for Short {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.max);
            self.out.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            let mut n = 0;
            for buf in bufs {
                let took = self.write(&buf[..buf.len().min(self.max - n)])?;
                n += took;
                if n == self.max || took < buf.len() {
                    break;
                }
            }
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn texts_written_in_short_steps_arrive_whole_and_in_order() {
        let texts: Vec<String> = (0..1500)
            .map(|i| format!("text {i};").repeat(i % 7))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        for max in [1, 5, 64, 4096, usize::MAX / 2] {
            let mut short = Short {
                out: Vec::new(),
                max,
            };
            write_all_of(&mut short, &texts).unwrap();
            assert_eq!(short.out, texts.concat().into_bytes(), "{max}");
        }
    }

    #[test]
    fn lines_split_into_whole_lines() {
        let text = b"a\nbb\nccc\ndddd\n";
        for n in 1..6 {
            let parts = split_lines(text, n);
            assert_eq!(parts.concat(), text.to_vec());
            assert!(parts.iter().all(|p| p.is_empty() || p.ends_with(b"\n")));
        }
    }

    #[test]
    fn any_change_to_one_byte_changes_the_checksum() {
        let text = br#"DISC-2026-K7Q3M.json	5120	1	2	3	4	5	0	300	{"id":"DISC-2026-K7Q3M"}"#;
        let sum = checksum(text);
        let mut copy = text.to_vec();
        for i in 0..copy.len() {
            for bit in 0..8 {
                copy[i] ^= 1 << bit;
                assert_ne!(checksum(&copy), sum, "byte {i} bit {bit}");
                copy[i] ^= 1 << bit;
            }
            for to in [b'0', b'9', b' ', b'\n', 0] {
                if copy[i] != to {
                    let was = copy[i];
                    copy[i] = to;
                    assert_ne!(checksum(&copy), sum, "byte {i} set to {to}");
                    copy[i] = was;
                }
            }
        }
        assert_ne!(checksum(&text[..text.len() - 1]), sum, "a cut");
        assert_ne!(checksum(b""), checksum(b"\0"), "the length counts");
    }

    #[test]
    fn the_header_names_a_version_derived_from_the_code_and_the_tool_version() {
        let (format, tool) = VERSION.split_once('/').unwrap();
        assert_eq!(format.len(), 16);
        assert!(format.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(tool, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn a_change_in_the_last_second_is_racy() {
        let key = FileKey {
            size: 1,
            mtime: (100, 5),
            ctime: (100, 5),
            ino: 1,
        };
        assert!(key.racy((100, 9)));
        assert!(key.racy((101, 0)));
        assert!(!key.racy((102, 0)));
    }
}
