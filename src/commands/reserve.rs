//! `disclose reserve`: the public advisory ID given out ahead of
//! publishing, with the same numbering safety as `publish`.

use crate::app::context::Ctx;
use crate::commands::common::numbering;
use crate::error::{Error, Result};
use crate::model::case::{Case, Stamp};
use crate::model::id::CaseRef;

/// Give a case its public advisory ID ahead of publishing
///
/// Assigns the next <PROJECT>-SA-<year>-<NNN>, as `publish` would, and
/// records it in the case, so that release notes that ship before the
/// advisory can name it and link it (`disclose export ID --format
/// release-notes --preview`, with the policy's `advisory_url`); `publish`
/// then uses this ID. Numbers are sequential: in a team store it first takes
/// the team's changes (as `sync --no-push` does) and pushes right after, so
/// no other clone gives the number out; when the remote cannot be reached it
/// stops and changes nothing, unless --offline.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose reserve K7Q\n  \
    disclose reserve K7Q && disclose export K7Q --format release-notes --preview\n  \
    disclose reserve DISC-2026-K7Q3M --offline")]
pub struct ReserveArgs {
    /// Case to number, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Do not reach the team's remote: number from this clone alone and
    /// leave the push to the next `disclose sync`
    #[arg(long)]
    pub offline: bool,
}

pub fn run(ctx: &Ctx, args: &ReserveArgs) -> Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&args.id)?;
    let team = if args.offline {
        None
    } else {
        store.remote_url()?
    };
    let store = match team {
        Some(_) => numbering::take_team_changes(ctx, store, ("reserve", "reserved"), |store| {
            check(&store.read(&id)?)
        })?,
        None => store,
    };
    let now = ctx.now();
    let case = ctx.transact(&store, |tx, by| {
        let mut case = tx.read(&id)?;
        check(&case)?;
        let advisory = numbering::next_advisory_id(tx.store(), tx.store().policy(), now)?;
        case.reserve_advisory(advisory.clone(), Stamp { at: now, by })?;
        tx.write(&case);
        tx.set_message(format!("{id}: reserve advisory {advisory}"));
        Ok(case)
    })?;
    let advisory = case.identifiers.advisory.clone().unwrap_or_default();
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "case": id,
            "advisory": advisory,
            "url": store
                .policy()
                .advisory_url
                .as_deref()
                .map(|u| u.replace("{id}", &advisory)),
        }))?;
    } else {
        ctx.ui.println(&advisory)?;
    }
    ctx.ui.status(&format!(
        "Reserved {advisory} for {id}; `disclose publish {id}` will use it. Release notes: \
         `disclose export {id} --format release-notes --preview`"
    ));
    if store.policy().advisory_url.is_none() {
        ctx.ui.status(
            "Set `advisory_url` (`disclose policy set advisory_url 'https://example.org/security/{id}'`) \
             to link the advisory from the release notes.",
        );
    }
    if team.is_some() {
        numbering::share(
            ctx,
            &store,
            &format!("{id} holds {advisory} here"),
            &advisory,
        );
    }
    Ok(())
}

/// Refuses a case that has an advisory ID already or is closed.
fn check(case: &Case) -> Result<()> {
    if let Some(advisory) = &case.identifiers.advisory {
        return Err(Error::refused(format!(
            "{} already has the advisory ID {advisory}",
            case.id
        )));
    }
    if !case.state.is_open() {
        return Err(Error::refused(format!(
            "cannot reserve an advisory ID for {}: it is {}",
            case.id, case.state
        )));
    }
    Ok(())
}
