use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

/// A repository in a temporary directory.
fn repo() -> (tempfile::TempDir, Repository) {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init_bare(dir.path()).unwrap();
    (dir, repo)
}

/// A tree of `files` (path to bytes; a path may have directories).
fn tree_of(repo: &Repository, files: &BTreeMap<String, Vec<u8>>) -> Oid {
    let empty = repo.treebuilder(None).unwrap().write().unwrap();
    let empty = repo.find_tree(empty).unwrap();
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, bytes) in files {
        let id = repo.blob(bytes).unwrap();
        update.upsert(path.as_str(), id, git2::FileMode::Blob);
    }
    update.create_updated(repo, &empty).unwrap()
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..40u8).prop_map(|n| format!("cases/DISC-2026-{n:05}.json")),
        (0..3u8).prop_map(|n| format!("templates/t{n}.txt")),
        (0..3u8).prop_map(|n| format!("advisories/A-{n}/advisory.md")),
        Just("policy.json".to_owned()),
        Just("a".to_owned()),
        Just("a.b".to_owned()),
        Just("deep/er/file".to_owned()),
    ]
}

fn files() -> impl Strategy<Value = BTreeMap<String, Vec<u8>>> {
    prop::collection::btree_map(path(), (0..3u8).prop_map(|b| vec![b]), 0..30).prop_map(|m| {
        // A name is a file or a directory, never both.
        m.keys()
            .filter(|p| {
                !m.keys()
                    .any(|q| q.starts_with(&format!("{p}/")) || p.starts_with(&format!("{q}/")))
            })
            .map(|p| (p.clone(), m[p].clone()))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_diff_lists_exactly_the_files_that_differ(old in files(), new in files()) {
        let (_dir, repo) = repo();
        let (a, b) = (tree_of(&repo, &old), tree_of(&repo, &new));
        let mut trees = Trees::new(&repo).unwrap();
        let Ok(changed) = diff(&mut trees, Some(a), Some(b)) else {
            panic!("a diff of well-formed trees failed");
        };
        let id = |bytes: &Vec<u8>| Oid::hash_object(ObjectType::Blob, bytes).unwrap();
        let mut expected = Vec::new();
        let paths: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for path in paths {
            let (o, n) = (old.get(path).map(id), new.get(path).map(id));
            if o != n {
                expected.push((path.clone(), o, n));
            }
        }
        let got: Vec<_> = changed
            .iter()
            .map(|c| (c.path.clone(), c.old.map(|b| b.id), c.new.map(|b| b.id)))
            .collect();
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn an_entry_that_differs_is_checked_and_an_unchanged_one_is_not() {
    let (_dir, repo) = repo();
    let blob = repo.blob(b"x").unwrap();
    let mut builder = repo.treebuilder(None).unwrap();
    builder.insert("policy.json", blob, 0o100_644).unwrap();
    let old = builder.write().unwrap();
    builder.insert("evil", blob, 0o120_000).unwrap();
    let new = builder.write().unwrap();
    let mut trees = Trees::new(&repo).unwrap();
    match diff(&mut trees, Some(old), Some(new)) {
        Err(Stop::Refused(path, Unsafe::Link)) => assert_eq!(path, "evil"),
        _ => panic!("the new link was not refused"),
    }
    // The same link on both sides is no change.
    assert!(matches!(diff(&mut trees, Some(new), Some(new)), Ok(c) if c.is_empty()));
}

#[test]
fn a_tree_out_of_order_is_refused() {
    let (_dir, repo) = repo();
    let blob = repo.blob(b"x").unwrap();
    let mut raw = Vec::new();
    for name in ["b", "a"] {
        raw.extend_from_slice(format!("100644 {name}\0").as_bytes());
        raw.extend_from_slice(blob.as_bytes());
    }
    let bad = repo.odb().unwrap().write(ObjectType::Tree, &raw).unwrap();
    let mut trees = Trees::new(&repo).unwrap();
    match diff(&mut trees, None, Some(bad)) {
        Err(Stop::Failed(e)) => assert!(e.to_string().contains("order"), "{e}"),
        _ => panic!("an unordered tree was read"),
    }
}
