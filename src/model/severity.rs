//! CVSS vectors and CWE, CVE and GHSA identifiers: validated before they
//! enter a case, so exports can trust them.

use std::collections::BTreeSet;

use crate::model::case::Severity;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

const V3_BASE: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

/// Scores a CVSS 3.0, 3.1 or 4.0 vector.
pub fn assess(vector: &str) -> Result<Severity, InvalidValue> {
    let vector = vector.trim();
    let bad = |why: String| InvalidValue(format!("invalid CVSS vector {vector:?}: {why}"));
    if !vector.starts_with("CVSS:") {
        return Err(bad(
            "expected a CVSS 3.1 or 4.0 vector starting with CVSS:3.1/ or CVSS:4.0/ (CVSS v2 is not supported)".into(),
        ));
    }
    if vector.starts_with("CVSS:3.") {
        // The parser accepts partial v3 vectors and scores them 0.0.
        let keys: Vec<&str> = vector
            .split('/')
            .skip(1)
            .filter_map(|m| m.split(':').next())
            .collect();
        let unique: BTreeSet<&str> = keys.iter().copied().collect();
        if unique.len() != keys.len() {
            return Err(bad("a metric is given twice".into()));
        }
        let missing: Vec<&str> = V3_BASE
            .iter()
            .copied()
            .filter(|m| !unique.contains(m))
            .collect();
        if !missing.is_empty() {
            return Err(bad(format!("missing base metrics {}", missing.join(", "))));
        }
    }
    let parsed: cvss::Cvss = vector
        .parse()
        .map_err(|e: cvss::Error| bad(e.to_string()))?;
    Ok(Severity {
        cvss: parsed.to_string(),
        score: parsed.score(),
        rating: parsed.severity().as_str().to_owned(),
    })
}

/// `CWE-22` (also accepts `cwe-22` and `22`), normalised to `CWE-22`.
pub fn cwe(value: &str) -> Result<String, InvalidValue> {
    let v = value.trim();
    let digits = v
        .strip_prefix("CWE-")
        .or_else(|| v.strip_prefix("cwe-"))
        .unwrap_or(v);
    match digits.parse::<u32>() {
        Ok(n) if !digits.starts_with('0') && !digits.starts_with('+') => Ok(format!("CWE-{n}")),
        _ => Err(InvalidValue(format!(
            "invalid CWE {value:?}: expected CWE-<number>, e.g. CWE-22"
        ))),
    }
}

/// A CWE ID exactly as `cwe` writes it (`CWE-22`), as CVE records need.
pub fn is_cwe(text: &str) -> bool {
    cwe(text).is_ok_and(|n| n == text)
}

/// A CVE ID exactly as `cve` writes it.
pub fn is_cve(text: &str) -> bool {
    cve(text).is_ok_and(|n| n == text)
}

/// `CVE-YYYY-NNNN` with four or more digits in the sequence.
pub fn cve(value: &str) -> Result<String, InvalidValue> {
    let v = value.trim().to_ascii_uppercase();
    let ok = match v.strip_prefix("CVE-").and_then(|r| r.split_once('-')) {
        Some((year, seq)) => {
            year.len() == 4
                && year.bytes().all(|c| c.is_ascii_digit())
                && seq.len() >= 4
                && seq.len() <= 19
                && seq.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    };
    if ok {
        Ok(v)
    } else {
        Err(InvalidValue(format!(
            "invalid CVE ID {value:?}: expected CVE-YYYY-NNNN (four or more digits), e.g. CVE-2026-12345"
        )))
    }
}

/// `GHSA-xxxx-xxxx-xxxx`, each group four characters of GitHub's alphabet.
pub fn ghsa(value: &str) -> Result<String, InvalidValue> {
    const ALPHABET: &[u8] = b"23456789cfghjmpqrvwx";
    let v = value.trim();
    let ok = v.strip_prefix("GHSA-").is_some_and(|rest| {
        let groups: Vec<&str> = rest.split('-').collect();
        groups.len() == 3
            && groups
                .iter()
                .all(|g| g.len() == 4 && g.bytes().all(|c| ALPHABET.contains(&c)))
    });
    if ok {
        Ok(v.to_owned())
    } else {
        Err(InvalidValue(format!(
            "invalid GHSA ID {value:?}: expected GHSA-xxxx-xxxx-xxxx (e.g. GHSA-jfh8-c2jp-5v3q)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_v31_and_v40() {
        let s = assess("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap();
        assert_eq!((s.score, s.rating.as_str()), (9.8, "critical"));
        let s = assess("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").unwrap();
        assert_eq!((s.score, s.rating.as_str()), (9.3, "critical"));
    }

    #[test]
    fn refuses_partial_and_malformed_vectors() {
        for bad in [
            "CVSS:3.1/AV:N",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X",
            "AV:N/AC:L/Au:N/C:P/I:P/A:P",
            "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:N",
            "high",
        ] {
            assert!(assess(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn identifiers_are_checked() {
        assert_eq!(cwe("cwe-22").unwrap(), "CWE-22");
        assert_eq!(cwe("79").unwrap(), "CWE-79");
        assert!(cwe("CWE-").is_err() && cwe("CWE-022").is_err() && cwe("XSS").is_err());
        assert_eq!(cve("cve-2026-1234").unwrap(), "CVE-2026-1234");
        assert!(
            cve("CVE-12").is_err() && cve("CVE-2026-123").is_err() && cve("CVE-26-1234").is_err()
        );
        assert!(ghsa("GHSA-jfh8-c2jp-5v3q").is_ok());
        assert!(ghsa("GHSA-jfh8-c2jp").is_err() && ghsa("GHSA-abcd-efgh-ijkl").is_err());
    }
}
