use std::fmt::Write as _;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::*;

/// Appends what search folds `c` to, by definition: lower case first (upper-case
/// letters may decompose differently, e.g. "Ã"), then compatibility decomposition
/// without combining marks, then letters commonly typed without their stroke spelt
/// plainly. Char by char equals NFKD here, since the marks that reordering moves are dropped.
fn fold_by_definition(folded: &mut String, c: char) {
    for lower in c.to_lowercase() {
        decompose_compatible(lower, |part| {
            if !is_combining_mark(part) {
                match part {
                    'ß' => folded.push_str("ss"),
                    'æ' => folded.push_str("ae"),
                    'œ' => folded.push_str("oe"),
                    'ø' => folded.push('o'),
                    'đ' | 'ð' => folded.push('d'),
                    'ł' => folded.push('l'),
                    'ı' => folded.push('i'),
                    _ => folded.push(part),
                }
            }
        });
    }
}

/// Every character whose fold by definition is not its lower case, in order;
/// worked out once for the tests that need them.
fn folds_by_definition() -> &'static [(char, String)] {
    static FOLDS: OnceLock<Vec<(char, String)>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        on_every_char(|chars| {
            let mut folded = String::new();
            chars
                .filter_map(|c| {
                    folded.clear();
                    fold_by_definition(&mut folded, c);
                    (!folded.chars().eq(c.to_lowercase())).then(|| (c, folded.clone()))
                })
                .collect::<Vec<_>>()
        })
        .concat()
    })
}

/// `work` on every character, a quarter of the code points on each of four
/// threads (unoptimised, a million characters take seconds); results in order.
fn on_every_char<T: Send>(work: impl Fn(&mut dyn Iterator<Item = char>) -> T + Sync) -> Vec<T> {
    let quarters = [
        0..0x4_4000,
        0x4_4000..0x8_8000,
        0x8_8000..0xC_C000,
        0xC_C000..0x11_0000,
    ];
    std::thread::scope(|scope| {
        let work = &work;
        let threads = quarters.map(|codes: std::ops::Range<u32>| {
            scope.spawn(move || work(&mut codes.filter_map(char::from_u32)))
        });
        threads
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[test]
fn folds_case_and_accents() {
    assert_eq!(fold("Müller"), "muller");
    assert_eq!(fold("SÃO Paulo"), "sao paulo");
    assert_eq!(fold("Zürich"), "zurich");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("Ørsted"), "orsted");
    assert_eq!(fold("ＡＢＣ"), "abc");
    assert_eq!(fold("Ǆemal ﬁsh ①"), "dzemal fish 1");
    assert_eq!(fold("İstanbul"), "istanbul");
    // Lower case comes first: letters without case keep the case they decompose to.
    assert_eq!(fold("𝐁𝐨𝐥𝐝"), "Bold");
    assert_eq!(fold("Северсталь Ёлка"), "северсталь елка");
    assert_eq!(fold("上海联华 豈"), "上海联华 豈");
    assert_eq!(
        fold("Contoso – ERP “Phase 2”…"),
        "contoso – erp “phase 2”..."
    );
}

#[test]
fn hangul_syllables_fold_to_their_jamo() {
    assert_eq!(
        fold("한국"),
        "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"
    );
    assert_eq!(fold("가"), "\u{1100}\u{1161}");
}

#[test]
fn finds_a_folded_needle_in_accented_text() {
    assert!(fold("Jürgen Müller GmbH").contains(&fold("MULLER")));
    assert!(!fold("Miller").contains(&fold("müller")));
}

#[test]
fn every_character_folds_exactly_like_the_definition() {
    let folds_by_definition = folds_by_definition();
    on_every_char(|chars| {
        let (mut folded, mut expected) = (Vec::new(), String::new());
        let mut by_definition = None;
        for c in chars {
            let by_definition = by_definition.get_or_insert_with(|| {
                let start = folds_by_definition.partition_point(|(changed, _)| *changed < c);
                folds_by_definition[start..].iter().peekable()
            });
            folded.clear();
            fold_into(&mut folded, c.encode_utf8(&mut [0; 4]));
            expected.clear();
            match by_definition.next_if(|(changed, _)| *changed == c) {
                Some((_, changed_fold)) => expected.push_str(changed_fold),
                None => expected.extend(c.to_lowercase()),
            }
            assert!(
                folded == expected.as_bytes(),
                "U+{:04X} folds to {:?}, by definition to {expected:?}",
                u32::from(c),
                String::from_utf8_lossy(&folded),
            );
        }
    });
}

const TABLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/filter/fold/table.rs");
const REGENERATE: &str = "REGENERATE_FOLD_TABLE=1 cargo test -p referral-desk-domain fold";

#[test]
fn the_committed_table_is_what_the_generator_writes() {
    let generated = generate_table();
    if std::env::var_os("REGENERATE_FOLD_TABLE").is_some() {
        std::fs::write(TABLE_PATH, &generated).expect("the table file is writable");
        return;
    }
    let committed = include_str!("table.rs");
    if let Some((line, (committed, generated))) = committed
        .lines()
        .zip(generated.lines())
        .enumerate()
        .find(|(_, (committed, generated))| committed != generated)
    {
        panic!(
            "{TABLE_PATH} is out of date (Unicode or the definition changed?) from line {}:\n  committed: {committed}\n  generated: {generated}\nRegenerate it with `{REGENERATE}`.",
            line + 1
        );
    }
    assert!(
        committed == generated,
        "{TABLE_PATH} is out of date; regenerate it with `{REGENERATE}`."
    );
}

/// One code point of the table, and what it folds to.
struct Entry {
    code: u32,
    folded: String,
    /// Folds to its lower case, so it may be left out; listed only to join runs.
    optional: bool,
}

/// How the generator writes one or more consecutive entries.
#[derive(Clone, Copy)]
enum Piece {
    /// Left out (an optional entry).
    Skip,
    /// One `Run::offset`, `Run::same` or `Run::dropped` of `count` entries.
    Uniform { count: usize },
    /// One entry of a `Run::text`.
    Text,
    /// One entry of a `Run::chars`.
    Chars,
}

/// Bytes of static data a `Run` takes, and the more a `Run::text` takes in `TEXT_RUNS`.
const RUN_BYTES: usize = size_of::<Run>();
const TEXT_RUN_BYTES: usize = size_of::<(u16, u16)>();
/// The most code points between two listed ones that the generator lists too, to join runs.
const GAP_JOINED: u32 = 4;

/// The source of `table.rs`: every character (but Hangul syllables, which
/// `push_hangul_jamo` decomposes) whose fold is not its lower case, in runs
/// chosen to take the fewest bytes.
fn generate_table() -> String {
    let changed = folds_by_definition()
        .iter()
        .filter(|(c, _)| !HANGUL_SYLLABLES.contains(&u32::from(*c)))
        .map(|(c, folded)| Entry {
            code: u32::from(*c),
            folded: folded.clone(),
            optional: false,
        });
    let mut entries: Vec<Entry> = Vec::new();
    for entry in changed {
        if let Some(previous) = entries.last().map(|last| last.code) {
            let gap: Vec<char> = (previous + 1..entry.code)
                .filter_map(char::from_u32)
                .filter(|c| !HANGUL_SYLLABLES.contains(&u32::from(*c)))
                .collect();
            if entry.code - previous - 1 <= GAP_JOINED
                && gap.len() == (entry.code - previous - 1) as usize
            {
                entries.extend(gap.into_iter().map(|c| Entry {
                    code: c.into(),
                    folded: c.to_lowercase().collect(),
                    optional: true,
                }));
            }
        }
        entries.push(entry);
    }

    let mut table = TableSource::default();
    let mut block_start = 0;
    while block_start < entries.len() {
        let mut block_end = block_start + 1;
        while block_end < entries.len()
            && entries[block_end].code == entries[block_end - 1].code + 1
        {
            block_end += 1;
        }
        let block = &entries[block_start..block_end];
        let mut at = 0;
        for piece in cheapest_pieces(block) {
            table.write(piece, &block[at..]);
            at += match piece {
                Piece::Uniform { count } => count,
                _ => 1,
            };
        }
        table.close();
        block_start = block_end;
    }
    table.source()
}

/// The runs and strings of `table.rs` as they are written.
#[derive(Default)]
struct TableSource {
    runs: Vec<String>,
    /// The open `Run::text` or `Run::chars`: its line in `runs`, kind, bytes per
    /// character (chars only), first code point and count.
    open: Option<(usize, &'static str, usize, u32, usize)>,
    /// One line per `Run::text`, and its folds.
    text: Vec<String>,
    /// Where each `Run::text` starts in `lengths` and in `text` joined.
    text_runs: Vec<(usize, usize)>,
    lengths: Vec<usize>,
    /// One line per `Run::chars`, and its characters.
    chars: Vec<String>,
}

impl TableSource {
    /// Writes `piece`, which starts at `entries[0]`.
    fn write(&mut self, piece: Piece, entries: &[Entry]) {
        let Entry { code, folded, .. } = &entries[0];
        let kind = match piece {
            Piece::Skip => {
                self.close();
                return;
            }
            Piece::Uniform { count } => {
                self.close();
                self.runs.push(uniform_run(&entries[..count]));
                return;
            }
            Piece::Text => "text",
            Piece::Chars => "chars",
        };
        let width = if kind == "chars" { folded.len() } else { 0 };
        match &mut self.open {
            Some((_, open, open_width, _, count))
                if (*open, *open_width) == (kind, width) && *count < Run::MAX_COUNT as usize =>
            {
                *count += 1
            }
            _ => {
                self.runs.push(String::new());
                self.open = Some((self.runs.len() - 1, kind, width, *code, 1));
                if kind == "text" {
                    let text_bytes = self.text.iter().map(String::len).sum();
                    self.text_runs.push((self.lengths.len(), text_bytes));
                    self.text.push(String::new());
                } else {
                    self.chars.push(String::new());
                }
            }
        }
        let (line, _, _, first, count) = self.open.expect("a run is open");
        let argument = if kind == "text" {
            self.lengths.push(folded.len());
            self.text
                .last_mut()
                .expect("a text line is open")
                .push_str(folded);
            self.text_runs.len() - 1
        } else {
            let start: usize =
                self.chars.iter().map(String::len).sum::<usize>() - (count - 1) * folded.len();
            self.chars
                .last_mut()
                .expect("a chars line is open")
                .push_str(folded);
            start
        };
        self.runs[line] = format!("Run::{kind}(0x{first:04X}, {count}, {argument}),");
    }

    /// Ends the open `Run::text` or `Run::chars`, if any.
    fn close(&mut self) {
        self.open = None;
    }

    fn source(&self) -> String {
        let text_bytes: usize = self.text.iter().map(String::len).sum();
        let chars_bytes: usize = self.chars.iter().map(String::len).sum();
        assert!(
            text_bytes.max(chars_bytes) <= usize::from(u16::MAX),
            "u16 offsets are too short"
        );
        assert!(self.lengths.iter().all(|length| *length <= u8::MAX.into()));
        let static_bytes = self.runs.len() * RUN_BYTES
            + self.text_runs.len() * TEXT_RUN_BYTES
            + self.lengths.len()
            + text_bytes
            + chars_bytes;
        let (major, minor, patch) = unicode_normalization::UNICODE_VERSION;
        let (std_major, std_minor, std_patch) = char::UNICODE_VERSION;
        let mut source = format!(
            "//! What each character folds to where that is not simply its lower case: one `Run`
//! per stretch of consecutive code points that fold alike (Hangul syllables aside,
//! which `push_hangul_jamo` decomposes). {static_bytes} bytes of static data.
//!
//! Generated by `the_committed_table_is_what_the_generator_writes` in `tests.rs`
//! from `fold_by_definition` (decompositions of Unicode {major}.{minor}.{patch},
//! `to_lowercase` of Unicode {std_major}.{std_minor}.{std_patch}); do not edit.
//! Regenerate: `{REGENERATE}`

use super::Run;

#[rustfmt::skip]
pub(super) static RUNS: [Run; {}] = [
",
            self.runs.len()
        );
        for run in &self.runs {
            writeln!(source, "    {run}").unwrap();
        }
        source.push_str("];\n\n/// The folds of the `Run::text` code points, in order.\n#[rustfmt::skip]\npub(super) static TEXT: &str = concat!(\n");
        for line in &self.text {
            writeln!(source, "    {line:?},").unwrap();
        }
        writeln!(
            source,
            ");\n\n/// Where each `Run::text` starts in `LENGTHS` and in `TEXT`.\n#[rustfmt::skip]\npub(super) static TEXT_RUNS: [(u16, u16); {}] = [",
            self.text_runs.len()
        )
        .unwrap();
        for line in self.text_runs.chunks(8) {
            let line: Vec<String> = line
                .iter()
                .map(|(lengths, start)| format!("({lengths}, {start})"))
                .collect();
            writeln!(source, "    {},", line.join(", ")).unwrap();
        }
        writeln!(
            source,
            "];\n\n/// The bytes of each `Run::text` code point's fold in `TEXT`, in order.\n#[rustfmt::skip]\npub(super) static LENGTHS: [u8; {}] = [",
            self.lengths.len()
        )
        .unwrap();
        for line in self.lengths.chunks(24) {
            let line: Vec<String> = line.iter().map(usize::to_string).collect();
            writeln!(source, "    {},", line.join(", ")).unwrap();
        }
        source.push_str("];\n\n/// The folds of the `Run::chars` code points, in order.\n#[rustfmt::skip]\npub(super) static CHARS: &str = concat!(\n");
        for line in &self.chars {
            writeln!(source, "    {line:?},").unwrap();
        }
        source.push_str(");\n");
        source
    }
}

/// The `Run` for entries that fold alike, written as Rust.
fn uniform_run(entries: &[Entry]) -> String {
    let Entry {
        code: first,
        folded,
        ..
    } = &entries[0];
    let count = entries.len();
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => format!("Run::dropped(0x{first:04X}, {count}),"),
        (Some(to), None)
            if u32::from(to) <= 0xFFFF && entries.iter().all(|entry| entry.folded == *folded) =>
        {
            format!("Run::same(0x{first:04X}, {count}, {to:?}),")
        }
        (Some(to), None) => {
            let offset = i64::from(u32::from(to)) - i64::from(*first);
            format!("Run::offset(0x{first:04X}, {count}, {offset}),")
        }
        _ => unreachable!("a multi-character fold is not uniform"),
    }
}

/// The pieces that write `block` (consecutive code points) in the fewest bytes:
/// a run costs `RUN_BYTES`, plus in `Run::text` 2 bytes and the fold per code
/// point, in `Run::chars` the fold's character.
fn cheapest_pieces(block: &[Entry]) -> Vec<Piece> {
    // `Run::same` holds a character of the Basic Multilingual Plane, `Run::offset` an `i16`.
    let single = |entry: &Entry| {
        let mut chars = entry.folded.chars();
        match (chars.next(), chars.next()) {
            (None, _) => true,
            (Some(to), None) => u32::from(to) <= 0xFFFF,
            _ => false,
        }
    };
    let offset = |entry: &Entry| {
        let to = entry.folded.chars().next()?;
        let offset = i64::from(u32::from(to)) - i64::from(entry.code);
        (entry.folded.chars().count() == 1 && i16::try_from(offset).is_ok()).then_some(offset)
    };
    // How many entries from each one on fold alike: to one character (or none)
    // each, or at one offset each.
    let mut alike = vec![0usize; block.len() + 1];
    let mut by_offset = vec![0usize; block.len() + 1];
    for at in (0..block.len()).rev() {
        let next = block.get(at + 1);
        if single(&block[at]) {
            alike[at] = 1 + if next.is_some_and(|next| next.folded == block[at].folded) {
                alike[at + 1]
            } else {
                0
            };
        }
        if offset(&block[at]).is_some() {
            by_offset[at] = 1 + if next.is_some_and(|next| offset(next) == offset(&block[at])) {
                by_offset[at + 1]
            } else {
                0
            };
        }
    }
    // What is open after an entry: nothing, a text run, or a chars run of 1 to 4 byte characters.
    const NOTHING: usize = 0;
    const TEXT: usize = 1;
    let chars_of = |entry: &Entry| match entry.folded.chars().count() {
        1 => Some(1 + entry.folded.len()),
        _ => None,
    };
    // cost[at][open]: the fewest bytes for `block[at..]` with `open` open before it.
    let mut cost = vec![[0usize; 6]; block.len() + 1];
    let mut choice = vec![[Piece::Skip; 6]; block.len() + 1];
    for at in (0..block.len()).rev() {
        let entry = &block[at];
        for open in 0..6 {
            let opening = |state| match state {
                _ if state == open => 0,
                TEXT => RUN_BYTES + TEXT_RUN_BYTES,
                _ => RUN_BYTES,
            };
            let mut options = vec![(
                1 + entry.folded.len() + opening(TEXT) + cost[at + 1][TEXT],
                Piece::Text,
            )];
            if entry.optional {
                options.push((cost[at + 1][NOTHING], Piece::Skip));
            }
            if let Some(state) = chars_of(entry) {
                options.push((
                    entry.folded.len() + opening(state) + cost[at + 1][state],
                    Piece::Chars,
                ));
            }
            let longest = alike[at].max(by_offset[at]).min(Run::MAX_COUNT as usize);
            for count in 1..=longest {
                options.push((
                    RUN_BYTES + cost[at + count][NOTHING],
                    Piece::Uniform { count },
                ));
            }
            let (best, piece) = options
                .into_iter()
                .min_by_key(|(bytes, _)| *bytes)
                .expect("text is always an option");
            (cost[at][open], choice[at][open]) = (best, piece);
        }
    }
    let mut pieces = Vec::new();
    let (mut at, mut open) = (0, NOTHING);
    while at < block.len() {
        let piece = choice[at][open];
        pieces.push(piece);
        (at, open) = match piece {
            Piece::Skip => (at + 1, NOTHING),
            Piece::Uniform { count } => (at + count, NOTHING),
            Piece::Text => (at + 1, TEXT),
            Piece::Chars => (
                at + 1,
                chars_of(&block[at]).expect("a chars entry is one character"),
            ),
        };
    }
    pieces
}
