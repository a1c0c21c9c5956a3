//! The change feed's cursor: which organisation and up to which change a client has
//! seen. Opaque to clients (they only send it back), so its form can change.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Where a client stands in its organisation's feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub organisation_id: String,
    /// Every change up to this number has been handed out.
    pub change: i64,
}

/// Why a cursor cannot be used; each says what the client should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorError {
    Malformed,
    Foreign,
    /// Ahead of the server's changes (a restored database).
    Ahead,
}

impl CursorError {
    /// Its code, as the API sends it and the app words it.
    pub fn explanation(self) -> domain::Explanation {
        domain::Explanation::new(match self {
            CursorError::Malformed => "sync-cursor-malformed",
            CursorError::Foreign => "sync-cursor-foreign",
            CursorError::Ahead => "sync-cursor-ahead",
        })
    }
}

const FORM: &str = "c1";

impl Cursor {
    pub fn new(organisation_id: &str, change: i64) -> Cursor {
        Cursor {
            organisation_id: organisation_id.to_owned(),
            change,
        }
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{FORM}:{}:{}", self.change, self.organisation_id))
    }

    /// Reads a cursor the client sent back, for the organisation `organisation_id`
    /// whose newest change is `last_change`.
    pub fn decode(
        text: &str,
        organisation_id: &str,
        last_change: i64,
    ) -> Result<Cursor, CursorError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim())
            .map_err(|_| CursorError::Malformed)?;
        let text = String::from_utf8(bytes).map_err(|_| CursorError::Malformed)?;
        let mut parts = text.splitn(3, ':');
        let (Some(FORM), Some(change), Some(organisation)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(CursorError::Malformed);
        };
        let change: i64 = change
            .parse()
            .ok()
            .filter(|change| *change >= 0)
            .ok_or(CursorError::Malformed)?;
        if organisation != organisation_id {
            return Err(CursorError::Foreign);
        }
        if change > last_change {
            return Err(CursorError::Ahead);
        }
        Ok(Cursor::new(organisation, change))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_it_was_written() {
        let cursor = Cursor::new("org-1", 42);
        assert_eq!(Cursor::decode(&cursor.encode(), "org-1", 42), Ok(cursor));
    }

    #[test]
    fn another_organisations_cursor_is_refused() {
        let cursor = Cursor::new("org-1", 3).encode();
        assert_eq!(
            Cursor::decode(&cursor, "org-2", 10),
            Err(CursorError::Foreign)
        );
    }

    #[test]
    fn a_cursor_ahead_of_the_feed_is_refused() {
        let cursor = Cursor::new("org-1", 11).encode();
        assert_eq!(
            Cursor::decode(&cursor, "org-1", 10),
            Err(CursorError::Ahead)
        );
    }

    #[test]
    fn garbage_is_malformed() {
        for text in [
            "",
            "!!",
            "abc",
            &URL_SAFE_NO_PAD.encode("c1:x:org-1"),
            &URL_SAFE_NO_PAD.encode("c1:-1:org-1"),
            &URL_SAFE_NO_PAD.encode("c9:1:org-1"),
        ] {
            assert_eq!(
                Cursor::decode(text, "org-1", 10),
                Err(CursorError::Malformed),
                "{text:?}"
            );
        }
    }
}
