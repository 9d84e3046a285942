//! Servers for the network tests (`git daemon`, `sshd`): started on a free
//! port of 127.0.0.1 and killed when the test ends, however it ends.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server process.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    /// Spawns `cmd`, which must listen on `port`, and waits (at most 10 s)
    /// until the port answers.
    pub fn start(cmd: &mut Command, port: u16) -> Result<Self, String> {
        let what = cmd.get_program().to_string_lossy().into_owned();
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {what}: {e}"))?;
        let mut server = Self(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.0.try_wait() {
                return Err(format!("{what} exited at once ({status})"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Err(format!("{what} did not listen within 10 s"))
    }
}

/// A port of 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

/// One of git's own programs (`git-daemon`, `git-http-backend`), if this
/// git has it.
pub fn git_program(name: &str) -> Option<PathBuf> {
    let out = Command::new("git").arg("--exec-path").output().ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    let program = dir.join(name);
    program.is_file().then_some(program)
}

/// `git daemon` serving the repositories under `base` over `git://`, taking
/// pushes only if `receive_pack`; the server and its port.
pub fn git_daemon(base: &Path, home: &Path, receive_pack: bool) -> Result<(Server, u16), String> {
    let port = free_port();
    // The program itself, not `git daemon`: killing the `git` wrapper would
    // leave the daemon it started running after the test, holding the port
    // and every file descriptor the test process had.
    let program = git_program("git-daemon").ok_or("git has no git-daemon")?;
    let mut cmd = Command::new(program);
    cmd.arg("--export-all");
    if receive_pack {
        cmd.arg("--enable=receive-pack");
    }
    cmd.arg("--reuseaddr")
        .arg("--listen=127.0.0.1")
        .arg(format!("--port={port}"))
        .arg(format!("--base-path={}", base.display()))
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    Ok((Server::start(&mut cmd, port)?, port))
}
