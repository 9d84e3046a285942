//! The README's install lines, run as written against a local clone of
//! this repository, and `disclose man --install` putting the pages where
//! `man` looks. Covers issue #18.
//!
//! The installs build in debug mode (`--debug` appended), and everything
//! they need is kept between runs under `target/install-check` (the clone,
//! cargo's home with the registry the test build downloaded, the target
//! directory), so a run after the first compiles at most this crate. The
//! first run builds every dependency once more (a few minutes on two
//! cores), so the test runs in CI (`CI` set) or when asked for with
//! `DISCLOSE_INSTALL_TEST=1`, and says it skipped otherwise.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::TestEnv;

/// Every `cargo install` line in the README's code blocks (shell lines and
/// the CI examples' YAML steps), without the YAML around it.
fn install_lines(readme: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (n, line) in readme.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        let command = line
            .trim()
            .trim_start_matches("- run:")
            .trim_start_matches("- ")
            .trim();
        if command.starts_with("cargo install") {
            let command = command.split(" #").next().unwrap_or(command).trim();
            out.push((n + 1, command.to_owned()));
        }
    }
    out
}

/// The target directory this test binary was built in.
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    let exe = std::env::current_exe().unwrap();
    // target/debug/deps/cli-<hash>
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"))
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_readme_install_lines_work_from_a_local_clone() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(manifest.join("README.md")).unwrap();
    let lines = install_lines(&readme);
    assert!(
        lines.iter().any(|(_, l)| l.contains("--path"))
            && lines.iter().filter(|(_, l)| l.contains("--git")).count() >= 3,
        "the README should install from a path and, in the CI examples, from git: {lines:?}"
    );
    if std::env::var_os("CI").is_none() && std::env::var_os("DISCLOSE_INSTALL_TEST").is_none() {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "skipped: the install test runs in CI or with DISCLOSE_INSTALL_TEST=1"
        );
        return;
    }
    let env = TestEnv::new();
    let is_repo = Command::new("git")
        .args(["-C", manifest.to_str().unwrap(), "rev-parse", "--git-dir"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !is_repo {
        crate::common::skip("a git checkout of the project");
        return;
    }
    let keep = target_dir().join("install-check");
    std::fs::create_dir_all(&keep).unwrap();
    // One run at a time uses the kept directory.
    let lock = std::fs::File::create(keep.join("lock")).unwrap();
    lock.lock().unwrap();

    // A clone of the committed project, as a CI job or a new user would
    // fetch it; brought up to date in place, so unchanged files keep their
    // times and cargo its build.
    let clone = keep.join("disclose-src");
    if clone.join(".git").is_dir() {
        run(
            env.program("git")
                .arg("-C")
                .arg(&clone)
                .args(["fetch", "-q"])
                .arg(manifest)
                .arg("HEAD"),
            "git fetch",
        );
        run(
            env.program("git")
                .arg("-C")
                .arg(&clone)
                .args(["reset", "-q", "--hard", "FETCH_HEAD"]),
            "git reset",
        );
        run(
            env.program("git")
                .arg("-C")
                .arg(&clone)
                .args(["clean", "-q", "-fdx"]),
            "git clean",
        );
    } else {
        let _ = std::fs::remove_dir_all(&clone);
        run(
            env.program("git")
                .args(["clone", "-q", "--no-hardlinks"])
                .arg(manifest)
                .arg(&clone),
            "git clone",
        );
    }
    // Cargo's own home, sharing the registry (already downloaded) but
    // keeping git checkouts out of the user's.
    let home = keep.join("cargo-home");
    std::fs::create_dir_all(&home).unwrap();
    if std::fs::symlink_metadata(home.join("registry")).is_err() {
        std::os::unix::fs::symlink(cargo_home().join("registry"), home.join("registry")).unwrap();
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let cargo_dir = Path::new(&cargo).parent().map(Path::to_path_buf);

    let mut seen = Vec::new();
    for (n, line) in &lines {
        if seen.contains(line) {
            continue;
        }
        seen.push(line.clone());
        let root = env.root.join(format!("root-{n}"));
        let mut path = cargo_dir.iter().cloned().collect::<Vec<_>>();
        path.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(format!("{line} --debug --quiet"))
            .current_dir(&clone)
            .env("PATH", std::env::join_paths(path).unwrap())
            .env("DISCLOSE_GIT", format!("file://{}", clone.display()))
            .env("CARGO_HOME", &home)
            .env("CARGO_INSTALL_ROOT", &root)
            .env("CARGO_TARGET_DIR", keep.join("target"))
            .env_remove("RUSTFLAGS");
        run(&mut cmd, &format!("README.md:{n}: `{line}`"));
        let bin = root.join("bin/disclose");
        let version = run(Command::new(&bin).arg("--version"), "disclose --version");
        assert!(version.starts_with("disclose "), "{version}");

        // The man pages go beside the binary, where man looks.
        let path_with_bin = std::env::join_paths(std::iter::once(root.join("bin")).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        run(
            env.program(&bin)
                .args(["man", "--install"])
                .env("PATH", &path_with_bin),
            "disclose man --install",
        );
        assert!(root.join("share/man/man1/disclose-status.1").is_file());
        man_finds_the_page(&env, &path_with_bin, &root);
    }
}

/// `man -w disclose` finds the page under `root`, with no MANPATH.
fn man_finds_the_page(env: &TestEnv, path: &std::ffi::OsStr, root: &Path) {
    if env.program("man").arg("--version").output().is_err() {
        crate::common::skip("man");
        return;
    }
    let found = run(
        env.program("man")
            .args(["-w", "disclose"])
            .env("PATH", path)
            .env_remove("MANPATH"),
        "man -w disclose",
    );
    assert_eq!(
        found.trim(),
        root.join("share/man/man1/disclose.1").display().to_string()
    );
}

#[test]
fn man_install_puts_the_pages_where_man_looks() {
    let env = TestEnv::new();
    let prefix = env.root.join("prefix");
    std::fs::create_dir_all(prefix.join("bin")).unwrap();
    let built = Path::new(assert_cmd::cargo::cargo_bin!("disclose"));
    let bin = prefix.join("bin/disclose");
    if std::fs::hard_link(built, &bin).is_err() {
        std::fs::copy(built, &bin).unwrap();
    }
    let path = std::env::join_paths(std::iter::once(prefix.join("bin")).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = env
        .program(&bin)
        .args(["man", "--install"])
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`man disclose` finds them"), "{err}");
    assert!(prefix.join("share/man/man1/disclose.1").is_file());
    man_finds_the_page(&env, &path, &prefix);

    // Not on PATH, or a MANPATH that leaves it out: written, with a warning.
    let out = env
        .program(&bin)
        .args(["man", "--install"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not on PATH"));
    let out = env
        .program(&bin)
        .args(["man", "--install"])
        .env("PATH", &path)
        .env("MANPATH", "/usr/share/man")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("MANPATH is set"));
    // A binary outside a bin directory has nowhere man looks.
    env.disclose().args(["man", "--install"]).assert().code(2);
}
