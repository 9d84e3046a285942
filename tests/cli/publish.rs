//! `disclose publish`: the readiness gate, the advisory files, the commit.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use disclose::export::Format;

use crate::common::{TestEnv, stderr, stdout};

const SHA_14: &str = "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const SHA_15: &str = "9e8d7c6b5a493f2a9c1e0b8d7a6f5e4d3c2b1a0f";
/// The files `publish` writes, one per format.
fn files() -> impl Iterator<Item = &'static str> {
    Format::all().map(Format::file_name)
}

/// The names `export --format` takes.
pub(crate) fn formats() -> impl Iterator<Item = &'static str> {
    Format::all().map(Format::as_str)
}

/// Steps of the process a test may leave out, to open one readiness item.
#[derive(Default, Clone, Copy)]
pub(crate) struct Skip {
    pub(crate) confirm: bool,
    pub(crate) affected: bool,
    pub(crate) severity: bool,
    pub(crate) summary: bool,
    pub(crate) credit: bool,
    pub(crate) cve: bool,
}

/// A case taken through the whole process: a fix on 1.5 and a backport to
/// 1.4, 2.x not affected, severity, CVE, a public note, credit granted.
pub(crate) fn ready_case(env: &TestEnv, skip: Skip) -> String {
    let mut open = vec![
        "--reporter-name",
        "Ada Lovelace",
        "--reporter-email",
        "ada@example.net",
        "--received",
        "2026-03-01T08:00:00Z",
    ];
    if !skip.summary {
        open.extend([
            "--description",
            "Upload names are joined to the data directory without checking for `..`.",
            "--impact",
            "A user who may upload can write files anywhere the server can.",
            "--remediation",
            "Set `uploads.enabled = false` until you can upgrade.",
        ]);
    }
    let id = env.open("Path traversal in upload", &open);
    let ok = |args: &[&str]| {
        env.disclose().args(args).assert().success();
    };
    if !skip.summary {
        describe(env, &id);
    }
    ok(&["ack", &id]);
    if !skip.confirm {
        ok(&["confirm", &id]);
    }
    if skip.affected {
        ok(&["release", &id, "2.x", "not-affected"]);
    } else {
        ok(&["affected", &id, "--range", ">=1.0.0, <1.6.0"]);
    }
    if !skip.severity {
        ok(&[
            "severity",
            &id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
            "--cwe",
            "CWE-22",
        ]);
    }
    if !skip.cve {
        ok(&["assign", &id, "--cve", "CVE-2026-12345"]);
    }
    if !skip.credit {
        ok(&[
            "credit",
            &id,
            "--name",
            "Ada Lovelace",
            "--consent",
            "granted",
        ]);
    }
    ok(&[
        "note",
        &id,
        "--public",
        "The admin import used the same code path.",
    ]);
    ok(&[
        "note",
        &id,
        "Checked the 1.3 branch: same bug, but it is end of life.",
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.5",
        "--commit",
        SHA_15,
        "--pr",
        "https://github.com/po-et/poet/pull/813",
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.4",
        "--commit",
        SHA_14,
        "--pr",
        "812",
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.5",
        "--version",
        "1.5.3",
        "--released",
        "2026-03-02T08:30:00Z",
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.4",
        "--version",
        "1.4.2",
        "--released",
        "2026-03-02T08:45:00Z",
    ]);
    id
}

/// The maintainers' public text for the case `ready_case` makes.
pub(crate) fn describe(env: &TestEnv, id: &str) {
    let details = env.root.join("details.md");
    std::fs::write(
        &details,
        "Upload names were joined to the data directory without checking for `..`, \
         so an upload could write outside it.\n\nThe admin import used the same code path \
         and is fixed too.\n",
    )
    .unwrap();
    env.disclose()
        .args([
            "describe",
            id,
            "--summary",
            "Path traversal in the upload handler",
            "--impact",
            "A user who may upload can write files anywhere the server can.",
            "--workarounds",
            "Set `uploads.enabled = false` until you can upgrade.",
            "--details",
        ])
        .arg(&details)
        .assert()
        .success();
}

fn advisory_dir(env: &TestEnv, advisory: &str) -> PathBuf {
    env.store.join("advisories").join(advisory)
}

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/publish/backport")
}

/// Compares a written file with its expected copy; `DISCLOSE_BLESS=1`
/// rewrites the expected copy instead.
fn assert_expected(name: &str, actual: &str) {
    let path = expected_dir().join(name);
    match name {
        "osv.json" => crate::common::schema::osv(&serde_json::from_str(actual).unwrap())
            .assert_clean(name, &serde_json::from_str(actual).unwrap()),
        "cve.json" => crate::common::schema::cve(&serde_json::from_str(actual).unwrap())
            .assert_clean(name, &serde_json::from_str(actual).unwrap()),
        _ => {}
    }
    if std::env::var_os("DISCLOSE_BLESS").is_some() {
        std::fs::create_dir_all(expected_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with DISCLOSE_BLESS=1", path.display()));
    assert_eq!(
        actual,
        expected,
        "{name} differs from {}; if the change is intended, rerun with DISCLOSE_BLESS=1",
        path.display()
    );
}

#[test]
fn a_backported_case_publishes_five_files_in_one_commit() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    assert_eq!(env.case(&id)["state"], "fixed");
    let commits_before = env.commits().len();
    let at = env.now();
    let out = env.disclose().args(["publish", &id]).assert().success();
    assert_eq!(stdout(&out), "POET-SA-2026-001\n");
    assert!(stderr(&out).contains("Published"), "{}", stderr(&out));

    let case = env.case(&id);
    assert_eq!(case["state"], "published");
    assert_eq!(case["identifiers"]["advisory"], "POET-SA-2026-001");
    assert_eq!(
        case["published_at"],
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "published");
    assert_eq!(last["advisory"], "POET-SA-2026-001");
    assert!(last.get("forced_reason").is_none());

    let commits = env.commits();
    assert_eq!(commits.len(), commits_before + 1, "one commit");
    assert_eq!(commits[0].0, format!("{id}: publish POET-SA-2026-001"));
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(
        repo.statuses(None).unwrap().is_empty(),
        "everything is committed"
    );
    let tree = repo.head().unwrap().peel_to_tree().unwrap();

    let dir = advisory_dir(&env, "POET-SA-2026-001");
    for name in files() {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(
            tree.get_path(&Path::new("advisories/POET-SA-2026-001").join(name))
                .is_ok(),
            "{name} is committed"
        );
        assert_expected(name, &text);
    }
}

#[test]
fn published_files_match_a_later_export_byte_for_byte() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    env.disclose().args(["publish", &id]).assert().success();
    let dir = advisory_dir(&env, "POET-SA-2026-001");
    for (format, name) in formats().zip(files()) {
        let out = env
            .disclose_at("2027-01-01T00:00:00Z")
            .args(["export", &id, "--format", format])
            .assert()
            .success();
        assert_eq!(
            stdout(&out),
            std::fs::read_to_string(dir.join(name)).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn the_backport_is_two_ranges_not_one() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    env.disclose().args(["publish", &id]).assert().success();
    let dir = advisory_dir(&env, "POET-SA-2026-001");
    let osv: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("osv.json")).unwrap()).unwrap();
    assert_eq!(
        osv["affected"][0]["ranges"],
        serde_json::json!([{"type": "SEMVER", "events": [
            {"introduced": "1.0.0"}, {"fixed": "1.4.2"},
            {"introduced": "1.5.0"}, {"fixed": "1.5.3"}
        ]}])
    );
    let cve: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("cve.json")).unwrap()).unwrap();
    let versions = &cve["containers"]["cna"]["affected"][0]["versions"];
    assert_eq!(versions[0]["lessThan"], "1.4.2");
    assert_eq!(versions[1]["version"], "1.5.0");
    assert_eq!(versions[1]["lessThan"], "1.5.3");
}

/// Every private field holds a marker; none may reach an export, an
/// advisory file or the commit message.
#[test]
fn nothing_private_leaks_into_exports_files_or_the_commit() {
    let env = TestEnv::with_store("publish-ready");
    let markers = [
        "MARKER-REPORTER-NAME",
        "marker-reporter@example.net",
        "MARKER-HANDLE",
        "MARKER-PRIVATE-NOTE",
        "MARKER-MESSAGE-IN",
        "MARKER-MESSAGE-OUT",
        "MARKER-REPRODUCTION",
        "MARKER-CREDIT-CONTACT",
    ];
    let id = env.open(
        "Path traversal in upload",
        &[
            "--reporter-name",
            markers[0],
            "--reporter-email",
            markers[1],
            "--reporter-handle",
            markers[2],
            "--description",
            "Upload names are joined to the data directory unchecked.",
            "--reproduction",
            markers[6],
        ],
    );
    let ok = |args: &[&str]| {
        env.disclose().args(args).assert().success();
    };
    ok(&["ack", &id]);
    ok(&["confirm", &id]);
    ok(&["affected", &id, "--range", ">=1.0.0, <1.6.0"]);
    ok(&[
        "severity",
        &id,
        "--cvss",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
    ]);
    ok(&["assign", &id, "--cve", "CVE-2026-12345"]);
    ok(&["note", &id, markers[3]]);
    ok(&["contact", &id, "--from-reporter", markers[4]]);
    ok(&["contact", &id, "--to-reporter", markers[5]]);
    ok(&[
        "credit",
        &id,
        "--name",
        markers[0],
        "--consent",
        "declined",
        "--contact",
        &format!("https://example.net/{}", markers[7]),
    ]);
    ok(&["credit", &id, "--name", markers[2], "--consent", "declined"]);
    ok(&[
        "credit",
        &id,
        "--name",
        "Grace Hopper",
        "--type",
        "remediation-developer",
        "--consent",
        "granted",
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.4",
        "--version",
        "1.4.2",
        "--commit",
        SHA_14,
    ]);
    ok(&[
        "fix",
        &id,
        "--release",
        "1.5",
        "--version",
        "1.5.3",
        "--commit",
        SHA_15,
    ]);
    assert_eq!(env.case(&id)["state"], "fixed");
    describe(&env, &id);

    let mut outputs: Vec<(String, String)> = Vec::new();
    for format in formats() {
        let out = env
            .disclose()
            .args(["export", &id, "--format", format, "--preview"])
            .assert()
            .success();
        outputs.push((format!("export {format}"), stdout(&out)));
    }
    let out = env.disclose().args(["publish", &id]).assert().success();
    outputs.push(("publish stdout".into(), stdout(&out)));
    let dir = advisory_dir(&env, "POET-SA-2026-001");
    for name in files() {
        outputs.push((
            name.into(),
            std::fs::read_to_string(dir.join(name)).unwrap(),
        ));
    }
    outputs.push(("commit message".into(), env.commits()[0].0.clone()));
    assert!(
        outputs[0].1.contains("Grace Hopper"),
        "granted credits do appear"
    );
    for (what, text) in &outputs {
        for marker in markers {
            assert!(
                !text.to_lowercase().contains(&marker.to_lowercase()),
                "{marker} leaked into {what}:\n{text}"
            );
        }
    }
}

fn refusal(env: &TestEnv, id: &str) -> String {
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["publish", id]).assert().code(1);
    assert_eq!(before, env.snapshot_bytes(), "a refusal changes nothing");
    stderr(&out)
}

fn assert_only(err: &str, item: &str, command: &str) {
    assert!(err.contains("1 open item(s)"), "{err}");
    assert!(err.contains(item), "{item}: {err}");
    assert!(err.contains(command), "{command}: {err}");
}

#[test]
fn refuses_a_case_that_is_not_fixed() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            confirm: true,
            ..Skip::default()
        },
    );
    assert_only(
        &refusal(&env, &id),
        "the case is acknowledged, not fixed",
        &format!("disclose confirm {id}"),
    );
}

#[test]
fn refuses_while_the_embargo_lasts() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    // No `embargo` command yet: set the projected field as it would.
    let path = env.store.join("cases").join(format!("{id}.json"));
    let mut case = env.case(&id);
    case["embargo_until"] = "2026-06-01T00:00:00Z".into();
    std::fs::write(&path, serde_json::to_vec_pretty(&case).unwrap()).unwrap();
    assert_only(
        &refusal(&env, &id),
        "the embargo lasts until 2026-06-01T00:00:00Z",
        "disclose embargo",
    );
    env.disclose_at("2026-06-01T00:00:01Z")
        .args(["publish", &id, "--dry-run"])
        .assert()
        .success();
}

#[test]
fn refuses_while_a_maintained_release_lacks_a_released_fix() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    assert_eq!(env.case(&id)["state"], "fixed");
    env.disclose()
        .args(["affected", &id, "--range", ">=2.0.0, <2.1.0"])
        .assert()
        .success()
        .stderr(predicates::str::contains(format!(
            "{id} is back to confirmed (it was fixed): still open: 2.x: affected, no fix yet"
        )));
    let case = env.case(&id);
    assert_eq!(case["releases"]["2.x"]["decision"], "affected");
    assert_eq!(
        case["state"], "confirmed",
        "a release affected without a fix"
    );
    assert_eq!(case["fixed_at"], serde_json::Value::Null);
    let err = refusal(&env, &id);
    assert!(err.contains("2 open item(s)"), "{err}");
    assert!(err.contains("the case is confirmed, not fixed"), "{err}");
    assert!(
        err.contains("release 2.x is affected and has no released fix"),
        "{err}"
    );
    assert!(
        err.contains(&format!("disclose fix {id} --release 2.x --version X.Y.Z")),
        "{err}"
    );
    // The move is in the timeline too.
    env.disclose()
        .args(["log", &id])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "affected: poet >= 2.0.0, < 2.1.0 → back to confirmed",
        ));
}

#[test]
fn refuses_without_severity() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            severity: true,
            ..Skip::default()
        },
    );
    assert_only(
        &refusal(&env, &id),
        "no severity is set",
        &format!("disclose severity {id} --cvss"),
    );
}

#[test]
fn refuses_without_a_public_summary() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            summary: true,
            ..Skip::default()
        },
    );
    assert_only(
        &refusal(&env, &id),
        "no public advisory text: it needs a summary and details",
        &format!("disclose describe {id} --edit"),
    );
}

#[test]
fn refuses_without_an_affected_range() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            affected: true,
            ..Skip::default()
        },
    );
    // Fixes on an empty matrix do not make a case fixed.
    assert_eq!(env.case(&id)["state"], "confirmed");
    let err = refusal(&env, &id);
    assert!(err.contains("2 open item(s)"), "{err}");
    assert!(err.contains("the case is confirmed, not fixed"), "{err}");
    assert!(err.contains("no affected range is set"), "{err}");
    assert!(
        err.contains(&format!("disclose affected {id} --range")),
        "{err}"
    );
}

#[test]
fn refuses_while_a_credit_consent_is_pending() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            credit: true,
            ..Skip::default()
        },
    );
    assert_only(
        &refusal(&env, &id),
        "consent to credit Ada Lovelace is still pending",
        &format!("disclose credit {id} --name 'Ada Lovelace' --consent"),
    );
}

#[test]
fn refuses_without_a_cve_when_the_policy_requires_one() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            cve: true,
            ..Skip::default()
        },
    );
    env.disclose()
        .args(["publish", &id, "--dry-run"])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "set", "require_cve", "true"])
        .assert()
        .success();
    assert_only(
        &refusal(&env, &id),
        "the policy requires a CVE ID and none is assigned",
        &format!("disclose assign {id} --cve"),
    );
}

#[test]
fn lists_every_open_item_at_once() {
    let env = TestEnv::with_store("publish-ready");
    let all = Skip {
        confirm: true,
        affected: true,
        severity: true,
        summary: true,
        credit: true,
        cve: true,
    };
    let id = ready_case(&env, all);
    let path = env.store.join("policy.json");
    let policy = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        policy.replace("\"require_cve\": false", "\"require_cve\": true"),
    )
    .unwrap();
    let cpath = env.store.join("cases").join(format!("{id}.json"));
    let mut case = env.case(&id);
    case["embargo_until"] = "2026-06-01T00:00:00Z".into();
    std::fs::write(&cpath, serde_json::to_vec_pretty(&case).unwrap()).unwrap();
    let err = refusal(&env, &id);
    for item in [
        "the case is acknowledged, not fixed",
        "the embargo lasts until",
        "no severity is set",
        "no public advisory text",
        "no affected range is set",
        "consent to credit Ada Lovelace is still pending",
        "the policy requires a CVE ID",
    ] {
        assert!(err.contains(item), "{item}: {err}");
    }
    assert!(err.contains("7 open item(s)"), "{err}");
    assert!(err.contains("--force --reason"), "{err}");

    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run"])
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(text.contains("Open items (7)"), "{text}");
    assert!(text.contains("advisory.md"), "{text}");
    assert_eq!(before, env.snapshot_bytes(), "--dry-run changes nothing");
}

#[test]
fn dry_run_shows_the_files_and_changes_nothing() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["publish", &id, "--dry-run"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(
        text.contains("would be published as POET-SA-2026-001"),
        "{text}"
    );
    for name in files() {
        assert!(text.contains(name), "{name}: {text}");
    }
    assert!(text.contains("Ready"), "{text}");
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn force_publishes_anyway_and_records_the_reason() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(
        &env,
        Skip {
            severity: true,
            ..Skip::default()
        },
    );
    env.disclose()
        .args(["publish", &id, "--force"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--reason"));
    let out = env
        .disclose()
        .args([
            "publish",
            &id,
            "--force",
            "--reason",
            "the fix is already public upstream",
        ])
        .assert()
        .success();
    assert!(stderr(&out).contains("1 open item(s)"), "{}", stderr(&out));
    let case = env.case(&id);
    assert_eq!(case["state"], "published");
    let last = case["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["forced_reason"], "the fix is already public upstream");
    assert!(
        advisory_dir(&env, "POET-SA-2026-001")
            .join("osv.json")
            .is_file()
    );
    assert_eq!(
        env.commits()[0].0,
        format!("{id}: publish POET-SA-2026-001")
    );
}

#[test]
fn advisory_ids_are_sequential_and_publishing_twice_is_refused() {
    let env = TestEnv::with_store("publish-ready");
    let a = ready_case(&env, Skip::default());
    let b = ready_case(
        &env,
        Skip {
            cve: true,
            ..Skip::default()
        },
    );
    env.disclose()
        .args(["publish", &a])
        .assert()
        .success()
        .stdout("POET-SA-2026-001\n");
    env.disclose()
        .args(["publish", &b])
        .assert()
        .success()
        .stdout("POET-SA-2026-002\n");
    let files = std::fs::read_dir(advisory_dir(&env, "POET-SA-2026-002"))
        .unwrap()
        .count();
    assert_eq!(files, 4, "no CVE record without a CVE ID");
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["publish", &a])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already published as POET-SA-2026-001",
        ));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_policy_without_a_project_cannot_number_advisories() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let path = env.store.join("policy.json");
    let policy = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        policy.replace("\"project\": \"poet\"", "\"project\": null"),
    )
    .unwrap();
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["publish", &id]).assert().code(1);
    assert!(stderr(&out).contains("project"), "{}", stderr(&out));
    env.disclose()
        .args(["publish", &id, "--force", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no project name"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn out_dir_outside_the_store_gets_the_files() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let out = env.root.join("public-site/advisories");
    env.disclose()
        .args(["publish", &id, "--out"])
        .arg(&out)
        .assert()
        .success();
    for name in files() {
        assert!(out.join(name).is_file(), "{name}");
    }
    assert!(!env.store.join("advisories").exists());
    assert_eq!(env.case(&id)["state"], "published");
}

#[test]
fn out_dir_into_private_parts_of_the_store_is_refused() {
    let env = TestEnv::with_store("publish-ready");
    let id = ready_case(&env, Skip::default());
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["publish", &id, "--out"])
        .arg(env.store.join("cases"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn policy_set_takes_the_publishing_keys() {
    let env = TestEnv::with_store("publish-ready");
    env.disclose()
        .args([
            "policy",
            "set",
            "repository",
            "https://git.example.org/poet/",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["policy", "set", "require_cve", "yes"])
        .assert()
        .success();
    let policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.store.join("policy.json")).unwrap()).unwrap();
    assert_eq!(policy["repository"], "https://git.example.org/poet");
    assert_eq!(policy["require_cve"], true);
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["policy", "set", "repository", "git@example.org:poet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("repository"));
    env.disclose()
        .args(["policy", "set", "require_cve", "maybe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("require_cve"));
    assert_eq!(before, env.snapshot_bytes());
}
