//! Two real SECURITY.md files (tests/fixtures/security-md/): a store set
//! up from each promises exactly what the file states, `policy --check`
//! agrees with it, and the drafts and the rendered SECURITY.md say nothing
//! the file does not promise.

use std::path::PathBuf;

use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

fn seed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/security-md")
        .join(name)
}

fn init_from(name: &str, project: &str) -> (TestEnv, String) {
    let env = TestEnv::new();
    let out = env
        .disclose()
        .args(["init", "--project", project, "--from-security-md"])
        .arg(seed(name))
        .assert()
        .success();
    (env, stderr(&out))
}

fn policy(env: &TestEnv) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap()
}

#[test]
fn electrum_xmr_promises_an_acknowledgement_and_nothing_else() {
    let (env, err) = init_from("electrum-xmr.md", "electrum-xmr");
    let p = policy(&env);
    assert_eq!(p["ack_within"], "48h");
    assert_eq!(p["update_every"], "off");
    assert_eq!(p["disclose_within"], "off");
    assert!(p.get("audit").is_none(), "{p}");
    assert_eq!(p["contact"], "security@electrum-xmr.io");
    assert!(err.contains("update_every    off"), "{err}");
    assert!(err.contains("ack_within      48h (48 hours)"), "{err}");
    env.disclose()
        .args(["policy", "--check"])
        .arg(seed("electrum-xmr.md"))
        .assert()
        .success()
        .stderr(predicate::str::contains("agrees with the policy"));
}

#[test]
fn poet_promises_a_response_and_an_audit() {
    let (env, _) = init_from("poet.md", "poet");
    let p = policy(&env);
    assert_eq!(p["ack_within"], "48h");
    assert_eq!(p["update_every"], "off");
    assert_eq!(p["disclose_within"], "off");
    assert_eq!(p["audit"], true);
    assert_eq!(p["contact"], "security@po.et");
    env.disclose()
        .args(["policy", "--check"])
        .arg(seed("poet.md"))
        .assert()
        .success();
    // The default promises are what a Po.et SECURITY.md does not make.
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--contact", "security@po.et"])
        .assert()
        .success();
    let out = env
        .disclose()
        .args(["policy", "--check"])
        .arg(seed("poet.md"))
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(
        text.contains("promises an audit for similar problems; the policy does not"),
        "{text}"
    );
    assert!(
        text.contains("does not state the update interval"),
        "{text}"
    );
    assert!(!text.contains("acknowledgement time"), "{text}");
}

#[test]
fn flags_win_over_what_the_file_states() {
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--update-every", "14d", "--from-security-md"])
        .arg(seed("electrum-xmr.md"))
        .assert()
        .success();
    let p = policy(&env);
    assert_eq!(p["update_every"], "14d");
    assert_eq!(p["disclose_within"], "off");
    let env = TestEnv::new();
    env.disclose()
        .args(["init", "--from-security-md", "no-such-file.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.md"));
    assert!(!env.store.exists());
}

/// The drafts for a store set up from Electrum-XMR's SECURITY.md never
/// promise an update interval or a deadline the project does not make.
#[test]
fn electrum_xmr_drafts_never_mention_updates_or_a_deadline() {
    let (env, _) = init_from("electrum-xmr.md", "electrum-xmr");
    let id = env.open(
        "Seed phrase logged in debug mode",
        &[
            "--reporter-name",
            "Ada",
            "--reporter-email",
            "ada@example.org",
        ],
    );
    let mut drafts = vec![stdout(
        &env.disclose()
            .args(["ack", &id, "--draft"])
            .assert()
            .success(),
    )];
    env.disclose().args(["confirm", &id]).assert().success();
    for kind in ["need-info", "update"] {
        drafts.push(stdout(
            &env.disclose()
                .args(["contact", &id, "--draft", kind])
                .assert()
                .success(),
        ));
    }
    for kind in ["fix-ready", "published"] {
        drafts.push(stdout(
            &env.disclose()
                .args(["contact", &id, "--draft", kind, "--force"])
                .assert()
                .success(),
        ));
    }
    for text in &drafts {
        let prose = text.replace('\n', " ");
        for phrase in [
            "every",
            "informed",
            "90 days",
            "within",
            "hear from us again",
            "2026, and will",
        ] {
            assert!(!prose.contains(phrase), "says {phrase:?}:\n{text}");
        }
    }
    // Nor does the SECURITY.md rendered from the policy, or `check`.
    let rendered = stdout(&env.disclose().args(["policy", "render"]).assert().success());
    assert!(rendered.contains("within 48 hours"), "{rendered}");
    for phrase in ["at least every", "90 days", "keep you informed"] {
        assert!(!rendered.contains(phrase), "{phrase:?} in\n{rendered}");
    }
    env.disclose_at("2027-06-01T00:00:00Z")
        .args(["check", "--format", "json"])
        .assert()
        .success();
}
