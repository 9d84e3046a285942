//! `disclose init --remote`, `remote`, `clone` and `sync`: a team of two
//! clones of one bare repository on a local path.

use disclose::model::case::{Case, EventKind, NewCase};
use disclose::model::policy::Slas;

use crate::common::{Team, TestEnv, git_as_other, git_in, stderr, stdout};

#[test]
fn init_with_a_remote_records_it_and_sync_pushes_the_store() {
    let env = TestEnv::new();
    let remote = env.bare_remote("remote.git");
    env.disclose()
        .args(["init", "--remote"])
        .arg(&remote)
        .assert()
        .success();
    let out = env.disclose().arg("remote").assert().success();
    assert_eq!(stdout(&out).trim(), remote.to_str().unwrap());
    env.open("x", &[]);
    let out = env.disclose().arg("status").assert().success();
    assert!(
        stderr(&out).contains("2 local changes not pushed"),
        "{}",
        stderr(&out)
    );
    let out = env.sync();
    assert!(
        stderr(&out).contains("Pushed 2 commits"),
        "{}",
        stderr(&out)
    );
    let bare = git2::Repository::open_bare(&remote).unwrap();
    assert_eq!(bare.refname_to_id("refs/heads/main").unwrap(), env.head());
    let out = env.disclose().arg("status").assert().success();
    assert!(!stderr(&out).contains("not pushed"), "{}", stderr(&out));
}

#[test]
fn clone_makes_the_clone_the_default_store_and_says_so() {
    let team = Team::new();
    let config = team.b.home.join(".config/disclose/config.json");
    let config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(config).unwrap()).unwrap();
    assert_eq!(config["store"], team.b.store.to_str().unwrap());
    assert_eq!(team.a.files(), team.b.files());

    let other = TestEnv::new();
    let out = other
        .disclose()
        .arg("--dir")
        .arg(&other.store)
        .args(["clone", team.remote.to_str().unwrap()])
        .assert()
        .success();
    assert!(!stderr(&out).contains("default store"), "{}", stderr(&out));
    assert!(!other.home.join(".config/disclose/config.json").exists());
    assert_eq!(team.a.files(), other.files());
}

#[test]
fn clone_into_a_non_empty_directory_exits_2_and_changes_nothing() {
    let team = Team::new();
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.store).unwrap();
    std::fs::write(env.store.join("keep.txt"), "mine").unwrap();
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["clone", team.remote.to_str().unwrap()])
        .arg(&env.store)
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn concurrent_edits_of_one_case_both_survive_and_the_clones_end_identical() {
    let team = Team::new();
    let id = team.a.open("Path traversal in upload", &[]);
    team.a.sync();
    team.b.sync();
    team.a.disclose().args(["ack", &id]).assert().success();
    team.b.record(
        &id,
        EventKind::NoteAdded {
            text: "reproduced on 1.4.1".into(),
            private: true,
        },
    );
    team.b.record(
        &id,
        EventKind::Paused {
            reason: "waiting on the reporter".into(),
        },
    );
    team.a.sync();
    let out = team.b.sync();
    assert!(
        stderr(&out).contains("changed on both sides"),
        "{}",
        stderr(&out)
    );
    assert_eq!(team.b.head_parents(), 2, "a real merge commit");
    team.a.sync();
    for env in [&team.a, &team.b] {
        let case = env.case(&id);
        assert_eq!(case["state"], "acknowledged");
        assert_eq!(case["notes"][0]["text"], "reproduced on 1.4.1");
        assert_eq!(case["paused"]["reason"], "waiting on the reporter");
        assert_eq!(case["events"].as_array().unwrap().len(), 4);
    }
    assert_eq!(team.a.files(), team.b.files());
    assert_eq!(team.a.head(), team.b.head());
    let merge = &team.a.commits()[0].0;
    assert!(merge.starts_with("sync: merge origin/main"), "{merge}");
}

#[test]
fn concurrent_opens_on_both_sides_both_arrive() {
    let team = Team::new();
    let x = team.a.open("from a", &[]);
    let y = team.b.open("from b", &[]);
    team.converge();
    assert_eq!(team.a.case_ids(), {
        let mut ids = vec![x, y];
        ids.sort();
        ids
    });
}

#[test]
fn a_field_set_on_both_sides_is_reported() {
    let team = Team::new();
    let id = team.a.open("x", &[]);
    team.converge();
    team.a.record(
        &id,
        EventKind::EmbargoAgreed {
            until: Some("2026-04-01T00:00:00Z".parse().unwrap()),
            offset: None,
        },
    );
    team.b.record(
        &id,
        EventKind::EmbargoAgreed {
            until: Some("2026-05-01T00:00:00Z".parse().unwrap()),
            offset: Some("+02:00".into()),
        },
    );
    team.a.sync();
    let out = team.b.sync();
    let err = stderr(&out);
    assert!(err.contains("embargo_until"), "{err}");
    assert!(
        err.contains("2026-04-01") && err.contains("2026-05-01"),
        "{err}"
    );
    team.converge();
}

#[test]
fn an_id_collision_renumbers_the_local_case_and_keeps_the_old_id_as_alias() {
    let team = Team::new();
    let id = team.a.open("pushed first", &[]);
    team.a.sync();
    // b made a different case under the same ID before fetching a's.
    let local = Case::open(
        id.parse().unwrap(),
        NewCase {
            title: "made here".into(),
            ..NewCase::default()
        },
        Slas::default(),
        team.b.now(),
        "Test Maintainer <maintainer@example.org>",
    );
    team.b.write_case(&local);
    let out = team.b.sync();
    let err = stderr(&out);
    assert!(err.contains(&id) && err.contains("alias"), "{err}");
    let ids = team.b.case_ids();
    assert_eq!(ids.len(), 2);
    let new = ids.iter().find(|i| **i != id).unwrap();
    assert_eq!(team.b.case(&id)["title"], "pushed first");
    let renumbered = team.b.case(new);
    assert_eq!(renumbered["title"], "made here");
    assert_eq!(renumbered["id"], new.as_str());
    assert_eq!(renumbered["identifiers"]["aliases"][0], id.as_str());
    assert_eq!(renumbered["events"][1]["kind"], "renumbered");
    team.converge();
    assert_eq!(team.a.case(new)["title"], "made here");
    // The file that holds the ID wins; the renumbered case answers to its new one.
    let out = team
        .a
        .disclose()
        .args(["--json", "show", &id])
        .assert()
        .success();
    assert!(stdout(&out).contains("pushed first"));
    team.a.disclose().args(["ack", new]).assert().success();
}

#[test]
fn an_old_id_still_names_a_renumbered_case() {
    let env = TestEnv::init();
    let old: disclose::model::id::CaseId = "DISC-2026-K7Q3M".parse().unwrap();
    let new: disclose::model::id::CaseId = "DISC-2026-W4XYZ".parse().unwrap();
    let mut case = Case::open(
        old.clone(),
        NewCase {
            title: "renumbered".into(),
            ..NewCase::default()
        },
        Slas::default(),
        env.now(),
        "Test Maintainer <maintainer@example.org>",
    );
    case.record(
        EventKind::Renumbered {
            from: old,
            to: new.clone(),
        },
        env.now(),
        "Test Maintainer <maintainer@example.org>",
        None,
    );
    env.write_case(&case);
    env.disclose()
        .args(["ack", "DISC-2026-K7Q3M"])
        .assert()
        .success();
    assert_eq!(env.case(new.as_str())["state"], "acknowledged");
    let out = env
        .disclose()
        .args(["--json", "show", "K7Q"])
        .assert()
        .success();
    assert!(stdout(&out).contains("DISC-2026-W4XYZ"));
}

#[test]
fn a_rejected_push_is_retried() {
    let team = Team::new();
    let x = team.a.open("from a", &[]);
    let y = team.b.open("from b", &[]);
    let store = team.a.open_store();
    let mut raced = false;
    let report = store
        .sync(
            &team.a.identity(),
            team.a.now(),
            disclose::store::SyncOptions::default(),
            &mut |stage| {
                // b pushes between a's merge and a's push, once.
                if !raced {
                    raced = true;
                    assert_eq!(stage, disclose::store::Stage::BeforePush { attempt: 1 });
                    team.b.sync();
                }
            },
        )
        .unwrap();
    assert_eq!(report.retries, 1);
    assert!(report.pushed > 0);
    team.b.sync();
    assert_eq!(team.a.files(), team.b.files());
    assert!(team.b.case_ids().contains(&x) && team.b.case_ids().contains(&y));
}

#[test]
fn a_push_that_keeps_being_rejected_ends_in_a_clear_error() {
    let team = Team::new();
    team.a.open("from a", &[]);
    let store = team.a.open_store();
    let opts = disclose::store::SyncOptions {
        push: true,
        attempts: 2,
    };
    let err = store
        .sync(&team.a.identity(), team.a.now(), opts, &mut |_| {
            team.b.open("from b", &[]);
            team.b.sync();
        })
        .unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(
        err.to_string().contains("rejected the push 2 times"),
        "{err}"
    );
}

fn set_policy(env: &TestEnv, key: &str, value: &str) {
    let path = env.store.join("policy.json");
    let mut policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    policy[key] = value.into();
    let mut bytes = serde_json::to_vec_pretty(&policy).unwrap();
    bytes.push(b'\n');
    env.commit_file("policy.json", &bytes);
}

#[test]
fn policy_changes_to_different_keys_merge() {
    let team = Team::new();
    set_policy(&team.a, "ack_within", "24h");
    set_policy(&team.b, "project", "poet");
    team.converge();
    let policy: serde_json::Value =
        serde_json::from_slice(&std::fs::read(team.a.store.join("policy.json")).unwrap()).unwrap();
    assert_eq!(policy["ack_within"], "24h");
    assert_eq!(policy["project"], "poet");
}

#[test]
fn a_policy_conflict_stops_the_sync_with_both_values_and_nothing_changed() {
    let team = Team::new();
    set_policy(&team.a, "ack_within", "24h");
    team.a.sync();
    set_policy(&team.b, "ack_within", "72h");
    team.b.open("local work", &[]);
    let (files, head) = (team.b.files(), team.b.head());
    let out = team.b.disclose().arg("sync").assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains("ack_within") && err.contains("24h") && err.contains("72h"),
        "{err}"
    );
    assert_eq!(files, team.b.files());
    assert_eq!(head, team.b.head());
}

#[test]
fn sync_with_the_remote_unreachable_keeps_local_work_and_says_what_failed() {
    let team = Team::new();
    // A remote that was there when it was recorded, and moved away since.
    let gone = team.a.bare_remote("moved-away.git");
    team.b
        .disclose()
        .args(["remote", "set"])
        .arg(&gone)
        .assert()
        .success();
    std::fs::remove_dir_all(&gone).unwrap();
    let id = team.b.open("offline work", &[]);
    team.b.disclose().args(["ack", &id]).assert().success();
    let (files, head) = (team.b.files(), team.b.head());
    let out = team.b.disclose().arg("sync").assert().code(3);
    let err = stderr(&out);
    assert!(
        err.contains("could not fetch") && err.contains("moved-away.git: no such directory"),
        "{err}"
    );
    assert!(err.contains("2 local changes not pushed"), "{err}");
    assert_eq!(files, team.b.files());
    assert_eq!(head, team.b.head());
}

#[test]
fn sync_without_a_remote_says_how_to_record_one() {
    let env = TestEnv::init();
    let out = env.disclose().arg("sync").assert().code(2);
    assert!(
        stderr(&out).contains("disclose remote set"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sync_no_push_merges_and_leaves_local_changes_unpushed() {
    let team = Team::new();
    team.a.open("from a", &[]);
    team.a.sync();
    team.b.open("from b", &[]);
    let out = team
        .b
        .disclose()
        .args(["sync", "--no-push"])
        .assert()
        .success();
    assert!(stderr(&out).contains("not pushed"), "{}", stderr(&out));
    assert_eq!(team.b.case_ids().len(), 2);
    let bare = git2::Repository::open_bare(&team.remote).unwrap();
    assert_eq!(
        bare.refname_to_id("refs/heads/main").unwrap(),
        team.a.head()
    );
}

#[test]
fn a_bad_remote_url_exits_2_and_changes_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    for bad in ["", "ftp://example.org/x.git", "has space"] {
        env.disclose().args(["remote", "set", bad]).assert().code(2);
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[derive(Debug, Clone)]
enum Step {
    Open(usize),
    /// Acknowledge the n-th case (if any) the clone has.
    Ack(usize, usize),
    Sync(usize),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        (0..2usize).prop_map(Step::Open),
        ((0..2usize), (0..3usize)).prop_map(|(c, n)| Step::Ack(c, n)),
        (0..2usize).prop_map(Step::Sync),
    ]
}

proptest::proptest! {
    // Each case drives the binary a dozen times: keep the count small.
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4, ..Default::default() })]

    #[test]
    fn two_clones_converge_whatever_the_interleaving(
        steps in proptest::collection::vec(step(), 1..7)
    ) {
        let team = Team::new();
        let clones = [&team.a, &team.b];
        let mut opened = Vec::new();
        for step in &steps {
            match step {
                Step::Open(c) => opened.push(clones[*c].open("report", &[])),
                Step::Ack(c, n) => {
                    let ids = clones[*c].case_ids();
                    if let Some(id) = ids.get(n % ids.len().max(1)) {
                        // Refused when already acknowledged; either way nothing is lost.
                        let _ = clones[*c].disclose().args(["ack", id]).output().unwrap();
                    }
                }
                Step::Sync(c) => {
                    clones[*c].sync();
                }
            }
        }
        team.converge();
        let mut ids = team.a.case_ids();
        ids.sort();
        opened.sort();
        proptest::prop_assert_eq!(ids, opened);
    }
}

#[test]
fn check_warns_when_local_changes_wait_more_than_a_day_to_be_pushed() {
    let env = TestEnv::new();
    let remote = env.bare_remote("remote.git");
    env.disclose()
        .args(["init", "--remote"])
        .arg(&remote)
        .assert()
        .success();
    env.sync();
    let id = env.open("x", &[]);
    env.disclose().args(["ack", &id]).assert().success();
    let findings = |now: &str| {
        let out = env
            .disclose_at(now)
            .args(["check", "--format", "json"])
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(!findings("2026-03-02T12:00:00Z").contains(&"unpushed-commits".to_owned()));
    assert!(findings("2026-03-03T12:00:00Z").contains(&"unpushed-commits".to_owned()));
    env.sync();
    assert!(!findings("2026-03-03T12:01:00Z").contains(&"unpushed-commits".to_owned()));
}

#[cfg(unix)]
#[test]
fn a_clone_of_packed_and_loose_objects_is_a_clean_private_checkout() {
    use std::os::unix::fs::PermissionsExt as _;
    let team = Team::new();
    for n in 0..5 {
        team.a.open(&format!("report {n}"), &[]);
    }
    team.a.sync();
    // Loose objects beside the packs, as a push by plain git leaves them.
    let plain = team.a.root.join("plain");
    let remote = team.remote.to_str().unwrap();
    git_in(&team.a, &team.a.root, &["clone", "-q", remote, "plain"]);
    std::fs::write(plain.join("README.md"), "Our security cases.\n").unwrap();
    git_in(&team.a, &plain, &["add", "README.md"]);
    git_as_other(&team.a, &plain, &["commit", "-q", "-m", "readme"]);
    git_in(&team.a, &plain, &["push", "-q", "origin", "main"]);
    let loose = std::fs::read_dir(team.remote.join("objects"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().len() == 2);
    assert!(loose, "the remote holds loose objects");

    let c = TestEnv::clone_of(remote);
    assert_eq!(c.files(), {
        team.a.sync();
        team.a.files()
    });
    assert_eq!(git_in(&c, &c.store, &["status", "--porcelain"]), "");
    git_in(&c, &c.store, &["fsck", "--strict", "--no-dangling"]);
    let head_tree = git_in(&c, &c.store, &["rev-parse", "HEAD^{tree}"]);
    assert_eq!(git_in(&c, &c.store, &["write-tree"]), head_tree);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&c.store.join("cases")), 0o700);
    assert_eq!(mode(&c.store.join("README.md")), 0o600);
    for id in c.case_ids() {
        assert_eq!(mode(&c.store.join(format!("cases/{id}.json"))), 0o600);
    }
    // The clone works as a member's store.
    let id = c.open("from the clone", &[]);
    c.sync();
    team.a.sync();
    assert!(team.a.case_ids().contains(&id));
}

#[cfg(unix)]
#[test]
fn a_clone_of_a_damaged_pack_is_refused_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let team = Team::new();
    team.a.open("report", &[]);
    team.a.sync();
    let packs = team.remote.join("objects/pack");
    let pack = std::fs::read_dir(&packs)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pack"))
        .expect("the remote holds a pack");
    std::fs::set_permissions(&pack, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut bytes = std::fs::read(&pack).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&pack, bytes).unwrap();

    let env = TestEnv::new();
    let out = env
        .disclose()
        .args(["clone", team.remote.to_str().unwrap()])
        .arg(&env.store)
        .assert()
        .failure();
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
    assert!(!env.store.exists(), "the new directory is removed");
}
