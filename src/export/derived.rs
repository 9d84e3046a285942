//! Affected ranges derived per maintained release from the fix matrix, so a
//! backport is never flattened into one wrong range, and each package's
//! ranges come from its own fixes.
//!
//! Each maintained release (a requirement in the policy, read in the
//! package's version scheme) claims the versions from the end of the
//! previous release up to where it stops being affected: the package's
//! released fix on it, its own start when it is not affected, or its end
//! when it has no fix. Unmaintained versions between two releases are thus
//! fixed by upgrading to the next release's fix. Those pieces are cut by
//! the package's own affected ranges and joined where a release without a
//! fix runs into the next one. Pre-releases sort before their release, so
//! `2.0.0-rc.1` falls in the release line below `2.0.0`, except in Go,
//! whose lines start at `X.Y.Z-0` as Go's database writes them.
//!
//! A package whose ecosystem has no version scheme, or whose recorded
//! versions do not parse in it, keeps its ranges as recorded. GIT ranges
//! are passed through; a package with GIT ranges only gets no versioned
//! range at all.

use std::cmp::Ordering;

use crate::model::case::{Affected, Case, Decision, Range, RangeEvent, RangeType, package_fixes};
use crate::model::policy::{MaintainedRelease, Package};
use crate::model::ranges::{Interval, versions_type};
use crate::model::version::{Scheme, Version};

/// Where one piece of affected versions stops.
#[derive(Debug, Clone)]
enum End {
    /// The first version that is not affected.
    Fixed(Version),
    /// The last version that is affected.
    LastAffected(Version),
    /// The end of a release without a fix: affected up to, not including, this.
    Unfixed(Version),
    /// Affected from the start on.
    Open,
}

impl End {
    /// Orders ends by the versions they leave affected.
    fn cmp_reach(&self, other: &Self) -> Ordering {
        match (self.bound(), other.bound()) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some((a, a_incl)), Some((b, b_incl))) => a.cmp(b).then(a_incl.cmp(&b_incl)),
        }
    }

    fn bound(&self) -> Option<(&Version, bool)> {
        match self {
            Self::Fixed(v) | Self::Unfixed(v) => Some((v, false)),
            Self::LastAffected(v) => Some((v, true)),
            Self::Open => None,
        }
    }

    /// Whether `start` (`None`: before every version) lies before this end.
    fn after(&self, start: Option<&Version>) -> bool {
        match (self.bound(), start) {
            (None, _) | (Some(_), None) => true,
            (Some((v, true)), Some(s)) => s <= v,
            (Some((v, false)), Some(s)) => s < v,
        }
    }
}

/// A stretch of affected versions; a `None` start is OSV's `0`.
#[derive(Debug, Clone)]
struct Piece {
    start: Option<Version>,
    end: End,
}

/// A maintained release line: an inclusive start (`None`: from the
/// first version) and an exclusive end (`None`: no end).
#[derive(Debug, Clone)]
struct Line {
    lo: Option<Version>,
    hi: Option<Version>,
}

/// The release's versions from its requirement in `scheme`, with the
/// parser the triage commands use. An exclusive start or an inclusive end
/// needs the next version, which only SemVer-like schemes can name.
fn line_of(range: &str, scheme: Scheme) -> Option<Line> {
    let interval = Interval::of_release(range, scheme).ok()?;
    let after = |v: &Version| -> Option<Version> {
        if !matches!(scheme, Scheme::SemVer | Scheme::Go) {
            return None;
        }
        let parsed = semver::Version::parse(v.as_str()).ok()?;
        let next = semver::Version::new(parsed.major, parsed.minor, parsed.patch + 1);
        scheme.parse(&next.to_string()).ok()
    };
    let lo = match interval.low {
        None => None,
        Some((v, true)) => Some(v),
        Some((v, false)) => Some(after(&v)?),
    };
    let hi = match interval.high {
        None => None,
        Some((v, false)) => Some(v),
        Some((v, true)) => Some(after(&v)?),
    };
    Some(Line { lo, hi })
}

/// One maintained release as the exports see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRelease {
    pub name: String,
    /// The release's requirement, e.g. `>=1.4.0, <1.5.0`.
    pub range: String,
    pub decision: Decision,
    pub reason: Option<String>,
    /// On an affected release: each affected package with its released fix
    /// version, if any.
    pub fixes: Vec<(Package, Option<String>)>,
}

impl PublicRelease {
    /// Whether every affected package has a released fix on the release.
    pub fn fixed(&self) -> bool {
        self.decision == Decision::Affected
            && !self.fixes.is_empty()
            && self.fixes.iter().all(|(_, v)| v.is_some())
    }

    /// The released fix of `package` on this release.
    pub fn fixed_in(&self, package: &Package) -> Option<&str> {
        self.fixes
            .iter()
            .find(|(p, _)| p == package)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The released fixes in words: `1.4.2`, or with several packages
    /// `poet 1.4.3, poet-cli 1.4.9`; `None` until one is released.
    pub fn fixed_words(&self) -> Option<String> {
        let released: Vec<(&Package, &str)> = self
            .fixes
            .iter()
            .filter_map(|(p, v)| Some((p, v.as_deref()?)))
            .collect();
        match (released.as_slice(), self.fixes.len()) {
            ([], _) => None,
            ([(_, v)], 1) => Some((*v).to_owned()),
            (many, _) => Some(
                many.iter()
                    .map(|(p, v)| format!("{} {v}", p.name))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }
}

/// The release rows of the case, in the policy's order, for releases the
/// case has a decision for (or a fix). Fixes appear only on releases that
/// are affected: a fix on any other counts for nothing.
pub fn public_releases(case: &Case, maintained: &[MaintainedRelease]) -> Vec<PublicRelease> {
    maintained
        .iter()
        .filter_map(|m| {
            let row = case.releases.get(&m.name);
            let has_fix = case.fixes.iter().any(|f| f.release == m.name);
            if row.is_none() && !has_fix {
                return None;
            }
            let decision = row.map_or(Decision::Affected, |r| r.decision);
            let fixes = if decision == Decision::Affected {
                package_fixes(&case.affected, &case.fixes, &m.name)
                    .into_iter()
                    .map(|p| (p.package.clone(), p.version().map(str::to_owned)))
                    .collect()
            } else {
                Vec::new()
            };
            Some(PublicRelease {
                name: m.name.clone(),
                range: m.range.clone(),
                decision,
                fixes,
                reason: row.and_then(|r| r.reason.clone()),
            })
        })
        .collect()
}

/// The affected ranges of one package, per maintained release, from its
/// own fixes. Falls back to the ranges as recorded when the policy names no
/// releases or a version does not parse in the package's scheme; GIT
/// ranges are passed through unchanged.
pub fn derive(
    affected: &Affected,
    rows: &[PublicRelease],
    maintained: &[MaintainedRelease],
) -> Vec<Range> {
    let scheme = Scheme::of(&affected.package.ecosystem);
    let kind = versions_type(scheme);
    let git: Vec<Range> = affected
        .ranges
        .iter()
        .filter(|r| r.kind == RangeType::Git)
        .cloned()
        .collect();
    let versioned: Vec<&Range> = affected
        .ranges
        .iter()
        .filter(|r| r.kind != RangeType::Git)
        .collect();
    if versioned.is_empty() {
        return git;
    }
    let as_recorded = || {
        versioned
            .iter()
            .map(|r| Range {
                kind,
                ..(*r).clone()
            })
            .chain(git.iter().cloned())
            .collect::<Vec<_>>()
    };
    let Some(scheme) = scheme else {
        return as_recorded();
    };
    if maintained.is_empty() || rows.is_empty() {
        return as_recorded();
    }
    let Some(pieces) = derive_pieces(scheme, &versioned, &affected.package, rows, maintained)
    else {
        return as_recorded();
    };
    let mut out = to_ranges(kind, &pieces);
    out.extend(git);
    out
}

fn affected_pieces(scheme: Scheme, ranges: &[&Range]) -> Option<Vec<Piece>> {
    let parse = |v: &str| scheme.parse(v).ok();
    let mut out = Vec::new();
    for range in ranges {
        let mut start: Option<Option<Version>> = None;
        for event in &range.events {
            match event {
                RangeEvent::Introduced(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::Open,
                        });
                    }
                    start = Some(if v == "0" { None } else { Some(parse(v)?) });
                }
                RangeEvent::Fixed(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::Fixed(parse(v)?),
                        });
                    }
                }
                RangeEvent::LastAffected(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::LastAffected(parse(v)?),
                        });
                    }
                }
                RangeEvent::Limit(_) => {}
            }
        }
        if let Some(s) = start {
            out.push(Piece {
                start: s,
                end: End::Open,
            });
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start));
    Some(out)
}

fn derive_pieces(
    scheme: Scheme,
    ranges: &[&Range],
    package: &Package,
    rows: &[PublicRelease],
    maintained: &[MaintainedRelease],
) -> Option<Vec<Piece>> {
    let affected = affected_pieces(scheme, ranges)?;
    let mut lines: Vec<(Line, Option<&PublicRelease>)> = Vec::new();
    for m in maintained {
        let line = line_of(&m.range, scheme)?;
        lines.push((line, rows.iter().find(|r| r.name == m.name)));
    }
    lines.sort_by(|a, b| a.0.lo.cmp(&b.0.lo));
    let last = lines.len() - 1;
    let mut cut_pieces: Vec<Piece> = Vec::new();
    let mut from: Option<Version> = None;
    for (i, (line, row)) in lines.iter().enumerate() {
        let decision = row.map_or(Decision::Unknown, |r| r.decision);
        let fix = row
            .and_then(|r| r.fixed_in(package))
            .and_then(|v| scheme.parse(v).ok());
        let end = match (decision, fix, &line.lo) {
            (Decision::NotAffected, _, Some(lo)) => Some(End::Fixed(lo.clone())),
            // A release from the very first version that is not affected
            // leaves nothing before it.
            (Decision::NotAffected, _, None) => None,
            (_, Some(v), _) => Some(End::Fixed(v)),
            _ => Some(match &line.hi {
                Some(hi) if i < last => End::Unfixed(hi.clone()),
                _ => End::Open,
            }),
        };
        if let Some(end) = end {
            cut_pieces.push(Piece {
                start: from.clone(),
                end,
            });
        }
        from = match &line.hi {
            Some(hi) => Some(hi.clone()),
            None => break,
        };
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for cut in &cut_pieces {
        for a in &affected {
            let start = if a.start >= cut.start {
                a.start.clone()
            } else {
                cut.start.clone()
            };
            let end = match a.end.cmp_reach(&cut.end) {
                Ordering::Less => a.end.clone(),
                Ordering::Greater => cut.end.clone(),
                // The case's own range ends there too: its word wins over "line end".
                Ordering::Equal => a.end.clone(),
            };
            if end.after(start.as_ref()) {
                pieces.push(Piece { start, end });
            }
        }
    }
    // Join a release without a fix to the next piece when it runs straight on.
    let mut joined: Vec<Piece> = Vec::new();
    for piece in pieces {
        if let Some(prev) = joined.last_mut()
            && let End::Unfixed(h) = &prev.end
            && piece.start.as_ref() == Some(h)
        {
            prev.end = piece.end;
            continue;
        }
        joined.push(piece);
    }
    // A line end that does not run on is the first version that is not affected.
    for piece in &mut joined {
        if let End::Unfixed(h) = &piece.end {
            piece.end = End::Fixed(h.clone());
        }
    }
    Some(joined)
}

fn to_ranges(kind: RangeType, pieces: &[Piece]) -> Vec<Range> {
    let events = |p: &Piece| {
        let start = p.start.as_ref().map_or("0", Version::as_str).to_owned();
        let mut ev = vec![RangeEvent::Introduced(start)];
        match &p.end {
            End::Fixed(v) | End::Unfixed(v) => ev.push(RangeEvent::Fixed(v.as_str().to_owned())),
            End::LastAffected(v) => ev.push(RangeEvent::LastAffected(v.as_str().to_owned())),
            End::Open => {}
        }
        ev
    };
    let mixed = pieces.iter().any(|p| matches!(p.end, End::LastAffected(_)));
    let range = |events| Range {
        kind,
        repo: None,
        events,
    };
    if mixed {
        // OSV forbids `fixed` and `last_affected` in one range.
        pieces.iter().map(|p| range(events(p))).collect()
    } else if pieces.is_empty() {
        Vec::new()
    } else {
        vec![range(pieces.iter().flat_map(events).collect())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::policy::Package;

    fn maintained(lines: &[(&str, &str)]) -> Vec<MaintainedRelease> {
        lines
            .iter()
            .map(|(n, r)| MaintainedRelease {
                name: (*n).into(),
                range: (*r).into(),
            })
            .collect()
    }

    fn demo() -> Package {
        Package {
            ecosystem: "crates.io".into(),
            name: "demo".into(),
        }
    }

    fn row(name: &str, decision: Decision, fixed_in: Option<&str>) -> PublicRelease {
        row_of(&demo(), name, decision, fixed_in)
    }

    fn row_of(
        package: &Package,
        name: &str,
        decision: Decision,
        fixed_in: Option<&str>,
    ) -> PublicRelease {
        PublicRelease {
            name: name.into(),
            range: String::new(),
            decision,
            fixes: vec![(package.clone(), fixed_in.map(str::to_owned))],
            reason: None,
        }
    }

    fn affected_in(package: Package, kind: RangeType, events: Vec<RangeEvent>) -> Affected {
        Affected {
            package,
            ranges: vec![Range {
                kind,
                repo: None,
                events,
            }],
            versions: Vec::new(),
        }
    }

    fn affected(events: Vec<RangeEvent>) -> Affected {
        affected_in(demo(), RangeType::Semver, events)
    }

    fn words(ranges: &[Range]) -> String {
        crate::model::case::affected_words(ranges, &[])
    }

    fn intro(v: &str) -> RangeEvent {
        RangeEvent::Introduced(v.into())
    }

    fn lines() -> Vec<MaintainedRelease> {
        maintained(&[("1.4", ">=1.4.0, <1.5.0"), ("1.5", ">=1.5.0, <1.6.0")])
    }

    #[test]
    fn a_backport_gives_one_range_per_release() {
        let rows = [
            row("1.4", Decision::Affected, Some("1.4.2")),
            row("1.5", Decision::Affected, Some("1.5.3")),
        ];
        let out = derive(&affected(vec![intro("1.0.0")]), &rows, &lines());
        assert_eq!(words(&out), ">= 1.0.0, < 1.4.2, >= 1.5.0, < 1.5.3");
    }

    #[test]
    fn a_release_without_a_fix_runs_into_the_next() {
        let rows = [
            row("1.4", Decision::WontFix, None),
            row("1.5", Decision::Affected, Some("1.5.3")),
        ];
        let out = derive(&affected(vec![intro("1.0.0")]), &rows, &lines());
        assert_eq!(words(&out), ">= 1.0.0, < 1.5.3");
    }

    #[test]
    fn a_release_that_is_not_affected_ends_the_range_at_its_start() {
        let rows = [
            row("1.4", Decision::Affected, Some("1.4.2")),
            row("1.5", Decision::NotAffected, None),
        ];
        let out = derive(&affected(vec![intro("1.2.0")]), &rows, &lines());
        assert_eq!(words(&out), ">= 1.2.0, < 1.4.2");
    }

    #[test]
    fn the_last_release_without_a_fix_stays_open() {
        let rows = [
            row("1.4", Decision::Affected, Some("1.4.2")),
            row("1.5", Decision::Eol, None),
        ];
        let out = derive(&affected(vec![intro("1.0.0")]), &rows, &lines());
        assert_eq!(words(&out), ">= 1.0.0, < 1.4.2, >= 1.5.0");
    }

    #[test]
    fn the_case_range_bounds_the_derived_ones() {
        let rows = [
            row("1.4", Decision::NotAffected, None),
            row("1.5", Decision::Affected, Some("1.5.3")),
        ];
        let out = derive(&affected(vec![intro("1.5.1")]), &rows, &lines());
        assert_eq!(words(&out), ">= 1.5.1, < 1.5.3");
    }

    #[test]
    fn last_affected_ranges_are_kept_apart_from_fixed_ones() {
        let rows = [
            row("1.4", Decision::Affected, Some("1.4.2")),
            row("1.5", Decision::WontFix, None),
        ];
        let a = affected(vec![
            intro("1.0.0"),
            RangeEvent::LastAffected("1.5.7".into()),
        ]);
        let out = derive(&a, &rows, &lines());
        assert_eq!(out.len(), 2);
        assert_eq!(words(&out), ">= 1.0.0, < 1.4.2; >= 1.5.0, <= 1.5.7");
    }

    #[test]
    fn without_maintained_releases_the_recorded_ranges_are_used() {
        let a = affected(vec![intro("1.0.0"), RangeEvent::Fixed("1.4.2".into())]);
        assert_eq!(derive(&a, &[], &[]), a.ranges);
        let odd = affected(vec![intro("r17")]);
        let rows = [row("1.4", Decision::Affected, Some("1.4.2"))];
        assert_eq!(derive(&odd, &rows, &lines()), odd.ranges);
    }

    #[test]
    fn requirements_become_lines() {
        let s = Scheme::SemVer;
        let text = |v: Option<Version>| v.map(|v| v.as_str().to_owned());
        let l = line_of("^1.4", s).unwrap();
        assert_eq!(
            (text(l.lo), text(l.hi)),
            (Some("1.4.0".into()), Some("2.0.0".into()))
        );
        assert_eq!(
            text(line_of("~1.4", s).unwrap().hi).as_deref(),
            Some("1.5.0")
        );
        assert_eq!(
            text(line_of("1.4.*", s).unwrap().hi).as_deref(),
            Some("1.5.0")
        );
        assert_eq!(
            text(line_of("<=1.4.9", s).unwrap().hi).as_deref(),
            Some("1.4.10")
        );
        assert!(line_of(">=2.0.0", s).unwrap().hi.is_none());
        assert!(line_of("not a range", s).is_none());
        assert!(
            line_of("<=4.5", Scheme::Pep440).is_none(),
            "no next version in PEP 440"
        );
    }

    #[test]
    fn each_package_is_cut_at_its_own_fixes() {
        let cli = Package {
            ecosystem: "crates.io".into(),
            name: "demo-cli".into(),
        };
        let rows = [
            PublicRelease {
                fixes: vec![
                    (demo(), Some("1.4.3".into())),
                    (cli.clone(), Some("1.4.9".into())),
                ],
                ..row("1.4", Decision::Affected, None)
            },
            PublicRelease {
                fixes: vec![
                    (demo(), Some("1.5.4".into())),
                    (cli.clone(), Some("1.5.8".into())),
                ],
                ..row("1.5", Decision::Affected, None)
            },
        ];
        let a = affected_in(cli, RangeType::Semver, vec![intro("1.0.0")]);
        assert_eq!(
            words(&derive(&a, &rows, &lines())),
            ">= 1.0.0, < 1.4.9, >= 1.5.0, < 1.5.8"
        );
    }

    #[test]
    fn a_git_only_package_gets_no_versioned_range() {
        let git = Range {
            kind: RangeType::Git,
            repo: Some("https://example.org/lib.git".into()),
            events: vec![intro("0"), RangeEvent::Fixed("a".repeat(40))],
        };
        let a = Affected {
            package: demo(),
            ranges: vec![git.clone()],
            versions: Vec::new(),
        };
        let rows = [row("1.4", Decision::Affected, Some("1.4.2"))];
        assert_eq!(derive(&a, &rows, &lines()), vec![git]);
    }

    #[test]
    fn go_pseudo_versions_fix_and_lines_start_at_their_floor() {
        let net = Package {
            ecosystem: "Go".into(),
            name: "golang.org/x/net".into(),
        };
        let a = affected_in(net.clone(), RangeType::Semver, vec![intro("0")]);
        let lines = maintained(&[("0.0", "<0.1.0")]);
        let rows = [row_of(
            &net,
            "0.0",
            Decision::Affected,
            Some("0.0.0-20220906165146-f3363e06e74c"),
        )];
        assert_eq!(
            words(&derive(&a, &rows, &lines)),
            "all versions, < 0.0.0-20220906165146-f3363e06e74c"
        );
        // GO-2022-0969's shape: the 1.19 line claims 1.19.0's pre-releases.
        let stdlib = Package {
            ecosystem: "Go".into(),
            name: "stdlib".into(),
        };
        let a = affected_in(stdlib.clone(), RangeType::Semver, vec![intro("0")]);
        let lines = maintained(&[("1.18", ">=1.18.0, <1.19.0"), ("1.19", ">=1.19.0, <1.20.0")]);
        let rows = [
            row_of(&stdlib, "1.18", Decision::Affected, Some("1.18.6")),
            row_of(&stdlib, "1.19", Decision::Affected, Some("1.19.1")),
        ];
        assert_eq!(
            words(&derive(&a, &rows, &lines)),
            "all versions, < 1.18.6, >= 1.19.0-0, < 1.19.1"
        );
    }

    #[test]
    fn pypi_and_maven_ranges_are_derived_in_their_own_scheme() {
        let py = Package {
            ecosystem: "PyPI".into(),
            name: "poet".into(),
        };
        let a = affected_in(py.clone(), RangeType::Semver, vec![intro("4.0")]);
        let lines = maintained(&[("4.5", ">=4.5, <4.6"), ("4.6", ">=4.6, <4.7")]);
        let rows = [
            row_of(&py, "4.5", Decision::Affected, Some("4.5.2.post1")),
            row_of(&py, "4.6", Decision::Affected, Some("4.6.1")),
        ];
        let out = derive(&a, &rows, &lines);
        assert_eq!(out[0].kind, RangeType::Ecosystem, "PyPI is not SemVer");
        assert_eq!(words(&out), ">= 4.0, < 4.5.2.post1, >= 4.6, < 4.6.1");
        let mvn = Package {
            ecosystem: "Maven".into(),
            name: "org.poet:poet".into(),
        };
        let a = affected_in(mvn.clone(), RangeType::Ecosystem, vec![intro("1.0.0")]);
        let lines = maintained(&[("1.0", "1.0.*")]);
        let rows = [row_of(&mvn, "1.0", Decision::Affected, Some("1.0.1.Final"))];
        assert_eq!(words(&derive(&a, &rows, &lines)), ">= 1.0.0, < 1.0.1.Final");
    }

    #[test]
    fn ecosystems_without_a_scheme_keep_their_ranges_as_recorded() {
        let deb = Package {
            ecosystem: "Debian:12".into(),
            name: "poet".into(),
        };
        let a = affected_in(
            deb.clone(),
            RangeType::Ecosystem,
            vec![intro("0"), RangeEvent::Fixed("1.4.2-1+deb12u1".into())],
        );
        let rows = [row_of(
            &deb,
            "1.4",
            Decision::Affected,
            Some("1.4.2-1+deb12u1"),
        )];
        assert_eq!(derive(&a, &rows, &lines()), a.ranges);
    }
}
