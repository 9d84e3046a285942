//! One RFC 5322 / MIME message to an `Email`, refusing what cannot be read
//! faithfully (no From, a broken MIME structure, an unknown charset) rather
//! than importing a garbled report.

use chrono::{DateTime, Utc};
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::decoders::html::html_to_text;
use mail_parser::{HeaderValue, MessageParser, MimeHeaders as _, PartType};

use super::attachment::sha256_hex;
use super::{Email, Mailbox, Part};

/// Why a message cannot be imported. The command adds the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("not an email message (it does not start with header lines such as `From: ...`)")]
    NotAnEmail,
    #[error("not an mbox file (it does not start with a `From ` separator line)")]
    NotAnMbox,
    #[error("the message has no From address")]
    NoFrom,
    #[error("the From address {0:?} holds a space or a control character (such as NUL)")]
    BadFrom(String),
    #[error("broken MIME structure: {0}")]
    BrokenMime(String),
    #[error("unknown charset {0:?}")]
    UnknownCharset(String),
    #[error(
        "the message is {}, over the limit of {}",
        super::ByteSize(*size),
        super::ByteSize(*limit)
    )]
    TooLarge { size: usize, limit: usize },
}

/// Refuses a message bigger than `limit` bytes.
pub fn check_size(size: usize, limit: usize) -> Result<(), EmailError> {
    if size > limit {
        return Err(EmailError::TooLarge { size, limit });
    }
    Ok(())
}

/// Parses one message.
pub fn parse(raw: &[u8]) -> Result<Email, EmailError> {
    let raw = skip_envelope_line(raw);
    if !starts_with_header(raw) {
        return Err(EmailError::NotAnEmail);
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(EmailError::NotAnEmail)?;
    if message.headers().is_empty() {
        return Err(EmailError::NotAnEmail);
    }

    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|addr| {
            let address = addr.address.as_deref()?.trim();
            address.contains('@').then(|| Mailbox {
                name: addr
                    .name
                    .as_deref()
                    .map(clean_line)
                    .filter(|n| !n.is_empty() && n != address),
                address: address.to_owned(),
            })
        })
        .ok_or(EmailError::NoFrom)?;
    // Stored as it is, the address must not be one that cleaning would
    // change (a NUL would become a space) or that a header cannot hold.
    if from
        .address
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(EmailError::BadFrom(from.address));
    }

    check_structure(&message)?;

    let date = message
        .date()
        .filter(|d| d.is_valid())
        .and_then(|d| DateTime::<Utc>::from_timestamp(d.to_timestamp(), 0));
    let body = match message.text_part(0).map(|p| &p.body) {
        Some(PartType::Text(text)) => normalise_body(text),
        Some(PartType::Html(html)) => normalise_body(&html_text(html)),
        _ => String::new(),
    };
    let attachments = message
        .attachments()
        .filter(|part| !is_body_part(&message, part))
        .map(|part| Part {
            name: part.attachment_name().map(str::to_owned),
            content_type: part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{sub}", ct.ctype()),
                    None => ct.ctype().to_owned(),
                })
                .unwrap_or_else(|| "application/octet-stream".to_owned())
                .to_ascii_lowercase(),
            bytes: part.contents().to_vec(),
        })
        .collect();

    Ok(Email {
        message_id: message
            .message_id()
            .map(clean_id)
            .filter(|id| !id.is_empty()),
        subject: message.subject().map(clean_line).filter(|s| !s.is_empty()),
        from,
        date,
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        body,
        attachments,
        sha256: sha256_hex(raw),
        size: raw.len(),
    })
}

/// A saved message may begin with an mbox `From sender date` line.
fn skip_envelope_line(raw: &[u8]) -> &[u8] {
    if raw.starts_with(b"From ") {
        match raw.iter().position(|&b| b == b'\n') {
            Some(end) => &raw[end + 1..],
            None => &[],
        }
    } else {
        raw
    }
}

/// The first line is `Name: value` with a printable ASCII field name.
fn starts_with_header(raw: &[u8]) -> bool {
    let line = raw.split(|&b| b == b'\n').next().unwrap_or_default();
    match line.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => line[..colon]
            .iter()
            .all(|&b| b.is_ascii_graphic() && b != b':'),
        _ => false,
    }
}

/// Refuses multiparts without a boundary, parts the parser could not
/// decode, and text in a charset it does not know (which it would
/// otherwise read as UTF-8 and garble).
fn check_structure(message: &mail_parser::Message<'_>) -> Result<(), EmailError> {
    for (i, part) in message.parts.iter().enumerate() {
        let ct = part.content_type();
        if let Some(ct) = ct
            && ct.ctype().eq_ignore_ascii_case("multipart")
            && ct.attribute("boundary").is_none_or(str::is_empty)
        {
            return Err(EmailError::BrokenMime(
                "a multipart part has no boundary".to_owned(),
            ));
        }
        if part.is_encoding_problem {
            return Err(EmailError::BrokenMime(format!(
                "part {} cannot be decoded (a missing boundary or a bad transfer encoding)",
                i + 1
            )));
        }
        if matches!(part.body, PartType::Text(_) | PartType::Html(_))
            && let Some(charset) = ct.and_then(|ct| ct.attribute("charset"))
        {
            let name = charset.trim();
            let utf8 = ["utf-8", "utf8"]
                .iter()
                .any(|u| name.eq_ignore_ascii_case(u));
            if !utf8 && charset_decoder(name.as_bytes()).is_none() {
                return Err(EmailError::UnknownCharset(name.to_owned()));
            }
        }
    }
    Ok(())
}

/// A single-part message's text is its body, even when the parser also
/// lists it as an attachment (a text part with a name).
fn is_body_part(message: &mail_parser::Message<'_>, part: &mail_parser::MessagePart<'_>) -> bool {
    message
        .text_body
        .iter()
        .chain(message.html_body.iter())
        .any(|&i| std::ptr::eq(&message.parts[i as usize], part))
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    value
        .as_text_list()
        .unwrap_or_default()
        .iter()
        .map(|id| clean_id(id))
        .filter(|id| !id.is_empty())
        .collect()
}

fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// One line of header text: control characters dropped, runs of
/// whitespace folded.
fn clean_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tags that end a line of text. The parser's converter only breaks lines
/// at `<br>` and `</p>`, which would run headings into their paragraphs
/// and hide the sections of an HTML report.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "hr",
];

/// HTML to text, with a line break at every block element.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let Some(end) = tail.find('>') else {
            rest = tail;
            break;
        };
        let tag = &tail[..=end];
        out.push_str(tag);
        let name = tag[1..]
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push_str("<br>");
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    html_to_text(&out)
}

/// LF line ends, no trailing spaces, no signature, no blank edges, at most
/// one blank line in a row.
fn normalise_body(text: &str) -> String {
    let mut lines = Vec::new();
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        if line == "-- " {
            break;
        }
        let line: String = line
            .chars()
            .filter(|&c| c == '\t' || !c.is_control())
            .collect();
        let line = line.trim_end().to_owned();
        if line.is_empty() && lines.last().is_some_and(String::is_empty) {
            continue;
        }
        lines.push(line);
    }
    lines.join("\n").trim_matches('\n').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_message_parses() {
        let raw = b"From: Ada <ada@example.org>\r\nSubject: Hi\r\nMessage-ID: <a@b>\r\nDate: Sun, 1 Mar 2026 10:00:00 +0100\r\n\r\nBody line\r\n-- \r\nsig\r\n";
        let email = parse(raw).unwrap();
        assert_eq!(email.from.address, "ada@example.org");
        assert_eq!(email.from.name.as_deref(), Some("Ada"));
        assert_eq!(email.message_id.as_deref(), Some("a@b"));
        assert_eq!(email.body, "Body line");
        assert_eq!(
            email.date.unwrap().to_rfc3339(),
            "2026-03-01T09:00:00+00:00"
        );
    }

    #[test]
    fn html_blocks_become_lines() {
        assert_eq!(
            normalise_body(&html_text(
                "<div><h3>Impact</h3><p>All &amp; more</p><p>Next<br>line</p></div>"
            )),
            "Impact\n\nAll & more\n\nNext\nline"
        );
    }

    #[test]
    fn garbage_is_not_an_email() {
        for raw in [
            &b""[..],
            b"hello world\n",
            b"\x89PNG\r\n\x1a\n\0\0",
            b": x\n",
        ] {
            assert_eq!(parse(raw), Err(EmailError::NotAnEmail), "{raw:?}");
        }
    }

    #[test]
    fn a_message_without_from_is_refused() {
        assert_eq!(parse(b"Subject: x\n\nbody\n"), Err(EmailError::NoFrom));
        assert_eq!(
            parse(b"From: nobody\nSubject: x\n\nbody\n"),
            Err(EmailError::NoFrom)
        );
    }

    #[test]
    fn a_from_address_with_a_nul_is_refused_not_stored() {
        for raw in [
            &b"From: Ada <ada\0x@example.org>\nSubject: x\n\nbody\n"[..],
            b"From: ada\0x@example.org\nSubject: x\n\nbody\n",
        ] {
            match parse(raw) {
                Err(EmailError::BadFrom(address)) => assert!(address.contains('\0')),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn unknown_charsets_and_missing_boundaries_are_refused() {
        let raw = b"From: a@b.c\nContent-Type: text/plain; charset=x-klingon\n\nqapla\n";
        assert_eq!(
            parse(raw),
            Err(EmailError::UnknownCharset("x-klingon".into()))
        );
        let raw = b"From: a@b.c\nContent-Type: multipart/mixed\n\n--x\n\nhi\n--x--\n";
        assert!(matches!(parse(raw), Err(EmailError::BrokenMime(_))));
    }

    proptest::proptest! {
        #[test]
        fn no_input_crashes_the_parser(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = parse(&body);
            let mut raw = b"From: a@b.c\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n".to_vec();
            raw.extend_from_slice(&body);
            let _ = parse(&raw);
            let _ = crate::email::split_mbox(&raw);
        }
    }

    #[test]
    fn size_limit() {
        assert!(check_size(10, 10).is_ok());
        assert_eq!(
            check_size(11, 10),
            Err(EmailError::TooLarge {
                size: 11,
                limit: 10
            })
        );
    }
}
