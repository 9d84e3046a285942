//! The leak guard: every rendered public file is scanned, before `publish`
//! and on `export`, for what must not go out even when a maintainer typed
//! it into the public text by mistake.
//!
//! - every private string the case holds: the reporter's name, email and
//!   handle, withheld credits, attachment names, private note and contact
//!   text (12 characters or more), the reproduction steps, the recorded
//!   evidence of exploitation and malicious actor (CRA); compared after
//!   Unicode NFKC normalisation, case folding and percent-decoding, so
//!   `ADA@EXAMPLE.ORG`, a fullwidth `＠` and `%40` are all the same address;
//! - any email address other than the policy's contact, the announcement's
//!   recipients (`announce_to`) and the contacts of credits with consent;
//! - phone numbers, PGP fingerprints and key IDs, private IP addresses and
//!   hostnames under `.internal`, `.local`, `.corp`, `.lan`.
//!
//! The patterns stay clear of what an advisory legitimately holds: versions,
//! CVE and GHSA IDs, commit hashes, dates and times, CVSS vectors, URLs.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization as _;

use crate::model::case::{Case, Consent, RangeEvent};
use crate::model::policy::Policy;

/// Private text shorter than this (a note saying "ok") is too likely to
/// be ordinary words.
const MIN_TEXT: usize = 12;
/// Names shorter than this are too likely to be parts of words.
const MIN_NAME: usize = 3;

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeakKind {
    ReporterName,
    ReporterEmail,
    ReporterHandle,
    WithheldCredit,
    AttachmentName,
    PrivateNote,
    ContactMessage,
    ReproductionSteps,
    ExploitationEvidence,
    MaliciousActor,
    EmailAddress,
    PhoneNumber,
    PgpFingerprint,
    PgpKeyId,
    PrivateIp,
    InternalHostname,
}

impl LeakKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReporterName => "reporter-name",
            Self::ReporterEmail => "reporter-email",
            Self::ReporterHandle => "reporter-handle",
            Self::WithheldCredit => "withheld-credit",
            Self::AttachmentName => "attachment-name",
            Self::PrivateNote => "private-note",
            Self::ContactMessage => "contact-message",
            Self::ReproductionSteps => "reproduction-steps",
            Self::ExploitationEvidence => "exploitation-evidence",
            Self::MaliciousActor => "malicious-actor",
            Self::EmailAddress => "email-address",
            Self::PhoneNumber => "phone-number",
            Self::PgpFingerprint => "pgp-fingerprint",
            Self::PgpKeyId => "pgp-key-id",
            Self::PrivateIp => "private-ip",
            Self::InternalHostname => "internal-hostname",
        }
    }

    /// In words, for messages.
    pub fn words(self) -> &'static str {
        match self {
            Self::ReporterName => "the reporter's name",
            Self::ReporterEmail => "the reporter's email address",
            Self::ReporterHandle => "the reporter's handle",
            Self::WithheldCredit => "a name or contact whose credit consent is not granted",
            Self::AttachmentName => "the name of an attachment",
            Self::PrivateNote => "text of a private note",
            Self::ContactMessage => "text of a message exchanged with the reporter",
            Self::ReproductionSteps => "the reporter's reproduction steps",
            Self::ExploitationEvidence => "the recorded evidence of exploitation",
            Self::MaliciousActor => "what is recorded of the malicious actor",
            Self::EmailAddress => {
                "an email address that is not the policy's contact or announce_to"
            }
            Self::PhoneNumber => "a phone number",
            Self::PgpFingerprint => "a PGP fingerprint",
            Self::PgpKeyId => "a PGP key ID",
            Self::PrivateIp => "a private IP address",
            Self::InternalHostname => "an internal hostname",
        }
    }
}

/// One thing in a public file that must not go out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leak {
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub kind: LeakKind,
    /// What was found, as the file spells it (for private strings, as the
    /// case holds it).
    pub text: String,
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {} ({}): {:?}",
            self.file,
            self.line,
            self.kind.words(),
            self.kind.as_str(),
            self.text
        )
    }
}

/// The guard for one case: its private strings, folded, and the addresses
/// that may appear.
#[derive(Debug, Clone)]
pub struct Guard {
    secrets: Vec<Secret>,
    allowed_emails: Vec<String>,
    commits: Vec<String>,
    /// Every version the case records (ranges, versions, fixes, releases):
    /// a four-part version such as `10.2.0.1` reads as a private address.
    versions: Vec<String>,
}

#[derive(Debug, Clone)]
struct Secret {
    kind: LeakKind,
    original: String,
    folded: String,
}

impl Guard {
    pub fn new(case: &Case, policy: &Policy) -> Self {
        let granted: Vec<&crate::model::case::Credit> = case
            .credits
            .iter()
            .filter(|c| c.consent == Consent::Granted)
            .collect();
        let mut public: Vec<String> = granted.iter().map(|c| fold(&c.name)).collect();
        public.extend(policy.project.iter().map(|p| fold(p)));
        let announce_to = policy
            .announce_to
            .iter()
            .flat_map(|to| to.split(',').map(str::trim).map(str::to_owned));
        let mut allowed_emails: Vec<String> = policy
            .contact
            .iter()
            .cloned()
            .chain(announce_to)
            .chain(granted.iter().flat_map(|c| c.contact.iter()).cloned())
            .map(|e| fold(e.trim().trim_start_matches("mailto:")))
            .collect();
        let reporter_email = case.reporter.email.as_deref().map(fold);
        allowed_emails.retain(|e| Some(e) != reporter_email.as_ref());

        let mut secrets = Vec::new();
        let mut add = |kind: LeakKind, text: &str, min: usize| {
            let folded = fold(text);
            if folded.chars().count() < min {
                return;
            }
            // A string that is public anyway (a credited name) is no secret.
            if public.iter().any(|p| find_word(p, &folded).is_some()) {
                return;
            }
            secrets.push(Secret {
                kind,
                original: text.trim().to_owned(),
                folded,
            });
        };
        let r = &case.reporter;
        if let Some(name) = &r.name {
            add(LeakKind::ReporterName, name, MIN_NAME);
        }
        if let Some(email) = &r.email {
            add(LeakKind::ReporterEmail, email, 1);
        }
        if let Some(handle) = &r.handle {
            add(LeakKind::ReporterHandle, handle, MIN_NAME);
        }
        if let Some(from) = case.source.as_ref().map(|s| s.from.as_str())
            && let Some(address) = from
                .rsplit_once('<')
                .and_then(|(_, a)| a.strip_suffix('>'))
                .or(Some(from).filter(|f| f.contains('@')))
        {
            add(LeakKind::ReporterEmail, address, 1);
        }
        for credit in case
            .credits
            .iter()
            .filter(|c| c.consent != Consent::Granted)
        {
            add(LeakKind::WithheldCredit, &credit.name, MIN_NAME);
            for contact in &credit.contact {
                add(LeakKind::WithheldCredit, contact, MIN_NAME);
            }
        }
        for a in &case.attachments {
            add(LeakKind::AttachmentName, &a.name, MIN_NAME);
            if let Some(original) = &a.original_name {
                add(LeakKind::AttachmentName, original, MIN_NAME);
            }
        }
        for note in case.notes.iter().filter(|n| n.private) {
            add(LeakKind::PrivateNote, &note.text, MIN_TEXT);
        }
        for contact in &case.contacts {
            add(LeakKind::ContactMessage, &contact.text, MIN_TEXT);
        }
        if let Some(steps) = &case.report.reproduction {
            for paragraph in steps.split("\n\n") {
                add(LeakKind::ReproductionSteps, paragraph, 2 * MIN_TEXT);
            }
        }
        // What is recorded of the exploitation goes to the authorities only.
        if let Some(exploited) = &case.exploited {
            for paragraph in exploited.evidence.split("\n\n") {
                add(LeakKind::ExploitationEvidence, paragraph, MIN_TEXT);
            }
            if let Some(actor) = &exploited.actor {
                add(LeakKind::MaliciousActor, actor, MIN_NAME);
            }
        }
        // The longest first, so a name inside an address is reported as the address.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.folded.len()));
        let commits = case
            .fixes
            .iter()
            .flat_map(|f| f.commits.iter())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let ranges = case.affected.iter().flat_map(|a| {
            a.ranges
                .iter()
                .flat_map(|r| r.events.iter().map(RangeEvent::version))
                .chain(a.versions.iter().map(String::as_str))
        });
        let fixed = case.fixes.iter().filter_map(|f| f.version.as_deref());
        let versions = ranges
            .chain(fixed)
            .chain(case.releases.keys().map(String::as_str))
            .map(|v| v.trim_start_matches(['v', 'V']).to_owned())
            .collect();
        Self {
            secrets,
            allowed_emails,
            commits,
            versions,
        }
    }

    /// Every finding in one rendered file; `json` files have their string
    /// escapes read first, so `\n` does not glue words together.
    pub fn scan(&self, file: &str, text: &str, json: bool) -> Vec<Leak> {
        let mut out = Vec::new();
        // Lines, decoded (NFKC, percent-decoding, JSON escapes) and folded.
        let decoded: Vec<String> = text
            .lines()
            .map(|line| {
                let line = if json {
                    json_unescape(line)
                } else {
                    line.to_owned()
                };
                decode(&line)
            })
            .collect();
        let mut folded = String::new();
        let mut starts = Vec::with_capacity(decoded.len());
        for line in &decoded {
            starts.push(folded.len());
            folded.push_str(&collapse(&line.to_lowercase()));
            folded.push(' ');
        }
        let line_of = |at: usize| starts.partition_point(|&s| s <= at).max(1);
        let mut claimed: Vec<(usize, String)> = Vec::new();
        for secret in &self.secrets {
            let mut from = 0;
            while let Some(at) = find_word(&folded[from..], &secret.folded) {
                let start = from + at;
                let line = line_of(start);
                let end = start + secret.folded.len();
                // Inside a longer secret found already: reported once.
                let inside = claimed
                    .iter()
                    .any(|(l, s)| *l == line && s.contains(&secret.folded));
                if !inside {
                    claimed.push((line, secret.folded.clone()));
                    out.push(Leak {
                        file: file.to_owned(),
                        line,
                        kind: secret.kind,
                        text: secret.original.clone(),
                    });
                }
                from = end;
            }
        }
        for (i, line) in decoded.iter().enumerate() {
            // A message's own ID names its domain, not a person.
            if !json && line.to_ascii_lowercase().starts_with("message-id:") {
                continue;
            }
            for (kind, found) in self.patterns(line) {
                let f = collapse(&found.to_lowercase());
                if claimed
                    .iter()
                    .any(|(l, s)| *l == i + 1 && (s.contains(&f) || f.contains(s.as_str())))
                {
                    continue;
                }
                claimed.push((i + 1, f));
                out.push(Leak {
                    file: file.to_owned(),
                    line: i + 1,
                    kind,
                    text: found,
                });
            }
        }
        out.sort_by_key(|f| (f.line, f.kind));
        out
    }

    /// Every finding in a set of advisory files.
    pub fn scan_files(&self, files: &super::AdvisoryFiles) -> Vec<Leak> {
        files
            .files
            .iter()
            .flat_map(|(format, text)| self.scan_format(*format, text))
            .collect()
    }

    /// Every finding in one format's rendering.
    pub fn scan_format(&self, format: super::Format, text: &str) -> Vec<Leak> {
        let json = matches!(format, super::Format::Osv | super::Format::Cve);
        self.scan(format.file_name(), text, json)
    }

    fn patterns(&self, line: &str) -> Vec<(LeakKind, String)> {
        let mut out = Vec::new();
        for email in emails(line) {
            if !self.allowed_emails.contains(&fold(&email)) {
                out.push((LeakKind::EmailAddress, email));
            }
        }
        out.extend(pgp(line, &self.commits));
        out.extend(phones(line).into_iter().map(|p| (LeakKind::PhoneNumber, p)));
        out.extend(
            private_ips(line, &self.versions)
                .into_iter()
                .map(|p| (LeakKind::PrivateIp, p)),
        );
        out.extend(
            internal_hosts(line)
                .into_iter()
                .map(|h| (LeakKind::InternalHostname, h)),
        );
        out
    }
}

/// NFKC, percent-decoded, NFKC again (a fullwidth `％４０` is `%40`).
fn decode(text: &str) -> String {
    let nfkc: String = text.nfkc().collect();
    percent_decode(&nfkc).nfkc().collect()
}

/// The form private strings are compared in: decoded, case-folded, with
/// runs of white space as one space.
pub fn fold(text: &str) -> String {
    collapse(&decode(text).to_lowercase()).trim().to_owned()
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Reads the escapes of JSON strings on one line (`\n`, `\"`, `\u00e9`).
fn json_unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'r' | 't') => out.push(' '),
            Some('u') => {
                let code: String = chars.by_ref().take(4).collect();
                match u32::from_str_radix(&code, 16).ok().and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => out.push(' '),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Where `needle` stands in `hay` as a whole word (no letter or digit
/// right before or after it).
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let edge_ok = |inner: Option<char>, outer: Option<char>| !(word(inner) && word(outer));
        if edge_ok(needle.chars().next(), before) && edge_ok(needle.chars().next_back(), after) {
            return Some(start);
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Email addresses: a local part, `@`, a domain with a letter TLD.
fn emails(line: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if c != '@' {
            continue;
        }
        let mut s = i;
        while s > 0 && local(chars[s - 1].1) {
            s -= 1;
        }
        let mut e = i + 1;
        while e < chars.len() && domain(chars[e].1) {
            e += 1;
        }
        let start = chars[s].0;
        let end = chars.get(e).map_or(line.len(), |&(b, _)| b);
        let local_part = line[start..at].trim_start_matches('.');
        let host = line[at + 1..end].trim_end_matches(['.', '-']);
        let tld = host.rsplit('.').next().unwrap_or_default();
        if !local_part.is_empty()
            && host.contains('.')
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic())
        {
            out.push(format!("{local_part}@{host}"));
        }
    }
    out
}

/// Phone numbers: 9 to 15 digits in groups, either international (`+`),
/// with an area code in parentheses, or in three or more groups (two when
/// the first starts with a trunk `0`). A bare run of digits, a dotted
/// version or address, a date or anything glued to a word is not one.
fn phones(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = c == '+' || c == '(' || c.is_ascii_digit();
        let glued =
            i > 0 && (chars[i - 1].is_alphanumeric() || "-_./:#=@&?%+\\".contains(chars[i - 1]));
        if !starts || glued {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len()
            && (chars[j].is_ascii_digit() || " -.()".contains(chars[j]))
            && !(chars[j] == ' ' && chars.get(j + 1).is_some_and(|n| *n == ' '))
        {
            j += 1;
        }
        let mut end = j;
        while end > i && !chars[end - 1].is_ascii_digit() {
            end -= 1;
        }
        let candidate: String = chars[i..end].iter().collect();
        let next = chars.get(end).copied();
        let next_glued = next.is_some_and(|n| {
            n.is_alphanumeric()
                || (":/".contains(n))
                || ("-.".contains(n) && chars.get(end + 1).is_some_and(char::is_ascii_digit))
        });
        if !next_glued && is_phone(&candidate) {
            out.push(candidate);
            i = end.max(i + 1);
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

fn is_phone(candidate: &str) -> bool {
    let digits = candidate.chars().filter(char::is_ascii_digit).count();
    if !(9..=15).contains(&digits) {
        return false;
    }
    let groups: Vec<&str> = candidate
        .split([' ', '-', '.', '(', ')'])
        .filter(|g| !g.is_empty())
        .collect();
    let separators: String = candidate.chars().filter(|c| " -.()".contains(*c)).collect();
    // Versions and addresses have dots only; so do the two ways of writing
    // a number with dots that no version or address takes: North American
    // (555.123.4567, 1.555.123.4567) and five pairs from a trunk 0
    // (01.23.45.67.89).
    if !separators.is_empty() && separators.chars().all(|c| c == '.') && !candidate.starts_with('+')
    {
        let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        return matches!(lens.as_slice(), [3, 3, 4] | [1, 3, 3, 4])
            || (lens == [2; 5] && groups[0].starts_with('0'));
    }
    // 2026-03-02 and the like.
    let date = groups.len() >= 3
        && groups[0].len() == 4
        && groups[1].len() == 2
        && groups[2].len() == 2
        && (groups[0].starts_with("19") || groups[0].starts_with("20"));
    if date {
        return false;
    }
    candidate.starts_with('+')
        || candidate.starts_with('(')
        || groups.len() >= 3
        || (groups.len() == 2 && groups[0].starts_with('0') && digits >= 10)
}

/// Words that make a run of hex digits a key rather than a hash.
fn pgp_context(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "pgp",
        "gpg",
        "openpgp",
        "fingerprint",
        "key id",
        "keyid",
        "public key",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// PGP fingerprints (40 hex digits: ten groups of four, or in one run in
/// capitals or beside a word such as "fingerprint") and key IDs (`0x` and
/// 8 or 16 hex digits beside such a word, or four groups of four). A fix
/// commit's hash is never one.
fn pgp(line: &str, commits: &[String]) -> Vec<(LeakKind, String)> {
    let mut out = Vec::new();
    let context = pgp_context(line);
    // Runs of space-separated groups of four hex digits.
    // A group at the end of a sentence keeps its punctuation: `CD34,`.
    let tokens: Vec<&str> = line
        .split(' ')
        .map(|t| {
            t.trim_start_matches('(')
                .trim_end_matches([',', '.', ';', ':', ')'])
        })
        .collect();
    let is_group = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_hexdigit());
    let mut i = 0;
    while i < tokens.len() {
        if !is_group(tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut groups = Vec::new();
        while j < tokens.len()
            && (is_group(tokens[j]) || (tokens[j].is_empty() && !groups.is_empty()))
        {
            if !tokens[j].is_empty() {
                groups.push(tokens[j]);
            }
            j += 1;
        }
        let letters = groups
            .iter()
            .any(|g| g.bytes().any(|b| b.is_ascii_alphabetic()));
        if groups.len() >= 10 {
            out.push((LeakKind::PgpFingerprint, groups[..10].join(" ")));
        } else if groups.len() >= 4 && (letters || context) {
            out.push((LeakKind::PgpKeyId, groups.join(" ")));
        }
        i = j.max(i + 1);
    }
    // Runs of hex digits in one piece.
    let bytes = line.as_bytes();
    let mut i = 0;
    let prefixed_at = |i: usize| {
        i >= 2
            && line
                .get(i - 2..i)
                .is_some_and(|p| p.eq_ignore_ascii_case("0x"))
    };
    while i < bytes.len() {
        let glued_before = i > 0 && bytes[i - 1].is_ascii_alphanumeric() && !prefixed_at(i);
        if !bytes[i].is_ascii_hexdigit() || glued_before {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_hexdigit() {
            j += 1;
        }
        let glued_after = j < bytes.len() && bytes[j].is_ascii_alphanumeric();
        let run = &line[i..j];
        let prefixed = prefixed_at(i);
        let capitals = run.bytes().any(|b| b.is_ascii_uppercase())
            && !run.bytes().any(|b| b.is_ascii_lowercase());
        if !glued_after {
            if run.len() == 40
                && !commits.contains(&run.to_ascii_lowercase())
                && (capitals || context || prefixed)
            {
                out.push((LeakKind::PgpFingerprint, run.to_owned()));
            } else if (run.len() == 16 || run.len() == 8) && context && (prefixed || capitals) {
                out.push((LeakKind::PgpKeyId, run.to_owned()));
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Dotted IPv4 addresses in the private ranges (10/8, 172.16/12,
/// 192.168/16) and IPv6 unique local addresses (fc00::/7). Four numbers
/// that are one of the case's `versions`, follow a `v` or a version word
/// (`v10.2.0.1`, `version 10.2.0.1`), or continue a list or range of such
/// (`10.2.0.1, 10.2.0.2 and 10.2.0.3`) are a version.
fn private_ips(line: &str, versions: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut last_version_end = None;
    for token in line.split(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':')) {
        let token = token.trim_matches(['.', ':']);
        // Where the token starts in `line`: it is a slice of it.
        let at = token.as_ptr() as usize - line.as_ptr() as usize;
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() == 4
            && (versions.iter().any(|v| v == token)
                || follows_version_word(&line[..at])
                || last_version_end.is_some_and(|end| joins_versions(&line[end..at])))
        {
            last_version_end = Some(at + token.len());
            continue;
        }
        if parts.len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let octets: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if octets.iter().all(|o| *o <= 255) {
                let private = octets[0] == 10
                    || (octets[0] == 172 && (16..=31).contains(&octets[1]))
                    || (octets[0] == 192 && octets[1] == 168);
                if private {
                    out.push(token.to_owned());
                }
            }
            continue;
        }
        let lower = token.to_ascii_lowercase();
        let groups: Vec<&str> = lower.split(':').collect();
        if groups.len() >= 3
            && lower.contains("::")
            && groups[0].len() == 4
            && (groups[0].starts_with("fc") || groups[0].starts_with("fd"))
            && groups.iter().all(|g| g.len() <= 4)
        {
            out.push(token.to_owned());
        }
    }
    out
}

/// `before` ends with a `v` glued to what follows, a word that names a
/// version (`version`, `release`) or a version comparison (`<=`, `==`,
/// `~>`). Not `=` or `@` alone: `host=10.0.0.5` and `root@10.0.0.5` are
/// addresses.
fn follows_version_word(before: &str) -> bool {
    let glued_v = before
        .strip_suffix(['v', 'V'])
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric));
    let trimmed = before.trim_end();
    let word = trimmed.to_lowercase();
    let word = word.trim_end_matches(':');
    glued_v
        || trimmed.ends_with(['<', '>', '~', '^'])
        || ["<=", ">=", "==", "!=", "~="]
            .iter()
            .any(|op| trimmed.ends_with(op))
        || ["version", "versions", "release", "releases"]
            .iter()
            .any(|w| {
                word.strip_suffix(w).is_some_and(|rest| {
                    !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                })
            })
}

/// What goes between two versions of a list or a range.
fn joins_versions(between: &str) -> bool {
    let word = between.trim().trim_start_matches(',').trim().to_lowercase();
    ["", "and", "or", "to", "-", "–", "through", "up to"].contains(&word.as_str())
}

/// Hostnames whose last label is one that only private networks use.
fn internal_hosts(line: &str) -> Vec<String> {
    const PRIVATE: [&str; 5] = ["internal", "local", "corp", "lan", "intranet"];
    let mut out = Vec::new();
    for token in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')) {
        let host = token.trim_end_matches('.');
        let labels: Vec<&str> = host.split('.').collect();
        let Some(last) = labels.last() else { continue };
        if labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
            && PRIVATE.contains(&last.to_ascii_lowercase().as_str())
        {
            out.push(host.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests;
