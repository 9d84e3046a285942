//! What may leave the store: the public view of a case that every exporter
//! renders from. The rules of what goes out live here and nowhere else.
//!
//! The free text is the maintainers' public text (`disclose describe`),
//! never the reporter's report: not its description, reproduction, impact
//! or remediation, nor the reporter's email, private notes, messages
//! exchanged with the reporter, attachments, or any name or handle whose
//! credit consent is not `granted`. What the maintainers wrote is checked
//! for private strings by the leak guard (`super::leak`) before it goes out.

use chrono::{DateTime, Utc};

use super::derived::{self, PublicRelease};
use crate::model::case::{
    Case, Consent, CreditType, EventKind, Range, RecordFormat, Severity, State,
};
use crate::model::policy::{Package, Policy};

/// A case as the public may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicCase {
    /// The public advisory ID, or (before one is given out) the best public name.
    pub id: String,
    /// The case's own ID, named only by previews.
    pub case_id: String,
    pub advisory: Option<String>,
    pub cve: Option<String>,
    pub ghsa: Option<String>,
    /// The OSV record's id, fixed when the case was published so that a
    /// later CVE ID becomes an alias instead of renaming the record; for a
    /// case imported from an OSV record or a GitHub advisory, its ID.
    pub osv_id: String,
    /// The other IDs of the record the case was imported from, in its order.
    pub aliases: Vec<String>,
    /// The case came from a record (`disclose import`): the references it
    /// had are its own, none is made up from the policy.
    pub imported: bool,
    /// Every CVSS vector to write: the case's and, while it is still the
    /// one taken from an imported record, that record's others.
    pub severities: Vec<Severity>,
    pub title: String,
    /// The one-line summary the maintainers wrote.
    pub summary: Option<String>,
    /// The maintainers' details (Markdown).
    pub details: Option<String>,
    pub impact: Option<String>,
    pub workarounds: Option<String>,
    /// Extra reference URLs the maintainers added.
    pub references: Vec<String>,
    pub severity: Option<Severity>,
    pub cwe: Vec<String>,
    pub packages: Vec<PublicPackage>,
    pub releases: Vec<PublicRelease>,
    pub fixes: Vec<PublicFix>,
    pub credits: Vec<PublicCredit>,
    pub received_at: DateTime<Utc>,
    pub fixed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// Set when a published advisory was withdrawn (or its case rejected
    /// after publication): the exports say so instead of advising.
    pub withdrawn: Option<Withdrawal>,
    pub project: Option<String>,
    pub vendor: Option<String>,
    pub cna_org_id: Option<String>,
    pub contact: Option<String>,
    pub repository: Option<String>,
    /// Where the announcement goes (the policy's `announce_to`).
    pub announce_to: Option<String>,
    /// The advisory's page (the policy's `advisory_url` with the ID), once
    /// the case has an advisory ID.
    pub advisory_url: Option<String>,
    /// Rendered as an embargoed preview (an export of an unpublished case).
    pub preview: bool,
    /// The team recorded that the vulnerability is actively exploited (CRA
    /// Article 14): the fact alone, said only by the notice to users; the
    /// evidence and the actor stay private.
    pub actively_exploited: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPackage {
    pub package: Package,
    /// Ranges derived per maintained release from this package's fixes.
    pub ranges: Vec<Range>,
    pub versions: Vec<String>,
}

/// When and why a published advisory was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub at: DateTime<Utc>,
    pub reason: String,
    /// The reason was given (else `reason` is a stock phrase).
    pub given: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicFix {
    pub release: String,
    /// The package it fixes (`None`: every package, as fixes were recorded
    /// before they were per package).
    pub package: Option<Package>,
    pub version: Option<String>,
    pub released_at: Option<DateTime<Utc>>,
    pub commits: Vec<String>,
    pub pr: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicCredit {
    /// `None` for a person who asked to be credited anonymously.
    pub name: Option<String>,
    pub kind: CreditType,
    pub contact: Vec<String>,
}

impl PublicCredit {
    pub fn display(&self) -> &str {
        self.name.as_deref().unwrap_or("an anonymous reporter")
    }
}

/// The CVE and GHSA IDs a published case had when it was published: the
/// OSV record keeps the id it went out under.
fn ids_at_publication(case: &Case) -> (Option<String>, Option<String>) {
    let (mut cve, mut ghsa) = (None, None);
    for event in &case.events {
        match &event.kind {
            EventKind::IdentifiersAssigned { cve: c, ghsa: g } => {
                if c.is_some() {
                    cve.clone_from(c);
                }
                if g.is_some() {
                    ghsa.clone_from(g);
                }
            }
            EventKind::Published { .. } => break,
            _ => {}
        }
    }
    (cve, ghsa)
}

impl PublicCase {
    pub fn new(case: &Case, policy: &Policy) -> Self {
        let releases = derived::public_releases(case, &policy.maintained_releases);
        let packages = case
            .affected
            .iter()
            .map(|a| PublicPackage {
                package: a.package.clone(),
                ranges: derived::derive(a, &releases, &policy.maintained_releases),
                versions: a.versions.clone(),
            })
            .collect();
        let order = |release: &str| {
            policy
                .maintained_releases
                .iter()
                .position(|m| m.name == release)
                .unwrap_or(usize::MAX)
        };
        let mut fixes: Vec<PublicFix> = case
            .counted_fixes()
            .map(|f| PublicFix {
                release: f.release.clone(),
                package: f.package.clone(),
                version: f.version.clone(),
                released_at: f.released_at,
                commits: f.commits.clone(),
                pr: f.pr.clone(),
            })
            .collect();
        fixes.sort_by(|a, b| (order(&a.release), &a.release).cmp(&(order(&b.release), &b.release)));
        // The reporter's email was given in confidence: it is not a credit's
        // contact even when the credit is granted.
        let private_email = |x: &String| {
            case.reporter
                .email
                .as_deref()
                .is_none_or(|e| !e.eq_ignore_ascii_case(x.trim()))
        };
        let credits = case
            .credits
            .iter()
            .filter_map(|c| match c.consent {
                Consent::Granted => Some(PublicCredit {
                    name: Some(c.name.clone()),
                    kind: c.kind,
                    contact: c
                        .contact
                        .iter()
                        .filter(|x| private_email(x))
                        .cloned()
                        .collect(),
                }),
                Consent::Anonymous => Some(PublicCredit {
                    name: None,
                    kind: c.kind,
                    contact: Vec::new(),
                }),
                Consent::Pending | Consent::Declined => None,
            })
            .collect();
        let ids = &case.identifiers;
        let id = ids
            .advisory
            .clone()
            .or_else(|| ids.cve.clone())
            .or_else(|| ids.ghsa.clone())
            .unwrap_or_else(|| case.id.to_string());
        let (cve0, ghsa0) = if case.state == State::Published {
            ids_at_publication(case)
        } else {
            (ids.cve.clone(), ids.ghsa.clone())
        };
        let source = case.source_record();
        let osv_id = match source {
            Some(f) if matches!(f.format, RecordFormat::Osv | RecordFormat::Github) => f.id.clone(),
            _ => cve0.or(ghsa0).unwrap_or_else(|| format!("x_{id}")),
        };
        let severities = match (&case.severity, source) {
            (Some(s), Some(f)) if f.primary.as_deref() == Some(s.cvss.as_str()) => f
                .severities
                .iter()
                .filter_map(|v| crate::model::severity::assess(v).ok())
                .collect(),
            (Some(s), _) => vec![s.clone()],
            (None, _) => Vec::new(),
        };
        let text = &case.public;
        Self {
            // The policy's page for the project's own numbering only: an
            // imported record's ID is not one of its advisories.
            advisory_url: ids
                .advisory
                .as_deref()
                .filter(|a| crate::model::advisory_id::code_and_year(a).is_some())
                .and_then(|a| Some(policy.advisory_url.as_deref()?.replace("{id}", a))),
            aliases: source.map(|f| f.aliases.clone()).unwrap_or_default(),
            imported: source.is_some(),
            severities,
            id,
            case_id: case.id.to_string(),
            advisory: ids.advisory.clone(),
            cve: ids.cve.clone(),
            ghsa: ids.ghsa.clone(),
            osv_id,
            title: text.title.clone().unwrap_or_else(|| case.title.clone()),
            summary: text.summary.clone(),
            details: text.details.clone(),
            impact: text.impact.clone(),
            workarounds: text.workarounds.clone(),
            references: text.references.clone(),
            severity: case.severity.clone(),
            cwe: case.cwe.clone(),
            packages,
            releases,
            fixes,
            credits,
            received_at: case.received_at,
            fixed_at: case.fixed_at,
            published_at: case.published_at,
            withdrawn: withdrawal(case),
            project: policy.project.clone(),
            vendor: policy.vendor.clone(),
            cna_org_id: policy.cna_org_id.clone(),
            contact: policy.contact.clone(),
            announce_to: policy.announce_to.clone(),
            repository: policy.repository.clone(),
            preview: false,
            actively_exploited: case.exploited.is_some(),
        }
    }

    /// The project's name for prose, else the first package's.
    pub fn product(&self) -> String {
        self.project
            .clone()
            .or_else(|| self.packages.first().map(|p| p.package.name.clone()))
            .unwrap_or_else(|| "the project".to_owned())
    }

    /// The one-line summary: the maintainers' summary, else the title.
    pub fn summary(&self) -> &str {
        self.summary.as_deref().unwrap_or(&self.title)
    }

    /// The long description: the details, else the summary.
    pub fn details(&self) -> &str {
        self.details.as_deref().unwrap_or_else(|| self.summary())
    }

    /// The details with the impact and workarounds as Markdown sections, for
    /// records that have one text field (OSV `details`).
    pub fn details_with_sections(&self) -> String {
        let mut out = self.details().to_owned();
        if let Some(impact) = &self.impact {
            out.push_str(&format!("\n\n## Impact\n\n{impact}"));
        }
        if let Some(w) = &self.workarounds {
            out.push_str(&format!("\n\n## Workarounds\n\n{w}"));
        }
        out
    }

    /// Every granted credit's name, for "Thanks to ...".
    pub fn thanked(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in self.credits.iter().filter_map(|c| c.name.as_deref()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The released fixes of each release that has one, in release order,
    /// in words: `1.4.2`, or with several packages `poet 1.4.3, poet-cli 1.4.9`.
    pub fn patched(&self) -> Vec<(&str, String)> {
        self.releases
            .iter()
            .filter_map(|r| r.fixed_words().map(|v| (r.name.as_str(), v)))
            .collect()
    }

    /// What to upgrade to: `1.4.2 or 1.5.3`, or with several packages
    /// `poet 1.4.3 or 1.5.4; poet-cli 1.4.9 or 1.5.8`. `None` before any
    /// fix is released.
    pub fn upgrade_to(&self) -> Option<String> {
        let mut per_package: Vec<(&Package, Vec<&str>)> = Vec::new();
        for row in &self.releases {
            for (package, version) in &row.fixes {
                let Some(v) = version.as_deref() else {
                    continue;
                };
                match per_package.iter_mut().find(|(p, _)| *p == package) {
                    Some((_, vs)) => vs.push(v),
                    None => per_package.push((package, vec![v])),
                }
            }
        }
        match per_package.as_slice() {
            [] => None,
            [(_, versions)] => Some(versions.join(" or ")),
            many => Some(
                many.iter()
                    .map(|(p, vs)| format!("{} {}", p.name, vs.join(" or ")))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    /// Released fixes in the order they shipped: (release, version, when);
    /// the version carries the package's name when the case has several.
    pub fn releases_in_time(&self) -> Vec<(&str, String, DateTime<Utc>)> {
        let several = self.packages.len() > 1;
        let mut out: Vec<(&str, String, DateTime<Utc>)> = self
            .fixes
            .iter()
            .filter_map(|f| {
                let v = f.version.as_deref()?;
                let shown = match (&f.package, several) {
                    (Some(p), true) => format!("{} {v}", p.name),
                    _ => v.to_owned(),
                };
                Some((f.release.as_str(), shown, f.released_at?))
            })
            .collect();
        out.sort_by_key(|(_, _, at)| *at);
        out
    }

    /// A link to a fix commit, when the repository is known and the commit
    /// is a full hash.
    pub fn commit_url(&self, commit: &str) -> Option<String> {
        let repo = self.repository.as_deref()?;
        crate::model::syntax::is_full_commit_hash(commit)
            .then(|| format!("{}/commit/{commit}", repo.trim_end_matches('/')))
    }

    /// A link to a pull request: the PR as given when it is a URL, else
    /// `<repository>/pull/<n>` for `#123` or `123`.
    pub fn pr_url(&self, pr: &str) -> Option<String> {
        if is_url(pr) {
            return Some(pr.to_owned());
        }
        let n = pr.trim_start_matches('#');
        let repo = self.repository.as_deref()?;
        (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("{}/pull/{n}", repo.trim_end_matches('/')))
    }
}

pub use crate::model::syntax::is_url;

/// A published case that was withdrawn (or rejected) afterwards: when, and
/// the reason its last closing event gave. A case imported from a record
/// that was withdrawn or rejected (a rejected CVE ID) counts as published:
/// the record was.
fn withdrawal(case: &Case) -> Option<Withdrawal> {
    let public = case.published_at.is_some() || case.from_public_record();
    if !public || !matches!(case.state, State::Withdrawn | State::Rejected) {
        return None;
    }
    case.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Withdrawn { reason } => Some(Withdrawal {
            at: e.at,
            given: reason.is_some(),
            reason: reason
                .clone()
                .unwrap_or_else(|| "withdrawn by the maintainers".to_owned()),
        }),
        EventKind::Rejected { resolution } => Some(Withdrawal {
            at: e.at,
            given: resolution.note.is_some(),
            reason: resolution.note.clone().unwrap_or_else(|| {
                format!(
                    "rejected: {}",
                    serde_json::to_value(resolution.reason)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                )
            }),
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::*;
    use crate::model::case::{Consent, Report, Reporter};

    #[test]
    fn the_public_text_is_the_maintainers_not_the_report() {
        let case = fixed_case(ada(), Consent::Granted);
        let p = PublicCase::new(&case, &policy());
        assert_eq!(p.summary, None);
        assert_eq!(p.details, None);
        assert_eq!(p.impact, None, "the report's impact stays private");
        assert_eq!(
            p.workarounds, None,
            "the report's remediation stays private"
        );
        let described = described(fixed_case(ada(), Consent::Granted));
        let p = PublicCase::new(&described, &policy());
        assert_eq!(p.summary(), "Path traversal in the upload handler of demo");
        assert!(p.details().starts_with("The upload handler"));
        assert_eq!(p.thanked(), ["Ada Lovelace"]);
    }

    #[test]
    fn the_reporters_email_is_never_a_credit_contact() {
        let mut case = fixed_case(
            Reporter {
                email: Some("ada@example.net".into()),
                ..ada()
            },
            Consent::Granted,
        );
        case.credits[0].contact = vec!["ADA@example.net".into(), "https://ada.example".into()];
        case.report = Report::default();
        let p = PublicCase::new(&case, &policy());
        assert_eq!(p.credits[0].contact, ["https://ada.example"]);
    }

    #[test]
    fn a_published_osv_record_keeps_its_id_when_a_cve_comes_later() {
        let mut case = fixed_case(ada(), Consent::Granted);
        case.identifiers.cve = None;
        case.events
            .retain(|e| !matches!(e.kind, EventKind::IdentifiersAssigned { .. }));
        let case = crate::model::case::replay(case.events).unwrap();
        let mut case = published(case);
        assert_eq!(
            PublicCase::new(&case, &policy()).osv_id,
            "x_DEMO-SA-2026-001"
        );
        case.record(
            EventKind::IdentifiersAssigned {
                cve: Some("CVE-2026-999".into()),
                ghsa: None,
            },
            at("2026-04-01T00:00:00Z"),
            "M",
            None,
        );
        let p = PublicCase::new(&case, &policy());
        assert_eq!(p.osv_id, "x_DEMO-SA-2026-001");
        assert_eq!(p.cve.as_deref(), Some("CVE-2026-999"));
    }
}
