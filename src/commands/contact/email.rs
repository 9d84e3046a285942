//! `disclose contact ID --from-email FILE`: a later message of the
//! reporter's thread, logged as a contact with its Message-ID and
//! attachments, in one commit.

use std::path::Path;

use crate::app::context::Ctx;
use crate::app::input;
use crate::email::import;
use crate::email::{self as mail, SafeNames};
use crate::error::{Error, Result};
use crate::model::id::CaseRef;

pub(super) fn run(ctx: &Ctx, typed: &CaseRef, path: &Path, limit: usize) -> Result<()> {
    let label = format!("--from-email {}", path.display());
    let raw = input::read_bytes(path, "--from-email", limit)?;
    let reply = mail::parse(&raw).map_err(|e| Error::input(format!("{label}: {e}")))?;
    let store = ctx.store()?;
    let id = store.resolve(typed)?;
    let now = ctx.now();
    let case = ctx.transact(&store, |tx, by| {
        let (cases, _unreadable) = tx.store().read_all()?;
        if let Some(holder) = cases
            .iter()
            .find(|c| c.holds_message(reply.message_id.as_deref(), &reply.sha256))
        {
            let what = reply
                .message_id
                .as_deref()
                .map_or_else(|| "this message".to_owned(), |m| format!("<{m}>"));
            return Err(Error::refused(format!(
                "{label}: {what} was already imported into {}",
                holder.id
            ))
            .with_hint(format!("see it with `disclose log {}`", holder.id)));
        }
        let mut case = tx.read(&id)?;
        if !case.message_ids.is_empty()
            && !reply
                .parents()
                .any(|p| case.message_ids.iter().any(|m| m == p))
        {
            ctx.ui.warn(&format!(
                "{label} does not reply to a message of {id}'s thread; logging it anyway"
            ));
        }
        let mut names = SafeNames::new(case.attachments.iter().map(|a| a.name.as_str()));
        let (kind, files) = import::reply_event(&case, &reply, &mut names, now);
        case.record(kind, now, by, None);
        input::check_limits(&case.events[case.events.len() - 1..])?;
        for file in files {
            tx.write_file(&file.rel_path, file.bytes);
        }
        tx.set_message(format!("{id}: log contact"));
        tx.write(&case);
        Ok(case)
    })?;
    let contact = case.contacts.last().expect("just logged");
    let what = match contact.direction {
        crate::model::case::Direction::ToReporter => "a message to the reporter",
        crate::model::case::Direction::FromReporter => "a message from the reporter",
    };
    ctx.ui
        .status(&format!("Logged {what} on {} (from {label})", case.id));
    ctx.changed(&store, &case)
}
