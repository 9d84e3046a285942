//! Case IDs: `<PREFIX>-<YEAR>-<5 Crockford base32 chars>`.
//!
//! A `CaseId` is validated on construction: it can hold only upper-case ASCII
//! letters, digits and two dashes, so any `CaseId` is safe to join to a path.
//! A `CaseRef` is what a user may type: a full ID or a unique prefix of the
//! random part (`K7Q`), resolved against the store later.

use std::fmt;
use std::str::FromStr;

use rand::Rng;

/// Crockford's base32 alphabet: no I, L, O or U, so IDs survive being read aloud.
pub const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const RANDOM_LEN: usize = 5;
const MAX_PREFIX_LEN: usize = 16;

/// A valid case ID such as `DISC-2026-K7Q3M`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId(String);

/// Why a typed ID was refused. The message quotes what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid case ID {input:?}: expected PREFIX-YYYY-XXXXX (e.g. DISC-2026-K7Q3M) or a unique part of it (e.g. K7Q)"
)]
pub struct InvalidId {
    input: String,
}

/// Why a project prefix was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid ID prefix {0:?}: expected 1 to 16 upper-case letters or digits, starting with a letter"
)]
pub struct InvalidPrefix(pub String);

fn is_crockford(c: u8) -> bool {
    CROCKFORD.contains(&c)
}

/// Checks an ID prefix such as `DISC` or `POET`.
pub fn validate_prefix(prefix: &str) -> Result<(), InvalidPrefix> {
    let ok = !prefix.is_empty()
        && prefix.len() <= MAX_PREFIX_LEN
        && prefix.as_bytes()[0].is_ascii_uppercase()
        && prefix
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(InvalidPrefix(prefix.to_owned()))
    }
}

/// Splits `PREFIX-YYYY-REST` and checks prefix and year; `REST` is returned unchecked.
fn split(s: &str) -> Option<(&str, &str, &str)> {
    let mut parts = s.splitn(3, '-');
    let (prefix, year, rest) = (parts.next()?, parts.next()?, parts.next()?);
    validate_prefix(prefix).ok()?;
    (year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit())).then_some((prefix, year, rest))
}

impl CaseId {
    /// A fresh random ID; the caller checks it against the store.
    pub fn random(prefix: &str, year: i32, rng: &mut impl Rng) -> Self {
        let random: String = (0..RANDOM_LEN)
            .map(|_| CROCKFORD[rng.random_range(0..CROCKFORD.len())] as char)
            .collect();
        Self(format!("{prefix}-{year:04}-{random}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The random part, e.g. `K7Q3M`.
    pub fn random_part(&self) -> &str {
        &self.0[self.0.len() - RANDOM_LEN..]
    }

    /// The case file's name, `DISC-2026-K7Q3M.json`.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.0)
    }
}

impl FromStr for CaseId {
    type Err = InvalidId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidId {
            input: s.to_owned(),
        };
        let (_, _, random) = split(s).ok_or_else(invalid)?;
        if random.len() == RANDOM_LEN && random.bytes().all(is_crockford) {
            Ok(Self(s.to_owned()))
        } else {
            Err(invalid())
        }
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::model::serde_str::serde_as_str!(CaseId);

/// A case as the user typed it: a full ID, or part of one to resolve against the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRef {
    Full(CaseId),
    /// A prefix of the random part, optionally behind `PREFIX-YYYY-`.
    Partial {
        scope: Option<String>,
        random: String,
    },
}

impl CaseRef {
    /// Whether `id` is what this reference names.
    pub fn matches(&self, id: &CaseId) -> bool {
        match self {
            Self::Full(full) => full == id,
            Self::Partial { scope, random } => {
                let scoped = scope
                    .as_ref()
                    .is_none_or(|s| id.as_str().len() > s.len() && id.as_str().starts_with(s));
                scoped && id.random_part().starts_with(random.as_str())
            }
        }
    }
}

impl CaseRef {
    /// The IDs among `ids` this reference was probably meant to be: within
    /// two edits of a full ID; for a part of one, within one edit of the
    /// start of a random part as long as it (two from five characters). A
    /// part shorter than three characters suggests nothing.
    pub fn suggestions<'a>(&self, ids: &'a [CaseId]) -> Vec<&'a CaseId> {
        use crate::model::suggest::distance;
        let mut near: Vec<(usize, &CaseId)> = match self {
            Self::Full(typed) => ids
                .iter()
                .map(|id| (distance(typed.as_str(), id.as_str()), id))
                .filter(|&(d, _)| d <= 2)
                .collect(),
            Self::Partial { random, .. } if random.len() >= 3 => {
                let most = if random.len() >= 5 { 2 } else { 1 };
                ids.iter()
                    .map(|id| {
                        let part = id.random_part();
                        (distance(random, &part[..random.len().min(part.len())]), id)
                    })
                    .filter(|&(d, _)| d <= most)
                    .collect()
            }
            Self::Partial { .. } => Vec::new(),
        };
        near.sort();
        near.into_iter().take(3).map(|(_, id)| id).collect()
    }
}

impl FromStr for CaseRef {
    type Err = InvalidId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidId {
            input: s.to_owned(),
        };
        let upper = s.to_ascii_uppercase();
        if let Ok(id) = upper.parse::<CaseId>() {
            return Ok(Self::Full(id));
        }
        let partial =
            |r: &str| !r.is_empty() && r.len() <= RANDOM_LEN && r.bytes().all(is_crockford);
        if partial(&upper) {
            return Ok(Self::Partial {
                scope: None,
                random: upper,
            });
        }
        match split(&upper) {
            Some((prefix, year, random)) if partial(random) => Ok(Self::Partial {
                scope: Some(format!("{prefix}-{year}-")),
                random: random.to_owned(),
            }),
            _ => Err(invalid()),
        }
    }
}

impl fmt::Display for CaseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Full(id) => id.fmt(f),
            Self::Partial { scope, random } => {
                write!(f, "{}{random}", scope.as_deref().unwrap_or_default())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_well_formed_ids() {
        let id: CaseId = "DISC-2026-K7Q3M".parse().unwrap();
        assert_eq!(id.random_part(), "K7Q3M");
        assert_eq!(id.file_name(), "DISC-2026-K7Q3M.json");
    }

    #[test]
    fn rejects_anything_that_could_be_a_path() {
        for bad in [
            "",
            "../x",
            "DISC-2026-1/../../etc",
            "/etc/passwd",
            "DISC-2026-K7Q3\0",
            "DISC-2026-K7Q3M/",
            "DISC-2026-K7QIM",
            "disc-2026-K7Q3M",
            "DISC-26-K7Q3M",
            "DISC-2026-K7Q3MM",
            "-2026-K7Q3M",
        ] {
            assert!(bad.parse::<CaseId>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn references_accept_partial_random_parts() {
        let id: CaseId = "DISC-2026-K7Q3M".parse().unwrap();
        for typed in ["K7Q", "k7q", "K", "DISC-2026-K7", "disc-2026-k7q3m"] {
            let r: CaseRef = typed.parse().unwrap();
            assert!(r.matches(&id), "{typed}");
        }
        let other: CaseRef = "K8".parse().unwrap();
        assert!(!other.matches(&id));
        for bad in [
            "../x",
            "K7Q/",
            "",
            "K7Q3MX",
            "DISC-2026-",
            "DISC-2026-1/../../etc",
            ".",
        ] {
            assert!(bad.parse::<CaseRef>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn random_ids_parse_back() {
        let mut rng = rand::rng();
        for _ in 0..100 {
            let id = CaseId::random("DISC", 2026, &mut rng);
            assert_eq!(id.as_str().parse::<CaseId>().unwrap(), id);
        }
    }

    #[test]
    fn prefixes_are_validated() {
        assert!(validate_prefix("DISC").is_ok());
        assert!(validate_prefix("POET2").is_ok());
        for bad in ["", "disc", "2DISC", "DI-SC", "D/C", "ABCDEFGHIJKLMNOPQ"] {
            assert!(validate_prefix(bad).is_err(), "{bad}");
        }
    }
}
