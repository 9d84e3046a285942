//! The readiness list `publish` checks as a whole: every item still open,
//! each with the command that closes it. Pure: the case, the policy, `now`.

use chrono::{DateTime, Utc};

use crate::export::public::PublicCase;
use crate::model::case::{Case, Consent, Decision, State};
use crate::model::policy::Policy;
use crate::model::time::rfc3339;

/// One thing that stands between a case and its advisory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub what: String,
    /// The command that closes it, when there is one.
    pub fix: Option<String>,
}

fn item(what: impl Into<String>, fix: impl Into<String>) -> OpenItem {
    OpenItem {
        what: what.into(),
        fix: Some(fix.into()),
    }
}

/// Every open item, in the order a maintainer would close them.
pub fn check(case: &Case, policy: &Policy, now: DateTime<Utc>) -> Vec<OpenItem> {
    let id = &case.id;
    let mut out = Vec::new();
    match case.state {
        State::Fixed => {}
        State::New if case.internal => out.push(item(
            "the case is new, not fixed",
            format!("disclose confirm {id}, then release the fixes"),
        )),
        State::New => out.push(item(
            "the case is new, not fixed",
            format!("disclose ack {id}, then confirm it and release the fixes"),
        )),
        State::Acknowledged => out.push(item(
            "the case is acknowledged, not fixed",
            format!("disclose confirm {id}, then release the fixes"),
        )),
        State::Confirmed => out.push(item(
            "the case is confirmed, not fixed (it becomes fixed when every affected release has a released fix or a wont-fix/eol decision)",
            format!("disclose fix {id} --release NAME --version X.Y.Z"),
        )),
        State::Published => out.push(OpenItem {
            what: format!(
                "the case is already published{}",
                case.identifiers
                    .advisory
                    .as_deref()
                    .map(|a| format!(" as {a}"))
                    .unwrap_or_default()
            ),
            fix: None,
        }),
        State::Rejected | State::Withdrawn => out.push(OpenItem {
            what: format!("the case is {}, not fixed", case.state),
            fix: None,
        }),
    }
    if let Some(until) = case.embargo_until
        && until > now
    {
        out.push(item(
            format!("the embargo lasts until {}", rfc3339(until)),
            format!("wait, or agree an earlier date: disclose embargo {id} --until TIME"),
        ));
    }
    // The audit is promised to reporters: a finding of the team's own
    // (often one the audit found) does not start another.
    if case.policy.audit && !case.internal && case.audit.is_none() {
        out.push(item(
            "audit for similar problems recorded: the policy promises it",
            format!("disclose audit {id} --note 'TEXT' [--found ID]..."),
        ));
    }
    let mut names: Vec<&str> = policy
        .maintained_releases
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    for name in case.releases.keys() {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    if names.is_empty() {
        out.push(item(
            "no maintained release has a decision",
            format!("disclose release {id} NAME affected|not-affected|wont-fix|eol"),
        ));
    }
    for name in names {
        let row = case.releases.get(name);
        let released = case
            .fixes
            .iter()
            .any(|f| f.release == name && f.version.is_some());
        match row.map(|r| r.decision) {
            None | Some(Decision::Unknown) => out.push(item(
                format!("release {name} has no decision"),
                format!("disclose release {id} {name} affected|not-affected|wont-fix|eol"),
            )),
            Some(Decision::Affected) if !released => out.push(item(
                format!("release {name} is affected and has no released fix"),
                format!("disclose fix {id} --release {name} --version X.Y.Z"),
            )),
            Some(_) => {}
        }
    }
    if case.severity.is_none() {
        out.push(item(
            "no severity is set",
            format!("disclose severity {id} --cvss VECTOR"),
        ));
    }
    let public = PublicCase::new(case, policy);
    if !case.public.is_complete() {
        let missing: Vec<&str> = [
            case.public.summary.is_none().then_some("a summary"),
            case.public.details.is_none().then_some("details"),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push(item(
            format!(
                "no public advisory text: it needs {} written for the public (the report stays private)",
                missing.join(" and ")
            ),
            format!("disclose describe {id} --edit"),
        ));
    }
    let any_range = case
        .affected
        .iter()
        .any(|a| !a.ranges.is_empty() || !a.versions.is_empty());
    if !any_range {
        out.push(item(
            "no affected range is set",
            format!("disclose affected {id} --range '>=1.0.0, <1.4.2'"),
        ));
    }
    for credit in case
        .credits
        .iter()
        .filter(|c| c.consent == Consent::Pending)
    {
        out.push(item(
            format!("consent to credit {} is still pending", credit.name),
            format!(
                "disclose credit {id} --name '{}' --consent granted|declined|anonymous",
                credit.name
            ),
        ));
    }
    if policy.require_cve && case.identifiers.cve.is_none() {
        out.push(item(
            "the policy requires a CVE ID and none is assigned",
            format!("disclose assign {id} --cve CVE-YYYY-NNNN"),
        ));
    }
    if case.identifiers.cve.is_some() {
        for (what, how) in crate::export::cve::missing(&public) {
            out.push(item(
                format!("the CVE record needs {what}"),
                how.replace(" ID ", &format!(" {id} ")),
            ));
        }
    }
    if !policy
        .contact
        .as_deref()
        .is_some_and(|c| c.contains('@') && !c.contains("://"))
    {
        out.push(item(
            "the announcement email needs a contact address in the policy (`contact`)",
            "disclose policy set contact security@example.org (or set `contact` in policy.json)",
        ));
    }
    if policy
        .project
        .as_deref()
        .and_then(crate::model::advisory_id::project_code)
        .is_none()
    {
        out.push(item(
            "the advisory ID needs the project name in the policy (`project`)",
            "disclose policy set project NAME (or set `project` in policy.json)",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::*;

    #[test]
    fn the_backport_case_is_fixed_and_ready() {
        let case = described(fixed_case(ada(), Consent::Granted));
        assert_eq!(case.state, State::Fixed);
        assert_eq!(check(&case, &policy(), at(NOW)), vec![]);
    }

    #[test]
    fn each_readiness_item_has_a_command() {
        let p = policy();
        let ready = described(fixed_case(ada(), Consent::Granted));
        let now = at(NOW);
        let what = |case: &Case, policy: &Policy| -> Vec<String> {
            check(case, policy, now)
                .into_iter()
                .map(|i| {
                    assert!(
                        i.fix.as_deref().is_some_and(|f| f.contains("disclose")),
                        "{i:?}"
                    );
                    i.what
                })
                .collect()
        };
        let mut c = ready.clone();
        c.state = State::Confirmed;
        assert!(what(&c, &p)[0].contains("confirmed, not fixed"));
        let mut c = ready.clone();
        c.embargo_until = Some(at("2026-04-01T00:00:00Z"));
        assert!(what(&c, &p)[0].contains("embargo lasts until 2026-04-01T00:00:00Z"));
        let mut c = ready.clone();
        c.fixes.retain(|f| f.release != "1.4");
        assert_eq!(
            what(&c, &p),
            vec!["release 1.4 is affected and has no released fix"]
        );
        let mut c = ready.clone();
        c.releases.get_mut("1.5").unwrap().decision = Decision::Unknown;
        c.fixes.retain(|f| f.release != "1.5");
        assert_eq!(what(&c, &p), vec!["release 1.5 has no decision"]);
        let mut c = ready.clone();
        c.policy.audit = true;
        assert_eq!(
            what(&c, &p),
            vec!["audit for similar problems recorded: the policy promises it"]
        );
        let t = at(NOW);
        c.record_audit(
            "checked every other upload handler".into(),
            Vec::new(),
            crate::model::case::Stamp { at: t, by: "M" },
        )
        .unwrap();
        assert_eq!(what(&c, &p), Vec::<String>::new());
        c.internal = true;
        c.audit = None;
        assert_eq!(what(&c, &p), Vec::<String>::new());
        let mut c = ready.clone();
        c.severity = None;
        assert_eq!(what(&c, &p), vec!["no severity is set"]);
        let mut c = ready.clone();
        c.public.details = None;
        assert_eq!(
            what(&c, &p),
            vec![
                "no public advisory text: it needs details written for the public (the report stays private)"
            ]
        );
        let raw = fixed_case(ada(), Consent::Granted);
        assert!(what(&raw, &p)[0].contains("a summary and details"));
        let mut c = ready.clone();
        c.affected.clear();
        assert_eq!(what(&c, &p), vec!["no affected range is set"]);
        let mut c = ready.clone();
        c.credits[0].consent = Consent::Pending;
        assert_eq!(
            what(&c, &p),
            vec!["consent to credit Ada Lovelace is still pending"]
        );
        let mut c = ready.clone();
        c.identifiers.cve = None;
        let mut strict = p.clone();
        strict.require_cve = true;
        assert_eq!(
            what(&c, &strict),
            vec!["the policy requires a CVE ID and none is assigned"]
        );
        assert_eq!(what(&c, &p), Vec::<String>::new());
    }
}
