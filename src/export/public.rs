//! What may leave the store: the public view of a case that every exporter
//! renders from. The redaction rules live here and nowhere else.
//!
//! Never exported: the reporter's email, private notes, messages exchanged
//! with the reporter, attachments, the reproduction steps, and any name or
//! handle whose credit consent is not `granted`. As a second line of defence,
//! every free text that does go out has the reporter's email and every
//! withheld name or handle replaced by `[redacted]`.

use chrono::{DateTime, Utc};

use super::ranges::{self, ReleaseRow};
use crate::model::case::{Case, Consent, CreditType, Range, Severity};
use crate::model::policy::{Package, Policy};

const REDACTED: &str = "[redacted]";
/// Shorter names are too likely to be ordinary words to scrub from prose.
const MIN_SCRUB_LEN: usize = 3;

/// A case as the public may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicCase {
    /// The public advisory ID, or (before publishing) the best public name.
    pub id: String,
    pub advisory: Option<String>,
    pub cve: Option<String>,
    pub ghsa: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub impact: Option<String>,
    /// Workarounds and remediation advice.
    pub remediation: Option<String>,
    /// Notes the team marked public.
    pub notes: Vec<String>,
    pub severity: Option<Severity>,
    pub cwe: Vec<String>,
    pub packages: Vec<PublicPackage>,
    pub releases: Vec<ReleaseRow>,
    pub fixes: Vec<PublicFix>,
    pub credits: Vec<PublicCredit>,
    pub received_at: DateTime<Utc>,
    pub fixed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub project: Option<String>,
    pub vendor: Option<String>,
    pub cna_org_id: Option<String>,
    pub contact: Option<String>,
    pub repository: Option<String>,
    /// Where the announcement goes (the policy's `announce_to`).
    pub announce_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPackage {
    pub package: Package,
    /// Ranges derived per maintained release from the fix matrix.
    pub ranges: Vec<Range>,
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicFix {
    pub release: String,
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

/// The strings that must never appear in an export.
struct Scrubber {
    secrets: Vec<String>,
}

impl Scrubber {
    fn new(case: &Case) -> Self {
        let granted = |name: &str| {
            case.credits
                .iter()
                .any(|c| c.consent == Consent::Granted && c.name == name)
        };
        let mut secrets: Vec<String> = Vec::new();
        let r = &case.reporter;
        secrets.extend(r.email.iter().cloned());
        for name in r.name.iter().chain(r.handle.iter()) {
            if !granted(name) {
                secrets.push(name.clone());
            }
        }
        for credit in &case.credits {
            if credit.consent != Consent::Granted && !granted(&credit.name) {
                secrets.push(credit.name.clone());
                secrets.extend(credit.contact.iter().cloned());
            }
        }
        secrets.retain(|s| s.trim().len() >= MIN_SCRUB_LEN);
        // Longest first, so a name inside an email is not scrubbed half-way.
        secrets.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        secrets.dedup();
        Self { secrets }
    }

    fn text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            out = replace_words(&out, secret);
        }
        out
    }

    fn opt(&self, text: Option<&String>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.trim().is_empty())
    }

    fn clean(&self, text: &str) -> bool {
        !self.secrets.iter().any(|s| text.contains(s.as_str()))
    }
}

/// Replaces `secret` where it stands as a whole word, so withholding the
/// name "Ada" does not mangle "Adapter".
fn replace_words(text: &str, secret: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(secret) {
        let before = rest[..i].chars().next_back().or(out.chars().next_back());
        let after = rest[i + secret.len()..].chars().next();
        out.push_str(&rest[..i]);
        if word(before) || word(after) {
            out.push_str(secret);
        } else {
            out.push_str(REDACTED);
        }
        rest = &rest[i + secret.len()..];
    }
    out.push_str(rest);
    out
}

impl PublicCase {
    pub fn new(case: &Case, policy: &Policy) -> Self {
        let s = Scrubber::new(case);
        let releases = ranges::release_rows(case, &policy.maintained_releases);
        let packages = case
            .affected
            .iter()
            .map(|a| PublicPackage {
                package: a.package.clone(),
                ranges: ranges::derive(a, &releases, &policy.maintained_releases),
                versions: a.versions.clone(),
            })
            .collect();
        let releases = releases
            .into_iter()
            .map(|r| ReleaseRow {
                reason: s.opt(r.reason.as_ref()),
                ..r
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
            .fixes
            .iter()
            .map(|f| PublicFix {
                release: f.release.clone(),
                version: f.version.clone(),
                released_at: f.released_at,
                commits: f.commits.clone(),
                pr: s.opt(f.pr.as_ref()),
            })
            .collect();
        fixes.sort_by(|a, b| (order(&a.release), &a.release).cmp(&(order(&b.release), &b.release)));
        let credits = case
            .credits
            .iter()
            .filter_map(|c| match c.consent {
                Consent::Granted => Some(PublicCredit {
                    name: Some(c.name.clone()),
                    kind: c.kind,
                    contact: c.contact.iter().filter(|x| s.clean(x)).cloned().collect(),
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
        Self {
            id,
            advisory: ids.advisory.clone(),
            cve: ids.cve.clone(),
            ghsa: ids.ghsa.clone(),
            title: s.text(&case.title),
            description: s.opt(case.report.description.as_ref()),
            impact: s.opt(case.report.impact.as_ref()),
            remediation: s.opt(case.report.remediation.as_ref()),
            notes: case
                .notes
                .iter()
                .filter(|n| !n.private)
                .map(|n| s.text(&n.text))
                .collect(),
            severity: case.severity.clone(),
            cwe: case.cwe.clone(),
            packages,
            releases,
            fixes,
            credits,
            received_at: case.received_at,
            fixed_at: case.fixed_at,
            published_at: case.published_at,
            project: policy.project.clone(),
            vendor: policy.vendor.clone(),
            cna_org_id: policy.cna_org_id.clone(),
            contact: policy.contact.clone(),
            announce_to: policy.announce_to.clone(),
            repository: policy.repository.clone(),
        }
    }

    /// The project's name for prose, else the first package's.
    pub fn product(&self) -> String {
        self.project
            .clone()
            .or_else(|| self.packages.first().map(|p| p.package.name.clone()))
            .unwrap_or_else(|| "the project".to_owned())
    }

    /// `summary` for OSV and the first line of prose: the title.
    pub fn summary(&self) -> &str {
        &self.title
    }

    /// The long description: description, impact, public notes.
    pub fn details(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.description.as_deref());
        if let Some(impact) = &self.impact {
            parts.push(impact);
        }
        parts.extend(self.notes.iter().map(String::as_str));
        if parts.is_empty() {
            self.title.clone()
        } else {
            parts.join("\n\n")
        }
    }

    /// The fix version of each release that has one, in release order.
    pub fn patched(&self) -> Vec<(&str, &str)> {
        self.releases
            .iter()
            .filter_map(|r| r.fixed_in.as_deref().map(|v| (r.name.as_str(), v)))
            .collect()
    }

    /// Released fixes in the order they shipped: (release, version, when).
    pub fn releases_in_time(&self) -> Vec<(&str, &str, DateTime<Utc>)> {
        let mut out: Vec<(&str, &str, DateTime<Utc>)> = self
            .fixes
            .iter()
            .filter_map(|f| Some((f.release.as_str(), f.version.as_deref()?, f.released_at?)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case::{Credit, EventKind, NewCase, Report, Reporter};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn withheld_names_and_the_email_are_scrubbed_from_public_text() {
        let mut case = Case::open(
            "DISC-2026-K7Q3M".parse().unwrap(),
            NewCase {
                title: "Crash found by Mallory Marker".into(),
                received_at: None,
                reporter: Reporter {
                    name: Some("Mallory Marker".into()),
                    email: Some("mallory@example.org".into()),
                    handle: Some("mmarker".into()),
                },
                report: Report {
                    description: Some("Write to mallory@example.org or @mmarker".into()),
                    ..Report::default()
                },
                internal: false,
            },
            Policy::default().slas(),
            at("2026-03-02T09:00:00Z"),
            "M",
        );
        let p = PublicCase::new(&case, &Policy::default());
        assert_eq!(p.title, "Crash found by [redacted]");
        assert_eq!(
            p.description.as_deref(),
            Some("Write to [redacted] or @[redacted]")
        );
        assert!(p.credits.is_empty(), "pending consent is not credited");
        case.record(
            EventKind::CreditSet {
                credit: Credit {
                    name: "Mallory Marker".into(),
                    kind: CreditType::Finder,
                    consent: Consent::Granted,
                    contact: vec!["mallory@example.org".into(), "https://m.example".into()],
                },
            },
            at("2026-03-03T09:00:00Z"),
            "M",
            None,
        );
        let p = PublicCase::new(&case, &Policy::default());
        assert_eq!(p.title, "Crash found by Mallory Marker");
        assert_eq!(p.credits[0].name.as_deref(), Some("Mallory Marker"));
        assert_eq!(p.credits[0].contact, vec!["https://m.example".to_owned()]);
        assert!(
            p.description.unwrap().contains("[redacted]"),
            "email and handle stay out"
        );
    }

    #[test]
    fn only_whole_words_are_scrubbed() {
        assert_eq!(
            replace_words("Ada found it; Adapter too", "Ada"),
            "[redacted] found it; Adapter too"
        );
        assert_eq!(replace_words("by Ada.", "Ada"), "by [redacted].");
        assert_eq!(
            replace_words("mail a@b.org, please", "a@b.org"),
            "mail [redacted], please"
        );
    }
}
