//! Each scheme against real version lists of its ecosystem, in
//! `tests/fixtures/versions/` (each file names its sources): every pair of
//! the list in ascending order, and the equal pairs it names.

use super::*;

fn check_list(scheme: Scheme, text: &str) {
    let mut ordered: Vec<Version> = Vec::new();
    let mut equal = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parse = |v: &str| {
            scheme
                .parse(v)
                .unwrap_or_else(|e| panic!("{scheme}: {v}: {e}"))
        };
        if let Some((a, b)) = line.split_once(" == ") {
            assert_eq!(parse(a).cmp(&parse(b)), Ordering::Equal, "{scheme}: {line}");
            equal += 1;
        } else {
            ordered.push(parse(line));
        }
    }
    assert!(
        ordered.len() >= 10 && equal >= 2,
        "{scheme}: list too short"
    );
    for (i, a) in ordered.iter().enumerate() {
        for b in &ordered[i + 1..] {
            assert_eq!(a.cmp(b), Ordering::Less, "{scheme}: {a} < {b}");
            assert_eq!(b.cmp(a), Ordering::Greater, "{scheme}: {b} > {a}");
        }
    }
}

#[test]
fn semver_orders_as_the_spec_says() {
    check_list(
        Scheme::SemVer,
        include_str!("../../../tests/fixtures/versions/semver.txt"),
    );
}

#[test]
fn go_orders_pseudo_versions_and_drops_the_v() {
    check_list(
        Scheme::Go,
        include_str!("../../../tests/fixtures/versions/go.txt"),
    );
    let fix = Scheme::Go
        .parse("v0.0.0-20220906165146-f3363e06e74c")
        .unwrap();
    assert_eq!(fix.as_str(), "0.0.0-20220906165146-f3363e06e74c");
    let floor = Scheme::Go.line_floor(&Scheme::Go.parse("1.19.0").unwrap());
    assert_eq!(floor.as_str(), "1.19.0-0");
    assert!(floor < Scheme::Go.parse("v1.19.0-rc.1").unwrap());
    assert!(floor > Scheme::Go.parse("1.18.6").unwrap());
    assert!(
        Scheme::Go.parse("v1.2").is_err(),
        "modules need all three numbers"
    );
}

#[test]
fn pep440_orders_pre_post_dev_and_local_releases() {
    check_list(
        Scheme::Pep440,
        include_str!("../../../tests/fixtures/versions/pep440.txt"),
    );
    let v = Scheme::Pep440.parse("4.5.2.post1").unwrap();
    assert!(v > Scheme::Pep440.parse("4.5.2").unwrap());
    assert!(v < Scheme::Pep440.parse("4.5.3rc1").unwrap());
}

#[test]
fn maven_orders_qualifiers() {
    check_list(
        Scheme::Maven,
        include_str!("../../../tests/fixtures/versions/maven.txt"),
    );
}

#[test]
fn rubygems_orders_prereleases_below_releases() {
    check_list(
        Scheme::RubyGems,
        include_str!("../../../tests/fixtures/versions/rubygems.txt"),
    );
}

#[test]
fn nuget_orders_revisions_before_labels() {
    check_list(
        Scheme::NuGet,
        include_str!("../../../tests/fixtures/versions/nuget.txt"),
    );
}

#[test]
fn composer_orders_patch_above_the_release() {
    check_list(
        Scheme::Packagist,
        include_str!("../../../tests/fixtures/versions/packagist.txt"),
    );
}

#[test]
fn bad_versions_name_the_scheme_and_an_example() {
    for (scheme, bad) in [
        (Scheme::SemVer, "v1.4.2"),
        (Scheme::SemVer, "1.4"),
        (Scheme::Go, "1.4"),
        (Scheme::Pep440, "4.5.2.foo"),
        (Scheme::Maven, "Final"),
        (Scheme::RubyGems, "1..2"),
        (Scheme::NuGet, "1.2.3.4.5"),
        (Scheme::Packagist, "dev-main"),
        (Scheme::Packagist, "1.0.0-nightly"),
        (Scheme::SemVer, ""),
        (Scheme::Pep440, "1.0, 2.0"),
    ] {
        let e = scheme.parse(bad).unwrap_err().to_string();
        assert!(
            e.contains(&format!("{bad:?}")) || bad.is_empty(),
            "{scheme} {bad}: {e}"
        );
        if !bad.is_empty() {
            assert!(
                e.contains(scheme.name()) && e.contains(scheme.example()),
                "{e}"
            );
        }
    }
}

#[test]
fn ecosystems_pick_their_scheme_and_record_types() {
    assert_eq!(Scheme::of("crates.io"), Some(Scheme::SemVer));
    assert_eq!(Scheme::of("npm"), Some(Scheme::SemVer));
    assert_eq!(
        Scheme::of("Maven:https://maven.google.com"),
        Some(Scheme::Maven)
    );
    assert_eq!(Scheme::of("Debian:12"), None);
    assert_eq!(Scheme::Pep440.range_type(), RangeType::Ecosystem);
    assert_eq!(Scheme::Go.range_type(), RangeType::Semver);
    assert_eq!(Scheme::Pep440.cve_version_type(), "python");
    assert_eq!(Scheme::Maven.cve_version_type(), "maven");
}

mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Ordering is total and consistent: antisymmetric and transitive on
        /// whatever the generator makes of each scheme's syntax.
        #[test]
        fn orderings_are_total(
            scheme in proptest::sample::select(Scheme::ALL.to_vec()),
            parts in proptest::collection::vec((0u8..4, 0u8..3, proptest::sample::select(vec!["", "-rc1", ".post1", "-alpha", "-1", ".Final", "-beta.2", "rc1", "-SNAPSHOT"])), 3),
        ) {
            let versions: Vec<Version> = parts
                .iter()
                .filter_map(|(a, b, s)| scheme.parse(&format!("{a}.{b}.0{s}")).ok())
                .collect();
            for x in &versions {
                prop_assert_eq!(x.cmp(x), Ordering::Equal);
                for y in &versions {
                    prop_assert_eq!(x.cmp(y), y.cmp(x).reverse());
                    for z in &versions {
                        if x <= y && y <= z {
                            prop_assert!(x <= z, "{} {} {}", x, y, z);
                        }
                    }
                }
            }
        }
    }
}
