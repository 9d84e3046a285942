//! `sync` over a real network transport: two clones of a bare repository
//! served by `git daemon` on 127.0.0.1, through `git://`.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{TestEnv, skip};

/// The daemon, killed when the test ends however it ends.
struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `git daemon`'s program, if this git has one.
fn daemon_program() -> Option<PathBuf> {
    let out = Command::new("git").arg("--exec-path").output().ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    let program = dir.join("git-daemon");
    program.is_file().then_some(program)
}

/// Serves the repositories under `base` with pushes allowed, and waits
/// (bounded) until the port answers.
fn serve(base: &Path, home: &Path) -> Result<(Daemon, u16), String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let child = Command::new("git")
        .arg("daemon")
        .arg("--export-all")
        .arg("--enable=receive-pack")
        .arg("--reuseaddr")
        .arg("--listen=127.0.0.1")
        .arg(format!("--port={port}"))
        .arg(format!("--base-path={}", base.display()))
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start git daemon: {e}"))?;
    let mut daemon = Daemon(child);
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok((daemon, port));
        }
        if let Ok(Some(status)) = daemon.0.try_wait() {
            return Err(format!("git daemon exited at once ({status})"));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Err("git daemon did not listen within 10 s".to_owned())
}

#[test]
fn two_clones_sync_through_git_daemon() {
    if daemon_program().is_none() {
        skip("`git daemon` (Debian's git package)");
        return;
    }
    let a = TestEnv::new();
    a.bare_remote("remote.git");
    let (_daemon, port) = serve(&a.root, &a.home).expect("git daemon serves");
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
