//! `disclose affected`: OSV ranges from flags, and every way they can be wrong.

use crate::common::TestEnv;

const SHA: &str = "3f2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49";

#[test]
fn ranges_from_bounds_versions_and_git() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "affected",
            &id,
            "--package",
            "poet-cli",
            "--ecosystem",
            "npm",
            "--introduced",
            "0",
            "--last-affected",
            "2.3.0",
        ])
        .assert()
        .success();
    env.disclose()
        .args(["affected", &id, "--version", "1.2.3", "1.2.4"])
        .assert()
        .success();
    env.disclose()
        .args([
            "affected",
            &id,
            "--package",
            "poet-core",
            "--ecosystem",
            "GIT",
            "--type",
            "git",
            "--repo",
            "https://git.example.org/poet-core.git/",
            "--introduced",
            "0",
            "--fixed",
            SHA,
        ])
        .assert()
        .success();
    let case = env.case(&id);
    let affected = case["affected"].as_array().unwrap();
    assert_eq!(affected[0]["package"]["name"], "poet-cli");
    assert_eq!(
        affected[0]["ranges"][0]["events"],
        serde_json::json!([{"introduced": "0"}, {"last_affected": "2.3.0"}])
    );
    assert_eq!(affected[1]["package"]["name"], "poet");
    assert_eq!(
        affected[1]["versions"],
        serde_json::json!(["1.2.3", "1.2.4"])
    );
    assert_eq!(affected[2]["ranges"][0]["type"], "GIT");
    assert_eq!(affected[2]["ranges"][0]["events"][1]["fixed"], SHA);
    assert_eq!(
        affected[2]["ranges"][0]["repo"], "https://git.example.org/poet-core.git",
        "each package keeps the repository its commits are in"
    );
    env.disclose()
        .args(["affected", &id, "--version", "1.2.3", "--remove"])
        .assert()
        .success();
    assert_eq!(
        env.case(&id)["affected"][1]["versions"],
        serde_json::json!(["1.2.4"])
    );
}

#[test]
fn bad_ranges_exit_2_name_the_value_and_change_nothing() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    env.disclose()
        .args(["affected", &id, "--range", ">=1.0.0, <1.4.2"])
        .assert()
        .success();
    let before = env.snapshot_bytes();
    let cases: [(&[&str], &str); 8] = [
        (&["--range", ">=1.0, <2.0.0"], "\"1.0\""),
        (
            &["--introduced", "1.5.0", "--fixed", "1.4.0"],
            "empty range",
        ),
        (&["--range", ">=1.4.0, <1.6.0"], "overlaps"),
        (
            &["--type", "git", "--introduced", "0", "--fixed", "3f2a9c1"],
            "full 40-character",
        ),
        (
            &[
                "--type",
                "git",
                "--introduced",
                "0",
                "--fixed",
                "zz2a9c1e0b8d7a6f5e4d3c2b1a0f9e8d7c6b5a49",
            ],
            "hexadecimal",
        ),
        (&["--version", "one"], "one"),
        (&["--range", ">=2.0.0", "--remove"], "not recorded"),
        (&["--package", "other", "--remove"], "no affected entry"),
    ];
    for (args, needle) in cases {
        env.disclose()
            .args(["affected", &id])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle));
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn without_a_default_package_the_flag_is_required() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose()
        .args(["affected", &id, "--range", "<1.0.0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing --package"));
}

#[test]
fn a_package_can_be_named_ecosystem_slash_name() {
    let env = TestEnv::with_store("three-releases");
    let id = env.open("x", &[]);
    env.disclose()
        .args([
            "affected",
            &id,
            "--package",
            "npm/@poet/web",
            "--range",
            "<2.0.0",
        ])
        .assert()
        .success();
    let case = env.case(&id);
    let packages: Vec<_> = case["affected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["package"].clone())
        .collect();
    assert_eq!(
        packages,
        [serde_json::json!({"ecosystem": "npm", "name": "@poet/web"})]
    );
    let before = std::fs::read(env.store.join("cases").join(format!("{id}.json"))).unwrap();
    let out = env
        .disclose()
        .args([
            "affected",
            &id,
            "--package",
            "crates/poet",
            "--range",
            "<2.0.0",
        ])
        .assert()
        .code(2);
    let err = crate::common::stderr(&out);
    assert!(err.contains("did you mean crates.io?"), "{err}");
    let after = std::fs::read(env.store.join("cases").join(format!("{id}.json"))).unwrap();
    assert_eq!(before, after);
}
