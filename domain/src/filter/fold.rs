//! Case- and accent-insensitive text matching for search and the customer-name filter.

use std::sync::OnceLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The text as search compares it: lower case, compatibility-decomposed, without
/// accents, so "Müller", "MULLER" and "muller" fold to the same text.
pub fn fold(text: &str) -> String {
    let mut folded = Vec::with_capacity(text.len());
    fold_into(&mut folded, text);
    String::from_utf8(folded).expect("folding copies whole UTF-8 characters")
}

/// Appends the folded `text` to `folded` as UTF-8 bytes (search folds many fields
/// into one buffer and searches its bytes).
pub fn fold_into(folded: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Most fields are all ASCII: one vectorised check, one copy, lower-cased in place.
    if text.is_ascii() {
        let start = folded.len();
        folded.extend_from_slice(bytes);
        folded[start..].make_ascii_lowercase();
        return;
    }
    let letters = LETTERS.get_or_init(|| FoldTable::new(LETTER_RANGE));
    let punctuation = PUNCTUATION.get_or_init(|| FoldTable::new(PUNCTUATION_RANGE));
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Mixed text is mostly ASCII too: those bytes need no decoding.
        if byte.is_ascii() {
            folded.push(byte.to_ascii_lowercase());
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        match u32::from(c) {
            code if LETTER_RANGE.contains(&code) => {
                folded.extend_from_slice(letters.fold(code).as_bytes())
            }
            code if PUNCTUATION_RANGE.contains(&code) => {
                folded.extend_from_slice(punctuation.fold(code).as_bytes())
            }
            // CJK ideographs have neither case nor decompositions.
            0x4E00..=0x9FFF => folded.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            _ => fold_char(folded, c),
        }
    }
}

/// The folded form of one character, the definition every fast path must agree with.
fn fold_char(folded: &mut Vec<u8>, c: char) {
    // Lower-case first: upper-case letters may decompose differently (e.g. "Ã").
    // Char by char equals NFKD here, since the marks that reordering moves are dropped.
    for lower in c.to_lowercase() {
        decompose_compatible(lower, |part| {
            if !is_combining_mark(part) {
                push_plain(folded, part);
            }
        });
    }
}

/// Characters folded on almost every query, memoised: the two-byte UTF-8 range
/// (Latin, Greek, Cyrillic, …) and General Punctuation (dashes, quotes, spaces).
const LETTER_RANGE: std::ops::Range<u32> = 0x80..0x800;
const PUNCTUATION_RANGE: std::ops::Range<u32> = 0x2000..0x2070;
static LETTERS: OnceLock<FoldTable> = OnceLock::new();
static PUNCTUATION: OnceLock<FoldTable> = OnceLock::new();

/// `fold_char` of every character of a range, computed once.
struct FoldTable {
    first: u32,
    text: String,
    /// `ends[i]` ends the fold of `first + i` in `text`.
    ends: Vec<usize>,
}

impl FoldTable {
    fn new(range: std::ops::Range<u32>) -> Self {
        let mut text = Vec::new();
        let mut ends = Vec::with_capacity(range.len());
        for code in range.clone() {
            if let Some(c) = char::from_u32(code) {
                fold_char(&mut text, c);
            }
            ends.push(text.len());
        }
        let text = String::from_utf8(text).expect("folding copies whole UTF-8 characters");
        FoldTable {
            first: range.start,
            text,
            ends,
        }
    }

    fn fold(&self, code: u32) -> &str {
        let index = (code - self.first) as usize;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.text[start..self.ends[index]]
    }
}

/// Letters that carry no combining mark to strip but are commonly typed without it.
fn push_plain(folded: &mut Vec<u8>, c: char) {
    let plain: &str = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ł' => "l",
        'ı' => "i",
        _ => {
            folded.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            return;
        }
    };
    folded.extend_from_slice(plain.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("SÃO Paulo"), "sao paulo");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ørsted"), "orsted");
        assert_eq!(fold("ＡＢＣ"), "abc");
    }

    #[test]
    fn the_memoised_tables_fold_exactly_like_the_definition() {
        for code in LETTER_RANGE.chain(PUNCTUATION_RANGE) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut expected = Vec::new();
            fold_char(&mut expected, c);
            assert_eq!(fold(&c.to_string()).as_bytes(), expected, "U+{code:04X}");
        }
        assert_eq!(fold("Северсталь Ёлка"), "северсталь елка");
        assert_eq!(fold("上海联华"), "上海联华");
        assert_eq!(
            fold("Contoso – ERP “Phase 2”…"),
            "contoso – erp “phase 2”..."
        );
    }

    #[test]
    fn finds_a_folded_needle_in_accented_text() {
        assert!(fold("Jürgen Müller GmbH").contains(&fold("MULLER")));
        assert!(!fold("Miller").contains(&fold("müller")));
    }
}
