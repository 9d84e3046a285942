//! `disclose embargo` (the date before which nothing is published) and
//! `disclose deadline` (the date to publish by), and `init --preset`.

use disclose::model::case::EventKind;
use disclose::model::preset::Preset;
use predicates::prelude::*;

use crate::common::{TestEnv, stderr};
use crate::model_cases::Built;

const RECEIVED: &str = "2026-03-02T09:00:00Z";

fn opened() -> (TestEnv, String) {
    let env = TestEnv::init();
    let id = env.open("t", &["--received", RECEIVED]);
    (env, id)
}

fn last_event(case: &serde_json::Value) -> serde_json::Value {
    case["events"].as_array().unwrap().last().unwrap().clone()
}

#[test]
fn the_embargo_keeps_the_offset_it_was_agreed_in_and_moves_no_deadline() {
    let (env, id) = opened();
    let out = env
        .disclose()
        .args(["embargo", &id, "--until", "2026-05-01T15:00:00+02:00"])
        .env("TZ", "Europe/Berlin")
        .assert()
        .success();
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        format!(
            "Embargo on {id} until 2026-05-01 15:00 +02:00 (2026-05-01 13:00 UTC) (in 60d 3h): \
             publishing is refused before then."
        )
    );
    let case = env.case(&id);
    assert_eq!(case["embargo_until"], "2026-05-01T13:00:00Z");
    assert_eq!(case["embargo_offset"], "+02:00");
    // The deadline is still the policy's: 90 days after receipt.
    assert_eq!(case["deadline"], "2026-05-31T09:00:00Z");
    assert!(case.get("deadline_agreed").is_none());
    let last = last_event(&case);
    assert_eq!(last["kind"], "embargo-agreed");
    assert_eq!(last["until"], "2026-05-01T13:00:00Z");
    assert_eq!(last["offset"], "+02:00");
    assert_eq!(env.commits()[0].0, format!("{id}: set embargo"));
    // `show` gives it in its own offset, apart from the deadline.
    let out = env.disclose().args(["show", &id]).assert().success();
    let text = crate::common::stdout(&out);
    assert!(
        text.contains("not before    2026-05-01 15:00 +02:00 (2026-05-01 13:00 UTC) (embargo"),
        "{text}"
    );
    assert!(
        text.contains("publish by    2026-05-31 09:00 UTC"),
        "{text}"
    );
}

#[test]
fn a_plain_date_means_midnight_utc_and_clear_lifts_it() {
    let (env, id) = opened();
    env.disclose()
        .args(["embargo", &id, "--until", "2026-05-01"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["embargo_until"], "2026-05-01T00:00:00Z");
    assert!(case.get("embargo_offset").is_none());
    env.disclose()
        .args(["embargo", &id, "--clear"])
        .assert()
        .success()
        .stderr(predicate::str::contains("No embargo"));
    assert_eq!(env.case(&id)["embargo_until"], serde_json::Value::Null);
    let commits = env.commits().len();
    env.disclose()
        .args(["embargo", &id, "--clear"])
        .assert()
        .success();
    assert_eq!(
        env.commits().len(),
        commits,
        "clearing again changes nothing"
    );
}

#[test]
fn an_embargo_after_the_deadline_is_recorded_with_a_warning() {
    let (env, id) = opened();
    env.disclose()
        .args(["embargo", &id, "--until", "2026-12-22T15:00:00+01:00"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: the embargo ends after the disclosure deadline",
        ))
        .stderr(predicate::str::contains(format!(
            "disclose deadline {id} --by"
        )));
}

#[test]
fn a_preset_is_a_deadline_not_an_embargo() {
    let (env, id) = opened();
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["embargo", &id, "--preset", "project-zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "disclose deadline {id} --preset project-zero"
        )));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn deadline_presets_count_from_receipt_and_are_recorded() {
    for (args, until, preset) in [
        (
            &["--preset", "cert-cc"][..],
            "2026-04-16T09:00:00Z",
            "cert-cc",
        ),
        (&["--preset", "zdi"][..], "2026-06-30T09:00:00Z", "zdi"),
        (
            &["--preset", "project-zero"][..],
            "2026-05-31T09:00:00Z",
            "project-zero",
        ),
        (
            &["--preset", "project-zero", "--grace"][..],
            "2026-06-14T09:00:00Z",
            "project-zero+grace",
        ),
        (&["--preset", "60"][..], "2026-05-01T09:00:00Z", "60d"),
    ] {
        let (env, id) = opened();
        env.disclose()
            .arg("deadline")
            .arg(&id)
            .args(args)
            .assert()
            .success()
            .stderr(predicate::str::contains("must be published by"));
        let case = env.case(&id);
        assert_eq!(case["deadline"], until, "{args:?}");
        assert_eq!(case["deadline_agreed"], true, "{args:?}");
        assert_eq!(case["deadline_preset"], preset, "{args:?}");
        assert_eq!(case["embargo_until"], serde_json::Value::Null);
        let last = last_event(&case);
        assert_eq!(last["kind"], "deadline-set");
        assert_eq!(last["deadline"], until);
        assert_eq!(last["preset"], preset);
        assert_eq!(env.commits()[0].0, format!("{id}: set deadline"));
    }
}

#[test]
fn a_deadline_by_hand_and_clear_back_to_the_policy() {
    let (env, id) = opened();
    env.disclose()
        .args(["deadline", &id, "--by", "2026-02-28T00:00:00Z"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("in the past"));
    env.disclose()
        .args(["deadline", &id, "--by", "2026-04-30"])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["deadline"], "2026-04-30T00:00:00Z");
    assert!(case.get("deadline_preset").is_none());
    env.disclose()
        .args(["deadline", &id, "--clear"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "deadline is the policy's again: 90d after receipt",
        ));
    let case = env.case(&id);
    assert_eq!(case["deadline"], "2026-05-31T09:00:00Z");
    assert!(case.get("deadline_agreed").is_none());
}

/// A past instant is refused the same way whichever flag gives it, and
/// `--force` records it with the reason.
#[test]
fn past_instants_are_refused_by_every_flag_unless_forced() {
    let env = TestEnv::init();
    let id = env.open("old report", &["--received", "2025-08-01"]);
    let before = env.snapshot_bytes();
    for args in [
        &["embargo", &id, "--until", "2026-01-01"][..],
        &["deadline", &id, "--by", "2026-01-01"][..],
        // ZDI's 120 days from 2025-08-01 ended in November.
        &["deadline", &id, "--preset", "zdi"][..],
    ] {
        env.disclose()
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is in the past"))
            .stderr(predicate::str::contains("--force"));
    }
    assert_eq!(before, env.snapshot_bytes());
    env.disclose()
        .args([
            "deadline",
            &id,
            "--preset",
            "zdi",
            "--force",
            "--reason",
            "agreed after the fact",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Recorded as forced: agreed after the fact.",
        ));
    let last = last_event(&env.case(&id));
    assert_eq!(last["forced"], "agreed after the fact");
    assert_eq!(last["deadline"], "2025-11-29T00:00:00Z");
    env.disclose()
        .args(["embargo", &id, "--until", "2026-01-01", "--force"])
        .assert()
        .success();
    let last = last_event(&env.case(&id));
    assert!(
        last["forced"].as_str().unwrap().contains("already past"),
        "{last}"
    );
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let (env, id) = opened();
    let before = env.snapshot_bytes();
    for (args, needle) in [
        (
            &["embargo", &id, "--until", "2026-06-01T09:00:00"][..],
            "2026-06-01T09:00:00",
        ),
        (&["embargo", &id][..], "--until"),
        (
            &["embargo", &id, "--until", "2026-06-01", "--clear"][..],
            "--clear",
        ),
        (&["embargo", &id, "--reason", "x"][..], "--force"),
        (&["deadline", &id, "--preset", "nsa"][..], "nsa"),
        (
            &["deadline", &id, "--preset", "cert-cc", "--grace"][..],
            "--grace",
        ),
        (&["deadline", &id, "--grace"][..], "--preset"),
        (&["deadline", &id][..], "--by"),
        (
            &["deadline", &id, "--by", "2026-06-01", "--clear"][..],
            "--clear",
        ),
        (
            &["deadline", "DISC-2026-ZZZZZ", "--preset", "zdi"][..],
            "ZZZZZ",
        ),
    ] {
        env.disclose()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle));
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_closed_case_keeps_its_dates() {
    let (env, id) = opened();
    let path = env.store.join("cases").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"state\": \"new\"", "\"state\": \"withdrawn\"");
    std::fs::write(&path, text).unwrap();
    let before = env.snapshot_bytes();
    for args in [
        &["deadline", &id, "--preset", "zdi"][..],
        &["embargo", &id, "--until", "2026-06-01"][..],
    ] {
        env.disclose()
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("withdrawn"));
    }
    assert_eq!(before, env.snapshot_bytes());
}

/// A store written before the two dates were told apart: its case holds
/// `embargo_until` set from a preset, which always meant a deadline.
#[test]
fn an_old_preset_embargo_reads_as_the_deadline() {
    let env = TestEnv::init();
    let built = Built::open("DISC-2026-A0001", RECEIVED)
        .ack("2026-03-02T10:00:00Z")
        .record(
            "2026-03-02T10:01:00Z",
            EventKind::EmbargoSet {
                until: Some("2026-04-16T09:00:00Z".parse().unwrap()),
                preset: Some(Preset::CertCc),
            },
        )
        .write(&env);
    let path = env.store.join("cases/DISC-2026-A0001.json");
    let mut old: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let obj = old.as_object_mut().unwrap();
    obj.insert("schema_version".into(), 1.into());
    obj.insert("embargo_until".into(), "2026-04-16T09:00:00Z".into());
    obj.insert("embargo_preset".into(), "cert-cc".into());
    obj.remove("deadline_agreed");
    obj.remove("deadline_preset");
    // Committed, as the older version left it.
    env.commit_file(
        "cases/DISC-2026-A0001.json",
        &serde_json::to_vec_pretty(&old).unwrap(),
    );
    assert_eq!(
        built.deadline,
        Some("2026-04-16T09:00:00Z".parse().unwrap())
    );

    // `check` judges it as the deadline, not as an embargo that passed.
    let out = env
        .disclose_at("2026-04-16T09:01:00Z")
        .args(["check", "--format", "json", "--case", "DISC-2026-A0001"])
        .assert()
        .code(1);
    let report: serde_json::Value = serde_json::from_str(&crate::common::stdout(&out)).unwrap();
    let deadline = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "disclosure-deadline")
        .unwrap()
        .clone();
    assert_eq!(deadline["due"], "2026-04-16T09:00:00Z");
    assert!(
        deadline["message"].as_str().unwrap().contains("cert-cc"),
        "{deadline}"
    );
    // `show --json` has the upgraded fields; the next change writes them.
    let out = env
        .disclose_at("2026-03-03T09:00:00Z")
        .args(["show", "A0001", "--json"])
        .assert()
        .success();
    let shown: serde_json::Value = serde_json::from_str(&crate::common::stdout(&out)).unwrap();
    assert_eq!(shown["embargo_until"], serde_json::Value::Null);
    assert_eq!(shown["deadline_preset"], "cert-cc");
    env.disclose_at("2026-03-03T09:01:00Z")
        .args(["note", "A0001", "checked"])
        .assert()
        .success();
    let case = env.case("DISC-2026-A0001");
    assert_eq!(case["schema_version"], 3);
    assert_eq!(case["deadline"], "2026-04-16T09:00:00Z");
    assert_eq!(case["deadline_agreed"], true);
    assert!(case.get("embargo_preset").is_none());
}

#[test]
fn init_preset_sets_the_team_default() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--preset", "cert-cc"])
        .assert()
        .success();
    let policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap();
    assert_eq!(policy["disclose_within"], "45d");
    assert_eq!(policy["disclose_preset"], "cert-cc");
    let id = env.open("t", &["--received", RECEIVED]);
    let case = env.case(&id);
    assert_eq!(case["deadline"], "2026-04-16T09:00:00Z");
    assert_eq!(case["policy"]["preset"], "cert-cc");
    env.disclose()
        .args(["init", "--preset", "zdi", "--disclose-within", "30d"])
        .assert()
        .code(2);
}

#[test]
fn init_without_a_preset_writes_no_preset_key() {
    let env = TestEnv::init();
    let text = std::fs::read_to_string(env.store.join("policy.json")).unwrap();
    assert!(!text.contains("preset"), "{text}");
}
