//! Giving out public advisory numbers safely, for `publish` and `reserve`:
//! numbers are sequential, so in a team store the team's changes are taken
//! first (as `sync --no-push` does) and the new number is pushed right
//! after, so no two clones give out the same one.

use chrono::{DateTime, Datelike as _, Utc};

use crate::app::context::Ctx;
use crate::commands::common::sync_report;
use crate::error::{Error, Result};
use crate::model::advisory_id;
use crate::model::policy::Policy;
use crate::store::{REMOTE, Store, SyncOptions};

/// The next free advisory ID in `store`, counting published and reserved ones.
pub fn next_advisory_id(store: &Store, policy: &Policy, now: DateTime<Utc>) -> Result<String> {
    let code = policy
        .project
        .as_deref()
        .and_then(advisory_id::project_code)
        .ok_or_else(|| {
            Error::input("the policy has no project name, which the advisory ID is made from")
                .with_hint(
                    "set it with `disclose policy set project NAME` (or `project` in policy.json)",
                )
        })?;
    let taken = store.advisory_ids()?;
    Ok(advisory_id::next(
        &code,
        now.year(),
        taken.iter().map(String::as_str),
    ))
}

/// Before numbering in a team store: `precheck` refuses what would be
/// refused anyway, without reaching the network; then the team's changes
/// are fetched and merged, so the numbers other clones took are known.
/// Returns the store as merged. `what` names the command in the hint and
/// `past` what it would have done ("published").
pub fn take_team_changes(
    ctx: &Ctx,
    store: Store,
    (what, past): (&str, &str),
    precheck: impl FnOnce(&Store) -> Result<()>,
) -> Result<Store> {
    precheck(&store)?;
    let who = ctx.identity_for(Some(&store))?;
    let opts = SyncOptions {
        push: false,
        ..SyncOptions::default()
    };
    let report = store
        .sync(&who, ctx.now(), opts, &mut |_| {})
        .map_err(|e| match e {
            Error::Store { .. } => e.with_hint(format!(
                "nothing was {past}: {what} takes the team's changes first, so that the \
                 advisory number is not one another clone has taken; {what} again when \
                 {REMOTE} can be reached, or pass --offline to number from this clone alone"
            )),
            other => other,
        })?;
    sync_report::tell(ctx, &report);
    // The merge may have changed the policy, or the case itself.
    store.reopen()
}

/// After numbering in a team store: push, so the number is the team's
/// before another clone numbers. A failure is a warning, not an error: the
/// change itself is done. `done` says what was done, for the warning.
pub fn share(ctx: &Ctx, store: &Store, done: &str, advisory: &str) {
    let pushed = ctx
        .identity_for(Some(store))
        .and_then(|who| store.sync(&who, ctx.now(), SyncOptions::default(), &mut |_| {}));
    match pushed {
        // Nothing new is the usual case seconds after the first fetch.
        Ok(report) if report.fetched == 0 => {
            sync_report::tell_merge_and_push(ctx, &report);
        }
        Ok(report) => sync_report::tell(ctx, &report),
        Err(e) => ctx.ui.warn(&format!(
            "{done}, but pushing it to {REMOTE} failed: {e}; run `disclose sync` soon, so \
             that no other clone takes {advisory}"
        )),
    }
}
