//! Drafts of the reports the EU Cyber Resilience Act's Article 14(2) asks
//! of a manufacturer whose product has an actively exploited vulnerability
//! (the early warning, the vulnerability notification and the final
//! report), and of the notice to impacted users (Article 14(8)).
//!
//! The reports hold exactly what the article lists, filled from the case,
//! and name what is missing. Their JSON is this tool's own shape: the
//! single reporting platform's submission format is not public, so the
//! fields are named after the article's wording instead.
//!
//! What the reports may hold. They go to the CSIRT designated as
//! coordinator and to ENISA, not to the public, so they carry what the
//! team recorded privately about the exploitation: the evidence, the
//! malicious actor, the sensitivity, the measures taken (recorded
//! mitigations as written). They do not carry what the reporter gave the
//! project in confidence, which the article does not ask for: the
//! reporter's name, email or handle, the report itself (its description
//! and reproduction steps: a working recipe does not belong in a
//! notification that CSIRTs pass on), messages with the reporter, private
//! notes, attachments or credits. The vulnerability is described in the
//! maintainers' own words (`disclose describe`), through the public view.
//!
//! The user notice is public: it is rendered from the public view only
//! (`export::user_notice`) and checked by the leak guard.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::export::leak::{self, Guard};
use crate::export::{self, Format, PublicCase, range_words, user_notice};
use crate::model::case::{Case, CraSubmission};
use crate::model::cra::{CraReport, MemberState, Sensitivity};
use crate::model::policy::Policy;
use crate::model::time::{relative, rfc3339};

/// Which draft `disclose cra --draft` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CraDraftKind {
    /// The early warning, Article 14(2)(a)
    EarlyWarning,
    /// The vulnerability notification, Article 14(2)(b)
    Notification,
    /// The final report, Article 14(2)(c)
    FinalReport,
    /// The notice to impacted users, Article 14(8) (public; Markdown and OSV)
    UserNotice,
}

impl CraDraftKind {
    /// The report it drafts, or `None` for the user notice.
    pub fn report(self) -> Option<CraReport> {
        match self {
            Self::EarlyWarning => Some(CraReport::EarlyWarning),
            Self::Notification => Some(CraReport::Notification),
            Self::FinalReport => Some(CraReport::FinalReport),
            Self::UserNotice => None,
        }
    }
}

/// Something a draft needs that the case does not hold yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// The field of the draft it belongs in.
    pub field: &'static str,
    /// What is missing, in words.
    pub what: String,
    /// The command that records it.
    pub fix: String,
}

/// The product with digital elements concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Product {
    pub name: String,
    /// The affected packages, `ECOSYSTEM/NAME`.
    pub packages: Vec<String>,
}

/// General information about the product (Article 14(2)(b)): what is
/// affected, release by release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductInformation {
    pub name: String,
    pub affected_versions: Vec<AffectedVersions>,
    pub releases: Vec<ReleaseStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedVersions {
    pub package: String,
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseStatus {
    pub release: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_in: Option<String>,
}

/// The vulnerability, by its public title and identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vulnerability {
    pub title: String,
    pub identifiers: Vec<String>,
}

/// The general nature of the vulnerability (Article 14(2)(b)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NatureOfVulnerability {
    pub summary: Option<String>,
    pub details: Option<String>,
    pub cwe: Vec<String>,
}

/// A released security update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecurityUpdate {
    pub release: String,
    /// The package it fixes, when the case names one per fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    pub version: String,
    pub released_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub commits: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pr: Option<String>,
}

/// A recorded mitigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MitigatingMeasure {
    pub text: String,
    pub available_at: DateTime<Utc>,
}

/// Corrective or mitigating measures: security updates and mitigations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measures {
    pub security_updates: Vec<SecurityUpdate>,
    pub mitigations: Vec<MitigatingMeasure>,
}

/// What users can do: upgrade, or the maintainers' workarounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserMeasures {
    pub upgrade_to: Vec<String>,
    pub workarounds: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SensitivityLevel {
    pub level: Sensitivity,
    pub label: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeverityAssessment {
    pub cvss: String,
    pub score: f64,
    pub rating: String,
}

/// A description of the vulnerability with its severity and impact
/// (Article 14(2)(c)(i)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Description {
    pub summary: Option<String>,
    pub details: Option<String>,
    pub cwe: Vec<String>,
    pub severity: Option<SeverityAssessment>,
    pub impact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberStateName {
    pub code: &'static str,
    pub name: &'static str,
}

/// What each report holds: the items of Article 14(2), in its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Content {
    /// Article 14(2)(a).
    EarlyWarning {
        actively_exploited_vulnerability: Vulnerability,
        product_with_digital_elements: Product,
        became_aware_at: DateTime<Utc>,
        member_states_where_made_available: Vec<MemberStateName>,
    },
    /// Article 14(2)(b).
    Notification {
        actively_exploited_vulnerability: Vulnerability,
        general_information_about_the_product: ProductInformation,
        general_nature_of_the_exploit: String,
        general_nature_of_the_vulnerability: NatureOfVulnerability,
        corrective_or_mitigating_measures_taken: Measures,
        corrective_or_mitigating_measures_users_can_take: UserMeasures,
        sensitivity_of_the_information: Option<SensitivityLevel>,
    },
    /// Article 14(2)(c).
    FinalReport {
        actively_exploited_vulnerability: Vulnerability,
        product_with_digital_elements: Product,
        description_of_the_vulnerability: Description,
        malicious_actor: Option<String>,
        security_update_or_other_corrective_measures: Measures,
    },
}

/// A draft of one report, as `disclose cra --draft ... --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDraft {
    pub report: CraReport,
    /// `Article 14(2)(a) of Regulation (EU) 2024/2847`.
    pub legal_basis: String,
    /// The case it is drafted from (the tool's own reference).
    pub case: String,
    pub became_aware_at: DateTime<Utc>,
    /// When it is due; `None` for the final report before any measure.
    pub due: Option<DateTime<Utc>>,
    /// The recorded submission, if it went out already.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<CraSubmission>,
    pub content: Content,
    pub missing: Vec<Missing>,
}

/// The draft of `report` for `case`. Refused without exploitation recorded.
pub fn report(case: &Case, policy: &Policy, report: CraReport) -> Result<ReportDraft> {
    let Some(exploited) = &case.exploited else {
        return Err(no_exploitation(case, report.words()));
    };
    let p = PublicCase::new(case, policy);
    let id = case.id.as_str();
    let mut missing = Vec::new();
    let vulnerability = Vulnerability {
        title: p.title.clone(),
        identifiers: [&p.advisory, &p.cve, &p.ghsa]
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
    };
    let product = Product {
        name: p.product(),
        packages: p.packages.iter().map(|a| a.package.to_string()).collect(),
    };
    if policy.project.is_none() {
        missing.push(Missing {
            field: "product_with_digital_elements",
            what: "the product has no name in the policy".to_owned(),
            fix: "disclose policy set project NAME".to_owned(),
        });
    }
    let content = match report {
        CraReport::EarlyWarning => {
            if policy.cra_member_states.is_empty() {
                missing.push(Missing {
                    field: "member_states_where_made_available",
                    what: "no Member States where the product is made available are recorded (where applicable)".to_owned(),
                    fix: "disclose policy set cra_member_states DE,FR,...".to_owned(),
                });
            }
            Content::EarlyWarning {
                actively_exploited_vulnerability: vulnerability,
                product_with_digital_elements: product,
                became_aware_at: exploited.aware_at,
                member_states_where_made_available: names(&policy.cra_member_states),
            }
        }
        CraReport::Notification => {
            let info = product_information(&p);
            if info.affected_versions.is_empty() {
                missing.push(Missing {
                    field: "general_information_about_the_product",
                    what: "no affected versions recorded".to_owned(),
                    fix: format!("disclose affected {id} --range REQ"),
                });
            }
            let nature = NatureOfVulnerability {
                summary: p.summary.clone(),
                details: p.details.clone(),
                cwe: p.cwe.clone(),
            };
            if nature.summary.is_none() {
                missing.push(describe_missing(
                    id,
                    "general_nature_of_the_vulnerability",
                    "a summary",
                    "--summary TEXT",
                ));
            }
            if nature.cwe.is_empty() {
                missing.push(Missing {
                    field: "general_nature_of_the_vulnerability",
                    what: "no weakness (CWE) recorded".to_owned(),
                    fix: format!("disclose severity {id} --cwe CWE-NNN"),
                });
            }
            let taken = measures(case, &p);
            if taken.security_updates.is_empty() && taken.mitigations.is_empty() {
                missing.push(no_measure(id, "corrective_or_mitigating_measures_taken"));
            }
            let users = UserMeasures {
                upgrade_to: p.patched().into_iter().map(|(_, v)| v).collect(),
                workarounds: p.workarounds.clone(),
            };
            if users.upgrade_to.is_empty() && users.workarounds.is_none() {
                missing.push(Missing {
                    field: "corrective_or_mitigating_measures_users_can_take",
                    what: "no released fix to upgrade to and no workaround described yet".to_owned(),
                    fix: format!("disclose describe {id} --workarounds TEXT, or release a fix: disclose fix {id} --release NAME --version V"),
                });
            }
            if exploited.sensitivity.is_none() {
                missing.push(Missing {
                    field: "sensitivity_of_the_information",
                    what: "how sensitive the notified information is, is not stated (where applicable)".to_owned(),
                    fix: format!("disclose exploited {id} --sensitivity clear|green|amber|amber-strict|red"),
                });
            }
            Content::Notification {
                actively_exploited_vulnerability: vulnerability,
                general_information_about_the_product: info,
                general_nature_of_the_exploit: exploited.evidence.clone(),
                general_nature_of_the_vulnerability: nature,
                corrective_or_mitigating_measures_taken: taken,
                corrective_or_mitigating_measures_users_can_take: users,
                sensitivity_of_the_information: exploited.sensitivity.map(|level| {
                    SensitivityLevel {
                        level,
                        label: level.label(),
                    }
                }),
            }
        }
        CraReport::FinalReport => {
            let description = Description {
                summary: p.summary.clone(),
                details: p.details.clone(),
                cwe: p.cwe.clone(),
                severity: p.severity.as_ref().map(|s| SeverityAssessment {
                    cvss: s.cvss.clone(),
                    score: s.score,
                    rating: s.rating.clone(),
                }),
                impact: p.impact.clone(),
            };
            if description.summary.is_none() || description.details.is_none() {
                missing.push(describe_missing(
                    id,
                    "description_of_the_vulnerability",
                    "a summary and details",
                    "--summary TEXT --details FILE",
                ));
            }
            if description.severity.is_none() {
                missing.push(Missing {
                    field: "description_of_the_vulnerability",
                    what: "no severity assessed".to_owned(),
                    fix: format!("disclose severity {id} --cvss VECTOR"),
                });
            }
            if description.impact.is_none() {
                missing.push(Missing {
                    field: "description_of_the_vulnerability",
                    what: "no impact described".to_owned(),
                    fix: format!("disclose describe {id} --impact TEXT"),
                });
            }
            if exploited.actor.is_none() {
                missing.push(Missing {
                    field: "malicious_actor",
                    what: "no information about the malicious actor recorded (where available)"
                        .to_owned(),
                    fix: format!("disclose exploited {id} --actor TEXT"),
                });
            }
            let taken = measures(case, &p);
            if taken.security_updates.is_empty() && taken.mitigations.is_empty() {
                missing.push(no_measure(
                    id,
                    "security_update_or_other_corrective_measures",
                ));
            }
            Content::FinalReport {
                actively_exploited_vulnerability: vulnerability,
                product_with_digital_elements: product,
                description_of_the_vulnerability: description,
                malicious_actor: exploited.actor.clone(),
                security_update_or_other_corrective_measures: taken,
            }
        }
    };
    Ok(ReportDraft {
        report,
        legal_basis: format!("{} of Regulation (EU) 2024/2847", report.article()),
        case: case.id.to_string(),
        became_aware_at: exploited.aware_at,
        due: case.cra_due(report),
        submitted: case.cra_reports.get(&report).cloned(),
        content,
        missing,
    })
}

fn no_exploitation(case: &Case, what: &str) -> Error {
    Error::refused(format!(
        "{} has no exploitation recorded, so there is no {what} to draft",
        case.id
    ))
    .with_hint(format!(
        "record it first: `disclose exploited {} --at TIME --evidence TEXT`",
        case.id
    ))
}

fn describe_missing(id: &str, field: &'static str, needs: &str, flags: &str) -> Missing {
    Missing {
        field,
        what: format!("the vulnerability is not described in the maintainers' words yet ({needs})"),
        fix: format!("disclose describe {id} {flags}"),
    }
}

fn no_measure(id: &str, field: &'static str) -> Missing {
    Missing {
        field,
        what: "no mitigation recorded yet, and no fix released".to_owned(),
        fix: format!(
            "disclose mitigated {id} --text TEXT, or disclose fix {id} --release NAME --version V"
        ),
    }
}

fn names(states: &[MemberState]) -> Vec<MemberStateName> {
    states
        .iter()
        .map(|s| MemberStateName {
            code: s.code(),
            name: s.name(),
        })
        .collect()
}

fn product_information(p: &PublicCase) -> ProductInformation {
    ProductInformation {
        name: p.product(),
        affected_versions: p
            .packages
            .iter()
            .map(|pkg| {
                let mut versions: Vec<String> = pkg.ranges.iter().flat_map(range_words).collect();
                versions.extend(pkg.versions.iter().cloned());
                AffectedVersions {
                    package: pkg.package.to_string(),
                    versions,
                }
            })
            .collect(),
        releases: p
            .releases
            .iter()
            .map(|r| ReleaseStatus {
                release: r.name.clone(),
                status: if r.fixed() {
                    "fixed".to_owned()
                } else {
                    r.decision.as_str().to_owned()
                },
                fixed_in: r.fixed_words(),
            })
            .collect(),
    }
}

fn measures(case: &Case, p: &PublicCase) -> Measures {
    Measures {
        security_updates: p
            .fixes
            .iter()
            .filter_map(|f| {
                Some(SecurityUpdate {
                    release: f.release.clone(),
                    package: f.package.as_ref().map(ToString::to_string),
                    version: f.version.clone()?,
                    released_at: f.released_at,
                    commits: f.commits.clone(),
                    pr: f.pr.clone(),
                })
            })
            .collect(),
        mitigations: case
            .mitigations
            .iter()
            .map(|m| MitigatingMeasure {
                text: m.text.clone(),
                available_at: m.available_at,
            })
            .collect(),
    }
}

/// The readable form of a report draft.
pub fn render_text(d: &ReportDraft, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let mut rest = value.lines();
        out.push_str(&format!("{label}: {}\n", rest.next().unwrap_or_default()));
        for more in rest {
            out.push_str(&format!("  {more}\n"));
        }
    };
    let or_missing = |v: Option<&str>| v.map_or_else(|| "[missing]".to_owned(), str::to_owned);
    match &d.content {
        Content::EarlyWarning {
            actively_exploited_vulnerability: v,
            product_with_digital_elements: product,
            became_aware_at,
            member_states_where_made_available: states,
        } => {
            line("Actively exploited vulnerability", &vulnerability_words(v));
            line("Product with digital elements", &product_words(product));
            line(
                "Aware of the exploitation since",
                &rfc3339(*became_aware_at),
            );
            let states = if states.is_empty() {
                "[missing]".to_owned()
            } else {
                states
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.code))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            line("Member States where the product is made available", &states);
        }
        Content::Notification {
            actively_exploited_vulnerability: v,
            general_information_about_the_product: info,
            general_nature_of_the_exploit: exploit,
            general_nature_of_the_vulnerability: nature,
            corrective_or_mitigating_measures_taken: taken,
            corrective_or_mitigating_measures_users_can_take: users,
            sensitivity_of_the_information: sensitivity,
        } => {
            line("Actively exploited vulnerability", &vulnerability_words(v));
            let mut product = vec![info.name.clone()];
            for a in &info.affected_versions {
                product.push(format!("{}: {}", a.package, a.versions.join("; ")));
            }
            for r in &info.releases {
                product.push(match &r.fixed_in {
                    Some(v) => format!("release {}: fixed in {v}", r.release),
                    None => format!("release {}: {}", r.release, r.status),
                });
            }
            line("General information about the product", &product.join("\n"));
            line("General nature of the exploit", exploit);
            let mut text = vec![or_missing(nature.summary.as_deref())];
            text.extend(nature.details.iter().cloned());
            if !nature.cwe.is_empty() {
                text.push(format!("Weakness: {}", nature.cwe.join(", ")));
            }
            line("General nature of the vulnerability", &text.join("\n"));
            line(
                "Corrective or mitigating measures taken",
                &measures_words(taken),
            );
            let mut can = Vec::new();
            if !users.upgrade_to.is_empty() {
                can.push(format!("Upgrade to {}.", users.upgrade_to.join(" or ")));
            }
            if let Some(w) = &users.workarounds {
                can.push(w.clone());
            }
            line(
                "Corrective or mitigating measures users can take",
                &if can.is_empty() {
                    "[missing]".to_owned()
                } else {
                    can.join("\n")
                },
            );
            line(
                "Sensitivity of the information",
                &sensitivity
                    .as_ref()
                    .map_or_else(|| "[missing]".to_owned(), |s| s.label.to_owned()),
            );
        }
        Content::FinalReport {
            actively_exploited_vulnerability: v,
            product_with_digital_elements: product,
            description_of_the_vulnerability: desc,
            malicious_actor,
            security_update_or_other_corrective_measures: taken,
        } => {
            line("Actively exploited vulnerability", &vulnerability_words(v));
            line("Product with digital elements", &product_words(product));
            let mut text = vec![or_missing(desc.summary.as_deref())];
            if let Some(details) = &desc.details {
                text.push(details.clone());
            }
            if !desc.cwe.is_empty() {
                text.push(format!("Weakness: {}", desc.cwe.join(", ")));
            }
            text.push(format!(
                "Severity: {}",
                desc.severity.as_ref().map_or_else(
                    || "[missing]".to_owned(),
                    |s| format!("{} {} ({})", s.rating, s.score, s.cvss)
                )
            ));
            text.push(format!("Impact: {}", or_missing(desc.impact.as_deref())));
            line("Description of the vulnerability", &text.join("\n"));
            line(
                "Malicious actor",
                &malicious_actor
                    .clone()
                    .unwrap_or_else(|| "[not available]".to_owned()),
            );
            line(
                "Security update or other corrective measures",
                &measures_words(taken),
            );
        }
    }
    let body = out;
    let mut out = format!(
        "DRAFT: CRA {} ({}), for the CSIRT designated as coordinator and ENISA\n\
         Confidential: not for publication. Case {} (the case ID is for your records).\n\n",
        d.report.words(),
        d.legal_basis,
        d.case
    );
    out.push_str(&body);
    out.push('\n');
    match (&d.submitted, d.due) {
        (Some(s), _) => out.push_str(&format!(
            "Submitted {}{}{}.\n",
            rfc3339(s.submitted_at),
            s.reference
                .as_deref()
                .map(|r| format!(" (reference {r})"))
                .unwrap_or_default(),
            if s.late() { ", late" } else { "" }
        )),
        (None, Some(due)) => out.push_str(&format!(
            "Due {} ({}); record the submission with `disclose cra {} --submitted {}`.\n",
            rfc3339(due),
            relative(due, now),
            d.case,
            d.report
        )),
        (None, None) => out.push_str(
            "Due 14 days after a fix is released or a mitigation is available; neither is yet.\n",
        ),
    }
    push_missing(&mut out, &d.missing);
    out
}

/// The list of what is missing, after a draft.
fn push_missing(out: &mut String, missing: &[Missing]) {
    if missing.is_empty() {
        return;
    }
    out.push_str(&format!("\nMissing ({}):\n", missing.len()));
    for m in missing {
        out.push_str(&format!("  - {}\n      {}\n", m.what, m.fix));
    }
}

fn vulnerability_words(v: &Vulnerability) -> String {
    if v.identifiers.is_empty() {
        v.title.clone()
    } else {
        format!("{} ({})", v.title, v.identifiers.join(", "))
    }
}

fn product_words(p: &Product) -> String {
    if p.packages.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, p.packages.join(", "))
    }
}

fn measures_words(m: &Measures) -> String {
    let mut out: Vec<String> = m
        .security_updates
        .iter()
        .map(|u| {
            let what = match &u.package {
                Some(package) => format!("{package} {}", u.version),
                None => u.version.clone(),
            };
            match u.released_at {
                Some(at) => format!(
                    "Security update {what} for release {}, released {}",
                    u.release,
                    rfc3339(at)
                ),
                None => format!("Security update {what} for release {}", u.release),
            }
        })
        .collect();
    out.extend(
        m.mitigations
            .iter()
            .map(|x| format!("{} (available since {})", x.text, rfc3339(x.available_at))),
    );
    if out.is_empty() {
        "[missing]".to_owned()
    } else {
        out.join("\n")
    }
}

/// The notice to impacted users, with its machine-readable part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserNotice {
    pub case: String,
    /// The notice in Markdown (`user-notice.md`).
    pub markdown: String,
    /// The case's OSV record (`osv.json`), once it can be rendered.
    pub osv: Option<String>,
    pub missing: Vec<Missing>,
    /// What the leak guard found in either.
    pub leaks: Vec<leak::Leak>,
}

/// The file name of the notice's machine-readable part.
pub const OSV_FILE: &str = "osv.json";

/// The notice to impacted users, from the public view only; the leak
/// guard scans both parts.
pub fn user_notice(case: &Case, policy: &Policy, now: DateTime<Utc>) -> Result<UserNotice> {
    if case.exploited.is_none() {
        return Err(no_exploitation(case, "notice to impacted users"));
    }
    let p = PublicCase::new(case, policy);
    let id = case.id.as_str();
    let markdown = user_notice::render(&p, OSV_FILE);
    let mut missing = Vec::new();
    let osv = match export::render(case, policy, Format::Osv, now) {
        Ok(osv) => Some(osv),
        Err(e) => {
            missing.push(Missing {
                field: "osv",
                what: format!(
                    "the machine-readable part (the OSV record) cannot be rendered yet: {e}"
                ),
                fix: format!("disclose affected {id} --range REQ"),
            });
            None
        }
    };
    if p.summary.is_none() {
        missing.push(Missing {
            field: "summary",
            what: "no public summary: the notice falls back to the case title".to_owned(),
            fix: format!("disclose describe {id} --summary TEXT"),
        });
    }
    if p.packages.is_empty() {
        missing.push(Missing {
            field: "affected",
            what: "no affected versions recorded".to_owned(),
            fix: format!("disclose affected {id} --range REQ"),
        });
    }
    if p.patched().is_empty() && p.workarounds.is_none() {
        missing.push(Missing {
            field: "measures",
            what: "users have no measure to take yet: no released fix and no workaround described"
                .to_owned(),
            fix: format!(
                "disclose describe {id} --workarounds TEXT, or disclose fix {id} --release NAME --version V"
            ),
        });
    }
    let guard = Guard::new(case, policy);
    let mut leaks = guard.scan(user_notice::FILE_NAME, &markdown, false);
    if let Some(osv) = &osv {
        leaks.extend(guard.scan(OSV_FILE, osv, true));
    }
    Ok(UserNotice {
        case: case.id.to_string(),
        markdown,
        osv,
        missing,
        leaks,
    })
}

/// What is missing from the notice, for the status lines after it.
pub fn missing_text(missing: &[Missing]) -> String {
    let mut out = String::new();
    push_missing(&mut out, missing);
    out.trim_start().to_owned()
}
