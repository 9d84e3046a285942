//! The moves that decide when, and under which IDs, a case goes public: the
//! embargo, publishing, and the renumberings `sync` makes when two clones
//! gave out the same ID. Like every move, each checks the case and appends
//! exactly one event.

use chrono::{DateTime, Utc};

use super::{Case, Event, EventKind, Stamp, State, Transition};
use crate::error::{Error, Result};
use crate::model::id::CaseId;
use crate::model::preset::Preset;

impl Case {
    /// Sets the embargo (or clears it, with `until` of `None`). Returns
    /// `None` when the case already holds exactly that embargo.
    pub fn set_embargo(
        &mut self,
        until: Option<DateTime<Utc>>,
        preset: Option<Preset>,
        stamp: Stamp<'_>,
    ) -> Result<Option<&Event>> {
        if !self.state.is_open() {
            return Err(Error::refused(format!(
                "cannot set the embargo of {}: it is {}",
                self.id, self.state
            )));
        }
        if until == self.embargo_until && preset == self.embargo_preset {
            return Ok(None);
        }
        Ok(Some(
            self.append(EventKind::EmbargoSet { until, preset }, stamp),
        ))
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
