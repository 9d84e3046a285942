//! `disclose audit`: record the audit for similar problems that the policy
//! promises, with the cases it found.

use crate::app::context::Ctx;
use crate::commands::common::links;
use crate::error::{Error, Result};
use crate::model::case::Stamp;
use crate::model::id::CaseRef;

/// Record the audit for similar problems
///
/// A SECURITY.md may promise to audit the code for problems like the one
/// reported (the policy key `audit`). Then "audit for similar problems
/// recorded" is on the readiness list of every reported case, and
/// `publish` waits for it. This records what was audited (--note) and the
/// cases the audit found (--found, repeatable: open each first, e.g. with
/// `disclose open --internal`); each is linked with this case both ways.
/// Recording again replaces the note; the timeline keeps both.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose audit K7Q --note 'Checked every handler that joins user paths; none other affected.'\n  \
    disclose audit K7Q --note 'Avatar upload has the same flaw.' --found HFE")]
pub struct AuditArgs {
    /// Case whose audit this is, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// What was audited, and what was found
    #[arg(long, value_name = "TEXT")]
    pub note: String,
    /// A case the audit found (repeatable)
    #[arg(long = "found", value_name = "ID")]
    pub found: Vec<CaseRef>,
}

pub fn run(ctx: &Ctx, args: &AuditArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id)?;
    let found = links::resolve(&store, &args.found)?;
    if found.contains(&id) {
        return Err(Error::input(format!(
            "--found {id}: the audit of a case cannot find the case itself"
        )));
    }
    let now = ctx.now();
    let case = ctx.transact(&store, |tx, by| {
        let mut case = tx.read(&id)?;
        let stamp = Stamp { at: now, by };
        case.record_audit(args.note.clone(), found.clone(), stamp)?;
        for other_id in &found {
            let mut other = tx.read(other_id)?;
            if other.link(&id, stamp)?.is_some() {
                tx.write(&other);
            }
        }
        tx.set_message(format!("{id}: record audit"));
        tx.write(&case);
        Ok(case)
    })?;
    let what = match found.as_slice() {
        [] => "nothing found".to_owned(),
        ids => format!(
            "found {} (linked both ways)",
            ids.iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    ctx.ui
        .status(&format!("Recorded the audit of {}: {what}.", case.id));
    if !case.policy.audit {
        ctx.ui.status(
            "  (the policy this case was opened under does not promise an audit; recorded all the same)",
        );
    }
    ctx.changed(&store, &case)
}
