//! Bounded input, linear cost: every text has a limit, refused with exit 2
//! naming the field before anything changes; a long email subject is cut to
//! a title; and a case file with a huge title (written by hand or pushed by
//! a teammate's older version) still lists quickly. No timing is asserted:
//! quadratic paths would make these tests take minutes, linear ones take
//! a blink.

use std::io::Write as _;

use disclose::model::case::{Case, NewCase};
use disclose::model::policy::Slas;

use crate::common::{TestEnv, stderr, stdout};

/// An email whose Subject is `subject` and whose body is `body`.
fn email(env: &TestEnv, name: &str, subject: &str, body: &str) -> std::path::PathBuf {
    let path = env.root.join(name);
    let mut file = std::fs::File::create(&path).unwrap();
    write!(
        file,
        "From: Ada <ada@example.org>\nSubject: {subject}\nDate: Sun, 01 Mar 2026 10:00:00 +0000\n\
         Message-ID: <{name}@example.org>\n\n{body}\n"
    )
    .unwrap();
    path
}

/// Runs `args`, expects exit 2 naming `field`, and nothing changed.
fn refused(env: &TestEnv, args: &[&str], field: &str) -> String {
    let before = env.snapshot_bytes();
    let out = env.disclose().args(args).assert().code(2);
    let err = stderr(&out);
    assert!(err.contains(field), "{args:?}: {err}");
    assert_eq!(before, env.snapshot_bytes(), "{args:?} changed the store");
    err
}

#[test]
fn a_title_or_value_over_its_limit_is_refused_naming_the_field() {
    let env = TestEnv::init();
    let err = refused(
        &env,
        &["open", "--title", &"T".repeat(257)],
        "the title is too long: 257 characters; a title holds at most 256 characters",
    );
    assert!(err.contains("hint: nothing was changed"), "{err}");
    refused(
        &env,
        &[
            "open",
            "--title",
            "ok",
            "--reporter-name",
            &"n".repeat(1001),
        ],
        "the reporter's name is too long",
    );
    let id = env.open(&"T".repeat(256), &[]);
    refused(
        &env,
        &["pause", &id, "--reason", &"r".repeat(1001)],
        "the reason is too long",
    );
    refused(
        &env,
        &["credit", &id, "--name", &"c".repeat(1001)],
        "the credited name is too long",
    );
    refused(
        &env,
        &["policy", "set", "project", &"p".repeat(1001)],
        "policy project: the value is too long",
    );
}

#[test]
fn files_read_for_a_text_are_bounded() {
    let env = TestEnv::init();
    let big = env.root.join("report.txt");
    std::fs::write(&big, "a".repeat((1 << 20) + 1)).unwrap();
    let err = refused(
        &env,
        &[
            "open",
            "--title",
            "x",
            "--description-file",
            big.to_str().unwrap(),
        ],
        "larger than the limit of 1 MB",
    );
    assert!(err.contains("report.txt"), "{err}");
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["open", "--title", "x", "--description-file", "-"])
        .write_stdin("a".repeat((1 << 20) + 1))
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
    std::fs::write(&big, "a".repeat(1 << 20)).unwrap();
    let id = env.open("x", &["--description-file", big.to_str().unwrap()]);
    for args in [["note", &id, "-"], ["contact", &id, "-"]] {
        let before = env.snapshot_bytes();
        let out = env
            .disclose()
            .args(args)
            .write_stdin("b".repeat((1 << 20) + 1))
            .assert()
            .code(2);
        assert!(stderr(&out).contains("1 MB"), "{}", stderr(&out));
        assert_eq!(before, env.snapshot_bytes());
    }

    // A template is bounded the same way, and named.
    std::fs::create_dir(env.store.join("templates")).unwrap();
    let template = env.store.join("templates/ack.txt");
    std::fs::write(&template, "a".repeat((1 << 20) + 1)).unwrap();
    let out = env
        .disclose()
        .args(["ack", &id, "--draft"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("templates/ack.txt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.case(&id)["state"], "new");
}

#[test]
fn a_twenty_megabyte_subject_becomes_a_cut_title() {
    let env = TestEnv::init();
    let subject = "A".repeat(20 << 20);
    let path = email(&env, "huge-subject", &subject, "The report.");
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        stderr(&out).contains("first 256 characters"),
        "{}",
        stderr(&out)
    );
    let id = stdout(&out).trim().to_owned();
    let case = env.case(&id);
    assert_eq!(case["title"].as_str().unwrap(), "A".repeat(256));
    assert_eq!(case["source"]["subject"].as_str().unwrap().len(), 256);
    env.disclose().arg("status").assert().success();
    env.disclose()
        .args(["ack", &id, "--draft"])
        .assert()
        .success();
}

#[test]
fn an_email_body_over_the_text_limit_is_refused_naming_it() {
    let env = TestEnv::init();
    let body = "word ".repeat(250_000);
    let path = email(&env, "huge-body", "Report", &body);
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(&path)
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("the description is too long"), "{err}");
    assert!(err.contains("huge-body"), "{err}");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_nul_in_the_from_address_is_refused() {
    let env = TestEnv::init();
    let path = env.root.join("nul.eml");
    std::fs::write(
        &path,
        b"From: Ada <ada\0evil@example.org>\nSubject: x\nMessage-ID: <n@x>\n\nbody\n",
    )
    .unwrap();
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(&path)
        .assert()
        .code(2);
    assert!(stderr(&out).contains("From address"), "{}", stderr(&out));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_case_file_with_a_megabyte_title_still_lists() {
    let env = TestEnv::init();
    // Written through the library, as an older version or a hand edit
    // could have: no limit applies on this path.
    for title in ["A".repeat(1 << 20), "word ".repeat(200_000)] {
        let store = env.open_store();
        let id = store
            .transaction(&env.identity(), env.now(), |tx| Ok(tx.new_case_id()))
            .unwrap();
        let case = Case::open(
            id,
            NewCase {
                title,
                ..NewCase::default()
            },
            Slas::default(),
            env.now(),
            "Test Maintainer <maintainer@example.org>",
        );
        env.write_case(&case);
    }
    let out = env.disclose().arg("status").assert().success();
    for id in env.case_ids() {
        assert!(stdout(&out).contains(&id), "{id}");
    }
    env.disclose().args(["status", "--json"]).assert().success();
    let id = &env.case_ids()[0];
    env.disclose().args(["show", id]).assert().success();
    env.disclose()
        .args(["ack", id, "--draft"])
        .assert()
        .success();
}

#[test]
fn zero_promises_and_overlapping_releases_are_refused() {
    let env = TestEnv::new();
    for flag in ["--ack-within", "--update-every", "--disclose-within"] {
        let out = env.disclose().args(["init", flag, "0h"]).assert().code(2);
        let err = stderr(&out);
        assert!(err.contains(flag) && err.contains("'0h'"), "{err}");
        assert!(!env.store.exists());
    }
    let out = env
        .disclose()
        .args(["init", "--release", "4.5=~4.5", "--release", "4.6=>=4.5.5"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(
        err.contains("4.6 (>=4.5.5)") && err.contains("4.5 (~4.5)"),
        "{err}"
    );
    assert!(!env.store.exists());

    let env = TestEnv::init();
    refused(
        &env,
        &["policy", "set", "ack_within", "0d"],
        "ack_within: invalid duration \"0d\"",
    );
    refused(
        &env,
        &["policy", "set", "update_every", "0bd"],
        "update_every: invalid duration \"0bd\"",
    );
    env.disclose()
        .args([
            "policy",
            "release",
            "add",
            "1.4",
            "--range",
            ">=1.4.0, <1.5.0",
        ])
        .assert()
        .success();
    refused(
        &env,
        &["policy", "release", "add", "1.x", "--range", "^1"],
        "release 1.x (^1) overlaps release 1.4 (>=1.4.0, <1.5.0)",
    );
    env.disclose()
        .args([
            "policy",
            "release",
            "add",
            "1.5",
            "--range",
            ">=1.5.0, <1.6.0",
        ])
        .assert()
        .success();
}

#[test]
fn the_limits_are_in_the_help() {
    let env = TestEnv::new();
    let out = env.disclose().args(["open", "--help"]).assert().success();
    let help = stdout(&out);
    assert!(help.contains("256 characters"), "{help}");
    assert!(help.contains("1 MB"), "{help}");
}
