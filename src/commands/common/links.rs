//! Links between cases (`open --related`, `audit --found`): recorded on
//! both cases, in the same commit.

use crate::error::Result;
use crate::model::case::{Case, Stamp};
use crate::model::id::{CaseId, CaseRef};
use crate::store::{Store, Tx};

/// Resolves what the user typed to existing cases, before anything is
/// written (an unknown ID is bad input).
pub fn resolve(store: &Store, typed: &[CaseRef]) -> Result<Vec<CaseId>> {
    let mut ids: Vec<CaseId> = Vec::with_capacity(typed.len());
    for t in typed {
        let id = store.resolve(t)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Links `case` with each of `others` both ways: the event on `case`, and
/// one on each other case, written in this transaction. Returns the IDs
/// newly linked.
pub fn link_both_ways(
    tx: &mut Tx<'_>,
    case: &mut Case,
    others: &[CaseId],
    stamp: Stamp<'_>,
) -> Result<Vec<CaseId>> {
    let mut linked = Vec::new();
    for id in others {
        let mut other = tx.read(id)?;
        let here = case.link(id, stamp)?.is_some();
        let there = other.link(&case.id, stamp)?.is_some();
        if there {
            tx.write(&other);
        }
        if here || there {
            linked.push(id.clone());
        }
    }
    Ok(linked)
}
