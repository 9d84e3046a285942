//! `disclose note`: a note on a case, private unless --public.

use crate::app::context::Ctx;
use crate::app::input;
use crate::error::Result;
use crate::model::id::CaseRef;

/// Add a note to a case (private unless --public)
///
/// Notes are the team's record and never leave the store. --public marks a
/// note as one the team may share; it is not rendered into the advisory
/// either, whose text is written with `disclose describe`. Private notes are
/// also checked for by the leak guard before anything is published. Use `-`
/// as the text to read it from stdin. A note holds at most 1 MB.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose note K7Q 'Same root cause as the 2024 upload bug'\n  disclose note K7Q --public 'Told the distributions on the linux-distros list.'"
)]
pub struct NoteArgs {
    /// Case to annotate, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// The note (`-` reads stdin)
    pub text: String,
    /// Mark the note as one the team may share (the leak guard ignores it)
    #[arg(long)]
    pub public: bool,
}

pub fn run(ctx: &Ctx, args: &NoteArgs) -> Result<()> {
    let text = if args.text == "-" {
        input::read_text(std::path::Path::new("-"), "TEXT")?
    } else {
        args.text.clone()
    };
    let text = text.trim().to_owned();
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.add_note(text, !args.public, cx.stamp())?;
        Ok(())
    })?;
    let kind = if args.public { "public" } else { "private" };
    ctx.ui
        .status(&format!("Added a {kind} note to {}", case.id));
    ctx.changed(&store, &case)
}
