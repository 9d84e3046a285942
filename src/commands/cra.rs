//! `disclose cra`: the EU Cyber Resilience Act's Article 14 reports of a
//! case: where their clocks stand, drafts of each, and their submissions.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::commands::common::cra;
use crate::commands::common::output::OutputMode;
use crate::drafts::cra::{self as draft, CraDraftKind};
use crate::error::{Error, Result};
use crate::judge::clocks::CraClocks;
use crate::model::case::Case;
use crate::model::cra::{CraReport, MemberState};
use crate::model::id::CaseRef;
use crate::model::policy::Policy;
use crate::model::time::Timestamp;
use crate::store::Visibility;

/// The EU CRA reports of a case: clocks, drafts and submissions
///
/// When the team became aware that a vulnerability is actively exploited
/// (`disclose exploited`), the EU Cyber Resilience Act (Article 14(2)) asks
/// the manufacturer for three reports to the CSIRT designated as
/// coordinator and ENISA, through ENISA's single reporting platform: the
/// early warning (early-warning) within 24 hours of becoming aware, naming
/// the Member States where the product is available; the vulnerability
/// notification (notification) within 72 hours: the product, the nature of
/// the exploit and of the vulnerability, the measures taken and those users
/// can take, how sensitive the information is; and the final report
/// (final-report) 14 days after a fix is released or a mitigation is
/// available (`disclose mitigated`): the vulnerability with its severity
/// and impact, the malicious actor where known, the security update or
/// other measures.
///
/// Pausing the case does not stop these clocks. `disclose cra ID` shows
/// where they stand. --draft prints a report filled from the case, with
/// what is still missing and the command that records it (--json: the
/// tool's own documented shape, fields named after the article's wording;
/// the platform's format is not public). The reports carry what the team
/// recorded about the exploitation, but nothing the reporter gave in
/// confidence (identity, report, messages) nor private notes.
///
/// --submitted REPORT records that it went out (--at, default now;
/// --reference, the platform's reference), which stops its clock; after
/// the due time it is recorded as late.
///
/// --draft user-notice prints the notice to impacted users (Article 14(8))
/// in Markdown, rendered from the advisory's public text only and checked
/// by the leak guard; its machine-readable part is the case's OSV record
/// (--out DIR writes user-notice.md and osv.json). Only with the policy's
/// `cra` switch on.
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("action").args(["draft", "submitted"])),
    after_help = "Examples:\n  \
    disclose cra K7Q\n  \
    disclose cra K7Q --draft early-warning\n  \
    disclose cra K7Q --submitted early-warning --reference ENISA-2026-0042\n  \
    disclose cra K7Q --draft notification --json\n  \
    disclose cra K7Q --submitted notification --at 2026-09-16T18:00:00+02:00\n  \
    disclose cra K7Q --draft user-notice --out notice/\n  \
    disclose cra K7Q --draft final-report"
)]
pub struct CraArgs {
    /// Case with exploitation recorded, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Print a draft: early-warning, notification, final-report or user-notice
    #[arg(long, value_enum, value_name = "REPORT")]
    pub draft: Option<CraDraftKind>,
    /// Record that a report was submitted: early-warning, notification or final-report
    #[arg(long, value_enum, value_name = "REPORT")]
    pub submitted: Option<CraReport>,
    /// When it was submitted (RFC 3339 or a date; default: now)
    #[arg(long, value_name = "TIME", requires = "submitted")]
    pub at: Option<Timestamp>,
    /// The platform's reference for the submission
    #[arg(long, value_name = "TEXT", requires = "submitted")]
    pub reference: Option<String>,
    /// With --draft user-notice: write user-notice.md and osv.json into DIR
    #[arg(long, value_name = "DIR", requires = "draft", value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    /// With --draft user-notice: print it despite leak guard findings
    #[arg(long, requires = "draft")]
    pub force: bool,
    #[command(flatten)]
    pub mode: OutputMode,
}

pub fn run(ctx: &Ctx, args: &CraArgs) -> Result<()> {
    args.mode
        .require_files(args.out.is_some(), "without --out the draft is printed")?;
    if let Some(report) = args.submitted {
        return submit(ctx, args, report);
    }
    let (store, case) = ctx.read_case(&args.id)?;
    let policy = store.policy();
    cra::require_cra(policy, "`disclose cra`")?;
    let Some(kind) = args.draft else {
        return show(ctx, &case, policy);
    };
    let Some(report) = kind.report() else {
        return user_notice(ctx, args, &case, policy);
    };
    if args.out.is_some() || args.force {
        return Err(Error::input(
            "--out and --force go with --draft user-notice; a report draft is printed",
        ));
    }
    let d = draft::report(&case, policy, report)?;
    if ctx.ui.json() {
        return ctx.ui.print_json(&d);
    }
    ctx.ui.print(&draft::render_text(&d, ctx.now()))
}

fn submit(ctx: &Ctx, args: &CraArgs, report: CraReport) -> Result<()> {
    let now = ctx.now();
    let submitted_at = args.at.map_or(now, |t| t.0);
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        cra::require_cra(cx.policy, "recording a CRA submission")?;
        case.record_submission(report, submitted_at, args.reference.clone(), cx.stamp())?;
        Ok(())
    })?;
    let late = case
        .cra_reports
        .get(&report)
        .filter(|s| s.late())
        .and_then(|s| s.due);
    ctx.ui.status(&format!(
        "Recorded the CRA {} of {} as submitted {}{}.",
        report.words(),
        case.id,
        human(submitted_at),
        late.map(|due| format!(", late: it was due {}", human(due)))
            .unwrap_or_default()
    ));
    if let Some(clocks) = cra::clocks(&case, now)
        && let Some(next) = clocks.first_owed()
    {
        ctx.ui.status(&format!(
            "  next: {}: {}",
            next.report.words(),
            cra::clock_words(next, now)
        ));
    }
    ctx.changed(&store, &case)
}

/// `disclose cra ID`: where the three reports stand.
#[derive(Debug, Serialize)]
struct Overview<'a> {
    case: &'a str,
    /// `false` (and no clocks) until exploitation is recorded.
    exploited: bool,
    #[serde(flatten)]
    clocks: Option<&'a CraClocks>,
    member_states: &'a [MemberState],
}

fn show(ctx: &Ctx, case: &Case, policy: &Policy) -> Result<()> {
    let now = ctx.now();
    let clocks = cra::clocks(case, now);
    if ctx.ui.json() {
        return ctx.ui.print_json(&Overview {
            case: case.id.as_str(),
            exploited: clocks.is_some(),
            clocks: clocks.as_ref(),
            member_states: &policy.cra_member_states,
        });
    }
    let Some(clocks) = clocks else {
        ctx.ui.status(&format!(
            "{} has no exploitation recorded: no CRA report is owed. \
             Record it with `disclose exploited {} --evidence TEXT` when the team becomes aware of it.",
            case.id, case.id
        ));
        return Ok(());
    };
    let mut out = format!(
        "{}  actively exploited: the team became aware {}\n",
        case.id,
        human(clocks.aware_at)
    );
    out.push_str("CRA Article 14 reports (pausing the case does not stop these clocks):\n");
    out.push_str(&cra::report_lines(&clocks, now));
    for (report, s) in &case.cra_reports {
        if let Some(reference) = &s.reference {
            out.push_str(&format!("  {} reference: {reference}\n", report.words()));
        }
    }
    let states = if policy.cra_member_states.is_empty() {
        "none recorded (`disclose policy set cra_member_states DE,FR,...`)".to_owned()
    } else {
        crate::model::cra::member_states_words(&policy.cra_member_states)
    };
    out.push_str(&format!(
        "Member States where the product is available: {states}\n"
    ));
    ctx.ui.print(&out)
}

fn user_notice(ctx: &Ctx, args: &CraArgs, case: &Case, policy: &Policy) -> Result<()> {
    let notice = draft::user_notice(case, policy, ctx.now())?;
    if !notice.leaks.is_empty() {
        let list: Vec<String> = notice.leaks.iter().map(|f| format!("  {f}")).collect();
        if !args.force {
            return Err(Error::refused(format!(
                "the notice to users of {} holds what must not go out ({} leak guard finding{}):\n{}",
                case.id,
                notice.leaks.len(),
                if notice.leaks.len() == 1 { "" } else { "s" },
                list.join("\n")
            ))
            .with_hint(format!(
                "correct the public text with `disclose describe {} --edit`, or pass --force to print it anyway",
                case.id
            )));
        }
        for finding in &notice.leaks {
            ctx.ui.warn(&format!("leak guard: {finding}"));
        }
    }
    if let Some(dir) = &args.out {
        write_notice(
            dir,
            &notice.markdown,
            notice.osv.as_deref(),
            args.mode.visibility(),
        )?;
        let osv = match &notice.osv {
            Some(_) => format!(
                " and its OSV record to {}",
                dir.join(draft::OSV_FILE).display()
            ),
            None => " (no OSV record yet)".to_owned(),
        };
        ctx.ui.status(&format!(
            "Wrote the notice to users of {} to {}{osv}.",
            case.id,
            dir.join(crate::export::user_notice::FILE_NAME).display(),
        ));
    }
    if !notice.missing.is_empty() {
        ctx.ui.status(&draft::missing_text(&notice.missing));
    }
    if ctx.ui.json() {
        return ctx.ui.print_json(&notice);
    }
    if args.out.is_none() {
        ctx.ui.print(&notice.markdown)?;
        ctx.ui.status(&format!(
            "The machine-readable part is the case's OSV record: `disclose cra {} --draft user-notice --out DIR` writes both.",
            case.id
        ));
    }
    Ok(())
}

/// Writes the notice and its OSV record into `dir`, private unless
/// --world-readable.
fn write_notice(
    dir: &Path,
    markdown: &str,
    osv: Option<&str>,
    visibility: Visibility,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(format!("write --out {}", dir.display()), e);
    crate::store::create_out_dir(dir, visibility).map_err(fail)?;
    let notice = dir.join(crate::export::user_notice::FILE_NAME);
    crate::store::write_out(&notice, markdown.as_bytes(), visibility).map_err(fail)?;
    match osv {
        Some(osv) => {
            crate::store::write_out(&dir.join(draft::OSV_FILE), osv.as_bytes(), visibility)
                .map_err(fail)
        }
        None => Ok(()),
    }
}
