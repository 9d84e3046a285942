//! `disclose note`: a note on a case, private unless --public.

use crate::app::context::Ctx;
use crate::app::input;
use crate::error::Result;
use crate::model::id::CaseRef;

/// Add a note to a case (private unless --public)
///
/// Private notes never leave the store; public notes may appear in the
/// published advisory. Use `-` as the text to read it from stdin.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose note K7Q 'Same root cause as the 2024 upload bug'\n  disclose note K7Q --public 'Upgrading is the only fix; no workaround.'"
)]
pub struct NoteArgs {
    /// Case to annotate, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// The note (`-` reads stdin)
    pub text: String,
    /// Allow the note in published advisories
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
