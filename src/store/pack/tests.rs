use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

#[test]
fn the_crc_is_crc_32() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
    let long: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
    let mut parts = Crc32::new();
    parts.update(&long[..333]);
    parts.update(&long[333..]);
    assert_eq!(parts.value(), crc32(&long));
}

/// Applies a git delta, as git does when it reads one.
fn apply_delta(base: &[u8], delta: &[u8]) -> Vec<u8> {
    fn size(d: &[u8], at: &mut usize) -> usize {
        let (mut n, mut shift) = (0, 0);
        loop {
            let b = d[*at];
            *at += 1;
            n |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return n;
            }
        }
    }
    let mut at = 0;
    assert_eq!(size(delta, &mut at), base.len());
    let target_len = size(delta, &mut at);
    let mut out = Vec::new();
    while at < delta.len() {
        let op = delta[at];
        at += 1;
        if op & 0x80 != 0 {
            let (mut offset, mut len) = (0usize, 0usize);
            for bit in 0..4 {
                if op & (1 << bit) != 0 {
                    offset |= usize::from(delta[at]) << (8 * bit);
                    at += 1;
                }
            }
            for bit in 0..3 {
                if op & (0x10 << bit) != 0 {
                    len |= usize::from(delta[at]) << (8 * bit);
                    at += 1;
                }
            }
            if len == 0 {
                len = 0x10000;
            }
            out.extend_from_slice(&base[offset..offset + len]);
        } else {
            assert!(op != 0, "a zero opcode");
            out.extend_from_slice(&delta[at..at + usize::from(op)]);
            at += usize::from(op);
        }
    }
    assert_eq!(out.len(), target_len);
    out
}

/// A raw tree of `entries` (name → (is a tree, id byte)), in git's order.
fn raw_tree(entries: &BTreeMap<String, (bool, u8)>) -> Vec<u8> {
    let mut list: Vec<Owned> = entries
        .iter()
        .map(|(name, (dir, id))| Owned {
            mode: if *dir { TREE_MODE } else { 0o100_644 },
            name: name.as_bytes().to_vec(),
            id: Oid::from_bytes(&[*id; 20]).unwrap(),
        })
        .collect();
    list.sort_by(|a, b| a.entry().cmp_git(&b.entry()));
    let mut raw = Vec::new();
    for e in list {
        raw.extend_from_slice(format!("{:o} ", e.mode).as_bytes());
        raw.extend_from_slice(&e.name);
        raw.push(0);
        raw.extend_from_slice(e.id.as_bytes());
    }
    raw
}

fn entries() -> impl Strategy<Value = BTreeMap<String, (bool, u8)>> {
    prop::collection::btree_map(
        prop_oneof![
            (0..400u16).prop_map(|n| format!("DISC-2026-{n:05}.json")),
            Just("a".to_owned()),
            Just("a.b".to_owned()),
        ],
        (any::<bool>(), 0..4u8),
        0..300,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_tree_delta_rebuilds_the_tree(base in entries(), target in entries(), shuffle in any::<bool>()) {
        let base = Tree::parse(raw_tree(&base)).unwrap();
        let mut target_raw = raw_tree(&target);
        if shuffle {
            // Out of order, the delta must still be exact.
            let t = Tree::parse(target_raw.clone()).unwrap();
            let mut parts: Vec<&[u8]> =
                (0..t.len()).map(|i| &t.data[t.start(i)..t.start(i + 1)]).collect();
            parts.reverse();
            target_raw = parts.concat();
        }
        let target = Tree::parse(target_raw.clone()).unwrap();
        let delta = tree_delta(&base, &target);
        prop_assert_eq!(apply_delta(&base.data, &delta), target_raw);
    }

    #[test]
    fn the_diff_of_two_trees_finds_every_changed_entry(old in entries(), new in entries()) {
        let before = Tree::parse(raw_tree(&old)).unwrap();
        let after = raw_tree(&new);
        let mut changed = Vec::new();
        let starts = diff_trees(&before, &after, &mut |o, n| {
            changed.push((o.map(|o| o.name.to_vec()), n.name.to_vec()));
        })
        .unwrap();
        prop_assert_eq!(&starts, &Tree::parse(after.clone()).unwrap().starts);
        let mut expected = Vec::new();
        for (name, value) in &new {
            if old.get(name) != Some(value) {
                let same_name = old.get(name).filter(|(dir, _)| dir == &value.0);
                expected.push((same_name.map(|_| name.as_bytes().to_vec()), name.as_bytes().to_vec()));
            }
        }
        changed.sort();
        expected.sort();
        prop_assert_eq!(changed, expected);
    }
}

/// A store-like repository: `commits` trees of `files` on top of each other.
fn commit_files(repo: &Repository, parents: &[Oid], files: &BTreeMap<String, Vec<u8>>) -> Oid {
    let empty = repo.treebuilder(None).unwrap().write().unwrap();
    let empty = repo.find_tree(empty).unwrap();
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, bytes) in files {
        let id = repo.blob(bytes).unwrap();
        update.upsert(path.as_str(), id, git2::FileMode::Blob);
    }
    let tree = update.create_updated(repo, &empty).unwrap();
    let tree = repo.find_tree(tree).unwrap();
    let sig = git2::Signature::new("T", "t@example.org", &git2::Time::new(1, 0)).unwrap();
    let parents: Vec<git2::Commit<'_>> = parents
        .iter()
        .map(|p| repo.find_commit(*p).unwrap())
        .collect();
    let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
    repo.commit(None, &sig, &sig, "c", &tree, &parents).unwrap()
}

/// Every object `tip` reaches, with its kind and bytes.
fn reachable(repo: &Repository, tip: Oid) -> BTreeMap<Oid, (ObjectType, Vec<u8>)> {
    let odb = repo.odb().unwrap();
    let mut out = BTreeMap::new();
    let mut walk = repo.revwalk().unwrap();
    walk.push(tip).unwrap();
    let mut stack = Vec::new();
    for c in walk {
        let c = c.unwrap();
        let o = odb.read(c).unwrap();
        out.insert(c, (o.kind(), o.data().to_vec()));
        stack.push(repo.find_commit(c).unwrap().tree_id());
    }
    while let Some(t) = stack.pop() {
        let o = odb.read(t).unwrap();
        out.insert(t, (o.kind(), o.data().to_vec()));
        for e in repo.find_tree(t).unwrap().iter() {
            if e.kind() == Some(ObjectType::Tree) {
                stack.push(e.id());
            } else {
                let o = odb.read(e.id()).unwrap();
                out.insert(e.id(), (o.kind(), o.data().to_vec()));
            }
        }
    }
    out
}

fn git_fsck(dir: &Path) {
    let Ok(out) = std::process::Command::new("git")
        .args(["fsck", "--full", "--strict", "--no-dangling"])
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
    else {
        return; // No git here: the read-back above is the check.
    };
    assert!(
        out.status.success(),
        "git fsck: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_pack_sent_holds_everything_the_tip_reaches_and_git_reads_it() {
    let src_dir = tempfile::tempdir().unwrap();
    let src = Repository::init_bare(src_dir.path()).unwrap();
    // Enough cases for the `cases` tree to be sent as a delta.
    let mut files: BTreeMap<String, Vec<u8>> = (0..600)
        .map(|i| {
            (
                format!("cases/DISC-2026-{i:05}.json"),
                format!("case {i}").into_bytes(),
            )
        })
        .collect();
    files.insert("policy.json".into(), b"{}".to_vec());
    files.insert("templates/ack.txt".into(), b"hello".to_vec());
    let first = commit_files(&src, &[], &files);
    let mut ours = first;
    for i in 0..5 {
        files.insert(
            format!("cases/DISC-2026-{i:05}.json"),
            format!("changed {i}").into_bytes(),
        );
        files.remove(&format!("cases/DISC-2026-{:05}.json", 100 + i));
        files.insert(format!("advisories/A-{i}/advisory.md"), vec![b'a'; 10]);
        ours = commit_files(&src, &[ours], &files);
    }
    let mut side = files.clone();
    side.insert("cases/DISC-2026-99999.json".into(), b"theirs".to_vec());
    let theirs = commit_files(&src, &[first], &side);
    files.insert("cases/DISC-2026-99999.json".into(), b"theirs".to_vec());
    let tip = commit_files(&src, &[ours, theirs], &files);

    let dst_dir = tempfile::tempdir().unwrap();
    let dst = Repository::init_bare(dst_dir.path()).unwrap();
    let objects = dst_dir.path().join("objects");
    assert_eq!(send(&src, &objects, first, &[], true).unwrap(), 1);
    let sent = send(
        &src,
        &objects,
        tip,
        &[first, Oid::from_bytes(&[7; 20]).unwrap()],
        true,
    )
    .unwrap();
    assert_eq!(sent, 7);
    dst.odb().unwrap().refresh().unwrap();
    assert_eq!(reachable(&dst, tip), reachable(&src, tip));
    dst.reference("refs/heads/main", tip, true, "test").unwrap();
    git_fsck(dst_dir.path());
    // Nothing to send the second time.
    assert_eq!(send(&src, &objects, tip, &[tip], true).unwrap(), 0);
}

#[test]
fn an_object_that_is_not_what_its_id_says_is_refused() {
    // As the store opens repositories: libgit2 does not check on reads.
    git2::opts::strict_hash_verification(false);
    let src_dir = tempfile::tempdir().unwrap();
    let src = Repository::init_bare(src_dir.path()).unwrap();
    let files = BTreeMap::from([("policy.json".to_owned(), b"{}".to_vec())]);
    let tip = commit_files(&src, &[], &files);
    // Replace the blob's loose object with other bytes under its id.
    let blob = Oid::hash_object(ObjectType::Blob, b"{}").unwrap();
    let hex = blob.to_string();
    let path = src_dir
        .path()
        .join("objects")
        .join(&hex[..2])
        .join(&hex[2..]);
    let mut bad = Vec::new();
    crate::store::git::write_zlib_stored(&mut bad, &[b"blob 2\0[]"]).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, bad).unwrap();
    let dst_dir = tempfile::tempdir().unwrap();
    Repository::init_bare(dst_dir.path()).unwrap();
    let err = send(&src, &dst_dir.path().join("objects"), tip, &[], true).unwrap_err();
    assert!(
        err.to_string().contains("does not hold what its id says"),
        "{err}"
    );
    let packs = std::fs::read_dir(dst_dir.path().join("objects/pack"))
        .unwrap()
        .count();
    assert_eq!(packs, 0, "a refused pack was left behind");
}
