//! Runs every `$ disclose ...` (and `$ mkdir ...`) line of README.md's
//! `console` blocks, in order, in one temporary store, so the README cannot
//! rot. `K7Q` and `DISC-2026-K7Q3M` stand for the case opened last. A command
//! whose shown output contains an `error:` line must fail; every other one
//! must succeed.

use std::path::Path;

use crate::common::TestEnv;

struct Step {
    line: usize,
    command: String,
    expect_failure: bool,
}

fn console_steps(readme: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    let mut lines = readme.lines().enumerate().peekable();
    while let Some((n, line)) = lines.next() {
        if line.starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            let mut command = command.to_owned();
            while command.ends_with('\\') {
                command.pop();
                match lines.next() {
                    Some((_, next)) => command.push_str(next),
                    None => break,
                }
            }
            steps.push(Step {
                line: n + 1,
                command,
                expect_failure: false,
            });
        } else if line.starts_with("error:")
            && let Some(last) = steps.last_mut()
        {
            last.expect_failure = true;
        }
    }
    steps
}

/// The program a command line runs, after any `VAR=value` assignments.
fn program(command: &str) -> &str {
    command
        .split_whitespace()
        .find(|word| !word.contains('='))
        .unwrap_or_default()
}

/// Replaces the README's example ID (and its `K7Q` short form) with `id`.
fn with_id(command: &str, id: &str) -> String {
    let full = command.replace("DISC-2026-K7Q3M", id);
    let mut out = String::new();
    let mut rest = full.as_str();
    while let Some(at) = rest.find("K7Q") {
        let before = rest[..at].chars().next_back();
        let after = rest[at + 3..].chars().next();
        let alone = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
        out.push_str(&rest[..at]);
        out.push_str(if alone(before) && alone(after) {
            id
        } else {
            "K7Q"
        });
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

fn first_id(stdout: &str) -> Option<String> {
    stdout
        .lines()
        .map(str::trim)
        .find(|l| l.parse::<disclose::model::id::CaseId>().is_ok())
        .map(str::to_owned)
}

#[test]
fn every_command_in_the_readme_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let steps = console_steps(&readme);
    assert!(steps.len() > 30, "found only {} commands", steps.len());

    let env = TestEnv::new();
    let emails = root.join("tests/fixtures/emails");
    for (fixture, name) in [
        ("plain.eml", "report.eml"),
        ("quoted-printable.eml", "reply.eml"),
        ("thread.mbox", "security-inbox.mbox"),
    ] {
        std::fs::copy(emails.join(fixture), env.root.join(name)).unwrap();
    }

    let records = root.join("tests/fixtures/import");
    for (fixture, name) in [
        ("osv-GHSA-9wv6-86v2-598j.json", "GHSA-9wv6-86v2-598j.json"),
        ("cve-CVE-2024-45296.json", "CVE-2024-45296.json"),
        ("invalid/range-fixed-and-last-affected.json", "broken.json"),
    ] {
        std::fs::copy(records.join(fixture), env.root.join(name)).unwrap();
    }

    let mut id = String::from("DISC-2026-K7Q3M");
    let mut ran = 0;
    for step in steps {
        let prog = program(&step.command);
        assert!(
            matches!(prog, "disclose" | "mkdir"),
            "README.md:{}: `{}` runs {prog:?}; console blocks hold disclose commands only \
             (use a `sh` or `text` block for others)",
            step.line,
            step.command
        );
        let command = with_id(&step.command, &id);
        let out = env
            .program("bash")
            .args(["-c", &command])
            .current_dir(&env.root)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.success(),
            !step.expect_failure,
            "README.md:{}: `{command}` {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            step.line,
            if step.expect_failure {
                "should fail (its output shows error:)"
            } else {
                "failed"
            },
        );
        if command.contains("disclose open")
            && let Some(new) = first_id(&stdout)
        {
            id = new;
        }
        ran += 1;
    }
    assert!(ran > 30);
}
