use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};

const TRAVERSAL: &str = "DISC-2026-P6AV1";
const XSS: &str = "DISC-2026-B9SC6";

#[test]
fn status_on_a_store_that_does_not_exist_says_how_to_start() {
    let env = TestEnv::new();
    env.disclose()
        .arg("status")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("No case store at"))
        .stderr(predicate::str::contains("disclose open"));
    assert!(!env.store.exists(), "a read command creates nothing");
}

#[test]
fn status_lists_open_cases_most_urgent_first() {
    let env = TestEnv::with_store("two-open-cases");
    let out = env
        .disclose_at("2026-03-03T11:00:00Z")
        .arg("status")
        .assert()
        .success();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with(TRAVERSAL), "{text}");
    assert!(lines[0].contains("1h overdue"), "{text}");
    assert!(lines[1].starts_with(XSS), "{text}");
    assert!(lines[1].contains("update in 5d 1h"), "{text}");
}

#[test]
fn status_json_has_clocks_and_sorts_by_urgency() {
    let env = TestEnv::with_store("two-open-cases");
    let out = env
        .disclose_at("2026-03-03T11:00:00Z")
        .args(["status", "--json"])
        .assert()
        .success();
    let cases: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0]["id"], TRAVERSAL);
    assert_eq!(cases[0]["clocks"]["acknowledgement"]["overdue"], true);
    assert_eq!(cases[0]["clocks"]["acknowledgement"]["minutes_left"], -60);
    assert_eq!(cases[1]["id"], XSS);
    assert_eq!(cases[1]["clocks"]["next"]["kind"], "reporter-update");
}

#[test]
fn status_hides_closed_cases_unless_all() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let out = env.disclose().args(["status", "--json"]).assert().success();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()[0]["id"],
        id.as_str()
    );
    // Close it by hand-editing the state, as a later command would.
    let path = env.store.join("cases").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"state\": \"new\"", "\"state\": \"withdrawn\"");
    std::fs::write(&path, text).unwrap();
    let out = env.disclose().args(["status", "--json"]).assert().success();
    assert_eq!(stdout(&out).trim(), "[]");
    let out = env
        .disclose()
        .args(["status", "--json", "--all"])
        .assert()
        .success();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()[0]["id"],
        id.as_str()
    );
}

#[test]
fn status_lists_readable_cases_when_one_file_is_broken() {
    let env = TestEnv::with_store("broken-case-file");
    let out = env.disclose().arg("status").assert().code(3);
    assert!(stdout(&out).contains(TRAVERSAL), "{}", stdout(&out));
    let err = stderr(&out);
    let broken = env.store.join("cases").join(format!("{XSS}.json"));
    assert!(
        err.contains(&format!("error: {}:", broken.display())),
        "{err}"
    );
    // The JSON error names its line and column.
    assert!(
        err.contains("line")
            || err
                .split(':')
                .nth(2)
                .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{err}"
    );
}

#[test]
fn show_of_a_broken_file_names_it_with_line_and_column() {
    let env = TestEnv::with_store("broken-case-file");
    let out = env.disclose().args(["show", XSS]).assert().code(3);
    let err = stderr(&out);
    let broken = env.store.join("cases").join(format!("{XSS}.json"));
    let prefix = format!("error: {}:", broken.display());
    assert!(err.starts_with(&prefix), "{err}");
    let rest = &err[prefix.len()..];
    let mut parts = rest.split(':');
    assert!(
        parts.next().unwrap().parse::<u32>().is_ok(),
        "line in {err}"
    );
    assert!(
        parts.next().unwrap().parse::<u32>().is_ok(),
        "column in {err}"
    );
}

/// Sets a case file's mtime an hour back, so the summary cache trusts it
/// (files written in the last second are never cached).
fn age(env: &TestEnv, id: &str) {
    let path = env.store.join("cases").join(format!("{id}.json"));
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_times(std::fs::FileTimes::new().set_modified(hour_ago))
        .unwrap();
}

fn cached_ids(env: &TestEnv) -> String {
    std::fs::read_to_string(env.store.join(".git/disclose/summaries")).unwrap_or_default()
}

fn status_json(env: &TestEnv) -> Vec<serde_json::Value> {
    let out = env
        .disclose()
        .args(["status", "--json", "--all"])
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn field<'a>(cases: &'a [serde_json::Value], id: &str, key: &str) -> &'a serde_json::Value {
    &cases.iter().find(|c| c["id"] == id).unwrap()[key]
}

#[test]
fn status_json_prints_the_projection_without_events() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let cases = status_json(&env);
    let mut expected = env.case(&id);
    expected.as_object_mut().unwrap().remove("events");
    let mut printed = cases[0].clone();
    assert!(printed.as_object_mut().unwrap().remove("clocks").is_some());
    assert_eq!(printed, expected);
}

#[test]
fn a_hand_edit_that_keeps_size_and_mtime_shows_up_in_the_next_status() {
    let env = TestEnv::init();
    let id = env.open("Path traversal", &[]);
    age(&env, &id);
    assert_eq!(field(&status_json(&env), &id, "title"), "Path traversal");
    assert!(cached_ids(&env).contains(&id), "the case is cached");

    // Same length, same mtime: only the inode's ctime tells.
    let path = env.store.join("cases").join(format!("{id}.json"));
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "\"title\": \"Path traversal\"",
        "\"title\": \"Path traversai\"",
    );
    std::fs::write(&path, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_times(std::fs::FileTimes::new().set_modified(mtime))
        .unwrap();
    assert_eq!(field(&status_json(&env), &id, "title"), "Path traversai");
}

#[test]
fn an_external_git_commit_and_a_reset_show_up_in_the_next_status() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    age(&env, &id);
    assert_eq!(field(&status_json(&env), &id, "state"), "acknowledged");
    assert!(cached_ids(&env).contains(&id));

    // A reset to before the acknowledgement rewrites the file.
    let repo = git2::Repository::open(&env.store).unwrap();
    let before_ack = repo.revparse_single("HEAD~1").unwrap();
    repo.reset(&before_ack, git2::ResetType::Hard, None)
        .unwrap();
    assert_eq!(field(&status_json(&env), &id, "state"), "new");

    // A change committed with git, not disclose: a case withdrawn by hand
    // and a new case file added.
    age(&env, &id);
    status_json(&env);
    let cases = env.store.join("cases");
    let path = cases.join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"state\": \"new\"", "\"state\": \"withdrawn\"");
    std::fs::write(&path, text).unwrap();
    let other = "DISC-2026-ZZZZZ";
    let copy = std::fs::read_to_string(&path)
        .unwrap()
        .replace(&id, other)
        .replace("\"state\": \"withdrawn\"", "\"state\": \"new\"");
    std::fs::write(cases.join(format!("{other}.json")), copy).unwrap();
    let mut index = repo.index().unwrap();
    index
        .add_all(["cases"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::now("Someone", "someone@example.org").unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    repo.commit(Some("HEAD"), &sig, &sig, "by hand", &tree, &[&head])
        .unwrap();
    let cases = status_json(&env);
    assert_eq!(field(&cases, &id, "state"), "withdrawn");
    assert_eq!(field(&cases, other, "state"), "new");

    // A case file removed is gone from the next status.
    std::fs::remove_file(env.store.join("cases").join(format!("{other}.json"))).unwrap();
    let cases = status_json(&env);
    assert!(cases.iter().all(|c| c["id"] != other));
}

#[test]
fn a_damaged_cache_is_rebuilt_from_the_case_files() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    age(&env, &id);
    status_json(&env);
    let dir = env.store.join(".git/disclose");
    let summaries = dir.join("summaries");
    assert!(cached_ids(&env).contains(&id));

    // Bodies that do not match their entries are not printed.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("bodies-")
        {
            let len = std::fs::metadata(&path).unwrap().len() as usize;
            std::fs::write(&path, "x".repeat(len)).unwrap();
        }
    }
    assert_eq!(field(&status_json(&env), &id, "title"), "x");

    std::fs::write(&summaries, "garbage\n").unwrap();
    assert_eq!(field(&status_json(&env), &id, "title"), "x");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(field(&status_json(&env), &id, "title"), "x");
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(
        repo.statuses(None).unwrap().is_empty(),
        "the cache is invisible to git"
    );
}

#[cfg(unix)]
#[test]
fn the_summary_cache_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    age(&env, &id);
    status_json(&env);
    let dir = env.store.join(".git/disclose");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("bodies-") || name == "summaries" {
            assert_eq!(mode(&path), 0o600, "{name}");
        }
    }
}

#[test]
fn a_long_title_stays_whole_on_one_line_in_a_pipe() {
    let env = TestEnv::init();
    let long = "Heap overflow in the streaming decompressor when a crafted archive \
                declares a window larger than the configured limit and the caller \
                reuses the decoder across requests";
    let ids = [
        env.open(long, &[]),
        env.open("Short one", &[]),
        env.open("Another report with a somewhat longer title than most", &[]),
    ];
    let out = env.disclose().arg("status").assert().success();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), ids.len(), "{text}");
    for id in &ids {
        assert_eq!(
            text.lines().filter(|l| l.starts_with(id.as_str())).count(),
            1,
            "{id} in\n{text}"
        );
    }
    assert!(text.contains(&format!("\t{long}\t")), "{text}");
}
