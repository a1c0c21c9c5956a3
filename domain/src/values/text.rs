//! The one rule for text typed into a form: names, notes, IDs, email addresses and phone
//! numbers all pass through [`parse_text`] (or [`is_blank`]) before anything else looks at
//! them, so every field refuses the same characters with the same words.
//!
//! - **Refused everywhere**: control characters (Unicode `Cc`: C0, DEL and C1, NUL
//!   included), and the bidi embedding, override and isolate controls (U+202A–U+202E,
//!   U+2066–U+2069), which reorder how the text around them is shown, so that a name or
//!   an ID can display as something it is not.
//! - **Multi-line text** (notes) may hold line breaks and tabs; CRLF and a lone CR are
//!   stored as LF, however the browser or API client sent them. One-line text may hold
//!   neither, nor the Unicode line and paragraph separators (U+2028, U+2029).
//! - **Bidi marks** (LRM U+200E, RLM U+200F, ALM U+061C) are allowed: people writing
//!   Arabic or Hebrew need them to place digits and punctuation, and unlike overrides they
//!   change the direction of no other character. Like the zero-width characters they
//!   draw nothing, so they never count as content.
//! - **Required** means at least one visible character: whitespace and the characters
//!   that draw nothing ([`is_invisible`]: zero-width spaces and joiners, U+2060, U+FEFF,
//!   soft hyphens, blank fillers, variation selectors, …) alone are blank.
//! - **Trimmed**: whitespace and the zero-width blanks at either end are dropped.
//!   Variation selectors and marks stay where they are: they belong to their neighbour
//!   (`❤️` is U+2764 U+FE0F).
//! - **Identifiers** (CRM ID, campaign ID) are matched character by character by other
//!   systems, so an invisible character anywhere in one is refused too.

use crate::i18n::Locale;
use crate::validation::FieldError;

/// What a text field holds, which decides the characters it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: names, email addresses, phone numbers.
    SingleLine,
    /// Several lines, with tabs: notes.
    MultiLine,
    /// One line without invisible characters: the partner's CRM ID, campaign IDs.
    Identifier,
}

/// Text that passed the rule: trimmed, and `None` when it [`is_blank`].
///
/// Blank text is never stored, so it is `None` whatever whitespace it holds; a NUL or a
/// bidi override is no whitespace, so a field holding only one is refused, not ignored.
pub fn parse_text(
    field: &str,
    text: &str,
    kind: TextKind,
    max_chars: usize,
) -> Result<Option<String>, FieldError> {
    let text = text.trim_matches(is_trimmed);
    if is_blank(text) {
        return Ok(None);
    }
    let text = match kind {
        TextKind::MultiLine => text.replace("\r\n", "\n").replace('\r', "\n"),
        _ => text.to_owned(),
    };
    if let Some(problem) = text.chars().find_map(|c| forbidden(c, kind)) {
        return Err(problem.error(field));
    }
    let chars = text.chars().count();
    if chars > max_chars {
        return Err(FieldError::coded(
            field,
            "error-too-long",
            &[
                ("max", &thousands(max_chars)),
                ("length", &chars.to_string()),
            ],
        ));
    }
    Ok(Some(text))
}

/// Whether `text` has nothing visible: only whitespace and [`is_invisible`] characters (or
/// nothing at all). Optional fields take it as not given, required ones as missing.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Characters that draw nothing and are no whitespace, so "required" does not count them.
///
/// Zero-width space, joiners and word joiner, the bidi marks, soft hyphen, the byte order
/// mark, invisible maths operators, Hangul and Braille blanks that render as empty space,
/// variation selectors, tag characters and the deprecated format controls.
pub fn is_invisible(c: char) -> bool {
    is_zero_width_blank(c)
        || matches!(
            c,
            '\u{034F}'
                | '\u{061C}'
                | '\u{180B}'..='\u{180D}'
                | '\u{180F}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{206A}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Whether `c` reorders the display of the text around it (bidi embedding, override or isolate).
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Invisible characters that belong to no neighbour, so they mean nothing at either end.
fn is_zero_width_blank(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || is_zero_width_blank(c)
}

/// Why a character may not be in a field of `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Forbidden {
    LineBreak,
    Tab,
    Control(char),
    Direction(char),
    Invisible(char),
}

fn forbidden(c: char, kind: TextKind) -> Option<Forbidden> {
    let multi_line = kind == TextKind::MultiLine;
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' if !multi_line => {
            Some(Forbidden::LineBreak)
        }
        '\n' | '\u{2028}' | '\u{2029}' => None,
        '\t' if multi_line => None,
        '\t' => Some(Forbidden::Tab),
        c if c.is_control() => Some(Forbidden::Control(c)),
        c if is_direction_control(c) => Some(Forbidden::Direction(c)),
        c if kind == TextKind::Identifier && is_invisible(c) => Some(Forbidden::Invisible(c)),
        _ => None,
    }
}

impl Forbidden {
    fn error(self, field: &str) -> FieldError {
        let (code, character) = match self {
            Forbidden::LineBreak => ("error-one-line", None),
            Forbidden::Tab => ("error-no-tab", None),
            Forbidden::Control(c) => ("error-control-character", Some(c)),
            Forbidden::Direction(c) => ("error-direction-control", Some(c)),
            Forbidden::Invisible(c) => ("error-invisible-character", Some(c)),
        };
        match character {
            Some(c) => FieldError::coded(field, code, &[("character", &code_point(c))]),
            None => FieldError::coded(field, code, &[]),
        }
    }
}

/// `U+0000`: how to name a character that cannot be shown.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `5000` → `5,000` (the English message's grouping).
fn thousands(n: usize) -> String {
    crate::i18n::group_digits(Locale::English, i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(text: &str) -> Result<Option<String>, FieldError> {
        parse_text("name", text, TextKind::SingleLine, 200)
    }

    fn message(result: Result<Option<String>, FieldError>) -> String {
        result.expect_err("should be refused").message
    }

    #[test]
    fn zero_width_characters_and_whitespace_alone_are_blank() {
        for text in [
            "",
            " \t ",
            "\u{200B}\u{200B}\u{200B}",
            "\u{200C}\u{200D}\u{2060}\u{FEFF}",
            " \u{200B} \u{00A0}\u{3000}",
            "\u{200E}\u{200F}",
            "\u{3164}\u{2800}\u{00AD}",
            "\u{FE0F}",
        ] {
            assert!(is_blank(text), "{text:?}");
            assert_eq!(single(text), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn visible_text_is_trimmed_of_whitespace_and_zero_width_blanks_only() {
        assert_eq!(
            single("\u{FEFF} \u{200B}Contoso\u{200D} "),
            Ok(Some("Contoso".to_owned()))
        );
        // A variation selector belongs to the heart before it.
        assert_eq!(
            single("Contoso \u{2764}\u{FE0F}"),
            Ok(Some("Contoso \u{2764}\u{FE0F}".to_owned()))
        );
        // Joiners inside an emoji sequence stay.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(single(family), Ok(Some(family.to_owned())));
    }

    #[test]
    fn nul_and_other_control_characters_are_refused_with_their_code_point() {
        assert_eq!(
            message(single("\0")),
            "Deal name must not contain an invisible control character: remove the U+0000."
        );
        assert_eq!(
            message(single("Contoso\0 ERP")),
            "Deal name must not contain an invisible control character: remove the U+0000."
        );
        for c in ['\u{0001}', '\u{001B}', '\u{007F}', '\u{0080}', '\u{009B}'] {
            assert!(
                message(single(&format!("a{c}b"))).contains("invisible control character"),
                "{c:?}"
            );
        }
        // Refused in notes too, where line breaks and tabs are fine.
        let notes = parse_text("details.notes", "ok\0", TextKind::MultiLine, 5_000);
        assert_eq!(
            message(notes),
            "Notes must not contain an invisible control character: remove the U+0000."
        );
    }

    #[test]
    fn bidi_overrides_and_isolates_are_refused_in_every_kind_of_field() {
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            for kind in [
                TextKind::SingleLine,
                TextKind::MultiLine,
                TextKind::Identifier,
            ] {
                let error = parse_text("name", &format!("invoice{c}fdp.exe"), kind, 200)
                    .expect_err("refused");
                assert_eq!(
                    error.message,
                    format!(
                        "Deal name must not contain a hidden text-direction control, which can make text display as something else: remove the U+{:04X}.",
                        u32::from(c)
                    )
                );
            }
        }
    }

    #[test]
    fn bidi_marks_are_allowed_in_text_but_not_in_identifiers() {
        let hebrew = "\u{05E9}\u{05DC}\u{05D5}\u{05DD} 2026\u{200F}";
        assert_eq!(single(hebrew), Ok(Some(hebrew.to_owned())));
        assert_eq!(
            message(parse_text(
                "externalReferenceId",
                "CRM\u{200E}-1001",
                TextKind::Identifier,
                200
            )),
            "CRM ID must not contain invisible characters: remove the U+200E."
        );
        assert_eq!(
            message(parse_text(
                "campaignId",
                "CAMP\u{200B}77",
                TextKind::Identifier,
                200
            )),
            "Marketing campaign ID must not contain invisible characters: remove the U+200B."
        );
    }

    #[test]
    fn one_line_text_refuses_line_breaks_and_tabs_inside() {
        for text in ["Contoso\nERP", "Contoso\rERP", "Contoso\u{2028}ERP"] {
            assert_eq!(
                message(single(text)),
                "Deal name must be on one line: remove the line break.",
                "{text:?}"
            );
        }
        assert_eq!(
            message(single("Contoso\tERP")),
            "Deal name must not contain a tab: use a space instead."
        );
        // At either end they are only whitespace, trimmed as ever.
        assert_eq!(single("\tContoso\r\n"), Ok(Some("Contoso".to_owned())));
    }

    #[test]
    fn notes_keep_line_breaks_and_tabs_with_crlf_stored_as_lf() {
        let notes = parse_text(
            "details.notes",
            "Call Monday\r\n\tpilot: 20 trucks\rthen rollout",
            TextKind::MultiLine,
            5_000,
        );
        assert_eq!(
            notes,
            Ok(Some(
                "Call Monday\n\tpilot: 20 trucks\nthen rollout".to_owned()
            ))
        );
    }

    #[test]
    fn the_length_limit_counts_characters_after_trimming() {
        assert!(single(&format!("  {}  ", "ä".repeat(200))).is_ok());
        assert_eq!(
            message(single(&"a".repeat(201))),
            "Deal name must be at most 200 characters (it has 201)."
        );
        assert_eq!(
            message(parse_text(
                "details.notes",
                &"n".repeat(5_001),
                TextKind::MultiLine,
                5_000
            )),
            "Notes must be at most 5,000 characters (it has 5001)."
        );
    }

    proptest::proptest! {
        #[test]
        fn accepted_text_has_a_visible_character_and_nothing_forbidden(
            text in texts(),
            kind in proptest::sample::select(vec![TextKind::SingleLine, TextKind::MultiLine, TextKind::Identifier]),
        ) {
            if let Ok(Some(kept)) = parse_text("name", &text, kind, 200) {
                proptest::prop_assert!(kept.chars().any(|c| !c.is_whitespace() && !c.is_control() && !is_invisible(c)));
                proptest::prop_assert!(!kept.chars().any(is_direction_control));
                proptest::prop_assert!(!kept.contains('\0'));
                proptest::prop_assert!(!kept.contains('\r'));
                let allowed_controls: &[char] = if kind == TextKind::MultiLine { &['\n', '\t'] } else { &[] };
                proptest::prop_assert!(kept.chars().all(|c| !c.is_control() || allowed_controls.contains(&c)));
                if kind == TextKind::Identifier {
                    proptest::prop_assert!(!kept.chars().any(is_invisible));
                }
                proptest::prop_assert!(!kept.starts_with(is_trimmed) && !kept.ends_with(is_trimmed));
                proptest::prop_assert!(kept.chars().count() <= 200);
                // What was kept is kept again as it is.
                proptest::prop_assert_eq!(parse_text("name", &kept, kind, 200), Ok(Some(kept.clone())));
            }
        }

        #[test]
        fn blank_is_exactly_what_parses_to_nothing(text in texts()) {
            let parsed = parse_text("notes", &text, TextKind::MultiLine, usize::MAX);
            proptest::prop_assert_eq!(is_blank(&text), parsed == Ok(None));
        }
    }

    /// Text with the characters this rule is about mixed into ordinary letters.
    fn texts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let tricky = prop::sample::select(vec![
            "a", "Zürich", " ", "\t", "\n", "\r", "\r\n", "\0", "\u{7}", "\u{7F}", "\u{85}",
            "\u{9B}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}",
            "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{00A0}", "\u{3164}",
            "\u{FE0F}", "=", "🙂",
        ]);
        prop_oneof![
            prop::collection::vec(tricky, 0..12).prop_map(|parts| parts.concat()),
            any::<String>(),
        ]
    }
}
