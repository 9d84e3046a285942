//! PEP 440 (PyPI): epochs, pre-, post- and dev-releases and local versions,
//! ordered as the specification's "Summary of permitted suffixes and
//! relative ordering" says (`1.0.dev0 < 1.0a1 < 1.0rc1 < 1.0 < 1.0+local <
//! 1.0.post1`). Parsing and ordering are the `pep440_rs` crate's.

use std::str::FromStr as _;

pub(super) fn parse(text: &str) -> Result<pep440_rs::Version, String> {
    pep440_rs::Version::from_str(text).map_err(|e| e.to_string())
}
