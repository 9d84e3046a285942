//! `disclose check`: every finding kind at its boundary, the three output
//! formats, and the exit codes.

use disclose::model::case::Decision;
use disclose::model::preset::Preset;
use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};
use crate::model_cases::Built;

const RECEIVED: &str = "2026-03-02T09:00:00Z";
/// RECEIVED + 90 days, the default disclosure deadline.
const DEADLINE: &str = "2026-05-31T09:00:00Z";

fn json(out: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap()
}

fn kinds(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(kind: &str, severity: &str) -> (String, String) {
    (kind.to_owned(), severity.to_owned())
}

#[test]
fn an_unacknowledged_case_is_overdue_one_minute_after_48h() {
    let env = TestEnv::init();
    let id = env.open("Path traversal", &["--received", RECEIVED]);
    let out = env
        .disclose_at("2026-03-04T08:59:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    assert_eq!(kinds(&json(&out)), vec![]);
    let out = env
        .disclose_at("2026-03-04T09:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![pair("acknowledgement-overdue", "error")]
    );
    assert_eq!(report["findings"][0]["case"], id.as_str());
    assert_eq!(report["findings"][0]["due"], "2026-03-04T09:00:00Z");
    assert_eq!(report["findings"][0]["minutes_left"], -1);
    assert_eq!(
        stderr(&out),
        "error: 1 case breaches the policy\nhint: see the findings above; `disclose status` shows every clock\n"
    );
}

#[test]
fn acknowledged_47h59m_after_receipt_passes_and_48h01m_fails() {
    for (ack_at, late) in [
        ("2026-03-04T08:59:00Z", false),
        ("2026-03-04T09:01:00Z", true),
    ] {
        let env = TestEnv::init();
        let id = env.open("t", &["--received", RECEIVED]);
        env.disclose_at("2026-03-04T09:05:00Z")
            .args(["ack", &id, "--at", ack_at])
            .assert()
            .success();
        let check = env
            .disclose_at("2026-03-04T09:06:00Z")
            .args(["check", "--format", "json"])
            .assert();
        let out = if late { check.code(1) } else { check.success() };
        let expected = if late {
            vec![pair("acknowledgement-late", "error")]
        } else {
            vec![]
        };
        assert_eq!(kinds(&json(&out)), expected, "ack at {ack_at}");
        // A day after the late reply it is history (see `stats`), not a breach.
        env.disclose_at("2026-03-05T09:02:00Z")
            .args(["check"])
            .assert()
            .success();
    }
}

#[test]
fn a_paused_case_does_not_go_overdue() {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", RECEIVED)
        .pause("2026-03-03T09:00:00Z")
        .write(&env);
    let out = env
        .disclose_at("2026-09-01T00:00:00Z")
        .args(["check"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "0 errors, 0 warnings in 1 open case\n");
}

#[test]
fn paused_time_is_added_back_after_resuming() {
    let env = TestEnv::init();
    // Paused for one day, 24h into a 48h clock: due a day later, at 03-05 09:00.
    Built::open("DISC-2026-A0001", RECEIVED)
        .pause("2026-03-03T09:00:00Z")
        .resume("2026-03-04T09:00:00Z")
        .write(&env);
    env.disclose_at("2026-03-05T08:59:00Z")
        .args(["check"])
        .assert()
        .success();
    env.disclose_at("2026-03-05T09:01:00Z")
        .args(["check"])
        .assert()
        .code(1);
}

#[test]
fn a_2bd_clock_started_on_friday_is_due_on_tuesday() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--ack-within", "2bd"])
        .assert()
        .success();
    // 2026-03-06 is a Friday.
    env.disclose_at("2026-03-06T15:00:00Z")
        .args(["open", "--title", "t"])
        .assert()
        .success();
    let out = env
        .disclose_at("2026-03-10T14:59:00Z")
        .args(["check"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "0 errors, 0 warnings in 1 open case\n");
    let out = env
        .disclose_at("2026-03-10T15:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    assert_eq!(json(&out)["findings"][0]["due"], "2026-03-10T15:00:00Z");
}

#[test]
fn a_policy_change_leaves_old_cases_deadlines_alone() {
    let env = TestEnv::init();
    let old = env.open("old", &["--received", RECEIVED]);
    let policy = env.store.join("policy.json");
    let text = std::fs::read_to_string(&policy)
        .unwrap()
        .replace("\"ack_within\": \"48h\"", "\"ack_within\": \"1h\"");
    std::fs::write(&policy, text).unwrap();
    let new = env.open("new", &["--received", RECEIVED]);
    let out = env
        .disclose_at("2026-03-02T11:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![pair("acknowledgement-overdue", "error")]
    );
    assert_eq!(report["findings"][0]["case"], new.as_str());
    assert_ne!(old, new);
}

#[test]
fn the_reporter_must_hear_from_the_team_every_7_days() {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", RECEIVED)
        .ack("2026-03-02T10:00:00Z")
        .contact("2026-03-05T10:00:00Z")
        .write(&env);
    env.disclose_at("2026-03-12T09:59:00Z")
        .args(["check"])
        .assert()
        .success();
    let out = env
        .disclose_at("2026-03-12T10:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![pair("reporter-update-overdue", "error")]
    );
    assert_eq!(report["findings"][0]["due"], "2026-03-12T10:00:00Z");
}

/// A case whose reporter is kept informed, so only the deadline matters.
fn informed(id: &str) -> Built {
    let mut built = Built::open(id, RECEIVED).ack("2026-03-02T10:00:00Z");
    let mut day = chrono::DateTime::parse_from_rfc3339("2026-03-08T10:00:00Z").unwrap();
    while day < chrono::DateTime::parse_from_rfc3339("2026-06-30T00:00:00Z").unwrap() {
        built = built.contact(&day.to_rfc3339());
        day += chrono::TimeDelta::days(6);
    }
    built
}

#[test]
fn the_disclosure_deadline_warns_within_a_week_and_fails_after() {
    let env = TestEnv::init();
    informed("DISC-2026-A0001").write(&env);
    // Eight days before: nothing.
    env.disclose_at("2026-05-23T09:00:00Z")
        .args(["check", "--strict"])
        .assert()
        .success()
        .stdout("0 errors, 0 warnings in 1 open case\n");
    // Seven days before: a warning, which passes unless --strict.
    let out = env
        .disclose_at("2026-05-24T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    assert_eq!(
        kinds(&json(&out)),
        vec![pair("disclosure-deadline", "warning")]
    );
    let out = env
        .disclose_at("2026-05-24T09:00:00Z")
        .args(["check", "--strict"])
        .assert()
        .code(1);
    assert_eq!(stderr(&out), "error: 1 warning with --strict\n");
    // --warn-within narrows the window.
    env.disclose_at("2026-05-24T09:00:00Z")
        .args(["check", "--strict", "--warn-within", "3d"])
        .assert()
        .success();
    // After the deadline: an error.
    let out = env
        .disclose_at("2026-05-31T09:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(kinds(&report), vec![pair("disclosure-deadline", "error")]);
    assert_eq!(report["findings"][0]["due"], DEADLINE);
}

#[test]
fn published_and_closed_cases_are_not_judged() {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", RECEIVED)
        .ack("2026-03-02T10:00:00Z")
        .published("2026-04-01T00:00:00Z")
        .write(&env);
    Built::open("DISC-2026-A0002", RECEIVED)
        .withdraw("2026-03-02T10:00:00Z")
        .write(&env);
    env.disclose_at("2026-12-01T00:00:00Z")
        .args(["check"])
        .assert()
        .success()
        .stdout("0 errors, 0 warnings in 0 open cases\n");
}

fn matrix_case(env: &TestEnv) {
    informed("DISC-2026-A0001")
        .confirm("2026-03-03T10:00:00Z")
        .releases(
            "2026-03-04T10:00:00Z",
            &[
                ("1.4", Decision::Affected),
                ("1.5", Decision::Affected),
                ("2.x", Decision::NotAffected),
            ],
        )
        .released_fix("2026-03-20T10:00:00Z", "1.4", "1.4.2")
        .write(env);
}

#[test]
fn an_affected_release_without_a_released_fix_warns_as_the_deadline_nears() {
    let env = TestEnv::init();
    matrix_case(&env);
    env.disclose_at("2026-05-20T09:00:00Z")
        .args(["check", "--strict"])
        .assert()
        .success();
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![
            pair("disclosure-deadline", "warning"),
            pair("fix-missing", "warning")
        ]
    );
    let fix = &report["findings"][1];
    assert_eq!(fix["release"], "1.5");
    assert_eq!(fix["due"], DEADLINE);
    assert_eq!(fix["minutes_left"], 3 * 24 * 60);
    let out = env
        .disclose_at("2026-06-01T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    assert_eq!(
        kinds(&json(&out)),
        vec![
            pair("disclosure-deadline", "error"),
            pair("fix-missing", "error")
        ]
    );
}

#[test]
fn a_complete_fix_matrix_clears_the_fix_finding() {
    let env = TestEnv::init();
    informed("DISC-2026-A0001")
        .confirm("2026-03-03T10:00:00Z")
        .releases(
            "2026-03-04T10:00:00Z",
            &[("1.4", Decision::Affected), ("1.5", Decision::WontFix)],
        )
        .released_fix("2026-03-20T10:00:00Z", "1.4", "1.4.2")
        .write(&env);
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    assert_eq!(
        kinds(&json(&out)),
        vec![pair("disclosure-deadline", "warning")]
    );
}

#[test]
fn project_zero_discloses_30_days_after_an_early_fix() {
    let env = TestEnv::init();
    informed("DISC-2026-A0001")
        .confirm("2026-03-03T10:00:00Z")
        .deadline(
            "2026-03-03T10:00:00Z",
            DEADLINE,
            Some(Preset::ProjectZero { grace: false }),
        )
        .releases("2026-03-04T10:00:00Z", &[("1.4", Decision::Affected)])
        .released_fix("2026-04-01T09:00:00Z", "1.4", "1.4.2")
        .write(&env);
    // The fix on 04-01 moves the deadline to 05-01, a month before day 90.
    let out = env
        .disclose_at("2026-04-28T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let report = json(&out);
    assert_eq!(kinds(&report), vec![pair("disclosure-deadline", "warning")]);
    assert_eq!(report["findings"][0]["due"], "2026-05-01T09:00:00Z");
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("project-zero"),
        "{report}"
    );
}

#[test]
fn the_deadline_command_sets_what_check_judges() {
    let env = TestEnv::init();
    let id = env.open("t", &["--received", RECEIVED]);
    env.disclose_at("2026-03-02T10:00:00Z")
        .args(["ack", &id])
        .assert()
        .success();
    env.disclose_at("2026-03-02T10:01:00Z")
        .args(["deadline", &id, "--preset", "cert-cc"])
        .assert()
        .success();
    // CERT/CC: 45 days from receipt, 2026-04-16T09:00Z; the reporter was last
    // written to at the acknowledgement, so the update clock fails too.
    let out = env
        .disclose_at("2026-04-16T09:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![
            pair("reporter-update-overdue", "error"),
            pair("disclosure-deadline", "error"),
        ]
    );
    assert_eq!(report["findings"][1]["due"], "2026-04-16T09:00:00Z");
}

/// The embargo is a "not before" instant: once it has passed, `check` has
/// nothing to say about it; the deadline ("publish by") is what it judges.
#[test]
fn a_passed_embargo_is_no_finding_and_a_passed_deadline_is_an_error() {
    let env = TestEnv::init();
    informed("DISC-2026-A0001")
        .embargo("2026-03-03T10:00:00Z", "2026-03-20T14:00:00Z")
        .write(&env);
    let out = env
        .disclose_at("2026-03-21T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    assert_eq!(kinds(&json(&out)), Vec::<(String, String)>::new());
    // The embargo alone never makes one, months later either: the policy's
    // 90-day deadline is what falls due.
    let env = TestEnv::init();
    informed("DISC-2026-A0001")
        .embargo("2026-03-03T10:00:00Z", "2026-03-20T14:00:00Z")
        .deadline("2026-03-03T10:00:00Z", "2026-04-01T00:00:00Z", None)
        .write(&env);
    let out = env
        .disclose_at("2026-04-01T00:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    assert_eq!(kinds(&report), vec![pair("disclosure-deadline", "error")]);
    assert_eq!(report["findings"][0]["due"], "2026-04-01T00:00:00Z");
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("agreed with the reporter"), "{message}");
    assert!(!message.contains("embargo"), "{message}");
}

/// Two cases: one overdue on acknowledgement (error), one near its deadline (warning).
fn mixed_store() -> TestEnv {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", "2026-05-20T09:00:00Z").write(&env);
    informed("DISC-2026-A0002").write(&env);
    env
}

const MIXED_NOW: &str = "2026-05-25T09:00:00Z";

#[test]
fn text_lists_findings_grouped_by_case_then_the_summary() {
    let env = mixed_store();
    let out = env.disclose_at(MIXED_NOW).args(["check"]).assert().code(1);
    assert_eq!(
        stdout(&out),
        "DISC-2026-A0001  error    not acknowledged: the reply was due 2026-05-22T09:00:00Z (3d overdue), 48h after receipt\n\
         DISC-2026-A0002  warning  disclosure deadline near: due 2026-05-31T09:00:00Z (in 6d; 90d after receipt), not published\n\
         \n\
         1 error, 1 warning in 2 open cases\n"
    );
}

#[test]
fn json_has_findings_and_a_summary_key_by_key() {
    let env = mixed_store();
    let out = env
        .disclose_at(MIXED_NOW)
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["findings", "summary"]);
    let first = report["findings"][0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "case",
            "kind",
            "severity",
            "due",
            "minutes_left",
            "release",
            "file",
            "message"
        ]
    );
    assert_eq!(first["case"], "DISC-2026-A0001");
    assert_eq!(first["kind"], "acknowledgement-overdue");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["due"], "2026-05-22T09:00:00Z");
    assert_eq!(first["minutes_left"], -3 * 24 * 60);
    assert_eq!(first["release"], serde_json::Value::Null);
    assert_eq!(first["file"], serde_json::Value::Null);
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("not acknowledged")
    );
    let second = &report["findings"][1];
    assert_eq!(second["case"], "DISC-2026-A0002");
    assert_eq!(second["kind"], "disclosure-deadline");
    assert_eq!(second["severity"], "warning");
    assert_eq!(second["minutes_left"], 6 * 24 * 60);
    assert_eq!(
        report["summary"],
        serde_json::json!({
            "errors": 1,
            "warnings": 1,
            "open_cases": 2,
            "cases_with_errors": 1,
            "cases_with_warnings": 1,
            "unreadable_files": 0,
            "now": MIXED_NOW,
            "warn_within": "7d",
        })
    );
    // The global --json flag gives the same document.
    let again = env
        .disclose_at(MIXED_NOW)
        .args(["check", "--json"])
        .assert()
        .code(1);
    assert_eq!(json(&again), report);
}

#[test]
fn github_format_prints_one_workflow_command_per_finding() {
    let env = mixed_store();
    let out = env
        .disclose_at(MIXED_NOW)
        .args(["check", "--format", "github"])
        .assert()
        .code(1);
    assert_eq!(
        stdout(&out),
        "::error title=DISC-2026-A0001 acknowledgement overdue::not acknowledged: the reply was due 2026-05-22T09:00:00Z (3d overdue), 48h after receipt\n\
         ::warning title=DISC-2026-A0002 disclosure deadline::disclosure deadline near: due 2026-05-31T09:00:00Z (in 6d; 90d after receipt), not published\n\
         1 error, 1 warning in 2 open cases\n"
    );
}

#[test]
fn case_limits_the_check_to_the_named_cases() {
    let env = mixed_store();
    let out = env
        .disclose_at(MIXED_NOW)
        .args(["check", "--case", "A0002"])
        .assert()
        .success();
    assert!(stdout(&out).ends_with("0 errors, 1 warning in 1 open case\n"));
    env.disclose_at(MIXED_NOW)
        .args(["check", "--case", "DISC-2026-ZZZZZ"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISC-2026-ZZZZZ"));
}

#[test]
fn a_broken_case_file_is_a_finding_and_exit_3() {
    let env = TestEnv::with_store("broken-case-file");
    let out = env
        .disclose_at("2026-03-02T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(3);
    let report = json(&out);
    let broken = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "unreadable-case")
        .expect("the broken file is reported");
    assert_eq!(broken["case"], "DISC-2026-B9SC6");
    assert_eq!(broken["severity"], "error");
    assert_eq!(broken["file"], "cases/DISC-2026-B9SC6.json");
    assert!(
        broken["message"].as_str().unwrap().contains("line "),
        "{broken}"
    );
    assert_eq!(report["summary"]["unreadable_files"], 1);
    let path = env.store.join("cases/DISC-2026-B9SC6.json");
    assert!(
        stderr(&out).starts_with(&format!("error: {}:", path.display())),
        "{}",
        stderr(&out)
    );
    let out = env
        .disclose_at("2026-03-02T09:00:00Z")
        .args(["check", "--format", "github"])
        .assert()
        .code(3);
    assert!(
        stdout(&out).starts_with("::error title=DISC-2026-B9SC6 unreadable case file::cannot read cases/DISC-2026-B9SC6.json: line "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn exit_codes_for_usage_and_store_failures() {
    let env = TestEnv::init();
    env.disclose()
        .args(["check", "--warn-within", "soon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("soon"));
    env.disclose()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    env.disclose()
        .args(["check"])
        .env("DISCLOSE_NOW", "friday")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISCLOSE_NOW"));
    // No store at all: the CI job checked out the wrong place.
    let empty = TestEnv::new();
    empty
        .disclose()
        .arg("check")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no case store"));
    // A broken policy file.
    std::fs::write(env.store.join("policy.json"), "{ nope").unwrap();
    env.disclose()
        .arg("check")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("policy.json"));
}

#[test]
fn check_changes_nothing() {
    let env = mixed_store();
    let before = env.snapshot_bytes();
    env.disclose_at(MIXED_NOW).args(["check"]).assert().code(1);
    assert_eq!(before, env.snapshot_bytes());
}

/// The triage commands drive the same clocks: contact resets the update
/// clock, pause stops them, and released fixes clear `fix-missing` and move
/// a Project Zero deadline to 30 days after the last fix.
#[test]
fn the_triage_commands_move_the_clocks_check_reads() {
    let env = TestEnv::with_store("three-releases");
    let at = |now: &str, args: &[&str]| {
        env.disclose_at(now).args(args).assert().success();
    };
    let id = env.open("Path traversal", &["--received", RECEIVED]);
    at("2026-03-02T12:00:00Z", &["ack", &id]);
    at("2026-03-03T09:00:00Z", &["confirm", &id]);
    at(
        "2026-03-03T09:01:00Z",
        &["affected", &id, "--range", ">=1.0.0, <1.5.3"],
    );
    at(
        "2026-03-03T09:02:00Z",
        &["deadline", &id, "--preset", "project-zero"],
    );
    at(
        "2026-03-20T09:00:00Z",
        &["fix", &id, "--release", "1.4", "--version", "1.4.2"],
    );
    // The last word to the reporter was the acknowledgement: overdue.
    let out = env
        .disclose_at("2026-03-20T09:01:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    assert_eq!(
        kinds(&json(&out)),
        vec![pair("reporter-update-overdue", "error")]
    );
    at(
        "2026-05-27T09:00:00Z",
        &["contact", &id, "--to-reporter", "1.5 fix on its way"],
    );
    let out = env
        .disclose_at("2026-05-28T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let report = json(&out);
    assert_eq!(
        kinds(&report),
        vec![
            pair("disclosure-deadline", "warning"),
            pair("fix-missing", "warning")
        ]
    );
    assert_eq!(report["findings"][1]["release"], "1.5");
    // Released fixes for every affected release: Project Zero discloses 30
    // days after the last one.
    at(
        "2026-05-28T10:00:00Z",
        &["fix", &id, "--release", "1.5", "--version", "1.5.3"],
    );
    assert_eq!(env.case(&id)["state"], "fixed");
    at(
        "2026-06-19T09:00:00Z",
        &["contact", &id, "--to-reporter", "fixed; advisory on 06-27"],
    );
    env.disclose_at("2026-06-20T09:00:00Z")
        .args(["check", "--strict", "--warn-within", "3d"])
        .assert()
        .success();
    let out = env
        .disclose_at("2026-06-24T09:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
    let report = json(&out);
    assert_eq!(kinds(&report), vec![pair("disclosure-deadline", "warning")]);
    assert_eq!(report["findings"][0]["due"], "2026-06-27T10:00:00Z");
}

#[test]
fn pausing_with_the_command_stops_the_acknowledgement_clock() {
    let env = TestEnv::init();
    let id = env.open("t", &["--received", RECEIVED]);
    env.disclose_at("2026-03-03T09:00:00Z")
        .args(["pause", &id, "--reason", "waiting-on-reporter"])
        .assert()
        .success();
    env.disclose_at("2026-04-03T09:00:00Z")
        .args(["check"])
        .assert()
        .success();
    env.disclose_at("2026-04-03T09:00:00Z")
        .args(["resume", &id])
        .assert()
        .success();
    // 24h were left when it paused: due 2026-04-04T09:00Z.
    env.disclose_at("2026-04-04T08:59:00Z")
        .args(["check"])
        .assert()
        .success();
    env.disclose_at("2026-04-04T09:01:00Z")
        .args(["check"])
        .assert()
        .code(1);
}

#[test]
fn an_advisory_id_that_two_cases_hold_is_an_error() {
    let env = TestEnv::init();
    let ids = [env.open("one", &[]), env.open("two", &[])];
    for id in &ids {
        env.record(
            id,
            disclose::model::case::EventKind::Published {
                advisory: "POET-SA-2026-001".into(),
                forced_reason: None,
            },
        );
    }
    let out = env
        .disclose()
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let report = json(&out);
    let reused: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "advisory-reused")
        .collect();
    assert_eq!(reused.len(), 2, "{report:#}");
    for (finding, other) in reused.iter().zip(ids.iter().rev()) {
        assert_eq!(finding["severity"], "error");
        let message = finding["message"].as_str().unwrap();
        assert!(message.contains("POET-SA-2026-001"), "{message}");
        assert!(message.contains(other.as_str()), "{message}");
    }
}
