//! `disclose open --from-email FILE` and `--from-mbox FILE`: cases from
//! saved messages. Everything is read and checked before the store is
//! touched, so bad input changes nothing.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{OpenArgs, say_opened, text};
use crate::app::context::Ctx;
use crate::app::input;
use crate::email::import::{self, Overrides, Staged};
use crate::email::{self as mail, Email, SafeNames, Thread};
use crate::error::{Error, Result};
use crate::model::case::{Case, Reporter};
use crate::model::limits;
use crate::model::time::rfc3339;
use crate::store::{Store, Tx};

pub(super) fn run(ctx: &Ctx, args: &OpenArgs) -> Result<()> {
    let now = ctx.now();
    let over = overrides(args, now)?;
    let limit = args.max_size.0;
    let (emails, labels, from_mbox) = match (&args.from_email, &args.from_mbox) {
        (Some(path), _) => {
            let label = format!("--from-email {}", path.display());
            let raw = input::read_bytes(path, "--from-email", limit)?;
            let email = mail::parse(&raw).map_err(|e| bad_message(&label, &e))?;
            (vec![email], vec![label], false)
        }
        (None, Some(path)) => {
            let (emails, labels) = read_mbox(ctx, path, limit)?;
            (emails, labels, true)
        }
        (None, None) => unreachable!("run only with --from-email or --from-mbox"),
    };
    let threads = mail::threads(&emails);
    if from_mbox && threads.len() > 1 && (over.any() || !args.related.is_empty()) {
        return Err(Error::input(format!(
            "--from-mbox {}: the mailbox holds {} threads, so flags that describe one report \
             (--title, --reporter-*, --received, --description, --related, ...) would apply to all of them",
            args.from_mbox
                .as_deref()
                .unwrap_or(Path::new("-"))
                .display(),
            threads.len()
        ))
        .with_hint("import without those flags, or split the mailbox"));
    }
    let mut plans = Vec::with_capacity(threads.len());
    for thread in threads {
        let root = &emails[thread.root];
        let label = &labels[thread.root];
        let mut new = import::new_case(root, &over).ok_or_else(|| {
            Error::input(format!(
                "{label}: the message has no Subject to use as the title"
            ))
            .with_hint("give one with --title")
        })?;
        if over.title.is_none() {
            let (cut, was_cut) = limits::cut_title(&new.title);
            if was_cut {
                ctx.ui.warn(&format!(
                    "{label}: the subject is longer than a title may be; the title keeps its \
                     first {} characters",
                    limits::TITLE_CHARS
                ));
                new.title = cut.to_owned();
            }
        }
        input::check_new_case(&new).map_err(|e| match e {
            Error::Input { message, hint } => Error::Input {
                message: format!("{label}: {message}"),
                hint,
            },
            other => other,
        })?;
        if let Some(date) = new.received_at
            && date > now
        {
            ctx.ui.warn(&format!(
                "{label}: the message is dated {} (in the future); recording it as received now",
                rfc3339(date)
            ));
            new.received_at = Some(now);
        }
        let dropped = mail::split_sections(&root.body).dropped_lines;
        plans.push((thread, new, dropped));
    }

    let store = ctx.store_for_write()?;
    let related = crate::commands::common::links::resolve(&store, &args.related)?;
    let all: Vec<usize> = (0..emails.len()).collect();
    let mut warned = Vec::new();
    refuse_reimport(&ctx.ui, &mut warned, &store, &emails, &labels, &all)?;
    let mut opened = Vec::with_capacity(plans.len());
    let mut dropped_lines = Vec::with_capacity(plans.len());
    for (thread, new, dropped) in plans {
        let case = ctx.transact(&store, |tx, by| {
            // Checked again under the lock: another process may have won the race.
            let mine: Vec<usize> = [thread.root]
                .into_iter()
                .chain(thread.replies.iter().copied())
                .collect();
            refuse_reimport(&ctx.ui, &mut warned, tx.store(), &emails, &labels, &mine)?;
            open_thread(tx, by, now, &emails, &thread, new, &related)
        })?;
        opened.push(case);
        dropped_lines.push(dropped);
    }

    if ctx.ui.json() {
        match opened.as_slice() {
            [one] if !from_mbox => ctx.ui.print_json(one)?,
            all => ctx.ui.print_json(all)?,
        }
    } else {
        for case in &opened {
            ctx.ui.println(case.id.as_str())?;
        }
    }
    for (case, dropped) in opened.iter().zip(dropped_lines) {
        say_opened(ctx, case);
        let report = &case.report;
        let sections = mail::ReportSections {
            description: report.description.clone(),
            reproduction: report.reproduction.clone(),
            impact: report.impact.clone(),
            remediation: report.remediation.clone(),
            dropped_lines: dropped,
        };
        ctx.ui.status(&format!("  report: {}", sections.summary()));
        let replies = case.contacts.len();
        if replies > 0 {
            ctx.ui.status(&format!(
                "  logged {replies} later message{} of the thread as contact{}",
                if replies == 1 { "" } else { "s" },
                if replies == 1 { "" } else { "s" },
            ));
        }
        if !case.attachments.is_empty() {
            ctx.ui.status(&format!(
                "  stored {} attachment{} under attachments/{}/ (private)",
                case.attachments.len(),
                if case.attachments.len() == 1 { "" } else { "s" },
                case.id
            ));
        }
    }
    if let [one] = opened.as_slice() {
        ctx.say_next(&store, one);
    }
    Ok(())
}

/// One thread: the case opened by its first message, its replies logged
/// as contacts, its attachments written, all in one commit.
fn open_thread(
    tx: &mut Tx<'_>,
    by: &str,
    now: DateTime<Utc>,
    emails: &[Email],
    thread: &Thread,
    new: crate::model::case::NewCase,
    related: &[crate::model::id::CaseId],
) -> Result<Case> {
    let id = tx.new_case_id();
    let root = &emails[thread.root];
    let mut names = SafeNames::default();
    let (attachments, mut files) = import::stage_attachments(&id, root, &mut names);
    let slas = tx.store().policy().slas();
    let mut case = Case::open_from_email(
        id.clone(),
        new,
        Some(import::source(root)),
        attachments,
        slas,
        now,
        by,
    );
    for &i in &thread.replies {
        let reply = &emails[i];
        let (kind, staged) = import::reply_event(&case, reply, &mut names, now);
        files.extend(staged);
        case.record(kind, now, by, None);
    }
    input::check_limits(&case.events)?;
    write_files(tx, files);
    let stamp = crate::model::case::Stamp { at: now, by };
    let linked = crate::commands::common::links::link_both_ways(tx, &mut case, related, stamp)?;
    let replies = thread.replies.len();
    tx.set_message(match replies {
        0 => super::opened_message(&case, &linked),
        1 => format!("{id}: open (with 1 reply)"),
        n => format!("{id}: open (with {n} replies)"),
    });
    tx.write(&case);
    Ok(case)
}

/// Stages the attachment files in the transaction.
fn write_files(tx: &mut Tx<'_>, files: Vec<Staged>) {
    for file in files {
        tx.write_file(&file.rel_path, file.bytes);
    }
}

/// Reads an mbox, parses every message (naming the one at fault), and
/// drops exact repeats of a Message-ID.
fn read_mbox(ctx: &Ctx, path: &Path, limit: usize) -> Result<(Vec<Email>, Vec<String>)> {
    let name = format!("--from-mbox {}", path.display());
    let raw = input::read_bytes(path, "--from-mbox", usize::MAX)?;
    let raws = mail::split_mbox(&raw).map_err(|e| bad_message(&name, &e))?;
    let mut emails = Vec::with_capacity(raws.len());
    let mut labels = Vec::with_capacity(raws.len());
    let mut seen = HashSet::new();
    for (i, raw) in raws.iter().enumerate() {
        let label = format!("{name}: message {}", i + 1);
        mail::check_size(raw.len(), limit)
            .map_err(|e| bad_message(&label, &e).with_hint("raise the limit with --max-size"))?;
        let email = mail::parse(raw).map_err(|e| bad_message(&label, &e))?;
        if let Some(id) = &email.message_id
            && !seen.insert(id.clone())
        {
            ctx.ui
                .warn(&format!("{label} repeats <{id}>; skipping the copy"));
            continue;
        }
        emails.push(email);
        labels.push(label);
    }
    Ok((emails, labels))
}

fn bad_message(label: &str, err: &mail::EmailError) -> Error {
    Error::input(format!("{label}: {err}"))
}

/// Refuses a message that a case already holds, naming the case (exit 1),
/// and warns (once per message) about one that replies to a case's thread.
fn refuse_reimport(
    ui: &crate::app::ui::Ui,
    warned: &mut Vec<usize>,
    store: &Store,
    emails: &[Email],
    labels: &[String],
    which: &[usize],
) -> Result<()> {
    let (cases, _unreadable) = store.read_all()?;
    for &i in which {
        let (email, label) = (&emails[i], &labels[i]);
        let replied = email
            .parents()
            .find_map(|p| cases.iter().find(|c| c.message_ids.iter().any(|m| m == p)));
        if let Some(case) = replied
            && !warned.contains(&i)
        {
            warned.push(i);
            ui.warn(&format!(
                "{label} replies to a message of {}; if it belongs there, log it with \
                 `disclose contact {} --from-email FILE` instead",
                case.id, case.id
            ));
        }
        let id = email.message_id.as_deref();
        if let Some(case) = cases.iter().find(|c| c.holds_message(id, &email.sha256)) {
            let what = id.map_or_else(|| "this message".to_owned(), |id| format!("<{id}>"));
            return Err(Error::refused(format!(
                "{label}: {what} was already imported into {}",
                case.id
            ))
            .with_hint(format!("see it with `disclose show {}`", case.id)));
        }
    }
    Ok(())
}

/// The command-line fields that override the email, checked up front.
fn overrides(args: &OpenArgs, now: DateTime<Utc>) -> Result<Overrides> {
    if args.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::input("--title must not be empty"));
    }
    if let Some(email) = &args.reporter_email {
        crate::model::syntax::check_email(email, "--reporter-email")?;
    }
    if let Some(received) = args.received {
        input::check_not_future(received.0, now, "--received")?;
    }
    if args.from_email.as_deref() == Some(Path::new("-"))
        && args.description_file.as_deref() == Some(Path::new("-"))
    {
        return Err(Error::input(
            "--from-email - and --description-file - cannot both read stdin",
        ));
    }
    let description = match &args.description_file {
        Some(path) => text(Some(&input::read_text(path, "--description-file")?)),
        None => text(args.description.as_ref()),
    };
    let reporter = Reporter {
        name: text(args.reporter_name.as_ref()),
        email: text(args.reporter_email.as_ref()),
        handle: text(args.reporter_handle.as_ref()),
    };
    Ok(Overrides {
        title: text(args.title.as_ref()),
        reporter_name: reporter.name,
        reporter_email: reporter.email,
        reporter_handle: reporter.handle,
        received_at: args.received.map(|t| t.0),
        description,
        reproduction: text(args.reproduction.as_ref()),
        impact: text(args.impact.as_ref()),
        remediation: text(args.remediation.as_ref()),
    })
}
