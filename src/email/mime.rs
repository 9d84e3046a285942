//! The two encodings outgoing messages need (announcements and reply
//! drafts): base64 and RFC 2047 encoded words for non-ASCII headers.

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// RFC 2047: `text` as UTF-8 base64 encoded words, split on character
/// boundaries so each word stays under 75 characters, joined by `fold`
/// (a line end and a space). ASCII text is returned as it is.
pub fn encoded_words(text: &str, fold: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
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
    words.join(fold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn words_encode_only_non_ascii_and_stay_short() {
        assert_eq!(encoded_words("plain", "\n "), "plain");
        assert_eq!(encoded_words("José", "\n "), "=?UTF-8?B?Sm9zw6k=?=");
        let long = encoded_words(&"é".repeat(60), "\n ");
        assert!(long.split("\n ").all(|w| w.len() <= 75), "{long}");
    }
}
