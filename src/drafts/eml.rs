//! A draft as a complete RFC 5322 message: CRLF line ends, RFC 2047
//! encoded headers, a UTF-8 quoted-printable body, and `In-Reply-To` /
//! `References` so it lands in the reporter's thread.

use chrono::{DateTime, Utc};

use super::{Draft, Recipient};

impl Draft {
    /// The draft as text to paste into a mail program: `To:` and `Subject:`
    /// lines, a blank line, the body.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(to) = &self.to {
            out.push_str(&format!("To: {}\n", to.display()));
        }
        out.push_str(&format!("Subject: {}\n\n{}", self.subject, self.body));
        out
    }

    /// A complete RFC 5322 message (CRLF line ends, UTF-8 quoted-printable
    /// body, RFC 2047 encoded headers) threaded on the reporter's messages.
    pub fn to_eml(&self, from: &Recipient, date: DateTime<Utc>, message_id: &str) -> String {
        let mut h: Vec<String> = vec![
            format!("From: {}", mailbox_header(from)),
            format!("Date: {}", date.to_rfc2822()),
            format!("Message-ID: <{message_id}>"),
        ];
        if let Some(to) = &self.to {
            h.push(format!("To: {}", mailbox_header(to)));
        }
        h.push(format!("Subject: {}", encode_words(&self.subject)));
        if let Some(parent) = &self.in_reply_to {
            h.push(format!("In-Reply-To: <{parent}>"));
        }
        if !self.references.is_empty() {
            let refs: Vec<String> = self.references.iter().map(|r| format!("<{r}>")).collect();
            h.push(format!("References: {}", refs.join("\r\n ")));
        }
        h.push("MIME-Version: 1.0".to_owned());
        h.push("Content-Type: text/plain; charset=utf-8".to_owned());
        h.push("Content-Transfer-Encoding: quoted-printable".to_owned());
        h.push(format!("X-Disclose-Case: {}", self.case_id));
        let mut out = h.join("\r\n");
        out.push_str("\r\n\r\n");
        out.push_str(&quoted_printable(&self.body));
        out
    }
}

impl Recipient {
    /// `Name <email>`, or the address alone.
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} <{}>", self.email),
            None => self.email.clone(),
        }
    }
}

/// A Message-ID for a draft: unique per case, time and `token`, in the
/// sender's domain.
pub fn message_id(case_id: &str, from: &Recipient, now: DateTime<Utc>, token: u64) -> String {
    let domain = from
        .email
        .rsplit_once('@')
        .map_or("disclose.invalid", |(_, d)| d);
    format!(
        "{case_id}.{}.{token:016x}@{domain}",
        now.format("%Y%m%d%H%M%S")
    )
}

fn mailbox_header(who: &Recipient) -> String {
    match &who.name {
        Some(name) if name.is_ascii() => {
            let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{escaped}\" <{}>", who.email)
        }
        Some(name) => format!("{} <{}>", encode_words(name), who.email),
        None => who.email.clone(),
    }
}

/// RFC 2047: non-ASCII text as UTF-8 base64 encoded words of at most 75
/// characters, folded onto continuation lines.
fn encode_words(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.is_ascii() {
        return clean;
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in clean.chars() {
        // 45 bytes of input make 60 of base64: 72 with the wrapper.
        if chunk.len() + c.len_utf8() > 45 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before
/// 76 characters.
fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bytes = line.as_bytes();
        let mut width = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let literal =
                (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let piece = if literal {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + piece.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            out.push_str(&piece);
            width += piece.len();
        }
        out.push_str("\r\n");
    }
    // `split` yields one empty line after a final newline.
    if text.ends_with('\n') {
        out.truncate(out.len() - 2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(encode_words("plain"), "plain");
        assert_eq!(encode_words("José"), "=?UTF-8?B?Sm9zw6k=?=");
        assert_eq!(quoted_printable("a=b é \n"), "a=3Db =C3=A9=20\r\n");
        let long = quoted_printable(&"x".repeat(100));
        assert!(long.lines().all(|l| l.len() <= 76), "{long}");
        assert_eq!(
            long.replace("=\r\n", ""),
            format!("{}\r\n", "x".repeat(100))
        );
    }
}
