use crate::common::{TestEnv, stdout};

#[test]
fn log_lists_events_oldest_first() {
    let env = TestEnv::init();
    let id = env.open("Path traversal", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    let out = env.disclose().args(["log", &id]).assert().success();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{id}  Path traversal"));
    assert!(
        lines[1].starts_with("2026-03-02 09:01 UTC  opened \"Path traversal\""),
        "{text}"
    );
    assert!(
        lines[1].ends_with("(Test Maintainer <maintainer@example.org>)"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("2026-03-02 09:02 UTC  acknowledged"),
        "{text}"
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn log_json_prints_the_stored_events() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let out = env
        .disclose()
        .args(["log", &id, "--json"])
        .assert()
        .success();
    let events: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(events, env.case(&id)["events"]);
}

#[test]
fn times_show_the_local_zone_beside_utc_where_it_differs() {
    let env = TestEnv::init();
    let id = env.open("Path traversal", &[]);
    let out = env
        .disclose()
        .env("TZ", "America/New_York")
        .args(["log", &id])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(
        text.contains("2026-03-02 09:01 UTC (2026-03-02 04:01 -05:00 local)"),
        "{text}"
    );
}
