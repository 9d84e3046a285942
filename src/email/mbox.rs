//! An mbox file: its messages, and their threads. The first message of a
//! thread opens a case; the later ones (linked by `In-Reply-To` or
//! `References`) are the conversation with the reporter, in file order,
//! which is the order mail programs append them in.

use std::collections::HashMap;

use mail_parser::mailbox::mbox::MessageIterator;

use super::{Email, EmailError};

/// Splits an mbox (`From ` separator lines, `>From ` quoting) into raw messages.
pub fn split_mbox(raw: &[u8]) -> Result<Vec<Vec<u8>>, EmailError> {
    if !raw.starts_with(b"From ") {
        return Err(EmailError::NotAnMbox);
    }
    let messages: Vec<Vec<u8>> = MessageIterator::new(raw)
        .map(|m| m.map(|m| m.contents().to_vec()))
        .collect::<Result<_, _>>()
        .map_err(|_| EmailError::NotAnMbox)?;
    if messages.is_empty() {
        return Err(EmailError::NotAnMbox);
    }
    Ok(messages)
}

/// One conversation: indexes into the message list, root first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub root: usize,
    pub replies: Vec<usize>,
}

/// Groups messages into threads: a message joins the thread of any earlier
/// message it points back to, or starts a new one.
pub fn threads(emails: &[Email]) -> Vec<Thread> {
    let mut threads: Vec<Thread> = Vec::new();
    let mut thread_of: HashMap<&str, usize> = HashMap::new();
    for (i, email) in emails.iter().enumerate() {
        let joined = email.parents().find_map(|id| thread_of.get(id).copied());
        let t = match joined {
            Some(t) => {
                threads[t].replies.push(i);
                t
            }
            None => {
                threads.push(Thread {
                    root: i,
                    replies: Vec::new(),
                });
                threads.len() - 1
            }
        };
        if let Some(id) = &email.message_id {
            thread_of.entry(id).or_insert(t);
        }
    }
    threads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::parse;

    fn email(id: &str, reply_to: Option<&str>) -> Email {
        let mut raw = format!("From: a@example.org\nMessage-ID: <{id}>\n");
        if let Some(parent) = reply_to {
            raw.push_str(&format!(
                "In-Reply-To: <{parent}>\nReferences: <{parent}>\n"
            ));
        }
        raw.push_str("\nbody\n");
        parse(raw.as_bytes()).unwrap()
    }

    #[test]
    fn replies_join_their_thread_in_order() {
        let emails = [
            email("a", None),
            email("b", None),
            email("a2", Some("a")),
            email("a3", Some("a2")),
            email("b2", Some("b")),
        ];
        assert_eq!(
            threads(&emails),
            [
                Thread {
                    root: 0,
                    replies: vec![2, 3]
                },
                Thread {
                    root: 1,
                    replies: vec![4]
                }
            ]
        );
    }

    #[test]
    fn an_mbox_splits_on_from_lines() {
        let raw = b"From a@b Mon Mar  2 09:00:00 2026\nFrom: a@b.c\n\n>From here\n\nFrom b@c Mon Mar  2 10:00:00 2026\nFrom: b@c.d\n\nx\n";
        let messages = split_mbox(raw).unwrap();
        assert_eq!(messages.len(), 2);
        assert!(String::from_utf8_lossy(&messages[0]).contains("\nFrom here"));
        assert_eq!(split_mbox(b"From: a@b.c\n\nx"), Err(EmailError::NotAnMbox));
    }
}
