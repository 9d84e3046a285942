//! `disclose status` shows the same clocks as `check`: fix coverage, the
//! next due item, colours by urgency.

use disclose::model::case::Decision;

use crate::common::{TestEnv, stdout};
use crate::model_cases::Built;

fn store() -> TestEnv {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", "2026-03-02T09:00:00Z")
        .ack("2026-03-02T10:00:00Z")
        .contact("2026-05-27T10:00:00Z")
        .confirm("2026-03-03T10:00:00Z")
        .releases(
            "2026-03-04T10:00:00Z",
            &[("1.4", Decision::Affected), ("1.5", Decision::Affected)],
        )
        .released_fix("2026-03-20T10:00:00Z", "1.4", "1.4.2")
        .write(&env);
    Built::open("DISC-2026-A0002", "2026-05-20T09:00:00Z").write(&env);
    env
}

#[test]
fn status_shows_missing_fixes_and_the_next_due_item_most_urgent_first() {
    let env = store();
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .arg("status")
        .assert()
        .success();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("DISC-2026-A0002\t"), "{text}");
    assert!(lines[0].contains("\tack 6d overdue\t"), "{text}");
    assert!(lines[1].starts_with("DISC-2026-A0001\t"), "{text}");
    assert!(lines[1].ends_with("\t1.4 fixed · 1.5 open"), "{text}");
    assert!(lines[1].contains("\tfix in 3d\t"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when piped: {text}");

    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["status", "--json"])
        .assert()
        .success();
    let cases: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let clocks = &cases[1]["clocks"];
    assert_eq!(clocks["missing_fixes"], serde_json::json!(["1.5"]));
    assert_eq!(clocks["fix_coverage"]["kind"], "fix-coverage");
    assert_eq!(clocks["next"]["kind"], "fix-coverage");
    assert_eq!(clocks["fix_coverage"]["minutes_left"], 3 * 24 * 60);
}

#[test]
fn status_colours_what_check_flags() {
    let env = store();
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["status", "--color", "always"])
        .assert()
        .success();
    let text = stdout(&out);
    // Red for the overdue acknowledgement, yellow for the fix due within a week.
    assert!(
        text.contains("\u{1b}[31mack 6d overdue\u{1b}[0m"),
        "{text:?}"
    );
    assert!(text.contains("\u{1b}[33mfix in 3d\u{1b}[0m"), "{text:?}");
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["status", "--color", "auto"])
        .env("NO_COLOR", "1")
        .assert()
        .success();
    assert!(!stdout(&out).contains('\u{1b}'));
}
