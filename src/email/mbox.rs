//! An mbox file: its messages, and their threads. The first message of a
//! thread opens a case; the later ones (linked by `In-Reply-To` or
//! `References`) are the conversation with the reporter, in date order: a
//! mailbox exported newest first must not open a case from a reply.

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

/// Groups messages into threads: messages that point at each other (through
/// `In-Reply-To` or `References`) share one, whatever order the file holds
/// them in. A thread's root is its message that points at no other in the
/// mailbox (the earliest, if several do not); its replies and the threads
/// themselves go by date, then file order, a message without a date last.
pub fn threads(emails: &[Email]) -> Vec<Thread> {
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for (i, email) in emails.iter().enumerate() {
        if let Some(id) = &email.message_id {
            index_of.entry(id).or_insert(i);
        }
    }
    let mut group: Vec<usize> = (0..emails.len()).collect();
    let mut has_parent = vec![false; emails.len()];
    for (i, email) in emails.iter().enumerate() {
        for parent in email.parents().filter_map(|id| index_of.get(id).copied()) {
            if parent != i {
                has_parent[i] = true;
                let (a, b) = (find(&mut group, i), find(&mut group, parent));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let key = |i: usize| (emails[i].date.is_none(), emails[i].date, i);
    let mut order: Vec<usize> = (0..emails.len()).collect();
    order.sort_by_key(|&i| key(i));
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut groups = Vec::new();
    for &i in &order {
        let g = find(&mut group, i);
        let list = members.entry(g).or_default();
        if list.is_empty() {
            groups.push(g);
        }
        list.push(i);
    }
    let mut threads: Vec<Thread> = groups
        .into_iter()
        .map(|g| {
            let mut replies = members.remove(&g).unwrap_or_default();
            let at = replies.iter().position(|&i| !has_parent[i]).unwrap_or(0);
            let root = replies.remove(at);
            Thread { root, replies }
        })
        .collect();
    threads.sort_by_key(|t| key(t.root));
    threads
}

/// The representative of `i`'s group, halving the path on the way.
fn find(group: &mut [usize], mut i: usize) -> usize {
    while group[i] != i {
        group[i] = group[group[i]];
        i = group[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::parse;

    fn email(id: &str, reply_to: Option<&str>) -> Email {
        dated(id, reply_to, None)
    }

    fn dated(id: &str, reply_to: Option<&str>, date: Option<&str>) -> Email {
        let mut raw = format!("From: a@example.org\nMessage-ID: <{id}>\n");
        if let Some(date) = date {
            raw.push_str(&format!("Date: {date}\n"));
        }
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
    fn a_mailbox_newest_first_still_roots_each_thread_at_its_report() {
        let emails = [
            dated("a3", Some("a2"), Some("Wed, 4 Mar 2026 09:00:00 +0000")),
            dated("b2", Some("b"), Some("Tue, 3 Mar 2026 12:00:00 +0000")),
            dated("a2", Some("a"), Some("Tue, 3 Mar 2026 09:00:00 +0000")),
            dated("b", None, Some("Mon, 2 Mar 2026 12:00:00 +0000")),
            dated("a", None, Some("Mon, 2 Mar 2026 09:00:00 +0000")),
        ];
        assert_eq!(
            threads(&emails),
            [
                Thread {
                    root: 4,
                    replies: vec![2, 0]
                },
                Thread {
                    root: 3,
                    replies: vec![1]
                }
            ]
        );
    }

    #[test]
    fn a_reply_whose_report_is_missing_starts_its_own_thread() {
        let emails = [email("x2", Some("x-not-here")), email("x3", Some("x2"))];
        assert_eq!(
            threads(&emails),
            [Thread {
                root: 0,
                replies: vec![1]
            }]
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
