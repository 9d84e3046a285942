//! `disclose note`, `contact` and `credit`.

use crate::common::TestEnv;

#[test]
fn notes_are_private_unless_public() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args(["note", &id, "internal detail"])
        .assert()
        .success();
    env.disclose()
        .args(["note", &id, "--public", "no workaround"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["notes"][0]["text"], "internal detail");
    assert_eq!(case["notes"][0]["private"], true);
    assert_eq!(case["notes"][1]["private"], false);
    assert_eq!(
        case["notes"][1]["by"],
        "Test Maintainer <maintainer@example.org>"
    );
    env.disclose().args(["note", &id, "  "]).assert().code(2);
}

#[test]
fn a_message_to_the_reporter_resets_the_update_clock() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    env.disclose_at("2026-03-05T12:00:00Z")
        .args(["contact", &id, "--from-reporter", "any news?"])
        .assert()
        .success();
    let due = |now: &str| {
        let out = env
            .disclose_at(now)
            .args(["show", &id, "--json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_str(&crate::common::stdout(&out)).unwrap();
        v["clocks"]["reporter_update"]["due"]["at"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        due("2026-03-05T12:01:00Z"),
        "2026-03-09T09:02:00Z",
        "a reply from them does not reset it"
    );
    env.disclose_at("2026-03-06T12:00:00Z")
        .args(["contact", &id, "--to-reporter", "fix next week"])
        .assert()
        .success();
    assert_eq!(due("2026-03-06T12:01:00Z"), "2026-03-13T12:00:00Z");
    let case = env.case(&id);
    assert_eq!(case["contacts"][1]["direction"], "to-reporter");
    env.disclose()
        .args(["contact", &id, "hello"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--to-reporter"));
}

#[test]
fn credits_carry_type_and_consent_and_update_in_place() {
    let env = TestEnv::init();
    let id = env.open("x", &["--reporter-name", "Ada"]);
    assert_eq!(env.case(&id)["credits"][0]["consent"], "pending");
    env.disclose()
        .args(["credit", &id, "--name", "Ada", "--consent", "granted"])
        .assert()
        .success();
    env.disclose()
        .args([
            "credit",
            &id,
            "--name",
            "Bob",
            "--type",
            "remediation-developer",
            "--consent",
            "declined",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    let credits = case["credits"].as_array().unwrap();
    assert_eq!(credits.len(), 2);
    assert_eq!(credits[0]["consent"], "granted");
    assert_eq!(credits[1]["type"], "REMEDIATION_DEVELOPER");
    env.disclose()
        .args(["credit", &id, "--name", "Ada", "--consent", "maybe"])
        .assert()
        .code(2);
}
