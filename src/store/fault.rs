//! Crash points in a change, for the fault-injection tests
//! (`DISCLOSE_FAULT=<step>` or `<step>:kill`, read by `app::env`).
//!
//! `<step>` makes that step fail as a full disk would (the step does not
//! happen); `<step>:kill` ends the process the moment the step is done, as
//! `kill -9` would, leaving whatever it left for the next command.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The steps of a change, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The store lock is taken.
    Lock,
    /// The journal of the change is written under `.git/disclose/`.
    Journal,
    /// git's `index.lock` is taken.
    IndexLock,
    /// Blobs, trees and the commit are written (no ref points at them yet).
    Objects,
    /// Space for the new index is set aside in `index.lock`.
    Reserve,
    /// The first changed file is in place in the work tree (the others not yet).
    Files,
    /// The new index is written to `index.lock`.
    Index,
    /// The branch is moved to the new commit: the change is made.
    Ref,
    /// `index.lock` becomes the index.
    IndexCommit,
    /// The journal is removed.
    Done,
}

impl Step {
    pub const ALL: [Self; 10] = [
        Self::Lock,
        Self::Journal,
        Self::IndexLock,
        Self::Objects,
        Self::Reserve,
        Self::Files,
        Self::Index,
        Self::Ref,
        Self::IndexCommit,
        Self::Done,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Lock => "lock",
            Self::Journal => "journal",
            Self::IndexLock => "index-lock",
            Self::Objects => "objects",
            Self::Reserve => "reserve",
            Self::Files => "files",
            Self::Index => "index",
            Self::Ref => "ref",
            Self::IndexCommit => "index-commit",
            Self::Done => "done",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where and how a change is made to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    pub step: Step,
    /// End the process after the step instead of failing it.
    pub kill: bool,
}

impl FromStr for Fault {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (name, kill) = match s.strip_suffix(":kill") {
            Some(name) => (name, true),
            None => (s, false),
        };
        let step = Step::ALL
            .into_iter()
            .find(|step| step.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Step::ALL.iter().map(|s| s.name()).collect();
                format!(
                    "unknown step {name:?} (one of {}, optionally followed by :kill)",
                    names.join(", ")
                )
            })?;
        Ok(Self { step, kill })
    }
}

/// Runs `action` as step `step` of a change, unless `fault` says to fail it;
/// ends the process after it if `fault` says to kill.
pub(crate) fn step<T>(
    fault: Option<Fault>,
    step: Step,
    action: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if let Some(f) = fault
        && f.step == step
        && !f.kill
    {
        return Err(injected(step));
    }
    let value = action()?;
    if let Some(f) = fault
        && f.step == step
        && f.kill
    {
        kill();
    }
    Ok(value)
}

/// The error a failed step reports: what a full disk says.
fn injected(step: Step) -> Error {
    Error::io(
        format!("write the store ({step}, failed by DISCLOSE_FAULT)"),
        std::io::Error::from(std::io::ErrorKind::StorageFull),
    )
}

/// Ends this process at once, as `kill -9` does: no destructors, no
/// unlocking, no clean-up.
fn kill() -> ! {
    #[cfg(unix)]
    {
        // SAFETY: sends SIGKILL to this process, which cannot catch it.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
    std::process::abort()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_step_and_the_kill_suffix() {
        for step in Step::ALL {
            let f: Fault = step.name().parse().unwrap();
            assert_eq!(f, Fault { step, kill: false });
            let f: Fault = format!("{step}:kill").parse().unwrap();
            assert_eq!(f, Fault { step, kill: true });
        }
        let err = "nope".parse::<Fault>().unwrap_err();
        assert!(err.contains("lock, journal"), "{err}");
    }

    #[test]
    fn a_failed_step_does_not_run() {
        let fault = Some(Fault {
            step: Step::Index,
            kill: false,
        });
        let mut ran = false;
        let err = step(fault, Step::Index, || {
            ran = true;
            Ok(())
        })
        .unwrap_err();
        assert!(!ran);
        assert!(err.to_string().contains("index"), "{err}");
        assert_eq!(step(fault, Step::Ref, || Ok(7)).unwrap(), 7);
    }
}
