//! Version ranges: requirement strings (`>=1.0.0, <1.4.2`) as OSV range
//! events, their validation, and how they meet maintained releases, each in
//! the version scheme of the package they belong to (`model::version`).
//!
//! A range is a set of versions ordered by the scheme, pre-releases
//! included: `1.5.0-rc.1` sorts before `1.5.0`, so it lies inside `<1.5.0`.
//! (This differs from `semver::VersionReq::matches`, which excludes
//! pre-releases unless a comparator names one; an affected range is a set
//! of versions, not a dependency requirement.) A package whose ecosystem
//! has no scheme keeps its versions as recorded: they are checked for
//! shape only and never compared.

use std::cmp::Ordering;

use semver::{Op, VersionReq};

use crate::model::case::{Range, RangeEvent, RangeType};
use crate::model::version::{Scheme, Version};

/// Why a range or version was refused; the message names the bad value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RangeError(pub String);

fn err<T>(message: impl Into<String>) -> Result<T, RangeError> {
    Err(RangeError(message.into()))
}

/// Parses a version of `scheme`, or (without one) checks that it is a
/// single token that can be kept as recorded.
pub fn version(scheme: Option<Scheme>, value: &str) -> Result<Option<Version>, RangeError> {
    match scheme {
        Some(s) => s.parse(value).map(Some).map_err(|e| RangeError(e.0)),
        None => {
            let v = value.trim();
            if v.is_empty() {
                return err("empty version");
            }
            if v.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == ',')
            {
                return err(format!(
                    "invalid version {value:?}: spaces, commas and control characters are not allowed"
                ));
            }
            Ok(None)
        }
    }
}

/// The text a version is stored as: what OSV writes (Go without its `v`).
fn stored(scheme: Option<Scheme>, value: &str) -> Result<String, RangeError> {
    Ok(match version(scheme, value)? {
        Some(v) => v.as_str().to_owned(),
        None => value.trim().to_owned(),
    })
}

/// Checks one version of a range of `kind` (a commit for GIT ranges).
pub fn check_version(
    scheme: Option<Scheme>,
    kind: RangeType,
    value: &str,
) -> Result<(), RangeError> {
    match kind {
        RangeType::Git => check_commit(value),
        _ => version(scheme, value).map(drop),
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

/// The range type versions of `scheme` are recorded under: SEMVER where the
/// ecosystem's versions are SemVer, ECOSYSTEM otherwise.
pub fn versions_type(scheme: Option<Scheme>) -> RangeType {
    scheme.map_or(RangeType::Ecosystem, Scheme::range_type)
}

/// Builds a range from its bounds. `introduced` of `0` (or none) means
/// "every version before". A GIT range (`git`) takes commits and may name
/// the repository they are in; any other takes versions of `scheme`.
pub fn from_bounds(
    scheme: Option<Scheme>,
    git: bool,
    introduced: Option<&str>,
    fixed: Option<&str>,
    last_affected: Option<&str>,
) -> Result<Range, RangeError> {
    let kind = if git {
        RangeType::Git
    } else {
        versions_type(scheme)
    };
    let value = |v: &str| -> Result<String, RangeError> {
        if git {
            check_commit(v.trim())?;
            Ok(v.trim().to_ascii_lowercase())
        } else {
            stored(scheme, v)
        }
    };
    let introduced = introduced.map(str::trim).unwrap_or("0");
    let introduced = if introduced == "0" {
        "0".to_owned()
    } else {
        value(introduced)?
    };
    let mut events = vec![RangeEvent::Introduced(introduced)];
    match (fixed, last_affected) {
        (Some(_), Some(_)) => {
            return err("give either a fixed version or a last affected one, not both");
        }
        (Some(f), None) => events.push(RangeEvent::Fixed(value(f)?)),
        (None, Some(l)) => events.push(RangeEvent::LastAffected(value(l)?)),
        (None, None) => {}
    }
    let range = Range {
        kind,
        repo: None,
        events,
    };
    if let Some(scheme) = scheme.filter(|_| !git) {
        check_not_empty(&range, scheme)?;
    }
    Ok(range)
}

/// Parses a requirement such as `>=1.0.0, <1.4.2`, `<2.3.1` or `<=1.2.0`
/// into a range of `scheme`'s versions. `*` means every version.
pub fn parse_requirement(text: &str, scheme: Option<Scheme>) -> Result<Range, RangeError> {
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
        scheme,
        false,
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

/// An interval of versions of one scheme. `None` bounds are open-ended;
/// the flag says whether the bound itself is inside.
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

    /// The versions a range covers, or `None` when a version does not parse
    /// in `scheme` (a range recorded before versions followed their
    /// ecosystem, say): such a range cannot be compared.
    pub fn of_range(range: &Range, scheme: Scheme) -> Option<Self> {
        let mut interval = Self::ALL;
        for event in &range.events {
            match event {
                RangeEvent::Introduced(v) if v == "0" => interval.low = None,
                RangeEvent::Introduced(v) => interval.low = Some((scheme.parse(v).ok()?, true)),
                RangeEvent::Fixed(v) => interval.high = Some((scheme.parse(v).ok()?, false)),
                RangeEvent::LastAffected(v) => {
                    interval.high = Some((scheme.parse(v).ok()?, true));
                }
                RangeEvent::Limit(_) => {}
            }
        }
        Some(interval)
    }

    /// The versions a maintained release's requirement allows, in `scheme`:
    /// comparators (`>=1.4.0, <1.5.0`, `>`, `<=`, `=`), a wildcard (`1.4.*`),
    /// and for SemVer-like schemes `^1.4` and `~1.4.2` as Cargo reads them.
    /// A line starts at its scheme's floor (see `Scheme::line_floor`).
    pub fn of_release(text: &str, scheme: Scheme) -> Result<Self, RangeError> {
        let bad = |why: &str| RangeError(format!("release range {text:?}: {why}"));
        let mut interval = Self::ALL;
        let text = text.trim();
        if text.is_empty() {
            return Err(bad("empty"));
        }
        if text == "*" {
            return Ok(interval);
        }
        let cargo_style = matches!(scheme, Scheme::SemVer | Scheme::Go)
            .then(|| VersionReq::parse(text).ok())
            .flatten();
        match cargo_style {
            Some(req) => interval = of_req(&req, scheme).map_err(|e| bad(&e))?,
            None => {
                for part in text.split(',').map(str::trim) {
                    interval = interval.intersect(&comparator(part, scheme).map_err(|e| bad(&e))?);
                }
            }
        }
        if let Some((lo, true)) = &interval.low {
            interval.low = Some((scheme.line_floor(lo), true));
        }
        if let Some((hi, false)) = &interval.high {
            interval.high = Some((scheme.line_floor(hi), false));
        }
        Ok(interval)
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

/// One comparator of a release range in any scheme.
fn comparator(part: &str, scheme: Scheme) -> Result<Interval, String> {
    let parse = |v: &str| scheme.parse(v).map_err(|e| e.0);
    let (op, value) = [">=", "<=", "==", ">", "<", "="]
        .iter()
        .find_map(|op| part.strip_prefix(op).map(|v| (*op, v.trim())))
        .unwrap_or(("=", part));
    if let Some(prefix) = value.strip_suffix(".*") {
        if op != "=" && op != "==" {
            return Err(format!("{part:?}: a wildcard takes no comparator"));
        }
        let (head, last) = match prefix.rsplit_once('.') {
            Some((h, l)) => (Some(h), l),
            None => (None, prefix),
        };
        let next: u64 = last
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| format!("{part:?}: the part before .* must end in a number"))?;
        let next = match head {
            Some(h) => format!("{h}.{next}"),
            None => next.to_string(),
        };
        return Ok(Interval {
            low: Some((parse(prefix)?, true)),
            high: Some((parse(&next)?, false)),
        });
    }
    let v = parse(value)?;
    Ok(match op {
        ">=" => Interval {
            low: Some((v, true)),
            high: None,
        },
        ">" => Interval {
            low: Some((v, false)),
            high: None,
        },
        "<" => Interval {
            low: None,
            high: Some((v, false)),
        },
        "<=" => Interval {
            low: None,
            high: Some((v, true)),
        },
        _ => Interval {
            low: Some((v.clone(), true)),
            high: Some((v, true)),
        },
    })
}

/// A requirement as Cargo reads it (`>=1.4`, `^1.4`, `~1.4.2`, `1.4.*`),
/// for SemVer-like schemes: partial versions are padded with zeros.
fn of_req(req: &VersionReq, scheme: Scheme) -> Result<Interval, String> {
    let to = |v: semver::Version| scheme.parse(&v.to_string()).map_err(|e| e.0);
    let mut interval = Interval::ALL;
    for c in &req.comparators {
        let v = semver::Version {
            major: c.major,
            minor: c.minor.unwrap_or(0),
            patch: c.patch.unwrap_or(0),
            pre: c.pre.clone(),
            build: semver::BuildMetadata::EMPTY,
        };
        let next_minor = semver::Version::new(c.major, c.minor.unwrap_or(0) + 1, 0);
        let next_major = semver::Version::new(c.major + 1, 0, 0);
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
                    (0, Some(0), Some(p)) => semver::Version::new(0, 0, p + 1),
                    (0, Some(m), _) => semver::Version::new(0, m + 1, 0),
                    _ => next_major,
                };
                (Some((v, true)), Some((high, false)))
            }
            _ => return Err(format!("unsupported comparator in {req}")),
        };
        let convert =
            |b: Option<(semver::Version, bool)>| -> Result<Option<(Version, bool)>, String> {
                b.map(|(v, incl)| Ok((to(v)?, incl))).transpose()
            };
        interval = interval.intersect(&Interval {
            low: convert(low)?,
            high: convert(high)?,
        });
    }
    Ok(interval)
}

/// Orders lower bounds: for the same version, inclusive starts earlier.
fn cmp_low(a: &(Version, bool), b: &(Version, bool)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1))
}

/// Orders upper bounds: for the same version, inclusive ends later.
fn cmp_high(a: &(Version, bool), b: &(Version, bool)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1))
}

fn check_not_empty(range: &Range, scheme: Scheme) -> Result<(), RangeError> {
    if Interval::of_range(range, scheme).is_some_and(|i| i.is_empty()) {
        return err(format!(
            "empty range {:?}: the fixed (or last affected) version is not above the introduced one",
            display(range)
        ));
    }
    Ok(())
}

/// Checks the shape of a maintained release's range: comparators with
/// versions (`>=1.4.0, <1.5.0`, `<=1.4.9`, `=1.4.2`), a wildcard (`1.4.*`)
/// or `^`/`~` requirements. Its versions are read in the scheme of each
/// package the release is compared with.
pub fn check_release_range(text: &str) -> Result<(), RangeError> {
    let text = text.trim();
    if text.is_empty() {
        return err("empty range");
    }
    if text == "*" || VersionReq::parse(text).is_ok() {
        return Ok(());
    }
    for part in text.split(',').map(str::trim) {
        let value = [">=", "<=", "==", ">", "<", "=", "^", "~"]
            .iter()
            .find_map(|op| part.strip_prefix(op))
            .unwrap_or(part)
            .trim();
        if value.is_empty()
            || value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '='))
            || !value.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return err(format!(
                "{part:?} is not a comparator with a version (expected e.g. \">=1.4.0, <1.5.0\")"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEMVER: Option<Scheme> = Some(Scheme::SemVer);

    fn v(scheme: Scheme, text: &str) -> Version {
        scheme.parse(text).unwrap()
    }

    #[test]
    fn requirement_strings_become_osv_events() {
        let r = parse_requirement(">=1.0.0, <1.4.2", SEMVER).unwrap();
        assert_eq!(r.kind, RangeType::Semver);
        assert_eq!(
            r.events,
            vec![
                RangeEvent::Introduced("1.0.0".into()),
                RangeEvent::Fixed("1.4.2".into())
            ]
        );
        let r = parse_requirement("<2.3.1", SEMVER).unwrap();
        assert_eq!(
            r.events,
            vec![
                RangeEvent::Introduced("0".into()),
                RangeEvent::Fixed("2.3.1".into())
            ]
        );
        let r = parse_requirement("<=1.2.0", SEMVER).unwrap();
        assert_eq!(r.events[1], RangeEvent::LastAffected("1.2.0".into()));
        assert_eq!(parse_requirement("*", SEMVER).unwrap().events.len(), 1);
    }

    #[test]
    fn ranges_take_the_type_and_versions_of_their_ecosystem() {
        let py = parse_requirement(">=4.5.0, <4.5.2.post1", Some(Scheme::Pep440)).unwrap();
        assert_eq!(py.kind, RangeType::Ecosystem);
        let mvn = parse_requirement("<1.0.1.Final", Some(Scheme::Maven)).unwrap();
        assert_eq!(mvn.kind, RangeType::Ecosystem);
        let go =
            parse_requirement("<v0.0.0-20220906165146-f3363e06e74c", Some(Scheme::Go)).unwrap();
        assert_eq!(go.kind, RangeType::Semver);
        assert_eq!(
            go.events[1],
            RangeEvent::Fixed("0.0.0-20220906165146-f3363e06e74c".into()),
            "Go's v is dropped as OSV writes Go versions"
        );
        let deb = parse_requirement("<1:2.3-4+deb12u1", None).unwrap();
        assert_eq!(deb.kind, RangeType::Ecosystem);
        assert!(parse_requirement(">=4.5.0, <4.5.0rc1", Some(Scheme::Pep440)).is_err());
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
            let e = parse_requirement(bad, SEMVER).unwrap_err().to_string();
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
        let s = Scheme::SemVer;
        let affected =
            Interval::of_range(&parse_requirement(">=1.0.0, <1.4.2", SEMVER).unwrap(), s).unwrap();
        let r14 = Interval::of_release(">=1.4.0, <1.5.0", s).unwrap();
        let r15 = Interval::of_release("^1.5", s).unwrap();
        let r2 = Interval::of_release("2.*", s).unwrap();
        assert!(affected.overlaps(&r14));
        assert!(!affected.overlaps(&r15));
        assert!(!affected.overlaps(&r2));
        assert!(r14.contains(&v(s, "1.4.2")));
        assert!(!r14.contains(&v(s, "1.5.0")));
        assert!(r14.contains(&v(s, "1.5.0-rc.1")), "pre-releases sort below");
        let tilde = Interval::of_release("~1.4.2", s).unwrap();
        assert!(tilde.contains(&v(s, "1.4.9")));
        assert!(!tilde.contains(&v(s, "1.5.0")));
    }

    #[test]
    fn release_ranges_read_in_each_scheme() {
        let py = Interval::of_release(">=4.5, <4.6", Scheme::Pep440).unwrap();
        assert!(py.contains(&v(Scheme::Pep440, "4.5.2.post1")));
        assert!(!py.contains(&v(Scheme::Pep440, "4.6.0")));
        let mvn = Interval::of_release("1.0.*", Scheme::Maven).unwrap();
        assert!(mvn.contains(&v(Scheme::Maven, "1.0.1.Final")));
        assert!(!mvn.contains(&v(Scheme::Maven, "1.1.0")));
        // Go: the 1.19 line claims 1.19.0's pre-releases, as Go's database does.
        let go118 = Interval::of_release(">=1.18.0, <1.19.0", Scheme::Go).unwrap();
        let go119 = Interval::of_release(">=1.19.0, <1.20.0", Scheme::Go).unwrap();
        assert!(!go118.contains(&v(Scheme::Go, "1.19.0-rc.1")));
        assert!(go119.contains(&v(Scheme::Go, "v1.19.0-rc.1")));
        assert!(Interval::of_release(">=x, <y", Scheme::SemVer).is_err());
        assert!(check_release_range(">=4.5, <4.6").is_ok());
        assert!(check_release_range("1.0.*").is_ok());
        assert!(check_release_range(">=1.5.0, <").is_err());
        assert!(check_release_range("from 1 to 2").is_err());
    }

    #[test]
    fn adjacent_ranges_do_not_overlap() {
        let s = Scheme::SemVer;
        let i = |r: &str| Interval::of_range(&parse_requirement(r, SEMVER).unwrap(), s).unwrap();
        let a = i(">=1.0.0, <1.4.2");
        let b = i(">=1.4.2, <1.5.0");
        let c = i(">=1.4.0, <=1.4.5");
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
                match parse_requirement(&text, Some(Scheme::SemVer)) {
                    Ok(range) => {
                        let shown = display(&range);
                        prop_assert_eq!(&shown, &text);
                        prop_assert_eq!(parse_requirement(&shown, Some(Scheme::SemVer)).unwrap(), range);
                    }
                    Err(e) => prop_assert!(e.to_string().contains("empty range"), "{}", e),
                }
            }
        }
    }
}
