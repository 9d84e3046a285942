//! The shapes of the identifiers the tool accepts: email addresses, URLs,
//! UUIDs and commit hashes. One home for each rule, so the policy, the
//! commands and the exporters accept exactly the same values.

use crate::error::{Error, Result};

/// An address that can stand in a mail header as it is: one `@`, a local
/// part, a domain with a dot, printable ASCII without the characters that
/// would make it a display name or a group.
pub fn is_email_address(text: &str) -> bool {
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>()[]\\,;:\"".contains(&b))
}

/// Refuses a value given for `flag` that is not an email address.
pub fn check_email(value: &str, flag: &str) -> Result<()> {
    if is_email_address(value) {
        Ok(())
    } else {
        Err(Error::input(format!(
            "{flag} {value:?} is not an email address (expected name@example.org)"
        )))
    }
}

/// An http(s) URL with something after the scheme and no spaces.
pub fn is_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
        && text.len() > "https://".len()
}

/// `url` with the credentials it carries replaced by `***`: the password
/// of `scheme://user:password@host`, and for http(s) a user name given
/// alone (a token often is: `https://TOKEN@github.com/...`). Everything
/// else is kept, so the URL still says where it points.
pub fn redact_url(url: &str) -> String {
    scrub_credentials(url)
}

/// Whether `url` carries a password or a token.
pub fn has_credentials(url: &str) -> bool {
    scrub_credentials(url) != url
}

/// `text` with the credentials of every URL in it replaced by `***`, for
/// messages that may quote a URL (an error from the transport).
pub fn scrub_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let scheme_start = rest[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
            .map_or(0, |i| i + 1);
        let scheme = rest[scheme_start..at].to_ascii_lowercase();
        let after = &rest[at + 3..];
        let authority_len = after
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>' | '`')
            })
            .unwrap_or(after.len());
        let authority = &after[..authority_len];
        out.push_str(&rest[..at + 3]);
        match authority.rfind('@') {
            Some(userinfo_end) => {
                let userinfo = &authority[..userinfo_end];
                match userinfo.split_once(':') {
                    Some((user, _)) => {
                        out.push_str(user);
                        out.push_str(":***");
                    }
                    None if scheme == "http" || scheme == "https" => out.push_str("***"),
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[userinfo_end..]);
            }
            None => out.push_str(authority),
        }
        rest = &after[authority_len..];
    }
    out.push_str(rest);
    out
}

/// A random (version 4) UUID, as CVE organisation IDs are.
pub fn is_uuid_v4(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b', 'A', 'B'])
}

/// A full commit hash: 40 hex digits (SHA-1) or 64 (SHA-256), as OSV requires.
pub fn is_full_commit_hash(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_can_stand_in_a_header() {
        assert!(is_email_address("security@example.org"));
        for bad in [
            "https://example.org/security",
            "a@b@c.org",
            "x <a@b.org>",
            "ada@localhost",
            "ada@example.org.",
            "@example.org",
            "ada @example.org",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
    }

    #[test]
    fn credentials_in_urls_are_hidden_and_the_rest_kept() {
        for (url, shown) in [
            (
                "https://alice:TOKEN@host/x.git",
                "https://alice:***@host/x.git",
            ),
            ("https://TOKEN@github.com/o/r", "https://***@github.com/o/r"),
            ("ssh://git:pw@host:22/x", "ssh://git:***@host:22/x"),
            ("ssh://git@host/x", "ssh://git@host/x"),
            ("git@github.com:o/r.git", "git@github.com:o/r.git"),
            ("https://host/a@b", "https://host/a@b"),
            ("/srv/git/x.git", "/srv/git/x.git"),
            ("https://u:p:q@host", "https://u:***@host"),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
            assert_eq!(has_credentials(url), url != shown, "{url}");
        }
        assert_eq!(
            scrub_credentials(
                "could not fetch from https://a:SECRET@h/x: 401 (see 'https://b:OTHER@h')"
            ),
            "could not fetch from https://a:***@h/x: 401 (see 'https://b:***@h')"
        );
        assert_eq!(scrub_credentials("no url: here"), "no url: here");
        assert_eq!(scrub_credentials("://@"), "://@");
    }

    #[test]
    fn cna_ids_are_version_4_uuids() {
        assert!(is_uuid_v4("8254265b-2729-46b6-b9e3-3dfca2d5bfca"));
        assert!(!is_uuid_v4("8254265b-2729-16b6-b9e3-3dfca2d5bfca"));
        assert!(!is_uuid_v4("8254265b-2729-46b6-c9e3-3dfca2d5bfca"));
        assert!(!is_uuid_v4("not-a-uuid"));
    }

    #[test]
    fn commit_hashes_are_full() {
        assert!(is_full_commit_hash(&"a".repeat(40)));
        assert!(is_full_commit_hash(&"b".repeat(64)));
        assert!(!is_full_commit_hash("abc1234"));
        assert!(!is_full_commit_hash(&"g".repeat(40)));
    }
}
