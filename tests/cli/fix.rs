//! `disclose fix` and `disclose release`: input checks.

use crate::common::TestEnv;

#[test]
fn bad_fixes_exit_2_and_change_nothing() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    let cases: [(&[&str], &str); 7] = [
        (
            &["--release", "1.9", "--version", "1.9.1"],
            "unknown release \"1.9\"; maintained releases: 1.4, 1.5, 2.x",
        ),
        (
            &["--release", "1.4", "--version", "1.5.1"],
            "outside release 1.4's range",
        ),
        (&["--release", "1.4", "--version", "v1.4.2"], "--version"),
        (
            &["--release", "1.4", "--commit", "abc123"],
            "full 40-character",
        ),
        (&["--release", "1.4"], "nothing to link"),
        (&["--release", "1.4", "--pr", "see slack"], "--pr"),
        (
            &[
                "--release",
                "1.4",
                "--commit",
                "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49",
                "--released",
                "2026-03-01",
            ],
            "--released needs --version",
        ),
    ];
    for (args, needle) in cases {
        env.disclose()
            .args(["fix", &id])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle));
    }
    env.disclose()
        .args(["release", &id, "9.9", "eol", "--reason", "old"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "maintained releases: 1.4, 1.5, 2.x",
        ));
    assert_eq!(before, env.snapshot_bytes());
}
