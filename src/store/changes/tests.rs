//! A sync that reads and merges only the changed files makes the same tree
//! as a merge of the whole trees.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::merge::{Author, merge_changes, merge_trees};
use crate::model::case::{Case, EventKind, NewCase};
use crate::model::layout::to_json_bytes;
use crate::model::policy::Slas;

const BY: &str = "M <m@example.org>";

fn at(minutes: i64) -> chrono::DateTime<chrono::Utc> {
    "2026-03-02T09:00:00Z"
        .parse::<chrono::DateTime<chrono::Utc>>()
        .unwrap()
        + chrono::TimeDelta::minutes(minutes)
}

const IDS: [&str; 3] = ["DISC-2026-AAAAA", "DISC-2026-BBBBB", "DISC-2026-CCCCC"];

/// Versions of each case that share their history's start, so any two
/// merge (no collisions: those draw new IDs at random).
fn versions() -> &'static Vec<Vec<Vec<u8>>> {
    static VERSIONS: OnceLock<Vec<Vec<Vec<u8>>>> = OnceLock::new();
    VERSIONS.get_or_init(|| {
        IDS.iter()
            .map(|id| {
                let new = NewCase {
                    title: format!("case {id}"),
                    ..NewCase::default()
                };
                let opened = Case::open(id.parse().unwrap(), new, Slas::default(), at(0), BY);
                (0..4)
                    .map(|n| {
                        let mut case = opened.clone();
                        for k in 0..n {
                            let kind = EventKind::NoteAdded {
                                text: format!("note {k} of version {n}"),
                                private: true,
                            };
                            case.record(kind, at(1 + k), BY, None);
                        }
                        to_json_bytes(&case)
                    })
                    .collect()
            })
            .collect()
    })
}

fn paths() -> Vec<String> {
    IDS.iter()
        .map(|id| format!("cases/{id}.json"))
        .chain(
            [
                "cases/.keep",
                "templates/ack.txt",
                "advisories/A-1/advisory.md",
                "deep/er/file.txt",
            ]
            .map(str::to_owned),
        )
        .collect()
}

/// The content a path gets: `None` is no file; a case path takes one of
/// its versions.
fn content(path: &str, pick: Option<u8>) -> Option<Vec<u8>> {
    let pick = pick?;
    match IDS.iter().position(|id| path == format!("cases/{id}.json")) {
        Some(i) => Some(versions()[i][usize::from(pick % 4)].clone()),
        None => Some(format!("{path} {pick}").into_bytes()),
    }
}

fn tree_of(repo: &Repository, files: &Files) -> Oid {
    let empty = repo.treebuilder(None).unwrap().write().unwrap();
    let empty = repo.find_tree(empty).unwrap();
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, bytes) in files {
        update.upsert(
            path.as_str(),
            repo.blob(bytes).unwrap(),
            git2::FileMode::Blob,
        );
    }
    update.create_updated(repo, &empty).unwrap()
}

fn side() -> impl Strategy<Value = Vec<Option<Option<u8>>>> {
    // Per path: unchanged (`None`), or set to a content (or removed).
    prop::collection::vec(prop::option::of(prop::option::of(0..4u8)), 7)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_the_changed_files_makes_the_tree_a_whole_merge_makes(
        base in prop::collection::vec(prop::option::of(0..4u8), 7),
        ours in side(),
        theirs in side(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let paths = paths();
        let mut files = [Files::new(), Files::new(), Files::new()];
        for (i, path) in paths.iter().enumerate() {
            let b = content(path, base[i]);
            let o = ours[i].map_or_else(|| b.clone(), |pick| content(path, pick));
            let t = theirs[i].map_or_else(|| b.clone(), |pick| content(path, pick));
            for (side, bytes) in files.iter_mut().zip([b, o, t]) {
                if let Some(bytes) = bytes {
                    side.insert(path.clone(), bytes);
                }
            }
        }
        let [base, ours, theirs] = files;
        let author = Author { at: at(60), by: BY };
        let whole = merge_trees(&base, &ours, &theirs, author).map(|(m, _)| tree_of(&repo, &m));

        let roots = [&base, &ours, &theirs].map(|f| tree_of(&repo, f));
        let mut trees = Trees::new(&repo).unwrap();
        let changes = load(&repo, &mut trees, Some(roots[0]), roots[1], roots[2]).unwrap();
        let rest = TreeRest { repo: &repo, ours: roots[1], changed: &changes.paths };
        let part = merge_changes(
            &changes.base,
            &changes.ours,
            &changes.theirs,
            &rest,
            author,
            &mut rand::rng(),
        )
        .map(|(edits, _)| edited_tree(&repo, roots[1], &edits).unwrap());
        prop_assert_eq!(part, whole);
    }
}

#[test]
fn only_the_changed_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init_bare(dir.path()).unwrap();
    let base: Files = (0..200)
        .map(|i| (format!("cases/DISC-2026-{i:05}.json"), vec![b'x'; 10]))
        .collect();
    let mut ours = base.clone();
    ours.insert("cases/DISC-2026-00001.json".into(), b"ours".to_vec());
    let mut theirs = base.clone();
    theirs.insert("cases/DISC-2026-00002.json".into(), b"theirs".to_vec());
    theirs.remove("cases/DISC-2026-00003.json");
    let roots = [&base, &ours, &theirs].map(|f| tree_of(&repo, f));
    let mut trees = Trees::new(&repo).unwrap();
    let changes = load(&repo, &mut trees, Some(roots[0]), roots[1], roots[2]).unwrap();
    let expected: BTreeMap<String, ()> = [1, 2, 3]
        .iter()
        .map(|i| (format!("cases/DISC-2026-{i:05}.json"), ()))
        .collect();
    assert_eq!(
        changes
            .paths
            .iter()
            .map(|p| (p.clone(), ()))
            .collect::<BTreeMap<_, _>>(),
        expected
    );
    assert_eq!(changes.base.len(), 3);
    assert_eq!(changes.theirs.len(), 2);
}
