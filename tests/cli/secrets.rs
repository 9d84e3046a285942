//! No secrets in output: a password or token in a remote URL never appears
//! on stdout or stderr, whatever the command and however it fails; seeing
//! one, disclose says a credential helper is the better place for it.

use std::io::{Read as _, Write as _};
use std::net::TcpListener;

use crate::common::{TestEnv, stderr, stdout};

const TOKEN: &str = "ghp_s3cr3tT0ken";

/// An http server on 127.0.0.1 that refuses every request with 401, so a
/// transport error (which may quote the URL) comes back; its base URL.
fn refusing_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"cases\"\r\n\
                  Content-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    format!("127.0.0.1:{port}")
}

/// Runs `args`, and checks neither stream holds a secret; the output.
fn clean(env: &TestEnv, args: &[&str], code: i32) -> (String, String) {
    let out = env.disclose().args(args).assert().code(code);
    let (o, e) = (stdout(&out), stderr(&out));
    for secret in [TOKEN, "hunter2"] {
        assert!(!o.contains(secret), "{args:?} printed {secret}: {o}");
        assert!(!e.contains(secret), "{args:?} printed {secret}: {e}");
    }
    (o, e)
}

#[test]
fn a_token_in_the_remote_url_is_never_printed() {
    let server = refusing_server();
    for url in [
        format!("http://alice:{TOKEN}@{server}/team/cases.git"),
        format!("http://{TOKEN}@{server}/team/cases.git"),
    ] {
        let env = TestEnv::init();
        let (_, err) = clean(&env, &["remote", "set", &url], 0);
        assert!(err.contains("credential helper"), "{err}");
        assert!(err.contains("***@127.0.0.1"), "{err}");
        let (out, _) = clean(&env, &["remote", "show"], 0);
        assert!(out.contains("***@127.0.0.1"), "{out}");
        clean(&env, &["remote"], 0);
        clean(&env, &["--json", "remote"], 0);
        clean(&env, &["--json", "remote", "set", &url], 0);
        env.open("report", &[]);
        clean(&env, &["status"], 0);
        let (_, err) = clean(&env, &["sync"], 3);
        assert!(err.contains("could not fetch"), "{err}");
        clean(&env, &["--json", "sync"], 3);
        clean(&env, &["sync", "--no-push"], 3);
        // The URL is still recorded whole for git to use.
        let repo = git2::Repository::open(&env.store).unwrap();
        let recorded = repo
            .find_remote("origin")
            .unwrap()
            .url()
            .unwrap()
            .to_owned();
        assert_eq!(recorded, url);
    }
}

#[test]
fn clone_and_init_with_a_token_in_the_url_print_none_of_it() {
    let server = refusing_server();
    for url in [
        format!("http://alice:{TOKEN}@{server}/team/cases.git"),
        format!("ssh://git:hunter2@{server}/team/cases.git"),
    ] {
        let env = TestEnv::new();
        let dir = env.root.join("clone");
        let (_, err) = clean(&env, &["clone", &url, dir.to_str().unwrap()], 3);
        assert!(err.contains("could not"), "{err}");
        assert!(!dir.exists());
        let (out, err) = clean(&env, &["--json", "init", "--remote", &url], 0);
        assert!(err.contains("credential helper"), "{err}");
        assert!(out.contains(":***@127.0.0.1"), "{out}");
    }
}

#[test]
fn a_bad_url_with_a_token_is_refused_without_printing_it() {
    let env = TestEnv::init();
    let (_, err) = clean(
        &env,
        &[
            "remote",
            "set",
            &format!("ftp://bob:{TOKEN}@example.org/x.git"),
        ],
        2,
    );
    assert!(err.contains("ftp://bob:***@example.org"), "{err}");
}
