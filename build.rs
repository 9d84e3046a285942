//! Derives the summary cache's format version from the code that decides
//! what it holds (see `src/store/cache.rs`): every file of the model, which
//! shapes the case fields and the summaries made from them, and the cache's
//! own file. Any edit there gives a new version, so no build serves cache
//! lines that another build wrote. A needless change costs one rebuild of
//! the cache; a missed one would serve stale data.

// A build script talks to cargo on stdout; the printer rule is for the tool.
#![allow(clippy::disallowed_macros)]

use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    collect(Path::new("src/model"), &mut files);
    files.push(PathBuf::from("src/store/cache.rs"));
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.to_string_lossy();
        let bytes = std::fs::read(file).expect("a source file of the crate");
        for &b in name.as_bytes().iter().chain(&[0]).chain(&bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // A file added to or removed from the model changes the version too.
    println!("cargo:rerun-if-changed=src/model");
    println!("cargo:rustc-env=DISCLOSE_CACHE_FORMAT={hash:016x}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("the model's source folder");
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
