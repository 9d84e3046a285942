//! The tool's own merge of two clones' stores, file by file, never a text
//! merge: a file changed on one side only is taken from that side; a case
//! changed on both sides is the union of its events, replayed; `policy.json`
//! merges key by key; two different cases under one ID are a collision, and
//! the local one (not yet pushed) is renumbered, as is a local advisory
//! published under a number the remote gave out first.
//!
//! Pure: the store hands in the three trees as bytes and writes what comes back.

pub mod advisory;
pub mod case;
pub mod policy;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Datelike as _, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

pub use advisory::AdvisoryRenumbering;
pub use case::{CaseMerge, Override, merge_case, same_case, union_events};
pub use policy::{PolicyConflict, merge_policy};

use crate::model::case::{Case, Stamp};
use crate::model::id::CaseId;
use crate::model::layout::{CASES_DIR, POLICY_FILE, to_json_bytes};
use crate::model::policy::Policy;

/// A tree's files: store-relative path to bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Who merges, and when: recorded on the events a merge adds (renumberings).
#[derive(Debug, Clone, Copy)]
pub struct Author<'a> {
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

/// A case that got a new ID because the remote holds another case under its old one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renumbering {
    pub from: CaseId,
    pub to: CaseId,
    pub title: String,
}

/// What a merge did, for the user.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeReport {
    /// Files taken as the remote had them (changed there only).
    pub from_remote: Vec<String>,
    /// Cases changed on both sides, merged event by event.
    pub merged_cases: Vec<CaseId>,
    pub overrides: Vec<Override>,
    pub renumbered: Vec<Renumbering>,
    /// Published cases whose advisory ID the remote had given out first.
    pub advisories_renumbered: Vec<AdvisoryRenumbering>,
    /// Whether `policy.json` was merged key by key.
    pub policy_merged: bool,
}

/// Why a merge stopped. Nothing is written when it does.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    Policy(Vec<PolicyConflict>),
    /// A file other than a case or the policy changed differently on both sides.
    File(String),
    /// A file that does not parse, so it cannot be merged.
    Bad {
        path: String,
        message: String,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Policy(conflicts) => {
                f.write_str("policy.json was changed on both sides:")?;
                for c in conflicts {
                    write!(f, "\n  {c}")?;
                }
                Ok(())
            }
            Self::File(path) => write!(f, "{path} was changed differently on both sides"),
            Self::Bad { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

/// The case ID a store path names, if it is a case file.
pub fn case_id_of(path: &str) -> Option<CaseId> {
    path.strip_prefix(CASES_DIR)?
        .strip_prefix('/')?
        .strip_suffix(".json")?
        .parse()
        .ok()
}

fn case_path(id: &CaseId) -> String {
    format!("{CASES_DIR}/{}", id.file_name())
}

fn parse_case(path: &str, bytes: &[u8]) -> Result<Case, MergeError> {
    serde_json::from_slice(bytes).map_err(|e| MergeError::Bad {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

fn parse_object(path: &str, bytes: &[u8]) -> Result<Map<String, Value>, MergeError> {
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(MergeError::Bad {
            path: path.to_owned(),
            message: "expected a JSON object".to_owned(),
        }),
        Err(e) => Err(MergeError::Bad {
            path: path.to_owned(),
            message: e.to_string(),
        }),
    }
}

/// What a merge changes in `ours`: each path's new bytes, or `None` where
/// the file goes.
pub type Edits = BTreeMap<String, Option<Vec<u8>>>;

/// The merge of the files handed in, borrowing what it takes unchanged.
type Merged<'a> = BTreeMap<String, Cow<'a, [u8]>>;

/// What a merge may ask of the files it was not handed: those that are the
/// same in all three trees, so the store hands in only the files either
/// side changed since the base and answers for the rest from its tree.
pub trait Rest {
    /// Whether `path` is one of those files.
    fn contains(&self, path: &str) -> bool;
    /// The bytes of `path`, if it is one of them.
    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MergeError>;
    /// The advisory IDs their case files hold (asked only when both sides
    /// gave out one advisory number).
    fn advisories(&self) -> Result<BTreeSet<String>, MergeError>;
}

/// No files beside the ones handed in: a merge of whole trees.
pub struct Whole;

impl Rest for Whole {
    fn contains(&self, _: &str) -> bool {
        false
    }

    fn get(&self, _: &str) -> Result<Option<Vec<u8>>, MergeError> {
        Ok(None)
    }

    fn advisories(&self) -> Result<BTreeSet<String>, MergeError> {
        Ok(BTreeSet::new())
    }
}

/// Merges `ours` and `theirs` over their common ancestor `base` (empty when
/// the histories share none), all three whole.
pub fn merge_trees(
    base: &Files,
    ours: &Files,
    theirs: &Files,
    author: Author<'_>,
) -> Result<(Files, MergeReport), MergeError> {
    let (edits, report) = merge_changes(base, ours, theirs, &Whole, author, &mut rand::rng())?;
    let mut merged = ours.clone();
    apply(&mut merged, edits);
    Ok((merged, report))
}

/// Applies `edits` to `files`.
pub fn apply(files: &mut Files, edits: Edits) {
    for (path, bytes) in edits {
        match bytes {
            Some(bytes) => files.insert(path, bytes),
            None => files.remove(&path),
        };
    }
}

/// Merges the files handed in (`base`, `ours` and `theirs` hold the paths
/// either side changed since the base, as each tree has them; they may hold
/// more) and returns what changes in `ours`. `rest` answers for every other
/// file, which is the same in all three trees; `rng` draws the new IDs of
/// renumbered cases. Handing in only the changed files gives the same
/// result as handing in whole trees: a file the same on all sides is kept.
pub fn merge_changes(
    base: &Files,
    ours: &Files,
    theirs: &Files,
    rest: &dyn Rest,
    author: Author<'_>,
    rng: &mut dyn rand::RngCore,
) -> Result<(Edits, MergeReport), MergeError> {
    let mut merged = Merged::new();
    let mut report = MergeReport::default();
    let mut collisions: Vec<(String, Case)> = Vec::new();
    let clashes = advisory::clashes(base, ours, theirs);
    let paths: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    for &path in &paths {
        let (b, o, t) = (base.get(path), ours.get(path), theirs.get(path));
        let clashing = advisory::advisory_of(path).is_some_and(|a| clashes.contains_key(a));
        let take = if clashing {
            // The remote's advisory keeps the directory; ours moves (below).
            if t != b {
                report.from_remote.push(path.clone());
            }
            t.map(|t| Cow::Borrowed(t.as_slice()))
        } else if o == t || t == b {
            o.map(|o| Cow::Borrowed(o.as_slice()))
        } else if o == b {
            report.from_remote.push(path.clone());
            t.map(|t| Cow::Borrowed(t.as_slice()))
        } else {
            match (o, t) {
                // An edit on one side beats a deletion on the other.
                (Some(o), None) => Some(Cow::Borrowed(o.as_slice())),
                (None, Some(t)) => Some(Cow::Borrowed(t.as_slice())),
                (None, None) => None,
                (Some(o), Some(t)) if case_id_of(path).is_some() => {
                    let mine = parse_case(path, o)?;
                    let other = parse_case(path, t)?;
                    let outcome = merge_case(&mine, &other).map_err(|e| MergeError::Bad {
                        path: path.clone(),
                        message: e.to_string(),
                    })?;
                    match outcome {
                        CaseMerge::Merged { case, overrides } => {
                            report.merged_cases.push(case.id.clone());
                            report.overrides.extend(overrides);
                            Some(Cow::Owned(to_json_bytes(&case)))
                        }
                        CaseMerge::Collision => {
                            collisions.push((path.clone(), mine));
                            Some(Cow::Borrowed(t.as_slice()))
                        }
                    }
                }
                (Some(o), Some(t)) if path == POLICY_FILE => {
                    report.policy_merged = true;
                    Some(Cow::Owned(merge_policy_bytes(b, o, t)?))
                }
                (Some(_), Some(_)) => return Err(MergeError::File(path.clone())),
            }
        };
        if let Some(bytes) = take {
            merged.insert(path.clone(), bytes);
        }
    }
    for (path, case) in collisions {
        let from = case.id.clone();
        let to = fresh_id(&from, author.at, rng, |id| {
            let path = case_path(id);
            paths.contains(&path) || merged.contains_key(&path) || rest.contains(&path)
        });
        let renumbered = renumber(case, &to, author).map_err(|message| MergeError::Bad {
            path: path.clone(),
            message,
        })?;
        report.renumbered.push(Renumbering {
            from,
            to: to.clone(),
            title: renumbered.title.clone(),
        });
        merged.insert(case_path(&to), Cow::Owned(to_json_bytes(&renumbered)));
    }
    let case_ids: BTreeMap<CaseId, CaseId> = report
        .renumbered
        .iter()
        .map(|r| (r.from.clone(), r.to.clone()))
        .collect();
    report.advisories_renumbered =
        advisory::renumber(&clashes, ours, rest, &mut merged, &case_ids, author)?;
    // What differs from ours: a handed-in file the merge dropped goes, and
    // a file it made or changed is written.
    let mut edits = Edits::new();
    for path in paths {
        if ours.contains_key(path) && !merged.contains_key(path) {
            edits.insert(path.clone(), None);
        }
    }
    for (path, bytes) in merged {
        if ours.get(&path).map(Vec::as_slice) != Some(&*bytes) {
            edits.insert(path, Some(bytes.into_owned()));
        }
    }
    Ok((edits, report))
}

fn merge_policy_bytes(
    base: Option<&Vec<u8>>,
    ours: &[u8],
    theirs: &[u8],
) -> Result<Vec<u8>, MergeError> {
    // An unreadable ancestor only means fewer keys count as unchanged.
    let base = base.and_then(|b| parse_object(POLICY_FILE, b).ok());
    let ours = parse_object(POLICY_FILE, ours)?;
    let theirs = parse_object(POLICY_FILE, theirs)?;
    let merged = merge_policy(base.as_ref(), &ours, &theirs).map_err(MergeError::Policy)?;
    let policy: Policy =
        serde_json::from_value(Value::Object(merged)).map_err(|e| MergeError::Bad {
            path: POLICY_FILE.to_owned(),
            message: format!("the merged policy is not valid: {e}"),
        })?;
    Ok(to_json_bytes(&policy))
}

/// A new ID with the old one's prefix and year that `taken` does not hold.
fn fresh_id(
    old: &CaseId,
    at: DateTime<Utc>,
    mut rng: &mut dyn rand::RngCore,
    taken: impl Fn(&CaseId) -> bool,
) -> CaseId {
    let text = old.as_str();
    let head = &text[..text.len() - crate::model::id::RANDOM_LEN - 1];
    let (prefix, year) = head
        .rsplit_once('-')
        .and_then(|(p, y)| Some((p, y.parse::<i32>().ok()?)))
        .unwrap_or((crate::model::policy::DEFAULT_PREFIX, at.year()));
    loop {
        let id = CaseId::random(prefix, year, &mut rng);
        if &id != old && !taken(&id) {
            return id;
        }
    }
}

fn renumber(mut case: Case, to: &CaseId, author: Author<'_>) -> Result<Case, String> {
    case.renumber(
        to.clone(),
        Stamp {
            at: author.at,
            by: author.by,
        },
    );
    // The projection must agree with what a replay of the file would give.
    crate::model::case::replay(case.events.clone()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
