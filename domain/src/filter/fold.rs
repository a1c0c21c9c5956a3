//! Case- and accent-insensitive text matching for search and the customer-name filter.

use std::sync::OnceLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The text as search compares it: lower case, compatibility-decomposed, without
/// accents, so "Müller", "MULLER" and "muller" fold to the same text.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(&mut folded, text);
    folded
}

/// Appends the folded `text` to `folded` (search folds many fields into one buffer).
pub fn fold_into(folded: &mut String, text: &str) {
    // Most text is ASCII: copy it and lower-case it in place, in bulk.
    if text.is_ascii() {
        let start = folded.len();
        folded.push_str(text);
        folded[start..].make_ascii_lowercase();
        return;
    }
    let table = TWO_BYTE_FOLDS.get_or_init(TwoByteFolds::new);
    for c in text.chars() {
        match u32::from(c) {
            0..0x80 => folded.push(c.to_ascii_lowercase()),
            code @ 0x80..0x800 => folded.push_str(table.fold(code)),
            // CJK ideographs have neither case nor decompositions.
            0x4E00..=0x9FFF => folded.push(c),
            _ => fold_char(folded, c),
        }
    }
}

/// The folded form of one character, the definition every fast path must agree with.
fn fold_char(folded: &mut String, c: char) {
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

/// `fold_char` of every two-byte UTF-8 character (U+0080..U+07FF: Latin, Greek,
/// Cyrillic, …), computed once, because search folds those on every query.
static TWO_BYTE_FOLDS: OnceLock<TwoByteFolds> = OnceLock::new();

struct TwoByteFolds {
    text: String,
    /// `ends[i]` ends the fold of U+0080 + i in `text`.
    ends: Vec<usize>,
}

impl TwoByteFolds {
    fn new() -> Self {
        let mut table = TwoByteFolds {
            text: String::new(),
            ends: Vec::with_capacity(0x780),
        };
        for code in 0x80..0x800 {
            if let Some(c) = char::from_u32(code) {
                fold_char(&mut table.text, c);
            }
            table.ends.push(table.text.len());
        }
        table
    }

    fn fold(&self, code: u32) -> &str {
        let index = (code - 0x80) as usize;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.text[start..self.ends[index]]
    }
}

/// Letters that carry no combining mark to strip but are commonly typed without it.
fn push_plain(folded: &mut String, c: char) {
    match c {
        'ß' => folded.push_str("ss"),
        'æ' => folded.push_str("ae"),
        'œ' => folded.push_str("oe"),
        'ø' => folded.push('o'),
        'đ' | 'ð' => folded.push('d'),
        'ł' => folded.push('l'),
        'ı' => folded.push('i'),
        _ => folded.push(c),
    }
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
    fn the_two_byte_table_folds_exactly_like_the_definition() {
        for code in 0x80..0x800 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut expected = String::new();
            fold_char(&mut expected, c);
            assert_eq!(fold(&c.to_string()), expected, "U+{code:04X}");
        }
        assert_eq!(fold("Северсталь Ёлка"), "северсталь елка");
        assert_eq!(fold("上海联华"), "上海联华");
    }

    #[test]
    fn finds_a_folded_needle_in_accented_text() {
        assert!(fold("Jürgen Müller GmbH").contains(&fold("MULLER")));
        assert!(!fold("Miller").contains(&fold("müller")));
    }
}
