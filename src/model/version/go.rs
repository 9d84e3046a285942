//! Go module versions: SemVer with a `v` prefix (optional here, dropped in
//! OSV, as Go's database writes them), full `MAJOR.MINOR.PATCH`, and
//! pseudo-versions such as `v0.0.0-20220906165146-f3363e06e74c`, which are
//! SemVer pre-releases and sort as such (below `v0.0.0`, above the `0` that
//! OSV uses for "every version before"). `+incompatible` is build metadata
//! and does not order.

pub(super) fn parse(text: &str) -> Result<::semver::Version, String> {
    let bare = text.strip_prefix('v').unwrap_or(text);
    ::semver::Version::parse(bare).map_err(|e| {
        format!("{e}; Go module versions are vMAJOR.MINOR.PATCH, pre-releases and pseudo-versions included")
    })
}
