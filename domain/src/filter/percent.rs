//! Percent-encoding of query-string keys and values (UTF-8, RFC 3986 unreserved kept).

/// Encodes everything but the unreserved characters, so `&`, `=`, `+`, `%` and
/// spaces inside a value never change how the query string splits.
pub fn encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(hex_digit(byte >> 4));
            encoded.push(hex_digit(byte & 0x0f));
        }
    }
    encoded
}

/// The decoded `name=value` pairs of a query string, with or without its leading `?`.
pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
}

/// Decodes `%XX` and `+` (a space, as HTML forms send it). Like the browser's
/// `URLSearchParams`, a malformed `%` sequence is kept as typed and invalid UTF-8
/// becomes U+FFFD, so a mangled link still opens.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => decoded.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|b| hex_value(*b)),
                bytes.get(i + 2).and_then(|b| hex_value(*b)),
            ) {
                (Some(high), Some(low)) => {
                    decoded.push(high << 4 | low);
                    i += 2;
                }
                _ => decoded.push(b'%'),
            },
            other => decoded.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn hex_digit(nibble: u8) -> char {
    char::from(b"0123456789ABCDEF"[usize::from(nibble)])
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|v| u8::try_from(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_and_reserved_characters() {
        assert_eq!(
            encode("müller & co=1 50%+"),
            "m%C3%BCller%20%26%20co%3D1%2050%25%2B"
        );
        assert_eq!(encode("Az-09._~"), "Az-09._~");
    }

    #[test]
    fn decodes_plus_as_space_and_keeps_malformed_sequences() {
        assert_eq!(decode("m%C3%BCller+%26+co"), "müller & co");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%c3%bc"), "ü");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
