//! `disclose export`: one advisory format of a case, to stdout or a file.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::model::case::State;
use crate::model::id::CaseRef;

/// Write one advisory format of a case
///
/// Renders the case as a Markdown advisory, the Security section of release
/// notes, an announcement email (RFC 5322), an OSV record or a CVE JSON 5
/// record. Affected ranges are derived per maintained release from the fix
/// matrix. Nothing private leaves the store: not the reporter's email,
/// private notes or messages, nor any name without granted consent.
///
/// Before `publish`, the output is a preview under a provisional ID. The
/// same case and DISCLOSE_NOW always give the same bytes. With --json, the
/// file comes wrapped: `{case, format, preview, text}` (or `file` with --out).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose export K7Q --format markdown\n  \
    disclose export DISC-2026-K7Q3M --format osv --out osv.json\n  \
    disclose export K7Q --format email | sendmail -t")]
pub struct ExportArgs {
    /// Case to export, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Format,
    /// Write to FILE instead of stdout
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    let (store, case) = ctx.read_case(&args.id)?;
    let text = export::render(&case, store.policy(), args.format, ctx.now())?;
    if case.state != State::Published {
        ctx.ui.status(&format!(
            "{} is {}, not published: this is a preview under a provisional ID.",
            case.id, case.state
        ));
    }
    let preview = case.state != State::Published;
    match &args.out {
        Some(path) => {
            std::fs::write(path, text.as_bytes())
                .map_err(|e| Error::io(format!("write --out {}", path.display()), e))?;
            ctx.ui.status(&format!(
                "Wrote the {} export of {} to {}.",
                args.format.as_str(),
                case.id,
                path.display()
            ));
            if ctx.ui.json() {
                ctx.ui.print_json(&serde_json::json!({
                    "case": case.id,
                    "format": args.format.as_str(),
                    "preview": preview,
                    "file": path,
                }))?;
            }
            Ok(())
        }
        None => ctx.ui.product(
            &serde_json::json!({
                "case": case.id,
                "format": args.format.as_str(),
                "preview": preview,
                "text": text,
            }),
            &text,
        ),
    }
}
