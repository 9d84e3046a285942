//! The structure of OSV 1.7 and CVE JSON 5.2 records, as their published
//! schemas state it (`osv-schema.json` 1.7.5; `CVE_Record_Format` 5.2.0,
//! the published and rejected forms, CNA container), written out as checks:
//! required and allowed keys, enumerations, string patterns and lengths,
//! and the rules between fields. Each check returns every violation with
//! its JSON path, so a failing test says what is wrong where.
//!
//! Shared by the unit tests of the exporters and the integration tests that
//! export through the binary.

#![allow(dead_code, unreachable_pub)]

use serde_json::{Map, Value};

/// Violations, each as `path: what`.
#[derive(Default)]
pub struct Report(pub Vec<String>);

impl Report {
    fn bad(&mut self, path: &str, what: impl std::fmt::Display) {
        self.0.push(format!("{path}: {what}"));
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.bad(path, "expected an object");
        }
        o
    }

    fn array<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Vec<Value>> {
        let a = v.as_array();
        if a.is_none() {
            self.bad(path, "expected an array");
        }
        a
    }

    fn string<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v str> {
        let s = v.as_str();
        if s.is_none() {
            self.bad(path, "expected a string");
        }
        s
    }

    fn keys(&mut self, o: &Map<String, Value>, path: &str, required: &[&str], allowed: &[&str]) {
        for key in required {
            if !o.contains_key(*key) {
                self.bad(path, format!("missing required {key:?}"));
            }
        }
        for key in o.keys() {
            if !allowed.contains(&key.as_str()) && !required.contains(&key.as_str()) {
                self.bad(path, format!("{key:?} is not allowed here"));
            }
        }
    }

    fn length(&mut self, v: &Value, path: &str, min: usize, max: usize) {
        if let Some(s) = self.string(v, path) {
            let n = s.chars().count();
            if n < min || n > max {
                self.bad(path, format!("length {n} outside {min}..={max}"));
            }
        }
    }

    fn one_of(&mut self, v: &Value, path: &str, values: &[&str]) {
        if let Some(s) = self.string(v, path)
            && !values.contains(&s)
        {
            self.bad(path, format!("{s:?} is not one of {values:?}"));
        }
    }

    fn unique(&mut self, items: &[Value], path: &str) {
        for (i, a) in items.iter().enumerate() {
            if items[i + 1..].contains(a) {
                self.bad(path, format!("item {i} is repeated (uniqueItems)"));
            }
        }
    }

    pub fn assert_clean(self, what: &str, json: &Value) {
        assert!(
            self.0.is_empty(),
            "{what} breaks its schema:\n  {}\n{}",
            self.0.join("\n  "),
            serde_json::to_string_pretty(json).unwrap_or_default()
        );
    }
}

// ---------------------------------------------------------------- OSV 1.7

const OSV_ECOSYSTEMS: [&str; 48] = [
    "AlmaLinux",
    "Alpaquita",
    "Alpine",
    "Android",
    "Azure Linux",
    "BellSoft Hardened Containers",
    "Bioconductor",
    "Bitnami",
    "Chainguard",
    "CleanStart",
    "ConanCenter",
    "CRAN",
    "crates.io",
    "Debian",
    "Docker Hardened Images",
    "Echo",
    "FreeBSD",
    "GHC",
    "GitHub Actions",
    "Go",
    "Hackage",
    "Hex",
    "Julia",
    "Kubernetes",
    "Linux",
    "Mageia",
    "Maven",
    "MinimOS",
    "npm",
    "NuGet",
    "opam",
    "openEuler",
    "openSUSE",
    "OSS-Fuzz",
    "Packagist",
    "Photon OS",
    "Pub",
    "PyPI",
    "Red Hat",
    "Rocky Linux",
    "Root",
    "RubyGems",
    "SUSE",
    "SwiftURL",
    "TuxCare",
    "Ubuntu",
    "VSCode",
    "Wolfi",
];

const OSV_PREFIXES: [&str; 53] = [
    "ASB-A",
    "PUB-A",
    "ALPINE",
    "ALSA",
    "ALBA",
    "ALEA",
    "AZL",
    "BELL",
    "BIT",
    "CGA",
    "CLEANSTART",
    "CLSA",
    "CURL",
    "CVE",
    "DEBIAN",
    "DHI",
    "DRUPAL",
    "DSA",
    "DLA",
    "ELA",
    "DTSA",
    "ECHO",
    "EEF",
    "FreeBSD",
    "GHSA",
    "GO",
    "GSD",
    "HSEC",
    "JLSEC",
    "KUBE",
    "LBSEC",
    "LSN",
    "MAL",
    "MINI",
    "MGASA",
    "OESA",
    "OSEC",
    "OSV",
    "openSUSE-SU",
    "PHSA",
    "PSF",
    "PYSEC",
    "RHBA",
    "RHEA",
    "RHSA",
    "RLSA",
    "RXSA",
    "RSEC",
    "ROOT",
    "RUSTSEC",
    "SUSE-SU",
    "UBUNTU",
    "USN",
];

/// `[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z`
fn osv_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() < 20 || !s.ends_with('Z') {
        return false;
    }
    let fixed = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    let rest = &s[19..s.len() - 1];
    fixed
        && (rest.is_empty()
            || rest
                .strip_prefix('.')
                .is_some_and(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit())))
}

fn osv_id(s: &str) -> bool {
    s.starts_with("x_")
        || OSV_PREFIXES.iter().any(|p| s.starts_with(&format!("{p}-")))
        || ["SUSE-RU-", "SUSE-FU-", "SUSE-OU-", "V8-"]
            .iter()
            .any(|p| s.starts_with(p))
}

fn osv_ecosystem(s: &str) -> bool {
    let (base, suffix) = match s.split_once(':') {
        Some((b, rest)) => (b, Some(rest)),
        None => (s, None),
    };
    suffix.is_none_or(|x| !x.is_empty()) && (OSV_ECOSYSTEMS.contains(&base) || base == "GIT")
}

/// `^(0|[a-f0-9]{40}|[a-f0-9]{64})$`
fn git_hash(s: &str) -> bool {
    s == "0"
        || ((s.len() == 40 || s.len() == 64)
            && s.bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)))
}

/// The metric pattern of CVSS 3.x vectors (any order, as the schemas allow).
fn cvss3(s: &str, minor: char) -> bool {
    let Some(rest) = s.strip_prefix(&format!("CVSS:3.{minor}/")) else {
        return false;
    };
    let allowed = |k: &str, v: &str| -> bool {
        let values = match k {
            "AV" | "MAV" => "NALP",
            "AC" | "MAC" => "LH",
            "PR" | "MPR" => {
                if minor == '0' {
                    "UNLH"
                } else {
                    "NLH"
                }
            }
            "UI" | "MUI" => "NR",
            "S" | "MS" => "UC",
            "C" | "I" | "A" | "MC" | "MI" | "MA" => "NLH",
            "E" => "XUPFH",
            "RL" => "XOTWU",
            "RC" => "XURC",
            "CR" | "IR" | "AR" => "XLMH",
            _ => return false,
        };
        let modified = k.starts_with('M') || matches!(k, "E" | "RL" | "RC" | "CR" | "IR" | "AR");
        v.len() == 1 && (values.contains(v) || (modified && v == "X"))
    };
    rest.split('/')
        .all(|m| m.split_once(':').is_some_and(|(k, v)| allowed(k, v)))
}

/// The CVSS 4.0 pattern: base metrics in order, then optional ones in order.
fn cvss4(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("CVSS:4.0/") else {
        return false;
    };
    const ORDER: [(&str, &[&str], bool); 32] = [
        ("AV", &["N", "A", "L", "P"], true),
        ("AC", &["L", "H"], true),
        ("AT", &["N", "P"], true),
        ("PR", &["N", "L", "H"], true),
        ("UI", &["N", "P", "A"], true),
        ("VC", &["H", "L", "N"], true),
        ("VI", &["H", "L", "N"], true),
        ("VA", &["H", "L", "N"], true),
        ("SC", &["H", "L", "N"], true),
        ("SI", &["H", "L", "N"], true),
        ("SA", &["H", "L", "N"], true),
        ("E", &["X", "A", "P", "U"], false),
        ("CR", &["X", "H", "M", "L"], false),
        ("IR", &["X", "H", "M", "L"], false),
        ("AR", &["X", "H", "M", "L"], false),
        ("MAV", &["X", "N", "A", "L", "P"], false),
        ("MAC", &["X", "L", "H"], false),
        ("MAT", &["X", "N", "P"], false),
        ("MPR", &["X", "N", "L", "H"], false),
        ("MUI", &["X", "N", "P", "A"], false),
        ("MVC", &["X", "N", "L", "H"], false),
        ("MVI", &["X", "N", "L", "H"], false),
        ("MVA", &["X", "N", "L", "H"], false),
        ("MSC", &["X", "N", "L", "H"], false),
        ("MSI", &["X", "N", "L", "H", "S"], false),
        ("MSA", &["X", "N", "L", "H", "S"], false),
        ("S", &["X", "N", "P"], false),
        ("AU", &["X", "N", "Y"], false),
        ("R", &["X", "A", "U", "I"], false),
        ("V", &["X", "D", "C"], false),
        ("RE", &["X", "L", "M", "H"], false),
        ("U", &["X", "Clear", "Green", "Amber", "Red"], false),
    ];
    let metrics: Vec<(&str, &str)> = rest.split('/').filter_map(|m| m.split_once(':')).collect();
    if metrics.len() != rest.split('/').count() {
        return false;
    }
    let mut i = 0;
    for (key, values, required) in ORDER {
        match metrics.get(i) {
            Some((k, v)) if *k == key => {
                if !values.contains(v) {
                    return false;
                }
                i += 1;
            }
            _ if required => return false,
            _ => {}
        }
    }
    i == metrics.len()
}

/// Checks an OSV record against the OSV 1.7.5 schema and the spec's rules.
pub fn osv(record: &Value) -> Report {
    let mut r = Report::default();
    let Some(top) = r.object(record, "$") else {
        return r;
    };
    r.keys(
        top,
        "$",
        &["id", "modified"],
        &[
            "schema_version",
            "published",
            "withdrawn",
            "aliases",
            "related",
            "upstream",
            "summary",
            "details",
            "severity",
            "affected",
            "references",
            "credits",
            "database_specific",
        ],
    );
    if let Some(id) = top.get("id").and_then(|v| r.string(v, "$.id"))
        && !osv_id(id)
    {
        r.bad("$.id", format!("{id:?} does not start with a known prefix"));
    }
    for key in ["modified", "published", "withdrawn"] {
        if let Some(v) = top.get(key)
            && let Some(s) = r.string(v, &format!("$.{key}"))
            && !osv_timestamp(s)
        {
            r.bad(
                &format!("$.{key}"),
                format!("{s:?} is not an RFC 3339 UTC time ending in Z"),
            );
        }
    }
    for key in ["schema_version", "summary", "details"] {
        if let Some(v) = top.get(key) {
            r.string(v, &format!("$.{key}"));
        }
    }
    for key in ["aliases", "related", "upstream"] {
        if let Some(v) = top.get(key).filter(|v| !v.is_null()) {
            for (i, item) in r
                .array(v, &format!("$.{key}"))
                .into_iter()
                .flatten()
                .enumerate()
            {
                r.string(item, &format!("$.{key}[{i}]"));
            }
        }
    }
    if let Some(v) = top.get("severity").filter(|v| !v.is_null()) {
        osv_severity(&mut r, v, "$.severity");
    }
    let top_severity = top.get("severity").is_some_and(|v| !v.is_null());
    if let Some(v) = top.get("affected").filter(|v| !v.is_null()) {
        for (i, a) in r.array(v, "$.affected").into_iter().flatten().enumerate() {
            osv_affected(&mut r, a, &format!("$.affected[{i}]"), top_severity);
        }
    }
    if let Some(v) = top.get("references").filter(|v| !v.is_null()) {
        for (i, item) in r.array(v, "$.references").into_iter().flatten().enumerate() {
            let path = format!("$.references[{i}]");
            if let Some(o) = r.object(item, &path) {
                r.keys(o, &path, &["type", "url"], &[]);
                if let Some(t) = o.get("type") {
                    r.one_of(
                        t,
                        &format!("{path}.type"),
                        &[
                            "ADVISORY",
                            "ARTICLE",
                            "DETECTION",
                            "DISCUSSION",
                            "REPORT",
                            "FIX",
                            "INTRODUCED",
                            "GIT",
                            "PACKAGE",
                            "EVIDENCE",
                            "WEB",
                        ],
                    );
                }
                if let Some(u) = o.get("url") {
                    uri(&mut r, u, &format!("{path}.url"));
                }
            }
        }
    }
    if let Some(v) = top.get("credits") {
        for (i, item) in r.array(v, "$.credits").into_iter().flatten().enumerate() {
            let path = format!("$.credits[{i}]");
            if let Some(o) = r.object(item, &path) {
                r.keys(o, &path, &["name"], &["contact", "type"]);
                if let Some(t) = o.get("type") {
                    r.one_of(
                        t,
                        &format!("{path}.type"),
                        &[
                            "FINDER",
                            "REPORTER",
                            "ANALYST",
                            "COORDINATOR",
                            "REMEDIATION_DEVELOPER",
                            "REMEDIATION_REVIEWER",
                            "REMEDIATION_VERIFIER",
                            "TOOL",
                            "SPONSOR",
                            "OTHER",
                        ],
                    );
                }
            }
        }
    }
    if let Some(v) = top.get("database_specific") {
        r.object(v, "$.database_specific");
    }
    r
}

fn osv_severity(r: &mut Report, v: &Value, path: &str) {
    for (i, item) in r.array(v, path).into_iter().flatten().enumerate() {
        let path = format!("{path}[{i}]");
        let Some(o) = r.object(item, &path) else {
            continue;
        };
        let kind = o.get("type").and_then(Value::as_str).unwrap_or_default();
        if !["CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu"].contains(&kind) {
            r.bad(&path, format!("type {kind:?} is not a severity type"));
        }
        let score = o.get("score").and_then(Value::as_str).unwrap_or_default();
        let ok = match kind {
            "CVSS_V3" => cvss3(score, '0') || cvss3(score, '1'),
            "CVSS_V4" => cvss4(score),
            _ => true,
        };
        if !ok {
            r.bad(
                &path,
                format!("score {score:?} does not match the {kind} pattern"),
            );
        }
    }
}

fn osv_affected(r: &mut Report, a: &Value, path: &str, top_severity: bool) {
    let Some(o) = r.object(a, path) else {
        return;
    };
    if top_severity && o.get("severity").is_some_and(|v| !v.is_null()) {
        r.bad(path, "severity is set both at the top and on a package");
    }
    if let Some(p) = o.get("package") {
        let pp = format!("{path}.package");
        if let Some(po) = r.object(p, &pp) {
            r.keys(po, &pp, &["ecosystem", "name"], &["purl"]);
            if let Some(e) = po.get("ecosystem").and_then(|v| r.string(v, &pp))
                && !osv_ecosystem(e)
            {
                r.bad(
                    &format!("{pp}.ecosystem"),
                    format!("{e:?} is not an OSV ecosystem"),
                );
            }
            if let Some(purl) = po.get("purl").and_then(|v| r.string(v, &pp))
                && (!purl.starts_with("pkg:") || purl.contains('@'))
            {
                r.bad(
                    &format!("{pp}.purl"),
                    format!("{purl:?} is not a package URL without a version"),
                );
            }
        }
    }
    if let Some(v) = o.get("versions") {
        for (i, item) in r
            .array(v, &format!("{path}.versions"))
            .into_iter()
            .flatten()
            .enumerate()
        {
            r.string(item, &format!("{path}.versions[{i}]"));
        }
    }
    for key in ["ecosystem_specific", "database_specific"] {
        if let Some(v) = o.get(key) {
            r.object(v, &format!("{path}.{key}"));
        }
    }
    let Some(ranges) = o.get("ranges") else {
        return;
    };
    for (i, range) in r
        .array(ranges, &format!("{path}.ranges"))
        .into_iter()
        .flatten()
        .enumerate()
    {
        let rp = format!("{path}.ranges[{i}]");
        let Some(ro) = r.object(range, &rp) else {
            continue;
        };
        for key in ["type", "events"] {
            if !ro.contains_key(key) {
                r.bad(&rp, format!("missing required {key:?}"));
            }
        }
        let kind = ro.get("type").and_then(Value::as_str).unwrap_or_default();
        if !["GIT", "SEMVER", "ECOSYSTEM"].contains(&kind) {
            r.bad(&rp, format!("type {kind:?} is not a range type"));
        }
        if kind == "GIT" && !ro.contains_key("repo") {
            r.bad(&rp, "GIT ranges require a repo");
        }
        if let Some(repo) = ro.get("repo") {
            r.string(repo, &format!("{rp}.repo"));
        }
        let events = ro
            .get("events")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if events.is_empty() {
            r.bad(&rp, "events must not be empty");
        }
        let has = |k: &str| events.iter().any(|e| e.get(k).is_some());
        if !has("introduced") {
            r.bad(&rp, "events must contain an introduced object");
        }
        if has("fixed") && has("last_affected") {
            r.bad(&rp, "last_affected and fixed events are mutually exclusive");
        }
        for (j, e) in events.iter().enumerate() {
            let ep = format!("{rp}.events[{j}]");
            let Some(eo) = r.object(e, &ep) else {
                continue;
            };
            if eo.len() != 1 {
                r.bad(
                    &ep,
                    "an event holds exactly one of introduced, fixed, last_affected, limit",
                );
            }
            for (k, v) in eo {
                if !["introduced", "fixed", "last_affected", "limit"].contains(&k.as_str()) {
                    r.bad(&ep, format!("{k:?} is not an event"));
                }
                let Some(s) = r.string(v, &ep) else {
                    continue;
                };
                if kind == "GIT" && !git_hash(s) {
                    r.bad(&ep, format!("{s:?} is not a full-length commit hash"));
                }
                // The spec: SEMVER versions are SemVer 2.0 without a "v".
                if kind == "SEMVER"
                    && !(k == "introduced" && s == "0")
                    && k != "limit"
                    && semver::Version::parse(s).is_err()
                {
                    r.bad(&ep, format!("{s:?} is not a SemVer 2.0 version"));
                }
            }
        }
    }
}

fn uri(r: &mut Report, v: &Value, path: &str) {
    if let Some(s) = r.string(v, path) {
        let scheme_ok = s.split_once(':').is_some_and(|(scheme, rest)| {
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !rest.is_empty()
        });
        if !scheme_ok || s.chars().any(|c| c.is_whitespace() || c.is_control()) || s.len() > 2048 {
            r.bad(path, format!("{s:?} is not a URI"));
        }
    }
}

// ---------------------------------------------------------------- CVE 5.2

fn cve_timestamp(s: &str) -> bool {
    let core = s.get(..19).unwrap_or_default();
    let tail = s.get(19..).unwrap_or_default();
    let b = core.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let core_ok = core.len() == 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    let tail = tail
        .strip_prefix('.')
        .map(|t| t.trim_start_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(tail);
    core_ok && (tail.is_empty() || tail == "Z" || (tail.len() == 6 && tail.starts_with(['+', '-'])))
}

fn uuid4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let hex = |p: &str| p.bytes().all(|c| c.is_ascii_hexdigit());
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && hex(p))
        && parts[2].starts_with('4')
        && parts[3].starts_with(['8', '9', 'a', 'b', 'A', 'B'])
}

fn cve_id(s: &str) -> bool {
    s.strip_prefix("CVE-")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(y, n)| {
            y.len() == 4
                && y.bytes().all(|c| c.is_ascii_digit())
                && (4..=19).contains(&n.len())
                && n.bytes().all(|c| c.is_ascii_digit())
        })
}

fn lang(r: &mut Report, o: &Map<String, Value>, path: &str) {
    if let Some(l) = o.get("lang").and_then(|v| r.string(v, path)) {
        let (head, _) = l.split_once(['-', '_']).unwrap_or((l, ""));
        if !(2..=4).contains(&head.len()) || !head.bytes().all(|c| c.is_ascii_alphabetic()) {
            r.bad(
                &format!("{path}.lang"),
                format!("{l:?} is not a BCP 47 language"),
            );
        }
    }
}

fn descriptions(r: &mut Report, v: &Value, path: &str, english: bool) {
    let Some(items) = r.array(v, path) else {
        return;
    };
    if items.is_empty() {
        r.bad(path, "minItems 1");
    }
    r.unique(items, path);
    let mut has_english = false;
    for (i, item) in items.iter().enumerate() {
        let ip = format!("{path}[{i}]");
        if let Some(o) = r.object(item, &ip) {
            r.keys(o, &ip, &["lang", "value"], &["supportingMedia"]);
            lang(r, o, &ip);
            if let Some(v) = o.get("value") {
                r.length(v, &format!("{ip}.value"), 1, 4096);
            }
            has_english |= o
                .get("lang")
                .and_then(Value::as_str)
                .is_some_and(|l| l.starts_with("en"));
        }
    }
    if english && !has_english {
        r.bad(path, "needs an English description");
    }
}

fn provider(r: &mut Report, v: &Value, path: &str) {
    if let Some(o) = r.object(v, path) {
        r.keys(o, path, &["orgId"], &["shortName", "dateUpdated"]);
        if let Some(id) = o.get("orgId").and_then(|v| r.string(v, path))
            && !uuid4(id)
        {
            r.bad(
                &format!("{path}.orgId"),
                format!("{id:?} is not a version 4 UUID"),
            );
        }
        if let Some(t) = o.get("dateUpdated").and_then(|v| r.string(v, path))
            && !cve_timestamp(t)
        {
            r.bad(
                &format!("{path}.dateUpdated"),
                format!("{t:?} is not a timestamp"),
            );
        }
    }
}

/// Checks a CVE JSON 5.2 record: the published form with a CNA container,
/// or the rejected form.
pub fn cve(record: &Value) -> Report {
    let mut r = Report::default();
    let Some(top) = r.object(record, "$") else {
        return r;
    };
    r.keys(
        top,
        "$",
        &["dataType", "dataVersion", "cveMetadata", "containers"],
        &[],
    );
    if let Some(v) = top.get("dataType") {
        r.one_of(v, "$.dataType", &["CVE_RECORD"]);
    }
    if let Some(v) = top
        .get("dataVersion")
        .and_then(|v| r.string(v, "$.dataVersion"))
    {
        let ok = v.strip_prefix("5.").is_some_and(|rest| {
            rest.split('.').count() <= 2
                && rest
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        });
        if !ok {
            r.bad("$.dataVersion", format!("{v:?} is not 5.x"));
        }
    }
    let state = top
        .get("cveMetadata")
        .and_then(|m| m.get("state"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let rejected = state == "REJECTED";
    if let Some(meta) = top
        .get("cveMetadata")
        .and_then(|m| r.object(m, "$.cveMetadata"))
    {
        let allowed: &[&str] = if rejected {
            &[
                "assignerShortName",
                "serial",
                "dateUpdated",
                "datePublished",
                "dateRejected",
                "dateReserved",
            ]
        } else {
            &[
                "assignerShortName",
                "requesterUserId",
                "dateUpdated",
                "serial",
                "dateReserved",
                "datePublished",
            ]
        };
        r.keys(
            meta,
            "$.cveMetadata",
            &["cveId", "assignerOrgId", "state"],
            allowed,
        );
        if !["PUBLISHED", "REJECTED"].contains(&state) {
            r.bad("$.cveMetadata.state", format!("{state:?}"));
        }
        if let Some(id) = meta.get("cveId").and_then(Value::as_str)
            && !cve_id(id)
        {
            r.bad("$.cveMetadata.cveId", format!("{id:?} is not a CVE ID"));
        }
        if let Some(id) = meta.get("assignerOrgId").and_then(Value::as_str)
            && !uuid4(id)
        {
            r.bad(
                "$.cveMetadata.assignerOrgId",
                format!("{id:?} is not a version 4 UUID"),
            );
        }
        for key in [
            "dateUpdated",
            "datePublished",
            "dateRejected",
            "dateReserved",
        ] {
            if let Some(t) = meta.get(key).and_then(|v| r.string(v, key))
                && !cve_timestamp(t)
            {
                r.bad(
                    &format!("$.cveMetadata.{key}"),
                    format!("{t:?} is not a timestamp"),
                );
            }
        }
    }
    let Some(containers) = top
        .get("containers")
        .and_then(|c| r.object(c, "$.containers"))
    else {
        return r;
    };
    r.keys(
        containers,
        "$.containers",
        &["cna"],
        if rejected { &[] } else { &["adp"] },
    );
    let Some(cna) = containers
        .get("cna")
        .and_then(|c| r.object(c, "$.containers.cna"))
    else {
        return r;
    };
    let p = "$.containers.cna";
    let extension = |k: &str| k.starts_with("x_") && !k.contains('.');
    let cna_keys: Map<String, Value> = cna
        .iter()
        .filter(|(k, _)| !extension(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if rejected {
        r.keys(
            &cna_keys,
            p,
            &["providerMetadata", "rejectedReasons"],
            &["replacedBy"],
        );
        if let Some(v) = cna.get("providerMetadata") {
            provider(&mut r, v, &format!("{p}.providerMetadata"));
        }
        if let Some(v) = cna.get("rejectedReasons") {
            descriptions(&mut r, v, &format!("{p}.rejectedReasons"), true);
        }
        return r;
    }
    r.keys(
        &cna_keys,
        p,
        &["providerMetadata", "descriptions", "affected", "references"],
        &[
            "dateAssigned",
            "datePublic",
            "title",
            "cpeApplicability",
            "problemTypes",
            "impacts",
            "metrics",
            "configurations",
            "workarounds",
            "solutions",
            "exploits",
            "timeline",
            "credits",
            "source",
            "tags",
            "taxonomyMappings",
        ],
    );
    if let Some(v) = cna.get("providerMetadata") {
        provider(&mut r, v, &format!("{p}.providerMetadata"));
    }
    if let Some(v) = cna.get("title") {
        r.length(v, &format!("{p}.title"), 1, 256);
    }
    for key in ["dateAssigned", "datePublic"] {
        if let Some(t) = cna.get(key).and_then(|v| r.string(v, key))
            && !cve_timestamp(t)
        {
            r.bad(&format!("{p}.{key}"), format!("{t:?} is not a timestamp"));
        }
    }
    if let Some(v) = cna.get("descriptions") {
        descriptions(&mut r, v, &format!("{p}.descriptions"), true);
    }
    for key in ["solutions", "workarounds"] {
        if let Some(v) = cna.get(key) {
            descriptions(&mut r, v, &format!("{p}.{key}"), false);
        }
    }
    if let Some(v) = cna.get("affected") {
        cve_affected(&mut r, v, &format!("{p}.affected"));
    }
    if let Some(v) = cna.get("references") {
        cve_references(&mut r, v, &format!("{p}.references"));
    }
    if let Some(v) = cna.get("problemTypes") {
        let pp = format!("{p}.problemTypes");
        let items = r.array(v, &pp).cloned().unwrap_or_default();
        if items.is_empty() {
            r.bad(&pp, "minItems 1");
        }
        for (i, item) in items.iter().enumerate() {
            let ip = format!("{pp}[{i}]");
            let Some(o) = r.object(item, &ip) else {
                continue;
            };
            r.keys(o, &ip, &["descriptions"], &[]);
            let ds = o
                .get("descriptions")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if ds.is_empty() {
                r.bad(&ip, "descriptions: minItems 1");
            }
            for (j, d) in ds.iter().enumerate() {
                let dp = format!("{ip}.descriptions[{j}]");
                let Some(dobj) = r.object(d, &dp) else {
                    continue;
                };
                r.keys(
                    dobj,
                    &dp,
                    &["lang", "description"],
                    &["cweId", "type", "references"],
                );
                lang(&mut r, dobj, &dp);
                if let Some(c) = dobj.get("cweId").and_then(Value::as_str) {
                    let ok = c.strip_prefix("CWE-").is_some_and(|n| {
                        !n.starts_with('0')
                            && !n.is_empty()
                            && n.bytes().all(|c| c.is_ascii_digit())
                    }) && (5..=9).contains(&c.len());
                    if !ok {
                        r.bad(&dp, format!("cweId {c:?}"));
                    }
                }
            }
        }
    }
    if let Some(v) = cna.get("metrics") {
        cve_metrics(&mut r, v, &format!("{p}.metrics"));
    }
    if let Some(v) = cna.get("credits") {
        let cp = format!("{p}.credits");
        for (i, item) in r
            .array(v, &cp)
            .cloned()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let ip = format!("{cp}[{i}]");
            let Some(o) = r.object(item, &ip) else {
                continue;
            };
            r.keys(o, &ip, &["lang", "value"], &["user", "type"]);
            lang(&mut r, o, &ip);
            if let Some(t) = o.get("type") {
                r.one_of(
                    t,
                    &format!("{ip}.type"),
                    &[
                        "finder",
                        "reporter",
                        "analyst",
                        "coordinator",
                        "remediation developer",
                        "remediation reviewer",
                        "remediation verifier",
                        "tool",
                        "sponsor",
                        "other",
                    ],
                );
            }
        }
    }
    if let Some(v) = cna.get("timeline") {
        let tp = format!("{p}.timeline");
        let items = r.array(v, &tp).cloned().unwrap_or_default();
        r.unique(&items, &tp);
        for (i, item) in items.iter().enumerate() {
            let ip = format!("{tp}[{i}]");
            let Some(o) = r.object(item, &ip) else {
                continue;
            };
            r.keys(o, &ip, &["time", "lang", "value"], &[]);
            if let Some(t) = o.get("time").and_then(Value::as_str)
                && !cve_timestamp(t)
            {
                r.bad(&ip, format!("time {t:?}"));
            }
        }
    }
    r
}

fn cve_affected(r: &mut Report, v: &Value, path: &str) {
    let items = r.array(v, path).cloned().unwrap_or_default();
    if items.is_empty() {
        r.bad(path, "minItems 1: a record needs an affected product");
    }
    for (i, item) in items.iter().enumerate() {
        let ip = format!("{path}[{i}]");
        let Some(o) = r.object(item, &ip) else {
            continue;
        };
        r.keys(
            o,
            &ip,
            &[],
            &[
                "vendor",
                "product",
                "collectionURL",
                "packageName",
                "cpes",
                "modules",
                "programFiles",
                "programRoutines",
                "platforms",
                "repo",
                "defaultStatus",
                "versions",
                "packageURL",
            ],
        );
        let named = (o.contains_key("vendor") && o.contains_key("product"))
            || (o.contains_key("collectionURL") && o.contains_key("packageName"));
        if !named {
            r.bad(
                &ip,
                "needs vendor and product, or collectionURL and packageName",
            );
        }
        if !o.contains_key("versions") && !o.contains_key("defaultStatus") {
            r.bad(&ip, "needs versions or defaultStatus");
        }
        for (key, max) in [("vendor", 512), ("product", 2048), ("packageName", 2048)] {
            if let Some(v) = o.get(key) {
                r.length(v, &format!("{ip}.{key}"), 1, max);
            }
        }
        for key in ["collectionURL", "packageURL", "repo"] {
            if let Some(v) = o.get(key) {
                uri(r, v, &format!("{ip}.{key}"));
            }
        }
        if let Some(purl) = o.get("packageURL").and_then(Value::as_str)
            && purl.contains('@')
        {
            r.bad(
                &format!("{ip}.packageURL"),
                "a package URL must not include a version",
            );
        }
        if let Some(s) = o.get("defaultStatus") {
            r.one_of(
                s,
                &format!("{ip}.defaultStatus"),
                &["affected", "unaffected", "unknown"],
            );
        }
        let Some(versions) = o.get("versions") else {
            continue;
        };
        let vp = format!("{ip}.versions");
        let versions = r.array(versions, &vp).cloned().unwrap_or_default();
        if versions.is_empty() {
            r.bad(&vp, "minItems 1");
        }
        r.unique(&versions, &vp);
        for (j, version) in versions.iter().enumerate() {
            let ep = format!("{vp}[{j}]");
            let Some(vo) = r.object(version, &ep) else {
                continue;
            };
            r.keys(
                vo,
                &ep,
                &["version", "status"],
                &["versionType", "lessThan", "lessThanOrEqual", "changes"],
            );
            // oneOf: a single version, or a range with versionType and one limit.
            let has = |k: &str| vo.contains_key(k);
            let forms = [
                vo.len() <= 2,
                has("versionType") && vo.len() <= 3 && !has("lessThan") && !has("lessThanOrEqual"),
                has("versionType") && has("lessThan"),
                has("versionType") && has("lessThanOrEqual"),
            ];
            if forms.iter().filter(|f| **f).count() != 1 {
                r.bad(&ep, "matches none (or more than one) of the version forms");
            }
            for key in ["version", "lessThan", "lessThanOrEqual"] {
                if let Some(v) = vo.get(key) {
                    r.length(v, &format!("{ep}.{key}"), 1, 1024);
                }
            }
            if let Some(v) = vo.get("versionType") {
                r.length(v, &format!("{ep}.versionType"), 1, 128);
            }
            if let Some(s) = vo.get("status") {
                r.one_of(
                    s,
                    &format!("{ep}.status"),
                    &["affected", "unaffected", "unknown"],
                );
            }
        }
    }
}

fn cve_references(r: &mut Report, v: &Value, path: &str) {
    let items = r.array(v, path).cloned().unwrap_or_default();
    if items.is_empty() || items.len() > 512 {
        r.bad(path, "1 to 512 references");
    }
    r.unique(&items, path);
    for (i, item) in items.iter().enumerate() {
        let ip = format!("{path}[{i}]");
        let Some(o) = r.object(item, &ip) else {
            continue;
        };
        r.keys(o, &ip, &["url"], &["name", "tags"]);
        if let Some(u) = o.get("url") {
            uri(r, u, &format!("{ip}.url"));
        }
        if let Some(n) = o.get("name") {
            r.length(n, &format!("{ip}.name"), 1, 512);
        }
        if let Some(tags) = o.get("tags") {
            let tags = r
                .array(tags, &format!("{ip}.tags"))
                .cloned()
                .unwrap_or_default();
            if tags.is_empty() {
                r.bad(&ip, "tags: minItems 1");
            }
            for t in &tags {
                let t = t.as_str().unwrap_or_default();
                let known = [
                    "broken-link",
                    "customer-entitlement",
                    "exploit",
                    "government-resource",
                    "issue-tracking",
                    "mailing-list",
                    "mitigation",
                    "not-applicable",
                    "patch",
                    "permissions-required",
                    "media-coverage",
                    "product",
                    "related",
                    "release-notes",
                    "signature",
                    "technical-description",
                    "third-party-advisory",
                    "vendor-advisory",
                    "vdb-entry",
                ];
                if !known.contains(&t) && !t.starts_with("x_") {
                    r.bad(&ip, format!("tag {t:?}"));
                }
            }
        }
    }
}

fn cve_metrics(r: &mut Report, v: &Value, path: &str) {
    let items = r.array(v, path).cloned().unwrap_or_default();
    if items.is_empty() {
        r.bad(path, "minItems 1");
    }
    for (i, item) in items.iter().enumerate() {
        let ip = format!("{path}[{i}]");
        let Some(o) = r.object(item, &ip) else {
            continue;
        };
        r.keys(
            o,
            &ip,
            &[],
            &[
                "format",
                "scenarios",
                "cvssV4_0",
                "cvssV3_1",
                "cvssV3_0",
                "cvssV2_0",
                "other",
            ],
        );
        if !["cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0", "other"]
            .iter()
            .any(|k| o.contains_key(*k))
        {
            r.bad(&ip, "needs a score");
        }
        if let Some(s) = o.get("scenarios") {
            for (j, sc) in r
                .array(s, &ip)
                .cloned()
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let sp = format!("{ip}.scenarios[{j}]");
                if let Some(so) = r.object(sc, &sp) {
                    r.keys(so, &sp, &["lang", "value"], &[]);
                }
            }
        }
        let scores: Vec<f64> = (0..=100).map(|n| f64::from(n) / 10.0).collect();
        let severities = ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
        for (key, version, pattern) in [
            ("cvssV3_1", "3.1", cvss3 as fn(&str, char) -> bool),
            ("cvssV3_0", "3.0", cvss3),
        ] {
            let Some(c) = o.get(key) else { continue };
            let cp = format!("{ip}.{key}");
            let Some(co) = r.object(c, &cp) else { continue };
            r.keys(
                co,
                &cp,
                &["version", "vectorString", "baseScore", "baseSeverity"],
                &[
                    "attackVector",
                    "attackComplexity",
                    "privilegesRequired",
                    "userInteraction",
                    "scope",
                    "confidentialityImpact",
                    "integrityImpact",
                    "availabilityImpact",
                    "exploitCodeMaturity",
                    "remediationLevel",
                    "reportConfidence",
                    "temporalScore",
                    "temporalSeverity",
                    "confidentialityRequirement",
                    "integrityRequirement",
                    "availabilityRequirement",
                    "modifiedAttackVector",
                    "modifiedAttackComplexity",
                    "modifiedPrivilegesRequired",
                    "modifiedUserInteraction",
                    "modifiedScope",
                    "modifiedConfidentialityImpact",
                    "modifiedIntegrityImpact",
                    "modifiedAvailabilityImpact",
                    "environmentalScore",
                    "environmentalSeverity",
                ],
            );
            if co.get("version").and_then(Value::as_str) != Some(version) {
                r.bad(&cp, "version");
            }
            let minor = version.chars().last().unwrap_or('1');
            if !co
                .get("vectorString")
                .and_then(Value::as_str)
                .is_some_and(|s| pattern(s, minor))
            {
                r.bad(&cp, "vectorString does not match the pattern");
            }
            for (score, severity) in [
                ("baseScore", "baseSeverity"),
                ("temporalScore", "temporalSeverity"),
                ("environmentalScore", "environmentalSeverity"),
            ] {
                if let Some(s) = co.get(score)
                    && !s
                        .as_f64()
                        .is_some_and(|x| scores.iter().any(|y| (x - y).abs() < 1e-9))
                {
                    r.bad(&cp, format!("{score} {s}"));
                }
                if let Some(s) = co.get(severity) {
                    r.one_of(s, &format!("{cp}.{severity}"), &severities);
                }
            }
        }
        if let Some(c) = o.get("cvssV4_0") {
            let cp = format!("{ip}.cvssV4_0");
            if let Some(co) = r.object(c, &cp) {
                r.keys(
                    co,
                    &cp,
                    &["version", "vectorString", "baseScore", "baseSeverity"],
                    &[
                        "attackVector",
                        "attackComplexity",
                        "attackRequirements",
                        "privilegesRequired",
                        "userInteraction",
                        "vulnConfidentialityImpact",
                        "vulnIntegrityImpact",
                        "vulnAvailabilityImpact",
                        "subConfidentialityImpact",
                        "subIntegrityImpact",
                        "subAvailabilityImpact",
                        "exploitMaturity",
                        "confidentialityRequirement",
                        "integrityRequirement",
                        "availabilityRequirement",
                        "modifiedAttackVector",
                        "modifiedAttackComplexity",
                        "modifiedAttackRequirements",
                        "modifiedPrivilegesRequired",
                        "modifiedUserInteraction",
                        "modifiedVulnConfidentialityImpact",
                        "modifiedVulnIntegrityImpact",
                        "modifiedVulnAvailabilityImpact",
                        "modifiedSubConfidentialityImpact",
                        "modifiedSubIntegrityImpact",
                        "modifiedSubAvailabilityImpact",
                        "Safety",
                        "Automatable",
                        "Recovery",
                        "valueDensity",
                        "vulnerabilityResponseEffort",
                        "providerUrgency",
                    ],
                );
                if co.get("version").and_then(Value::as_str) != Some("4.0") {
                    r.bad(&cp, "version");
                }
                if !co
                    .get("vectorString")
                    .and_then(Value::as_str)
                    .is_some_and(cvss4)
                {
                    r.bad(&cp, "vectorString does not match the pattern");
                }
                if let Some(s) = co.get("baseScore")
                    && !s
                        .as_f64()
                        .is_some_and(|x| scores.iter().any(|y| (x - y).abs() < 1e-9))
                {
                    r.bad(&cp, format!("baseScore {s}"));
                }
                if let Some(s) = co.get("baseSeverity") {
                    r.one_of(s, &format!("{cp}.baseSeverity"), &severities);
                }
            }
        }
    }
}

#[test]
fn the_checks_catch_what_the_schemas_forbid() {
    let bad_osv = serde_json::json!({
        "id": "POET-SA-2026-001",
        "modified": "2026-03-02 09:00",
        "affected": [{
            "package": {"ecosystem": "pypi", "name": "poet"},
            "ranges": [
                {"type": "GIT", "events": [{"introduced": "0"}, {"fixed": "abc"}]},
                {"type": "SEMVER", "events": [{"introduced": "0", "fixed": "1.0.0"}, {"last_affected": "v1"}]}
            ]
        }],
        "extra": true
    });
    let found = osv(&bad_osv).0.join("\n");
    for needle in [
        "known prefix",
        "Z",
        "not an OSV ecosystem",
        "require a repo",
        "full-length",
        "exactly one",
        "SemVer",
        "mutually exclusive",
        "\"extra\"",
    ] {
        assert!(found.contains(needle), "{needle} not caught:\n{found}");
    }
    let bad_cve = serde_json::json!({
        "dataType": "CVE_RECORD", "dataVersion": "5.2",
        "cveMetadata": {"cveId": "CVE-26-1", "assignerOrgId": "x", "state": "PUBLISHED"},
        "containers": {"cna": {
            "providerMetadata": {"orgId": "x"},
            "descriptions": [{"lang": "en", "value": ""}],
            "affected": [],
            "references": [{"url": "not a url"}]
        }}
    });
    let found = cve(&bad_cve).0.join("\n");
    for needle in [
        "not a CVE ID",
        "UUID",
        "length 0",
        "minItems 1",
        "not a URI",
    ] {
        assert!(found.contains(needle), "{needle} not caught:\n{found}");
    }
    let versions = serde_json::json!({
        "dataType": "CVE_RECORD", "dataVersion": "5.2",
        "cveMetadata": {"cveId": "CVE-2026-1234", "assignerOrgId": "b3476cb9-2e3d-41a6-98d0-0f47421a65b6", "state": "PUBLISHED"},
        "containers": {"cna": {
            "providerMetadata": {"orgId": "b3476cb9-2e3d-41a6-98d0-0f47421a65b6"},
            "descriptions": [{"lang": "en", "value": "x"}],
            "affected": [{"vendor": "v", "product": "p", "versions": [
                {"version": "1", "status": "affected", "lessThan": "2"},
                {"version": "1", "status": "affected", "versionType": "semver", "lessThan": "2", "lessThanOrEqual": "3"}
            ]}],
            "references": [{"url": "https://example.org"}]
        }}
    });
    let found = cve(&versions).0.join("\n");
    assert_eq!(found.matches("version forms").count(), 2, "{found}");
}
