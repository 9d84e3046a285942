//! The CLI surface as text: every subcommand's `--help` is snapshotted in
//! `tests/cli/snapshots/help.txt` (bless with `DISCLOSE_BLESS=1 cargo test
//! --test cli help`), and every subcommand must explain itself and show an example.

use std::path::Path;

use clap::CommandFactory as _;
use predicates::prelude::*;

use crate::common::{TestEnv, stdout};

/// Every visible subcommand path, parents first: `["ack"]`, `["policy", "set"]`, ...
fn subcommand_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            path.push(sub.get_name().to_owned());
            out.push(path.clone());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&disclose::cli::Cli::command(), &mut Vec::new(), &mut out);
    out
}

#[test]
fn help_of_every_command_matches_the_snapshot() {
    let env = TestEnv::new();
    let mut text = String::new();
    let mut paths = vec![Vec::new()];
    paths.extend(subcommand_paths());
    for path in paths {
        let out = env
            .disclose()
            .args(&path)
            .args(["--help", "--color", "never"])
            .env("NO_COLOR", "1")
            .assert()
            .success();
        let title = std::iter::once("disclose")
            .chain(path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        text.push_str(&format!("===== {title} --help =====\n{}\n", stdout(&out)));
    }
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/snapshots/help.txt");
    if std::env::var_os("DISCLOSE_BLESS").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(&snapshot, &text).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if old != text {
        let first = old
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| old.lines().count().min(text.lines().count()));
        panic!(
            "--help output changed (first difference at line {}: {:?}); review it, then run \
             `DISCLOSE_BLESS=1 cargo test --test cli help` and commit tests/cli/snapshots/help.txt \
             (`DISCLOSE_BLESS=1 cargo test --test cli -- generated help` also regenerates completions/ and man/)",
            first + 1,
            text.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn every_command_has_an_explanation_and_an_example() {
    let mut cmd = disclose::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    for path in subcommand_paths() {
        let sub = path
            .iter()
            .fold(&cmd, |c, name| c.find_subcommand(name).unwrap());
        let name = path.join(" ");
        if sub.get_about().is_none() {
            missing.push(format!("disclose {name}: no one-line summary"));
        }
        if sub.get_long_about().is_none() {
            missing.push(format!(
                "disclose {name}: no explanation (a doc paragraph after the summary)"
            ));
        }
        let example = sub
            .get_after_help()
            .or(sub.get_after_long_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        if !example.contains(&format!("disclose {}", path[0])) {
            missing.push(format!("disclose {name}: no example in after_help"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_mistyped_command_gets_a_suggestion() {
    let env = TestEnv::new();
    env.disclose().arg("stauts").assert().code(2).stderr(
        predicate::str::contains("similar subcommand").and(predicate::str::contains("status")),
    );
}
