//! The case states and every move between them, in one table.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a case is in the disclosure process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    New,
    Acknowledged,
    Confirmed,
    Fixed,
    Published,
    Rejected,
    Withdrawn,
}

/// A move a command asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transition {
    Acknowledge,
    Confirm,
    Reject,
    Withdraw,
    MarkFixed,
    Publish,
}

impl Transition {
    pub const ALL: [Self; 6] = [
        Self::Acknowledge,
        Self::Confirm,
        Self::Reject,
        Self::Withdraw,
        Self::MarkFixed,
        Self::Publish,
    ];

    /// The state this move leads to.
    pub fn target(self) -> State {
        match self {
            Self::Acknowledge => State::Acknowledged,
            Self::Confirm => State::Confirmed,
            Self::Reject => State::Rejected,
            Self::Withdraw => State::Withdrawn,
            Self::MarkFixed => State::Fixed,
            Self::Publish => State::Published,
        }
    }

    /// The command a user runs for this move.
    pub fn command(self) -> &'static str {
        match self {
            Self::Acknowledge => "ack",
            Self::Confirm => "confirm",
            Self::Reject => "reject",
            Self::Withdraw => "withdraw",
            Self::MarkFixed => "fix",
            Self::Publish => "publish",
        }
    }
}

impl State {
    pub const ALL: [Self; 7] = [
        Self::New,
        Self::Acknowledged,
        Self::Confirmed,
        Self::Fixed,
        Self::Published,
        Self::Rejected,
        Self::Withdrawn,
    ];

    /// The transition table: whether `transition` is allowed from this state.
    pub fn allows(self, transition: Transition) -> bool {
        use State::*;
        use Transition::*;
        matches!(
            (self, transition),
            (New, Acknowledge)
                | (Acknowledged, Confirm)
                | (New | Acknowledged | Confirmed, Reject)
                | (New | Acknowledged | Confirmed | Fixed | Published, Withdraw)
                | (Confirmed, MarkFixed)
                | (Fixed, Publish)
        )
    }

    /// The table for a case that may be an internal finding: with no
    /// reporter there is nobody to acknowledge, so it is confirmed straight
    /// from `new`.
    pub fn allows_for(self, transition: Transition, internal: bool) -> bool {
        match (internal, self, transition) {
            (true, Self::New, Transition::Acknowledge) => false,
            (true, Self::New, Transition::Confirm) => true,
            _ => self.allows(transition),
        }
    }

    /// Every move allowed from this state, in workflow order.
    pub fn possible(self) -> Vec<Transition> {
        self.possible_for(false)
    }

    /// Every move allowed from this state for a case that may be internal.
    pub fn possible_for(self, internal: bool) -> Vec<Transition> {
        Transition::ALL
            .into_iter()
            .filter(|t| self.allows_for(*t, internal))
            .collect()
    }

    /// Open cases are the ones whose clocks still run.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Published | Self::Rejected | Self::Withdrawn)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Acknowledged => "acknowledged",
            Self::Confirmed => "confirmed",
            Self::Fixed => "fixed",
            Self::Published => "published",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_is_allowed_in_order() {
        let mut state = State::New;
        for t in [
            Transition::Acknowledge,
            Transition::Confirm,
            Transition::MarkFixed,
            Transition::Publish,
        ] {
            assert!(state.allows(t), "{state} -> {t:?}");
            state = t.target();
        }
        assert_eq!(state, State::Published);
    }

    #[test]
    fn closed_states_allow_nothing_but_withdrawing_a_published_advisory() {
        for s in [State::Rejected, State::Withdrawn] {
            assert!(s.possible().is_empty(), "{s}");
            assert!(!s.is_open());
        }
        assert_eq!(State::Published.possible(), [Transition::Withdraw]);
        assert!(!State::Published.is_open());
    }

    #[test]
    fn skipping_steps_is_refused() {
        assert!(!State::New.allows(Transition::Confirm));
        assert!(!State::Acknowledged.allows(Transition::Acknowledge));
        assert!(!State::Confirmed.allows(Transition::Publish));
    }

    #[test]
    fn an_internal_finding_is_confirmed_without_an_acknowledgement() {
        assert!(!State::New.allows_for(Transition::Acknowledge, true));
        assert!(State::New.allows_for(Transition::Confirm, true));
        assert!(State::New.allows_for(Transition::Reject, true));
        assert_eq!(
            State::New.possible_for(true),
            [
                Transition::Confirm,
                Transition::Reject,
                Transition::Withdraw
            ]
        );
        // Past `new`, the table is the same for both.
        for state in State::ALL.into_iter().filter(|s| *s != State::New) {
            assert_eq!(state.possible_for(true), state.possible(), "{state}");
        }
    }
}
