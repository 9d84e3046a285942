//! `disclose export`: one format to stdout or a file, deterministic, and
//! clear about what a CVE record still needs.

use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};
use crate::publish::{Skip, formats, ready_case};

#[test]
fn every_format_goes_to_stdout_and_is_deterministic() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    for format in formats() {
        let a = env
            .disclose_at("2026-04-01T00:00:00Z")
            .args(["export", &id, "--format", format, "--preview"])
            .assert()
            .success();
        let b = env
            .disclose_at("2026-04-01T00:00:00Z")
            .args(["export", &id, "--format", format, "--preview"])
            .assert()
            .success();
        assert_eq!(stdout(&a), stdout(&b), "{format}");
        assert!(!stdout(&a).is_empty());
        assert!(stderr(&a).contains("preview"), "{}", stderr(&a));
    }
}

#[test]
fn a_preview_is_named_after_the_cve_and_uses_now_only_for_the_email_date() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let md = env
        .disclose()
        .args(["export", &id, "--format", "markdown", "--preview"])
        .assert()
        .success();
    let text = stdout(&md);
    assert!(
        text.starts_with("> **EMBARGOED: NOT FOR RELEASE.**"),
        "the preview says so first: {text}"
    );
    assert!(
        text.contains("\n# CVE-2026-12345: Path traversal in upload\n"),
        "{text}"
    );
    let osv = |now: &str| {
        stdout(
            &env.disclose_at(now)
                .args(["export", &id, "--format", "osv", "--preview"])
                .assert()
                .success(),
        )
    };
    assert_eq!(osv("2026-04-01T00:00:00Z"), osv("2027-04-01T00:00:00Z"));
    let mail = env
        .disclose_at("2026-04-01T00:00:00Z")
        .args(["export", &id, "--format", "email", "--preview"])
        .assert()
        .success();
    assert!(
        stdout(&mail).contains("Date: Wed, 01 Apr 2026 00:00:00 +0000\n"),
        "{}",
        stdout(&mail)
    );
    assert!(
        stdout(&mail).contains("Subject: [EMBARGOED PREVIEW] ")
            && stdout(&mail).contains("\n\nEMBARGOED: NOT FOR RELEASE."),
        "{}",
        stdout(&mail)
    );
}

#[test]
fn an_unpublished_case_is_exported_only_as_a_preview() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let before = env.snapshot_bytes();
    for format in formats() {
        let out = env
            .disclose()
            .args(["export", &id, "--format", format])
            .assert()
            .code(2);
        let err = stderr(&out);
        assert!(err.contains("not published"), "{err}");
        assert!(err.contains("--preview"), "{err}");
        assert!(stdout(&out).is_empty());
    }
    let notes = env
        .disclose()
        .args(["export", &id, "--format", "release-notes", "--preview"])
        .assert()
        .success();
    assert!(
        stdout(&notes).starts_with("> **EMBARGOED: NOT FOR RELEASE.**"),
        "{}",
        stdout(&notes)
    );
    assert_eq!(before, env.snapshot_bytes());
    env.disclose().args(["publish", &id]).assert().success();
    let md = env
        .disclose()
        .args(["export", &id, "--format", "markdown"])
        .assert()
        .success();
    assert!(
        stdout(&md).starts_with("# POET-SA-2026-001: "),
        "{}",
        stdout(&md)
    );
    assert!(!stdout(&md).contains("EMBARGOED"));
}

#[test]
fn export_warns_about_each_leak_it_finds() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    env.disclose()
        .args([
            "describe",
            &id,
            "--workarounds",
            "Ask ada@example.net or call +44 20 7946 0958.",
        ])
        .assert()
        .success();
    let out = env
        .disclose()
        .args(["export", &id, "--format", "markdown", "--preview"])
        .assert()
        .success();
    let err = stderr(&out);
    let md = stdout(&out);
    let line = md.lines().position(|l| l.contains("+44 20")).unwrap() + 1;
    assert!(
        err.contains(&format!(
            "warning: leak guard: advisory.md:{line}: the reporter's email address (reporter-email)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "advisory.md:{line}: a phone number (phone-number): \"+44 20 7946 0958\""
        )),
        "{err}"
    );
}

#[test]
fn out_writes_a_file_and_changes_nothing_in_the_store() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let before = env.snapshot_bytes();
    let file = env.root.join("osv.json");
    env.disclose()
        .args(["export", &id, "--format", "osv", "--preview", "--out"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let osv: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(osv["id"], "CVE-2026-12345");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_cve_record_names_what_is_missing() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            cve: true,
            ..Skip::default()
        },
    );
    let path = env.store.join("policy.json");
    let policy = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        policy.replace("\"vendor\": \"Po.et\"", "\"vendor\": null"),
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["export", &id, "--format", "cve", "--preview"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("a CVE ID on the case"), "{err}");
    assert!(err.contains("`vendor`"), "{err}");
    assert!(!err.contains("cna_org_id"), "the org id is set: {err}");
    assert!(
        err.contains(&"disclose assign ID --cve".to_string()),
        "{err}"
    );
    assert!(err.contains("disclose policy set vendor"), "{err}");
}

#[test]
fn bad_format_or_case_is_bad_input() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["export", &id, "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pdf"));
    env.disclose()
        .args(["export", "DISC-2026-ZZZZZ", "--format", "osv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DISC-2026-ZZZZZ"));
    env.disclose()
        .args(["export", "../../etc", "--format", "osv"])
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
}

/// Attachments are private: neither their names, hashes nor contents reach an export.
#[test]
fn attachments_never_appear_in_any_export() {
    let env = TestEnv::with_store("publish-ready");
    let eml = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/emails/attachments.eml");
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(&eml)
        .assert()
        .success();
    let id = stdout(&out).trim().to_owned();
    env.disclose()
        .args(["assign", &id, "--cve", "CVE-2026-4242"])
        .assert()
        .success();
    let case = env.case(&id);
    let attachments = case["attachments"].as_array().unwrap();
    assert!(!attachments.is_empty());
    let mut markers: Vec<String> = vec!["print('poc')".into(), "attachments/".into()];
    for a in attachments {
        markers.push(a["name"].as_str().unwrap().to_owned());
        markers.push(a["sha256"].as_str().unwrap().to_owned());
    }
    for format in formats() {
        let out = env
            .disclose()
            .args(["export", &id, "--format", format, "--preview"])
            .assert();
        let text = stdout(&out);
        for marker in &markers {
            assert!(!text.contains(marker.as_str()), "{format} leaks {marker}");
        }
    }
}
