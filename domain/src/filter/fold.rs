//! Case- and accent-insensitive text matching for search and the customer-name filter.
//!
//! What each character folds to comes from `table.rs`, generated from the
//! definition in `tests.rs`, so the app carries no Unicode normalisation crate.

use std::sync::OnceLock;

mod table;
#[cfg(test)]
mod tests;

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
            0x4E00..=0x9FFF => push_char(folded, c),
            _ => fold_char(folded, c),
        }
    }
}

/// The folded form of one character: lower case, compatibility decomposition
/// (NFKD) without combining marks, and a few letters spelt without their stroke
/// (`tests::fold_by_definition` is the definition; `table.rs` is generated from it).
fn fold_char(folded: &mut Vec<u8>, c: char) {
    let code = u32::from(c);
    if HANGUL_SYLLABLES.contains(&code) {
        push_hangul_jamo(folded, code);
        return;
    }
    // The runs start in order; the one that may hold `code` is the last that starts at or before it.
    let after = table::RUNS.partition_point(|run| run.first() <= code);
    let Some(run) = after
        .checked_sub(1)
        .map(|index| &table::RUNS[index])
        .filter(|run| code <= run.last())
    else {
        // Characters outside every run fold to their lower case.
        c.to_lowercase().for_each(|lower| push_char(folded, lower));
        return;
    };
    match run.kind() {
        Kind::Offset => push_code(
            folded,
            code.wrapping_add_signed((run.argument() as i16).into()),
        ),
        Kind::Same => push_code(folded, run.argument().into()),
        Kind::Drop => {}
        Kind::Text => {
            let (lengths, start) = table::TEXT_RUNS[usize::from(run.argument())];
            let nth = (code - run.first()) as usize;
            let lengths = &table::LENGTHS[usize::from(lengths)..][..=nth];
            let start = usize::from(start)
                + lengths[..nth]
                    .iter()
                    .map(|&l| usize::from(l))
                    .sum::<usize>();
            folded.extend_from_slice(&table::TEXT.as_bytes()[start..][..lengths[nth].into()]);
        }
        Kind::Chars => {
            let chars = &table::CHARS.as_bytes()[run.argument().into()..];
            // The leading byte of a UTF-8 character counts its bytes (but ASCII's).
            let width = chars[0].leading_ones().max(1) as usize;
            let start = (code - run.first()) as usize * width;
            folded.extend_from_slice(&chars[start..start + width]);
        }
    }
}

fn push_char(folded: &mut Vec<u8>, c: char) {
    folded.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

fn push_code(folded: &mut Vec<u8>, code: u32) {
    push_char(
        folded,
        char::from_u32(code).expect("the table holds characters"),
    );
}

/// Hangul syllables decompose by arithmetic (Unicode §3.12) into jamo, which are
/// letters, not combining marks, and have no case.
const HANGUL_SYLLABLES: std::ops::Range<u32> = 0xAC00..0xAC00 + 19 * 21 * 28;

fn push_hangul_jamo(folded: &mut Vec<u8>, code: u32) {
    let (vowels, trailing) = (21, 28);
    let index = code - HANGUL_SYLLABLES.start;
    push_code(folded, 0x1100 + index / (vowels * trailing));
    push_code(folded, 0x1161 + index % (vowels * trailing) / trailing);
    if !index.is_multiple_of(trailing) {
        push_code(folded, 0x11A7 + index % trailing);
    }
}

/// Consecutive code points that fold alike, as `table.rs` lists them (6 bytes each).
#[derive(Clone, Copy, Debug)]
struct Run {
    /// `first << 11 | kind << 8 | (count - 1)`, high half first: runs sort by first code point.
    span: [u16; 2],
    /// What `Kind` says the code points fold to.
    argument: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Each code point plus `argument` (an `i16`), one character.
    Offset,
    /// The character `argument`.
    Same,
    /// Nothing: combining marks.
    Drop,
    /// Folds of lengths `LENGTHS[lengths..]` from `TEXT[start..]`, with
    /// `(lengths, start) = TEXT_RUNS[argument]`.
    Text,
    /// One character each from `CHARS[argument..]`, all as long in UTF-8.
    Chars,
}

impl Run {
    /// The most code points one run spans.
    const MAX_COUNT: u32 = 1 << 8;

    const fn new(first: u32, count: u32, kind: Kind, argument: u16) -> Run {
        assert!(first <= 0x10FFFF && 0 < count && count <= Run::MAX_COUNT);
        let span = (first << 11) | ((kind as u32) << 8) | (count - 1);
        Run {
            span: [(span >> 16) as u16, span as u16],
            argument,
        }
    }

    const fn offset(first: u32, count: u32, offset: i16) -> Run {
        Run::new(first, count, Kind::Offset, offset as u16)
    }

    const fn same(first: u32, count: u32, to: char) -> Run {
        assert!(to as u32 <= 0xFFFF);
        Run::new(first, count, Kind::Same, to as u16)
    }

    const fn dropped(first: u32, count: u32) -> Run {
        Run::new(first, count, Kind::Drop, 0)
    }

    const fn text(first: u32, count: u32, text_run: u16) -> Run {
        Run::new(first, count, Kind::Text, text_run)
    }

    const fn chars(first: u32, count: u32, start: u16) -> Run {
        Run::new(first, count, Kind::Chars, start)
    }

    fn span(&self) -> u32 {
        (u32::from(self.span[0]) << 16) | u32::from(self.span[1])
    }

    fn first(&self) -> u32 {
        self.span() >> 11
    }

    fn last(&self) -> u32 {
        self.first() + (self.span() & (Run::MAX_COUNT - 1))
    }

    fn kind(&self) -> Kind {
        const KINDS: [Kind; 5] = [
            Kind::Offset,
            Kind::Same,
            Kind::Drop,
            Kind::Text,
            Kind::Chars,
        ];
        KINDS[((self.span() >> 8) & 7) as usize]
    }

    fn argument(&self) -> u16 {
        self.argument
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
