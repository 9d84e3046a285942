//! The moves that decide when, and under which IDs, a case goes public: the
//! embargo ("not before"), the disclosure deadline ("publish by"),
//! publishing, and the renumberings `sync` makes when two clones gave out
//! the same ID. Like every move, each checks the case and appends exactly
//! one event.

use chrono::{DateTime, Utc};

use super::{Case, CaseFields, Event, EventKind, Stamp, State, Transition};
use crate::error::{Error, Result};
use crate::model::id::CaseId;
use crate::model::policy::Slas;
use crate::model::preset::Preset;
use crate::model::time::rfc3339;

/// The deadline the policy gives a case: `received_at + disclose_within`;
/// none when that promise is off, or for an internal finding (the promise
/// is made to reporters).
pub fn policy_deadline(
    received_at: DateTime<Utc>,
    slas: &Slas,
    internal: bool,
) -> Option<DateTime<Utc>> {
    if internal {
        return None;
    }
    slas.disclose_within.map(|d| d.after(received_at))
}

impl CaseFields {
    /// Brings fields read from an older file up to this version. Version 1
    /// had one instant, `embargo_until`, that was both the embargo and the
    /// deadline: one set from a reporter's preset (`embargo_preset`) was a
    /// deadline, one set by hand an embargo. The same rule replays the
    /// events of that time (`EventKind::EmbargoSet`), so a file upgraded
    /// here equals the replay of its events.
    pub fn upgrade(&mut self) {
        if self.schema_version >= 2 {
            return;
        }
        self.schema_version = super::SCHEMA_VERSION;
        match (self.embargo_until, self.legacy_embargo_preset.take()) {
            (Some(until), Some(preset)) => {
                self.embargo_until = None;
                self.deadline = Some(until);
                self.deadline_agreed = true;
                self.deadline_preset = Some(preset);
            }
            _ => {
                self.deadline = policy_deadline(self.received_at, &self.policy, self.internal);
                self.deadline_agreed = false;
                self.deadline_preset = None;
            }
        }
    }
}

/// An instant in the past is refused unless forced: the same rule for the
/// embargo, the deadline and every way to give them. Returns the reason to
/// record on the event when forced.
fn check_future(
    what: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    force: Option<&str>,
) -> Result<Option<String>> {
    if at >= now {
        return Ok(None);
    }
    match force {
        Some(reason) if !reason.is_empty() => Ok(Some(reason.to_owned())),
        Some(_) => Ok(Some(format!("{what} {} was already past", rfc3339(at)))),
        None => Err(Error::refused(format!(
            "the {what} {} is in the past (now is {})",
            rfc3339(at),
            rfc3339(now)
        ))
        .with_hint("pass --force to record it anyway (the override is recorded)")),
    }
}

impl Case {
    fn check_open(&self, what: &str) -> Result<()> {
        if self.state.is_open() {
            return Ok(());
        }
        Err(Error::refused(format!(
            "cannot set the {what} of {}: it is {}",
            self.id, self.state
        )))
    }

    /// Sets the embargo, the instant before which nothing is published (or
    /// lifts it, with `until` of `None`). `offset` is how it was typed
    /// (`+01:00`). Returns `None` when the case already holds exactly that.
    pub fn set_embargo(
        &mut self,
        until: Option<DateTime<Utc>>,
        offset: Option<String>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<Option<&Event>> {
        self.check_open("embargo")?;
        let offset = until.and(offset);
        if until == self.embargo_until && offset == self.embargo_offset {
            return Ok(None);
        }
        let forced = match until {
            Some(at) => check_future("embargo", at, stamp.at, force)?,
            None => None,
        };
        Ok(Some(self.record(
            EventKind::EmbargoAgreed { until, offset },
            stamp.at,
            stamp.by,
            forced,
        )))
    }

    /// Sets the disclosure deadline agreed with the reporter (by hand, or
    /// from their `preset`), or with `by` of `None` goes back to the
    /// policy's. Returns `None` when the case already holds exactly that.
    pub fn set_deadline(
        &mut self,
        by: Option<DateTime<Utc>>,
        preset: Option<Preset>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<Option<&Event>> {
        self.check_open("disclosure deadline")?;
        let preset = by.and(preset);
        let same = match by {
            Some(by) => {
                self.deadline_agreed && self.deadline == Some(by) && self.deadline_preset == preset
            }
            None => !self.deadline_agreed,
        };
        if same {
            return Ok(None);
        }
        let forced = match by {
            Some(at) => check_future("disclosure deadline", at, stamp.at, force)?,
            None => None,
        };
        Ok(Some(self.record(
            EventKind::DeadlineSet {
                deadline: by,
                preset,
            },
            stamp.at,
            stamp.by,
            forced,
        )))
    }

    /// Links this case with `other` (the caller records the link on the
    /// other case too). Returns `None` when they are linked already.
    pub fn link(&mut self, other: &CaseId, stamp: Stamp<'_>) -> Result<Option<&Event>> {
        if other == &self.id {
            return Err(Error::input(format!(
                "{} cannot be related to itself",
                self.id
            )));
        }
        if self.related.contains(other) {
            return Ok(None);
        }
        Ok(Some(self.append(
            EventKind::Linked {
                case: other.clone(),
            },
            stamp,
        )))
    }

    /// Records the audit for similar problems, with the cases it found.
    pub fn record_audit(
        &mut self,
        note: String,
        found: Vec<CaseId>,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let note = crate::model::text::multi_line(&note);
        if note.is_empty() {
            return Err(Error::input(
                "--note must say what was audited and what was found",
            ));
        }
        if found.contains(&self.id) {
            return Err(Error::input(format!(
                "--found {}: the audit of a case cannot find the case itself",
                self.id
            )));
        }
        Ok(self.append(EventKind::AuditRecorded { note, found }, stamp))
    }

    /// Refuses a case that is published already.
    pub fn check_unpublished(&self) -> Result<()> {
        if self.state != State::Published {
            return Ok(());
        }
        Err(Error::refused(format!(
            "{} is already published as {}",
            self.id,
            self.identifiers.advisory.as_deref().unwrap_or("?")
        ))
        .with_hint(format!(
            "write its files again with `disclose export {} --format FORMAT`",
            self.id
        )))
    }

    /// Marks the case published as `advisory`. Whether it is ready is the
    /// readiness list's call (the caller checks it); `forced_reason` records
    /// why it went out with items still open. `force` also records a move
    /// from a state `publish` does not normally start from.
    pub fn publish(
        &mut self,
        advisory: String,
        forced_reason: Option<String>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        self.check_unpublished()?;
        // The readiness list, not the state machine, gates publishing: an
        // unforced publish of a case that is not fixed never gets here.
        let forced = match force {
            Some(reason) => self.check_move(Transition::Publish, Some(reason))?,
            None => None,
        };
        Ok(self.record(
            EventKind::Published {
                advisory,
                forced_reason,
            },
            stamp.at,
            stamp.by,
            forced,
        ))
    }

    /// `sync` found a different case under this ID on the remote: this one
    /// takes `to`, and its old ID becomes an alias.
    pub fn renumber(&mut self, to: CaseId, stamp: Stamp<'_>) -> &Event {
        let from = self.id.clone();
        self.append(EventKind::Renumbered { from, to }, stamp)
    }

    /// `sync` found the remote had published another case (`taken_by`) under
    /// this case's advisory ID first: this one takes `to`.
    pub fn renumber_advisory(
        &mut self,
        to: String,
        taken_by: CaseId,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let from =
            self.identifiers.advisory.clone().ok_or_else(|| {
                Error::input(format!("{} has no advisory ID to renumber", self.id))
            })?;
        Ok(self.append(EventKind::AdvisoryRenumbered { from, to, taken_by }, stamp))
    }
}
