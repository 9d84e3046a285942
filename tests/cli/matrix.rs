//! The fix matrix end to end, one case per way exports used to say the
//! wrong thing: several packages with their own fixes, a GIT-only package,
//! Go pseudo-versions and `-0` floors, a PyPI post-release, Maven's
//! `.Final`, misspelt ecosystems, a fix linked by mistake, the state falling
//! back to confirmed, withdrawal, CVSS 4.0 scores, and a case file written
//! before fixes were per package. Every OSV and CVE record written is
//! checked against the schemas' structure.

use serde_json::Value;

use crate::common::{TestEnv, schema, stderr, stdout};

const SHA: &str = "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const ORG: &str = "b3476cb9-2e3d-41a6-98d0-0f47421a65b6";

/// A store for `package` (ECOSYSTEM/NAME) with `releases` (NAME=REQ) and
/// what CVE records need.
fn store(package: &str, releases: &[&str]) -> TestEnv {
    let env = TestEnv::new();
    let mut init = vec!["init", "--project", "poet", "--contact", "security@po.et"];
    for r in releases {
        init.extend(["--release", r]);
    }
    env.disclose().args(&init).assert().success();
    for (key, value) in [
        ("default_package", package),
        ("vendor", "Po.et"),
        ("cna_org_id", ORG),
        ("repository", "https://github.com/po-et/poet"),
    ] {
        env.disclose()
            .args(["policy", "set", key, value])
            .assert()
            .success();
    }
    env
}

/// A case acknowledged, confirmed and described, with a CVE ID.
fn confirmed_case(env: &TestEnv) -> String {
    let id = env.open(
        "Path traversal in upload",
        &[
            "--reporter-name",
            "Ada Lovelace",
            "--description",
            "Upload names are joined to the data directory unchecked.",
        ],
    );
    for args in [
        vec!["ack", &id],
        vec!["confirm", &id],
        vec!["assign", &id, "--cve", "CVE-2026-12345"],
        vec![
            "severity",
            &id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
        ],
    ] {
        env.disclose().args(&args).assert().success();
    }
    id
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    let out = env.disclose().args(args).assert().success();
    format!("{}{}", stdout(&out), stderr(&out))
}

fn refused(env: &TestEnv, args: &[&str], code: i32, needle: &str) {
    let before = env.snapshot_bytes();
    env.disclose()
        .args(args)
        .assert()
        .code(code)
        .stderr(predicates::str::contains(needle));
    assert_eq!(before, env.snapshot_bytes(), "{args:?} changed the store");
}

/// An export, parsed and checked against its schema.
fn export(env: &TestEnv, id: &str, format: &str) -> Value {
    let out = env
        .disclose()
        .args(["export", id, "--format", format, "--preview"])
        .assert()
        .success();
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    match format {
        "osv" => schema::osv(&json).assert_clean("the OSV export", &json),
        _ => schema::cve(&json).assert_clean("the CVE export", &json),
    }
    json
}

fn package<'v>(osv: &'v Value, name: &str) -> &'v Value {
    osv["affected"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["package"]["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in {osv:#}"))
}

fn product<'v>(cve: &'v Value, name: &str) -> &'v Value {
    cve["containers"]["cna"]["affected"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["product"] == name)
        .unwrap_or_else(|| panic!("{name} is not in {cve:#}"))
}

fn events(pairs: &[(&str, &str)]) -> Value {
    Value::Array(
        pairs
            .iter()
            .map(|(k, v)| serde_json::json!({ *k: v }))
            .collect(),
    )
}

#[test]
fn each_package_is_exported_with_its_own_fixes() {
    let env = store(
        "crates.io/poet",
        &[
            "1.4=>=1.4.0, <1.5.0",
            "1.5=>=1.5.0, <1.6.0",
            "2.x=>=2.0.0, <3.0.0",
        ],
    );
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--range", ">=1.0.0, <1.6.0"]);
    ok(
        &env,
        &[
            "affected",
            &id,
            "--package",
            "poet-cli",
            "--ecosystem",
            "crates.io",
            "--range",
            ">=1.0.0, <1.6.0",
        ],
    );
    ok(
        &env,
        &[
            "affected",
            &id,
            "--package",
            "poet-js",
            "--ecosystem",
            "npm",
            "--range",
            ">=1.2.0, <1.6.0",
        ],
    );
    refused(
        &env,
        &["fix", &id, "--release", "1.4", "--version", "1.4.3"],
        2,
        "which package is the fix for?",
    );
    refused(
        &env,
        &[
            "fix",
            &id,
            "--release",
            "1.4",
            "--package",
            "poet-py",
            "--version",
            "1.4.3",
        ],
        2,
        "--package poet-py is not affected",
    );
    for (pkg, v14, v15) in [
        ("poet", "1.4.3", "1.5.4"),
        ("poet-cli", "1.4.9", "1.5.8"),
        ("poet-js", "1.4.5", "1.5.6"),
    ] {
        ok(
            &env,
            &[
                "fix",
                &id,
                "--release",
                "1.4",
                "--package",
                pkg,
                "--version",
                v14,
            ],
        );
        let said = ok(
            &env,
            &[
                "fix",
                &id,
                "--release",
                "1.5",
                "--package",
                pkg,
                "--version",
                v15,
            ],
        );
        assert_eq!(
            said.contains("is now fixed"),
            pkg == "poet-js",
            "fixed only once every package is: {said}"
        );
    }
    assert_eq!(env.case(&id)["state"], "fixed");
    let osv = export(&env, &id, "osv");
    let cli = package(&osv, "poet-cli");
    assert_eq!(cli["package"]["purl"], "pkg:cargo/poet-cli");
    assert_eq!(
        cli["ranges"][0]["events"],
        events(&[
            ("introduced", "1.0.0"),
            ("fixed", "1.4.9"),
            ("introduced", "1.5.0"),
            ("fixed", "1.5.8")
        ]),
        "poet-cli is cut at its own fixes, not poet's"
    );
    assert_eq!(
        package(&osv, "poet")["ranges"][0]["events"],
        events(&[
            ("introduced", "1.0.0"),
            ("fixed", "1.4.3"),
            ("introduced", "1.5.0"),
            ("fixed", "1.5.4")
        ])
    );
    let js = package(&osv, "poet-js");
    assert_eq!(js["package"]["ecosystem"], "npm");
    assert_eq!(
        js["ranges"][0]["events"],
        events(&[
            ("introduced", "1.2.0"),
            ("fixed", "1.4.5"),
            ("introduced", "1.5.0"),
            ("fixed", "1.5.6")
        ])
    );
    assert_eq!(js["database_specific"]["releases"][0]["fixed"], "1.4.5");
    let cve = export(&env, &id, "cve");
    let versions = &product(&cve, "poet-cli")["versions"];
    assert_eq!(versions[0]["lessThan"], "1.4.9");
    assert_eq!(versions[1]["lessThan"], "1.5.8");
    assert_eq!(product(&cve, "poet-js")["packageURL"], "pkg:npm/poet-js");
    assert_eq!(
        product(&cve, "poet-js")["collectionURL"],
        "https://registry.npmjs.org"
    );
    let md = stdout(
        &env.disclose()
            .args(["export", &id, "--format", "markdown", "--preview"])
            .assert()
            .success(),
    );
    assert!(
        md.contains("| 1.4 | fixed | poet 1.4.3, poet-cli 1.4.9, poet-js 1.4.5 |"),
        "{md}"
    );
    assert!(
        md.contains(
            "Upgrade to poet 1.4.3 or 1.5.4; poet-cli 1.4.9 or 1.5.8; poet-js 1.4.5 or 1.5.6."
        ),
        "{md}"
    );
}

#[test]
fn a_git_only_package_gets_no_invented_versions() {
    let env = store(
        "crates.io/poet",
        &["1.4=>=1.4.0, <1.5.0", "1.5=>=1.5.0, <1.6.0"],
    );
    let id = confirmed_case(&env);
    ok(
        &env,
        &[
            "affected",
            &id,
            "--package",
            "poet-core",
            "--ecosystem",
            "crates.io",
            "--type",
            "git",
            "--repo",
            "https://git.example.org/poet-core",
            "--introduced",
            "0",
            "--fixed",
            SHA,
        ],
    );
    let case = env.case(&id);
    assert_eq!(
        case["releases"]["1.4"]["decision"], "unknown",
        "commits cannot be placed in release lines"
    );
    ok(&env, &["release", &id, "1.4", "affected"]);
    ok(&env, &["release", &id, "1.5", "not-affected"]);
    ok(
        &env,
        &["fix", &id, "--release", "1.4", "--version", "1.4.2"],
    );
    let osv = export(&env, &id, "osv");
    let core = package(&osv, "poet-core");
    let ranges = core["ranges"].as_array().unwrap();
    assert_eq!(ranges.len(), 1, "only the GIT range: {core:#}");
    assert_eq!(ranges[0]["type"], "GIT");
    assert_eq!(
        ranges[0]["repo"], "https://git.example.org/poet-core",
        "its own repository"
    );
    let cve = export(&env, &id, "cve");
    let p = product(&cve, "poet-core");
    assert_eq!(p["repo"], "https://git.example.org/poet-core");
    assert_eq!(p["versions"][0]["versionType"], "git");
    assert_eq!(p["versions"][0]["lessThan"], SHA);
}

#[test]
fn go_pseudo_versions_fix_and_lines_start_at_their_floor() {
    let env = store("Go/golang.org/x/net", &["0.0=<0.1.0"]);
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--introduced", "0"]);
    ok(
        &env,
        &[
            "fix",
            &id,
            "--release",
            "0.0",
            "--version",
            "v0.0.0-20220906165146-f3363e06e74c",
        ],
    );
    assert_eq!(env.case(&id)["state"], "fixed");
    let osv = export(&env, &id, "osv");
    let net = package(&osv, "golang.org/x/net");
    assert_eq!(net["package"]["purl"], "pkg:golang/golang.org/x/net");
    assert_eq!(net["ranges"][0]["type"], "SEMVER");
    assert_eq!(
        net["ranges"][0]["events"],
        events(&[
            ("introduced", "0"),
            ("fixed", "0.0.0-20220906165146-f3363e06e74c")
        ]),
        "a pseudo-version fix is above OSV's 0, not dropped"
    );
    let cve = export(&env, &id, "cve");
    let v = &product(&cve, "golang.org/x/net")["versions"][0];
    assert_eq!(v["lessThan"], "0.0.0-20220906165146-f3363e06e74c");
    assert_eq!(v["versionType"], "semver");

    // GO-2022-0969's shape: the 1.19 line claims 1.19.0's pre-releases.
    let env = store(
        "Go/stdlib",
        &["1.18=>=1.18.0, <1.19.0", "1.19=>=1.19.0, <1.20.0"],
    );
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--introduced", "0"]);
    ok(
        &env,
        &["fix", &id, "--release", "1.18", "--version", "v1.18.6"],
    );
    refused(
        &env,
        &["fix", &id, "--release", "1.18", "--version", "v1.19.0-rc.1"],
        2,
        "outside release 1.18's range",
    );
    ok(
        &env,
        &["fix", &id, "--release", "1.19", "--version", "v1.19.1"],
    );
    let osv = export(&env, &id, "osv");
    assert_eq!(
        package(&osv, "stdlib")["ranges"][0]["events"],
        events(&[
            ("introduced", "0"),
            ("fixed", "1.18.6"),
            ("introduced", "1.19.0-0"),
            ("fixed", "1.19.1")
        ])
    );
}

#[test]
fn a_pypi_post_release_fixes_its_line() {
    let env = store("PyPI/poet", &["4.5=>=4.5, <4.6", "4.6=>=4.6, <4.7"]);
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--range", ">=4.0, <4.6.1"]);
    let case = env.case(&id);
    assert_eq!(case["affected"][0]["ranges"][0]["type"], "ECOSYSTEM");
    assert_eq!(case["releases"]["4.5"]["decision"], "affected");
    ok(
        &env,
        &["fix", &id, "--release", "4.5", "--version", "4.5.2.post1"],
    );
    ok(
        &env,
        &["fix", &id, "--release", "4.6", "--version", "4.6.1"],
    );
    assert_eq!(env.case(&id)["state"], "fixed");
    let osv = export(&env, &id, "osv");
    let poet = package(&osv, "poet");
    assert_eq!(poet["package"]["purl"], "pkg:pypi/poet");
    assert_eq!(
        poet["ranges"][0]["type"], "ECOSYSTEM",
        "PyPI versions are not SemVer"
    );
    assert_eq!(
        poet["ranges"][0]["events"],
        events(&[
            ("introduced", "4.0"),
            ("fixed", "4.5.2.post1"),
            ("introduced", "4.6"),
            ("fixed", "4.6.1")
        ])
    );
    assert_eq!(
        poet["database_specific"]["releases"][0]["fixed"], "4.5.2.post1",
        "one answer: the ranges and the matrix agree"
    );
    let cve = export(&env, &id, "cve");
    let p = product(&cve, "poet");
    assert_eq!(p["versions"][0]["versionType"], "python");
    assert_eq!(p["collectionURL"], "https://pypi.python.org");
}

#[test]
fn maven_final_releases_are_versions() {
    let env = store("Maven/org.poet:poet-core", &["1.0=1.0.*", "1.1=1.1.*"]);
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--introduced", "1.0.0"]);
    ok(
        &env,
        &["fix", &id, "--release", "1.0", "--version", "1.0.1.Final"],
    );
    ok(
        &env,
        &["fix", &id, "--release", "1.1", "--version", "1.1.3.Final"],
    );
    let osv = export(&env, &id, "osv");
    let core = package(&osv, "org.poet:poet-core");
    assert_eq!(core["package"]["purl"], "pkg:maven/org.poet/poet-core");
    assert_eq!(core["ranges"][0]["type"], "ECOSYSTEM");
    assert_eq!(
        core["ranges"][0]["events"],
        events(&[
            ("introduced", "1.0.0"),
            ("fixed", "1.0.1.Final"),
            ("introduced", "1.1"),
            ("fixed", "1.1.3.Final")
        ])
    );
    let cve = export(&env, &id, "cve");
    assert_eq!(
        product(&cve, "org.poet:poet-core")["versions"][0]["versionType"],
        "maven"
    );
}

#[test]
fn misspelt_ecosystems_are_refused_with_the_near_miss() {
    let env = store("crates.io/poet", &["1.4=>=1.4.0, <1.5.0"]);
    let id = confirmed_case(&env);
    for (typed, near) in [
        ("pypi", "PyPI"),
        ("npmjs", "npm"),
        ("crates", "crates.io"),
        ("Golang", "Go"),
    ] {
        refused(
            &env,
            &[
                "affected",
                &id,
                "--package",
                "x",
                "--ecosystem",
                typed,
                "--introduced",
                "0",
            ],
            2,
            &format!("did you mean {near}?"),
        );
    }
    refused(
        &env,
        &["policy", "set", "default_package", "pypi/poet"],
        2,
        "did you mean PyPI?",
    );
}

#[test]
fn a_mistaken_fix_is_refused_or_taken_back_and_every_view_agrees() {
    let env = store(
        "crates.io/poet",
        &["4.3=>=4.3.0, <4.4.0", "4.4=>=4.4.0, <4.5.0"],
    );
    let id = confirmed_case(&env);
    ok(&env, &["affected", &id, "--range", ">=4.4.0, <4.4.2"]);
    assert_eq!(env.case(&id)["releases"]["4.3"]["decision"], "not-affected");
    refused(
        &env,
        &["fix", &id, "--release", "4.3", "--version", "4.3.10"],
        2,
        "release 4.3 is derived from the affected ranges as not-affected",
    );
    // Decided affected by hand, fixed, then found not affected after all.
    ok(&env, &["release", &id, "4.3", "affected"]);
    ok(
        &env,
        &["fix", &id, "--release", "4.3", "--version", "4.3.10"],
    );
    ok(
        &env,
        &["fix", &id, "--release", "4.4", "--version", "4.4.2"],
    );
    refused(
        &env,
        &["release", &id, "4.3", "not-affected"],
        2,
        &format!("remove it first: `disclose fix {id} --release 4.3 --remove`"),
    );
    let said = ok(&env, &["fix", &id, "--release", "4.3", "--remove"]);
    assert!(said.contains("fix for 4.3 removed"), "{said}");
    assert!(said.contains("back to confirmed"), "{said}");
    ok(&env, &["release", &id, "4.3", "not-affected"]);
    assert_eq!(env.case(&id)["state"], "fixed");
    refused(
        &env,
        &["fix", &id, "--release", "4.3", "--remove"],
        2,
        "no fix on release 4.3",
    );
    let show = ok(&env, &["show", &id]);
    assert!(show.contains("4.3: not affected"), "{show}");
    for format in ["markdown", "release-notes", "email", "osv", "cve"] {
        let text = stdout(
            &env.disclose()
                .args(["export", &id, "--format", format, "--preview"])
                .assert()
                .success(),
        );
        assert!(
            !text.contains("4.3.10"),
            "{format} still names the removed fix:\n{text}"
        );
    }
    for kind in ["fix-ready", "update"] {
        let text = ok(&env, &["contact", &id, "--draft", kind]);
        assert!(
            !text.contains("4.3.10"),
            "{kind} draft still names it:\n{text}"
        );
    }
    let log = ok(&env, &["log", &id]);
    assert!(
        log.contains("fix of poet for 4.3 removed → back to confirmed"),
        "{log}"
    );
}

#[test]
fn fixed_needs_a_matrix_and_is_lost_when_a_release_becomes_affected() {
    let env = store(
        "crates.io/poet",
        &["1.4=>=1.4.0, <1.5.0", "2.x=>=2.0.0, <3.0.0"],
    );
    let id = confirmed_case(&env);
    let said = ok(
        &env,
        &["fix", &id, "--release", "1.4", "--version", "1.4.2"],
    );
    assert!(!said.contains("now fixed"), "{said}");
    assert_eq!(
        env.case(&id)["state"],
        "confirmed",
        "a fix before anything is affected"
    );
    let said = ok(&env, &["affected", &id, "--range", ">=1.0.0, <1.4.2"]);
    assert!(said.contains("is now fixed"), "{said}");
    let said = ok(&env, &["affected", &id, "--range", ">=2.0.0, <2.1.0"]);
    assert!(said.contains("back to confirmed (it was fixed)"), "{said}");
    let case = env.case(&id);
    assert_eq!(case["state"], "confirmed");
    let draft = ok(&env, &["contact", &id, "--draft", "update"]);
    assert!(!draft.contains("is fixed"), "{draft}");
    ok(
        &env,
        &["fix", &id, "--release", "2.x", "--version", "2.0.1"],
    );
    assert_eq!(env.case(&id)["state"], "fixed");
    let log = ok(&env, &["log", &id]);
    assert_eq!(log.matches("→ fixed").count(), 2, "{log}");
    assert_eq!(log.matches("→ back to confirmed").count(), 1, "{log}");
}

#[test]
fn a_withdrawn_advisory_is_written_again_as_withdrawn() {
    let env = TestEnv::with_store("publish-ready");
    let id = crate::publish::ready_case(&env, crate::publish::Skip::default());
    ok(&env, &["publish", &id]);
    let advisory = env.case(&id)["identifiers"]["advisory"]
        .as_str()
        .unwrap()
        .to_owned();
    refused(&env, &["withdraw", &id], 2, "--reason is required");
    let commits = env.commits().len();
    let said = ok(
        &env,
        &[
            "withdraw",
            &id,
            "--reason",
            "not a vulnerability: the caller checks the path",
        ],
    );
    assert!(said.contains(&format!("Withdrew {advisory}")), "{said}");
    assert_eq!(
        env.commits().len(),
        commits + 1,
        "one commit for the case and its files"
    );
    assert_eq!(env.commits()[0].0, format!("{id}: withdraw"));
    let case = env.case(&id);
    assert_eq!(case["state"], "withdrawn");
    let dir = env.store.join("advisories").join(&advisory);
    let osv: Value = serde_json::from_slice(&std::fs::read(dir.join("osv.json")).unwrap()).unwrap();
    schema::osv(&osv).assert_clean("the withdrawn OSV record", &osv);
    assert!(osv["withdrawn"].is_string(), "{osv:#}");
    assert!(osv["summary"].as_str().unwrap().starts_with("Withdrawn: "));
    let cve: Value = serde_json::from_slice(&std::fs::read(dir.join("cve.json")).unwrap()).unwrap();
    schema::cve(&cve).assert_clean("the rejected CVE record", &cve);
    assert_eq!(cve["cveMetadata"]["state"], "REJECTED");
    assert_eq!(
        cve["containers"]["cna"]["rejectedReasons"][0]["value"],
        "Not a vulnerability: the caller checks the path."
    );
    let md = std::fs::read_to_string(dir.join("advisory.md")).unwrap();
    assert!(md.contains("> **Withdrawn on"), "{md}");
    assert!(!md.contains("Upgrade to"), "{md}");
    let mail = std::fs::read_to_string(dir.join("announcement.eml")).unwrap();
    assert!(mail.contains("Subject: [WITHDRAWN]"), "{mail}");
    let notes = std::fs::read_to_string(dir.join("release-notes.md")).unwrap();
    assert!(notes.contains("withdrawn on"), "{notes}");
    // The export says the same as the files.
    assert_eq!(export(&env, &id, "osv"), osv);
}

#[test]
fn cases_closed_before_publication_have_no_advisory() {
    let env = store("crates.io/poet", &["1.4=>=1.4.0, <1.5.0"]);
    let withdrawn = confirmed_case(&env);
    ok(
        &env,
        &["withdraw", &withdrawn, "--reason", "reporter retracted"],
    );
    let rejected = env.open("Not a bug", &[]);
    ok(&env, &["reject", &rejected, "--reason", "invalid"]);
    for (id, state) in [(&withdrawn, "withdrawn"), (&rejected, "rejected")] {
        for format in ["osv", "cve", "markdown"] {
            refused(
                &env,
                &["export", id, "--format", format],
                1,
                &format!("was {state} before it was published: there is no advisory to export"),
            );
        }
    }
}

#[test]
fn cvss_4_base_scores_leave_threat_metrics_out() {
    let env = store("crates.io/poet", &["1.4=>=1.4.0, <1.5.0"]);
    let id = confirmed_case(&env);
    ok(
        &env,
        &[
            "severity",
            &id,
            "--cvss",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
        ],
    );
    let severity = env.case(&id)["severity"].clone();
    assert_eq!(severity["score"], 9.3);
    assert_eq!(severity["rating"], "critical");
    assert_eq!(severity["threat_score"], 8.1);
    ok(&env, &["affected", &id, "--range", ">=1.0.0, <1.4.2"]);
    let cve = export(&env, &id, "cve");
    let metric = &cve["containers"]["cna"]["metrics"][0]["cvssV4_0"];
    assert_eq!(metric["baseScore"], 9.3);
    assert_eq!(metric["baseSeverity"], "CRITICAL");
    let show = ok(&env, &["show", &id]);
    assert!(show.contains("critical 9.3; threat 8.1"), "{show}");
}

#[test]
fn a_case_file_from_before_fixes_were_per_package_still_reads() {
    let env = TestEnv::with_store("schema-1");
    let id = "DISC-2026-V1F1X";
    let show = ok(&env, &["show", id]);
    assert!(show.contains("4.5: fixed in 4.5.2"), "{show}");
    assert!(
        show.contains("critical 9.3; threat 8.1"),
        "the base score again: {show}"
    );
    ok(&env, &["status", "--all"]);
    let osv = export(&env, id, "osv");
    let poet = package(&osv, "poet");
    assert_eq!(
        poet["ranges"][0]["type"], "ECOSYSTEM",
        "a PyPI range recorded as SEMVER"
    );
    assert_eq!(
        poet["ranges"][0]["events"],
        events(&[("introduced", "4.0.0"), ("fixed", "4.5.2")])
    );
    // Changing it writes the new form and keeps the old fix.
    ok(&env, &["note", id, "checked"]);
    let case = env.case(id);
    assert_eq!(case["schema_version"], 3);
    assert_eq!(case["fixes"][0]["version"], "4.5.2");
    assert!(case["fixes"][0].get("package").is_none());
    assert_eq!(case["severity"]["score"], 9.3);
    assert_eq!(case["state"], "fixed");
}
