//! The triage moves on a case: confirm or close it, pause its clocks, record
//! what is affected, decide the fix matrix, link fixes, assess severity,
//! notes, contacts, credits and identifiers. Each checks its input against
//! the case and the policy, then appends exactly one event.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{
    Affected, Case, Credit, Decision, Direction, Event, EventKind, Range, RangeType, Resolution,
    Severity, Transition,
};
use crate::error::{Error, Result};
use crate::model::policy::{Package, Policy};
use crate::model::ranges::{self, Interval};

/// Who and when, for every event a command appends.
#[derive(Debug, Clone, Copy)]
pub struct Stamp<'a> {
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

/// What to record about one package.
#[derive(Debug, Clone)]
pub struct AffectedChange {
    pub package: Package,
    pub ranges: Vec<Range>,
    pub versions: Vec<String>,
}

/// A fix to link to a release.
#[derive(Debug, Clone, Default)]
pub struct FixChange {
    pub release: String,
    pub commits: Vec<String>,
    pub pr: Option<String>,
    pub version: Option<String>,
    pub released_at: Option<DateTime<Utc>>,
}

impl Case {
    /// Appends an unforced event stamped `stamp`.
    pub(super) fn append(&mut self, kind: EventKind, stamp: Stamp<'_>) -> &Event {
        self.record(kind, stamp.at, stamp.by, None)
    }

    fn move_to(
        &mut self,
        transition: Transition,
        kind: EventKind,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        let forced = self.check_move(transition, force)?;
        Ok(self.record(kind, stamp.at, stamp.by, forced))
    }

    /// `acknowledged` -> `confirmed`: the problem is real.
    pub fn confirm(&mut self, stamp: Stamp<'_>, force: Option<&str>) -> Result<&Event> {
        self.move_to(Transition::Confirm, EventKind::Confirmed, stamp, force)
    }

    /// Closes the case without a fix.
    pub fn reject(
        &mut self,
        resolution: Resolution,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        if resolution.duplicate_of.as_ref() == Some(&self.id) {
            return Err(Error::input(format!(
                "--duplicate-of {}: a case cannot duplicate itself",
                self.id
            )));
        }
        self.move_to(
            Transition::Reject,
            EventKind::Rejected { resolution },
            stamp,
            force,
        )
    }

    /// The reporter withdrew the report.
    pub fn withdraw(
        &mut self,
        reason: Option<String>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        self.move_to(
            Transition::Withdraw,
            EventKind::Withdrawn { reason },
            stamp,
            force,
        )
    }

    /// Stops the clocks.
    pub fn pause(&mut self, reason: String, stamp: Stamp<'_>) -> Result<&Event> {
        let reason = crate::model::text::one_line(&reason);
        if !self.state.is_open() {
            return Err(Error::refused(format!(
                "cannot pause {}: it is {} and its clocks have stopped",
                self.id, self.state
            )));
        }
        if let Some(paused) = &self.paused {
            return Err(Error::refused(format!(
                "{} is already paused since {} ({})",
                self.id,
                crate::model::time::rfc3339(paused.since),
                paused.reason
            ))
            .with_hint(format!("resume it with `disclose resume {}`", self.id)));
        }
        if reason.trim().is_empty() {
            return Err(Error::input("--reason must not be empty"));
        }
        Ok(self.append(EventKind::Paused { reason }, stamp))
    }

    /// Restarts the clocks.
    pub fn resume(&mut self, stamp: Stamp<'_>) -> Result<&Event> {
        if self.paused.is_none() {
            return Err(Error::refused(format!("{} is not paused", self.id)));
        }
        Ok(self.append(EventKind::Resumed, stamp))
    }

    /// Adds affected ranges or versions of one package.
    pub fn add_affected(
        &mut self,
        change: AffectedChange,
        policy: &Policy,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        if change.ranges.is_empty() && change.versions.is_empty() {
            return Err(Error::input(
                "nothing to record: give --range, --introduced or --version",
            ));
        }
        let existing = self
            .affected
            .iter()
            .find(|a| a.package == change.package)
            .cloned();
        let mut all: Vec<Range> = existing.iter().flat_map(|a| a.ranges.clone()).collect();
        for range in &change.ranges {
            if all.contains(range) {
                return Err(Error::input(format!(
                    "{} {} is already recorded as affected",
                    change.package.name,
                    ranges::display(range)
                )));
            }
            if range.kind == RangeType::Semver {
                let new = Interval::of_range(range);
                if let Some(clash) = all
                    .iter()
                    .filter(|r| r.kind == RangeType::Semver)
                    .find(|r| Interval::of_range(r).overlaps(&new))
                {
                    return Err(Error::input(format!(
                        "range {:?} overlaps the recorded range {:?} of {}",
                        ranges::display(range),
                        ranges::display(clash),
                        change.package.name
                    ))
                    .with_hint(
                        "remove the old range with --remove first, or record the difference",
                    ));
                }
            }
            all.push(range.clone());
        }
        let mut projected = self.affected.clone();
        merge_into(&mut projected, &change);
        let releases = derive_decisions(&projected, policy);
        Ok(self.append(
            EventKind::AffectedAdded {
                package: change.package,
                ranges: change.ranges,
                versions: change.versions,
                releases,
            },
            stamp,
        ))
    }

    /// Removes ranges or versions of a package (all of it when none are named).
    pub fn remove_affected(
        &mut self,
        change: AffectedChange,
        policy: &Policy,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let Some(entry) = self.affected.iter().find(|a| a.package == change.package) else {
            return Err(Error::input(format!(
                "{} has no affected entry for {} ({})",
                self.id, change.package.name, change.package.ecosystem
            )));
        };
        for range in &change.ranges {
            if !entry.ranges.contains(range) {
                return Err(Error::input(format!(
                    "{} {} is not recorded; recorded: {}",
                    change.package.name,
                    ranges::display(range),
                    entry
                        .ranges
                        .iter()
                        .map(ranges::display)
                        .collect::<Vec<_>>()
                        .join("; ")
                )));
            }
        }
        if let Some(v) = change.versions.iter().find(|v| !entry.versions.contains(v)) {
            return Err(Error::input(format!(
                "version {v} of {} is not recorded as affected",
                change.package.name
            )));
        }
        let mut projected = self.affected.clone();
        if change.ranges.is_empty() && change.versions.is_empty() {
            projected.retain(|a| a.package != change.package);
        } else if let Some(e) = projected.iter_mut().find(|a| a.package == change.package) {
            e.ranges.retain(|r| !change.ranges.contains(r));
            e.versions.retain(|v| !change.versions.contains(v));
        }
        projected.retain(|a| !a.ranges.is_empty() || !a.versions.is_empty());
        let releases = derive_decisions(&projected, policy);
        Ok(self.append(
            EventKind::AffectedRemoved {
                package: change.package,
                ranges: change.ranges,
                versions: change.versions,
                releases,
            },
            stamp,
        ))
    }

    /// Sets a maintained release's row of the fix matrix by hand.
    pub fn decide_release(
        &mut self,
        release: &str,
        decision: Decision,
        reason: Option<String>,
        policy: &Policy,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        known_release(policy, release)?;
        if matches!(decision, Decision::WontFix | Decision::Eol) && reason.is_none() {
            return Err(Error::input(format!(
                "--reason is required for {}: say why the release gets no fix",
                decision.as_str()
            )));
        }
        Ok(self.append(
            EventKind::ReleaseDecided {
                release: release.to_owned(),
                decision,
                reason,
            },
            stamp,
        ))
    }

    /// Links a fix to a release: prepared (commits, PR) or released (a version).
    pub fn link_fix(
        &mut self,
        fix: FixChange,
        policy: &Policy,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let release = known_release(policy, &fix.release)?;
        if fix.commits.is_empty() && fix.pr.is_none() && fix.version.is_none() {
            return Err(Error::input(
                "nothing to link: give --commit, --pr or --version",
            ));
        }
        if fix.released_at.is_some() && fix.version.is_none() {
            return Err(Error::input(
                "--released needs --version: which version was released?",
            ));
        }
        for commit in &fix.commits {
            ranges::check_commit(commit).map_err(|e| Error::input(format!("--commit: {e}")))?;
        }
        if let Some(version) = &fix.version {
            let v = ranges::semver(version).map_err(|e| Error::input(format!("--version: {e}")))?;
            let req =
                ranges::release_req(&release.range).map_err(|e| Error::input(e.to_string()))?;
            if !Interval::of_req(&req).contains(&v) {
                return Err(Error::input(format!(
                    "--version {version} is outside release {}'s range {:?}",
                    release.name, release.range
                )));
            }
        }
        if let Some(at) = fix.released_at
            && at > stamp.at
        {
            return Err(Error::input(format!(
                "--released {} is in the future",
                crate::model::time::rfc3339(at)
            )));
        }
        Ok(self.append(
            EventKind::FixLinked {
                release: fix.release,
                commits: fix.commits,
                pr: fix.pr,
                version: fix.version,
                released_at: fix.released_at,
            },
            stamp,
        ))
    }

    /// Records a severity assessment and/or the CWE list.
    pub fn assess(
        &mut self,
        severity: Option<Severity>,
        cwe: Vec<String>,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        if severity.is_none() && cwe.is_empty() {
            return Err(Error::input("nothing to record: give --cvss and/or --cwe"));
        }
        Ok(self.append(EventKind::SeverityAssessed { severity, cwe }, stamp))
    }

    pub fn add_note(&mut self, text: String, private: bool, stamp: Stamp<'_>) -> Result<&Event> {
        let text = crate::model::text::multi_line(&text);
        if text.is_empty() {
            return Err(Error::input("the note is empty"));
        }
        Ok(self.append(EventKind::NoteAdded { text, private }, stamp))
    }

    /// Logs a message to or from the reporter.
    pub fn log_contact(
        &mut self,
        direction: Direction,
        text: String,
        message_id: Option<String>,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        let text = crate::model::text::multi_line(&text);
        if text.is_empty() {
            return Err(Error::input("the message is empty"));
        }
        Ok(self.append(
            EventKind::ContactLogged {
                direction,
                text,
                message_id,
                sent_at: None,
                attachments: Vec::new(),
            },
            stamp,
        ))
    }

    /// Adds a credit or updates the one with the same name and type.
    pub fn set_credit(&mut self, mut credit: Credit, stamp: Stamp<'_>) -> Result<&Event> {
        credit.name = crate::model::text::one_line(&credit.name);
        if credit.name.is_empty() {
            return Err(Error::input("--name must not be empty"));
        }
        if self.credits.contains(&credit) {
            return Err(Error::input(format!(
                "{} is already credited that way",
                credit.name
            )));
        }
        Ok(self.append(EventKind::CreditSet { credit }, stamp))
    }

    /// Assigns CVE and/or GHSA identifiers (validated by the caller).
    pub fn assign(
        &mut self,
        cve: Option<String>,
        ghsa: Option<String>,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        if cve.is_none() && ghsa.is_none() {
            return Err(Error::input("nothing to assign: give --cve and/or --ghsa"));
        }
        Ok(self.append(EventKind::IdentifiersAssigned { cve, ghsa }, stamp))
    }

    /// The fix matrix in words: `1.4: fixed in 1.4.2`, `1.5: fix prepared (PR #812)`.
    pub fn matrix_words(&self) -> Vec<String> {
        self.releases
            .iter()
            .map(|(name, row)| {
                let fix = self.fixes.iter().find(|f| &f.release == name);
                let words = match (row.decision, fix) {
                    (Decision::Affected, Some(f)) if f.version.is_some() => {
                        format!("fixed in {}", f.version.as_deref().unwrap_or_default())
                    }
                    (Decision::Affected, Some(f)) => match &f.pr {
                        Some(pr) => format!("fix prepared (PR {pr})"),
                        None => "fix prepared".to_owned(),
                    },
                    (Decision::Affected, None) => "affected, no fix yet".to_owned(),
                    (Decision::NotAffected, _) => "not affected".to_owned(),
                    (Decision::Unknown, _) => "unknown".to_owned(),
                    (Decision::WontFix, _) => "won't fix".to_owned(),
                    (Decision::Eol, _) => "end of life".to_owned(),
                };
                format!("{name}: {words}")
            })
            .collect()
    }
}

fn known_release<'p>(
    policy: &'p Policy,
    name: &str,
) -> Result<&'p crate::model::policy::MaintainedRelease> {
    policy
        .maintained_releases
        .iter()
        .find(|r| r.name == name)
        .ok_or_else(|| {
            let known: Vec<&str> = policy
                .maintained_releases
                .iter()
                .map(|r| r.name.as_str())
                .collect();
            let message = format!("unknown release {name:?}");
            if known.is_empty() {
                Error::input(format!(
                    "{message}: the policy lists no maintained releases"
                ))
                .with_hint("add one with `disclose policy release add NAME --range REQ`")
            } else {
                let near = crate::model::suggest::close_names(name, known.iter().copied());
                let error = Error::input(format!(
                    "{message}; maintained releases: {}",
                    known.join(", ")
                ));
                match crate::model::suggest::did_you_mean(&near) {
                    Some(guess) => error.with_hint(guess),
                    None => error,
                }
            }
        })
}

fn merge_into(affected: &mut Vec<Affected>, change: &AffectedChange) {
    match affected.iter_mut().find(|a| a.package == change.package) {
        Some(entry) => {
            entry.ranges.extend(change.ranges.iter().cloned());
            entry.versions.extend(change.versions.iter().cloned());
        }
        None => affected.push(Affected {
            package: change.package.clone(),
            ranges: change.ranges.clone(),
            versions: change.versions.clone(),
        }),
    }
}

/// The matrix decision of every maintained release, derived from `affected`:
/// affected when a range or version of the project's package touches the
/// release's range, not affected when none does, unknown when a range cannot
/// be compared (ECOSYSTEM or GIT) or nothing is recorded yet.
pub fn derive_decisions(affected: &[Affected], policy: &Policy) -> BTreeMap<String, Decision> {
    let relevant: Vec<&Affected> = affected
        .iter()
        .filter(|a| {
            policy
                .default_package
                .as_ref()
                .is_none_or(|p| &a.package == p)
        })
        .collect();
    policy
        .maintained_releases
        .iter()
        .map(|release| {
            let decision = match ranges::release_req(&release.range) {
                Err(_) => Decision::Unknown,
                Ok(req) => decide(&relevant, &Interval::of_req(&req)),
            };
            (release.name.clone(), decision)
        })
        .collect()
}

fn decide(affected: &[&Affected], release: &Interval) -> Decision {
    if affected.is_empty() {
        return Decision::Unknown;
    }
    let mut comparable = true;
    for entry in affected {
        for range in &entry.ranges {
            if range.kind == RangeType::Semver {
                if Interval::of_range(range).overlaps(release) {
                    return Decision::Affected;
                }
            } else {
                comparable = false;
            }
        }
        for version in &entry.versions {
            match semver::Version::parse(version) {
                Ok(v) if release.contains(&v) => return Decision::Affected,
                Ok(_) => {}
                Err(_) => comparable = false,
            }
        }
    }
    if comparable {
        Decision::NotAffected
    } else {
        Decision::Unknown
    }
}
