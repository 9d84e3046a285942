//! Affected ranges derived per maintained release from the fix matrix, so a
//! backport is never flattened into one wrong range.
//!
//! Each maintained release (a semver requirement in the policy) claims the
//! versions from the end of the previous release up to where it stops being
//! affected: its released fix, its own start when it is not affected, or its
//! end when it has no fix. Unmaintained versions between two releases are
//! thus fixed by upgrading to the next release's fix. Those pieces are cut by
//! the case's own affected ranges and joined where a release without a fix
//! runs into the next one. Pre-releases sort before their release, as semver
//! says, so `2.0.0-rc.1` falls in the release line below `2.0.0`.

use std::cmp::Ordering;

use semver::Version;

use crate::model::case::{Affected, Case, Decision, Range, RangeEvent, RangeType};
use crate::model::policy::MaintainedRelease;

/// A version as typed (kept for output) and as parsed (for ordering).
#[derive(Debug, Clone)]
struct Ver {
    text: String,
    parsed: Version,
}

impl Ver {
    fn parse(text: &str) -> Option<Self> {
        let parsed = parse_version(text)?;
        Some(Self {
            text: text.to_owned(),
            parsed,
        })
    }

    fn from_version(parsed: Version) -> Self {
        Self {
            text: parsed.to_string(),
            parsed,
        }
    }
}

/// `1.4.2`, `v1.4.2`, `1.4` and `1` (the last two padded with zeros); `0` is
/// OSV's "every version".
fn parse_version(text: &str) -> Option<Version> {
    let t = text.trim().trim_start_matches('v');
    if let Ok(v) = Version::parse(t) {
        return Some(v);
    }
    let (core, rest) = match t.find(['-', '+']) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let parts: Vec<&str> = core.split('.').collect();
    if parts.is_empty() || parts.len() > 2 || parts.iter().any(|p| p.parse::<u64>().is_err()) {
        return None;
    }
    let padded = format!("{}{}{rest}", core, ".0".repeat(3 - parts.len()));
    Version::parse(&padded).ok()
}

/// Where one piece of affected versions stops.
#[derive(Debug, Clone)]
enum End {
    /// The first version that is not affected.
    Fixed(Ver),
    /// The last version that is affected.
    LastAffected(Ver),
    /// The end of a release without a fix: affected up to, not including, this.
    Unfixed(Ver),
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
            Self::Fixed(v) | Self::Unfixed(v) => Some((&v.parsed, false)),
            Self::LastAffected(v) => Some((&v.parsed, true)),
            Self::Open => None,
        }
    }

    /// Whether `start` lies before this end.
    fn after(&self, start: &Version) -> bool {
        match self.bound() {
            None => true,
            Some((v, true)) => start <= v,
            Some((v, false)) => start < v,
        }
    }
}

#[derive(Debug, Clone)]
struct Piece {
    start: Ver,
    end: End,
}

/// A maintained release line: the versions its requirement admits.
#[derive(Debug, Clone)]
struct Line {
    lo: Version,
    hi: Option<Version>,
}

/// The release's versions from its requirement, with the parser the triage
/// commands use, as an inclusive start and an exclusive end.
fn line_of(range: &str) -> Option<Line> {
    let req = crate::model::ranges::release_req(range).ok()?;
    let interval = crate::model::ranges::Interval::of_req(&req);
    let after = |v: &Version| Version::new(v.major, v.minor, v.patch + 1);
    let lo = match interval.low {
        None => Version::new(0, 0, 0),
        Some((v, true)) => v,
        Some((v, false)) => after(&v),
    };
    let hi = match interval.high {
        None => None,
        Some((v, false)) => Some(v),
        Some((v, true)) => Some(after(&v)),
    };
    Some(Line { lo, hi })
}

/// One maintained release as the exports see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRow {
    pub name: String,
    /// The release's requirement, e.g. `>=1.4.0, <1.5.0`.
    pub range: String,
    pub decision: Decision,
    /// The released fix version, if any.
    pub fixed_in: Option<String>,
    pub reason: Option<String>,
}

/// The release rows of the case, in the policy's order, for releases the
/// case has a decision for (or a fix).
pub fn release_rows(case: &Case, maintained: &[MaintainedRelease]) -> Vec<ReleaseRow> {
    maintained
        .iter()
        .filter_map(|m| {
            let row = case.releases.get(&m.name);
            let fix = case.fixes.iter().find(|f| f.release == m.name);
            if row.is_none() && fix.is_none() {
                return None;
            }
            Some(ReleaseRow {
                name: m.name.clone(),
                range: m.range.clone(),
                decision: row.map_or(Decision::Affected, |r| r.decision),
                fixed_in: fix.and_then(|f| f.version.clone()),
                reason: row.and_then(|r| r.reason.clone()),
            })
        })
        .collect()
}

/// The affected ranges of one package, per maintained release. Falls back
/// to the ranges as recorded when the policy names no releases or a version
/// is not semver-like. GIT ranges are passed through unchanged.
pub fn derive(
    affected: &Affected,
    rows: &[ReleaseRow],
    maintained: &[MaintainedRelease],
) -> Vec<Range> {
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
    let as_recorded = || {
        versioned
            .iter()
            .map(|r| (*r).clone())
            .chain(git.iter().cloned())
            .collect::<Vec<_>>()
    };
    if maintained.is_empty() || rows.is_empty() {
        return as_recorded();
    }
    let kind = versioned.first().map_or(RangeType::Semver, |r| r.kind);
    let Some(pieces) = derive_pieces(&versioned, rows, maintained) else {
        return as_recorded();
    };
    let mut out = to_ranges(kind, &pieces);
    out.extend(git);
    out
}

fn affected_pieces(ranges: &[&Range]) -> Option<Vec<Piece>> {
    if ranges.is_empty() {
        return Some(vec![Piece {
            start: Ver::parse("0")?,
            end: End::Open,
        }]);
    }
    let mut out = Vec::new();
    for range in ranges {
        let mut start: Option<Ver> = None;
        for event in &range.events {
            match event {
                RangeEvent::Introduced(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::Open,
                        });
                    }
                    start = Some(Ver::parse(v)?);
                }
                RangeEvent::Fixed(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::Fixed(Ver::parse(v)?),
                        });
                    }
                }
                RangeEvent::LastAffected(v) => {
                    if let Some(s) = start.take() {
                        out.push(Piece {
                            start: s,
                            end: End::LastAffected(Ver::parse(v)?),
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
    out.sort_by(|a, b| a.start.parsed.cmp(&b.start.parsed));
    Some(out)
}

fn derive_pieces(
    ranges: &[&Range],
    rows: &[ReleaseRow],
    maintained: &[MaintainedRelease],
) -> Option<Vec<Piece>> {
    let affected = affected_pieces(ranges)?;
    let mut lines: Vec<(Line, Option<&ReleaseRow>)> = Vec::new();
    for m in maintained {
        let line = line_of(&m.range)?;
        lines.push((line, rows.iter().find(|r| r.name == m.name)));
    }
    lines.sort_by(|a, b| a.0.lo.cmp(&b.0.lo));
    let last = lines.len() - 1;
    let mut cut_pieces: Vec<Piece> = Vec::new();
    let mut from = Ver::parse("0")?;
    for (i, (line, row)) in lines.iter().enumerate() {
        let decision = row.map_or(Decision::Unknown, |r| r.decision);
        let fix = row.and_then(|r| r.fixed_in.as_deref()).and_then(Ver::parse);
        let end = match (decision, fix) {
            (Decision::NotAffected, _) => End::Fixed(Ver::from_version(line.lo.clone())),
            (_, Some(v)) => End::Fixed(v),
            _ => match &line.hi {
                Some(hi) if i < last => End::Unfixed(Ver::from_version(hi.clone())),
                _ => End::Open,
            },
        };
        cut_pieces.push(Piece {
            start: from.clone(),
            end,
        });
        from = match &line.hi {
            Some(hi) => Ver::from_version(hi.clone()),
            None => break,
        };
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for cut in &cut_pieces {
        for a in &affected {
            let start = if a.start.parsed >= cut.start.parsed {
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
            if end.after(&start.parsed) {
                pieces.push(Piece { start, end });
            }
        }
    }
    // Join a release without a fix to the next piece when it runs straight on.
    let mut joined: Vec<Piece> = Vec::new();
    for piece in pieces {
        if let Some(prev) = joined.last_mut()
            && let End::Unfixed(h) = &prev.end
            && h.parsed == piece.start.parsed
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
        let mut ev = vec![RangeEvent::Introduced(p.start.text.clone())];
        match &p.end {
            End::Fixed(v) | End::Unfixed(v) => ev.push(RangeEvent::Fixed(v.text.clone())),
            End::LastAffected(v) => ev.push(RangeEvent::LastAffected(v.text.clone())),
            End::Open => {}
        }
        ev
    };
    let mixed = pieces.iter().any(|p| matches!(p.end, End::LastAffected(_)));
    if mixed {
        // OSV forbids `fixed` and `last_affected` in one range.
        pieces
            .iter()
            .map(|p| Range {
                kind,
                events: events(p),
            })
            .collect()
    } else if pieces.is_empty() {
        Vec::new()
    } else {
        vec![Range {
            kind,
            events: pieces.iter().flat_map(events).collect(),
        }]
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

    fn row(name: &str, decision: Decision, fixed_in: Option<&str>) -> ReleaseRow {
        ReleaseRow {
            name: name.into(),
            range: String::new(),
            decision,
            fixed_in: fixed_in.map(str::to_owned),
            reason: None,
        }
    }

    fn affected(events: Vec<RangeEvent>) -> Affected {
        Affected {
            package: Package {
                ecosystem: "crates.io".into(),
                name: "demo".into(),
            },
            ranges: vec![Range {
                kind: RangeType::Semver,
                events,
            }],
            versions: Vec::new(),
        }
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
        let l = line_of("^1.4").unwrap();
        assert_eq!(
            (l.lo, l.hi),
            (Version::new(1, 4, 0), Some(Version::new(2, 0, 0)))
        );
        let l = line_of("~1.4").unwrap();
        assert_eq!(l.hi, Some(Version::new(1, 5, 0)));
        let l = line_of("1.4.*").unwrap();
        assert_eq!(l.hi, Some(Version::new(1, 5, 0)));
        let l = line_of(">=2.0.0").unwrap();
        assert_eq!(l.hi, None);
        assert!(line_of("not a range").is_none());
    }
}
