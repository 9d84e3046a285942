//! `disclose contact`: log a message to or from the reporter.

use crate::case::{Direction, Stamp};
use crate::context::Ctx;
use crate::error::Result;
use crate::id::CaseRef;
use crate::input;

/// Log a message sent to, or received from, the reporter
///
/// Messages are private (never exported). A message to the reporter resets
/// the reporter-update clock (the policy's update_every). Use `-` as the
/// text to read it from stdin.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose contact K7Q --to-reporter 'Confirmed; fix planned for 1.4.2 next week.'\n  \
    disclose contact K7Q --from-reporter 'Thanks! Please credit me as Ada L.'")]
#[command(group(clap::ArgGroup::new("direction").required(true).args(["to_reporter", "from_reporter"])))]
pub struct ContactArgs {
    /// Case the message belongs to, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// The message (or a summary of it; `-` reads stdin)
    pub text: String,
    /// The team wrote to the reporter
    #[arg(long)]
    pub to_reporter: bool,
    /// The reporter wrote to the team
    #[arg(long)]
    pub from_reporter: bool,
}

pub fn run(ctx: &Ctx, args: &ContactArgs) -> Result<()> {
    let text = if args.text == "-" {
        input::read_text(std::path::Path::new("-"), "TEXT")?
    } else {
        args.text.clone()
    };
    let direction = if args.to_reporter {
        Direction::ToReporter
    } else {
        Direction::FromReporter
    };
    let (_, case) = ctx.change_case(&args.id, |case, cx| {
        case.log_contact(
            direction,
            text.trim().to_owned(),
            None,
            Stamp {
                at: cx.now,
                by: cx.by,
            },
        )?;
        Ok(())
    })?;
    let what = match direction {
        Direction::ToReporter => "a message to the reporter",
        Direction::FromReporter => "a message from the reporter",
    };
    ctx.ui.status(&format!("Logged {what} on {}", case.id));
    ctx.print_case_json(&case)
}
