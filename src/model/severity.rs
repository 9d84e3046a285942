//! CVSS vectors and CWE, CVE and GHSA identifiers: validated before they
//! enter a case, so exports can trust them.

use std::collections::BTreeSet;

use crate::model::case::Severity;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

const V3_BASE: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];
const V3_TEMPORAL: [&str; 3] = ["E", "RL", "RC"];
const V4_BASE: [&str; 11] = [
    "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA",
];
const V4_THREAT: [&str; 1] = ["E"];
/// Supplemental metrics say something but change no score.
const V4_SUPPLEMENTAL: [&str; 6] = ["S", "AU", "R", "V", "RE", "U"];

/// The `KEY:VALUE` metrics of a vector after its `CVSS:x.y` prefix.
fn metrics(vector: &str) -> impl Iterator<Item = (&str, &str)> {
    vector.split('/').skip(1).filter_map(|m| m.split_once(':'))
}

/// Whether a vector sets metrics beyond the base ones (`X` is "not defined").
pub fn has_more_than_base(vector: &str) -> bool {
    let base: &[&str] = if vector.starts_with("CVSS:4.") {
        &V4_BASE
    } else if vector.starts_with("CVSS:3.") {
        &V3_BASE
    } else {
        return false;
    };
    metrics(vector).any(|(k, v)| !base.contains(&k) && v != "X")
}

/// The vector with only the metrics in `keep`.
fn only(vector: &str, keep: &[&str]) -> String {
    let prefix = vector.split('/').next().unwrap_or_default();
    let mut out = prefix.to_owned();
    for (k, v) in metrics(vector).filter(|(k, _)| keep.contains(k)) {
        out.push_str(&format!("/{k}:{v}"));
    }
    out
}

fn defined(vector: &str, keys: &[&str]) -> bool {
    metrics(vector).any(|(k, v)| keys.contains(&k) && v != "X")
}

/// The CVSS 4.0 scores: base metrics alone, base and threat (CVSS-BT), and
/// the whole vector when environmental metrics are set (CVSS-BE, CVSS-BTE).
fn v4_scores(vector: &str) -> Result<(f64, Option<f64>, Option<f64>), String> {
    let score = |v: &str| -> Result<f64, String> {
        v.parse::<cvss::v4::Vector>()
            .map(|p| p.score().value())
            .map_err(|e| e.to_string())
    };
    let base = score(&only(vector, &V4_BASE))?;
    let threat = if defined(vector, &V4_THREAT) {
        let mut keep = V4_BASE.to_vec();
        keep.extend(V4_THREAT);
        Some(score(&only(vector, &keep))?)
    } else {
        None
    };
    let environmental = metrics(vector)
        .any(|(k, v)| {
            !V4_BASE.contains(&k)
                && !V4_THREAT.contains(&k)
                && !V4_SUPPLEMENTAL.contains(&k)
                && v != "X"
        })
        .then(|| score(vector))
        .transpose()?;
    Ok((base, threat, environmental))
}

/// The CVSS 3.x temporal score (`roundup(base × E × RL × RC)`) and
/// environmental score, when their metrics are set.
fn v3_scores(v: &cvss::v3::Vector, vector: &str) -> (Option<f64>, Option<f64>) {
    let factor = |key: &str| -> f64 {
        let value = metrics(vector)
            .find(|(k, _)| *k == key)
            .map_or("X", |(_, v)| v);
        match (key, value) {
            ("E", "F") => 0.97,
            ("E", "P") => 0.94,
            ("E", "U") => 0.91,
            ("RL", "W") => 0.97,
            ("RL", "T") => 0.96,
            ("RL", "O") => 0.95,
            ("RC", "R") => 0.96,
            ("RC", "U") => 0.92,
            _ => 1.0,
        }
    };
    let temporal = defined(vector, &V3_TEMPORAL).then(|| {
        let raw = v.base_score().value() * factor("E") * factor("RL") * factor("RC");
        cvss::v3::Score::new(raw)
            .roundup_for_version(v.minor_version)
            .value()
    });
    let mut base_or_temporal = V3_BASE.to_vec();
    base_or_temporal.extend(V3_TEMPORAL);
    let environmental = metrics(vector)
        .any(|(k, val)| !base_or_temporal.contains(&k) && val != "X")
        .then(|| v.environmental_score().value());
    (temporal, environmental)
}

/// Scores a CVSS 3.0, 3.1 or 4.0 vector: the base score from the base
/// metrics alone; threat (3.x temporal) and environmental scores apart.
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
    let text = parsed.to_string();
    let (score, threat_score, environmental_score) = match &parsed {
        cvss::Cvss::CvssV40(_) => v4_scores(&text).map_err(bad)?,
        cvss::Cvss::CvssV30(v) | cvss::Cvss::CvssV31(v) => {
            let (t, e) = v3_scores(v, &text);
            (parsed.score(), t, e)
        }
        _ => (parsed.score(), None, None),
    };
    Ok(Severity {
        cvss: text,
        score,
        rating: rating(score).to_owned(),
        threat_score,
        environmental_score,
    })
}

/// The qualitative rating of a score (CVSS 3.1 and 4.0 use the same scale).
pub fn rating(score: f64) -> &'static str {
    match score {
        s if s <= 0.0 => "none",
        s if s < 4.0 => "low",
        s if s < 7.0 => "medium",
        s if s < 9.0 => "high",
        _ => "critical",
    }
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
    fn base_scores_come_from_base_metrics_only() {
        // The whole vector with E:U scores 8.1; its base metrics 9.3.
        let s =
            assess("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U").unwrap();
        assert_eq!((s.score, s.rating.as_str()), (9.3, "critical"));
        assert_eq!(s.threat_score, Some(8.1));
        assert_eq!(s.environmental_score, None);
        let s =
            assess("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/MAV:L/S:P")
                .unwrap();
        assert_eq!(s.score, 9.3);
        assert!(s.environmental_score.is_some_and(|e| e < 8.1), "{s:?}");
        let plain =
            assess("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P").unwrap();
        assert_eq!(
            (plain.threat_score, plain.environmental_score),
            (None, None)
        );
        // CVSS 3.1: the calculator's temporal score of 9.8 with E:U/RL:O/RC:C is 8.5.
        let s = assess("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C").unwrap();
        assert_eq!((s.score, s.threat_score), (9.8, Some(8.5)));
        assert!(has_more_than_base(&s.cvss));
        assert!(!has_more_than_base(
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        ));
    }

    #[test]
    fn old_files_get_the_base_score_again() {
        let stored = r#"{"cvss": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", "score": 8.1, "rating": "high"}"#;
        let s: Severity = serde_json::from_str(stored).unwrap();
        assert_eq!(
            (s.score, s.rating.as_str(), s.threat_score),
            (9.3, "critical", Some(8.1))
        );
        let base = r#"{"cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "score": 9.8, "rating": "critical"}"#;
        let s: Severity = serde_json::from_str(base).unwrap();
        assert_eq!(s.threat_score, None);
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
