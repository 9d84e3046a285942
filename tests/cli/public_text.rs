//! The public advisory text (`describe`), the leak guard, `publish
//! --dry-run --json`, `publish --update`, `reserve` and the release notes:
//! what goes public is what the maintainers wrote, and nothing private.

use std::path::{Path, PathBuf};

use disclose::export::leak::fold;
use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

const SHA_14: &str = "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49";

/// The private strings of `leaky-report.eml`'s closing paragraph and body.
pub(crate) const PRIVATE: [&str; 7] = [
    "ada@example.org",
    "+44 20 7946 0958",
    "ada.lovelace@analytical.example",
    "3AA5 C343 7156 7BD2 9F1A 4B3C 8D2E 1F00 AB12 CD34",
    "upload-test.corp",
    "I tested 4.5.1",
    "cron.d",
];

fn email(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/emails")
        .join(name)
}

/// A case opened from the leaky email and taken to `fixed`, credit granted.
pub(crate) fn fixed_from_email(env: &TestEnv) -> String {
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(email("leaky-report.eml"))
        .assert()
        .success();
    let id = stdout(&out).trim().to_owned();
    for args in [
        vec!["ack", &id],
        vec!["confirm", &id],
        vec!["affected", &id, "--range", ">=1.0.0, <1.6.0"],
        vec![
            "severity",
            &id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
        ],
        vec![
            "credit",
            &id,
            "--name",
            "Ada Lovelace",
            "--consent",
            "granted",
        ],
        vec!["fix", &id, "--release", "1.4", "--commit", SHA_14],
        vec!["fix", &id, "--release", "1.4", "--version", "1.4.2"],
        vec!["fix", &id, "--release", "1.5", "--version", "1.5.3"],
    ] {
        env.disclose().args(&args).assert().success();
    }
    assert_eq!(env.case(&id)["state"], "fixed");
    id
}

/// A clean public text, as a maintainer would save it in the editor.
pub(crate) const CLEAN: &str = "Title: Path traversal in upload
Summary: Path traversal in the upload handler of poet

== Details ==
The upload handler joined file names to the upload directory without
normalising them, so a name containing `..` could escape it. Fixed in
1.4.2 and 1.5.3 (CVE pending).

== Impact ==
A user who may upload can write any file the server can write.

== Workarounds ==
Disable uploads (`uploads.enabled = false`) until you can upgrade.

== References ==
https://po.et/blog/upload-fix
";

fn editor_copying(env: &TestEnv, text: &str) -> String {
    let file = env.root.join("saved.txt");
    std::fs::write(&file, text).unwrap();
    format!("cp {}", file.display())
}

fn advisory_files(env: &TestEnv, advisory: &str) -> Vec<(String, String)> {
    let dir = env.store.join("advisories").join(advisory);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_report_from_email_is_published_only_in_the_maintainers_words() {
    let env = TestEnv::with_store("publish-ready");
    let id = fixed_from_email(&env);

    // publish refuses until the public text exists, naming the fix.
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["publish", &id]).assert().code(1);
    let err = stderr(&out);
    assert!(err.contains("no public advisory text"), "{err}");
    assert!(
        err.contains(&format!("disclose describe {id} --edit")),
        "{err}"
    );
    assert_eq!(before, env.snapshot_bytes());

    // The first template holds the reporter's words, marked: saving it as
    // it is, or with a marker left, records nothing.
    for (editor, code, says) in [
        ("true".to_owned(), 2, "unchanged"),
        (
            "sed -i 's/^Summary:.*/Summary: Path traversal/'".to_owned(),
            2,
            "reporter's words marker",
        ),
        ("false".to_owned(), 1, "exited with status 1"),
        ("no-such-editor-anywhere".to_owned(), 2, "could not be run"),
        (editor_copying(&env, "DISCLOSE: all gone\n\n"), 2, "empty"),
    ] {
        let out = env
            .disclose()
            .env("EDITOR", &editor)
            .args(["describe", &id, "--edit"])
            .assert()
            .code(code);
        assert!(stderr(&out).contains(says), "{editor}: {}", stderr(&out));
        assert_eq!(before, env.snapshot_bytes(), "{editor} changed something");
    }
    env.disclose()
        .args(["describe", &id, "--edit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("$EDITOR"));

    // What the template showed: the report, marked as the reporter's words.
    let shown = env.root.join("shown.txt");
    env.disclose()
        .env("EDITOR", format!("cp -f \"$1\" {}; false", shown.display()))
        .args(["describe", &id, "--edit"])
        .assert()
        .code(1);
    let template = std::fs::read_to_string(&shown).unwrap_or_default();
    assert!(template.contains("[REPORTER'S WORDS"), "{template}");
    assert!(template.contains("+44 20 7946 0958"), "{template}");

    env.disclose()
        .env("EDITOR", editor_copying(&env, CLEAN))
        .args(["describe", &id, "--edit"])
        .assert()
        .success();
    let public = &env.case(&id)["public"];
    assert_eq!(
        public["summary"],
        "Path traversal in the upload handler of poet"
    );
    assert_eq!(public["references"][0], "https://po.et/blog/upload-fix");
    assert_eq!(
        env.case(&id)["events"].as_array().unwrap().last().unwrap()["kind"],
        "public-text-set"
    );

    let out = env.disclose().args(["publish", &id]).assert().success();
    let advisory = stdout(&out).trim().to_owned();
    let files = advisory_files(&env, &advisory);
    assert_eq!(files.len(), 4, "no CVE record without a CVE ID");
    for (name, text) in &files {
        let folded = fold(text);
        for secret in PRIVATE {
            let variants = [
                secret.to_owned(),
                secret.to_uppercase(),
                secret.replace('@', "＠"),
                secret.replace('@', "%40"),
            ];
            for v in variants {
                assert!(!text.contains(&v), "{v} in {name}:\n{text}");
            }
            assert!(
                !folded.contains(&fold(secret)),
                "{secret} in {name}:\n{text}"
            );
        }
        assert!(!text.contains("REPORTER'S WORDS"), "{name}");
    }
    let md = &files.iter().find(|(n, _)| n == "advisory.md").unwrap().1;
    assert!(
        md.contains("Path traversal in the upload handler of poet"),
        "{md}"
    );
}

#[test]
fn a_leak_in_the_public_text_blocks_publish_naming_file_line_and_kind() {
    let env = TestEnv::with_store("publish-ready");
    let id = fixed_from_email(&env);
    let details = env.root.join("details.md");
    std::fs::write(
        &details,
        "Uploads could escape the upload directory.\n\nThanks to ADA＠EXAMPLE.ORG, \
         reachable on +44 20 7946 0958, tested on upload-test.corp.\n",
    )
    .unwrap();
    env.disclose()
        .args([
            "describe",
            &id,
            "--summary",
            "Path traversal in upload",
            "--details",
        ])
        .arg(&details)
        .assert()
        .success();

    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run", "--json"])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["ready"], false);
    assert_eq!(json["items"], serde_json::json!([]));
    let md = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "advisory.md")
        .unwrap();
    assert_eq!(md["path"], "advisories/POET-SA-2026-001/advisory.md");
    let content = md["content"].as_str().unwrap();
    assert!(
        content.starts_with("# POET-SA-2026-001: Path traversal in the upload handler\n"),
        "{content}"
    );
    let line = content
        .lines()
        .position(|l| l.contains("Thanks to"))
        .unwrap()
        + 1;
    let findings = json["findings"].as_array().unwrap();
    let kinds: Vec<(&str, u64, &str)> = findings
        .iter()
        .filter(|f| f["file"] == "advisory.md")
        .map(|f| {
            (
                f["file"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("advisory.md", line as u64, "reporter-email"),
            ("advisory.md", line as u64, "phone-number"),
            ("advisory.md", line as u64, "internal-hostname"),
        ]
    );
    assert!(findings.iter().any(|f| f["file"] == "osv.json"));

    let out = env.disclose().args(["publish", &id]).assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "advisory.md:{line}: the reporter's email address (reporter-email)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "advisory.md:{line}: a phone number (phone-number)"
        )),
        "{err}"
    );
    assert!(err.contains("--force --reason"), "{err}");
    assert_eq!(before, env.snapshot_bytes());

    let out = env
        .disclose()
        .args([
            "publish",
            &id,
            "--force",
            "--reason",
            "the reporter asked to be named so",
        ])
        .assert()
        .success();
    assert!(
        stderr(&out).contains("despite the leak guard"),
        "{}",
        stderr(&out)
    );
    let last = env.case(&id)["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["forced_reason"], "the reporter asked to be named so");
}

#[test]
fn dry_run_prints_the_advisory_and_its_json_is_the_whole_plan() {
    let env = TestEnv::with_store("publish-ready");
    let id = crate::publish::ready_case(&env, crate::publish::Skip::default());
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(
        text.contains("--- advisory.md ---\n# POET-SA-2026-001: Path traversal in upload"),
        "{text}"
    );
    assert!(
        text.contains("## Summary\n\nPath traversal in the upload handler"),
        "{text}"
    );
    assert!(text.contains("Leak guard: no private data"), "{text}");
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["ready"], true);
    assert_eq!(json["advisory"], "POET-SA-2026-001");
    assert_eq!(json["findings"], serde_json::json!([]));
    let names: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "advisory.md",
            "release-notes.md",
            "announcement.eml",
            "osv.json",
            "cve.json"
        ]
    );
    let osv = json["files"][3]["content"].as_str().unwrap();
    let osv: serde_json::Value = serde_json::from_str(osv).unwrap();
    assert_eq!(osv["summary"], "Path traversal in the upload handler");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn update_after_assigning_a_cve_changes_only_aliases_cve_metadata_and_modified() {
    let env = TestEnv::with_store("publish-ready");
    let id = crate::publish::ready_case(
        &env,
        crate::publish::Skip {
            cve: true,
            ..crate::publish::Skip::default()
        },
    );
    env.disclose().args(["publish", &id]).assert().success();
    let dir = env.store.join("advisories/POET-SA-2026-001");
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap()
    };
    let osv_before = read("osv.json");
    assert!(!dir.join("cve.json").exists());

    env.advance(chrono::TimeDelta::days(2));
    let out = env
        .disclose()
        .args(["assign", &id, "--cve", "CVE-2026-12345"])
        .assert()
        .success();
    assert!(
        stderr(&out).contains(&format!("disclose publish {id} --update")),
        "{}",
        stderr(&out)
    );
    // A private note changes nothing public, and says nothing.
    let out = env
        .disclose()
        .args(["note", &id, "told the distro lists"])
        .assert()
        .success();
    assert!(!stderr(&out).contains("--update"), "{}", stderr(&out));

    let commits = env.commits().len();
    let at = env.now();
    let out = env
        .disclose()
        .args(["publish", &id, "--update"])
        .assert()
        .success();
    let diff = stdout(&out);
    assert!(diff.contains("+| CVE | CVE-2026-12345 |"), "{diff}");
    assert!(
        diff.starts_with("--- a/advisory.md\n+++ b/advisory.md\n"),
        "{diff}"
    );
    assert_eq!(env.commits().len(), commits + 1, "one commit");
    assert_eq!(
        env.commits()[0].0,
        format!("{id}: update advisory POET-SA-2026-001")
    );
    let last = env.case(&id)["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "advisory-updated");

    let mut osv_after = read("osv.json");
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert_eq!(osv_after["modified"], stamp.as_str());
    assert_eq!(
        osv_after["aliases"],
        serde_json::json!(["POET-SA-2026-001", "CVE-2026-12345"])
    );
    let mut before = osv_before.clone();
    for v in [&mut before, &mut osv_after] {
        v.as_object_mut().unwrap().remove("modified");
        v.as_object_mut().unwrap().remove("aliases");
    }
    assert_eq!(before, osv_after, "nothing else in the OSV record changed");
    let cve = read("cve.json");
    assert_eq!(cve["cveMetadata"]["cveId"], "CVE-2026-12345");
    assert_eq!(cve["cveMetadata"]["dateUpdated"], stamp.as_str());

    // Nothing left to update: no commit.
    let out = env
        .disclose()
        .args(["publish", &id, "--update"])
        .assert()
        .success();
    assert!(
        stderr(&out).contains("nothing to update"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.commits().len(), commits + 1);
}

#[test]
fn update_refuses_an_unpublished_case() {
    let env = TestEnv::with_store("publish-ready");
    let id = crate::publish::ready_case(&env, crate::publish::Skip::default());
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["publish", &id, "--update"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not published"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn release_notes_carry_the_reserved_id_and_only_granted_credits() {
    let env = TestEnv::with_store("publish-ready");
    let other = crate::publish::ready_case(&env, crate::publish::Skip::default());
    let id = crate::publish::ready_case(&env, crate::publish::Skip::default());
    for (name, consent) in [("Bob Declined", "declined"), ("Carol Pending", "pending")] {
        env.disclose()
            .args(["credit", &id, "--name", name, "--consent", consent])
            .assert()
            .success();
    }
    let out = env.disclose().args(["reserve", &id]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    assert_eq!(env.case(&id)["identifiers"]["advisory"], "POET-SA-2026-001");
    assert_eq!(env.case(&id)["state"], "fixed");
    assert_eq!(
        env.commits()[0].0,
        format!("{id}: reserve advisory POET-SA-2026-001")
    );
    env.disclose()
        .args(["reserve", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already has the advisory ID POET-SA-2026-001",
        ));

    let out = env
        .disclose()
        .args(["export", &id, "--format", "release-notes", "--preview"])
        .assert()
        .success();
    let notes = stdout(&out);
    assert!(
        notes.starts_with("> **EMBARGOED: NOT FOR RELEASE.**"),
        "{notes}"
    );
    assert!(
        notes.contains("[POET-SA-2026-001](https://po.et/security/POET-SA-2026-001)"),
        "{notes}"
    );
    assert!(notes.contains("Thanks to Ada Lovelace."), "{notes}");
    assert!(!notes.contains("Bob"), "{notes}");
    assert!(!notes.contains("Carol"), "{notes}");

    // The other case is numbered after the reserved one; this one keeps it.
    env.disclose()
        .args(["publish", &other])
        .assert()
        .success()
        .stdout("POET-SA-2026-002\n");
    env.disclose()
        .args([
            "credit",
            &id,
            "--name",
            "Carol Pending",
            "--consent",
            "declined",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["publish", &id])
        .assert()
        .success()
        .stdout("POET-SA-2026-001\n");
    let notes = std::fs::read_to_string(
        env.store
            .join("advisories/POET-SA-2026-001/release-notes.md"),
    )
    .unwrap();
    assert!(!notes.contains("EMBARGOED"), "{notes}");
    assert!(notes.contains("Thanks to Ada Lovelace."), "{notes}");
    assert!(
        !notes.contains("Bob") && !notes.contains("Carol"),
        "{notes}"
    );
}

#[test]
fn describe_refuses_bad_input_and_changes_nothing() {
    let env = TestEnv::with_store("publish-ready");
    let id = env.open("Path traversal in upload", &[]);
    let before = env.snapshot_bytes();
    let long = "x".repeat(121);
    let latin1 = env.root.join("latin1.md");
    std::fs::write(&latin1, b"caf\xe9\n").unwrap();
    let empty = env.root.join("empty.md");
    std::fs::write(&empty, "  \n").unwrap();
    for (args, says) in [
        (vec!["--summary", long.as_str()], "121 characters"),
        (vec!["--details", "missing.md"], "missing.md"),
        (vec!["--details", latin1.to_str().unwrap()], "not UTF-8"),
        (vec!["--details", empty.to_str().unwrap()], "empty"),
        (
            vec!["--reference", "ftp://example.org/x"],
            "not an http(s) URL",
        ),
        (vec!["--edit", "--summary", "x"], "cannot be used with"),
    ] {
        let out = env
            .disclose()
            .args(["describe", &id])
            .args(&args)
            .assert()
            .code(2);
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(before, env.snapshot_bytes());

    env.disclose()
        .args([
            "describe",
            &id,
            "--summary",
            "Path traversal in upload",
            "--impact",
            "x",
        ])
        .assert()
        .success();
    let out = env
        .disclose()
        .args(["describe", &id, "--details", "-"])
        .write_stdin("## Root cause\n\nNames were not normalised.\n")
        .assert()
        .success();
    assert!(
        stderr(&out).contains("public text set (details)"),
        "{}",
        stderr(&out)
    );
    let out = env.disclose().args(["describe", &id]).assert().success();
    assert!(
        stdout(&out).contains("summary     Path traversal in upload"),
        "{}",
        stdout(&out)
    );
    let out = env
        .disclose()
        .args(["describe", &id, "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        json["details"],
        "## Root cause\n\nNames were not normalised."
    );
    assert_eq!(json["impact"], "x");
    env.disclose()
        .args(["describe", &id, "--impact", ""])
        .assert()
        .success();
    assert_eq!(env.case(&id)["public"]["impact"], serde_json::Value::Null);
    env.disclose()
        .args(["describe", &id, "--impact", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to change"));
}

#[test]
fn a_later_edit_starts_from_the_public_text() {
    let env = TestEnv::with_store("publish-ready");
    let id = env.open(
        "Path traversal in upload",
        &["--description", "MARKER-REPORT"],
    );
    env.disclose()
        .args(["describe", &id, "--summary", "S1", "--workarounds", "W1"])
        .assert()
        .success();
    let edit = "sed -i -e 's/^Summary: S1$/Summary: S2/' -e 's/^W1$/W2/'";
    env.disclose()
        .env("VISUAL", edit)
        .env("EDITOR", "false")
        .args(["describe", &id, "--edit"])
        .assert()
        .success();
    let public = &env.case(&id)["public"];
    assert_eq!(public["summary"], "S2");
    assert_eq!(public["workarounds"], "W2");
    assert_eq!(
        public["details"],
        serde_json::Value::Null,
        "the report stays out"
    );
    let last = env.case(&id)["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["summary"], "S2");
    assert!(
        last.get("details").is_none(),
        "only changed fields are recorded"
    );
}
