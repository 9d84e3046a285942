//! The OSV record says what the fix matrix says, in every ecosystem.
//!
//! For random release lines, decisions, affected ranges and fixes per
//! package, the versions the exported OSV record calls affected (read by an
//! evaluator written here from OSV's own pseudocode, with its own ordering
//! of the versions it generated, not the product's schemes) are exactly the
//! versions the matrix calls affected (worked out here from the matrix's
//! rules, independently of the derivation).
//!
//! The matrix's rules: a version belongs to the first release line that
//! ends above it (versions between two lines count with the later one,
//! versions above every line with the last); it is affected when it lies in
//! its package's recorded range and its line is not decided not-affected
//! (below a not-affected line's start it still counts, as upgrading to that
//! line is the way out), and, when the package has a released fix on the
//! line, when it is below that fix.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::Value;

use super::{Format, render};
use crate::model::case::{
    Case, Decision, EventKind, FixChange, NewCase, Range, RangeEvent, Reporter, Stamp,
};
use crate::model::policy::{MaintainedRelease, Package, Policy};

/// A generated version: `(major, minor, patch, kind)`, where kind orders
/// the forms of one number: -1 Go's `-0` floor, 0 a pre-release, 1 the
/// release, 2 a post-release (PyPI). Every ecosystem below orders its
/// renderings of these the same way.
type Key = (u64, u64, u64, i8);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Eco {
    Crates,
    Go,
    PyPI,
    Maven,
    RubyGems,
    NuGet,
    Packagist,
}

impl Eco {
    fn name(self) -> &'static str {
        match self {
            Self::Crates => "crates.io",
            Self::Go => "Go",
            Self::PyPI => "PyPI",
            Self::Maven => "Maven",
            Self::RubyGems => "RubyGems",
            Self::NuGet => "NuGet",
            Self::Packagist => "Packagist",
        }
    }

    fn package(self, n: usize) -> Package {
        let name = match self {
            Self::Maven => format!("org.poet:poet-{n}"),
            Self::Go => format!("example.org/poet{n}"),
            Self::Packagist => format!("poet/poet-{n}"),
            _ => format!("poet-{n}"),
        };
        Package {
            ecosystem: self.name().into(),
            name,
        }
    }

    /// The ecosystem's spelling of a generated version.
    fn render(self, (a, b, c, kind): Key) -> String {
        let base = format!("{a}.{b}.{c}");
        match (self, kind) {
            (_, 1) => base,
            (Self::PyPI, 2) => format!("{base}.post1"),
            (Self::Crates | Self::Go | Self::NuGet, 0) => format!("{base}-rc.1"),
            (Self::PyPI, 0) => format!("{base}rc1"),
            (Self::Maven, 0) => format!("{base}-rc1"),
            (Self::RubyGems, 0) => format!("{base}.rc1"),
            (Self::Packagist, 0) => format!("{base}-RC1"),
            _ => base,
        }
    }

    /// A fix as a maintainer would type it: Maven's `.Final` releases and
    /// Go's `v` prefix included.
    fn typed(self, key: Key) -> String {
        match (self, key.3) {
            (Self::Maven, 1) => format!("{}.Final", self.render(key)),
            (Self::Go, _) => format!("v{}", self.render(key)),
            _ => self.render(key),
        }
    }
}

/// Reads back the forms this test writes and the derivation may emit
/// (Go's `X.Y.Z-0` floors); `None` for OSV's `0`.
fn parse(text: &str) -> Option<Key> {
    if text == "0" {
        return None;
    }
    let text = text.trim_start_matches('v');
    let end = text
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit() && *c != '.')
        .map(|(i, _)| i)
        .next()
        .unwrap_or(text.len());
    let (numbers, suffix) = text.split_at(end);
    let numbers = numbers.trim_end_matches('.');
    let suffix = if end < text.len() && text[..end].ends_with('.') {
        &text[end - 1..]
    } else {
        suffix
    };
    let n: Vec<u64> = numbers.split('.').map(|p| p.parse().unwrap()).collect();
    let kind = match suffix {
        "" | ".Final" => 1,
        "-0" => -1,
        ".post1" => 2,
        "-rc.1" | "rc1" | "-rc1" | ".rc1" | "-RC1" => 0,
        other => panic!("unexpected version form {text:?} ({other:?})"),
    };
    Some((n[0], n[1], n[2], kind))
}

/// OSV's `IsVulnerable` for one package, from the spec's pseudocode.
fn osv_affected(record: &Value, package: &Package, v: Key) -> bool {
    let Some(affected) = record["affected"].as_array() else {
        return false;
    };
    affected
        .iter()
        .filter(|a| {
            a["package"]["ecosystem"] == package.ecosystem.as_str()
                && a["package"]["name"] == package.name.as_str()
        })
        .any(|a| {
            let listed = a["versions"]
                .as_array()
                .is_some_and(|vs| vs.iter().any(|x| x.as_str().and_then(parse) == Some(v)));
            let in_ranges = a["ranges"].as_array().is_some_and(|ranges| {
                ranges.iter().any(|range| {
                    let mut events: Vec<(Option<Key>, &str)> = range["events"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|e| {
                            let (k, x) = e.as_object().unwrap().iter().next().unwrap();
                            (parse(x.as_str().unwrap()), k.as_str())
                        })
                        .collect();
                    events.sort_by_key(|(k, _)| *k);
                    let mut vulnerable = false;
                    for (at, kind) in events {
                        match kind {
                            "introduced" if at.is_none_or(|at| v >= at) => vulnerable = true,
                            "fixed" if at.is_some_and(|at| v >= at) => vulnerable = false,
                            "last_affected" if at.is_some_and(|at| v > at) => vulnerable = false,
                            _ => {}
                        }
                    }
                    vulnerable
                })
            });
            listed || in_ranges
        })
}

/// One maintained line `major.minor` and its decision.
#[derive(Debug, Clone)]
struct Line {
    major: u64,
    minor: u64,
    decision: Option<Decision>,
}

/// One package: its recorded range and its fix per line (patch numbers).
#[derive(Debug, Clone)]
struct Pkg {
    from: Option<Key>,
    end: End,
    fixes: Vec<Option<(u64, i8)>>,
}

#[derive(Debug, Clone)]
enum End {
    Open,
    Fixed(Key),
    LastAffected(Key),
}

/// What the matrix calls affected, from its rules.
fn matrix_affected(eco: Eco, lines: &[Line], pkg: &Pkg, v: Key) -> bool {
    let floor = if eco == Eco::Go { -1 } else { 1 };
    let lo = |l: &Line| (l.major, l.minor, 0, floor);
    let hi = |l: &Line| (l.major, l.minor + 1, 0, floor);
    let recorded = pkg.from.is_none_or(|f| v >= f)
        && match pkg.end {
            End::Open => true,
            End::Fixed(f) => v < f,
            End::LastAffected(l) => v <= l,
        };
    if !recorded {
        return false;
    }
    let at = lines
        .iter()
        .position(|l| v < hi(l))
        .unwrap_or(lines.len() - 1);
    let line = &lines[at];
    match (line.decision, pkg.fixes[at]) {
        (Some(Decision::NotAffected), _) => v < lo(line),
        (Some(Decision::Affected), Some((patch, kind))) => {
            v < (line.major, line.minor, patch, kind)
        }
        _ => true,
    }
}

fn at() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn build(eco: Eco, lines: &[Line], pkgs: &[Pkg]) -> (Case, Policy) {
    let policy = Policy {
        project: Some("poet".into()),
        maintained_releases: lines
            .iter()
            .map(|l| MaintainedRelease {
                name: format!("{}.{}", l.major, l.minor),
                range: format!(
                    ">={}.{}.0, <{}.{}.0",
                    l.major,
                    l.minor,
                    l.major,
                    l.minor + 1
                ),
            })
            .collect(),
        ..Policy::default()
    };
    let mut case = Case::open(
        "DISC-2026-K7Q3M".parse().unwrap(),
        NewCase {
            title: "Path traversal".into(),
            received_at: None,
            reporter: Reporter::default(),
            ..NewCase::default()
        },
        policy.slas(),
        at(),
        "M",
    );
    let mut events = Vec::new();
    for (n, pkg) in pkgs.iter().enumerate() {
        let mut range = vec![RangeEvent::Introduced(
            pkg.from.map_or("0".into(), |k| eco.render(k)),
        )];
        match pkg.end {
            End::Open => {}
            End::Fixed(k) => range.push(RangeEvent::Fixed(eco.render(k))),
            End::LastAffected(k) => range.push(RangeEvent::LastAffected(eco.render(k))),
        }
        events.push(EventKind::AffectedAdded {
            package: eco.package(n),
            ranges: vec![Range {
                kind: crate::model::ranges::versions_type(crate::model::version::Scheme::of(
                    eco.name(),
                )),
                repo: None,
                events: range,
            }],
            versions: Vec::new(),
            releases: BTreeMap::new(),
        });
    }
    for line in lines {
        if let Some(decision) = line.decision {
            events.push(EventKind::ReleaseDecided {
                release: format!("{}.{}", line.major, line.minor),
                decision,
                reason: Some("decided".into()),
            });
        }
    }
    for (i, kind) in events.into_iter().enumerate() {
        case.record(
            kind,
            at() + chrono::TimeDelta::minutes(i as i64 + 1),
            "M",
            None,
        );
    }
    // Fixes go through the model, as `disclose fix` records them.
    let later = at() + chrono::TimeDelta::hours(1);
    for (i, line) in lines.iter().enumerate() {
        if line.decision != Some(Decision::Affected) {
            continue;
        }
        for (n, pkg) in pkgs.iter().enumerate() {
            if let Some((patch, kind)) = pkg.fixes[i] {
                let fix = FixChange {
                    release: format!("{}.{}", line.major, line.minor),
                    package: Some(eco.package(n)),
                    version: Some(eco.typed((line.major, line.minor, patch, kind))),
                    ..FixChange::default()
                };
                case.link_fix(fix, &policy, Stamp { at: later, by: "M" })
                    .unwrap();
            }
        }
    }
    (case, policy)
}

fn eco() -> impl Strategy<Value = Eco> {
    proptest::sample::select(vec![
        Eco::Crates,
        Eco::Go,
        Eco::PyPI,
        Eco::Maven,
        Eco::RubyGems,
        Eco::NuGet,
        Eco::Packagist,
    ])
}

fn key(eco: Eco) -> impl Strategy<Value = Key> {
    let kinds: Vec<i8> = if eco == Eco::PyPI {
        vec![0, 1, 1, 2]
    } else {
        vec![0, 1, 1]
    };
    (1u64..3, 0u64..5, 0u64..5, proptest::sample::select(kinds)).prop_map(|(a, b, c, k)| {
        // Pre-releases only of a line's first version, the shape the
        // derivation has to get right.
        if k == 0 { (a, b, 0, 0) } else { (a, b, c, k) }
    })
}

fn lines() -> impl Strategy<Value = Vec<Line>> {
    let decision = proptest::option::weighted(
        0.85,
        proptest::sample::select(vec![
            Decision::Affected,
            Decision::Affected,
            Decision::NotAffected,
            Decision::WontFix,
            Decision::Eol,
        ]),
    );
    proptest::collection::btree_set((1u64..3, 0u64..4), 1..4).prop_flat_map(move |set| {
        let starts: Vec<(u64, u64)> = set.into_iter().collect();
        proptest::collection::vec(decision.clone(), starts.len()).prop_map(move |ds| {
            starts
                .iter()
                .zip(ds)
                .map(|((major, minor), decision)| Line {
                    major: *major,
                    minor: *minor,
                    decision,
                })
                .collect()
        })
    })
}

fn pkg(eco: Eco, lines: usize) -> impl Strategy<Value = Pkg> {
    let post = if eco == Eco::PyPI {
        vec![1, 1, 2]
    } else {
        vec![1]
    };
    let fix = proptest::option::weighted(
        0.7,
        (0u64..5, proptest::sample::select(post)).prop_map(|(p, k)| (p, k)),
    );
    (
        proptest::option::of(key(eco)),
        0u8..3,
        key(eco),
        proptest::collection::vec(fix, lines),
    )
        .prop_map(|(from, end, bound, fixes)| {
            let end = match end {
                _ if from.is_some_and(|f| bound <= f) => End::Open,
                0 => End::Open,
                1 => End::Fixed(bound),
                _ => End::LastAffected(bound),
            };
            Pkg { from, end, fixes }
        })
}

fn case_strategy() -> impl Strategy<Value = (Eco, Vec<Line>, Vec<Pkg>)> {
    (eco(), lines()).prop_flat_map(|(eco, lines)| {
        let n = lines.len();
        (
            Just(eco),
            Just(lines),
            proptest::collection::vec(pkg(eco, n), 1..3),
        )
    })
}

/// Every version the generator can make, with the forms around each line.
fn universe(eco: Eco) -> Vec<Key> {
    let mut out = Vec::new();
    for a in 1..=3 {
        for b in 0..=5 {
            out.push((a, b, 0, 0));
            for c in 0..=5 {
                out.push((a, b, c, 1));
                if eco == Eco::PyPI {
                    out.push((a, b, c, 2));
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_osv_record_calls_affected_exactly_what_the_matrix_does(
        (eco, lines, pkgs) in case_strategy()
    ) {
        let (case, policy) = build(eco, &lines, &pkgs);
        let record: Value = match render(&case, &policy, Format::Osv, at()) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            // Refused only when nothing at all is affected.
            Err(e) => {
                prop_assert!(e.to_string().contains("nothing is affected"), "{}", e);
                Value::Null
            }
        };
        if !record.is_null() {
            let report = super::schema::osv(&record);
            prop_assert!(report.0.is_empty(), "{:?}\n{record:#}", report.0);
        }
        for (n, pkg) in pkgs.iter().enumerate() {
            let package = eco.package(n);
            for v in universe(eco) {
                let want = matrix_affected(eco, &lines, pkg, v);
                let got = osv_affected(&record, &package, v);
                prop_assert_eq!(
                    got,
                    want,
                    "{} {} {:?}: OSV says {}, the matrix {}\nlines {:?}\npackage {:?}\n{:#}",
                    eco.name(),
                    package.name,
                    eco.render(v),
                    got,
                    want,
                    lines,
                    pkg,
                    record
                );
            }
        }
    }
}

#[test]
fn the_evaluator_reads_osv_as_the_spec_does() {
    let record = serde_json::json!({"affected": [{
        "package": {"ecosystem": "crates.io", "name": "p"},
        "ranges": [{"type": "SEMVER", "events": [
            {"introduced": "1.0.0"}, {"fixed": "1.4.2"},
            {"introduced": "1.5.0"}, {"fixed": "1.5.3"}
        ]}]
    }]});
    let p = Package {
        ecosystem: "crates.io".into(),
        name: "p".into(),
    };
    let at = |s: &str| osv_affected(&record, &p, parse(s).unwrap());
    assert!(!at("0.9.0") && at("1.0.0") && at("1.4.1") && !at("1.4.2"));
    assert!(!at("1.4.9") && !at("1.5.0-rc.1") && at("1.5.0"));
    assert!(!at("1.5.3") && !at("2.0.0"));
    assert_eq!(parse("1.19.0-0"), Some((1, 19, 0, -1)));
    assert_eq!(parse("2.1.0.Final"), Some((2, 1, 0, 1)));
    assert_eq!(parse("v1.2.3"), Some((1, 2, 3, 1)));
}
