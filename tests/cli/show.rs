use crate::common::{TestEnv, stdout};

#[test]
fn show_prints_the_case_readably() {
    let env = TestEnv::init();
    let id = env.open(
        "Path traversal",
        &[
            "--reporter-name",
            "Ada",
            "--reporter-email",
            "ada@example.org",
            "--description",
            "Joins paths.",
        ],
    );
    let out = env.disclose().args(["show", &id]).assert().success();
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("{id}  Path traversal\n")),
        "{text}"
    );
    assert!(text.contains("state         new"), "{text}");
    assert!(
        text.contains("ack due       2026-03-04 09:01 UTC (in 1d 23h)"),
        "{text}"
    );
    assert!(
        text.contains("reporter      Ada <ada@example.org>"),
        "{text}"
    );
    assert!(text.contains("Description:\n  Joins paths."), "{text}");
}

#[test]
fn show_json_is_the_case_file_plus_clocks() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let out = env
        .disclose()
        .args(["show", &id, "--json"])
        .assert()
        .success();
    let mut shown: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let clocks = shown.as_object_mut().unwrap().remove("clocks").unwrap();
    assert_eq!(shown, env.case(&id));
    assert_eq!(clocks["acknowledgement"]["kind"], "acknowledgement");
    assert_eq!(clocks["acknowledgement"]["due"]["status"], "at");
    assert_eq!(
        clocks["acknowledgement"]["due"]["at"],
        "2026-03-04T09:01:00Z"
    );
    assert_eq!(clocks["acknowledgement"]["overdue"], false);
    assert_eq!(clocks["next"]["kind"], "acknowledgement");
    assert_eq!(clocks["disclosure"]["due"]["at"], "2026-05-31T09:01:00Z");
}

/// Covers issue #18.
#[test]
fn show_of_a_published_case_says_where_its_advisory_went() {
    use crate::publish::{Skip, ready_case};
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    env.disclose().args(["publish", &id]).assert().success();
    let published_at = env.case(&id)["published_at"].as_str().unwrap().to_owned();
    let out = env.disclose().args(["show", &id]).assert().success();
    let text = stdout(&out);
    let day = &published_at[..10];
    assert!(
        text.contains(&format!("published     {day}")) && text.contains("as POET-SA-2026-001"),
        "{text}"
    );
    assert!(
        text.contains(
            "files         advisories/POET-SA-2026-001/: advisory.md, announcement.eml, cve.json, osv.json, release-notes.md"
        ),
        "{text}"
    );
}

/// Covers issue #18.
#[test]
fn every_line_of_a_long_message_stays_indented_under_its_header() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "contact",
            &id,
            "--from-reporter",
            "First line.\nSecond line.\n\nAfter a gap.",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["note", &id, "Note one.\nNote two."])
        .assert()
        .success();
    let out = env.disclose().args(["show", &id]).assert().success();
    let text = stdout(&out);
    assert!(
        text.contains("from reporter:\n    First line.\n    Second line.\n\n    After a gap.\n"),
        "{text}"
    );
    assert!(
        text.contains("):\n    Note one.\n    Note two.\n"),
        "{text}"
    );
}

/// Covers issue #18.
#[test]
fn show_headings_are_bold_only_with_colour() {
    let env = TestEnv::init();
    let id = env.open("x", &["--description", "d"]);
    let out = env.disclose().args(["show", &id]).assert().success();
    assert!(!stdout(&out).contains('\x1b'));
    let out = env
        .disclose()
        .args(["--color", "always", "show", &id])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("\x1b[1mDescription:\x1b[0m"), "{text:?}");
    assert!(
        text.starts_with(&format!("\x1b[1m{id}  x\x1b[0m\n")),
        "{text:?}"
    );
    let out = env
        .disclose()
        .args(["--color", "auto", "show", &id])
        .env("NO_COLOR", "1")
        .assert()
        .success();
    assert!(!stdout(&out).contains('\x1b'));
}
