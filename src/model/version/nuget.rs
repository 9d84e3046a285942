//! NuGet versions, ordered as `NuGet.Versioning`'s default comparer:
//! `MAJOR[.MINOR[.PATCH[.REVISION]]][-LABEL(.LABEL)*][+METADATA]`, missing
//! numbers being 0. The four numbers compare first (so `1.0.1.1-alpha` is
//! above `1.0.1`), then a version without labels is above one with them;
//! labels compare in turn, numbers as numbers, a number below a word, words
//! without regard to case; a shorter list of equal labels is lower.
//! Metadata does not order.

use std::cmp::Ordering;

#[derive(Debug, Clone)]
pub(crate) struct NuGetVersion {
    numbers: [u64; 4],
    labels: Vec<String>,
}

pub(super) fn parse(text: &str) -> Result<NuGetVersion, String> {
    let text = text
        .split_once('+')
        .map_or(text, |(v, meta)| if meta.is_empty() { "" } else { v });
    let (core, labels) = match text.split_once('-') {
        Some((c, l)) => (c, Some(l)),
        None => (text, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return Err("expected one to four numbers separated by dots".into());
    }
    let mut numbers = [0u64; 4];
    for (slot, part) in numbers.iter_mut().zip(&parts) {
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(format!("{part:?} is not a number"));
        }
        *slot = part.parse().map_err(|_| format!("{part:?} is too large"))?;
    }
    let labels = match labels {
        None => Vec::new(),
        Some(l) => {
            let labels: Vec<String> = l.split('.').map(str::to_owned).collect();
            if labels
                .iter()
                .any(|s| s.is_empty() || !s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
            {
                return Err("release labels are letters, digits and '-' separated by dots".into());
            }
            labels
        }
    };
    Ok(NuGetVersion { numbers, labels })
}

fn numeric(label: &str) -> Option<u64> {
    label
        .bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| label.parse().ok())
        .flatten()
}

fn cmp_label(a: &str, b: &str) -> Ordering {
    match (numeric(a), numeric(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.to_ascii_uppercase().cmp(&b.to_ascii_uppercase()),
    }
}

impl Ord for NuGetVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.numbers.cmp(&other.numbers).then_with(|| {
            match (self.labels.is_empty(), other.labels.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.labels.iter().zip(&other.labels) {
                        let order = cmp_label(a, b);
                        if order.is_ne() {
                            return order;
                        }
                    }
                    self.labels.len().cmp(&other.labels.len())
                }
            }
        })
    }
}

impl PartialOrd for NuGetVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for NuGetVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for NuGetVersion {}
