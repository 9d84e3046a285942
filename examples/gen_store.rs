//! Writes a realistic case store of N cases for the benchmarks and commits it.
//!
//! ```text
//! cargo run --release --example gen_store -- DIR N
//! ```
//!
//! Cases are built through the model (`Case::open`, `Case::record`), so every
//! file is what the commands would have written: mixed states, affected
//! ranges, fix matrices, notes, contacts and credits, about 2 KB each. The
//! choices are seeded by the case's position, so two runs make stores of the
//! same shape. The whole store is one commit, and the index is written with
//! the files' stat data so `git status` starts clean.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use disclose::app::clock::Clock;
use disclose::model::case::{
    Case, Consent, Credit, CreditType, Decision, Direction, EventKind, NewCase, Range, RangeEvent,
    RangeType, RejectReason, Report, Reporter, Resolution, Severity, Stamp,
};
use disclose::model::id::CaseId;
use disclose::model::policy::{MaintainedRelease, Package, Policy};
use disclose::store::to_json_bytes;

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RELEASES: [(&str, &str); 3] = [
    ("1.4", ">=1.4.0, <1.5.0"),
    ("1.5", ">=1.5.0, <1.6.0"),
    ("2.0", ">=2.0.0, <2.1.0"),
];
const MAINTAINERS: [&str; 4] = [
    "Ines Moreau <ines@example.org>",
    "Tomasz Wilk <tomasz@example.org>",
    "Kemi Adeyemi <kemi@example.org>",
    "Lars Berg <lars@example.org>",
];
const COMPONENTS: [&str; 8] = [
    "upload handler",
    "template engine",
    "session cookie parser",
    "admin panel",
    "archive extractor",
    "URL router",
    "password reset flow",
    "XML importer",
];
const FLAWS: [(&str, &str); 6] = [
    ("Path traversal", "CWE-22"),
    ("Stored XSS", "CWE-79"),
    ("SQL injection", "CWE-89"),
    ("Server-side request forgery", "CWE-918"),
    ("Denial of service via crafted input", "CWE-400"),
    ("Authentication bypass", "CWE-287"),
];

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, n) = match args.as_slice() {
        [dir, n] => match n.replace('_', "").parse::<usize>() {
            Ok(n) => (PathBuf::from(dir), n),
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    match generate(&dir, n) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "gen_store: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn usage() -> std::process::ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "usage: cargo run --release --example gen_store -- DIR N\n\
         Writes a store of N cases at DIR (which must not exist) and commits it."
    );
    std::process::ExitCode::from(2)
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn generate(dir: &Path, n: usize) -> Result<(), BoxError> {
    if dir.exists() {
        return Err(format!("{} exists; pick a new directory", dir.display()).into());
    }
    let now = Clock::system().now();
    let policy = Policy {
        project: Some("Frobnicator".to_owned()),
        contact: Some("security@frobnicator.example".to_owned()),
        maintained_releases: RELEASES
            .iter()
            .map(|(name, range)| MaintainedRelease {
                name: (*name).to_owned(),
                range: (*range).to_owned(),
            })
            .collect(),
        default_package: Some(package()),
        ..Policy::default()
    };
    std::fs::create_dir_all(dir.join("cases"))?;
    std::fs::write(dir.join("policy.json"), to_json_bytes(&policy))?;
    std::fs::write(dir.join("cases/.keep"), b"")?;

    // Build and write the cases on every core; each case only depends on its index.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let ids = unique_ids(n, now);
    let bytes_written = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let ids = &ids;
                let policy = &policy;
                s.spawn(move || -> Result<u64, BoxError> {
                    let mut total = 0;
                    for i in (t..n).step_by(threads) {
                        let case = build_case(i, ids[i].clone(), policy, now);
                        let bytes = to_json_bytes(&case);
                        total += bytes.len() as u64;
                        std::fs::write(dir.join("cases").join(case.id.file_name()), bytes)?;
                    }
                    Ok(total)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("generator thread"))
            .sum::<Result<u64, BoxError>>()
    })?;

    commit(dir, n)?;
    writeln!(
        std::io::stdout(),
        "{}: {n} cases, {} bytes of case JSON ({} per case)",
        dir.display(),
        bytes_written,
        bytes_written / n.max(1) as u64
    )?;
    Ok(())
}

/// `n` distinct IDs: the position is scrambled by an odd multiplier, which is
/// a bijection modulo 32^5, so no two cases of one year collide.
fn unique_ids(n: usize, now: DateTime<Utc>) -> Vec<CaseId> {
    (0..n)
        .map(|i| {
            let received = received_at(i, now);
            let mut x = (i as u64).wrapping_mul(0x9E37_79B1) % (1 << 25);
            let mut part = [0u8; 5];
            for slot in part.iter_mut().rev() {
                *slot = CROCKFORD[(x & 31) as usize];
                x >>= 5;
            }
            let year = chrono::Datelike::year(&received);
            format!("DISC-{year}-{}", std::str::from_utf8(&part).unwrap())
                .parse()
                .expect("generated IDs are valid")
        })
        .collect()
}

/// A small deterministic generator (splitmix64), seeded per case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn package() -> Package {
    Package {
        ecosystem: "crates.io".to_owned(),
        name: "frobnicator".to_owned(),
    }
}

/// Newer cases are more often still open; the store spans about three years.
fn received_at(i: usize, now: DateTime<Utc>) -> DateTime<Utc> {
    let mut rng = Rng(i as u64);
    now - TimeDelta::minutes(rng.below(3 * 365 * 24 * 60) as i64 + 60)
}

/// How far a case got: the last step of its life so far.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    New,
    Acknowledged,
    Confirmed,
    Fixed,
}

fn build_case(i: usize, id: CaseId, policy: &Policy, now: DateTime<Utc>) -> Case {
    let mut rng = Rng(i as u64 ^ 0x5EED);
    let received = received_at(i, now);
    let age = now - received;
    let (flaw, cwe) = *rng.pick(&FLAWS);
    let component = *rng.pick(&COMPONENTS);
    let reporter_no = rng.below(5000);
    let reporter = Reporter {
        name: Some(format!("Reporter {reporter_no}")),
        email: Some(format!("reporter{reporter_no}@mail.example")),
        handle: rng.chance(50).then(|| format!("finder{reporter_no}")),
    };
    let opener = *rng.pick(&MAINTAINERS);
    let new = NewCase {
        title: format!("{flaw} in the {component}"),
        received_at: Some(received),
        reporter,
        report: Report {
            description: Some(format!(
                "The {component} trusts a field of the request; see poc-{i}.txt (found in 1.{}).",
                rng.below(6)
            )),
            reproduction: None,
            impact: rng
                .chance(50)
                .then(|| "Read or change data of other users.".to_owned()),
            remediation: None,
        },
        internal: false,
    };
    let mut case = Case::open(id, new, policy.slas(), received, opener);

    // Old cases are mostly finished; recent ones are spread over the early stages.
    let stage = match (age.num_days(), rng.below(100)) {
        (0..=2, r) if r < 60 => Stage::New,
        (0..=2, _) => Stage::Acknowledged,
        (3..=30, r) if r < 40 => Stage::Acknowledged,
        (3..=30, _) => Stage::Confirmed,
        (31..=120, r) if r < 30 => Stage::Confirmed,
        _ => Stage::Fixed,
    };
    let mut at = received;
    let mut step = |rng: &mut Rng| {
        at = (at + TimeDelta::minutes(rng.below(24 * 60) as i64 + 5)).min(now);
        at
    };
    let by = *rng.pick(&MAINTAINERS);

    if stage >= Stage::Acknowledged {
        let t = step(&mut rng);
        case.acknowledge(t, Stamp { at: t, by }, None)
            .expect("new cases acknowledge");
        let t = step(&mut rng);
        case.record(
            EventKind::ContactLogged {
                direction: Direction::ToReporter,
                text: "Thanks; we are looking into it.".to_owned(),
                message_id: None,
                sent_at: None,
                attachments: Vec::new(),
            },
            t,
            by,
            None,
        );
    }
    // Many reports turn out not to need a fix: they close right after triage.
    if stage >= Stage::Acknowledged && rng.chance(45) {
        let t = step(&mut rng);
        if rng.chance(70) {
            let reason = *rng.pick(&[
                RejectReason::Invalid,
                RejectReason::OutOfScope,
                RejectReason::Duplicate,
            ]);
            case.record(
                EventKind::Rejected {
                    resolution: Resolution {
                        reason,
                        duplicate_of: None,
                        note: Some("Works as documented.".to_owned()),
                    },
                },
                t,
                by,
                Some("closing during triage".to_owned()),
            );
        } else {
            case.record(EventKind::Withdrawn { reason: None }, t, by, None);
        }
        return case;
    }
    if stage >= Stage::Confirmed {
        let t = step(&mut rng);
        let (score, rating, vector) = match rng.below(3) {
            0 => (
                9.8,
                "critical",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            ),
            1 => (
                6.1,
                "medium",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
            ),
            _ => (7.5, "high", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
        };
        case.record(
            EventKind::SeverityAssessed {
                severity: Some(Severity {
                    cvss: vector.to_owned(),
                    score,
                    rating: rating.to_owned(),
                    threat_score: None,
                    environmental_score: None,
                }),
                cwe: vec![cwe.to_owned()],
            },
            t,
            by,
            None,
        );
        let affected_releases: Vec<&str> = RELEASES
            .iter()
            .map(|(name, _)| *name)
            .filter(|_| rng.chance(50))
            .collect();
        let affected_releases = if affected_releases.is_empty() {
            vec!["2.0"]
        } else {
            affected_releases
        };
        let ranges = affected_releases
            .iter()
            .map(|name| Range {
                kind: RangeType::Semver,
                repo: None,
                events: vec![
                    RangeEvent::Introduced(format!("{name}.0")),
                    RangeEvent::Fixed(format!("{name}.{}", rng.below(9) + 1)),
                ],
            })
            .collect();
        let releases: BTreeMap<String, Decision> = RELEASES
            .iter()
            .map(|(name, _)| {
                let decision = if affected_releases.contains(name) {
                    Decision::Affected
                } else {
                    Decision::NotAffected
                };
                ((*name).to_owned(), decision)
            })
            .collect();
        let t = step(&mut rng);
        case.record(
            EventKind::AffectedAdded {
                package: package(),
                ranges,
                versions: Vec::new(),
                releases,
            },
            t,
            by,
            None,
        );
        let t = step(&mut rng);
        case.record(EventKind::Confirmed, t, by, None);
        let t = step(&mut rng);
        case.record(
            EventKind::NoteAdded {
                text: format!("Reproduced on {}.", affected_releases.join(", ")),
                private: true,
            },
            t,
            by,
            None,
        );
        if rng.chance(20) {
            let t = step(&mut rng);
            case.record(
                EventKind::Paused {
                    reason: "waiting on the reporter".to_owned(),
                },
                t,
                by,
                None,
            );
            if stage == Stage::Fixed || rng.chance(50) {
                let t = step(&mut rng);
                case.record(EventKind::Resumed, t, by, None);
            }
        }
        if stage == Stage::Fixed {
            for name in &affected_releases {
                let t = step(&mut rng);
                case.record(
                    EventKind::FixLinked {
                        release: (*name).to_owned(),
                        package: Some(package()),
                        commits: vec![format!("{:040x}", u128::from(rng.next()) << 64 | i as u128)],
                        pr: Some(format!(
                            "https://forge.example/frobnicator/pull/{}",
                            i + 100
                        )),
                        version: Some(format!("{name}.{}", rng.below(9) + 1)),
                        released_at: Some(t),
                    },
                    t,
                    by,
                    None,
                );
            }
            let t = step(&mut rng);
            case.record(
                EventKind::IdentifiersAssigned {
                    cve: Some(format!("CVE-{}-{}", chrono::Datelike::year(&t), 10000 + i)),
                    ghsa: None,
                },
                t,
                by,
                None,
            );
        }
        let t = step(&mut rng);
        case.record(
            EventKind::CreditSet {
                credit: Credit {
                    name: case.reporter.name.clone().unwrap_or_default(),
                    kind: CreditType::Finder,
                    consent: *rng.pick(&[Consent::Granted, Consent::Pending, Consent::Declined]),
                    contact: Vec::new(),
                },
            },
            t,
            by,
            None,
        );
        if rng.chance(15) {
            let t = step(&mut rng);
            case.record(
                EventKind::EmbargoAgreed {
                    until: Some(t + TimeDelta::days(30)),
                    offset: None,
                },
                t,
                by,
                None,
            );
        }
    }
    case
}

/// One commit of the whole tree; the index gets the files' stat data, as
/// `git add` would have left it.
fn commit(dir: &Path, n: usize) -> Result<(), BoxError> {
    let mut opts = git2::RepositoryInitOptions::new();
    opts.initial_head("main");
    let repo = git2::Repository::init_opts(dir, &opts)?;
    let mut config = repo.config()?;
    config.set_str("user.name", "Bench Maintainer")?;
    config.set_str("user.email", "bench@frobnicator.example")?;
    let mut index = repo.index()?;
    index.add_all(["*"], git2::IndexAddOption::DEFAULT, None)?;
    index.write()?;
    let tree = repo.find_tree(index.write_tree()?)?;
    let sig = git2::Signature::now("Bench Maintainer", "bench@frobnicator.example")?;
    repo.commit(
        Some("HEAD"),
        &sig,
        &sig,
        &format!("bench: {n} generated cases"),
        &tree,
        &[],
    )?;
    Ok(())
}
