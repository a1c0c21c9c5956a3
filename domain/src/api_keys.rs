//! API keys (DOMAIN.md §7's ingestion): named secrets that let another system send leads
//! into one organisation. The secret itself is made and hashed by the server; the domain
//! says what a key looks like and what its name may be.

use crate::validation::FieldError;
use crate::values::{TextKind, parse_text};

/// Every key starts with this, so a leaked one is recognisable (secret scanners, logs).
pub const API_KEY_PREFIX: &str = "rdk_";
/// Longest key name.
pub const API_KEY_NAME_MAX_CHARS: usize = 100;

/// A key's name: one line of 1 to 100 visible characters, trimmed (`CRM connector`).
pub fn parse_api_key_name(text: &str) -> Result<String, FieldError> {
    match parse_text("name", text, TextKind::SingleLine, API_KEY_NAME_MAX_CHARS) {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(FieldError::coded("name", "error-key-name-required", &[])),
        Err(_) => Err(FieldError::coded(
            "name",
            "error-key-name",
            &[("max", &API_KEY_NAME_MAX_CHARS.to_string())],
        )),
    }
}

/// Whether `text` has a key's form (prefix and a body), before any lookup.
pub fn looks_like_api_key(text: &str) -> bool {
    text.strip_prefix(API_KEY_PREFIX).is_some_and(|body| {
        !body.is_empty()
            && body.len() <= 128
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_visible_line_of_at_most_100_characters() {
        assert_eq!(
            parse_api_key_name("  CRM connector ").unwrap(),
            "CRM connector"
        );
        let required = parse_api_key_name(" \u{200B} ").unwrap_err();
        assert_eq!(required.code.as_deref(), Some("error-key-name-required"));
        assert_eq!(
            required.message,
            "Give the key a name, like “CRM connector”."
        );
        for bad in ["a\nb".to_owned(), "x".repeat(101), "a\u{202E}b".to_owned()] {
            let error = parse_api_key_name(&bad).unwrap_err();
            assert_eq!(error.field, "name");
            assert_eq!(error.code.as_deref(), Some("error-key-name"), "{bad:?}");
        }
        assert!(parse_api_key_name(&"x".repeat(100)).is_ok());
    }

    #[test]
    fn keys_are_recognised_by_their_prefix_and_alphabet() {
        assert!(looks_like_api_key("rdk_AbC-_09"));
        assert!(!looks_like_api_key("rdk_"));
        assert!(!looks_like_api_key("sk_live_abc"));
        assert!(!looks_like_api_key("rdk_abc def"));
    }
}
