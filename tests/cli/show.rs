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
