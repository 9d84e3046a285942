//! The values of a draft's placeholders, built from the case as it is: the
//! promises it was opened under (none for a promise that is off), released
//! against prepared fixes, and the credit as the reporter's consent stands.
//! A draft says nothing the case does not support.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{Extras, Value};
use crate::judge::clocks::disclosure_due;
use crate::model::case::{Case, CaseSummary, Consent, Decision, Fix, State, package_fixes};
use crate::model::policy::Policy;
use crate::model::time::Due;

fn day(at: DateTime<Utc>) -> String {
    at.format("%A %-d %B %Y").to_string()
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Every placeholder's value for `case` at `now`.
pub(super) fn values(
    case: &Case,
    policy: &Policy,
    now: DateTime<Utc>,
    extras: &Extras,
) -> BTreeMap<&'static str, Value> {
    let slas = case.policy;
    let ids = &case.identifiers;
    let off = |key: &str| format!("the case was opened without that promise ({key} is off)");
    // Only fixes on releases decided affected count, as in every export.
    let several = case.affected.len() > 1;
    let released: Vec<String> = case
        .counted_fixes()
        .filter_map(|f| {
            let v = f.version.as_deref()?;
            Some(match (&f.package, several) {
                (Some(p), true) => format!("{} {v}", p.name),
                _ => v.to_owned(),
            })
        })
        .collect();
    let deadline = match disclosure_due(&CaseSummary::from(case)) {
        Some(Due::At(at)) => Ok(at),
        Some(Due::Paused) => Err("the case is paused, so its deadline is not fixed".to_owned()),
        None => Err("the case has no disclosure deadline".to_owned()),
    };
    let next_update = slas
        .update_every
        .map(|every| every.after(now))
        .ok_or_else(|| off("update_every"));
    let embargo = case
        .embargo_until
        .map(|until| embargo_words(until, case.embargo_offset.as_deref()))
        .ok_or_else(|| "the case has no embargo".to_owned());
    let text = |s: &str| Ok(s.to_owned());
    BTreeMap::from([
        ("case_id", Ok(case.id.to_string())),
        ("title", Ok(case.title.clone())),
        ("subject", Ok(subject(case))),
        (
            "reporter_name",
            text(case.reporter.display().unwrap_or("there")),
        ),
        (
            "project",
            Ok(policy
                .project
                .clone()
                .unwrap_or_else(|| "the project".to_owned())),
        ),
        ("contact", Ok(policy.contact.clone().unwrap_or_default())),
        (
            "team",
            Ok(policy.project.as_ref().map_or_else(
                || "The security team".to_owned(),
                |p| format!("The {p} security team"),
            )),
        ),
        ("received", Ok(day(case.received_at))),
        ("state", text(state_words(case))),
        (
            "ack_within",
            slas.ack_within
                .map(|d| d.in_words())
                .ok_or_else(|| off("ack_within")),
        ),
        (
            "update_every",
            slas.update_every
                .map(|d| d.in_words())
                .ok_or_else(|| off("update_every")),
        ),
        (
            "disclose_within",
            slas.disclose_within
                .map(|d| d.in_words())
                .ok_or_else(|| off("disclose_within")),
        ),
        ("next_update_by", next_update.clone().map(day)),
        ("deadline", deadline.clone().map(day)),
        ("embargo", embargo.clone()),
        (
            "fixed_versions",
            (!released.is_empty())
                .then(|| and_list(&released))
                .ok_or_else(|| "no fix is released yet".to_owned()),
        ),
        (
            "advisory",
            Ok(ids
                .advisory
                .clone()
                .or_else(|| ids.cve.clone())
                .or_else(|| ids.ghsa.clone())
                .unwrap_or_else(|| case.id.to_string())),
        ),
        (
            "cve",
            Ok(ids
                .cve
                .clone()
                .unwrap_or_else(|| "not assigned yet".to_owned())),
        ),
        ("today", Ok(day(now))),
        (
            "update_promise",
            Ok(match (slas.update_every, next_update) {
                (Some(every), Ok(next)) => format!(
                    "You will hear from us again by {}: we keep reporters informed at least every {}.",
                    day(next),
                    every.in_words()
                ),
                _ => String::new(),
            }),
        ),
        ("deadline_promise", Ok(deadline_promise(case, deadline))),
        (
            "embargo_promise",
            Ok(embargo
                .map(|e| format!("As agreed, nothing about it will be published before {e}."))
                .unwrap_or_default()),
        ),
        ("fix_status", Ok(fix_status(case))),
        ("credit_request", Ok(credit_request(case))),
        ("questions", Ok(questions(case, &extras.asks))),
        (
            "message",
            Ok(extras
                .message
                .as_deref()
                .map(crate::model::text::multi_line)
                .unwrap_or_default()),
        ),
    ])
}

/// The reporter's subject without "Re:" (the template adds one), else
/// `[ID] title`.
fn subject(case: &Case) -> String {
    case.source
        .as_ref()
        .and_then(|s| s.subject.clone())
        .map(|s| {
            let mut s = s.trim();
            while let Some(rest) = s
                .strip_prefix("Re:")
                .or_else(|| s.strip_prefix("RE:"))
                .or_else(|| s.strip_prefix("re:"))
            {
                s = rest.trim_start();
            }
            s.to_owned()
        })
        .unwrap_or_else(|| format!("[{}] {}", case.id, case.title))
}

/// The state in words, true of the fix matrix as it is now (a case marked
/// fixed whose matrix gained an affected release without a fix is not
/// called fixed).
fn state_words(case: &Case) -> &'static str {
    match case.state {
        State::New => "being triaged",
        State::Acknowledged => "under investigation",
        State::Confirmed => "confirmed, and a fix is being prepared",
        State::Fixed if !case.matrix_complete() => "confirmed, and fixes are being prepared",
        State::Fixed => "fixed in every affected release, and the advisory is being prepared",
        State::Published => "published",
        State::Rejected => "closed",
        State::Withdrawn => "withdrawn",
    }
}

/// `Tuesday 22 December 2026, 15:00 +01:00` (or `... 14:00 UTC`).
fn embargo_words(until: DateTime<Utc>, offset: Option<&str>) -> String {
    let zoned = crate::model::time::in_offset(until, offset);
    let time = zoned.split_once(' ').map_or("", |(_, rest)| rest);
    let local_day = zoned
        .split(' ')
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map_or_else(|| day(until), |d| d.format("%A %-d %B %Y").to_string());
    format!("{local_day}, {time}")
}

/// When the advisory will be published: the agreed deadline, or the
/// policy's promise; nothing without a deadline.
fn deadline_promise(case: &Case, deadline: Result<DateTime<Utc>, String>) -> String {
    let Ok(at) = deadline else {
        return String::new();
    };
    if case.published_at.is_some() {
        return String::new();
    }
    if case.deadline_agreed {
        return match case.deadline_preset {
            Some(preset) => format!(
                "As agreed, following your disclosure policy ({}), we will publish the advisory by {}.",
                preset.describe(),
                day(at)
            ),
            None => format!("As agreed, we will publish the advisory by {}.", day(at)),
        };
    }
    match case.policy.disclose_within {
        Some(within) => format!(
            "We aim to release a fix and publish an advisory within {} of your report, that is by {}, and will agree the date with you.",
            within.in_words(),
            day(at)
        ),
        None => String::new(),
    }
}

/// The fix matrix in sentences: released fixes with their versions,
/// prepared ones, releases still without one, and those that get none.
fn fix_status(case: &Case) -> String {
    let mut released = Vec::new();
    let mut prepared = Vec::new();
    let mut missing = Vec::new();
    let mut unfixed = Vec::new();
    for (name, row) in &case.releases {
        match row.decision {
            Decision::Affected => {
                let packages = package_fixes(&case.affected, &case.fixes, name);
                // Before any package is recorded, a fix is the release's.
                let fixes: Vec<(Option<&str>, Option<&Fix>)> = if packages.is_empty() {
                    vec![(None, case.fixes.iter().find(|f| &f.release == name))]
                } else {
                    packages
                        .iter()
                        .map(|p| {
                            (
                                Some(p.package.name.as_str()).filter(|_| packages.len() > 1),
                                p.fix,
                            )
                        })
                        .collect()
                };
                for (package, fix) in fixes {
                    // `poet-cli 1.4.9` released; `1.4 (poet-cli)` prepared or missing.
                    let release = match package {
                        Some(p) => format!("{name} ({p})"),
                        None => name.clone(),
                    };
                    match fix {
                        Some(f) if f.version.is_some() => {
                            let v = f.version.clone().unwrap_or_default();
                            released.push(match package {
                                Some(p) => format!("{p} {v}"),
                                None => v,
                            });
                        }
                        Some(f) => prepared.push(match &f.pr {
                            Some(pr) => format!("{release} (PR {pr})"),
                            None => release,
                        }),
                        None => missing.push(release),
                    }
                }
            }
            Decision::WontFix | Decision::Eol => unfixed.push(match &row.reason {
                Some(reason) => format!("{name} ({reason})"),
                None => name.clone(),
            }),
            Decision::NotAffected | Decision::Unknown => {}
        }
    }
    // Fixes linked to releases the matrix does not list yet still count.
    for f in &case.fixes {
        if !case.releases.contains_key(&f.release) {
            match &f.version {
                Some(v) => released.push(v.clone()),
                None => prepared.push(f.release.clone()),
            }
        }
    }
    let mut out = Vec::new();
    if !released.is_empty() {
        out.push(format!("The fix is released in {}.", and_list(&released)));
    }
    match prepared.as_slice() {
        [] => {}
        [one] => out.push(format!(
            "The fix for {one} is prepared and not released yet."
        )),
        many => out.push(format!(
            "The fixes for {} are prepared and not released yet.",
            and_list(many)
        )),
    }
    match missing.as_slice() {
        [] => {}
        [one] => out.push(format!("Release {one} has no fix yet.")),
        many => out.push(format!("Releases {} have no fix yet.", and_list(many))),
    }
    if !unfixed.is_empty() {
        out.push(format!("No fix is planned for {}.", and_list(&unfixed)));
    }
    out.join(" ")
}

/// Asks how to credit the reporter while their consent is pending (or no
/// credit is recorded for them); otherwise says what was agreed.
fn credit_request(case: &Case) -> String {
    let names: Vec<&str> = [&case.reporter.name, &case.reporter.handle]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let credit = case
        .credits
        .iter()
        .find(|c| names.contains(&c.name.as_str()));
    match credit.map(|c| (c.consent, c.name.as_str())) {
        None | Some((Consent::Pending, _)) => "If you would like to be credited in the advisory, \
             tell us the name to use, or whether you prefer to stay anonymous."
            .to_owned(),
        Some((Consent::Granted, name)) => {
            format!("We will credit you in the advisory as {name}, as you agreed.")
        }
        Some((Consent::Anonymous, _)) => {
            "We will credit you in the advisory as an anonymous reporter, as you asked.".to_owned()
        }
        Some((Consent::Declined, _)) => "As you asked, the advisory will not name you.".to_owned(),
    }
}

/// The questions of a need-info draft: the maintainer's own, else what
/// the report does not already hold.
fn questions(case: &Case, asks: &[String]) -> String {
    let items: Vec<String> = if asks.is_empty() {
        let mut items = vec!["the version or commit you tested".to_owned()];
        if case.report.reproduction.is_none() && case.attachments.is_empty() {
            items.push("the exact steps to reproduce it, or a proof of concept".to_owned());
        }
        if case.report.impact.is_none() {
            items.push("what an attacker could do with it, and under which conditions".to_owned());
        }
        items.push("anything about the set-up that the problem depends on".to_owned());
        items
    } else {
        asks.iter()
            .map(|a| crate::model::text::one_line(a))
            .filter(|a| !a.is_empty())
            .collect()
    };
    items
        .iter()
        .map(|i| format!("- {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}
