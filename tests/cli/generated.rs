//! Fails when `completions/` or `man/` no longer match the clap definitions.
//! Fix: `DISCLOSE_BLESS=1 cargo test --test cli generated`, then commit the files.
//! Also: the man pages render without warnings, and bash completes case IDs.

use std::path::{Path, PathBuf};

use crate::common::{TestEnv, stdout};

const REGENERATE: &str = "DISCLOSE_BLESS=1 cargo test --test cli generated";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("DISCLOSE_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn generated_files_are_fresh() {
    if bless() {
        disclose::docs::write_all(&cli(), root()).unwrap();
        return;
    }
    let files = disclose::docs::generated_files(&cli());
    let mut stale = Vec::new();
    for (rel, text) in &files {
        match std::fs::read(root().join(rel)) {
            Ok(bytes) if bytes == text.as_bytes() => {}
            Ok(_) => stale.push(format!(
                "{} differs from what the code generates",
                rel.display()
            )),
            Err(_) => stale.push(format!("{} is missing", rel.display())),
        }
    }
    for dir in ["completions", "man"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for entry in entries {
            let rel = Path::new(dir).join(entry.unwrap().file_name());
            if !files.iter().any(|(p, _)| *p == rel) {
                stale.push(format!("{} is no longer generated", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the checked-in completions/ and man/ are stale:\n  {}\nregenerate them with `{REGENERATE}` and commit the result",
        stale.join("\n  ")
    );
}

#[test]
fn commands_print_what_is_checked_in_and_never_touch_the_store() {
    let env = TestEnv::new();
    for (shell, file) in [
        ("bash", "disclose.bash"),
        ("zsh", "_disclose"),
        ("fish", "disclose.fish"),
        ("powershell", "_disclose.ps1"),
        ("elvish", "disclose.elv"),
    ] {
        let out = env
            .disclose()
            .args(["completions", shell])
            .assert()
            .success();
        let expected = disclose::docs::completion(&cli(), shell.parse().unwrap());
        assert_eq!(stdout(&out), expected, "{shell}");
        assert!(
            disclose::docs::generated_files(&cli())
                .iter()
                .any(|(p, _)| *p == Path::new("completions").join(file)),
            "{file}"
        );
    }
    let out = env.disclose().arg("man").assert().success();
    assert!(stdout(&out).starts_with(".ie"), "roff expected");
    assert!(stdout(&out).contains(".SH \"EXIT STATUS\""));
    let dir = env.root.join("pages");
    env.disclose()
        .args(["man", "--out"])
        .arg(&dir)
        .assert()
        .success();
    let mut written: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| Path::new("man").join(e.unwrap().file_name()))
        .collect();
    written.sort();
    let mut expected: Vec<PathBuf> = disclose::docs::generated_files(&cli())
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.starts_with("man"))
        .collect();
    expected.sort();
    assert_eq!(written, expected);
    assert!(expected.contains(&PathBuf::from("man/disclose-open.1")));
    assert!(
        !env.store.exists(),
        "completions and man must not create a store"
    );
    env.disclose()
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn top_man_page_has_the_extra_sections() {
    let (name, page) = disclose::docs::man_pages(&cli()).remove(0);
    assert_eq!(name, "disclose.1");
    for section in [
        ".SH WORKFLOW",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    for variable in [
        "DISCLOSE_DIR",
        "DISCLOSE_NOW",
        "DISCLOSE_AUTHOR_NAME",
        "DISCLOSE_AUTHOR_EMAIL",
        "NO_COLOR",
    ] {
        assert!(page.contains(variable), "{variable} missing");
    }
}

#[test]
fn man_pages_render_without_warnings() {
    let env = TestEnv::new();
    let probe = env.program("man").arg("--version").output();
    if !probe.is_ok_and(|o| o.status.success()) {
        crate::common::skip("man");
        return;
    }
    for (name, _) in disclose::docs::man_pages(&cli()) {
        let path = root().join("man").join(&name);
        let out = env
            .program("man")
            .args(["--warnings", "-l"])
            .arg(&path)
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && warnings.is_empty(),
            "man --warnings -l man/{name}:\n{warnings}"
        );
        assert!(!out.stdout.is_empty(), "man/{name} rendered empty");
    }
}

/// Completes `words` (the last one being completed) with the checked-in bash
/// script and returns COMPREPLY.
fn bash_complete(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let script = root().join("completions/disclose.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        r#"source '{}'
fn=$(complete -p disclose | sed -E 's/.* -F ([^ ]+) .*/\1/')
COMP_WORDS=({})
COMP_CWORD={cword}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
"$fn" disclose "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        script.display(),
        quoted.join(" "),
    );
    let out = env
        .program("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "bash failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_case_ids_from_the_store() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        crate::common::skip("bash");
        return;
    }
    let env = TestEnv::with_store("two-open-cases");
    let ids = env.case_ids();
    assert_eq!(ids.len(), 2);
    assert_eq!(bash_complete(&env, &["disclose", "ack", ""]), ids);
    let random = &ids[0]["DISC-2026-".len()..];
    assert_eq!(
        bash_complete(&env, &["disclose", "show", &random[..2]]),
        [ids[0].clone()],
        "a unique part of the random suffix completes to the full ID"
    );
    // Not an ID position: subcommands and options come from clap_complete.
    assert!(bash_complete(&env, &["disclose", "ac"]).contains(&"ack".to_owned()));
    assert!(
        bash_complete(&env, &["disclose", "ack", ids[0].as_str(), ""])
            .iter()
            .all(|w| !w.starts_with("DISC-"))
    );
    env.disclose()
        .args(["__complete-ids", "disc-2026-"])
        .assert()
        .success()
        .stdout(format!("{}\n{}\n", ids[0], ids[1]));
    // With no store there is nothing to offer, and no error either.
    let empty = TestEnv::new();
    assert_eq!(
        bash_complete(&empty, &["disclose", "ack", ""]),
        Vec::<String>::new()
    );
}

#[test]
fn bash_completes_release_names_where_a_release_goes() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        crate::common::skip("bash");
        return;
    }
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
    let releases = ["1.4".to_owned(), "2.x".to_owned()];
    assert_eq!(
        bash_complete(&env, &["disclose", "fix", &id, "--release", ""]),
        releases
    );
    assert_eq!(
        bash_complete(&env, &["disclose", "fix", "--release", "2"]),
        ["2.x"]
    );
    assert_eq!(
        bash_complete(&env, &["disclose", "release", &id, ""]),
        releases,
        "the name goes after the ID"
    );
    assert_eq!(
        bash_complete(&env, &["disclose", "policy", "release", "remove", ""]),
        releases
    );
    // The decision comes after the name, from clap's own list.
    let decisions = bash_complete(&env, &["disclose", "release", &id, "1.4", ""]);
    assert!(decisions.contains(&"wont-fix".to_owned()), "{decisions:?}");
    assert!(!decisions.contains(&"1.4".to_owned()), "{decisions:?}");
    // `init --release` takes NAME=REQ: nothing from the store there.
    assert!(
        !bash_complete(&env, &["disclose", "init", "--release", ""]).contains(&"1.4".to_owned())
    );
    env.disclose()
        .args(["__complete-releases", "1"])
        .assert()
        .success()
        .stdout("1.4\n");
}

#[test]
fn fish_and_zsh_scripts_complete_release_names() {
    let fish = std::fs::read_to_string(root().join("completions/disclose.fish")).unwrap();
    for line in [
        "complete -c disclose -n \"__fish_disclose_at_positional 1 release\" -f -a \"(__fish_disclose_releases)\"",
        "complete -c disclose -n \"__fish_disclose_using_subcommand fix\" -l release -f -r -a \"(__fish_disclose_releases)\"",
    ] {
        assert!(fish.contains(line), "{line} missing");
    }
    let zsh = std::fs::read_to_string(root().join("completions/_disclose")).unwrap();
    assert_eq!(zsh.matches(":_disclose_releases'").count(), 3, "{zsh}");
    assert!(!zsh.contains("NAME=REQ:_disclose_releases"));
}

#[test]
fn zsh_helper_lists_case_ids_from_the_store() {
    let env = TestEnv::with_store("two-open-cases");
    if env
        .program("zsh")
        .args(["-f", "-c", "true"])
        .output()
        .is_err()
    {
        crate::common::skip("zsh");
        return;
    }
    // compadd only exists inside a completion widget; a stand-in prints what it is given.
    let program = format!(
        r#"compdef() {{ : }}
source '{}'
compadd() {{ local n=${{@[-1]}}; print -l -- ${{(P)n}} }}
words=(disclose ack '')
CURRENT=3
PREFIX=''
_disclose_case_ids
"#,
        root().join("completions/_disclose").display()
    );
    let out = env
        .program("zsh")
        .args(["-f", "-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, env.case_ids());
}

fn cli() -> clap::Command {
    <disclose::cli::Cli as clap::CommandFactory>::command()
}
