//! The summary cache under `.git/disclose/` is checked before it is used:
//! a damaged byte anywhere in it, or a cache from another version, is
//! rebuilt from the case files and never served.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::common::{TestEnv, stdout};

const NOW: &str = "2026-03-05T12:00:00Z";

fn status_json(env: &TestEnv) -> String {
    let out = env
        .disclose_at(NOW)
        .args(["status", "--json", "--all"])
        .assert()
        .success();
    let text = stdout(&out);
    serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
    text
}

/// Case files written an hour ago: the cache keeps only files older than
/// itself by a second.
fn age_cases(env: &TestEnv) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(env.store.join("cases")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
}

/// About `n` positions spread over the bytes, and every fifth byte of the
/// first line (the header).
fn positions(bytes: &[u8], n: usize) -> Vec<usize> {
    let header = bytes.iter().position(|&b| b == b'\n').unwrap_or(0) + 1;
    let step = (bytes.len() / n).max(1);
    let mut at: Vec<usize> = (0..header)
        .step_by(5)
        .chain((header..bytes.len()).step_by(step))
        .collect();
    at.dedup();
    at
}

/// Another byte at `i`, a plausible one (a digit stays a digit).
fn damage(bytes: &mut [u8], i: usize) {
    bytes[i] = match bytes[i] {
        b'9' => b'0',
        b @ b'0'..=b'8' => b + 1,
        b => b ^ 0x01,
    };
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt_never_served() {
    let env = TestEnv::with_store("two-open-cases");
    env.open("third", &["--reporter-name", "Ada"]);
    env.open("fourth", &[]);
    age_cases(&env);
    let expected = status_json(&env);
    let dir = env.store.join(".git/disclose");
    let summaries = std::fs::read(dir.join("summaries")).unwrap();
    let lines = summaries.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(lines, 5, "the header and the four cases are cached");
    let header =
        String::from_utf8_lossy(&summaries[..summaries.iter().position(|&b| b == b'\n').unwrap()])
            .into_owned();
    let bodies_name = header
        .split(['\t', ' '])
        .find(|w| w.starts_with("bodies-"))
        .unwrap()
        .to_owned();
    let bodies = std::fs::read(dir.join(&bodies_name)).unwrap();
    assert_eq!(status_json(&env), expected, "served from the cache");

    let restore = |dir: &Path| {
        std::fs::write(dir.join("summaries"), &summaries).unwrap();
        std::fs::write(dir.join(&bodies_name), &bodies).unwrap();
    };
    let mut tried = 0;
    for (name, original) in [("summaries", &summaries), (bodies_name.as_str(), &bodies)] {
        for i in positions(original, 45) {
            restore(&dir);
            let mut damaged = original.clone();
            damage(&mut damaged, i);
            std::fs::write(dir.join(name), &damaged).unwrap();
            assert_eq!(status_json(&env), expected, "{name}: byte {i} damaged");
            tried += 1;
        }
    }
    assert!(tried > 80, "{tried}");

    // A cache written by another version of the tool is rebuilt whole.
    restore(&dir);
    let version = header.split(' ').nth(1).unwrap();
    assert!(
        version.ends_with(&format!("/{}", env!("CARGO_PKG_VERSION"))),
        "{header}"
    );
    let foreign =
        String::from_utf8_lossy(&summaries).replacen(version, "0123456789abcdef/0.0.1", 1);
    std::fs::write(dir.join("summaries"), foreign.as_bytes()).unwrap();
    assert_eq!(status_json(&env), expected);
    let rebuilt = std::fs::read(dir.join("summaries")).unwrap();
    assert!(
        rebuilt.starts_with(format!("disclose-summaries {version} ").as_bytes()),
        "rewritten"
    );
    assert_eq!(rebuilt.iter().filter(|&&b| b == b'\n').count(), 5);
}
