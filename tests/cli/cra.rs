//! The EU Cyber Resilience Act's Article 14: `exploited`, `mitigated` and
//! `cra`; the three clocks in `check`, `status`, `show` and `stats`; the
//! report drafts and the notice to users; and none of it while the
//! policy's `cra` switch is off.

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use serde_json::Value;

use crate::common::{TestEnv, stderr, stdout};

/// When the team became aware of the exploitation, in most tests.
const AWARE: &str = "2026-09-14T10:00:00Z";

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// `base` moved by `minutes`, as RFC 3339.
fn after(base: &str, minutes: i64) -> String {
    (t(base) + TimeDelta::minutes(minutes)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

const H: i64 = 60;
const D: i64 = 24 * 60;

/// A store whose own promises are off, so only Article 14 speaks; `cra`
/// switches its reporting on.
fn store(cra: bool) -> TestEnv {
    let env = TestEnv::new();
    env.disclose_at("2026-09-01T00:00:00Z")
        .args([
            "init",
            "--project",
            "poet",
            "--contact",
            "security@po.et",
            "--ack-within",
            "off",
            "--update-every",
            "off",
            "--disclose-within",
            "off",
            "--release",
            "1.4=>=1.4.0, <1.5.0",
            "--release",
            "1.5=>=1.5.0, <1.6.0",
        ])
        .assert()
        .success();
    let mut settings = vec![("default_package", "crates.io/poet")];
    if cra {
        settings.push(("cra", "on"));
    }
    for (key, value) in settings {
        env.disclose_at("2026-09-01T00:01:00Z")
            .args(["policy", "set", key, value])
            .assert()
            .success();
    }
    env
}

/// Opens a case at `at` with a reporter and a private report.
fn open(env: &TestEnv, at: &str) -> String {
    let out = env
        .disclose_at(at)
        .args([
            "open",
            "-q",
            "--title",
            "Path traversal in upload",
            "--reporter-name",
            "Ada Lovelace",
            "--reporter-email",
            "ada@example.org",
            "--description",
            "REPORT-DESCRIPTION-MARKER the upload handler joins paths",
            "--reproduction",
            "REPRODUCTION-MARKER curl -F name=../../etc/cron.d/x",
        ])
        .assert()
        .success();
    stdout(&out).trim().to_owned()
}

fn run(env: &TestEnv, at: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    env.disclose_at(at).args(args).assert()
}

/// `check --format json` at `at`: its exit code and the CRA findings as
/// (kind, severity).
fn cra_findings(env: &TestEnv, at: &str) -> (i32, Vec<(String, String)>) {
    let out = env
        .disclose_at(at)
        .args(["check", "--format", "json"])
        .assert();
    let code = out.get_output().status.code().unwrap();
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"].as_str().unwrap().starts_with("cra-"))
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (code, found)
}

/// Asserts that `check` at `at` exits with `code` and reports the CRA
/// finding `kind` of `id` in each of its three formats: text, JSON and
/// GitHub annotations; `message` is how the finding's text starts.
fn in_every_format(
    env: &TestEnv,
    at: &str,
    id: &str,
    kind: &str,
    severity: &str,
    message: &str,
    code: i32,
) {
    let title = match kind {
        "cra-early-warning" => "CRA early warning",
        "cra-notification" => "CRA vulnerability notification",
        _ => "CRA final report",
    };
    let text = stdout(&run(env, at, &["check"]).code(code));
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{id}  {severity:<7}  {message}"))),
        "{kind} {severity} in text:\n{text}"
    );
    let github = stdout(&run(env, at, &["check", "--format", "github"]).code(code));
    assert!(
        github
            .lines()
            .any(|l| l.starts_with(&format!("::{severity} title={id} {title}::{message}"))),
        "{kind} {severity} in github:\n{github}"
    );
    let json: Value = serde_json::from_str(&stdout(
        &run(env, at, &["check", "--format", "json"]).code(code),
    ))
    .unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["case"] == id
                && f["kind"] == kind
                && f["severity"] == severity
                && f["message"].as_str().unwrap().starts_with(message)),
        "{kind} {severity} in json:\n{json:#}"
    );
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn exploited(env: &TestEnv, id: &str, now: &str, aware: &str) {
    run(
        env,
        now,
        &[
            "exploited",
            id,
            "--at",
            aware,
            "--evidence",
            "EVIDENCE-MARKER exploit attempts in the logs of customer Example Corp",
        ],
    )
    .success();
}

#[test]
fn awareness_on_a_new_case_starts_clocks_that_a_pause_does_not_stop() {
    let env = store(true);
    let id = open(&env, "2026-09-14T09:00:00Z");
    exploited(&env, &id, &after(AWARE, 5), AWARE);
    assert_eq!(env.case(&id)["state"], "new");
    assert_eq!(env.case(&id)["exploited"]["aware_at"], AWARE);
    run(
        &env,
        &after(AWARE, 10),
        &["pause", &id, "--reason", "on-hold"],
    )
    .success();

    // 23h59m after awareness: both reports due soon, a warning each.
    assert_eq!(
        cra_findings(&env, &after(AWARE, 24 * H - 1)),
        (
            0,
            pairs(&[
                ("cra-early-warning", "warning"),
                ("cra-notification", "warning")
            ])
        )
    );
    // 24h01m: the early warning is missed, paused or not.
    assert_eq!(
        cra_findings(&env, &after(AWARE, 24 * H + 1)),
        (
            1,
            pairs(&[
                ("cra-early-warning", "error"),
                ("cra-notification", "warning")
            ])
        )
    );
    in_every_format(
        &env,
        &after(AWARE, 24 * H - 1),
        &id,
        "cra-early-warning",
        "warning",
        "CRA early warning (Article 14(2)(a)) due 2026-09-15T10:00:00Z (in 1m), 24 hours after",
        0,
    );
    run(&env, &after(AWARE, 24 * H - 1), &["check", "--strict"]).code(1);
    in_every_format(
        &env,
        &after(AWARE, 24 * H + 1),
        &id,
        "cra-early-warning",
        "error",
        "CRA early warning (Article 14(2)(a)) not submitted: it was due 2026-09-15T10:00:00Z (1m overdue)",
        1,
    );
    let now = after(AWARE, 24 * H + 1);
    let text = stdout(&run(&env, &now, &["check"]).code(1));
    assert!(
        text.contains(&format!(
            "{id}  error    CRA early warning (Article 14(2)(a)) not submitted: it was due 2026-09-15T10:00:00Z (1m overdue), 24 hours after the team became aware of active exploitation at {AWARE}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{id}  warning  CRA vulnerability notification (Article 14(2)(b)) due 2026-09-17T10:00:00Z (in 1d 23h), 72 hours after"
        )),
        "{text}"
    );
    let github = stdout(&run(&env, &now, &["check", "--format", "github"]).code(1));
    assert!(
        github.contains(&format!(
            "::error title={id} CRA early warning::CRA early warning (Article 14(2)(a)) not submitted"
        )),
        "{github}"
    );
    assert!(
        github.contains(&format!(
            "::warning title={id} CRA vulnerability notification::CRA vulnerability notification (Article 14(2)(b)) due"
        )),
        "{github}"
    );
    // Piped, a row is its fields: the CRA one after the state.
    let status = stdout(&run(&env, &now, &["status"]).success());
    let fields: Vec<&str> = status.trim_end().split('\t').collect();
    assert_eq!(fields.len(), 9, "{status}");
    assert_eq!(
        &fields[..4],
        [
            id.as_str(),
            "Path traversal in upload",
            "new (paused)",
            "early warning 1m overdue"
        ]
    );
    assert_eq!(fields[7], "early warning 1m overdue", "NEXT names it too");
    let show = stdout(&run(&env, &now, &["show", &id]).success());
    assert!(
        show.contains("pausing the case does not stop these clocks"),
        "{show}"
    );

    // Submitted late: recorded with its due time, and the clock stops.
    let late = after(AWARE, 25 * H);
    let out = run(
        &env,
        &late,
        &[
            "cra",
            &id,
            "--submitted",
            "early-warning",
            "--reference",
            "SRP-2026-0042",
        ],
    )
    .success();
    assert!(
        stderr(&out).contains("late: it was due 2026-09-15 10:00 UTC"),
        "{}",
        stderr(&out)
    );
    let case = env.case(&id);
    let record = &case["cra_reports"]["early-warning"];
    assert_eq!(record["submitted_at"], late);
    assert_eq!(record["due"], "2026-09-15T10:00:00Z");
    assert_eq!(record["reference"], "SRP-2026-0042");
    let event = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(event["kind"], "cra-report-submitted");
    assert_eq!(event["report"], "early-warning");
    assert_eq!(env.commits()[0].0, format!("{id}: record CRA submission"));
    let log = stdout(&run(&env, &late, &["log", &id]).success());
    assert!(
        log.contains("CRA early warning submitted")
            && log.contains("late: due 2026-09-15T10:00:00Z, 1h after"),
        "{log}"
    );

    // 71h59m: only the notification, a warning; 72h01m: missed.
    assert_eq!(
        cra_findings(&env, &after(AWARE, 72 * H - 1)),
        (0, pairs(&[("cra-notification", "warning")]))
    );
    assert_eq!(
        cra_findings(&env, &after(AWARE, 72 * H + 1)),
        (1, pairs(&[("cra-notification", "error")]))
    );
    in_every_format(
        &env,
        &after(AWARE, 72 * H - 1),
        &id,
        "cra-notification",
        "warning",
        "CRA vulnerability notification (Article 14(2)(b)) due 2026-09-17T10:00:00Z (in 1m), 72 hours after",
        0,
    );
    in_every_format(
        &env,
        &after(AWARE, 72 * H + 1),
        &id,
        "cra-notification",
        "error",
        "CRA vulnerability notification (Article 14(2)(b)) not submitted: it was due 2026-09-17T10:00:00Z (1m overdue)",
        1,
    );
    let json: Value = serde_json::from_str(&stdout(
        &run(&env, &after(AWARE, 72 * H + 1), &["check", "--json"]).code(1),
    ))
    .unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["case"], id.as_str());
    assert_eq!(finding["due"], "2026-09-17T10:00:00Z");
    assert_eq!(finding["minutes_left"], -1);

    run(
        &env,
        &after(AWARE, 73 * H),
        &["cra", &id, "--submitted", "notification"],
    )
    .success();
    assert_eq!(cra_findings(&env, &after(AWARE, 73 * H + 1)), (0, vec![]));
    let show = stdout(&run(&env, &after(AWARE, 74 * H), &["cra", &id]).success());
    assert!(
        show.contains("submitted 2026-09-15 11:00 UTC, late"),
        "{show}"
    );
    assert!(
        show.contains("early warning reference: SRP-2026-0042"),
        "{show}"
    );
    assert!(
        show.contains(
            "final report   due 14 days after a fix is released or a mitigation is available"
        ),
        "{show}"
    );
}

/// A case aware at `AWARE` with both early reports sent in time, affected
/// in 1.4 and 1.5.
fn reported_case(env: &TestEnv) -> String {
    let id = open(env, "2026-09-14T09:00:00Z");
    exploited(env, &id, &after(AWARE, 5), AWARE);
    for (minutes, report) in [(6 * H, "early-warning"), (48 * H, "notification")] {
        run(
            env,
            &after(AWARE, minutes),
            &["cra", &id, "--submitted", report],
        )
        .success();
    }
    run(
        env,
        &after(AWARE, 49 * H),
        &["affected", &id, "--range", ">=1.0.0, <1.5.3"],
    )
    .success();
    id
}

#[test]
fn the_final_report_falls_due_fourteen_days_after_the_first_fix_or_mitigation() {
    let env = store(true);
    let id = reported_case(&env);
    let fix = after(AWARE, 3 * D);
    // Before any measure, the final report waits: no finding, a clock without a due time.
    assert_eq!(cra_findings(&env, &after(&fix, -H)), (0, vec![]));
    let json: Value = serde_json::from_str(&stdout(
        &run(&env, &after(&fix, -H), &["show", &id, "--json"]).success(),
    ))
    .unwrap();
    let final_report = &json["clocks"]["cra"]["final_report"];
    assert_eq!(final_report["status"], "waiting-for-measure");
    assert_eq!(final_report["due"], Value::Null);

    run(
        &env,
        &after(&fix, 1),
        &[
            "fix",
            &id,
            "--release",
            "1.4",
            "--version",
            "1.4.2",
            "--released",
            &fix,
        ],
    )
    .success();
    // 13d23h after the first released fix: due soon; 14d01h: missed.
    assert_eq!(
        cra_findings(&env, &after(&fix, 14 * D - H)),
        (0, pairs(&[("cra-final-report", "warning")]))
    );
    let out = run(
        &env,
        &after(&fix, 14 * D - H),
        &["check", "--format", "github", "--warn-within", "12h"],
    )
    .success();
    assert!(
        stdout(&out).contains(&format!(
            "::warning title={id} CRA final report::CRA final report (Article 14(2)(c)) due 2026-10-01T10:00:00Z (in 1h), 14 days after the first fix or mitigation, available since {fix}"
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        cra_findings(&env, &after(&fix, 14 * D + H)),
        (1, pairs(&[("cra-final-report", "error")]))
    );
    in_every_format(
        &env,
        &after(&fix, 14 * D - H),
        &id,
        "cra-final-report",
        "warning",
        "CRA final report (Article 14(2)(c)) due 2026-10-01T10:00:00Z (in 1h), 14 days after the first fix",
        0,
    );
    in_every_format(
        &env,
        &after(&fix, 14 * D + H),
        &id,
        "cra-final-report",
        "error",
        "CRA final report (Article 14(2)(c)) not submitted: it was due 2026-10-01T10:00:00Z (1h overdue)",
        1,
    );
    let text = stdout(&run(&env, &after(&fix, 14 * D + H), &["check"]).code(1));
    assert!(
        text.contains("CRA final report (Article 14(2)(c)) not submitted: it was due 2026-10-01T10:00:00Z (1h overdue)"),
        "{text}"
    );

    // A mitigation recorded as available a day before the fix comes first.
    let mitigation = after(&fix, -D);
    run(
        &env,
        &after(&fix, 2),
        &[
            "mitigated",
            &id,
            "--at",
            &mitigation,
            "--text",
            "MITIGATION-MARKER turn uploads off",
        ],
    )
    .success();
    assert_eq!(
        cra_findings(&env, &after(&mitigation, 14 * D - 1)),
        (0, pairs(&[("cra-final-report", "warning")]))
    );
    assert_eq!(
        cra_findings(&env, &after(&mitigation, 14 * D + 1)),
        (1, pairs(&[("cra-final-report", "error")]))
    );
    // Recording the same measure again corrects its time.
    run(
        &env,
        &after(&fix, 3),
        &[
            "mitigated",
            &id,
            "--at",
            &fix,
            "--text",
            "MITIGATION-MARKER turn uploads off",
        ],
    )
    .success();
    assert_eq!(env.case(&id)["mitigations"].as_array().unwrap().len(), 1);
    assert_eq!(
        cra_findings(&env, &after(&mitigation, 14 * D + 1)),
        (0, pairs(&[("cra-final-report", "warning")]))
    );

    // Submitted in time: the clock stops, not late.
    run(
        &env,
        &after(&fix, 10 * D),
        &["cra", &id, "--submitted", "final-report"],
    )
    .success();
    assert_eq!(cra_findings(&env, &after(&fix, 20 * D)), (0, vec![]));
    assert_eq!(
        env.case(&id)["cra_reports"]["final-report"]["due"],
        "2026-10-01T10:00:00Z"
    );
    let status = stdout(&run(&env, &after(&fix, 20 * D), &["status"]).success());
    assert!(status.contains("submitted"), "{status}");
}

#[test]
fn a_published_case_keeps_its_clocks_and_a_rejected_one_has_none() {
    let env = store(true);
    let published = reported_case(&env);
    let rejected = reported_case(&env);
    let fix = after(AWARE, 3 * D);
    run(
        &env,
        &fix,
        &["fix", &published, "--release", "1.4", "--version", "1.4.2"],
    )
    .success();
    run(
        &env,
        &after(&fix, 1),
        &[
            "publish",
            &published,
            "--force",
            "--reason",
            "exploited: users need it now",
        ],
    )
    .success();
    assert_eq!(env.case(&published)["state"], "published");
    run(
        &env,
        &after(&fix, 2),
        &["reject", &rejected, "--reason", "invalid", "--force"],
    )
    .success();
    let late = after(&fix, 15 * D);
    let out = env
        .disclose_at(&late)
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cases: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["case"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(cases, [(published.as_str(), "cra-final-report")]);
    assert_eq!(json["summary"]["open_cases"], 0);
    assert_eq!(json["summary"]["cases_with_errors"], 1);
    // `status` lists a published case while a CRA report is owed.
    let status = stdout(&run(&env, &late, &["status"]).success());
    assert!(status.contains(&published), "{status}");
    assert!(!status.contains(&rejected), "{status}");
    run(
        &env,
        &late,
        &["cra", &published, "--submitted", "final-report"],
    )
    .success();
    let out = run(&env, &after(&late, 1), &["status"]).success();
    assert!(!stdout(&out).contains(&published), "{}", stdout(&out));
}

#[test]
fn with_cra_off_nothing_of_it_appears_and_the_verbs_refuse() {
    let env = store(false);
    let id = open(&env, "2026-09-14T09:00:00Z");
    let before = env.snapshot_bytes();
    for args in [
        vec!["exploited", &id, "--evidence", "seen in the wild"],
        vec!["mitigated", &id, "--text", "turn uploads off"],
        vec!["cra", &id],
        vec!["cra", &id, "--draft", "early-warning"],
        vec!["cra", &id, "--draft", "user-notice"],
        vec!["cra", &id, "--submitted", "early-warning"],
    ] {
        let out = run(&env, AWARE, &args).code(1);
        assert!(
            stderr(&out).contains("disclose policy set cra on"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(before, env.snapshot_bytes());
    let policy = stdout(&run(&env, AWARE, &["policy"]).success());
    assert!(policy.contains("cra              off"), "{policy}");
    assert!(!policy.contains("cra_member_states"), "{policy}");
    let help = stdout(&run(&env, AWARE, &["--help"]).success());
    assert!(help.contains("exploited") && help.contains("cra"), "{help}");

    // Recorded while on, then switched off: no clock, finding, column or row.
    run(&env, AWARE, &["policy", "set", "cra", "on"]).success();
    exploited(&env, &id, &after(AWARE, 1), AWARE);
    let late = after(AWARE, 30 * D);
    assert_eq!(cra_findings(&env, &late).0, 1);
    run(&env, &late, &["policy", "set", "cra", "off"]).success();
    assert_eq!(cra_findings(&env, &late), (0, vec![]));
    let check = stdout(&run(&env, &late, &["check", "--json"]).success());
    assert!(!check.contains("cra"), "{check}");
    let status = stdout(&run(&env, &late, &["status"]).success());
    assert!(!status.contains("early warning"), "{status}");
    assert_eq!(status.trim_end().split('\t').count(), 8, "{status}");
    let status_json = stdout(&run(&env, &late, &["status", "--json"]).success());
    let rows: Value = serde_json::from_str(&status_json).unwrap();
    assert!(rows[0]["clocks"].get("cra").is_none(), "{status_json}");
    let show = stdout(&run(&env, &late, &["show", &id]).success());
    assert!(
        !show.contains("exploited") && !show.contains("CRA"),
        "{show}"
    );
    let shown: Value = serde_json::from_str(&stdout(
        &run(&env, &late, &["show", &id, "--json"]).success(),
    ))
    .unwrap();
    assert!(shown["clocks"].get("cra").is_none());
    let stats = stdout(&run(&env, &late, &["stats"]).success());
    assert!(
        !stats.contains("CRA") && !stats.contains("early warning"),
        "{stats}"
    );
    let stats: Value =
        serde_json::from_str(&stdout(&run(&env, &late, &["stats", "--json"]).success())).unwrap();
    assert!(stats.get("cra").is_none());
}

/// | case | aware        | early warning (24h)  | notification (72h) | measure      | final report (14d) |
/// |------|--------------|----------------------|--------------------|--------------|--------------------|
/// | A    | 09-14 10:00  | +20h (met)           | +80h (late)        | fix 09-16    | 09-29 (met)        |
/// | B    | 09-20 10:00  | none (missed)        | none (missed)      | none         | waiting            |
/// | C    | 10-29 12:00  | none (running)       | none (running)     | none         | waiting            |
/// | D    | 09-14 10:00  | none, but rejected: not counted                                                |
/// | E    | no exploitation recorded: not counted                                                       |
///
/// At 2026-10-30T00:00Z: early warning 1 met, 1 missed, 1 running (50%);
/// notification 1 late, 1 missed, 1 running (0%); final report 1 met, 2
/// waiting (100%).
#[test]
fn stats_count_each_report_against_its_time_limit() {
    let env = store(true);
    let a = open(&env, "2026-09-14T09:00:00Z");
    exploited(&env, &a, "2026-09-14T10:01:00Z", AWARE);
    run(
        &env,
        "2026-09-15T06:00:00Z",
        &["cra", &a, "--submitted", "early-warning"],
    )
    .success();
    run(
        &env,
        "2026-09-17T18:00:00Z",
        &["cra", &a, "--submitted", "notification"],
    )
    .success();
    run(
        &env,
        "2026-09-16T00:00:00Z",
        &["affected", &a, "--range", ">=1.4.0, <1.4.2"],
    )
    .success();
    run(
        &env,
        "2026-09-16T10:00:00Z",
        &["fix", &a, "--release", "1.4", "--version", "1.4.2"],
    )
    .success();
    run(
        &env,
        "2026-09-29T10:00:00Z",
        &["cra", &a, "--submitted", "final-report"],
    )
    .success();

    let b = open(&env, "2026-09-20T09:00:00Z");
    exploited(&env, &b, "2026-09-20T10:00:00Z", "2026-09-20T10:00:00Z");
    let c = open(&env, "2026-10-29T09:00:00Z");
    exploited(&env, &c, "2026-10-29T12:00:00Z", "2026-10-29T12:00:00Z");
    let d = open(&env, "2026-09-14T09:30:00Z");
    exploited(&env, &d, "2026-09-14T10:30:00Z", "2026-09-14T10:30:00Z");
    run(
        &env,
        "2026-09-14T11:00:00Z",
        &[
            "reject",
            &d,
            "--reason",
            "duplicate",
            "--duplicate-of",
            &a,
            "--force",
        ],
    )
    .success();
    open(&env, "2026-10-01T09:00:00Z");

    let now = "2026-10-30T00:00:00Z";
    let stats: Value =
        serde_json::from_str(&stdout(&run(&env, now, &["stats", "--json"]).success())).unwrap();
    let record = |met: u64, late: u64, missed: u64, pending: u64, share: Option<f64>| {
        serde_json::json!({
            "met": met, "late": late, "missed": missed, "pending": pending, "share_met": share
        })
    };
    assert_eq!(stats["cra"]["exploited"], 3);
    assert_eq!(stats["cra"]["early_warning"], record(1, 0, 1, 1, Some(0.5)));
    assert_eq!(stats["cra"]["notification"], record(0, 1, 1, 1, Some(0.0)));
    assert_eq!(stats["cra"]["final_report"], record(1, 0, 0, 2, Some(1.0)));
    let text = stdout(&run(&env, now, &["stats"]).success());
    for line in [
        "CRA Article 14 (3 cases with exploitation recorded)",
        "  early warning (24h)   1 of 2 in time (50%), 0 late, 1 missed; 1 still running",
        "  notification (72h)    0 of 2 in time (0%), 1 late, 1 missed; 1 still running",
        "  final report (14d)    1 of 1 in time (100%), 0 late, 0 missed; 2 still running",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    // Received since October: only C counts, and none of its reports is due.
    let text = stdout(&run(&env, now, &["stats", "--since", "2026-10-01"]).success());
    assert!(
        text.contains("  early warning (24h)   none due yet (1 still running)"),
        "{text}"
    );
}

/// Every draft, as JSON.
fn draft(env: &TestEnv, id: &str, at: &str, which: &str) -> Value {
    let out = run(env, at, &["cra", id, "--draft", which, "--json"]).success();
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn missing_fields(d: &Value) -> Vec<String> {
    d["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["field"].as_str().unwrap().to_owned())
        .collect()
}

/// What none of the reports to the authorities may hold: the reporter's
/// identity, the report, private notes.
const NOT_FOR_AUTHORITIES: [&str; 6] = [
    "Ada Lovelace",
    "ada@example.org",
    "REPORT-DESCRIPTION-MARKER",
    "REPRODUCTION-MARKER",
    "PRIVATE-NOTE-MARKER",
    "CONTACT-MARKER",
];

#[test]
fn drafts_hold_what_the_article_lists_and_name_what_is_missing() {
    let env = store(true);
    let id = open(&env, "2026-09-14T09:00:00Z");
    exploited(&env, &id, &after(AWARE, 5), AWARE);
    run(
        &env,
        &after(AWARE, 6),
        &["note", &id, "PRIVATE-NOTE-MARKER keep this to ourselves"],
    )
    .success();
    run(
        &env,
        &after(AWARE, 7),
        &[
            "contact",
            &id,
            "--to-reporter",
            "CONTACT-MARKER thanks, on it",
        ],
    )
    .success();
    let now = after(AWARE, H);

    // Without severity, fix, mitigation or Member States.
    let early = draft(&env, &id, &now, "early-warning");
    assert_eq!(early["report"], "early-warning");
    assert_eq!(
        early["legal_basis"],
        "Article 14(2)(a) of Regulation (EU) 2024/2847"
    );
    assert_eq!(early["became_aware_at"], AWARE);
    assert_eq!(early["due"], "2026-09-15T10:00:00Z");
    assert_eq!(
        missing_fields(&early),
        ["member_states_where_made_available"]
    );
    assert_eq!(
        early["content"]["product_with_digital_elements"]["name"],
        "poet"
    );
    assert_eq!(
        early["content"]["member_states_where_made_available"],
        serde_json::json!([])
    );
    let notification = draft(&env, &id, &now, "notification");
    assert_eq!(
        missing_fields(&notification),
        [
            "general_information_about_the_product",
            "general_nature_of_the_vulnerability",
            "general_nature_of_the_vulnerability",
            "corrective_or_mitigating_measures_taken",
            "corrective_or_mitigating_measures_users_can_take",
            "sensitivity_of_the_information",
        ]
    );
    assert!(
        notification["content"]["general_nature_of_the_exploit"]
            .as_str()
            .unwrap()
            .starts_with("EVIDENCE-MARKER")
    );
    let final_report = draft(&env, &id, &now, "final-report");
    assert_eq!(final_report["due"], Value::Null);
    assert_eq!(
        missing_fields(&final_report),
        [
            "description_of_the_vulnerability",
            "description_of_the_vulnerability",
            "description_of_the_vulnerability",
            "malicious_actor",
            "security_update_or_other_corrective_measures",
        ]
    );
    let whats: Vec<&str> = final_report["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["what"].as_str().unwrap())
        .collect();
    assert!(whats.contains(&"no severity assessed"), "{whats:?}");
    assert!(
        whats.contains(&"no mitigation recorded yet, and no fix released"),
        "{whats:?}"
    );
    let text = stdout(&run(&env, &now, &["cra", &id, "--draft", "final-report"]).success());
    assert!(text.contains("Severity: [missing]"), "{text}");
    assert!(text.contains("Missing (5):"), "{text}");
    assert!(
        text.contains(&format!("disclose severity {id} --cvss VECTOR")),
        "{text}"
    );
    assert!(text.contains("Confidential: not for publication"), "{text}");

    // The notice to users without public text, versions or measures says so,
    // and has no machine-readable part yet.
    let notice = draft(&env, &id, &now, "user-notice");
    assert_eq!(notice["osv"], Value::Null);
    assert_eq!(
        missing_fields(&notice),
        ["osv", "summary", "affected", "measures"]
    );
    let out = run(&env, &now, &["cra", &id, "--draft", "user-notice"]).success();
    assert!(
        stdout(&out).contains("No fixed version is released yet."),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("Missing (4):"), "{}", stderr(&out));

    // With everything recorded, nothing is missing.
    for (at, args) in [
        (10, vec!["policy", "set", "cra_member_states", "de, EL,fr"]),
        (11, vec!["affected", &id, "--range", ">=1.0.0, <1.5.3"]),
        (
            12,
            vec![
                "severity",
                &id,
                "--cvss",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "--cwe",
                "CWE-22",
            ],
        ),
        (
            13,
            vec![
                "describe",
                &id,
                "--summary",
                "Path traversal in the upload handler",
                "--impact",
                "Any file the server can write.",
                "--workarounds",
                "Set uploads.enabled = false.",
            ],
        ),
        (
            14,
            vec!["fix", &id, "--release", "1.4", "--version", "1.4.2"],
        ),
        (
            15,
            vec![
                "mitigated",
                &id,
                "--text",
                "MITIGATION-MARKER uploads off for hosted customers",
            ],
        ),
        (
            16,
            vec![
                "exploited",
                &id,
                "--actor",
                "ACTOR-MARKER a botnet",
                "--sensitivity",
                "amber",
            ],
        ),
    ] {
        run(&env, &after(AWARE, H + at), &args).success();
    }
    let details = env.root.join("details.md");
    std::fs::write(&details, "Names with `..` escaped the upload directory.\n").unwrap();
    env.disclose_at(&after(AWARE, H + 17))
        .args(["describe", &id, "--details"])
        .arg(&details)
        .assert()
        .success();
    let now = after(AWARE, 2 * H);
    let early = draft(&env, &id, &now, "early-warning");
    assert_eq!(missing_fields(&early), Vec::<String>::new());
    assert_eq!(
        early["content"]["member_states_where_made_available"],
        serde_json::json!([
            {"code": "DE", "name": "Germany"},
            {"code": "GR", "name": "Greece"},
            {"code": "FR", "name": "France"}
        ])
    );
    assert_eq!(
        early["content"]["product_with_digital_elements"]["packages"],
        serde_json::json!(["crates.io/poet"])
    );
    let notification = draft(&env, &id, &now, "notification");
    assert_eq!(missing_fields(&notification), Vec::<String>::new());
    let c = &notification["content"];
    assert_eq!(c["sensitivity_of_the_information"]["label"], "TLP:AMBER");
    assert_eq!(
        c["corrective_or_mitigating_measures_taken"]["security_updates"][0]["version"],
        "1.4.2"
    );
    assert!(
        c["corrective_or_mitigating_measures_taken"]["mitigations"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("MITIGATION-MARKER")
    );
    assert_eq!(
        c["corrective_or_mitigating_measures_users_can_take"]["upgrade_to"],
        serde_json::json!(["1.4.2"])
    );
    assert_eq!(
        c["general_nature_of_the_vulnerability"]["cwe"],
        serde_json::json!(["CWE-22"])
    );
    let final_report = draft(&env, &id, &now, "final-report");
    assert_eq!(missing_fields(&final_report), Vec::<String>::new());
    assert_eq!(final_report["due"], after(AWARE, H + 14 + 14 * D));
    let c = &final_report["content"];
    assert_eq!(
        c["description_of_the_vulnerability"]["severity"]["rating"],
        "critical"
    );
    assert_eq!(c["malicious_actor"], "ACTOR-MARKER a botnet");
    let text = stdout(&run(&env, &now, &["cra", &id, "--draft", "notification"]).success());
    assert!(
        !text.contains("[missing]") && !text.contains("Missing ("),
        "{text}"
    );
    assert!(
        text.contains("Sensitivity of the information: TLP:AMBER"),
        "{text}"
    );

    // None of them carries what the reporter gave in confidence.
    for which in ["early-warning", "notification", "final-report"] {
        let json = stdout(&run(&env, &now, &["cra", &id, "--draft", which, "--json"]).success());
        let text = stdout(&run(&env, &now, &["cra", &id, "--draft", which]).success());
        for secret in NOT_FOR_AUTHORITIES {
            assert!(!json.contains(secret), "{which}: {secret}\n{json}");
            assert!(!text.contains(secret), "{which}: {secret}\n{text}");
        }
    }
}

#[test]
fn the_notice_to_users_comes_from_the_public_text_only() {
    let env = TestEnv::with_store("publish-ready");
    env.disclose()
        .args(["policy", "set", "cra", "on"])
        .assert()
        .success();
    let id = crate::public_text::fixed_from_email(&env);
    let saved = env.root.join("saved.txt");
    std::fs::write(&saved, crate::public_text::CLEAN).unwrap();
    env.disclose()
        .env("EDITOR", format!("cp {}", saved.display()))
        .args(["describe", &id, "--edit"])
        .assert()
        .success();
    let evidence =
        "Seen in the wild: EVIDENCE-MARKER requests from 203.0.113.9 against our customer's upload";
    env.disclose()
        .args([
            "exploited",
            &id,
            "--evidence",
            evidence,
            "--actor",
            "ACTOR-MARKER crew",
        ])
        .assert()
        .success();

    let out = env
        .disclose()
        .args(["cra", &id, "--draft", "user-notice", "--json"])
        .assert()
        .success();
    let notice: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let markdown = notice["markdown"].as_str().unwrap();
    let osv = notice["osv"].as_str().unwrap();
    assert_eq!(notice["leaks"], serde_json::json!([]));
    assert!(
        markdown.starts_with("# Security notice: Path traversal in upload\n"),
        "{markdown}"
    );
    assert!(markdown.contains("being actively exploited"), "{markdown}");
    assert!(
        markdown.contains("Upgrade to 1.4.2 or 1.5.3."),
        "{markdown}"
    );
    assert!(markdown.contains("`osv.json`"), "{markdown}");
    let record: Value = serde_json::from_str(osv).unwrap();
    assert_eq!(
        record["summary"],
        "Path traversal in the upload handler of poet"
    );
    for (name, text) in [("user-notice.md", markdown), ("osv.json", osv)] {
        let folded = disclose::export::leak::fold(text);
        for secret in crate::public_text::PRIVATE.iter().copied().chain([
            "EVIDENCE-MARKER",
            "ACTOR-MARKER",
            "203.0.113.9",
        ]) {
            for v in [
                secret.to_owned(),
                secret.to_uppercase(),
                secret.replace('@', "＠"),
                secret.replace('@', "%40"),
            ] {
                assert!(!text.contains(&v), "{v} in {name}:\n{text}");
            }
            assert!(
                !folded.contains(&disclose::export::leak::fold(secret)),
                "{secret} in {name}"
            );
        }
    }

    // --out writes both parts.
    let dir = env.root.join("notice");
    env.disclose()
        .args(["cra", &id, "--draft", "user-notice", "--out"])
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.join("user-notice.md")).unwrap(),
        markdown
    );
    assert_eq!(std::fs::read_to_string(dir.join("osv.json")).unwrap(), osv);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for name in ["user-notice.md", "osv.json"] {
            let mode = std::fs::metadata(dir.join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name} is written private");
        }
    }

    // Evidence copied into the public text is caught by the leak guard.
    let details = env.root.join("leaky.md");
    std::fs::write(&details, format!("Uploads could escape.\n\n{evidence}\n")).unwrap();
    env.disclose()
        .args(["describe", &id, "--details"])
        .arg(&details)
        .assert()
        .success();
    let dir = env.root.join("leaky-notice");
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["cra", &id, "--draft", "user-notice", "--out"])
        .arg(&dir)
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains("user-notice.md:") && err.contains("(exploitation-evidence)"),
        "{err}"
    );
    assert!(err.contains("osv.json:"), "{err}");
    assert!(!dir.exists());
    assert!(stdout(&out).is_empty());
    assert_eq!(before, env.snapshot_bytes());
    // ... and by publish's guard too.
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run", "--json"])
        .assert()
        .code(1);
    assert!(
        stdout(&out).contains("exploitation-evidence"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_correction_is_an_event_and_bad_input_changes_nothing() {
    let env = store(true);
    let id = open(&env, "2026-09-14T09:00:00Z");
    let now = after(AWARE, 2 * H);
    let before = env.snapshot_bytes();
    for (args, code, says) in [
        (vec!["exploited", &id], 2, "--evidence TEXT"),
        (
            vec![
                "exploited",
                &id,
                "--evidence",
                "x",
                "--at",
                "2026-09-20T00:00:00Z",
            ],
            2,
            "in the future",
        ),
        (
            vec!["exploited", &id, "--evidence", " "],
            2,
            "--evidence is empty",
        ),
        (
            vec![
                "exploited",
                &id,
                "--evidence",
                "x",
                "--sensitivity",
                "purple",
            ],
            2,
            "purple",
        ),
        (
            vec!["cra", &id, "--submitted", "early-warning"],
            1,
            "no exploitation recorded",
        ),
        (
            vec!["cra", &id, "--draft", "notification"],
            1,
            "no exploitation recorded",
        ),
        (vec!["cra", &id, "--draft", "nonsense"], 2, "nonsense"),
        (vec!["mitigated", &id, "--text", ""], 2, "--text"),
        (
            vec!["policy", "set", "cra_member_states", "DE, UK"],
            2,
            "the United Kingdom is not an EU Member State; accepted: BE, BG, CZ",
        ),
        (vec!["policy", "set", "cra", "maybe"], 2, "not on or off"),
    ] {
        let out = run(&env, &now, &args).code(code);
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(before, env.snapshot_bytes(), "{args:?} changed something");
    }

    exploited(&env, &id, &now, AWARE);
    let events = |env: &TestEnv| env.case(&id)["events"].as_array().unwrap().len();
    let n = events(&env);
    let before = env.snapshot_bytes();
    for (args, code, says) in [
        (vec!["exploited", &id], 2, "give what to correct"),
        (
            vec![
                "cra",
                &id,
                "--submitted",
                "early-warning",
                "--at",
                "2026-09-14T09:00:00Z",
            ],
            2,
            "before the team became aware",
        ),
        (
            vec!["cra", &id, "--draft", "early-warning", "--out", "x"],
            2,
            "--out and --force go with --draft user-notice",
        ),
    ] {
        let out = run(&env, &now, &args).code(code);
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert_eq!(before, env.snapshot_bytes(), "{args:?} changed something");
    }
    // The same again changes nothing; a correction is one more event.
    let out = run(&env, &now, &["exploited", &id, "--at", AWARE]).success();
    assert!(
        stderr(&out).contains("Nothing to change"),
        "{}",
        stderr(&out)
    );
    assert_eq!(events(&env), n);
    let earlier = after(AWARE, -3 * H);
    run(&env, &now, &["exploited", &id, "--at", &earlier]).success();
    assert_eq!(events(&env), n + 1);
    let case = env.case(&id);
    assert_eq!(case["exploited"]["aware_at"], earlier);
    assert!(
        case["exploited"]["evidence"]
            .as_str()
            .unwrap()
            .starts_with("EVIDENCE-MARKER")
    );
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "exploited");
    assert_eq!(last["aware_at"], earlier);
    assert!(
        last.get("evidence").is_none(),
        "only the correction is recorded"
    );
    assert_eq!(
        cra_findings(&env, &after(&earlier, 24 * H + 1)).1,
        pairs(&[
            ("cra-early-warning", "error"),
            ("cra-notification", "warning")
        ])
    );
}
