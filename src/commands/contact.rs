//! `disclose contact`: log a message to or from the reporter, log a reply
//! saved as an email, or draft the next message to send.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::app::input;
use crate::commands::common::templates::{self, DraftArgs};
use crate::drafts::DraftKind;
use crate::email::ByteSize;
use crate::error::{Error, Result};
use crate::model::case::Direction;
use crate::model::id::CaseRef;

mod email;

/// Log a message sent to, or received from, the reporter
///
/// Messages are private (never exported). A message to the reporter resets
/// the reporter-update clock (the policy's update_every). Use `-` as the
/// text to read it from stdin; a message holds at most 1 MB.
///
/// --from-email logs a reply saved from the mail program (.eml): its
/// direction comes from the sender (the reporter's address or not), its
/// text is the new part of the body, its Message-ID is recorded (importing
/// it twice is refused) and its attachments are stored privately.
///
/// --draft renders the next message to send from the case and the
/// promises it was opened under, without recording anything. Each kind
/// needs the case to be where the draft says it is, else it is refused
/// with the reason (--force drafts it anyway): need-info while the case is
/// investigated (new, acknowledged, confirmed); update once acknowledged
/// and until published; fix-ready once a fix is linked; published once
/// published. Released and prepared fixes are told apart, credit is asked
/// for only while the reporter's consent is pending, and a promise that is
/// off is never mentioned. --ask (repeatable) puts your own questions in
/// need-info; --message adds a paragraph to any draft; --edit opens it in
/// your editor. The Subject carries the case ID.
///
/// --eml writes the draft as a complete message threaded on the reporter's
/// email (To: the reporter; --to gives an address when the case has none).
/// Send it, then log it with --from-email and the same file. An internal
/// finding has no reporter and no drafts.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose contact K7Q --to-reporter 'Confirmed; fix planned for 1.4.2 next week.'\n  \
    disclose contact K7Q --from-reporter 'Thanks! Please credit me as Ada L.'\n  \
    disclose contact K7Q --from-email reply.eml\n  \
    disclose contact K7Q --draft need-info --ask 'Which browser did you use?'\n  \
    disclose contact K7Q --draft update --message 'The fix is in review.'\n  \
    disclose contact K7Q --draft fix-ready --eml fix-ready.eml")]
#[command(group(clap::ArgGroup::new("direction").args(["to_reporter", "from_reporter"])))]
#[command(group(clap::ArgGroup::new("mode").args(["draft", "from_email"])))]
pub struct ContactArgs {
    /// Case the message belongs to, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// The message (or a summary of it; `-` reads stdin)
    #[arg(required_unless_present_any = ["draft", "from_email"], conflicts_with_all = ["draft", "from_email"])]
    pub text: Option<String>,
    /// The team wrote to the reporter
    #[arg(long, conflicts_with_all = ["draft", "from_email"])]
    pub to_reporter: bool,
    /// The reporter wrote to the team
    #[arg(long, conflicts_with_all = ["draft", "from_email"])]
    pub from_reporter: bool,
    /// Log a reply saved as an email message (.eml), or read from stdin with `-`
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub from_email: Option<PathBuf>,
    /// Largest message accepted from --from-email
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "25MB",
        requires = "from_email"
    )]
    pub max_size: ByteSize,
    /// Print a draft of the next message to send; records nothing
    #[arg(long, value_name = "KIND", value_parser = parse_draft)]
    pub draft: Option<DraftKind>,
    /// With --draft, write the draft as a complete email (.eml) to FILE, or to stdout with `-`
    #[arg(long, value_name = "FILE", requires = "draft", value_hint = clap::ValueHint::FilePath)]
    pub eml: Option<PathBuf>,
    /// With --draft need-info: a question to ask (repeatable; replaces the default list)
    #[arg(long = "ask", value_name = "TEXT", requires = "draft")]
    pub asks: Vec<String>,
    #[command(flatten)]
    pub reply: DraftArgs,
    /// With --draft: draft it even when the case is not where the draft says it is
    #[arg(long, requires = "draft")]
    pub force: bool,
}

fn parse_draft(value: &str) -> Result<DraftKind, String> {
    match value.parse::<DraftKind>() {
        Ok(DraftKind::Ack) => Err("the ack draft comes with `disclose ack ID --draft`".to_owned()),
        Ok(kind) => Ok(kind),
        Err(e) => Err(e.to_string()),
    }
}

pub fn run(ctx: &Ctx, args: &ContactArgs) -> Result<()> {
    if let Some(kind) = args.draft {
        let (store, case) = ctx.read_case(&args.id)?;
        let prepared =
            templates::prepare(&store, kind, args.eml.as_deref(), &args.reply, &args.asks)?;
        templates::check_precondition(kind, &case, args.force)?;
        let composed = templates::compose(ctx, &store, &prepared, &case)?;
        return templates::emit(ctx, &composed, &case, false);
    }
    if args.reply.any() {
        return Err(Error::input(
            "--message, --edit and --to shape a draft: add --draft KIND",
        ));
    }
    if let Some(path) = &args.from_email {
        return email::run(ctx, &args.id, path, args.max_size.0);
    }
    let text = match args.text.as_deref() {
        Some("-") => input::read_text(std::path::Path::new("-"), "TEXT")?,
        Some(text) => text.to_owned(),
        None => unreachable!("clap requires TEXT without --draft or --from-email"),
    };
    let direction = match (args.to_reporter, args.from_reporter) {
        (true, _) => Direction::ToReporter,
        (_, true) => Direction::FromReporter,
        _ => {
            return Err(Error::input(
                "say which way the message went: --to-reporter or --from-reporter",
            ));
        }
    };
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        if case.internal {
            return Err(Error::refused(format!(
                "{} is an internal finding, with no reporter to write to or hear from",
                case.id
            ))
            .with_hint(format!(
                "record what you learned with `disclose note {} TEXT`",
                case.id
            )));
        }
        case.log_contact(direction, text.trim().to_owned(), None, cx.stamp())?;
        Ok(())
    })?;
    let what = match direction {
        Direction::ToReporter => "a message to the reporter",
        Direction::FromReporter => "a message from the reporter",
    };
    ctx.ui.status(&format!("Logged {what} on {}", case.id));
    ctx.changed(&store, &case)
}
