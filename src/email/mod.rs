//! Reports that arrive by email: parsing a message (`parse`), splitting an
//! mbox and grouping its threads (`mbox`), turning a body into report
//! fields (`sections`), and naming attachments safely (`attachment`).
//!
//! Nothing here does I/O: the commands read the bytes and write the store.

mod attachment;
pub mod import;
mod mbox;
pub mod mime;
mod parse;
mod sections;
mod size;

use chrono::{DateTime, Utc};

pub use attachment::{SafeNames, safe_name, sha256_hex};
pub use mbox::{Thread, split_mbox, threads};
pub use parse::{EmailError, check_size, parse};
pub use sections::{ReportSections, clean_subject, reply_text, split_sections};
pub use size::ByteSize;

/// What `disclose` takes from one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The `Message-ID` without angle brackets, if the message had one.
    pub message_id: Option<String>,
    pub subject: Option<String>,
    pub from: Mailbox,
    pub date: Option<DateTime<Utc>>,
    /// `In-Reply-To` and `References` ids, without angle brackets.
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    /// The text body (HTML converted to text when there is no text part).
    pub body: String,
    pub attachments: Vec<Part>,
    /// SHA-256 of the raw message, to recognise it again when it has no Message-ID.
    pub sha256: String,
    /// Size of the raw message in bytes.
    pub size: usize,
}

/// A sender: the display name (decoded) and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

/// One attachment as the message carried it; the name is untrusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: Option<String>,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Email {
    /// Every id this message points back to, nearest first.
    pub fn parents(&self) -> impl Iterator<Item = &str> {
        self.in_reply_to
            .iter()
            .chain(self.references.iter().rev())
            .map(String::as_str)
    }
}
