//! Runs a command on a pseudo-terminal of a given size, as a maintainer's
//! terminal would: stdin, stdout and stderr are all the terminal, and the
//! test types into it (keys are sent once the program has printed what
//! they answer, so nothing is typed ahead of a prompt).

use std::io::{Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// A guard against a hung program: a test fails after this long instead of
/// hanging the suite. No assertion depends on it.
const PATIENCE: Duration = Duration::from_secs(120);

/// What the terminal showed (with `\r\n` turned into `\n`) and how the
/// program exited.
#[derive(Debug)]
pub struct Screen {
    pub text: String,
    pub status: ExitStatus,
}

/// Runs `cmd` on a terminal `columns` wide. For each `(wait_for, keys)`,
/// once the output so far contains `wait_for`, `keys` are typed.
pub fn run(mut cmd: Command, columns: u16, script: &[(&str, &[u8])]) -> Screen {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    tcsetwinsize(
        &master,
        Winsize {
            ws_row: 40,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let name = std::ffi::OsStr::new(std::str::from_utf8(name.as_bytes()).unwrap()).to_owned();
    // O_NOCTTY: the terminal must not become the test runner's own.
    let slave = std::fs::File::options()
        .read(true)
        .write(true)
        .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
        .open(&name)
        .unwrap();
    cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    let mut child = cmd.spawn().unwrap();
    // The parent's copies of the terminal's far end must close, or reading
    // would never see the end when the program exits.
    drop(cmd);

    let mut master = std::fs::File::from(master);
    let mut reader = master.try_clone().unwrap();
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        // Linux reports the far end's close as EIO: the end of the output.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    for (wait_for, keys) in script {
        while !String::from_utf8_lossy(&seen).contains(wait_for) {
            match rx.recv_timeout(PATIENCE) {
                Ok(chunk) => seen.extend(chunk),
                Err(_) => {
                    let _ = child.kill();
                    panic!(
                        "never saw {wait_for:?}; the terminal showed:\n{}",
                        String::from_utf8_lossy(&seen)
                    );
                }
            }
        }
        master.write_all(keys).unwrap();
    }
    loop {
        match rx.recv_timeout(PATIENCE) {
            Ok(chunk) => seen.extend(chunk),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                panic!(
                    "the program did not finish; the terminal showed:\n{}",
                    String::from_utf8_lossy(&seen)
                );
            }
        }
    }
    let status = child.wait().unwrap();
    Screen {
        text: String::from_utf8(seen).unwrap().replace("\r\n", "\n"),
        status,
    }
}
