//! SemVer 2.0, as OSV's `SEMVER` ranges and crates.io, npm, Hex and Pub use
//! it: `MAJOR.MINOR.PATCH[-PRE][+BUILD]`, no `v`, no leading zeros.
//! Ordered by precedence (section 11 of the spec), build metadata ignored.

pub(super) fn parse(text: &str) -> Result<::semver::Version, String> {
    if text.starts_with(['v', 'V']) {
        return Err("SemVer versions have no leading \"v\"".into());
    }
    ::semver::Version::parse(text).map_err(|e| e.to_string())
}
