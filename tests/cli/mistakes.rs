//! Mistakes get help: "did you mean" for a case ID one or two characters
//! off, for a release name and for a template placeholder, and bad input
//! exits 2 with nothing changed. Covers issue #18.

use crate::common::{TestEnv, stderr};

/// `id` with its last character swapped for another Crockford character.
fn one_off(id: &str) -> String {
    let (head, last) = id.split_at(id.len() - 1);
    let other = if last == "Z" { "Y" } else { "Z" };
    format!("{head}{other}")
}

#[test]
fn a_case_id_one_character_off_gets_a_did_you_mean() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.open("y", &[]);
    let before = env.snapshot_bytes();
    let typo = one_off(&id);
    let out = env.disclose().args(["confirm", &typo]).assert().code(2);
    let err = stderr(&out);
    assert!(err.contains(&format!("error: no case {typo} in")), "{err}");
    assert!(err.contains(&format!("hint: did you mean {id}?")), "{err}");
    assert_eq!(before, env.snapshot_bytes());

    // Two neighbours swapped in the random part count as one slip.
    let random = &id["DISC-2026-".len()..];
    let mut chars: Vec<char> = random.chars().collect();
    if chars[1] != chars[2] {
        chars.swap(1, 2);
        let swapped: String = chars.iter().collect();
        let out = env
            .disclose()
            .args(["show", &format!("DISC-2026-{swapped}")])
            .assert()
            .code(2);
        assert!(
            stderr(&out).contains(&format!("did you mean {id}?")),
            "{}",
            stderr(&out)
        );
    }

    // A part of an ID with a slip in it.
    let part = format!(
        "{}{}",
        &random[..2],
        if &random[2..3] == "Z" { "Y" } else { "Z" }
    );
    let out = env.disclose().args(["show", &part]).assert().code(2);
    let err = stderr(&out);
    assert!(err.contains(&format!("no case matches {part}")), "{err}");
    assert!(err.contains(&id), "{err}");

    // Nothing close: the usual pointer to the list.
    let out = env
        .disclose()
        .args(["show", "DISC-2019-00000"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(!err.contains("did you mean"), "{err}");
    assert!(err.contains("disclose status --all"), "{err}");
}

#[test]
fn a_release_name_one_character_off_gets_a_did_you_mean() {
    let env = TestEnv::new();
    env.disclose()
        .args([
            "init",
            "--release",
            "1.4=>=1.4.0, <1.5.0",
            "--release",
            "2.x=>=2.0.0",
        ])
        .assert()
        .success();
    let id = env.open("x", &[]);
    let before = env.snapshot_bytes();
    let out = env
        .disclose()
        .args(["fix", &id, "--release", "1.5", "--commit", &"a".repeat(40)])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("unknown release \"1.5\""), "{err}");
    assert!(err.contains("hint: did you mean 1.4?"), "{err}");
    let out = env
        .disclose()
        .args(["release", &id, "2.X", "eol", "--reason", "old"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("did you mean 2.x?"),
        "{}",
        stderr(&out)
    );
    let out = env
        .disclose()
        .args(["policy", "release", "remove", "14"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("did you mean 1.4?"),
        "{}",
        stderr(&out)
    );
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_template_with_an_unknown_placeholder_is_bad_input() {
    let env = TestEnv::init();
    let id = env.open("x", &["--reporter-email", "r@example.org"]);
    std::fs::create_dir_all(env.store.join("templates")).unwrap();
    std::fs::write(env.store.join("templates/update.txt"), "Hi {reporter}\n").unwrap();
    let out = env
        .disclose()
        .args(["contact", &id, "--draft", "update"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("templates/update.txt"), "{err}");
    assert!(err.contains("did you mean {reporter_name}?"), "{err}");
    std::fs::write(env.store.join("templates/update.txt"), "Hi {titel}\n").unwrap();
    let out = env
        .disclose()
        .args(["contact", &id, "--draft", "update"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("did you mean {title}?"),
        "{}",
        stderr(&out)
    );
}
