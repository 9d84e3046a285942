//! The crate's layers, checked against every `crate::` path in `src/`: a
//! folder may use the folders below it, never one beside or above it, so
//! the import graph between folders has no upward arrow and no cycle.
//! ARCHITECTURE.md explains the layers; this table is its checked form.

use std::path::{Path, PathBuf};

/// Bottom to top. A module may use only modules with a smaller rank.
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("model", 1),
    ("email", 2),
    ("import", 2),
    ("export", 3),
    ("judge", 4),
    ("drafts", 5),
    ("merge", 6),
    ("store", 7),
    ("app", 8),
    ("docs", 9),
    ("commands", 10),
    ("cli", 11),
];

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its unit tests, which may reach anywhere.
fn without_tests(path: &Path, text: &str) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name == "tests.rs" || name == "fixtures.rs" {
        return None;
    }
    let end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
    Some(text[..end].to_owned())
}

/// Every `crate::<module>` the code names.
fn used_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        if code[..i].ends_with(char::is_alphanumeric) || code[..i].ends_with('_') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn imports_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let me = top.trim_end_matches(".rs");
        if me == "lib" || me == "main" {
            continue;
        }
        let Some(my_rank) = rank(me) else {
            wrong.push(format!(
                "src/{top} is in no layer: add it to LAYERS (and ARCHITECTURE.md)"
            ));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(code) = without_tests(&path, &text) else {
            continue;
        };
        for used in used_modules(&code) {
            if used == me {
                continue;
            }
            match rank(&used) {
                Some(r) if r < my_rank => {}
                Some(_) => wrong.push(format!(
                    "src/{} uses crate::{used}, a layer that is not below {me}",
                    rel.display()
                )),
                None => {}
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_grouped_and_nested_paths() {
    assert_eq!(
        used_modules("use crate::model::case::Case;\nlet x = crate::store::open();"),
        ["model", "store"]
    );
    assert_eq!(used_modules("my_crate::model"), Vec::<String>::new());
}
