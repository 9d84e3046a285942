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

/// A header value: control characters dropped, non-ASCII as encoded words.
fn encode_words(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    crate::email::mime::encoded_words(&clean, "\r\n ")
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
