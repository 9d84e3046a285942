//! `disclose severity` and `disclose assign`: validated vectors and IDs.

use crate::common::TestEnv;

#[test]
fn severity_scores_the_vector_and_keeps_cwe() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "severity",
            &id,
            "--cvss",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "--cwe",
            "CWE-22",
            "--cwe",
            "79",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(
        case["severity"]["cvss"],
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
    );
    assert_eq!(case["severity"]["score"], 9.8);
    assert_eq!(case["severity"]["rating"], "critical");
    assert_eq!(case["cwe"], serde_json::json!(["CWE-22", "CWE-79"]));
    env.disclose()
        .args([
            "severity",
            &id,
            "--cvss",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["severity"]["score"], 9.3);
    assert_eq!(
        case["cwe"],
        serde_json::json!(["CWE-22", "CWE-79"]),
        "cwe kept"
    );
}

#[test]
fn assign_sets_cve_and_ghsa() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "assign",
            &id,
            "--cve",
            "cve-2026-12345",
            "--ghsa",
            "GHSA-jfh8-c2jp-5v3q",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    assert_eq!(case["identifiers"]["cve"], "CVE-2026-12345");
    assert_eq!(case["identifiers"]["ghsa"], "GHSA-jfh8-c2jp-5v3q");
}

#[test]
fn malformed_vectors_and_ids_exit_2_and_change_nothing() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    let cases: [(&str, &[&str], &str); 6] = [
        (
            "severity",
            &["--cvss", "CVSS:3.1/AV:N"],
            "missing base metrics",
        ),
        ("severity", &["--cvss", "9.8"], "--cvss"),
        ("severity", &["--cwe", "CWE-XX"], "--cwe"),
        ("assign", &["--cve", "CVE-12"], "CVE-12"),
        ("assign", &["--ghsa", "GHSA-1234-5678"], "GHSA-1234-5678"),
        ("assign", &[], "nothing to assign"),
    ];
    for (verb, args, needle) in cases {
        env.disclose()
            .args([verb, &id])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle));
    }
    assert_eq!(before, env.snapshot_bytes());
}
