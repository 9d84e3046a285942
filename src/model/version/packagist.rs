//! Composer (Packagist) versions: normalised as Composer's
//! `VersionParser::normalize` does (`v1.0-beta.2` becomes `1.0.0.0-beta2`,
//! `a`/`b`/`p`/`pl`/`rc` become `alpha`/`beta`/`patch`/`patch`/`RC`,
//! `-stable` and build metadata are dropped), then compared as PHP's
//! `version_compare` compares them: `dev < alpha < beta < RC < (release) <
//! patch`, so `1.0.0-patch1` is above `1.0.0`. Branch names (`dev-main`)
//! are not versions and are refused.

use std::cmp::Ordering;

/// A normalised Composer version, split into `version_compare`'s parts.
#[derive(Debug, Clone)]
pub(crate) struct ComposerVersion(Vec<String>);

pub(super) fn parse(text: &str) -> Result<ComposerVersion, String> {
    normalize(text).map(|n| ComposerVersion(parts(&n)))
}

const MODIFIERS: [&str; 9] = [
    "stable", "beta", "b", "rc", "alpha", "a", "patch", "pl", "p",
];

fn normalize(text: &str) -> Result<String, String> {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("dev-") || lower.ends_with(".x-dev") {
        return Err("a branch name, not a released version".into());
    }
    let v = text.split_once('+').map_or(text, |(v, _)| v);
    let v = v.strip_prefix(['v', 'V']).unwrap_or(v);
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // MAJOR[.MINOR[.PATCH[.BUILD]]], up to five digits each (longer is a date).
    let mut numbers: Vec<&str> = Vec::new();
    let mut rest = v;
    loop {
        let n = digits(rest);
        if n == 0 || (numbers.is_empty() && n > 5) || numbers.len() == 4 {
            break;
        }
        numbers.push(&rest[..n]);
        rest = &rest[n..];
        match rest.strip_prefix('.') {
            Some(r) if digits(r) > 0 && numbers.len() < 4 => rest = r,
            _ => break,
        }
    }
    if numbers.is_empty() {
        return Err("expected a version such as 1.2.3, v2.0.0-RC1 or 1.0.0-patch1".into());
    }
    let mut out: Vec<String> = numbers
        .iter()
        .map(|n| {
            let t = n.trim_start_matches('0');
            if t.is_empty() {
                "0".to_owned()
            } else {
                t.to_owned()
            }
        })
        .collect();
    while out.len() < 4 {
        out.push("0".into());
    }
    let mut normalized = out.join(".");
    let mut rest = rest.strip_prefix(['.', '_', '-']).unwrap_or(rest);
    let lowered = rest.to_ascii_lowercase();
    if let Some(modifier) = MODIFIERS.iter().find(|m| lowered.starts_with(**m)) {
        rest = &rest[modifier.len()..];
        let number_len = rest
            .bytes()
            .take_while(|c| c.is_ascii_digit() || *c == b'.' || *c == b'-')
            .count();
        let mut number = &rest[..number_len];
        // A trailing "-dev" or ".dev" is the dev flag, not the number.
        let dev_tail = rest[number_len..].to_ascii_lowercase();
        if dev_tail == "dev" && (number.ends_with('.') || number.ends_with('-')) {
            number = &number[..number.len() - 1];
        }
        rest = &rest[number.len()..];
        let number = number.trim_start_matches(['.', '-']);
        if !number.is_empty()
            && !number
                .split(['.', '-'])
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        {
            return Err(format!("{text:?}: malformed stability number"));
        }
        if *modifier != "stable" {
            let expanded = match *modifier {
                "a" => "alpha",
                "b" => "beta",
                "p" | "pl" => "patch",
                "rc" => "RC",
                other => other,
            };
            normalized.push('-');
            normalized.push_str(expanded);
            normalized.push_str(number);
        }
    }
    let tail = rest.to_ascii_lowercase();
    match tail.as_str() {
        "" => {}
        "dev" | ".dev" | "-dev" => normalized.push_str("-dev"),
        _ => return Err(format!("unexpected {rest:?} after the version number")),
    }
    Ok(normalized)
}

/// The parts `version_compare` compares: separators `-`, `_`, `+` become
/// dots, and a dot goes between a run of digits and a run of letters.
fn parts(v: &str) -> Vec<String> {
    let mut canon = String::new();
    let mut last: Option<char> = None;
    for c in v.chars() {
        let is_digit = c.is_ascii_digit();
        if matches!(c, '-' | '_' | '+') || !c.is_ascii_alphanumeric() {
            if !canon.ends_with('.') {
                canon.push('.');
            }
        } else {
            if let Some(l) = last
                && l != '.'
                && l.is_ascii_alphanumeric()
                && l.is_ascii_digit() != is_digit
                && !canon.ends_with('.')
            {
                canon.push('.');
            }
            canon.push(c);
        }
        last = Some(c);
    }
    canon
        .split('.')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// PHP's order of special forms; a number is `#`; anything else is below `dev`.
fn special(form: &str) -> i32 {
    const FORMS: [(&str, i32); 10] = [
        ("dev", 0),
        ("alpha", 1),
        ("a", 1),
        ("beta", 2),
        ("b", 2),
        ("RC", 3),
        ("rc", 3),
        ("#", 4),
        ("pl", 5),
        ("p", 5),
    ];
    FORMS
        .iter()
        .find(|(name, _)| form.starts_with(name))
        .map_or(-1, |(_, order)| *order)
}

fn is_number(p: &str) -> bool {
    p.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn cmp_numbers(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn cmp_part(a: &str, b: &str) -> Ordering {
    match (is_number(a), is_number(b)) {
        (true, true) => cmp_numbers(a, b),
        (false, false) => special(a).cmp(&special(b)),
        (true, false) => special("#").cmp(&special(b)),
        (false, true) => special(a).cmp(&special("#")),
    }
}

impl Ord for ComposerVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.0.iter().zip(&other.0) {
            let order = cmp_part(a, b);
            if order.is_ne() {
                return order;
            }
        }
        // The longer one wins when its next part is a number; otherwise that
        // part is compared with a number.
        match self.0.len().cmp(&other.0.len()) {
            Ordering::Equal => Ordering::Equal,
            Ordering::Greater => {
                let next = &self.0[other.0.len()];
                if is_number(next) {
                    Ordering::Greater
                } else {
                    special(next).cmp(&special("#"))
                }
            }
            Ordering::Less => {
                let next = &other.0[self.0.len()];
                if is_number(next) {
                    Ordering::Less
                } else {
                    special("#").cmp(&special(next))
                }
            }
        }
    }
}

impl PartialOrd for ComposerVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ComposerVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for ComposerVersion {}
