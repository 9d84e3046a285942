//! `disclose describe`: the public advisory text, written by the
//! maintainers, with flags or in the editor.

mod template;

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::app::{editor, input};
use crate::error::{Error, Result};
use crate::model::case::{PublicChange, PublicText};
use crate::model::id::CaseRef;

/// Write the public advisory text of a case
///
/// The report is the reporter's private input; the advisory is what the
/// maintainers write for the public, and publishing uses only this text:
/// a title (default: the case title), a one-line summary of at most 120
/// characters, the details in Markdown, the impact, workarounds and extra
/// reference URLs. `publish` refuses until the summary and details exist.
///
/// Each flag sets one field (an empty value clears it); --reference, given
/// once per URL, replaces the list. --edit opens $VISUAL (else $EDITOR) on
/// the current text; the first time it starts from the report, each section
/// marked as the reporter's words, and is refused while a marker is left,
/// so the reporter's words never go out unread. Each change records only the
/// fields it changes, so two maintainers editing different fields both keep
/// their edit after `disclose sync`. Without flags, prints the current text.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose describe K7Q --edit\n  \
    disclose describe K7Q --summary 'Path traversal in the upload handler' --details details.md\n  \
    disclose describe K7Q --impact 'Any user who may upload can overwrite server files.'\n  \
    disclose describe K7Q --workarounds 'Set uploads.enabled = false until you upgrade.'\n  \
    disclose describe K7Q --reference https://example.org/blog/upload-fix\n  \
    disclose describe K7Q --json")]
pub struct DescribeArgs {
    /// Case to describe, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
    /// The advisory's title (default: the case title)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// One line, at most 120 characters (OSV's `summary`)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// The details in Markdown, from FILE (`-` reads stdin)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub details: Option<PathBuf>,
    /// Who is affected and what an attacker can do
    #[arg(long, value_name = "TEXT")]
    pub impact: Option<String>,
    /// What users can do before they can upgrade
    #[arg(long, value_name = "TEXT")]
    pub workarounds: Option<String>,
    /// An extra reference URL (repeat for several; replaces the list)
    #[arg(long = "reference", value_name = "URL")]
    pub references: Vec<String>,
    /// Remove every extra reference URL
    #[arg(long, conflicts_with = "references")]
    pub no_references: bool,
    /// Write the text in $VISUAL or $EDITOR
    #[arg(
        long,
        conflicts_with_all = ["title", "summary", "details", "impact", "workarounds", "references", "no_references"]
    )]
    pub edit: bool,
}

pub fn run(ctx: &Ctx, args: &DescribeArgs) -> Result<()> {
    let change = if args.edit {
        Some(edited(ctx, args)?)
    } else {
        from_flags(args)?
    };
    let Some(change) = change else {
        return show(ctx, args);
    };
    let fields: Vec<&str> = change.writes().iter().map(|(f, _)| f.as_str()).collect();
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.describe(change, cx.stamp())?;
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "{}: public text set ({}).",
        case.id,
        fields.join(", ")
    ));
    if !case.public.is_complete() {
        let missing: Vec<&str> = [
            case.public.summary.is_none().then_some("--summary"),
            case.public.details.is_none().then_some("--details"),
        ]
        .into_iter()
        .flatten()
        .collect();
        ctx.ui.status(&format!(
            "Publishing still needs {}: `disclose describe {} --edit`",
            missing.join(" and "),
            case.id
        ));
    } else if case.state != crate::model::case::State::Published {
        ctx.ui.status(&format!(
            "See the advisory as it would go out: `disclose publish {} --dry-run`",
            case.id
        ));
    }
    ctx.changed(&store, &case)
}

/// The change the flags ask for, or `None` when no flag was given.
fn from_flags(args: &DescribeArgs) -> Result<Option<PublicChange>> {
    let details = match &args.details {
        None => None,
        Some(path) => {
            let text = input::read_text(path, "--details")?;
            if text.trim().is_empty() {
                return Err(Error::input(format!(
                    "--details {}: the file is empty",
                    path.display()
                )));
            }
            Some(text)
        }
    };
    let references = if args.no_references {
        Some(Vec::new())
    } else {
        (!args.references.is_empty()).then(|| args.references.clone())
    };
    let change = PublicChange {
        title: args.title.clone(),
        summary: args.summary.clone(),
        details,
        impact: args.impact.clone(),
        workarounds: args.workarounds.clone(),
        references,
    };
    Ok((!change.is_empty()).then_some(change))
}

/// The change made in the editor, relative to the text it started from.
fn edited(ctx: &Ctx, args: &DescribeArgs) -> Result<PublicChange> {
    let (_, case) = ctx.read_case(&args.id)?;
    let initial = template::render(&case);
    let saved = editor::edit(
        ctx.env.editor.as_deref(),
        &format!("{}-advisory.md", case.id),
        &initial,
    )?;
    if saved == initial {
        return Err(unchanged(&case.id.to_string()));
    }
    let text = template::parse(&saved)?;
    let base = if template::from_report(&case) {
        PublicText::default()
    } else {
        case.public.clone()
    };
    let change = PublicChange::between(&base, &text);
    if change.is_empty() {
        return Err(unchanged(&case.id.to_string()));
    }
    Ok(change)
}

fn unchanged(id: &str) -> Error {
    Error::input(format!(
        "the text was saved unchanged: nothing was recorded for {id}"
    ))
}

/// Prints the current public text.
fn show(ctx: &Ctx, args: &DescribeArgs) -> Result<()> {
    let (_, case) = ctx.read_case(&args.id)?;
    if ctx.ui.json() {
        return ctx.ui.print_json(&case.public);
    }
    let p = &case.public;
    let mut out = String::new();
    let line = |out: &mut String, name: &str, value: Option<&str>| {
        out.push_str(&format!("{name:<12}{}\n", value.unwrap_or("-")));
    };
    line(
        &mut out,
        "title",
        Some(p.title.as_deref().unwrap_or(&case.title)),
    );
    line(&mut out, "summary", p.summary.as_deref());
    for (name, body) in [
        ("details", &p.details),
        ("impact", &p.impact),
        ("workarounds", &p.workarounds),
    ] {
        match body {
            Some(body) => {
                out.push_str(&format!("{name}\n"));
                for l in body.lines() {
                    out.push_str(&format!("  {l}\n"));
                }
            }
            None => line(&mut out, name, None),
        }
    }
    if p.references.is_empty() {
        line(&mut out, "references", None);
    } else {
        out.push_str("references\n");
        for r in &p.references {
            out.push_str(&format!("  {r}\n"));
        }
    }
    ctx.ui.print(&out)?;
    if !p.is_complete() {
        ctx.ui.status(&format!(
            "No public summary and details yet: write them with `disclose describe {} --edit`",
            case.id
        ));
    }
    Ok(())
}
