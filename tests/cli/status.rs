use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

const TRAVERSAL: &str = "DISC-2026-P6AV1";
const XSS: &str = "DISC-2026-B9SC6";

#[test]
fn status_on_a_store_that_does_not_exist_says_how_to_start() {
    let env = TestEnv::new();
    env.disclose()
        .arg("status")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("No case store at"))
        .stderr(predicate::str::contains("disclose open"));
    assert!(!env.store.exists(), "a read command creates nothing");
}

#[test]
fn status_lists_open_cases_most_urgent_first() {
    let env = TestEnv::with_store("two-open-cases");
    let out = env
        .disclose_at("2026-03-03T11:00:00Z")
        .arg("status")
        .assert()
        .success();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("DEADLINE"),
        "{text}"
    );
    assert!(lines[1].starts_with(TRAVERSAL), "{text}");
    assert!(lines[1].contains("1h overdue"), "{text}");
    assert!(lines[2].starts_with(XSS), "{text}");
    assert!(lines[2].contains("update in 5d 1h"), "{text}");
}

#[test]
fn status_json_has_clocks_and_sorts_by_urgency() {
    let env = TestEnv::with_store("two-open-cases");
    let out = env
        .disclose_at("2026-03-03T11:00:00Z")
        .args(["status", "--json"])
        .assert()
        .success();
    let cases: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0]["id"], TRAVERSAL);
    assert_eq!(cases[0]["clocks"]["acknowledgement"]["overdue"], true);
    assert_eq!(cases[0]["clocks"]["acknowledgement"]["minutes_left"], -60);
    assert_eq!(cases[1]["id"], XSS);
    assert_eq!(cases[1]["clocks"]["next"]["kind"], "reporter-update");
}

#[test]
fn status_hides_closed_cases_unless_all() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let out = env.disclose().args(["status", "--json"]).assert().success();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()[0]["id"],
        id.as_str()
    );
    // Close it by hand-editing the state, as a later command would.
    let path = env.store.join("cases").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"state\": \"new\"", "\"state\": \"withdrawn\"");
    std::fs::write(&path, text).unwrap();
    let out = env.disclose().args(["status", "--json"]).assert().success();
    assert_eq!(stdout(&out).trim(), "[]");
    let out = env
        .disclose()
        .args(["status", "--json", "--all"])
        .assert()
        .success();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()[0]["id"],
        id.as_str()
    );
}

#[test]
fn status_lists_readable_cases_when_one_file_is_broken() {
    let env = TestEnv::with_store("broken-case-file");
    let out = env.disclose().arg("status").assert().code(3);
    assert!(stdout(&out).contains(TRAVERSAL), "{}", stdout(&out));
    let err = stderr(&out);
    let broken = env.store.join("cases").join(format!("{XSS}.json"));
    assert!(
        err.contains(&format!("error: {}:", broken.display())),
        "{err}"
    );
    // The JSON error names its line and column.
    assert!(
        err.contains("line")
            || err
                .split(':')
                .nth(2)
                .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{err}"
    );
}

#[test]
fn show_of_a_broken_file_names_it_with_line_and_column() {
    let env = TestEnv::with_store("broken-case-file");
    let out = env.disclose().args(["show", XSS]).assert().code(3);
    let err = stderr(&out);
    let broken = env.store.join("cases").join(format!("{XSS}.json"));
    let prefix = format!("error: {}:", broken.display());
    assert!(err.starts_with(&prefix), "{err}");
    let rest = &err[prefix.len()..];
    let mut parts = rest.split(':');
    assert!(
        parts.next().unwrap().parse::<u32>().is_ok(),
        "line in {err}"
    );
    assert!(
        parts.next().unwrap().parse::<u32>().is_ok(),
        "column in {err}"
    );
}
