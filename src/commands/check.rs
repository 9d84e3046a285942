//! `disclose check`: the CI gate. Judges every open case against the
//! promises copied into it and prints the findings as text, JSON or GitHub
//! Actions annotations.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::app::context::Ctx;
use crate::app::terminal::Style;
use crate::error::{Error, Result};
use crate::judge::check::{self, Finding, Level, Options, StoreState, Unreadable, Verdict};
use crate::model::case::CaseSummary;
use crate::model::duration::Duration;
use crate::model::id::{CaseId, CaseRef};
use crate::store::Store;

/// Check open cases against the policy (for CI)
///
/// Reports every broken promise (error) and every one about to break within
/// --warn-within (warning): acknowledgement overdue, reporter not updated,
/// disclosure deadline passed or near, an affected maintained release
/// without a released fix as the deadline nears, unreadable case files, and
/// an advisory ID that two published cases hold. Each case is judged by the durations in force when it was opened; paused
/// time does not count.
///
/// With the policy's `cra` on, each EU Cyber Resilience Act report of a
/// case with active exploitation recorded (early warning 24 hours after
/// awareness, notification 72 hours after, final report 14 days after the
/// first fix or mitigation) is a warning while due within --warn-within
/// and an error once missed, until `disclose cra ID --submitted REPORT`
/// records it; published cases included, and paused time counts.
///
/// Exit status: 0 no errors (warnings pass unless --strict), 1 at least one
/// error (or a warning with --strict), 2 bad usage, 3 the store or a case
/// file could not be read (the report is still printed). Set DISCLOSE_NOW to
/// see what will be late at another time.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose check\n  \
    disclose check --format github --warn-within 3d\n  \
    disclose check --format json | jq '.findings[] | select(.severity == \"error\")'\n  \
    DISCLOSE_NOW=2026-03-06T17:00:00Z disclose check --strict   # what will be late on Friday evening")]
pub struct CheckArgs {
    /// Output format (--json is the same as --format json)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Warn about deadlines due within this long (48h, 7d, 5bd, ...)
    #[arg(long, value_name = "DURATION", default_value = "7d")]
    pub warn_within: Duration,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub strict: bool,
    /// Check only these cases (full IDs or unique parts)
    #[arg(long = "case", value_name = "ID", num_args = 1..)]
    pub cases: Vec<CaseRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Github,
}

pub fn run(ctx: &Ctx, args: &CheckArgs) -> Result<()> {
    let Some(store) = ctx.existing_store()? else {
        let (root, source) = ctx.location()?;
        return Err(Error::store(format!(
            "there is no case store at {} ({source})",
            root.display()
        ))
        .with_hint("point --dir or DISCLOSE_DIR at the checked-out case repository"));
    };
    let now = ctx.now();
    let (cases, errors) = read_cases(&store, &args.cases)?;
    let state = StoreState {
        unreadable: errors
            .iter()
            .map(|e| unreadable_of(store.root(), e))
            .collect(),
        unpushed_since: unpushed_since(&store),
    };
    let opts = Options {
        warn_within: args.warn_within,
        cra: store.policy().cra,
    };
    let report = check::check(&cases, &state, now, opts);

    let format = if ctx.ui.json() {
        Format::Json
    } else {
        args.format
    };
    match format {
        Format::Json => ctx.ui.print_json(&report)?,
        Format::Text => ctx.ui.print(&text(&report, ctx.ui.color()))?,
        Format::Github => ctx.ui.print(&github(&report))?,
    }
    match verdict(&report, errors, args.strict) {
        // The report says it all; with --json nothing follows it.
        Err(e @ Error::Refused { .. }) if ctx.ui.json() => Err(e.reported()),
        other => other,
    }
}

/// The exit status as an error: unreadable files (3) before breaches (1).
fn verdict(report: &Verdict, unreadable: Vec<Error>, strict: bool) -> Result<()> {
    if !unreadable.is_empty() {
        return Err(Error::Many(unreadable));
    }
    let s = &report.summary;
    let store_errors = report
        .findings
        .iter()
        .any(|f| f.case.is_none() && f.severity == Level::Error);
    if s.cases_with_errors > 0 || store_errors {
        return Err(Error::refused(format!(
            "{} breach{} the policy",
            plural(s.cases_with_errors, "case", "cases"),
            if s.cases_with_errors == 1 { "es" } else { "" }
        ))
        .with_hint("see the findings above; `disclose status` shows every clock"));
    }
    if strict && s.warnings > 0 {
        return Err(Error::refused(format!(
            "{} with --strict",
            plural(s.warnings, "warning", "warnings")
        )));
    }
    Ok(())
}

fn read_cases(store: &Store, typed: &[CaseRef]) -> Result<(Vec<CaseSummary>, Vec<Error>)> {
    if typed.is_empty() {
        let mut summaries = store.summaries()?;
        let errors = std::mem::take(&mut summaries.errors);
        return Ok((std::mem::take(&mut summaries.cases), errors));
    }
    let mut ids: Vec<CaseId> = typed
        .iter()
        .map(|t| store.resolve(t))
        .collect::<Result<_>>()?;
    ids.sort();
    ids.dedup();
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for id in ids {
        match store.read(&id) {
            Ok(case) => cases.push(CaseSummary::from(&case)),
            Err(e) => errors.push(e),
        }
    }
    Ok((cases, errors))
}

/// The time of the oldest local commit not yet pushed to the store's remote.
/// A store without a remote, or one git cannot answer for, reports nothing:
/// `check` judges the cases, and `sync` reports remote trouble itself.
fn unpushed_since(store: &Store) -> Option<DateTime<Utc>> {
    store.unpushed().ok().flatten().and_then(|u| u.oldest)
}

/// A store error about one file, as a finding's input. Store errors name the
/// file first (`<path>: ...` or, for bad JSON, `<path>:<line>:<column>: ...`).
fn unreadable_of(root: &Path, err: &Error) -> Unreadable {
    let (path, error) = match err {
        Error::BadFile {
            path,
            line,
            column,
            source,
        } => (
            path.clone(),
            format!("line {line}, column {column}: {source}"),
        ),
        other => {
            let text = other.to_string();
            match text.split_once(": ") {
                Some((path, rest)) => (path.into(), rest.to_owned()),
                None => (root.join(crate::store::CASES_DIR), text),
            }
        }
    };
    let file = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .to_string_lossy()
        .into_owned();
    let case = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.parse().ok());
    Unreadable { case, file, error }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 errors, 2 warnings in 41 open cases".
pub fn summary_line(report: &Verdict) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{}, {} in {}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.open_cases, "open case", "open cases")
    );
    if s.unreadable_files > 0 {
        line.push_str(&format!(
            ", {}",
            plural(
                s.unreadable_files,
                "unreadable case file",
                "unreadable case files"
            )
        ));
    }
    line
}

fn subject(f: &Finding) -> String {
    match (&f.case, &f.file) {
        (Some(id), _) => id.to_string(),
        (None, Some(file)) => file.clone(),
        (None, None) => "store".to_owned(),
    }
}

/// One line per finding, grouped by case, then the summary; with `color`,
/// errors in red and warnings in yellow. Case titles are left out on
/// purpose: CI logs travel further than the private store.
pub fn text(report: &Verdict, color: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let severity = format!("{:<7}", f.severity.as_str());
        let severity = match f.severity {
            _ if !color => severity,
            Level::Error => Style::BoldRed.paint(&severity),
            Level::Warning => Style::Yellow.paint(&severity),
        };
        out.push_str(&format!("{}  {severity}  {}\n", subject(f), f.message));
    }
    if !report.findings.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// GitHub Actions workflow commands, one per finding, then the summary.
pub fn github(report: &Verdict) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let title = format!("{} {}", subject(f), f.kind.title());
        out.push_str(&format!(
            "::{} title={}::{}\n",
            f.severity.as_str(),
            escape_property(&title),
            escape_data(&f.message)
        ));
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// Escapes a workflow command's message, as the GitHub Actions runner expects.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`title=...`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escapes_follow_the_runner() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a: b, c%"), "a%3A b%2C c%25");
    }
}
