use super::*;

#[test]
fn a_delta_copies_and_inserts() {
    let base = b"0123456789abcdef";
    // base size 16, target size 9; copy 4 bytes from offset 2, insert "XYZ",
    // copy 2 bytes from offset 14.
    let delta = [16, 9, 0x91, 2, 4, 3, b'X', b'Y', b'Z', 0x91, 14, 2];
    assert_eq!(apply_delta(base, &delta).unwrap(), b"2345XYZef");
}

#[test]
fn a_delta_that_reaches_outside_its_base_or_misstates_a_size_is_refused() {
    let base = b"0123456789abcdef";
    assert!(
        apply_delta(base, &[16, 4, 0x91, 14, 4]).is_none(),
        "copy past the end"
    );
    assert!(
        apply_delta(base, &[15, 4, 0x91, 0, 4]).is_none(),
        "wrong base size"
    );
    assert!(
        apply_delta(base, &[16, 5, 0x91, 0, 4]).is_none(),
        "wrong target size"
    );
    assert!(apply_delta(base, &[16, 4, 0]).is_none(), "reserved op");
    assert!(
        apply_delta(base, &[16, 4, 9, b'a']).is_none(),
        "insert past the end"
    );
}

#[test]
fn headers_and_offsets_decode_as_git_writes_them() {
    // A blob (type 3) of 300 bytes: 0b1011_1100, 0b0001_0010.
    assert_eq!(object_header(&[0xbc, 0x12]), Some((3, 300, 2)));
    assert_eq!(object_header(&[0xbc]), None, "a header cut short");
    // 128 back is written as 0x80 0x00 (git's offset encoding).
    assert_eq!(negative_offset(&[0x80, 0x00]), Some((128, 2)));
    assert_eq!(negative_offset(&[0x05]), Some((5, 1)));
}

#[test]
fn every_blob_of_a_packed_repository_reads_as_libgit2_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init_bare(dir.path()).unwrap();
    // Similar files, so git's repack stores most of them as deltas.
    let mut ids = Vec::new();
    let mut text = String::from("{\n  \"title\": \"case\",\n");
    for n in 0..300 {
        text.push_str(&format!("  \"note{n}\": \"seen on release {}\",\n", n % 7));
        ids.push(repo.blob(text.as_bytes()).unwrap());
    }
    let mut builder = repo.packbuilder().unwrap();
    for id in &ids {
        builder.insert_object(*id, None).unwrap();
    }
    builder
        .write(&dir.path().join("objects/pack"), 0o644)
        .unwrap();
    let mut packs = Packs::open(&dir.path().join("objects/pack"));
    let mut order: Vec<Oid> = ids.clone();
    order.sort_by_key(|id| packs.place(*id));
    let mut deltas = 0;
    for id in order {
        let place = packs.place(id).expect("packed");
        let data = packs.blob(id, place).expect("read");
        assert_eq!(&*data, repo.find_blob(id).unwrap().content());
        let mut head = [0u8; 1];
        read_at(&packs.files[place.0], &mut head, place.1).unwrap();
        if (head[0] >> 4) & 7 >= OBJ_OFS_DELTA {
            deltas += 1;
        }
    }
    assert!(deltas > 100, "the pack holds deltas ({deltas})");
}

#[test]
fn a_damaged_object_is_left_to_libgit2() {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init_bare(dir.path()).unwrap();
    let id = repo.blob(&b"some case text ".repeat(200)).unwrap();
    let mut builder = repo.packbuilder().unwrap();
    builder.insert_object(id, None).unwrap();
    let pack_dir = dir.path().join("objects/pack");
    builder.write(&pack_dir, 0o644).unwrap();
    let pack = std::fs::read_dir(&pack_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pack"))
        .unwrap();
    let mut bytes = std::fs::read(&pack).unwrap();
    let at = bytes.len() - 30;
    bytes[at] ^= 0x55;
    std::fs::write(&pack, bytes).unwrap();
    let mut packs = Packs::open(&pack_dir);
    let place = packs.place(id).unwrap();
    assert!(packs.blob(id, place).is_none());
}
