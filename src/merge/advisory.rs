//! One advisory number given out on both sides: two clones published
//! different cases under the same `<PROJECT>-SA-<year>-<NNN>` before they
//! synced (`publish --offline`, or a push that lost a race). The remote's
//! advisory went out first, so it keeps the number; the local one, not
//! pushed yet, takes the next free number, its files are written again under
//! it, and the remote's files keep the old directory.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Author, Files, MergeError, Merged, Rest, case_id_of, case_path, parse_case};
use crate::export::AdvisoryFiles;
use crate::model::advisory_id;
use crate::model::case::{Identifiers, Stamp};
use crate::model::id::CaseId;
use crate::model::layout::{ADVISORIES_DIR, POLICY_FILE, to_json_bytes};
use crate::model::policy::Policy;

/// A published case whose advisory ID the remote had given to another case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdvisoryRenumbering {
    pub case: CaseId,
    pub from: String,
    pub to: String,
    /// The case the remote published under `from`.
    pub taken_by: CaseId,
    /// Whether its files were written again under `advisories/<to>/` (they
    /// were in the store under the old number).
    pub files_rewritten: bool,
}

/// The advisory IDs each side newly gave out to different cases: advisory
/// → (our case, their case).
pub(super) type Clashes = BTreeMap<String, (CaseId, CaseId)>;

/// What a case file says about its identity, read without its history.
#[derive(Deserialize)]
struct Head {
    id: CaseId,
    #[serde(default)]
    identifiers: Identifiers,
}

fn head(bytes: &[u8]) -> Option<Head> {
    serde_json::from_slice(bytes).ok()
}

/// Advisories each side published since `base`, by the case that holds them.
fn newly_published(base: &Files, side: &Files) -> BTreeMap<String, CaseId> {
    let mut out = BTreeMap::new();
    for (path, bytes) in side {
        if case_id_of(path).is_none() || base.get(path) == Some(bytes) {
            continue;
        }
        // A file that does not parse is left to the rest of the merge.
        let Some(now) = head(bytes) else { continue };
        // Only the store's own numbers are given out, so only they can
        // clash; a record's ID (`disclose import`) names its own advisory.
        let Some(advisory) = now
            .identifiers
            .advisory
            .filter(|a| advisory_id::code_and_year(a).is_some())
        else {
            continue;
        };
        let before = base
            .get(path)
            .and_then(|b| head(b))
            .and_then(|h| h.identifiers.advisory);
        if before.as_deref() != Some(advisory.as_str()) {
            out.insert(advisory, now.id);
        }
    }
    out
}

pub(super) fn clashes(base: &Files, ours: &Files, theirs: &Files) -> Clashes {
    let theirs = newly_published(base, theirs);
    newly_published(base, ours)
        .into_iter()
        .filter_map(|(advisory, mine)| {
            let other = theirs.get(&advisory)?;
            (other != &mine).then(|| (advisory, (mine, other.clone())))
        })
        .collect()
}

/// The advisory whose directory holds `path`, if any.
pub(super) fn advisory_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix(ADVISORIES_DIR)?.strip_prefix('/')?;
    rest.split_once('/').map(|(advisory, _)| advisory)
}

/// The advisory ID a case file holds, if it parses and has one.
pub fn advisory_in(bytes: &[u8]) -> Option<String> {
    head(bytes)?.identifiers.advisory
}

/// Gives each of our clashing cases (in `merged`) the next free number:
/// records the renumbering in the case and writes the advisory files it had
/// in `ours` again under the new number. `merged` holds the merge of the
/// files handed in; `rest` the files that are the same on all sides.
pub(super) fn renumber(
    clashes: &Clashes,
    ours: &Files,
    rest: &dyn Rest,
    merged: &mut Merged<'_>,
    case_ids: &BTreeMap<CaseId, CaseId>,
    author: Author<'_>,
) -> Result<Vec<AdvisoryRenumbering>, MergeError> {
    if clashes.is_empty() {
        return Ok(Vec::new());
    }
    let mut taken: BTreeSet<String> = merged
        .iter()
        .filter(|(path, _)| case_id_of(path).is_some())
        .filter_map(|(_, bytes)| advisory_in(bytes))
        .collect();
    taken.extend(rest.advisories()?);
    let policy_bytes = match merged.get(POLICY_FILE) {
        Some(bytes) => Some(bytes.to_vec()),
        None => rest.get(POLICY_FILE)?,
    };
    let policy: Option<Policy> = policy_bytes.and_then(|b| serde_json::from_slice(&b).ok());
    let mut done = Vec::new();
    for (from, (mine, theirs)) in clashes {
        // Our case may have been given a new ID by this very merge.
        let id = case_ids.get(mine).unwrap_or(mine);
        let path = case_path(id);
        let bad = |message: String| MergeError::Bad {
            path: path.clone(),
            message,
        };
        let Some(bytes) = merged.get(&path) else {
            continue;
        };
        let mut case = parse_case(&path, bytes)?;
        if case.identifiers.advisory.as_deref() != Some(from.as_str()) {
            continue;
        }
        let (code, year) = advisory_id::code_and_year(from).ok_or_else(|| {
            bad(format!(
                "{from} was published on both sides for different cases, and is not \
                 an advisory ID this tool gives out, so it cannot be renumbered"
            ))
        })?;
        let to = advisory_id::next(code, year, taken.iter().map(String::as_str));
        taken.insert(to.clone());
        case.renumber_advisory(
            to.clone(),
            theirs.clone(),
            Stamp {
                at: author.at,
                by: author.by,
            },
        )
        .map_err(|e| bad(e.to_string()))?;
        // The projection must agree with what a replay of the file would give.
        let case =
            crate::model::case::replay(case.events.clone()).map_err(|e| bad(e.to_string()))?;
        merged.insert(path.clone(), Cow::Owned(to_json_bytes(&case)));
        let mut files_rewritten = false;
        if let Some(policy) = &policy {
            // The same files publish writes; a format that no longer renders
            // is left out, as publish does.
            for (format, text) in AdvisoryFiles::render(&case, policy, author.at).files {
                let old = format!("{ADVISORIES_DIR}/{from}/{}", format.file_name());
                if !ours.contains_key(&old) && !rest.contains(&old) {
                    continue;
                }
                let new = format!("{ADVISORIES_DIR}/{to}/{}", format.file_name());
                merged.insert(new, Cow::Owned(text.into_bytes()));
                files_rewritten = true;
            }
        }
        done.push(AdvisoryRenumbering {
            case: id.clone(),
            from: from.clone(),
            to,
            taken_by: theirs.clone(),
            files_rewritten,
        });
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advisory_directories_are_recognised() {
        assert_eq!(
            advisory_of("advisories/POET-SA-2026-001/osv.json"),
            Some("POET-SA-2026-001")
        );
        assert_eq!(advisory_of("advisories/README.md"), None);
        assert_eq!(advisory_of("cases/DISC-2026-K7Q3M.json"), None);
    }
}
