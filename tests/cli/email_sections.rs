//! What closes a reporter's email (sign-offs, signatures in every
//! spelling, PGP armour, closing paragraphs) never lands in a report
//! section, and `open --from-email` says what went where.

use serde_json::Value;

use crate::common::{TestEnv, stderr, stdout};
use crate::open_email::fixture;

fn open(env: &TestEnv, name: &str) -> (Value, String) {
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(fixture(name))
        .assert()
        .success();
    (env.case(stdout(&out).trim()), stderr(&out))
}

fn field<'a>(case: &'a Value, name: &str) -> &'a str {
    case["report"][name].as_str().unwrap_or_default()
}

/// No field holds any of `needles`.
fn nowhere(case: &Value, needles: &[&str]) {
    for name in ["description", "reproduction", "impact", "remediation"] {
        for needle in needles {
            assert!(
                !field(case, name).contains(needle),
                "{needle:?} in {name}: {}",
                field(case, name)
            );
        }
    }
}

#[test]
fn a_quoted_printable_signature_and_sign_off_stay_out() {
    let env = TestEnv::init();
    let (case, err) = open(&env, "qp-signature.eml");
    assert_eq!(
        field(&case, "remediation"),
        "Round the row stride up to a multiple of four."
    );
    assert_eq!(
        field(&case, "impact"),
        "Remote code execution in the worker."
    );
    nowhere(
        &case,
        &["Cordialement", "offensive", "rene.example.fr", "Bonjour"],
    );
    // The closing paragraph says something (their timeline, a phone
    // number): it is kept, in the description, not in "remediation".
    let description = field(&case, "description");
    assert!(
        description.starts_with("The thumbnail scaler writes past its buffer"),
        "{description}"
    );
    assert!(description.ends_with("+33 1 23 45 67 89."), "{description}");
    assert!(
        err.contains(
            "report: description 2 lines, reproduction 2 lines, impact 1 line, remediation 1 line; \
             3 lines of greeting, sign-off and signature left out"
        ),
        "{err}"
    );
}

#[test]
fn an_8bit_bare_dash_signature_and_a_pgp_block_stay_out() {
    let env = TestEnv::init();
    let (case, err) = open(&env, "8bit-signature.eml");
    assert_eq!(
        field(&case, "remediation"),
        "Bind the parameter instead of formatting it into the query."
    );
    assert_eq!(
        field(&case, "reproduction"),
        "curl \"https://demo.example.org/search?größe=1%27%20OR%201=1--\""
    );
    nowhere(
        &case,
        &["Grüßen", "Sicherheitsforschung", "PGP", "iQEz", "Hallo"],
    );
    assert!(
        field(&case, "description")
            .ends_with("Feel free to call me if anything is unclear: +49 30 1234 5678."),
        "{}",
        field(&case, "description")
    );
    assert!(
        err.contains("report: description 2 lines, reproduction 1 line, remediation 1 line;"),
        "{err}"
    );
}

#[test]
fn an_undecoded_quoted_printable_delimiter_still_ends_the_report() {
    let env = TestEnv::init();
    let (case, err) = open(&env, "undecoded-qp-signature.eml");
    assert_eq!(
        field(&case, "impact"),
        "Phishing with a link that starts on the real site."
    );
    nowhere(&case, &["Thanks", "Mallory", "red team", "=20"]);
    assert!(
        err.contains("4 lines of greeting, sign-off and signature left out"),
        "{err}"
    );
}

#[test]
fn the_plain_fixture_says_where_each_section_went() {
    let env = TestEnv::init();
    let (_, err) = open(&env, "plain.eml");
    assert!(
        err.contains("report: description 2 lines, reproduction 2 lines, impact 1 line, remediation 1 line; 3 lines of greeting, sign-off and signature left out"),
        "{err}"
    );
}
