//! `disclose export`: one advisory format of a case, to stdout or a file.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::commands::common::output::OutputMode;
use crate::error::{Error, Result};
use crate::export::leak::Guard;
use crate::export::{self, Format};
use crate::model::id::CaseRef;

/// Write one advisory format of a case
///
/// Renders the case as a Markdown advisory, the Security section of release
/// notes, an announcement email (RFC 5322), an OSV record or a CVE JSON 5
/// record. Affected ranges are derived per maintained release from the fix
/// matrix. The text is the maintainers' public text (`disclose describe`);
/// nothing private leaves the store: not the report, the reporter's email,
/// private notes or messages, nor any name without granted consent. The
/// leak guard scans the output and warns about each finding (file, line,
/// kind).
///
/// A case that is not published yet is exported only with --preview: the
/// Markdown, release notes and email then open with a line saying the text
/// is embargoed and not for release, under the reserved advisory ID
/// (`disclose reserve`) or a provisional one. The same case and
/// DISCLOSE_NOW always give the same bytes. The email is addressed To:
/// the policy's announce_to (a list such as oss-security). With --json,
/// the file comes wrapped: `{case, format, preview, text}` (or `file`
/// with --out).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose export K7Q --format markdown\n  \
    disclose export DISC-2026-K7Q3M --format osv --out osv.json\n  \
    disclose policy set announce_to oss-security@lists.openwall.com\n  \
    disclose export K7Q --format email | sendmail -t\n  \
    disclose export K7Q --format release-notes --preview   # before publishing")]
pub struct ExportArgs {
    /// Case to export, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Format,
    /// Write to FILE instead of stdout (private to you: mode 0600)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub out: Option<PathBuf>,
    /// Export a case that is not published yet, marked as an embargoed preview
    #[arg(long)]
    pub preview: bool,
    #[command(flatten)]
    pub mode: OutputMode,
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    args.mode
        .require_files(args.out.is_some(), "without --out the advisory is printed")?;
    let (store, case) = ctx.read_case(&args.id)?;
    // A withdrawn advisory was published: it is exported as withdrawn. So
    // was a public record the case was imported from (a rejected CVE too).
    let published = case.published_at.is_some() || case.from_public_record();
    export::has_advisory(&case)?;
    if !published && !args.preview {
        return Err(Error::input(format!(
            "{} is {}, not published: its advisory is still embargoed",
            case.id, case.state
        ))
        .with_hint(format!(
            "pass --preview to export it marked as an embargoed preview: \
             `disclose export {} --format {} --preview`",
            case.id,
            args.format.as_str()
        )));
    }
    let policy = store.policy();
    let text = if published {
        export::render(&case, policy, args.format, ctx.now())?
    } else {
        export::preview(&case, policy, args.format, ctx.now())?
    };
    if !published {
        let name = match &case.identifiers.advisory {
            Some(advisory) => format!("the reserved ID {advisory}"),
            None => "a provisional ID".to_owned(),
        };
        ctx.ui.status(&format!(
            "{} is {}, not published: this is an embargoed preview under {name}.",
            case.id, case.state
        ));
    }
    let preview = !published;
    let file = args.out.as_ref().map_or_else(
        || args.format.file_name().to_owned(),
        |p| p.display().to_string(),
    );
    let json = matches!(args.format, Format::Osv | Format::Cve);
    for finding in Guard::new(&case, policy).scan(&file, &text, json) {
        ctx.ui.warn(&format!("leak guard: {finding}"));
    }
    match &args.out {
        Some(path) => {
            crate::store::write_out(path, text.as_bytes(), args.mode.visibility())
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
