//! `disclose stats`: the team's record against its policy.

use chrono::TimeDelta;

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::judge::stats::{ReportRecord, Spread, Stats, compute};
use crate::model::time::{Timestamp, rfc3339, span};

/// Show the team's record: time to acknowledge, fix and publish
///
/// Over every case (open and closed) received since --since: median and
/// 90th-percentile time from receipt to acknowledgement, confirmation,
/// the last released fix and publication; the share of acknowledgements
/// sent within each case's ack_within; and how many cases were published
/// before or after their disclosure deadline (the "publish by" date: an
/// embargo only delays publishing, so publishing right after it lifts is on
/// time). This is what a reporter or a foundation asks a project for.
///
/// Imported cases count among the cases; one whose record does not say
/// when the report was received (an OSV or CVE record) is left out of
/// every span and of the deadline figures.
///
/// With the policy's `cra` on, also how often each EU Cyber Resilience Act
/// report (early warning, notification, final report) was submitted in
/// time, late or not at all, over the cases with active exploitation
/// recorded.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose stats\n  \
    disclose stats --since 2026-01-01 --json")]
pub struct StatsArgs {
    /// Count only cases received on or after this date (YYYY-MM-DD or RFC 3339)
    #[arg(long, value_name = "DATE")]
    pub since: Option<Timestamp>,
}

pub fn run(ctx: &Ctx, args: &StatsArgs) -> Result<()> {
    let since = args.since.map(|t| t.0);
    let (cases, errors, cra) = match ctx.existing_store()? {
        Some(store) => {
            let mut summaries = store.summaries()?;
            let errors = std::mem::take(&mut summaries.errors);
            let cra = store.policy().cra;
            (std::mem::take(&mut summaries.cases), errors, cra)
        }
        None => (Vec::new(), Vec::new(), false),
    };
    let stats = compute(&cases, since, ctx.now(), cra);
    if ctx.ui.json() {
        ctx.ui.print_json(&stats)?;
    } else {
        ctx.ui.print(&render(&stats))?;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Many(errors))
    }
}

fn spread_line(label: &str, s: &Spread) -> String {
    let minutes =
        |m: Option<i64>| m.map_or_else(|| "-".to_owned(), |m| span(TimeDelta::minutes(m)));
    if s.count == 0 {
        return format!("  {label:<22}no cases yet\n");
    }
    format!(
        "  {label:<22}median {}, 90th percentile {} ({} {})\n",
        minutes(s.median_minutes),
        minutes(s.p90_minutes),
        s.count,
        if s.count == 1 { "case" } else { "cases" }
    )
}

/// The readable form.
pub fn render(stats: &Stats) -> String {
    let imported = if stats.imported > 0 {
        format!(", {} imported", stats.imported)
    } else {
        String::new()
    };
    let mut out = format!(
        "{} {} ({} open{imported})",
        stats.cases,
        if stats.cases == 1 { "case" } else { "cases" },
        stats.open_cases
    );
    if let Some(since) = stats.since {
        out.push_str(&format!(" received since {}", rfc3339(since)));
    }
    out.push('\n');
    out.push_str(&spread_line(
        "time to acknowledge",
        &stats.time_to_acknowledge,
    ));
    out.push_str(&spread_line("time to confirm", &stats.time_to_confirm));
    out.push_str(&spread_line("time to fix release", &stats.time_to_fix));
    out.push_str(&spread_line("time to publish", &stats.time_to_publish));
    let a = &stats.acknowledgements;
    match a.share_within_policy {
        Some(share) => out.push_str(&format!(
            "  {:<22}{} of {} within policy ({:.0}%)\n",
            "acknowledged",
            a.within_policy,
            a.acknowledged,
            share * 100.0
        )),
        None => out.push_str(&format!("  {:<22}none yet\n", "acknowledged")),
    }
    let p = &stats.publication;
    let mut without = if p.without_deadline > 0 {
        format!(", {} without one", p.without_deadline)
    } else {
        String::new()
    };
    if p.without_received_time > 0 {
        without.push_str(&format!(
            ", {} imported without a time received",
            p.without_received_time
        ));
    }
    out.push_str(&format!(
        "  {:<22}{} before the deadline, {} after{without}\n",
        "published", p.before_deadline, p.after_deadline
    ));
    if let Some(cra) = &stats.cra {
        out.push_str(&format!(
            "CRA Article 14 ({} {} with exploitation recorded)\n",
            cra.exploited,
            if cra.exploited == 1 { "case" } else { "cases" }
        ));
        for (label, r) in [
            ("early warning (24h)", &cra.early_warning),
            ("notification (72h)", &cra.notification),
            ("final report (14d)", &cra.final_report),
        ] {
            out.push_str(&report_line(label, r));
        }
    }
    out
}

/// `early warning (24h)    2 of 3 in time (67%), 1 late, 0 missed; 1 not due yet`.
fn report_line(label: &str, r: &ReportRecord) -> String {
    let due = r.met + r.late + r.missed;
    let mut line = match r.share_met {
        Some(share) => format!(
            "  {label:<22}{} of {due} in time ({:.0}%), {} late, {} missed",
            r.met,
            share * 100.0,
            r.late,
            r.missed
        ),
        None => format!("  {label:<22}none due yet"),
    };
    if r.pending > 0 {
        line.push_str(&format!(
            "{}{} still running",
            if r.share_met.is_some() { "; " } else { " (" },
            r.pending
        ));
        if r.share_met.is_none() {
            line.push(')');
        }
    }
    line.push('\n');
    line
}
