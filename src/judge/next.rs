//! The next thing to do with a case, which every command that changes a
//! case says in one line (`Next: ...`): the move its state waits for, or
//! the first readiness item still open.

use chrono::{DateTime, Utc};

use crate::judge::clocks::CraClocks;
use crate::judge::readiness;
use crate::model::case::{Case, CaseSummary, State};
use crate::model::policy::Policy;
use crate::model::time::{relative, rfc3339};

/// What to do next with `case`, as one line of text with the command in
/// backquotes.
pub fn step(case: &Case, policy: &Policy, now: DateTime<Utc>) -> String {
    let id = &case.id;
    // A CRA report owed comes first: pausing the case does not stop its clock.
    if policy.cra
        && let Some(clocks) = CraClocks::of(&CaseSummary::from(case), now)
        && let Some(owed) = clocks
            .all()
            .into_iter()
            .find(|c| c.submitted_at.is_none() && c.due.is_some())
        && let Some(due) = owed.due
    {
        let report = owed.report;
        return format!(
            "the CRA {} is due {} ({}): `disclose cra {id} --draft {report}`, then \
             `disclose cra {id} --submitted {report}`",
            report.words(),
            rfc3339(due),
            relative(due, now)
        );
    }
    if case.paused.is_some() {
        return format!("`disclose resume {id}` when the wait is over (the clocks are stopped)");
    }
    match case.state {
        State::New => format!(
            "reply to the reporter (`disclose ack {id} --draft` drafts it), then `disclose ack {id}`"
        ),
        State::Acknowledged => format!(
            "reproduce it, then `disclose confirm {id}` (or `disclose reject {id} --reason ...`)"
        ),
        State::Confirmed | State::Fixed => match first_open(case, policy, now) {
            Some(step) => step,
            None => format!("`disclose publish {id} --dry-run`, then `disclose publish {id}`"),
        },
        State::Published => format!(
            "tell the reporter: `disclose contact {id} --draft published`, then log it with \
             `disclose contact {id} --to-reporter ...`"
        ),
        State::Rejected | State::Withdrawn => format!(
            "let the reporter know, and log it with `disclose contact {id} --to-reporter ...`"
        ),
    }
}

/// The first readiness item a maintainer can close now: the affected range
/// first (the fix matrix follows from it), then the matrix, then the rest.
/// The state's own item and a running embargo are left out: the one closes
/// itself as the others close, the other by waiting.
fn first_open(case: &Case, policy: &Policy, now: DateTime<Utc>) -> Option<String> {
    let items = readiness::check(case, policy, now);
    let actionable: Vec<_> = items
        .iter()
        .filter(|i| !i.what.starts_with("the case is ") && !i.what.starts_with("the embargo"))
        .filter_map(|i| i.fix.as_ref().map(|fix| (i.what.as_str(), fix.as_str())))
        .collect();
    let pick = actionable
        .iter()
        .find(|(what, _)| what.starts_with("no affected range"))
        .or_else(|| {
            actionable
                .iter()
                .find(|(what, _)| what.starts_with("release "))
        })
        .or_else(|| actionable.first())?;
    let (what, fix) = pick;
    Some(format!("`{fix}` ({what})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::*;
    use crate::model::case::Consent;

    #[test]
    fn each_state_points_at_its_next_command() {
        let p = policy();
        let now = at(NOW);
        let ready = described(fixed_case(ada(), Consent::Granted));
        let id = ready.id.to_string();
        assert_eq!(
            step(&ready, &p, now),
            format!("`disclose publish {id} --dry-run`, then `disclose publish {id}`")
        );
        let mut c = ready.clone();
        c.state = State::New;
        assert!(step(&c, &p, now).contains(&format!("disclose ack {id}`")));
        c.state = State::Acknowledged;
        assert!(step(&c, &p, now).contains(&format!("disclose confirm {id}`")));
        let mut c = ready.clone();
        c.state = State::Confirmed;
        c.affected.clear();
        assert!(
            step(&c, &p, now).starts_with(&format!("`disclose affected {id} --range")),
            "{}",
            step(&c, &p, now)
        );
        let mut c = ready.clone();
        c.state = State::Confirmed;
        c.fixes.retain(|f| f.release != "1.5");
        c.severity = None;
        assert!(
            step(&c, &p, now).starts_with(&format!("`disclose fix {id} --release 1.5")),
            "{}",
            step(&c, &p, now)
        );
        let mut c = ready.clone();
        c.credits[0].consent = Consent::Pending;
        assert!(step(&c, &p, now).contains("--consent granted"));
        c.state = State::Published;
        assert!(step(&c, &p, now).contains("--draft published"));
    }

    #[test]
    fn an_owed_cra_report_comes_first_with_the_switch_on() {
        use crate::model::case::{ExploitationChange, Stamp};
        let mut p = policy();
        let now = at(NOW);
        let mut c = described(fixed_case(ada(), Consent::Granted));
        let id = c.id.to_string();
        c.record_exploitation(
            ExploitationChange {
                evidence: Some("seen".into()),
                ..ExploitationChange::default()
            },
            Stamp { at: now, by: "M" },
        )
        .unwrap();
        assert!(step(&c, &p, now).contains("disclose publish"));
        p.cra = true;
        assert!(
            step(&c, &p, now).contains(&format!(
                "`disclose cra {id} --draft early-warning`, then `disclose cra {id} --submitted early-warning`"
            )),
            "{}",
            step(&c, &p, now)
        );
    }
}
