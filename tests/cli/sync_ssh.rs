//! `clone` and `sync` over ssh: a private `sshd` on 127.0.0.1 that lets one
//! key in, and HOMEs whose `~/.ssh` holds that key and the server's host key,
//! as a maintainer's would. No ssh agent is running, so these also go through
//! the credentials callback's fallback to the keys in `~/.ssh`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::server::{Server, free_port};
use crate::common::{TestEnv, skip, stderr};

const SSHD: &str = "/usr/sbin/sshd";

/// The server, and what a client needs to reach it.
struct Sshd {
    _server: Server,
    url: String,
    /// The client key `sshd` lets in.
    key: PathBuf,
    /// `[127.0.0.1]:PORT <host key>`, as `known_hosts` records it.
    known_host: String,
    log: PathBuf,
}

impl Sshd {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "disclose-test", "-f"])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen runs");
    assert!(ok.success(), "ssh-keygen failed for {}", path.display());
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Serves `<env.root>/remote.git` (a new bare repository) over ssh.
fn serve(env: &TestEnv) -> Sshd {
    let remote = env.bare_remote("remote.git");
    let dir = env.root.join("sshd");
    std::fs::create_dir_all(&dir).unwrap();
    let (host_key, key) = (dir.join("host_key"), dir.join("client_key"));
    keygen(&host_key);
    keygen(&key);
    let authorized = dir.join("authorized_keys");
    std::fs::copy(key.with_extension("pub"), &authorized).unwrap();
    let port = free_port();
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nAuthorizedKeysFile {}\n\
             PidFile none\nStrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\n",
            host_key.display(),
            authorized.display()
        ),
    )
    .unwrap();
    // sshd started by root drops privileges into this directory, which a
    // system without a running sshd lacks; as another user it is not used.
    let _ = std::fs::create_dir_all("/run/sshd");
    let log = dir.join("sshd.log");
    let server = Server::start(
        Command::new(SSHD)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap()),
        port,
    )
    .unwrap_or_else(|e| panic!("{e}\n{}", std::fs::read_to_string(&log).unwrap_or_default()));
    let host_public = std::fs::read_to_string(host_key.with_extension("pub")).unwrap();
    let host_public: Vec<&str> = host_public.split_whitespace().take(2).collect();
    Sshd {
        _server: server,
        url: format!("ssh://{}@127.0.0.1:{port}{}", user(), remote.display()),
        key,
        known_host: format!("[127.0.0.1]:{port} {}", host_public.join(" ")),
        log,
    }
}

/// Gives `env`'s HOME the client key, and the host key unless `knows_host`
/// is false.
fn give_key(env: &TestEnv, sshd: &Sshd, knows_host: bool) {
    let ssh = env.home.join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::copy(&sshd.key, ssh.join("id_ed25519")).unwrap();
    std::fs::copy(sshd.key.with_extension("pub"), ssh.join("id_ed25519.pub")).unwrap();
    if knows_host {
        std::fs::write(ssh.join("known_hosts"), format!("{}\n", sshd.known_host)).unwrap();
    }
}

fn sshd_missing() -> bool {
    let missing = !Path::new(SSHD).is_file();
    if missing {
        skip("sshd (Debian's openssh-server)");
    }
    missing
}

#[test]
fn two_clones_sync_over_ssh_with_the_key_in_dot_ssh() {
    if sshd_missing() {
        return;
    }
    let a = TestEnv::new();
    let sshd = serve(&a);
    give_key(&a, &sshd, true);
    a.disclose()
        .args(["init", "--remote", &sshd.url])
        .assert()
        .success();
    let x = a.open("from a", &[]);
    let out = a.disclose().arg("sync").assert();
    assert!(out.get_output().status.success(), "{}", sshd.log());

    let b = TestEnv::new();
    give_key(&b, &sshd, true);
    b.disclose()
        .args(["clone", &sshd.url])
        .arg(&b.store)
        .assert()
        .success();
    let y = b.open("from b", &[]);
    b.disclose().args(["ack", &x]).assert().success();
    b.sync();
    a.sync();
    assert_eq!(a.files(), b.files());
    assert_eq!(a.head(), b.head());
    assert_eq!(a.case(&x)["state"], "acknowledged");
    assert_eq!(a.case(&y)["title"], "from b");
}

#[test]
fn an_unknown_host_key_is_refused_and_says_how_to_record_it() {
    if sshd_missing() {
        return;
    }
    let env = TestEnv::new();
    let sshd = serve(&env);
    give_key(&env, &sshd, false);
    env.disclose()
        .args(["init", "--remote", &sshd.url])
        .assert()
        .success();
    env.open("kept", &[]);
    let out = env.disclose().arg("sync").assert().code(3);
    let err = stderr(&out);
    assert!(err.contains("host key"), "{err}");
    assert!(err.contains("known_hosts"), "{err}");
    assert!(err.contains("2 local changes not pushed"), "{err}");
    assert!(!sshd.log().contains("Accepted publickey"), "{}", sshd.log());
    let remote = git2::Repository::open(env.root.join("remote.git")).unwrap();
    assert!(remote.refname_to_id("refs/heads/main").is_err());
}

#[test]
fn without_a_key_the_login_fails_after_trying_each_way_once() {
    if sshd_missing() {
        return;
    }
    let env = TestEnv::new();
    let sshd = serve(&env);
    give_key(&env, &sshd, true);
    std::fs::remove_file(env.home.join(".ssh/id_ed25519")).unwrap();
    let target = env.root.join("clone");
    let out = env
        .disclose()
        .args(["clone", &sshd.url])
        .arg(&target)
        .assert()
        .code(3);
    let err = stderr(&out);
    assert!(err.contains("no credentials were accepted"), "{err}");
    assert!(!target.join(".git").exists());
}
