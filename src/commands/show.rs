//! `disclose show`: one case, readable or as JSON.

use crate::app::clock::human;
use crate::app::context::Ctx;
use crate::app::terminal::Style;
use crate::commands::common::case_json;
use crate::commands::common::cra;
use crate::error::Result;
use crate::judge::clocks::{ClockKind, ClockView, Clocks, CraClocks};
use crate::model::case::Case;
use crate::model::id::CaseRef;
use crate::model::time::relative;

/// Show one case in full
///
/// Prints the report, the reporter, the state and every running clock; for
/// a published case, its advisory ID, when it was published and the files
/// `publish` wrote. With --json, prints the case file's fields plus the
/// computed `clocks`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose show K7Q\n  disclose show DISC-2026-K7Q3M --json | jq .clocks"
)]
pub struct ShowArgs {
    /// Case to show, e.g. DISC-2026-K7Q3M or a unique part such as K7Q
    pub id: CaseRef,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<()> {
    let (store, case) = ctx.read_case(&args.id)?;
    let now = ctx.now();
    let clocks = Clocks::of(&case, now, store.policy().cra);
    if ctx.ui.json() {
        return ctx.ui.print_json(&case_json::CaseWithClocks {
            case: &case,
            clocks,
        });
    }
    let files = case
        .identifiers
        .advisory
        .as_deref()
        .filter(|_| case.published_at.is_some())
        .map(|advisory| advisory_files(&store, advisory));
    let paint = |text: &str, style: Style| ctx.ui.paint(text, style);
    ctx.ui
        .print(&render(&case, &clocks, now, files.as_ref(), &paint))
}

/// Where `publish` wrote a case's files in the store, and which are there.
pub struct PublishedFiles {
    /// The directory, relative to the store.
    pub dir: String,
    /// The plain files in it, by name; empty when the directory is not in
    /// the store (written elsewhere with --out, or removed).
    pub names: Vec<String>,
}

fn advisory_files(store: &crate::store::Store, advisory: &str) -> PublishedFiles {
    let dir = format!("{}/{advisory}", crate::store::ADVISORIES_DIR);
    // Listing is a nicety here: a directory that cannot be read lists nothing.
    let names = store.plain_files(&dir).unwrap_or_default();
    PublishedFiles { dir, names }
}

/// `text` after `lead`, its later lines indented to line up under the first.
fn hanging(lead: &str, text: &str, indent: usize) -> String {
    let mut out = String::from(lead);
    for (n, line) in text.lines().enumerate() {
        if n > 0 && !line.is_empty() {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(line);
        out.push('\n');
    }
    if text.is_empty() {
        out.push('\n');
    }
    out
}

fn clock_line(name: &str, clock: Option<ClockView>, now: chrono::DateTime<chrono::Utc>) -> String {
    match clock {
        None => String::new(),
        Some(c) => match c.due_at() {
            Some(at) => format!("  {name:<14}{} ({})\n", human(at), relative(at, now)),
            None => format!("  {name:<14}paused\n"),
        },
    }
}

/// The CRA Article 14 lines: awareness, the three reports, the measures.
fn cra_lines(case: &Case, cra: &CraClocks, now: chrono::DateTime<chrono::Utc>) -> String {
    let mut out = format!(
        "  {:<14}aware since {} (CRA Article 14: pausing the case does not stop these clocks)\n",
        "exploited",
        human(cra.aware_at)
    );
    for c in cra.all() {
        let label = ClockKind::of_report(c.report).label();
        out.push_str(&format!("  {label:<14}{}\n", cra::clock_words(c, now)));
    }
    for m in &case.mitigations {
        out.push_str(&format!(
            "  {:<14}since {}: {}\n",
            "mitigation",
            human(m.available_at),
            crate::model::text::one_line(&m.text)
        ));
    }
    out
}

/// The readable form of a case; `paint` styles the title line and the
/// headings (as it is told: plain when colour is off).
pub fn render(
    case: &Case,
    clocks: &Clocks,
    now: chrono::DateTime<chrono::Utc>,
    files: Option<&PublishedFiles>,
    paint: &dyn Fn(&str, Style) -> String,
) -> String {
    let heading = |text: &str| format!("\n{}\n", paint(&format!("{text}:"), Style::Bold));
    let mut out = format!(
        "{}\n",
        paint(
            &format!("{}  {}", case.id, crate::model::text::one_line(&case.title)),
            Style::Bold
        )
    );
    // The law's clocks first.
    if let Some(cra) = &clocks.cra {
        out.push_str(&cra_lines(case, cra, now));
    }
    out.push_str(&format!("  {:<14}{}\n", "state", case.state));
    if case.internal {
        out.push_str(&format!(
            "  {:<14}internal finding (no reporter, no reporter clocks)\n",
            "source"
        ));
    }
    if let Some(paused) = &case.paused {
        out.push_str(&format!(
            "  {:<14}since {} ({})\n",
            "paused",
            human(paused.since),
            paused.reason
        ));
    }
    let unknown = case.source_record().is_some_and(|f| !f.received_known);
    out.push_str(&format!(
        "  {:<14}{}{}\n",
        "received",
        human(case.received_at),
        if unknown {
            " (first known: the record does not say when it was received)"
        } else {
            ""
        }
    ));
    if let Some(at) = case.acknowledged_at {
        out.push_str(&format!("  {:<14}{}\n", "acknowledged", human(at)));
    }
    out.push_str(&clock_line("ack due", clocks.acknowledgement, now));
    out.push_str(&clock_line("update due", clocks.reporter_update, now));
    out.push_str(&clock_line("publish by", clocks.disclosure, now));
    if case.deadline_agreed {
        let preset = case
            .deadline_preset
            .map(|p| format!(", from {}", p.describe()))
            .unwrap_or_default();
        out.push_str(&format!("  {:<14}agreed{preset}\n", ""));
    }
    if let Some(until) = case.embargo_until {
        out.push_str(&format!(
            "  {:<14}{} ({})\n",
            "not before",
            crate::app::clock::zoned(until, case.embargo_offset.as_deref()),
            if until > now {
                "embargo: publishing is refused until then"
            } else {
                "embargo lifted"
            }
        ));
    }
    let r = &case.reporter;
    if r.name.is_some() || r.email.is_some() || r.handle.is_some() {
        let mut who = r.name.clone().unwrap_or_default();
        if let Some(handle) = &r.handle {
            who.push_str(&format!(" (@{handle})"));
        }
        if let Some(email) = &r.email {
            who.push_str(&format!(" <{email}>"));
        }
        out.push_str(&format!("  {:<14}{}\n", "reporter", who.trim()));
    }
    let ids = &case.identifiers;
    let mut known: Vec<&str> = Vec::new();
    // An imported record's ID is its advisory ID and its GHSA ID too: once.
    for id in [&ids.advisory, &ids.cve, &ids.ghsa]
        .into_iter()
        .flatten()
        .chain(ids.aliases.iter())
    {
        if !known.contains(&id.as_str()) {
            known.push(id);
        }
    }
    if !known.is_empty() {
        out.push_str(&format!("  {:<14}{}\n", "identifiers", known.join(", ")));
    }
    for from in &case.imported {
        let aliases = if from.aliases.is_empty() {
            String::new()
        } else {
            format!(", also {}", from.aliases.join(", "))
        };
        out.push_str(&format!(
            "  {:<14}{} ({}{aliases})\n",
            "imported",
            from.id,
            from.format.name()
        ));
    }
    if let Some(s) = &case.severity {
        out.push_str(&format!(
            "  {:<14}{} {} ({})\n",
            "severity",
            s.rating,
            s.scores(),
            s.cvss
        ));
    }
    if !case.cwe.is_empty() {
        out.push_str(&format!("  {:<14}{}\n", "cwe", case.cwe.join(", ")));
    }
    for a in &case.affected {
        let words = crate::model::case::affected_words(&a.ranges, &a.versions);
        out.push_str(&format!(
            "  {:<14}{} ({}): {words}\n",
            "affected", a.package.name, a.package.ecosystem
        ));
    }
    let matrix = case.matrix_words();
    if !matrix.is_empty() {
        out.push_str(&format!("  {:<14}{}\n", "releases", matrix.join(" · ")));
    }
    for fix in &case.fixes {
        let mut parts: Vec<String> = fix
            .commits
            .iter()
            .map(|c| c[..c.len().min(12)].to_owned())
            .collect();
        parts.extend(fix.pr.iter().map(|p| format!("PR {p}")));
        let of = fix
            .package
            .as_ref()
            .filter(|_| case.affected.len() > 1)
            .map(|p| format!(" ({})", p.name))
            .unwrap_or_default();
        // The matrix decides: a fix on a release that is not affected counts for nothing.
        let ignored = case
            .releases
            .get(&fix.release)
            .filter(|r| r.decision != crate::model::case::Decision::Affected)
            .map(|r| format!(" [not counted: {} is {}]", fix.release, r.decision.as_str()))
            .unwrap_or_default();
        if !parts.is_empty() || !ignored.is_empty() {
            out.push_str(&format!(
                "  {:<14}{}{of}: {}{ignored}\n",
                "fix",
                fix.release,
                parts.join(", ")
            ));
        }
    }
    for c in &case.credits {
        out.push_str(&format!(
            "  {:<14}{} ({}, consent {})\n",
            "credit",
            c.name,
            c.kind.as_str(),
            c.consent.as_str()
        ));
    }
    if let Some(at) = case.published_at {
        let advisory = case.identifiers.advisory.as_deref().unwrap_or("-");
        out.push_str(&format!(
            "  {:<14}{} as {advisory}\n",
            "published",
            human(at)
        ));
    }
    if let Some(files) = files {
        let listed = if files.names.is_empty() {
            format!(
                "not in the store (written elsewhere with --out?); `disclose export {} --format FORMAT` writes them again",
                case.id
            )
        } else {
            format!("{}/: {}", files.dir, files.names.join(", "))
        };
        out.push_str(&format!("  {:<14}{listed}\n", "files"));
    }
    if !case.related.is_empty() {
        let ids: Vec<&str> = case.related.iter().map(|i| i.as_str()).collect();
        out.push_str(&format!("  {:<14}{}\n", "related", ids.join(", ")));
    }
    if let Some(audit) = &case.audit {
        out.push_str(&format!(
            "  {:<14}recorded {} by {}: {}\n",
            "audit",
            human(audit.at),
            audit.by,
            crate::model::text::one_line(&audit.note)
        ));
    } else if case.policy.audit && !case.internal {
        out.push_str(&format!(
            "  {:<14}not recorded yet (the policy promises it; `disclose audit {} --note ...`)\n",
            "audit", case.id
        ));
    }
    if let Some(resolution) = &case.resolution {
        let reason = serde_json::to_value(resolution.reason).unwrap_or_default();
        out.push_str(&format!(
            "  {:<14}{}\n",
            "resolution",
            reason.as_str().unwrap_or_default()
        ));
    }
    for (label, text) in [
        ("Description", &case.report.description),
        ("Reproduction", &case.report.reproduction),
        ("Impact", &case.report.impact),
        ("Remediation", &case.report.remediation),
    ] {
        if let Some(text) = text {
            out.push_str(&heading(label));
            out.push_str(&hanging("  ", text, 2));
        }
    }
    // A message or note of several lines keeps them all under its header line.
    if !case.notes.is_empty() {
        out.push_str(&heading("Notes"));
        for note in &case.notes {
            let tag = if note.private { "private" } else { "public" };
            out.push_str(&format!("  {} ({tag}, {}):\n", human(note.at), note.by));
            out.push_str(&hanging("    ", &note.text, 4));
        }
    }
    if !case.contacts.is_empty() {
        out.push_str(&heading("Reporter thread"));
        for c in &case.contacts {
            let arrow = match c.direction {
                crate::model::case::Direction::ToReporter => "to reporter",
                crate::model::case::Direction::FromReporter => "from reporter",
            };
            out.push_str(&format!("  {} {arrow}:\n", human(c.at)));
            out.push_str(&hanging("    ", &c.text, 4));
        }
    }
    if !case.attachments.is_empty() {
        out.push_str(&heading("Attachments (private, never exported)"));
        for a in &case.attachments {
            out.push_str(&format!(
                "  {}  {}  {}  sha256 {}\n",
                a.path,
                crate::email::ByteSize(usize::try_from(a.size).unwrap_or(usize::MAX)),
                a.content_type,
                a.sha256
            ));
        }
    }
    out.push_str(&format!(
        "\n{} events; `disclose log {}` shows the timeline\n",
        case.events.len(),
        case.id
    ));
    out
}
