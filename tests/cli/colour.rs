//! Colour where it helps a reader: `check` findings by severity and the
//! `error:`, `warning:` and `hint:` prefixes, on a terminal or with
//! `--color always`, never with `--color never` or `NO_COLOR`. Covers issue #18.

use crate::common::{TestEnv, stderr, stdout};

const RED_ERROR: &str = "\x1b[1;31merror:\x1b[0m ";
const CYAN_HINT: &str = "\x1b[36mhint:\x1b[0m ";

#[test]
fn check_findings_are_coloured_by_severity() {
    let env = TestEnv::init();
    env.open("late", &["--received", "2026-02-20"]);
    let out = env.disclose().arg("check").assert().code(1);
    assert!(!stdout(&out).contains('\x1b'), "plain in a pipe");
    let out = env
        .disclose()
        .args(["--color", "always", "check"])
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(text.contains("\x1b[1;31merror  \x1b[0m"), "{text:?}");
    // GitHub annotations and JSON never carry escapes.
    for format in ["github", "json"] {
        let out = env
            .disclose()
            .args(["--color", "always", "check", "--format", format])
            .assert()
            .code(1);
        assert!(!stdout(&out).contains('\x1b'), "{format}");
    }
}

#[test]
fn error_hint_and_warning_prefixes_follow_the_colour_choice() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["--color", "always", "ack", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.starts_with(RED_ERROR), "{err:?}");
    assert!(err.contains(CYAN_HINT), "{err:?}");
    let out = env
        .disclose()
        .args(["ack", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2);
    assert!(!stderr(&out).contains('\x1b'));

    // On a terminal, colour comes by itself, and NO_COLOR takes it away.
    let screen = env.on_terminal(&["ack", "DISC-2026-ZZZZZ"], 80, &[]);
    assert!(screen.text.contains(RED_ERROR), "{:?}", screen.text);
    let mut cmd = env.command();
    cmd.env("NO_COLOR", "1").args(["ack", "DISC-2026-ZZZZZ"]);
    let screen = crate::common::pty::run(cmd, 80, &[]);
    assert!(screen.text.contains("error: no case"), "{:?}", screen.text);
    assert!(!screen.text.contains('\x1b'), "{:?}", screen.text);

    // A warning: an email dated in the future.
    let eml = env.root.join("future.eml");
    std::fs::write(
        &eml,
        "From: Ada <ada@example.org>\r\nSubject: x\r\nDate: Mon, 01 Mar 2027 08:00:00 +0000\r\n\r\nbody\r\n",
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["--color", "always", "open", "--from-email"])
        .arg(&eml)
        .assert()
        .success();
    assert!(
        stderr(&out).contains("\x1b[1;33mwarning:\x1b[0m "),
        "{:?}",
        stderr(&out)
    );
}
