//! A full disk: every command that fails on it changes nothing, every one
//! that succeeds is wholly committed, and the next command works once
//! there is room. On a real full file system (a small tmpfs, mounted in a
//! user namespace where the machine allows it), else with the write
//! failures `DISCLOSE_FAULT` injects at each step.

use crate::common::in_step::{assert_in_step, head_has};
use crate::common::{TestEnv, stderr};

/// Runs `note` on a tmpfs filled to leave each of a range of sizes free.
const SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=3m tmpfs "$MNT" || exit 90
cp -a "$TEMPLATE" "$MNT/store"
cd "$MNT/store"
export DISCLOSE_DIR="$MNT/store"
digest() {
    { git rev-parse HEAD; sha1sum .git/index;
      find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum; } | sha1sum | cut -c1-40
}
for free in 0 4 8 12 16 20 24 32 40 48 64 96 128 192 256; do
    dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
    truncate -s "-${free}K" "$MNT/filler"
    before=$(digest)
    disclose note "$ID" "full $free." >/dev/null 2>"$MNT/err"
    rc=$?
    after=$(digest)
    echo "run $free $rc $before $after"
    rm -f "$MNT/filler"
    disclose status >/dev/null 2>&1
    echo "next $free $?"
    git status --porcelain --untracked-files=all | sed "s/^/dirty $free /"
    git diff --cached --quiet HEAD; echo "staged $free $?"
    if git show "HEAD:cases/$ID.json" | grep -q "full $free\."; then echo "present $free 1"; else echo "present $free 0"; fi
done
git fsck --strict --no-dangling >/dev/null 2>&1; echo "fsck $?"
"#;

#[test]
fn commands_on_a_full_disk_change_nothing_or_commit_in_full() {
    let env = TestEnv::init();
    let id = env.open("full disk", &["--description", &"x".repeat(2000)]);
    let mnt = env.root.join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let out = env
        .program("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", SCRIPT])
        .env("MNT", &mnt)
        .env("TEMPLATE", &env.store)
        .env("ID", &id)
        .output();
    let text = out
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if !text.contains("fsck ") {
        // No `unshare`, or no user namespaces here (a container may forbid
        // them), so no tmpfs to fill.
        return injected_write_failures(&env, &id);
    }
    let (mut failed, mut made) = (0, 0);
    let mut present = std::collections::BTreeMap::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["run", free, rc, before, after] => {
                if *rc == "0" {
                    made += 1;
                } else {
                    failed += 1;
                    assert_eq!(
                        before, after,
                        "{free} KiB free: the failed note changed the store"
                    );
                }
                present.insert((*free).to_owned(), *rc == "0");
            }
            ["next", free, rc] => assert_eq!(*rc, "0", "{free} KiB free: the next command failed"),
            ["dirty", rest @ ..] => panic!("the work tree differs from HEAD: {rest:?}"),
            ["staged", free, rc] => {
                assert_eq!(*rc, "0", "{free} KiB free: the index differs from HEAD");
            }
            ["present", free, p] => {
                assert_eq!(
                    present.get(*free),
                    Some(&(*p == "1")),
                    "{free} KiB free: exit code and HEAD disagree"
                );
            }
            ["fsck", rc] => assert_eq!(*rc, "0", "git fsck"),
            _ => {}
        }
    }
    assert!(
        failed > 0 && made > 0,
        "{failed} failed, {made} made: {text}"
    );
}

/// Where no file system can be filled: the same promises, with each write
/// of a change failed as a full disk fails it.
fn injected_write_failures(env: &TestEnv, id: &str) {
    let rel = format!("cases/{id}.json");
    for (i, step) in ["journal", "objects", "reserve", "files", "index", "ref"]
        .iter()
        .enumerate()
    {
        let before = (
            std::fs::read(env.store.join(".git/index")).unwrap(),
            env.head(),
            env.files(),
        );
        let text = format!("full {i}.");
        let out = env
            .disclose()
            .env("DISCLOSE_FAULT", step)
            .args(["note", id, &text])
            .assert()
            .code(3);
        assert!(
            stderr(&out).contains("no storage space"),
            "{step}: {}",
            stderr(&out)
        );
        let after = (
            std::fs::read(env.store.join(".git/index")).unwrap(),
            env.head(),
            env.files(),
        );
        assert!(before == after, "{step}: the failed note changed the store");
        assert!(!head_has(&env.store, &rel, &text));
        env.disclose()
            .args(["note", id, "room again"])
            .assert()
            .success();
        assert_in_step(env, step);
    }
}
