//! `sync` over a real network transport: two clones of a bare repository
//! served by `git daemon` on 127.0.0.1, through `git://`.

use crate::common::server::{git_daemon, git_program};
use crate::common::{TestEnv, skip};

#[test]
fn two_clones_sync_through_git_daemon() {
    if git_program("git-daemon").is_none() {
        skip("`git daemon` (Debian's git package)");
        return;
    }
    let a = TestEnv::new();
    a.bare_remote("remote.git");
    let (_daemon, port) = git_daemon(&a.root, &a.home, true).expect("git daemon serves");
    let url = format!("git://127.0.0.1:{port}/remote.git");
    a.disclose()
        .args(["init", "--remote", &url])
        .assert()
        .success();
    a.sync();
    let b = TestEnv::clone_of(&url);
    let x = a.open("from a", &[]);
    let y = b.open("from b", &[]);
    a.sync();
    b.sync();
    a.sync();
    a.disclose().args(["ack", &y]).assert().success();
    b.disclose().args(["ack", &x]).assert().success();
    a.sync();
    b.sync();
    a.sync();
    assert_eq!(a.files(), b.files());
    assert_eq!(a.head(), b.head());
    for id in [&x, &y] {
        assert_eq!(a.case(id)["state"], "acknowledged");
    }
}
