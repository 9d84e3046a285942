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
use crate::model::version::Scheme;

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
    /// The package (see `Case::fix_package`).
    pub package: Option<Package>,
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

    /// The reporter withdrew the report, or (once published) the advisory
    /// is withdrawn: then the reason goes out with it and is required.
    pub fn withdraw(
        &mut self,
        reason: Option<String>,
        stamp: Stamp<'_>,
        force: Option<&str>,
    ) -> Result<&Event> {
        let reason = reason
            .map(|r| crate::model::text::one_line(&r))
            .filter(|r| !r.is_empty());
        if self.state == super::State::Published && reason.is_none() {
            return Err(Error::input(format!(
                "--reason is required to withdraw {}: it is published{}, and the reason is published with the withdrawal",
                self.id,
                self.identifiers
                    .advisory
                    .as_deref()
                    .map(|a| format!(" as {a}"))
                    .unwrap_or_default()
            )));
        }
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
            let scheme = Scheme::of(&change.package.ecosystem);
            if let Some((scheme, new)) = scheme
                .filter(|_| range.kind != RangeType::Git)
                .and_then(|s| Some((s, Interval::of_range(range, s)?)))
                && let Some(clash) = all
                    .iter()
                    .filter(|r| r.kind != RangeType::Git)
                    .find(|r| Interval::of_range(r, scheme).is_some_and(|i| i.overlaps(&new)))
            {
                return Err(Error::input(format!(
                    "range {:?} overlaps the recorded range {:?} of {}",
                    ranges::display(range),
                    ranges::display(clash),
                    change.package.name
                ))
                .with_hint("remove the old range with --remove first, or record the difference"));
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
        if decision != Decision::Affected
            && let Some(fix) = self.fixes.iter().find(|f| f.release == release)
        {
            let of = fix
                .package
                .as_ref()
                .map(|p| format!(" of {}", p.name))
                .unwrap_or_default();
            let package = fix
                .package
                .as_ref()
                .filter(|_| self.affected.len() > 1)
                .map(|p| format!(" --package {}", p.name))
                .unwrap_or_default();
            return Err(Error::input(format!(
                "release {release} has a fix{of} ({}): a release with a fix cannot be {}",
                fix.version
                    .as_deref()
                    .map_or_else(|| "prepared".to_owned(), |v| format!("released in {v}")),
                decision.as_str()
            ))
            .with_hint(format!(
                "if the fix was linked by mistake, remove it first: `disclose fix {} --release {release}{package} --remove`",
                self.id
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

    /// The package a fix is for: the one named, which must be affected;
    /// else the only affected package; else (nothing recorded yet) the
    /// policy's default package.
    pub fn fix_package(&self, named: Option<&str>, policy: &Policy) -> Result<Package> {
        let mut packages: Vec<&Package> = Vec::new();
        for a in &self.affected {
            if !packages.contains(&&a.package) {
                packages.push(&a.package);
            }
        }
        let list = |ps: &[&Package]| {
            ps.iter()
                .map(|p| format!("{} ({})", p.name, p.ecosystem))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(name) = named.map(str::trim) {
            let found: Vec<&&Package> = packages
                .iter()
                .filter(|p| p.name == name || p.to_string() == name)
                .collect();
            return match found.as_slice() {
                [one] => Ok((**one).clone()),
                [] if packages.is_empty() => match &policy.default_package {
                    Some(p) if p.name == name || p.to_string() == name => Ok(p.clone()),
                    _ => Err(Error::input(format!(
                        "--package {name}: {} records no affected package yet",
                        self.id
                    ))
                    .with_hint(format!(
                        "record it first: `disclose affected {} --package {name} --ecosystem ECO --range REQ`",
                        self.id
                    ))),
                },
                [] => Err(Error::input(format!(
                    "--package {name} is not affected in {}; affected packages: {}",
                    self.id,
                    list(&packages)
                ))),
                _ => Err(Error::input(format!(
                    "--package {name} names several packages: give ECOSYSTEM/NAME ({})",
                    found
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            };
        }
        match packages.as_slice() {
            [one] => Ok((*one).clone()),
            [] => policy.default_package.clone().ok_or_else(|| {
                Error::input(format!(
                    "which package is the fix for? {} records no affected package and the policy has no default_package",
                    self.id
                ))
                .with_hint(format!(
                    "record what is affected first (`disclose affected {} ...`), or pass --package",
                    self.id
                ))
            }),
            many => Err(Error::input(format!(
                "which package is the fix for? {} affects {}: pass --package",
                self.id,
                list(many)
            ))),
        }
    }

    /// Links a fix to a release: prepared (commits, PR) or released (a
    /// version of the package, in its ecosystem's scheme and inside the
    /// release's range). Refused on a release decided not affected,
    /// wont-fix or eol.
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
        let package = match fix.package {
            Some(p) => p,
            None => self.fix_package(None, policy)?,
        };
        let scheme = Scheme::of(&package.ecosystem);
        let version = match &fix.version {
            Some(text) => {
                let parsed = ranges::version(scheme, text)
                    .map_err(|e| Error::input(format!("--version: {e}")))?;
                if let (Some(scheme), Some(v)) = (scheme, &parsed) {
                    let line = Interval::of_release(&release.range, scheme)
                        .map_err(|e| Error::input(format!("release {}: {e}", release.name)))?;
                    if !line.contains(v) {
                        return Err(Error::input(format!(
                            "--version {text} is outside release {}'s range {:?} ({} versions of {})",
                            release.name, release.range, scheme, package.name
                        )));
                    }
                }
                Some(parsed.map_or_else(|| text.trim().to_owned(), |v| v.as_str().to_owned()))
            }
            None => None,
        };
        if let Some(at) = fix.released_at
            && at > stamp.at
        {
            return Err(Error::input(format!(
                "--released {} is in the future",
                crate::model::time::rfc3339(at)
            )));
        }
        if let Some(row) = self.releases.get(&release.name)
            && matches!(
                row.decision,
                Decision::NotAffected | Decision::WontFix | Decision::Eol
            )
        {
            let how = if row.manual {
                "decided"
            } else {
                "derived from the affected ranges as"
            };
            return Err(Error::input(format!(
                "release {} is {how} {}: a fix on it would contradict that decision",
                release.name,
                row.decision.as_str()
            ))
            .with_hint(format!(
                "if {} is affected after all, say so first: `disclose release {} {} affected`",
                release.name, self.id, release.name
            )));
        }
        // A fix recorded before fixes were per package stays that fix while
        // it is the only package's.
        let legacy_only = self
            .fixes
            .iter()
            .any(|f| f.release == release.name && f.package.is_none())
            && !self
                .fixes
                .iter()
                .any(|f| f.release == release.name && f.package.as_ref() == Some(&package))
            && self.affected.iter().all(|a| a.package == package);
        Ok(self.append(
            EventKind::FixLinked {
                release: fix.release,
                package: (!legacy_only).then_some(package),
                commits: fix.commits,
                pr: fix.pr,
                version,
                released_at: fix.released_at,
            },
            stamp,
        ))
    }

    /// Takes back the fix of `package` (see `fix_package`) on a release.
    pub fn unlink_fix(
        &mut self,
        release: &str,
        package: Option<&str>,
        policy: &Policy,
        stamp: Stamp<'_>,
    ) -> Result<&Event> {
        known_release(policy, release)?;
        let on: Vec<&super::Fix> = self.fixes.iter().filter(|f| f.release == release).collect();
        if on.is_empty() {
            return Err(Error::input(format!(
                "{} has no fix on release {release} to remove",
                self.id
            )));
        }
        let target = match package {
            None if on.len() == 1 => on[0].package.clone(),
            _ => {
                let package = self.fix_package(package, policy)?;
                let fix = super::fix_for(&self.fixes, release, &package).ok_or_else(|| {
                    Error::input(format!(
                        "{} has no fix of {} on release {release}; fixes there: {}",
                        self.id,
                        package.name,
                        on.iter()
                            .map(|f| f
                                .package
                                .as_ref()
                                .map_or("(every package)", |p| p.name.as_str()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
                fix.package.clone()
            }
        };
        Ok(self.append(
            EventKind::FixRemoved {
                release: release.to_owned(),
                package: target,
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
/// affected when a range or version of any package touches the release's
/// range (read in that package's version scheme), not affected when none
/// does, unknown when something cannot be compared (a GIT range, an
/// ecosystem without a scheme, a version that does not parse) or nothing is
/// recorded yet.
pub fn derive_decisions(affected: &[Affected], policy: &Policy) -> BTreeMap<String, Decision> {
    policy
        .maintained_releases
        .iter()
        .map(|release| (release.name.clone(), decide(affected, &release.range)))
        .collect()
}

fn decide(affected: &[Affected], release: &str) -> Decision {
    if affected.is_empty() {
        return Decision::Unknown;
    }
    let mut comparable = true;
    for entry in affected {
        let line = Scheme::of(&entry.package.ecosystem)
            .and_then(|s| Some((s, Interval::of_release(release, s).ok()?)));
        let Some((scheme, line)) = line else {
            comparable = false;
            continue;
        };
        for range in &entry.ranges {
            match Interval::of_range(range, scheme).filter(|_| range.kind != RangeType::Git) {
                Some(i) if i.overlaps(&line) => return Decision::Affected,
                Some(_) => {}
                None => comparable = false,
            }
        }
        for version in &entry.versions {
            match scheme.parse(version) {
                Ok(v) if line.contains(&v) => return Decision::Affected,
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
