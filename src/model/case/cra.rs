//! What a case holds for the EU Cyber Resilience Act's Article 14: when the
//! team became aware that the vulnerability is actively exploited, the
//! corrective or mitigating measures available, and the reports submitted
//! to the CSIRT and ENISA. Like every move, each records exactly one event.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Case, Event, EventKind, Stamp};
use crate::error::{Error, Result};
use crate::model::cra::{CraReport, Sensitivity};
use crate::model::text::{multi_line, one_line};
use crate::model::time::{fast_serde, rfc3339};

/// Awareness of active exploitation, as `disclose exploited` recorded it
/// (and corrected it since). Private: it goes into the reports to the
/// authorities, never into a public file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exploited {
    /// When the team became aware that the vulnerability is actively
    /// exploited: the CRA clocks start here.
    #[serde(with = "fast_serde")]
    pub aware_at: DateTime<Utc>,
    /// How the exploitation became known.
    pub evidence: String,
    /// What is known of the malicious actor, where available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// How sensitive the team considers the notified information to be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Sensitivity>,
}

/// A corrective or mitigating measure available to users (`disclose
/// mitigated`): with the first released fix, it starts the final report's
/// clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mitigation {
    #[serde(with = "fast_serde")]
    pub available_at: DateTime<Utc>,
    pub text: String,
}

/// A report submitted to the CSIRT designated as coordinator and ENISA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CraSubmission {
    #[serde(with = "fast_serde")]
    pub submitted_at: DateTime<Utc>,
    /// The platform's reference for the submission, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When it was due, as the case stood when it was recorded.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub due: Option<DateTime<Utc>>,
}

impl CraSubmission {
    /// Submitted after it was due.
    pub fn late(&self) -> bool {
        self.due.is_some_and(|due| self.submitted_at > due)
    }
}

/// What `disclose exploited` sets: the first time, the time of awareness
/// and the evidence; later, only what is given changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExploitationChange {
    pub aware_at: Option<DateTime<Utc>>,
    pub evidence: Option<String>,
    pub actor: Option<String>,
    pub sensitivity: Option<Sensitivity>,
}

impl ExploitationChange {
    fn is_empty(&self) -> bool {
        self.aware_at.is_none()
            && self.evidence.is_none()
            && self.actor.is_none()
            && self.sensitivity.is_none()
    }
}

/// The earliest measure among released fixes and recorded mitigations.
pub(crate) fn first_measure(
    fixes: impl Iterator<Item = DateTime<Utc>>,
    mitigations: impl Iterator<Item = DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    fixes.chain(mitigations).min()
}

impl Case {
    /// When a corrective or mitigating measure first became available: the
    /// first release whose every affected package got a released fix, or
    /// the first recorded mitigation (as the summary computes it, so the
    /// clocks and the drafts agree).
    pub fn first_measure_at(&self) -> Option<DateTime<Utc>> {
        super::CaseSummary::from(self).first_measure_at()
    }

    /// When `report` is due, once exploitation is recorded.
    pub fn cra_due(&self, report: CraReport) -> Option<DateTime<Utc>> {
        let exploited = self.exploited.as_ref()?;
        report.due(exploited.aware_at, self.first_measure_at())
    }

    /// Records awareness of active exploitation, or corrects it. The first
    /// record needs the evidence (the time defaults to `stamp.at`); a later
    /// one records only what differs. Returns `None` when nothing does.
    pub fn record_exploitation(
        &mut self,
        change: ExploitationChange,
        stamp: Stamp<'_>,
    ) -> Result<Option<&Event>> {
        let text = |v: Option<String>, flag: &str, lines: bool| -> Result<Option<String>> {
            match v {
                None => Ok(None),
                Some(v) => {
                    let v = if lines { multi_line(&v) } else { one_line(&v) };
                    if v.is_empty() {
                        return Err(Error::input(format!("{flag} is empty")));
                    }
                    Ok(Some(v))
                }
            }
        };
        let mut change = ExploitationChange {
            aware_at: change.aware_at,
            evidence: text(change.evidence, "--evidence", true)?,
            actor: text(change.actor, "--actor", true)?,
            sensitivity: change.sensitivity,
        };
        if let Some(at) = change.aware_at
            && at > stamp.at
        {
            return Err(Error::input(format!(
                "--at {} is in the future (now is {})",
                rfc3339(at),
                rfc3339(stamp.at)
            )));
        }
        match &self.exploited {
            None => {
                if change.evidence.is_none() {
                    return Err(Error::input(format!(
                        "say how the exploitation of {} became known with --evidence TEXT",
                        self.id
                    ))
                    .with_hint("the evidence stays private: it goes into the reports to the authorities, never into a public file"));
                }
                change.aware_at.get_or_insert(stamp.at);
            }
            Some(known) => {
                if change.is_empty() {
                    return Err(Error::input(format!(
                        "{} is already recorded as exploited (aware since {}): give what to correct, \
                         --at, --evidence, --actor or --sensitivity",
                        self.id,
                        rfc3339(known.aware_at)
                    )));
                }
                if change.aware_at == Some(known.aware_at) {
                    change.aware_at = None;
                }
                if change.evidence.as_ref() == Some(&known.evidence) {
                    change.evidence = None;
                }
                if change.actor.is_some() && change.actor == known.actor {
                    change.actor = None;
                }
                if change.sensitivity.is_some() && change.sensitivity == known.sensitivity {
                    change.sensitivity = None;
                }
                if change.is_empty() {
                    return Ok(None);
                }
            }
        }
        let ExploitationChange {
            aware_at,
            evidence,
            actor,
            sensitivity,
        } = change;
        Ok(Some(self.append(
            EventKind::Exploited {
                aware_at,
                evidence,
                actor,
                sensitivity,
            },
            stamp,
        )))
    }

    /// Records a corrective or mitigating measure available since
    /// `available_at`. The same measure (the same text) recorded again
    /// corrects its time; returns `None` when it is recorded so already.
    pub fn record_mitigation(
        &mut self,
        text: &str,
        available_at: DateTime<Utc>,
        stamp: Stamp<'_>,
    ) -> Result<Option<&Event>> {
        let text = multi_line(text);
        if text.is_empty() {
            return Err(Error::input(
                "--text must say what the measure is, e.g. 'Set uploads.enabled = false'",
            ));
        }
        if available_at > stamp.at {
            return Err(Error::input(format!(
                "--at {} is in the future (now is {}): record a measure once it is available",
                rfc3339(available_at),
                rfc3339(stamp.at)
            )));
        }
        if self
            .mitigations
            .iter()
            .any(|m| m.text == text && m.available_at == available_at)
        {
            return Ok(None);
        }
        Ok(Some(self.append(
            EventKind::Mitigated { available_at, text },
            stamp,
        )))
    }

    /// Records that `report` was submitted at `submitted_at`, which stops
    /// its clock. Submitting one again replaces the record (a correction).
    /// A submission after the due time is recorded with it, as late.
    pub fn record_submission(
        &mut self,
        report: CraReport,
        submitted_at: DateTime<Utc>,
        reference: Option<String>,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let Some(exploited) = &self.exploited else {
            return Err(Error::refused(format!(
                "{} has no exploitation recorded, so no {} is owed",
                self.id,
                report.words()
            ))
            .with_hint(format!(
                "record it first: `disclose exploited {} --at TIME --evidence TEXT`",
                self.id
            )));
        };
        if submitted_at > stamp.at {
            return Err(Error::input(format!(
                "--at {} is in the future (now is {})",
                rfc3339(submitted_at),
                rfc3339(stamp.at)
            )));
        }
        if submitted_at < exploited.aware_at {
            return Err(Error::input(format!(
                "--at {} is before the team became aware of the exploitation ({})",
                rfc3339(submitted_at),
                rfc3339(exploited.aware_at)
            ))
            .with_hint(format!(
                "correct the time of awareness with `disclose exploited {} --at TIME`",
                self.id
            )));
        }
        let reference = reference.map(|r| one_line(&r)).filter(|r| !r.is_empty());
        let due = self.cra_due(report);
        Ok(self.append(
            EventKind::CraReportSubmitted {
                report,
                submitted_at,
                reference,
                due,
            },
            stamp,
        ))
    }
}

/// Projects awareness of exploitation, or its correction (see `replay::apply`).
pub(super) fn apply_exploited(
    case: &mut Case,
    event_at: DateTime<Utc>,
    aware_at: Option<DateTime<Utc>>,
    evidence: Option<&String>,
    actor: Option<&String>,
    sensitivity: Option<Sensitivity>,
) {
    let record = case.exploited.get_or_insert_with(|| Exploited {
        aware_at: aware_at.unwrap_or(event_at),
        evidence: String::new(),
        actor: None,
        sensitivity: None,
    });
    if let Some(at) = aware_at {
        record.aware_at = at;
    }
    if let Some(evidence) = evidence {
        record.evidence.clone_from(evidence);
    }
    if let Some(actor) = actor {
        record.actor = Some(actor.clone());
    }
    if sensitivity.is_some() {
        record.sensitivity = sensitivity;
    }
}

/// Projects a measure: a new one is added, a known one (same text) moves.
pub(super) fn apply_mitigated(case: &mut Case, available_at: DateTime<Utc>, text: &str) {
    match case.mitigations.iter_mut().find(|m| m.text == text) {
        Some(known) => known.available_at = available_at,
        None => case.mitigations.push(Mitigation {
            available_at,
            text: text.to_owned(),
        }),
    }
}

/// The CRA part of a case's summary, for the clocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CraSummary {
    #[serde(with = "fast_serde")]
    pub aware_at: DateTime<Utc>,
    /// The first recorded mitigation (released fixes are in the matrix rows).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "fast_serde::option"
    )]
    pub mitigated_at: Option<DateTime<Utc>>,
    /// When each report was submitted.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub submitted: BTreeMap<CraReport, DateTime<Utc>>,
}

impl CraSummary {
    pub(super) fn new(
        exploited: Option<&Exploited>,
        mitigations: &[Mitigation],
        reports: &BTreeMap<CraReport, CraSubmission>,
    ) -> Option<Self> {
        let exploited = exploited?;
        Some(Self {
            aware_at: exploited.aware_at,
            mitigated_at: mitigations.iter().map(|m| m.available_at).min(),
            submitted: reports
                .iter()
                .map(|(report, s)| (*report, s.submitted_at))
                .collect(),
        })
    }
}
