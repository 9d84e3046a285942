//! `disclose stats`, checked against a store of known cases whose figures
//! are worked out by hand below.

use disclose::model::case::Decision;

use crate::common::{TestEnv, stdout};
use crate::model_cases::Built;

/// | case  | received | ack      | confirm | fix released | published          |
/// |-------|----------|----------|---------|--------------|--------------------|
/// | A0001 | 03-02    | +4h      | +24h    | +10d         | +30d (on time)     |
/// | A0002 | 03-02    | +72h (late) | +4d  | +20d         | +100d (after 90d)  |
/// | A0003 | 03-10    | +24h     |         |              | open               |
/// | A0004 | 03-10    |          |         |              | open               |
/// | A0005 | 01-05    | +1h      |         |              | withdrawn          |
fn known_store() -> TestEnv {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", "2026-03-02T09:00:00Z")
        .ack("2026-03-02T13:00:00Z")
        .confirm("2026-03-03T09:00:00Z")
        .releases("2026-03-04T09:00:00Z", &[("1.4", Decision::Affected)])
        .released_fix("2026-03-12T09:00:00Z", "1.4", "1.4.2")
        .published("2026-04-01T09:00:00Z")
        .write(&env);
    Built::open("DISC-2026-A0002", "2026-03-02T09:00:00Z")
        .ack("2026-03-05T09:00:00Z")
        .confirm("2026-03-06T09:00:00Z")
        .releases("2026-03-07T09:00:00Z", &[("1.4", Decision::Affected)])
        .released_fix("2026-03-22T09:00:00Z", "1.4", "1.4.3")
        .published("2026-06-10T09:00:00Z")
        .write(&env);
    Built::open("DISC-2026-A0003", "2026-03-10T09:00:00Z")
        .ack("2026-03-11T09:00:00Z")
        .write(&env);
    Built::open("DISC-2026-A0004", "2026-03-10T09:00:00Z").write(&env);
    Built::open("DISC-2026-A0005", "2026-01-05T09:00:00Z")
        .ack("2026-01-05T10:00:00Z")
        .withdraw("2026-01-06T10:00:00Z")
        .write(&env);
    env
}

fn spread(count: u64, median: i64, p90: i64) -> serde_json::Value {
    serde_json::json!({"count": count, "median_minutes": median, "p90_minutes": p90})
}

#[test]
fn stats_json_matches_the_hand_computed_figures() {
    let env = known_store();
    let out = env
        .disclose_at("2026-07-01T00:00:00Z")
        .args(["stats", "--json"])
        .assert()
        .success();
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["since"], serde_json::Value::Null);
    assert_eq!(stats["cases"], 5);
    assert_eq!(stats["open_cases"], 2);
    assert_eq!(stats["imported"], 0);
    // Acknowledged after 60, 240, 1440 and 4320 minutes.
    assert_eq!(stats["time_to_acknowledge"], spread(4, 840, 4320));
    // Confirmed after 1 and 4 days.
    assert_eq!(stats["time_to_confirm"], spread(2, 3600, 5760));
    // Fixes released after 10 and 20 days.
    assert_eq!(stats["time_to_fix"], spread(2, 21600, 28800));
    // Published after 30 and 100 days.
    assert_eq!(stats["time_to_publish"], spread(2, 93600, 144000));
    assert_eq!(
        stats["acknowledgements"],
        serde_json::json!({"acknowledged": 4, "within_policy": 3, "share_within_policy": 0.75})
    );
    assert_eq!(
        stats["publication"],
        serde_json::json!({"published": 2, "before_deadline": 1, "after_deadline": 1, "without_deadline": 0, "without_received_time": 0})
    );
}

#[test]
fn since_drops_older_cases() {
    let env = known_store();
    let out = env
        .disclose_at("2026-07-01T00:00:00Z")
        .args(["stats", "--json", "--since", "2026-03-01"])
        .assert()
        .success();
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["since"], "2026-03-01T00:00:00Z");
    assert_eq!(stats["cases"], 4);
    assert_eq!(stats["time_to_acknowledge"], spread(3, 1440, 4320));
    assert_eq!(stats["acknowledgements"]["within_policy"], 2);
    assert_eq!(stats["acknowledgements"]["acknowledged"], 3);
}

#[test]
fn stats_text_reads_as_a_record() {
    let env = known_store();
    let out = env
        .disclose_at("2026-07-01T00:00:00Z")
        .arg("stats")
        .assert()
        .success();
    assert_eq!(
        stdout(&out),
        "5 cases (2 open)\n\
         \x20 time to acknowledge   median 14h, 90th percentile 3d (4 cases)\n\
         \x20 time to confirm       median 2d 12h, 90th percentile 4d (2 cases)\n\
         \x20 time to fix release   median 15d, 90th percentile 20d (2 cases)\n\
         \x20 time to publish       median 65d, 90th percentile 100d (2 cases)\n\
         \x20 acknowledged          3 of 4 within policy (75%)\n\
         \x20 published             1 before the deadline, 1 after\n"
    );
}

#[test]
fn stats_of_an_empty_store_say_so() {
    let env = TestEnv::init();
    let out = env.disclose().arg("stats").assert().success();
    assert!(stdout(&out).contains("no cases yet"), "{}", stdout(&out));
    env.disclose()
        .args(["stats", "--since", "last week"])
        .assert()
        .code(2);
}

/// The embargo only gates publishing: publishing five minutes after it
/// lifts is on time, since the deadline ("publish by") is what counts.
#[test]
fn publishing_right_after_the_embargo_lifts_is_on_time() {
    let env = TestEnv::init();
    Built::open("DISC-2026-A0001", "2026-03-02T09:00:00Z")
        .ack("2026-03-02T13:00:00Z")
        .embargo("2026-03-03T09:00:00Z", "2026-03-20T14:00:00Z")
        .published("2026-03-20T14:05:00Z")
        .write(&env);
    // An agreed deadline that passed before publishing is counted late.
    Built::open("DISC-2026-A0002", "2026-03-02T09:00:00Z")
        .ack("2026-03-02T13:00:00Z")
        .deadline("2026-03-03T09:00:00Z", "2026-03-15T00:00:00Z", None)
        .published("2026-03-20T14:05:00Z")
        .write(&env);
    let out = env
        .disclose_at("2026-07-01T00:00:00Z")
        .args(["stats", "--json"])
        .assert()
        .success();
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        stats["publication"],
        serde_json::json!({"published": 2, "before_deadline": 1, "after_deadline": 1, "without_deadline": 0, "without_received_time": 0})
    );
}

/// A store whose policy promises no disclosure deadline counts its
/// publications apart, neither on time nor late.
#[test]
fn without_a_deadline_a_publication_is_neither_on_time_nor_late() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--disclose-within", "off"])
        .assert()
        .success();
    Built::open_with(
        "DISC-2026-A0001",
        "2026-03-02T09:00:00Z",
        disclose::model::policy::Policy {
            disclose_within: None,
            ..Default::default()
        }
        .slas(),
    )
    .ack("2026-03-02T13:00:00Z")
    .published("2026-09-20T14:05:00Z")
    .write(&env);
    let out = env
        .disclose_at("2026-10-01T00:00:00Z")
        .arg("stats")
        .assert()
        .success();
    assert!(
        stdout(&out)
            .contains("published             0 before the deadline, 0 after, 1 without one"),
        "{}",
        stdout(&out)
    );
}
