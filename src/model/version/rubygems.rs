//! RubyGems versions, ordered as `Gem::Version#<=>`:
//!
//! - a `-` reads as `.pre.` (`1.0.0-rc1` is `1.0.0.pre.rc1`);
//! - the version splits into numbers and letter runs (`1.0.a10` is
//!   `1, 0, a, 10`); any letter makes it a pre-release;
//! - trailing zeros of the numeric part and of the rest are dropped
//!   (`1.0` = `1`);
//! - segments compare in turn, a missing one counting as 0; a string sorts
//!   below a number, strings compare byte by byte.

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// Digits without leading zeros.
    Num(String),
    Str(String),
}

/// A parsed gem version: its canonical segments.
#[derive(Debug, Clone)]
pub(crate) struct GemVersion(Vec<Segment>);

pub(super) fn parse(text: &str) -> Result<GemVersion, String> {
    // Gem::Version::ANCHORED_VERSION_PATTERN.
    let (release, pre) = match text.split_once('-') {
        Some((r, p)) => (r, Some(p)),
        None => (text, None),
    };
    let mut parts = release.split('.');
    let first_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    let rest_ok = parts.all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric()));
    let pre_ok = pre.is_none_or(|p| {
        p.split('.')
            .all(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
    });
    if !(first_ok && rest_ok && pre_ok) {
        return Err(
            "expected numbers and letters separated by dots, e.g. 7.0.4.1 or 1.0.0.rc1".into(),
        );
    }
    let full = text.replace('-', ".pre.");
    let mut segments = Vec::new();
    let mut rest = full.as_str();
    while !rest.is_empty() {
        let c = rest.as_bytes()[0];
        let len = if c.is_ascii_digit() {
            rest.bytes().take_while(u8::is_ascii_digit).count()
        } else if c.is_ascii_alphabetic() {
            rest.bytes().take_while(u8::is_ascii_alphabetic).count()
        } else {
            1
        };
        let (run, tail) = rest.split_at(len);
        if c.is_ascii_digit() {
            segments.push(Segment::Num(run.trim_start_matches('0').to_owned()));
        } else if c.is_ascii_alphabetic() {
            segments.push(Segment::Str(run.to_owned()));
        }
        rest = tail;
    }
    Ok(GemVersion(canonical(segments)))
}

/// Drops the trailing zeros of the numeric part and of the part from the
/// first string on (`canonical_segments`).
fn canonical(segments: Vec<Segment>) -> Vec<Segment> {
    let split = segments
        .iter()
        .position(|s| matches!(s, Segment::Str(_)))
        .unwrap_or(segments.len());
    let (numeric, strings) = segments.split_at(split);
    let trim = |part: &[Segment]| {
        let mut v = part.to_vec();
        while v.last().is_some_and(|s| *s == Segment::Num(String::new())) {
            v.pop();
        }
        v
    };
    let mut out = trim(numeric);
    out.extend(trim(strings));
    out
}

impl Ord for GemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let zero = Segment::Num(String::new());
        for i in 0..self.0.len().max(other.0.len()) {
            let a = self.0.get(i).unwrap_or(&zero);
            let b = other.0.get(i).unwrap_or(&zero);
            let order = match (a, b) {
                (Segment::Num(x), Segment::Num(y)) => x.len().cmp(&y.len()).then_with(|| x.cmp(y)),
                (Segment::Str(_), Segment::Num(_)) => Ordering::Less,
                (Segment::Num(_), Segment::Str(_)) => Ordering::Greater,
                (Segment::Str(x), Segment::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
            };
            if order.is_ne() {
                return order;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for GemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for GemVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for GemVersion {}
