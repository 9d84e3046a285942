//! `disclose open`: start a case for a new report.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::app::input;
use crate::commands::common::links;
use crate::email::ByteSize;
use crate::error::Result;
use crate::judge::clocks::Clocks;
use crate::model::case::{Case, NewCase, Report, Reporter, Stamp};
use crate::model::id::CaseRef;
use crate::model::time::Timestamp;

mod email;

/// Open a case for a new vulnerability report
///
/// Prints the new case ID on stdout (alone with -q, the whole case with
/// --json). The policy's durations in force now are copied into the case,
/// so later policy changes do not move its deadlines. The reporter is added
/// as a FINDER credit with consent `pending`.
///
/// On a terminal, what the flags leave out is prompted for: the title, the
/// reporter's name and email, the description (Ctrl-D at a prompt cancels
/// and changes nothing). With --no-input or no terminal, a missing title
/// fails naming the flag, and the rest stays empty.
///
/// With --from-email, the report is read from a saved message (.eml): From
/// gives the reporter, Subject the title (without Re:, Fwd:, [SECURITY]),
/// Date the time received, the text (or HTML) body the description, and
/// sections headed "Steps to reproduce", "Impact" and "Remediation" or
/// "Suggested fix" the matching fields. Flags given as well win over the
/// email. Attachments are stored privately under attachments/<ID>/ and are
/// never exported. The Message-ID is recorded, so importing the same message
/// twice is refused.
///
/// With --from-mbox, every thread of the mailbox opens a case (one commit
/// each) from the message that answers no other, and the rest of the thread
/// is logged as contacts with the reporter, in date order (a mailbox
/// exported newest first reads the same).
///
/// --internal opens a finding of the team's own (found in review, in the
/// audit of another case, by a fuzzer): it has no reporter, so no
/// acknowledgement or update clock, no policy deadline and no reporter
/// drafts; it is confirmed straight from `new`. --related ID links the new
/// case with another, both ways (repeatable); `show` lists the links.
///
/// Limits: a title holds at most 256 characters (a longer email subject is
/// cut, with a warning); a name, handle, address or other one-line value
/// 1,000 characters; the description and the other texts 1 MB, as does
/// --description-file. A longer value is refused (exit 2, naming the
/// field) before anything is recorded.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose open --title 'Path traversal in upload' --reporter-name 'Ada L.' --reporter-email ada@example.org\n  \
    disclose open --internal --title 'Same traversal in the avatar upload' --related K7Q\n  \
    id=$(disclose open -q --title 'XSS in admin panel' --description-file report.txt)\n  \
    mail-body | disclose open --title 'RCE via template' --description-file -\n  \
    disclose open --from-email report.eml\n  \
    disclose open --from-email - --title 'Better title' < report.eml\n  \
    disclose open --from-mbox security-inbox.mbox --max-size 50MB")]
pub struct OpenArgs {
    /// One-line summary of the problem (at most 256 characters)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Reporter's name (as they want to be credited)
    #[arg(long, value_name = "NAME")]
    pub reporter_name: Option<String>,
    /// Reporter's email (private: never exported)
    #[arg(long, value_name = "EMAIL")]
    pub reporter_email: Option<String>,
    /// Reporter's handle, e.g. a GitHub user name
    #[arg(long, value_name = "HANDLE")]
    pub reporter_handle: Option<String>,
    /// When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)
    #[arg(long, value_name = "TIME")]
    pub received: Option<Timestamp>,
    /// What the reporter found
    #[arg(long, value_name = "TEXT", conflicts_with = "description_file")]
    pub description: Option<String>,
    /// Read the description from a file (at most 1 MB), or from stdin with `-`
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub description_file: Option<PathBuf>,
    /// Steps to reproduce
    #[arg(long, value_name = "TEXT")]
    pub reproduction: Option<String>,
    /// What an attacker gains
    #[arg(long, value_name = "TEXT")]
    pub impact: Option<String>,
    /// Suggested fix or workaround
    #[arg(long, value_name = "TEXT")]
    pub remediation: Option<String>,
    /// Read the report from an email message (.eml), or from stdin with `-`
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with = "from_mbox")]
    pub from_email: Option<PathBuf>,
    /// Open a case for each thread of an mbox file; replies become contacts
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub from_mbox: Option<PathBuf>,
    /// Largest message accepted from --from-email or --from-mbox
    #[arg(long, value_name = "SIZE", default_value = "25MB")]
    pub max_size: ByteSize,
    /// A finding of the team's own: no reporter, no reporter clocks or drafts
    #[arg(long, conflicts_with_all = ["reporter_name", "reporter_email", "reporter_handle", "from_email", "from_mbox"])]
    pub internal: bool,
    /// Link the new case with this one, both ways (repeatable)
    #[arg(long = "related", value_name = "ID")]
    pub related: Vec<CaseRef>,
}

fn text(value: Option<&String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

pub fn run(ctx: &Ctx, args: &OpenArgs) -> Result<()> {
    if args.from_email.is_some() || args.from_mbox.is_some() {
        return email::run(ctx, args);
    }
    let now = ctx.now();
    // Validate everything before the store is touched (or created).
    if let Some(email) = &args.reporter_email {
        crate::model::syntax::check_email(email, "--reporter-email")?;
    }
    if let Some(received) = args.received {
        input::check_not_future(received.0, now, "--received")?;
    }
    // On a terminal, what the flags left out is asked for; Ctrl-D at any
    // prompt cancels before anything is written.
    let ui = &ctx.ui;
    let title = input::required(ui, args.title.as_deref(), "--title", "Title")?;
    let reporter_given = args.reporter_name.is_some()
        || args.reporter_email.is_some()
        || args.reporter_handle.is_some();
    let (name, email) = if reporter_given {
        (
            text(args.reporter_name.as_ref()),
            text(args.reporter_email.as_ref()),
        )
    } else {
        let name = input::optional(ui, None, "Reporter's name", |_| Ok(()))?;
        let email = input::optional(ui, None, "Reporter's email", |e| {
            if crate::model::syntax::is_email_address(e) {
                Ok(())
            } else {
                Err(format!(
                    "{e:?} is not an email address (expected name@example.org)"
                ))
            }
        })?;
        (name, email)
    };
    let description = match (&args.description_file, &args.description) {
        (Some(path), _) => text(Some(&input::read_text(path, "--description-file")?)),
        (None, Some(given)) => text(Some(given)),
        (None, None) => input::optional_lines(ui, "Description")?,
    };
    let new = NewCase {
        title,
        received_at: args.received.map(|t| t.0),
        reporter: Reporter {
            name,
            email,
            handle: text(args.reporter_handle.as_ref()),
        },
        report: Report {
            description,
            reproduction: text(args.reproduction.as_ref()),
            impact: text(args.impact.as_ref()),
            remediation: text(args.remediation.as_ref()),
        },
        internal: args.internal,
    };
    input::check_new_case(&new)?;

    let store = ctx.store_for_write()?;
    let related = links::resolve(&store, &args.related)?;
    let case = ctx.transact(&store, |tx, by| {
        let id = tx.new_case_id();
        let mut case = Case::open(id, new, tx.store().policy().slas(), now, by);
        input::check_limits(&case.events)?;
        let linked = links::link_both_ways(tx, &mut case, &related, Stamp { at: now, by })?;
        tx.set_message(opened_message(&case, &linked));
        tx.write(&case);
        Ok(case)
    })?;

    if ctx.ui.json() {
        ctx.ui.print_json(&case)?;
    } else {
        ctx.ui.println(case.id.as_str())?;
    }
    say_opened(ctx, &case);
    ctx.say_next(&store, &case);
    Ok(())
}

/// The commit message of an opening, naming the cases it linked.
pub(crate) fn opened_message(case: &Case, linked: &[crate::model::id::CaseId]) -> String {
    match linked {
        [] => format!("{}: open", case.id),
        ids => format!(
            "{}: open (related to {})",
            case.id,
            ids.iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The status line after a case was opened: its ID, title and ack deadline.
fn say_opened(ctx: &Ctx, case: &Case) {
    let now = ctx.now();
    // A case just opened has no exploitation recorded: no CRA clocks yet.
    let clocks = Clocks::of(case, now, false);
    let ack = clocks
        .acknowledgement
        .and_then(|c| c.due_at())
        .map(|due| format!("; acknowledge by {}", crate::app::clock::human(due)))
        .unwrap_or_default();
    let internal = if case.internal {
        " (internal finding: no reporter clocks; confirm it when it is real)"
    } else {
        ""
    };
    ctx.ui.status(&format!(
        "Opened {}: {}{ack}{internal}",
        case.id, case.title
    ));
    if !case.related.is_empty() {
        ctx.ui.status(&format!(
            "  linked with {}",
            case.related
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}
