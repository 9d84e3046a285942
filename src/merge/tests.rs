//! Tests of the tree merge, and the convergence property: any interleaving
//! of commands on two clones, synced in any order, ends with the same cases
//! on both and no event lost.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;

use super::*;
use crate::model::case::{EventId, EventKind, NewCase, replay};
use crate::model::policy::Slas;

const BY: &str = "M <m@example.org>";

fn at(minutes: i64) -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse::<DateTime<Utc>>().unwrap() + TimeDelta::minutes(minutes)
}

fn author(minutes: i64) -> Author<'static> {
    Author {
        at: at(minutes),
        by: BY,
    }
}

fn opened(id: &str, title: &str, minutes: i64) -> Case {
    let new = NewCase {
        title: title.into(),
        ..NewCase::default()
    };
    Case::open(id.parse().unwrap(), new, Slas::default(), at(minutes), BY)
}

fn files(entries: &[(&str, &[u8])]) -> Files {
    entries
        .iter()
        .map(|(p, b)| ((*p).to_owned(), b.to_vec()))
        .collect()
}

#[test]
fn a_file_changed_on_one_side_is_taken_from_it() {
    let base = files(&[("templates/ack.txt", b"old"), ("policy.json", b"{}")]);
    let ours = base.clone();
    let theirs = files(&[("templates/ack.txt", b"new"), ("policy.json", b"{}")]);
    let (merged, report) = merge_trees(&base, &ours, &theirs, author(0)).unwrap();
    assert_eq!(merged, theirs);
    assert_eq!(report.from_remote, vec!["templates/ack.txt".to_owned()]);
}

#[test]
fn an_edit_beats_a_deletion() {
    let base = files(&[("templates/ack.txt", b"old")]);
    let ours = files(&[("templates/ack.txt", b"edited")]);
    let theirs = Files::new();
    let (merged, _) = merge_trees(&base, &ours, &theirs, author(0)).unwrap();
    assert_eq!(merged, ours);
}

#[test]
fn another_file_changed_differently_on_both_sides_stops_the_merge() {
    let base = files(&[("templates/ack.txt", b"old")]);
    let ours = files(&[("templates/ack.txt", b"mine")]);
    let theirs = files(&[("templates/ack.txt", b"yours")]);
    let err = merge_trees(&base, &ours, &theirs, author(0)).unwrap_err();
    assert_eq!(err, MergeError::File("templates/ack.txt".into()));
}

#[test]
fn a_broken_case_file_stops_the_merge_naming_it() {
    let path = "cases/DISC-2026-K7Q3M.json";
    let good = to_json_bytes(&opened("DISC-2026-K7Q3M", "t", 0));
    let base = files(&[(path, &good)]);
    let ours = files(&[(path, b"{ broken")]);
    let mut theirs_case = opened("DISC-2026-K7Q3M", "t", 0);
    theirs_case.record(EventKind::Confirmed, at(1), BY, None);
    let theirs = files(&[(path, &to_json_bytes(&theirs_case))]);
    let err = merge_trees(&base, &ours, &theirs, author(2)).unwrap_err();
    assert!(err.to_string().starts_with(path), "{err}");
}

#[test]
fn a_collision_keeps_the_remote_case_and_renumbers_ours() {
    let path = "cases/DISC-2026-K7Q3M.json";
    let ours = files(&[(path, &to_json_bytes(&opened("DISC-2026-K7Q3M", "ours", 0)))]);
    let theirs = files(&[(
        path,
        &to_json_bytes(&opened("DISC-2026-K7Q3M", "theirs", 1)),
    )]);
    let (merged, report) = merge_trees(&Files::new(), &ours, &theirs, author(2)).unwrap();
    assert_eq!(merged[path], theirs[path]);
    assert_eq!(report.renumbered.len(), 1);
    let to = &report.renumbered[0].to;
    let moved: Case = serde_json::from_slice(&merged[&case_path(to)]).unwrap();
    assert_eq!(moved.title, "ours");
    assert_eq!(&moved.id, to);
    assert_eq!(
        moved.identifiers.aliases,
        vec!["DISC-2026-K7Q3M".to_owned()]
    );
    assert_eq!(to.as_str()[..10], *"DISC-2026-");
}

// The convergence property, on a model of two clones and one remote.

#[derive(Debug, Clone)]
enum Cmd {
    Open(usize),
    Ack(usize),
    Note(usize),
    Pause(usize),
    Resume(usize),
    Embargo(usize, i64),
}

#[derive(Debug, Clone)]
enum Step {
    Run(usize, Cmd),
    Sync(usize),
}

/// A few fixed IDs, so both clones open cases under the same ID now and then.
const IDS: [&str; 3] = ["DISC-2026-AAAAA", "DISC-2026-BBBBB", "DISC-2026-CCCCC"];

fn step() -> impl Strategy<Value = Step> {
    let cmd = prop_oneof![
        (0..IDS.len()).prop_map(Cmd::Open),
        (0..IDS.len()).prop_map(Cmd::Ack),
        (0..IDS.len()).prop_map(Cmd::Note),
        (0..IDS.len()).prop_map(Cmd::Pause),
        (0..IDS.len()).prop_map(Cmd::Resume),
        ((0..IDS.len()), 1..5i64).prop_map(|(i, d)| Cmd::Embargo(i, d)),
    ];
    prop_oneof![
        3 => ((0..2usize), cmd).prop_map(|(c, cmd)| Step::Run(c, cmd)),
        1 => (0..2usize).prop_map(Step::Sync),
    ]
}

/// One clone: its files, and the remote's files as of its last sync (the
/// merge base git would find in this two-clone topology).
#[derive(Debug, Clone, Default)]
struct Clone {
    files: Files,
    synced: Files,
}

struct World {
    clones: [Clone; 2],
    remote: Files,
    minutes: i64,
    recorded: BTreeSet<EventId>,
}

impl World {
    fn tick(&mut self) -> DateTime<Utc> {
        self.minutes += 1;
        at(self.minutes)
    }

    fn run(&mut self, clone: usize, cmd: &Cmd) {
        let now = self.tick();
        let files = &mut self.clones[clone].files;
        let (index, open) = match cmd {
            Cmd::Open(i) => (*i, true),
            Cmd::Ack(i) | Cmd::Note(i) | Cmd::Pause(i) | Cmd::Resume(i) | Cmd::Embargo(i, _) => {
                (*i, false)
            }
        };
        let path = format!("cases/{}.json", IDS[index]);
        let existing = files
            .get(&path)
            .map(|b| serde_json::from_slice::<Case>(b).unwrap());
        let case = match (existing, open) {
            // The real `open` picks an unused ID; the model just skips.
            (Some(_), true) | (None, false) => return,
            (None, true) => {
                let title = format!("clone {clone} at {now}");
                let new = NewCase {
                    title,
                    ..NewCase::default()
                };
                Case::open(IDS[index].parse().unwrap(), new, Slas::default(), now, BY)
            }
            (Some(mut case), false) => {
                let before = case.events.len();
                match cmd {
                    Cmd::Ack(_) => {
                        let _ = case.acknowledge(now, Stamp { at: now, by: BY }, None);
                    }
                    Cmd::Note(_) => {
                        let text = format!("note by {clone}");
                        case.record(
                            EventKind::NoteAdded {
                                text,
                                private: true,
                            },
                            now,
                            BY,
                            None,
                        );
                    }
                    Cmd::Pause(_) if case.paused.is_none() => {
                        let reason = "waiting".to_owned();
                        case.record(EventKind::Paused { reason }, now, BY, None);
                    }
                    Cmd::Resume(_) if case.paused.is_some() => {
                        case.record(EventKind::Resumed, now, BY, None);
                    }
                    Cmd::Embargo(_, days) => {
                        let until = Some(at(0) + TimeDelta::days(*days));
                        case.record(
                            EventKind::EmbargoSet {
                                until,
                                preset: None,
                            },
                            now,
                            BY,
                            None,
                        );
                    }
                    _ => {}
                }
                if case.events.len() == before {
                    return;
                }
                case
            }
        };
        self.recorded.insert(case.events.last().unwrap().id);
        files.insert(path, to_json_bytes(&case));
    }

    /// `disclose sync` as the store does it: fetch, then nothing, a
    /// fast-forward or a merge, then push.
    fn sync(&mut self, clone: usize) {
        let now = self.tick();
        let c = &mut self.clones[clone];
        if self.remote != c.synced && c.files != c.synced {
            let (merged, _) = merge_trees(
                &c.synced,
                &c.files,
                &self.remote,
                Author { at: now, by: BY },
            )
            .unwrap();
            c.files = merged;
        } else if self.remote != c.synced {
            c.files = self.remote.clone();
        }
        self.remote = c.files.clone();
        c.synced = c.files.clone();
    }
}

fn events(files: &Files) -> BTreeSet<EventId> {
    files
        .values()
        .flat_map(|b| serde_json::from_slice::<Case>(b).unwrap().events)
        .map(|e| e.id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn clones_converge_whatever_the_interleaving(steps in prop::collection::vec(step(), 0..24)) {
        let mut world = World {
            clones: [Clone::default(), Clone::default()],
            remote: Files::new(),
            minutes: 0,
            recorded: BTreeSet::new(),
        };
        for step in &steps {
            match step {
                Step::Run(clone, cmd) => world.run(*clone, cmd),
                Step::Sync(clone) => world.sync(*clone),
            }
        }
        world.sync(0);
        world.sync(1);
        world.sync(0);
        prop_assert_eq!(&world.clones[0].files, &world.clones[1].files);
        prop_assert_eq!(&world.clones[0].files, &world.remote);
        // No edit is lost: every event recorded anywhere is in some case.
        let kept = events(&world.remote);
        prop_assert!(world.recorded.is_subset(&kept));
        for (path, bytes) in &world.remote {
            let case: Case = serde_json::from_slice(bytes).unwrap();
            prop_assert_eq!(case_id_of(path), Some(case.id.clone()));
            prop_assert_eq!(&replay(case.events.clone()).unwrap(), &case);
        }
    }
}

fn published(id: &str, advisory: &str) -> Case {
    let mut case = opened(id, id, 0);
    case.record(
        EventKind::Published {
            advisory: advisory.into(),
            forced_reason: None,
        },
        at(5),
        BY,
        None,
    );
    case
}

#[test]
fn an_advisory_number_given_out_on_both_sides_stays_with_the_remote() {
    let x = published("DISC-2026-XXXXX", "POET-SA-2026-001");
    let y = published("DISC-2026-YYYYY", "POET-SA-2026-001");
    let older = published("DISC-2026-00000", "POET-SA-2026-004");
    let policy = crate::model::layout::to_json_bytes(&Policy::default());
    let base = files(&[
        ("policy.json", &policy),
        ("cases/DISC-2026-00000.json", &to_json_bytes(&older)),
    ]);
    let mut ours = base.clone();
    ours.insert("cases/DISC-2026-YYYYY.json".into(), to_json_bytes(&y));
    ours.insert(
        "advisories/POET-SA-2026-001/advisory.md".into(),
        b"ours".to_vec(),
    );
    let mut theirs = base.clone();
    theirs.insert("cases/DISC-2026-XXXXX.json".into(), to_json_bytes(&x));
    theirs.insert(
        "advisories/POET-SA-2026-001/advisory.md".into(),
        b"theirs".to_vec(),
    );

    let (merged, report) = merge_trees(&base, &ours, &theirs, author(10)).unwrap();
    assert_eq!(
        report.advisories_renumbered,
        [AdvisoryRenumbering {
            case: y.id.clone(),
            from: "POET-SA-2026-001".into(),
            to: "POET-SA-2026-005".into(),
            taken_by: x.id.clone(),
            files_rewritten: true,
        }]
    );
    assert_eq!(
        merged["advisories/POET-SA-2026-001/advisory.md"],
        b"theirs".to_vec()
    );
    let moved =
        String::from_utf8(merged["advisories/POET-SA-2026-005/advisory.md"].clone()).unwrap();
    assert!(moved.contains("POET-SA-2026-005"), "{moved}");
    let y_after: Case = serde_json::from_slice(&merged["cases/DISC-2026-YYYYY.json"]).unwrap();
    assert_eq!(
        y_after.identifiers.advisory.as_deref(),
        Some("POET-SA-2026-005")
    );
    assert_eq!(replay(y_after.events.clone()).unwrap(), y_after);
    let x_after: Case = serde_json::from_slice(&merged["cases/DISC-2026-XXXXX.json"]).unwrap();
    assert_eq!(x_after, x);
}

#[test]
fn an_advisory_published_outside_the_store_is_renumbered_without_files() {
    let x = published("DISC-2026-XXXXX", "POET-SA-2026-001");
    let y = published("DISC-2026-YYYYY", "POET-SA-2026-001");
    let policy = crate::model::layout::to_json_bytes(&Policy::default());
    let base = files(&[("policy.json", &policy)]);
    let mut ours = base.clone();
    ours.insert("cases/DISC-2026-YYYYY.json".into(), to_json_bytes(&y));
    let mut theirs = base.clone();
    theirs.insert("cases/DISC-2026-XXXXX.json".into(), to_json_bytes(&x));
    theirs.insert(
        "advisories/POET-SA-2026-001/advisory.md".into(),
        b"theirs".to_vec(),
    );

    let (merged, report) = merge_trees(&base, &ours, &theirs, author(10)).unwrap();
    let [renumbering] = report.advisories_renumbered.as_slice() else {
        panic!("{report:?}");
    };
    assert_eq!(renumbering.to, "POET-SA-2026-002");
    assert!(!renumbering.files_rewritten);
    assert!(
        !merged
            .keys()
            .any(|p| p.starts_with("advisories/POET-SA-2026-002"))
    );
    assert_eq!(
        merged["advisories/POET-SA-2026-001/advisory.md"],
        b"theirs".to_vec()
    );
}

#[test]
fn an_imported_record_id_on_both_sides_is_not_renumbered() {
    // Two clones imported the same GHSA record before syncing: both cases
    // keep the record's ID, which is not one of the store's numbers.
    let x = published("DISC-2026-XXXXX", "GHSA-9wv6-86v2-598j");
    let y = published("DISC-2026-YYYYY", "GHSA-9wv6-86v2-598j");
    let policy = crate::model::layout::to_json_bytes(&Policy::default());
    let base = files(&[("policy.json", &policy)]);
    let mut ours = base.clone();
    ours.insert("cases/DISC-2026-YYYYY.json".into(), to_json_bytes(&y));
    let mut theirs = base.clone();
    theirs.insert("cases/DISC-2026-XXXXX.json".into(), to_json_bytes(&x));
    let (merged, report) = merge_trees(&base, &ours, &theirs, author(10)).unwrap();
    assert!(report.advisories_renumbered.is_empty(), "{report:?}");
    assert_eq!(merged["cases/DISC-2026-YYYYY.json"], to_json_bytes(&y));
}

// Merging only the files either side changed gives what merging whole
// trees gives: the property `sync` relies on to read only changed files.

/// The paths the random trees are made of.
const CASE_IDS: [&str; 4] = [
    "DISC-2026-AAAAA",
    "DISC-2026-BBBBB",
    "DISC-2026-CCCCC",
    "DISC-2026-DDDDD",
];
const OTHER_PATHS: [&str; 4] = [
    "templates/ack.txt",
    "advisories/POET-SA-2026-001/advisory.md",
    "advisories/POET-SA-2026-002/advisory.md",
    "attachments/DISC-2026-AAAAA/poc.txt",
];

/// What one side does to one path since the base.
#[derive(Debug, Clone)]
enum Edit {
    Keep,
    Delete,
    /// A case: open it (if missing) or add a note; other files: new bytes.
    Write(u8),
    /// A case: publish it under advisory number `n`.
    Publish(u8),
    /// The policy: a new project name.
    Project(u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => Just(Edit::Keep),
        1 => Just(Edit::Delete),
        3 => (0..3u8).prop_map(Edit::Write),
        1 => (1..3u8).prop_map(Edit::Publish),
        1 => (0..2u8).prop_map(Edit::Project),
    ]
}

fn policy_bytes(project: &str) -> Vec<u8> {
    let policy = Policy {
        project: Some(project.to_owned()),
        ..Policy::default()
    };
    to_json_bytes(&policy)
}

/// `files` with `edit` made to `path` by side `side`.
fn edited(files: &Files, path: &str, edit: &Edit, side: u8, minutes: i64) -> Files {
    let mut files = files.clone();
    let case = case_id_of(path);
    let existing = files
        .get(path)
        .and_then(|b| serde_json::from_slice::<Case>(b).ok());
    match (edit, case, existing) {
        (Edit::Keep, ..) => {}
        (Edit::Delete, ..) => {
            files.remove(path);
        }
        (Edit::Write(n), Some(id), None) => {
            let case = opened(id.as_str(), &format!("side {side} title {n}"), minutes);
            files.insert(path.to_owned(), to_json_bytes(&case));
        }
        (Edit::Write(n), Some(_), Some(mut case)) => {
            let text = format!("note {n} by {side}");
            let kind = EventKind::NoteAdded {
                text,
                private: true,
            };
            case.record(kind, at(minutes), BY, None);
            files.insert(path.to_owned(), to_json_bytes(&case));
        }
        (Edit::Publish(n), Some(_), Some(mut case)) if case.identifiers.advisory.is_none() => {
            let kind = EventKind::Published {
                advisory: format!("POET-SA-2026-00{n}"),
                forced_reason: None,
            };
            case.record(kind, at(minutes), BY, None);
            files.insert(path.to_owned(), to_json_bytes(&case));
        }
        (Edit::Project(n), None, _) if path == POLICY_FILE => {
            files.insert(path.to_owned(), policy_bytes(&format!("Project {n}")));
        }
        (Edit::Write(n), None, _) if path != POLICY_FILE => {
            files.insert(
                path.to_owned(),
                format!("side {side} text {n}").into_bytes(),
            );
        }
        _ => {}
    }
    files
}

fn all_paths() -> Vec<String> {
    CASE_IDS
        .iter()
        .map(|id| format!("cases/{id}.json"))
        .chain(OTHER_PATHS.iter().map(|p| (*p).to_owned()))
        .chain([POLICY_FILE.to_owned()])
        .collect()
}

/// A tree's files that no side changed, answered from the whole tree.
struct MapRest<'a> {
    files: &'a Files,
    changed: &'a BTreeSet<String>,
}

impl Rest for MapRest<'_> {
    fn contains(&self, path: &str) -> bool {
        !self.changed.contains(path) && self.files.contains_key(path)
    }

    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MergeError> {
        Ok(self.contains(path).then(|| self.files[path].clone()))
    }

    fn advisories(&self) -> Result<BTreeSet<String>, MergeError> {
        Ok(self
            .files
            .iter()
            .filter(|(path, _)| case_id_of(path).is_some() && !self.changed.contains(*path))
            .filter_map(|(_, bytes)| advisory::advisory_in(bytes))
            .collect())
    }
}

/// A merge's outcome with the random part of the events it made (their
/// ULIDs) left out, as text to compare.
fn outcome(result: &Result<(Edits, MergeReport), MergeError>) -> String {
    let Ok((edits, report)) = result else {
        return format!("{result:?}");
    };
    let mut out = format!("{report:?}\n");
    for (path, bytes) in edits {
        let text = match bytes.as_ref().map(|b| serde_json::from_slice::<Value>(b)) {
            Some(Ok(mut value)) => {
                if let Some(events) = value.get_mut("events").and_then(Value::as_array_mut) {
                    for event in events {
                        event.as_object_mut().map(|e| e.remove("id"));
                    }
                }
                value.to_string()
            }
            Some(Err(_)) => String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into(),
            None => "(removed)".to_owned(),
        };
        out.push_str(&format!("{path}: {text}\n"));
    }
    out
}

fn seeded(seed: u64) -> rand::rngs::StdRng {
    <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(seed)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merging_only_the_changed_files_equals_merging_whole_trees(
        base_edits in prop::collection::vec(edit(), 9),
        our_edits in prop::collection::vec(edit(), 9),
        their_edits in prop::collection::vec(edit(), 9),
        seed in any::<u64>(),
    ) {
        let paths = all_paths();
        let mut base = files(&[(POLICY_FILE, &policy_bytes("Poet"))]);
        for (path, e) in paths.iter().zip(&base_edits) {
            base = edited(&base, path, e, 0, 0);
        }
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for (path, e) in paths.iter().zip(&our_edits) {
            ours = edited(&ours, path, e, 1, 10);
        }
        for (path, e) in paths.iter().zip(&their_edits) {
            theirs = edited(&theirs, path, e, 2, 20);
        }
        let whole = merge_changes(&base, &ours, &theirs, &Whole, author(30), &mut seeded(seed));

        let changed: BTreeSet<String> = base
            .keys()
            .chain(ours.keys())
            .chain(theirs.keys())
            .filter(|p| !(base.get(*p) == ours.get(*p) && ours.get(*p) == theirs.get(*p)))
            .cloned()
            .collect();
        let only = |side: &Files| -> Files {
            side.iter()
                .filter(|(p, _)| changed.contains(*p))
                .map(|(p, b)| (p.clone(), b.clone()))
                .collect()
        };
        let rest = MapRest { files: &ours, changed: &changed };
        let part = merge_changes(
            &only(&base),
            &only(&ours),
            &only(&theirs),
            &rest,
            author(30),
            &mut seeded(seed),
        );
        prop_assert_eq!(outcome(&part), outcome(&whole));
        if let Ok((edits, _)) = whole {
            // A file no side changed is never rewritten; only new ones appear.
            for path in edits.keys() {
                prop_assert!(changed.contains(path) || !ours.contains_key(path), "{}", path);
            }
        }
    }
}
