//! The fix matrix read as one decision: per maintained release, whether it
//! is affected, and for an affected one, each affected package's fix. Every
//! view of the matrix (`show`, `status`, the drafts, every export) asks the
//! functions here, so they cannot disagree.
//!
//! The packages of a case ship together: an affected release needs a
//! released fix of every affected package. A fix on a release that is not
//! affected (which the commands refuse, but a merge of two clones can
//! bring) counts for nothing.

use std::collections::BTreeMap;

use super::{Affected, Case, Decision, Fix, ReleaseStatus};
use crate::model::policy::Package;

/// One affected package's fix on one release, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageFix<'a> {
    pub package: &'a Package,
    pub fix: Option<&'a Fix>,
}

impl PackageFix<'_> {
    /// The released version, once there is one.
    pub fn version(&self) -> Option<&str> {
        self.fix.and_then(|f| f.version.as_deref())
    }
}

/// The fix of `package` on `release`: its own, else one recorded before
/// fixes were per package.
pub fn fix_for<'a>(fixes: &'a [Fix], release: &str, package: &Package) -> Option<&'a Fix> {
    let on = || fixes.iter().filter(|f| f.release == release);
    on().find(|f| f.package.as_ref() == Some(package))
        .or_else(|| on().find(|f| f.package.is_none()))
}

/// Each affected package (once) with its fix on `release`.
pub fn package_fixes<'a>(
    affected: &'a [Affected],
    fixes: &'a [Fix],
    release: &str,
) -> Vec<PackageFix<'a>> {
    let mut out: Vec<PackageFix<'a>> = Vec::new();
    for a in affected {
        if out.iter().any(|p| p.package == &a.package) {
            continue;
        }
        out.push(PackageFix {
            package: &a.package,
            fix: fix_for(fixes, release, &a.package),
        });
    }
    out
}

/// Whether every affected package has a released fix on `release`.
pub fn release_fixed(affected: &[Affected], fixes: &[Fix], release: &str) -> bool {
    let packages = package_fixes(affected, fixes, release);
    !packages.is_empty() && packages.iter().all(|p| p.version().is_some())
}

/// Whether the matrix is complete: some package is affected, some release
/// is affected or decided wont-fix/eol, none is unknown, and every affected
/// release has a released fix of every affected package.
pub(crate) fn matrix_complete(
    affected: &[Affected],
    releases: &BTreeMap<String, ReleaseStatus>,
    fixes: &[Fix],
) -> bool {
    if affected.is_empty() {
        return false;
    }
    let mut any = false;
    for (name, row) in releases {
        match row.decision {
            Decision::NotAffected => {}
            Decision::WontFix | Decision::Eol => any = true,
            Decision::Unknown => return false,
            Decision::Affected => {
                any = true;
                if !release_fixed(affected, fixes, name) {
                    return false;
                }
            }
        }
    }
    any
}

impl Case {
    /// The fix of `package` on `release` (its own, else a release-wide one).
    pub fn fix_for(&self, release: &str, package: &Package) -> Option<&Fix> {
        fix_for(&self.fixes, release, package)
    }

    /// The fixes that count: those on releases decided affected.
    pub fn counted_fixes(&self) -> impl Iterator<Item = &Fix> {
        self.fixes.iter().filter(|f| {
            self.releases
                .get(&f.release)
                .is_some_and(|r| r.decision == Decision::Affected)
        })
    }

    /// The fix matrix in words: `1.4: fixed in 1.4.2`, `1.5: fix prepared
    /// (PR #812)`; with several packages, each package's state.
    pub fn matrix_words(&self) -> Vec<String> {
        self.releases
            .iter()
            .map(|(name, row)| {
                let words = match row.decision {
                    Decision::Affected => self.affected_words(name),
                    Decision::NotAffected => "not affected".to_owned(),
                    Decision::Unknown => "unknown".to_owned(),
                    Decision::WontFix => "won't fix".to_owned(),
                    Decision::Eol => "end of life".to_owned(),
                };
                format!("{name}: {words}")
            })
            .collect()
    }

    fn affected_words(&self, release: &str) -> String {
        let packages = package_fixes(&self.affected, &self.fixes, release);
        let one = |fix: Option<&Fix>| match fix {
            Some(f) if f.version.is_some() => {
                format!("fixed in {}", f.version.as_deref().unwrap_or_default())
            }
            Some(f) => match &f.pr {
                Some(pr) => format!("fix prepared (PR {pr})"),
                None => "fix prepared".to_owned(),
            },
            None => "affected, no fix yet".to_owned(),
        };
        match packages.as_slice() {
            // Before any package is recorded, a fix is the release's.
            [] => one(self.fixes.iter().find(|f| f.release == release)),
            [only] => one(only.fix),
            many => many
                .iter()
                .map(|p| match p.fix {
                    None => format!("{} no fix yet", p.package.name),
                    fix => format!("{} {}", p.package.name, one(fix)),
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}
