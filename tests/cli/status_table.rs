//! `status` as a maintainer sees it: one line per case on a terminal of any
//! width, never wider than the terminal, and tab-separated rows in a pipe.
//! Covers issue #18.

use chrono::TimeDelta;
use disclose::model::case::{Case, NewCase, Reporter};
use disclose::model::policy::Policy;

use unicode_width::UnicodeWidthStr;

use crate::common::{TestEnv, stdout};

const LONG: &str = "DISC-2026-AAAA1";
const WIDE: &str = "DISC-2026-BBBB2";
const EMOJI: &str = "DISC-2026-CCCC3";
const PAUSED: &str = "DISC-2026-DDDD4";

/// Four cases in different states, with titles long, in CJK characters
/// (two columns each) and with an emoji.
fn store() -> TestEnv {
    let env = TestEnv::new();
    env.disclose()
        .args([
            "init",
            "--project",
            "poet",
            "--release",
            "1.4=>=1.4.0, <1.5.0",
            "--release",
            "1.5=>=1.5.0, <1.6.0",
            "--release",
            "2.x=>=2.0.0, <3.0.0",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "set", "default_package", "crates.io/poet"])
        .assert()
        .success();
    let slas = Policy::default().slas();
    for (id, title) in [
        (
            LONG,
            "Path traversal in the upload handler lets an attacker write outside the data directory",
        ),
        (WIDE, "漏洞报告：上传处理程序中的路径穿越"),
        (
            EMOJI,
            "Crash when a name holds an emoji 🔥 or a combining accent (café)",
        ),
        (PAUSED, "Timing leak in token comparison"),
    ] {
        let case = Case::open(
            id.parse().unwrap(),
            NewCase {
                title: title.into(),
                received_at: None,
                reporter: Reporter::default(),
                report: Default::default(),
                internal: false,
            },
            slas,
            env.now(),
            "Test Maintainer <maintainer@example.org>",
        );
        env.write_case(&case);
        env.advance(TimeDelta::hours(3));
    }
    for args in [
        vec!["ack", WIDE],
        vec!["ack", EMOJI],
        vec!["confirm", EMOJI],
        vec!["affected", EMOJI, "--range", ">=1.0.0, <1.5.3"],
        vec!["fix", EMOJI, "--release", "1.4", "--version", "1.4.9"],
        vec!["ack", PAUSED],
        vec!["pause", PAUSED, "--reason", "waiting-on-reporter"],
    ] {
        env.disclose().args(&args).assert().success();
    }
    env.advance(TimeDelta::days(2));
    env
}

/// `text` without its colour escapes, which take no columns.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find('m').map_or(after.len(), |e| e + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn widest_line(text: &str) -> usize {
    plain(text)
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn status_fits_the_terminal_at_60_80_100_and_132_columns() {
    let env = store();
    let mut screens = String::new();
    let now = env.now().to_rfc3339();
    for columns in [60u16, 80, 100, 132] {
        let mut cmd = env.command();
        cmd.env("DISCLOSE_NOW", &now).arg("status");
        let screen = crate::common::pty::run(cmd, columns, &[]);
        assert!(screen.status.success(), "{}", screen.text);
        let text = &screen.text;
        assert!(
            widest_line(text) <= usize::from(columns),
            "a line is wider than {columns} columns:\n{text}"
        );
        // One line per case, under one header line.
        assert_eq!(text.lines().count(), 5, "at {columns} columns:\n{text}");
        for id in [LONG, WIDE, EMOJI, PAUSED] {
            assert_eq!(
                text.lines().filter(|l| l.starts_with(id)).count(),
                1,
                "{id} at {columns}:\n{text}"
            );
        }
        screens.push_str(&format!("--- {columns} columns\n{}", plain(text)));
    }
    insta::assert_snapshot!(screens);
}

#[test]
fn status_in_a_pipe_is_one_tab_separated_row_per_case() {
    let env = store();
    let out = env.disclose().arg("status").assert().success();
    let text = stdout(&out);
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 8, "{line:?}");
        assert_eq!(line, line.trim_end(), "no padding: {line:?}");
    }
    // Whole titles, whatever their width, and no header.
    assert!(text.contains(
        "Path traversal in the upload handler lets an attacker write outside the data directory"
    ));
    assert!(!text.contains("TITLE"));
    assert!(!text.contains('…'));
    insta::assert_snapshot!(text);
}

#[test]
fn status_colours_clocks_only_when_asked_or_on_a_terminal() {
    let env = store();
    let out = env.disclose().arg("status").assert().success();
    assert!(!stdout(&out).contains('\x1b'));
    let screen = env.on_terminal(&["status"], 100, &[]);
    assert!(screen.text.contains("\x1b[31m"), "{}", screen.text);
    let mut cmd = env.command();
    cmd.env("NO_COLOR", "1").arg("status");
    let screen = crate::common::pty::run(cmd, 100, &[]);
    assert!(!screen.text.contains('\x1b'), "{}", screen.text);
    let mut cmd = env.command();
    cmd.args(["--color", "never", "status"]);
    let screen = crate::common::pty::run(cmd, 100, &[]);
    assert!(!screen.text.contains('\x1b'), "{}", screen.text);
    // Colour never changes the layout.
    assert!(widest_line(&screen.text) <= 100);
}
