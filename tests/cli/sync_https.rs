//! `clone` and `sync` over https: a TLS server on 127.0.0.1 with a certificate
//! made for the test, handing each request to `git http-backend`.
//!
//! libgit2 starts with no trusted certificates (reading the system bundle
//! costs every command), so these also show that the bundle named by
//! `SSL_CERT_FILE` is loaded once a remote is reached, and that a server it
//! does not vouch for gets no request at all.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use openssl::asn1::Asn1Time;
use openssl::bn::BigNum;
use openssl::ec::{EcGroup, EcKey};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::ssl::{SslAcceptor, SslMethod};
use openssl::x509::extension::SubjectAlternativeName;
use openssl::x509::{X509, X509NameBuilder};

use crate::common::server::git_program;
use crate::common::{TestEnv, skip, stderr};

/// A self-signed certificate for 127.0.0.1, and its key.
fn certificate() -> (PKey<Private>, X509) {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let key = PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap();
    let mut name = X509NameBuilder::new().unwrap();
    name.append_entry_by_text("CN", "127.0.0.1").unwrap();
    let name = name.build();
    let mut cert = X509::builder().unwrap();
    cert.set_version(2).unwrap();
    let serial = BigNum::from_u32(1).unwrap().to_asn1_integer().unwrap();
    cert.set_serial_number(&serial).unwrap();
    cert.set_subject_name(&name).unwrap();
    cert.set_issuer_name(&name).unwrap();
    cert.set_pubkey(&key).unwrap();
    cert.set_not_before(&Asn1Time::days_from_now(0).unwrap())
        .unwrap();
    cert.set_not_after(&Asn1Time::days_from_now(2).unwrap())
        .unwrap();
    let san = SubjectAlternativeName::new()
        .ip("127.0.0.1")
        .build(&cert.x509v3_context(None, None))
        .unwrap();
    cert.append_extension(san).unwrap();
    cert.sign(&key, MessageDigest::sha256()).unwrap();
    (key, cert.build())
}

/// The request lines the server has answered, in order.
type Seen = Arc<Mutex<Vec<String>>>;

/// Serves the bare repositories under `base` over https with pushes allowed;
/// the port and what it has seen. The accepting thread ends with the test
/// process.
fn serve(base: &Path, key: &PKey<Private>, cert: &X509) -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut acceptor = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls()).unwrap();
    acceptor.set_private_key(key).unwrap();
    acceptor.set_certificate(cert).unwrap();
    let acceptor = Arc::new(acceptor.build());
    let seen = Seen::default();
    let (base, log) = (base.to_path_buf(), seen.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (acceptor, base, log) = (acceptor.clone(), base.clone(), log.clone());
            std::thread::spawn(move || {
                // A client that refuses the certificate hangs up mid-way;
                // that is its right, not the server's failure.
                let _ = answer(&acceptor, stream, &base, &log);
            });
        }
    });
    (port, seen)
}

/// One request on one connection (the response says `Connection: close`).
fn answer(acceptor: &SslAcceptor, stream: TcpStream, base: &Path, seen: &Seen) -> io::Result<()> {
    let tls = acceptor.accept(stream).map_err(io::Error::other)?;
    let mut reader = BufReader::new(tls);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(io::Error::other(format!("bad request line {line:?}")));
    };
    let (method, target) = (method.to_owned(), target.to_owned());
    let mut headers = BTreeMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header)?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let body = read_body(&mut reader, &headers)?;
    seen.lock().unwrap().push(format!("{method} {target}"));

    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let header = |name: &str| headers.get(name).cloned().unwrap_or_default();
    let mut cgi = Command::new("git")
        .arg("http-backend")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", base)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "http.receivepack")
        .env("GIT_CONFIG_VALUE_0", "true")
        .env("GIT_PROJECT_ROOT", base)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("REQUEST_METHOD", &method)
        .env("PATH_INFO", path)
        .env("QUERY_STRING", query)
        .env("CONTENT_TYPE", header("content-type"))
        .env("CONTENT_LENGTH", body.len().to_string())
        .env("HTTP_CONTENT_ENCODING", header("content-encoding"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut input = cgi.stdin.take().expect("piped stdin");
    // Written from another thread: the backend may answer before it has
    // read everything.
    let writer = std::thread::spawn(move || input.write_all(&body));
    let output = cgi.wait_with_output()?;
    writer.join().expect("writer thread")?;

    let out = output.stdout;
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| (at, 4))
        .or_else(|| out.windows(2).position(|w| w == b"\n\n").map(|at| (at, 2)))
        .ok_or_else(|| io::Error::other("git http-backend wrote no headers"))?;
    let cgi_head = String::from_utf8_lossy(&out[..split.0]).into_owned();
    let cgi_body = &out[split.0 + split.1..];
    let mut status = "200 OK".to_owned();
    let mut response = Vec::new();
    let mut fields = String::new();
    for field in cgi_head.lines() {
        match field.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("status") => {
                status = value.trim().to_owned();
            }
            Some(_) => fields.push_str(&format!("{field}\r\n")),
            None => {}
        }
    }
    write!(
        response,
        "HTTP/1.1 {status}\r\n{fields}Content-Length: {}\r\nConnection: close\r\n\r\n",
        cgi_body.len()
    )?;
    response.extend_from_slice(cgi_body);
    let mut tls = reader.into_inner();
    tls.write_all(&response)?;
    tls.flush()?;
    let _ = tls.shutdown();
    Ok(())
}

fn read_body(reader: &mut impl BufRead, headers: &BTreeMap<String, String>) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    if headers
        .get("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let size = size.trim().split(';').next().unwrap_or_default();
            let size = usize::from_str_radix(size, 16).map_err(io::Error::other)?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk)?;
            if size == 0 {
                return Ok(body);
            }
            body.extend_from_slice(&chunk[..size]);
        }
    }
    if let Some(length) = headers.get("content-length") {
        let length = length.parse::<usize>().map_err(io::Error::other)?;
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
    }
    Ok(body)
}

/// Trust exactly `bundle`: an empty certificate directory keeps the system's
/// out of it.
fn trusting(mut cmd: assert_cmd::Command, bundle: &Path, env: &TestEnv) -> assert_cmd::Command {
    let no_dir = env.root.join("no-certs");
    std::fs::create_dir_all(&no_dir).unwrap();
    cmd.env("SSL_CERT_FILE", bundle).env("SSL_CERT_DIR", no_dir);
    cmd
}

fn write_bundle(env: &TestEnv, name: &str, cert: &X509) -> PathBuf {
    let path = env.root.join(name);
    std::fs::write(&path, cert.to_pem().unwrap()).unwrap();
    path
}

#[test]
fn two_clones_sync_over_https_trusting_ssl_cert_file() {
    if git_program("git-http-backend").is_none() {
        skip("git http-backend");
        return;
    }
    let (key, cert) = certificate();
    let a = TestEnv::new();
    a.bare_remote("remote.git");
    let (port, seen) = serve(&a.root, &key, &cert);
    let url = format!("https://127.0.0.1:{port}/remote.git");
    let bundle = write_bundle(&a, "server.pem", &cert);

    trusting(a.disclose(), &bundle, &a)
        .args(["init", "--remote", &url])
        .assert()
        .success();
    let x = a.open("from a", &[]);
    trusting(a.disclose(), &bundle, &a)
        .arg("sync")
        .assert()
        .success();

    let b = TestEnv::new();
    trusting(b.disclose(), &bundle, &a)
        .args(["clone", &url])
        .arg(&b.store)
        .assert()
        .success();
    let y = b.open("from b", &[]);
    b.disclose().args(["ack", &x]).assert().success();
    for env in [&b, &a] {
        trusting(env.disclose(), &bundle, &a)
            .arg("sync")
            .assert()
            .success();
    }
    assert_eq!(a.files(), b.files());
    assert_eq!(a.head(), b.head());
    assert_eq!(a.case(&x)["state"], "acknowledged");
    assert_eq!(a.case(&y)["title"], "from b");

    let seen = seen.lock().unwrap();
    for service in ["git-upload-pack", "git-receive-pack"] {
        assert!(
            seen.iter()
                .any(|line| line == &format!("POST /remote.git/{service}")),
            "no {service} request in {seen:#?}"
        );
    }
}

#[test]
fn a_server_the_bundle_does_not_vouch_for_gets_no_request() {
    let (key, cert) = certificate();
    let (_, stranger) = certificate();
    let env = TestEnv::new();
    env.bare_remote("remote.git");
    let (port, seen) = serve(&env.root, &key, &cert);
    let url = format!("https://127.0.0.1:{port}/remote.git");
    let bundle = write_bundle(&env, "other.pem", &stranger);
    let target = env.root.join("clone");

    let out = trusting(env.disclose(), &bundle, &env)
        .args(["clone", &url])
        .arg(&target)
        .assert()
        .failure();
    let err = stderr(&out);
    assert!(err.contains(&url), "{err}");
    assert!(err.contains("certificate"), "{err}");
    assert!(err.contains("SSL_CERT_FILE"), "{err}");
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );
    assert!(!target.join(".git").exists());
}
