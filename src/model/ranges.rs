//! Version ranges: requirement strings (`>=1.0.0, <1.4.2`) as OSV range
//! events, their validation, and how they meet maintained releases.
//!
//! SEMVER ranges are ordered by SemVer precedence, pre-releases included:
//! `1.5.0-rc.1` sorts before `1.5.0`, so it lies inside `<1.5.0`. (This
//! differs from `semver::VersionReq::matches`, which excludes pre-releases
//! unless a comparator names one; an affected range is a set of versions,
//! not a dependency requirement.)

use std::cmp::Ordering;

use semver::{Op, Version, VersionReq};

use crate::model::case::{Range, RangeEvent, RangeType};

/// Why a range or version was refused; the message names the bad value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RangeError(pub String);

fn err<T>(message: impl Into<String>) -> Result<T, RangeError> {
    Err(RangeError(message.into()))
}

/// Parses a SemVer version as OSV wants it (no leading `v`).
pub fn semver(value: &str) -> Result<Version, RangeError> {
    Version::parse(value.trim()).map_err(|e| {
        RangeError(format!(
            "invalid semver version {value:?}: {e} (expected e.g. 1.4.2)"
        ))
    })
}

/// Checks one version of a range of `kind`.
pub fn check_version(kind: RangeType, value: &str) -> Result<(), RangeError> {
    match kind {
        RangeType::Semver => semver(value).map(drop),
        RangeType::Git => check_commit(value),
        RangeType::Ecosystem if value.trim().is_empty() => err("empty version"),
        RangeType::Ecosystem => Ok(()),
    }
}

/// A full commit hash: 40 hex digits (SHA-1) or 64 (SHA-256), as OSV requires.
pub fn check_commit(value: &str) -> Result<(), RangeError> {
    let hex = value.bytes().all(|c| c.is_ascii_hexdigit());
    match (hex, value.len()) {
        _ if crate::model::syntax::is_full_commit_hash(value) => Ok(()),
        (true, n) if n < 40 => err(format!(
            "commit {value:?} is abbreviated: give the full 40-character hash (`git rev-parse {value}`)"
        )),
        _ => err(format!(
            "invalid commit {value:?}: expected 40 (or 64) hexadecimal digits"
        )),
    }
}

/// Builds a range from its bounds. `introduced` of `0` (or none) means
/// "every version before".
pub fn from_bounds(
    kind: RangeType,
    introduced: Option<&str>,
    fixed: Option<&str>,
    last_affected: Option<&str>,
) -> Result<Range, RangeError> {
    let introduced = introduced.map(str::trim).unwrap_or("0");
    if introduced != "0" {
        check_version(kind, introduced)?;
    }
    let mut events = vec![RangeEvent::Introduced(introduced.to_owned())];
    match (fixed, last_affected) {
        (Some(_), Some(_)) => {
            return err("give either a fixed version or a last affected one, not both");
        }
        (Some(f), None) => {
            check_version(kind, f.trim())?;
            events.push(RangeEvent::Fixed(f.trim().to_owned()));
        }
        (None, Some(l)) => {
            check_version(kind, l.trim())?;
            events.push(RangeEvent::LastAffected(l.trim().to_owned()));
        }
        (None, None) => {}
    }
    let range = Range { kind, events };
    if kind == RangeType::Semver {
        check_not_empty(&range)?;
    }
    Ok(range)
}

/// Parses a requirement such as `>=1.0.0, <1.4.2`, `<2.3.1` or `<=1.2.0`
/// into a SEMVER range. `*` means every version.
pub fn parse_requirement(text: &str) -> Result<Range, RangeError> {
    let mut introduced: Option<String> = None;
    let mut fixed: Option<String> = None;
    let mut last: Option<String> = None;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return err("empty range: expected e.g. \">=1.0.0, <1.4.2\"");
    }
    if trimmed != "*" {
        for part in trimmed.split(',').map(str::trim) {
            let (slot, value) = if let Some(v) = part.strip_prefix(">=") {
                (&mut introduced, v)
            } else if let Some(v) = part.strip_prefix("<=") {
                (&mut last, v)
            } else if let Some(v) = part.strip_prefix('<') {
                (&mut fixed, v)
            } else if part.starts_with('>') {
                return err(format!(
                    "{part:?}: an exclusive lower bound cannot be stored as an OSV range; use >= with the first affected version"
                ));
            } else {
                return err(format!(
                    "{part:?} in {text:?}: expected comparators >=, < or <= (e.g. \">=1.0.0, <1.4.2\")"
                ));
            };
            if slot.is_some() {
                return err(format!("{text:?} gives the same bound twice"));
            }
            *slot = Some(value.trim().to_owned());
        }
    }
    from_bounds(
        RangeType::Semver,
        introduced.as_deref(),
        fixed.as_deref(),
        last.as_deref(),
    )
}

/// The requirement string of a range: the inverse of `parse_requirement`.
pub fn display(range: &Range) -> String {
    let mut parts = Vec::new();
    for event in &range.events {
        match event {
            RangeEvent::Introduced(v) if v == "0" => {}
            RangeEvent::Introduced(v) => parts.push(format!(">={v}")),
            RangeEvent::Fixed(v) => parts.push(format!("<{v}")),
            RangeEvent::LastAffected(v) => parts.push(format!("<={v}")),
            RangeEvent::Limit(v) => parts.push(format!("limit {v}")),
        }
    }
    if parts.is_empty() {
        "*".to_owned()
    } else {
        parts.join(", ")
    }
}

/// An interval of SemVer versions. `None` bounds are open-ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<(Version, bool)>,
    pub high: Option<(Version, bool)>,
}

impl Interval {
    pub const ALL: Self = Self {
        low: None,
        high: None,
    };

    /// The versions a SEMVER range covers. Versions that do not parse were
    /// refused on the way in; here they read as open bounds.
    pub fn of_range(range: &Range) -> Self {
        let mut interval = Self::ALL;
        for event in &range.events {
            match event {
                RangeEvent::Introduced(v) if v != "0" => {
                    interval.low = Version::parse(v).ok().map(|v| (v, true));
                }
                RangeEvent::Fixed(v) => interval.high = Version::parse(v).ok().map(|v| (v, false)),
                RangeEvent::LastAffected(v) => {
                    interval.high = Version::parse(v).ok().map(|v| (v, true));
                }
                _ => {}
            }
        }
        interval
    }

    /// The versions a requirement like `>=1.4.0, <1.5.0`, `^1.4` or `~1.4.2` allows.
    pub fn of_req(req: &VersionReq) -> Self {
        let mut interval = Self::ALL;
        for c in &req.comparators {
            let v = Version {
                major: c.major,
                minor: c.minor.unwrap_or(0),
                patch: c.patch.unwrap_or(0),
                pre: c.pre.clone(),
                build: semver::BuildMetadata::EMPTY,
            };
            let bump = |major: u64, minor: u64| Version::new(major, minor, 0);
            let next_minor = bump(c.major, c.minor.unwrap_or(0) + 1);
            let next_major = bump(c.major + 1, 0);
            let (low, high) = match c.op {
                Op::Exact | Op::Wildcard => match (c.minor, c.patch) {
                    (Some(_), Some(_)) => (Some((v.clone(), true)), Some((v, true))),
                    (Some(_), None) => (Some((v, true)), Some((next_minor, false))),
                    _ => (Some((v, true)), Some((next_major, false))),
                },
                Op::Greater => (Some((v, false)), None),
                Op::GreaterEq => (Some((v, true)), None),
                Op::Less => (None, Some((v, false))),
                Op::LessEq => (None, Some((v, true))),
                Op::Tilde => match c.minor {
                    Some(_) => (Some((v, true)), Some((next_minor, false))),
                    None => (Some((v, true)), Some((next_major, false))),
                },
                Op::Caret => {
                    let high = match (c.major, c.minor, c.patch) {
                        (0, Some(0), Some(p)) => Version::new(0, 0, p + 1),
                        (0, Some(m), _) => Version::new(0, m + 1, 0),
                        _ => next_major,
                    };
                    (Some((v, true)), Some((high, false)))
                }
                _ => (None, None),
            };
            interval = interval.intersect(&Self { low, high });
        }
        interval
    }

    fn intersect(&self, other: &Self) -> Self {
        let low = match (&self.low, &other.low) {
            (Some(a), Some(b)) => Some(if cmp_low(a, b) == Ordering::Less {
                b.clone()
            } else {
                a.clone()
            }),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        let high = match (&self.high, &other.high) {
            (Some(a), Some(b)) => Some(if cmp_high(a, b) == Ordering::Greater {
                b.clone()
            } else {
                a.clone()
            }),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        Self { low, high }
    }

    pub fn is_empty(&self) -> bool {
        match (&self.low, &self.high) {
            (Some((lo, lo_inc)), Some((hi, hi_inc))) => match lo.cmp(hi) {
                Ordering::Greater => true,
                Ordering::Equal => !(*lo_inc && *hi_inc),
                Ordering::Less => false,
            },
            _ => false,
        }
    }

    pub fn overlaps(&self, other: &Self) -> bool {
        !self.intersect(other).is_empty()
    }

    pub fn contains(&self, v: &Version) -> bool {
        let above = match &self.low {
            Some((lo, true)) => v >= lo,
            Some((lo, false)) => v > lo,
            None => true,
        };
        let below = match &self.high {
            Some((hi, true)) => v <= hi,
            Some((hi, false)) => v < hi,
            None => true,
        };
        above && below
    }
}

/// Orders lower bounds: for the same version, inclusive starts earlier.
fn cmp_low(a: &(Version, bool), b: &(Version, bool)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1))
}

/// Orders upper bounds: for the same version, inclusive ends later.
fn cmp_high(a: &(Version, bool), b: &(Version, bool)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1))
}

fn check_not_empty(range: &Range) -> Result<(), RangeError> {
    if Interval::of_range(range).is_empty() {
        return err(format!(
            "empty range {:?}: the fixed (or last affected) version is not above the introduced one",
            display(range)
        ));
    }
    Ok(())
}

/// Parses a maintained release's requirement (`>=1.4.0, <1.5.0`, `^1.4`, `1.4.*`).
pub fn release_req(range: &str) -> Result<VersionReq, RangeError> {
    VersionReq::parse(range)
        .map_err(|e| RangeError(format!("invalid release range {range:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_strings_become_osv_events() {
        let r = parse_requirement(">=1.0.0, <1.4.2").unwrap();
        assert_eq!(r.kind, RangeType::Semver);
        assert_eq!(
            r.events,
            vec![
                RangeEvent::Introduced("1.0.0".into()),
                RangeEvent::Fixed("1.4.2".into())
            ]
        );
        let r = parse_requirement("<2.3.1").unwrap();
        assert_eq!(
            r.events,
            vec![
                RangeEvent::Introduced("0".into()),
                RangeEvent::Fixed("2.3.1".into())
            ]
        );
        let r = parse_requirement("<=1.2.0").unwrap();
        assert_eq!(r.events[1], RangeEvent::LastAffected("1.2.0".into()));
        assert_eq!(parse_requirement("*").unwrap().events.len(), 1);
    }

    #[test]
    fn bad_requirements_name_the_bad_value() {
        for (bad, needle) in [
            (">=1.0, <2.0.0", "1.0"),
            (">=2.0.0, <1.0.0", "empty range"),
            (">=1.0.0, <1.0.0", "empty range"),
            (">1.0.0", "exclusive"),
            ("~1.0.0", "~1.0.0"),
            ("", "empty"),
            (">=1.0.0, >=1.1.0", "twice"),
            ("<1.0.0, <=1.0.0", "either"),
        ] {
            let e = parse_requirement(bad).unwrap_err().to_string();
            assert!(e.contains(needle), "{bad}: {e}");
        }
    }

    #[test]
    fn commits_must_be_full_hashes() {
        assert!(check_commit(&"a".repeat(40)).is_ok());
        assert!(check_commit(&"b".repeat(64)).is_ok());
        assert!(
            check_commit("abc1234")
                .unwrap_err()
                .to_string()
                .contains("full")
        );
        assert!(check_commit(&"g".repeat(40)).is_err());
    }

    #[test]
    fn release_requirements_intersect_affected_ranges() {
        let affected = Interval::of_range(&parse_requirement(">=1.0.0, <1.4.2").unwrap());
        let r14 = Interval::of_req(&release_req(">=1.4.0, <1.5.0").unwrap());
        let r15 = Interval::of_req(&release_req("^1.5").unwrap());
        let r2 = Interval::of_req(&release_req("2.*").unwrap());
        assert!(affected.overlaps(&r14));
        assert!(!affected.overlaps(&r15));
        assert!(!affected.overlaps(&r2));
        assert!(r14.contains(&Version::parse("1.4.2").unwrap()));
        assert!(!r14.contains(&Version::parse("1.5.0").unwrap()));
        assert!(
            r14.contains(&Version::parse("1.5.0-rc.1").unwrap()),
            "pre-releases sort below"
        );
        let tilde = Interval::of_req(&release_req("~1.4.2").unwrap());
        assert!(tilde.contains(&Version::parse("1.4.9").unwrap()));
        assert!(!tilde.contains(&Version::parse("1.5.0").unwrap()));
    }

    #[test]
    fn adjacent_ranges_do_not_overlap() {
        let a = Interval::of_range(&parse_requirement(">=1.0.0, <1.4.2").unwrap());
        let b = Interval::of_range(&parse_requirement(">=1.4.2, <1.5.0").unwrap());
        let c = Interval::of_range(&parse_requirement(">=1.4.0, <=1.4.5").unwrap());
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c));
    }

    mod props {
        use proptest::prelude::*;

        use super::super::*;

        fn version() -> impl Strategy<Value = String> {
            (0u64..20, 0u64..20, 0u64..20).prop_map(|(a, b, c)| format!("{a}.{b}.{c}"))
        }

        proptest! {
            #[test]
            fn requirement_round_trips(lo in proptest::option::of(version()), hi in proptest::option::of(version()), last in any::<bool>()) {
                let mut parts = Vec::new();
                if let Some(lo) = &lo { parts.push(format!(">={lo}")); }
                if let Some(hi) = &hi { parts.push(if last { format!("<={hi}") } else { format!("<{hi}") }); }
                let text = if parts.is_empty() { "*".to_owned() } else { parts.join(", ") };
                match parse_requirement(&text) {
                    Ok(range) => {
                        let shown = display(&range);
                        prop_assert_eq!(&shown, &text);
                        prop_assert_eq!(parse_requirement(&shown).unwrap(), range);
                    }
                    Err(e) => prop_assert!(e.to_string().contains("empty range"), "{}", e),
                }
            }
        }
    }
}
