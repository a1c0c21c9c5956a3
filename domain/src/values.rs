//! Validated values at the edge (parse, don't validate): once parsed, a value is
//! known to be well-formed everywhere else. Each parse error names the field
//! (its API name) and says what is wrong in words a user understands.
//!
//! Every typed text passes one rule first ([`parse_text`], in `text`): no control
//! characters, no bidi overrides, and "required" means something visible. Dates go
//! through [`CalendarDate`] (in `date`), amounts through [`Money`].

mod date;
mod text;

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::validation::FieldError;

pub use date::{CalendarDate, EARLIEST_YEAR, LATEST_YEAR, earliest_today, latest_today};
pub use text::{TextKind, is_blank, is_direction_control, is_invisible, parse_text};

/// Longest deal, customer or person name.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest notes.
pub const NOTES_MAX_CHARS: usize = 5_000;

/// A required name (deal, customer, person): one line of 1 to 200 characters, trimmed,
/// with at least one visible character (see [`parse_text`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl Name {
    pub fn parse(field: &str, text: &str) -> Result<Name, FieldError> {
        parse_text(field, text, TextKind::SingleLine, NAME_MAX_CHARS)?
            .map(Name)
            .ok_or_else(|| FieldError::coded(field, "error-required", &[]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free-text notes: several lines (tabs allowed, line breaks stored as LF), trimmed, at
/// most 5,000 characters; blank notes are no notes (see [`parse_text`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Notes(String);

impl Notes {
    /// `Ok(None)` for blank text.
    pub fn parse(field: &str, text: &str) -> Result<Option<Notes>, FieldError> {
        parse_text(field, text, TextKind::MultiLine, NOTES_MAX_CHARS).map(|t| t.map(Notes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An email address of plausible syntax, kept as typed (trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, text: &str) -> Result<Email, FieldError> {
        let invalid = || FieldError::coded(field, "error-email", &[]);
        // The length is checked below, in bytes as RFC 5321 counts.
        let text =
            parse_text(field, text, TextKind::SingleLine, usize::MAX)?.ok_or_else(invalid)?;
        let (local, domain) = text.rsplit_once('@').ok_or_else(invalid)?;
        // Unquoted local parts (all that real forms produce): letters, digits, RFC 5322's symbols,
        // and dots that neither lead, trail nor double.
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        // Host names: dot-separated labels of letters, digits and inner hyphens, and a top-level domain.
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
        if !local_ok || !domain_ok || text.len() > 254 || text.chars().any(char::is_whitespace) {
            return Err(invalid());
        }
        Ok(Email(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after `@`, lower-cased.
    pub fn domain(&self) -> String {
        self.0
            .rsplit_once('@')
            .map(|(_, d)| d.to_lowercase())
            .unwrap_or_default()
    }
}

/// A phone number in international (E.164) form: `+` and 8 to 15 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts spaces, dots, dashes and brackets between digits; the number must start with `+` and a country code.
    pub fn parse(field: &str, text: &str) -> Result<PhoneNumber, FieldError> {
        let invalid = || FieldError::coded(field, "error-phone", &[]);
        let text =
            parse_text(field, text, TextKind::SingleLine, usize::MAX)?.ok_or_else(invalid)?;
        let rest = text.strip_prefix('+').ok_or_else(invalid)?;
        if !rest
            .chars()
            .all(|c| c.is_ascii_digit() || " .-()".contains(c))
        {
            return Err(invalid());
        }
        // `+49 (0)30 …`: the bracketed trunk 0 is dialled only at home, never after the country code.
        let digits: String = rest
            .replacen("(0)", "", 1)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
            return Err(invalid());
        }
        Ok(PhoneNumber(format!("+{digits}")))
    }

    /// The E.164 form, `+4930901820`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Every assigned ISO 3166-1 alpha-2 code with its English short name (`CODE\tname` lines).
const COUNTRIES: &str = include_str!("../data/iso3166-1-alpha2.tsv");
/// Every active ISO 4217 code with its minor unit and name (`CODE\tunit\tname` lines).
const CURRENCIES: &str = include_str!("../data/iso4217.tsv");

/// The rows of a bundled table as (code, the other columns): comments and blank lines skipped.
fn table_rows(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// Column `column` (1-based after the code) of the row for `code` in a bundled table.
fn table_column(table: &'static str, code: &str, column: usize) -> Option<&'static str> {
    table_row(table, code).and_then(|rest| rest.split('\t').nth(column - 1))
}

/// The other columns of the row for `code`: one search of the table's text for the line
/// that starts with it, rather than splitting every line until it comes (the first line
/// is a comment, so every row follows a line break). Every referral read parses a
/// country and a currency, and a list of 50,000 is read at once.
fn table_row(table: &'static str, code: &str) -> Option<&'static str> {
    let key = format!("\n{code}\t");
    let rest = &table[table.find(&key)? + key.len()..];
    rest.lines().next()
}

/// An ISO 3166-1 alpha-2 country code, upper case, officially assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts any letter case and surrounding spaces (`de`, ` DE `); rejects codes ISO never
    /// assigned or reserves for other uses (`UK`, `EU`, `XK`).
    pub fn parse(field: &str, text: &str) -> Result<CountryCode, FieldError> {
        let upper = text.trim().to_ascii_uppercase();
        let [a, b] = match upper.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => [*a, *b],
            _ => {
                return Err(FieldError::coded(field, "error-country-code", &[]));
            }
        };
        if table_column(COUNTRIES, &upper, 1).is_none() {
            // The two codes people most often mean but ISO does not assign.
            let hint = match upper.as_str() {
                "UK" => " Use GB for the United Kingdom.",
                "EL" => " Use GR for Greece.",
                _ => " Use a two-letter code like DE or US.",
            };
            return Err(FieldError::new(
                field,
                format!(
                    "{} {upper} is not an ISO 3166-1 country code.{hint}",
                    label(field)
                ),
            ));
        }
        Ok(CountryCode([a, b]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English short name, as ISO 3166-1 lists it: `Germany`, `Korea, Republic of`.
    pub fn name(&self) -> &'static str {
        // Every CountryCode passed `parse`, so its row exists.
        table_column(COUNTRIES, self.as_str(), 1).unwrap_or_default()
    }

    /// The country as the app and its emails show it: its name in the reader's language
    /// (`localized`; none in English, or when none is known, gives the English short name)
    /// and its code: `Germany (DE)`, `Deutschland (DE)`.
    pub fn shown(&self, localized: Option<&str>) -> String {
        format!("{} ({})", localized.unwrap_or(self.name()), self.as_str())
    }

    /// Every assigned country, by code (for the Country filter and pickers).
    pub fn all() -> impl Iterator<Item = CountryCode> {
        table_rows(COUNTRIES).map(|(code, _)| {
            let code = code.as_bytes();
            CountryCode([code[0], code[1]])
        })
    }
}

/// An ISO 4217 currency code, upper case, active (on ISO 4217 List One).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// Accepts any letter case and surrounding spaces (`eur`); rejects withdrawn codes (`DEM`, `HRK`).
    pub fn parse(field: &str, text: &str) -> Result<CurrencyCode, FieldError> {
        let upper = text.trim().to_ascii_uppercase();
        let [a, b, c] = match upper.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => [*a, *b, *c],
            _ => {
                return Err(FieldError::coded(field, "error-currency-code", &[]));
            }
        };
        if table_column(CURRENCIES, &upper, 1).is_none() {
            return Err(FieldError::coded(
                field,
                "error-currency-inactive",
                &[("code", &upper)],
            ));
        }
        Ok(CurrencyCode([a, b, c]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Digits after the decimal point, per ISO 4217: 2 for EUR, 0 for JPY, 3 for BHD, 4 for CLF.
    /// Codes for which ISO defines none (gold, SDR, XXX, …) count in whole units: 0.
    pub fn minor_units(&self) -> u32 {
        table_column(CURRENCIES, self.as_str(), 1)
            .and_then(|digits| digits.parse().ok())
            .unwrap_or(0)
    }

    /// The currency's name as ISO 4217 lists it: `Euro`, `Yen`.
    pub fn name(&self) -> &'static str {
        // Every CurrencyCode passed `parse`, so its row exists.
        table_column(CURRENCIES, self.as_str(), 2).unwrap_or_default()
    }

    /// Every active currency, by code (for currency pickers).
    pub fn all() -> impl Iterator<Item = CurrencyCode> {
        table_rows(CURRENCIES).map(|(code, _)| {
            let code = code.as_bytes();
            CurrencyCode([code[0], code[1], code[2]])
        })
    }
}

/// Whole-unit digits an amount may have: every amount stays below 10^15 units of its
/// currency (at most 999,999,999,999,999.99 EUR). Not 10^12: a deal of a trillion Iranian
/// rials or Vietnamese dong is a modest one. With at most 4 decimals (ISO 4217's largest
/// minor unit) every amount is exact in a [`Decimal`] and in the stored sort key.
pub const MONEY_MAX_WHOLE_DIGITS: usize = 15;

/// An amount of money: a decimal (never a float), zero or more, in a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    pub amount: Decimal,
    /// ISO 4217, e.g. `EUR`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[A-Z]{3}$"))]
    pub currency: CurrencyCode,
}

impl Money {
    /// Parses an amount typed by a user (`25000`, `25000.50`, `25,000.50`) in `currency`,
    /// exactly: it is never rounded, and never read at another magnitude than meant.
    ///
    /// - A point is the decimal point; a comma only separates thousands, before any point
    ///   (`25,000`, `1,234,567.89`). Any other comma (`48,50`, `1,23,456`, `1.000,50`) is
    ///   refused, not guessed at: it may be a decimal comma.
    /// - `48.500` or `1.000` (one point, then exactly three digits, no comma) is refused as
    ///   ambiguous when the currency has fewer than three minor units: it is 48500 in much
    ///   of Europe and 48.50 elsewhere. With a comma the point is a decimal point
    ///   (`1,010.500` EUR is `1010.50`). In a currency with three or more (BHD), `48.500`
    ///   is `48.500`, but `48,500` is ambiguous instead: 48500, or 48.500 written with a
    ///   decimal comma.
    /// - At most the currency's minor units of decimals (2 for EUR, 0 for JPY): `1.005`
    ///   EUR is refused, not rounded; zeros beyond them say nothing and are dropped
    ///   (`10.5000` EUR is `10.50`, `1000.00` JPY is `1000`).
    /// - Below 10^15 whole units ([`MONEY_MAX_WHOLE_DIGITS`]): a larger amount is "too
    ///   large", never "not a number".
    /// - Zero or more; `-0` is zero. Spaces and `_` are ignored.
    pub fn parse(field: &str, amount: &str, currency: CurrencyCode) -> Result<Money, FieldError> {
        if is_blank(amount) {
            return Err(FieldError::coded(field, "error-required", &[]));
        }
        let cleaned: String = amount
            .trim()
            .chars()
            .filter(|c| *c != '_' && !c.is_whitespace())
            .collect();
        let not_a_number = || FieldError::coded(field, "error-number", &[]);
        let (negative, unsigned) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
        };
        let is_separator = |b: u8| b == b',' || b == b'.';
        if !unsigned
            .bytes()
            .all(|b| b.is_ascii_digit() || is_separator(b))
            || !unsigned.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(not_a_number());
        }
        // Whichever way the separators are meant, only zeros make zero.
        let is_zero = unsigned.bytes().all(|b| b == b'0' || is_separator(b));
        if negative && !is_zero {
            return Err(FieldError::coded(field, "error-not-negative", &[]));
        }
        let minor_units = currency.minor_units() as usize;
        let (grouped, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if fraction.contains('.') && !unsigned.contains(',') {
            // `1.000.000`: points between thousands, as much of Europe writes them.
            return Err(if is_thousands_grouping(&unsigned.replace('.', ",")) {
                FieldError::coded(field, "error-amount-decimal-comma", &[])
            } else {
                not_a_number()
            });
        }
        let whole = if grouped.contains(',') || fraction.contains(',') {
            if fraction.contains([',', '.']) || !is_thousands_grouping(grouped) {
                return Err(FieldError::coded(field, "error-amount-decimal-comma", &[]));
            }
            let whole = grouped.replace(',', "");
            // `48,500` in a currency of three decimals may be 48.500 with a decimal comma.
            if minor_units >= 3
                && !unsigned.contains('.')
                && let Some((thousands, rest)) = grouped.split_once(',')
                && !rest.contains(',')
            {
                return Err(ambiguous(field, &cleaned, thousands, rest, minor_units));
            }
            whole
        } else {
            // `48.500` (a point after one to three digits, then three digits) is also
            // 48500 written with a thousands point.
            let thousands_point =
                fraction.len() == 3 && is_thousands_grouping(&format!("{grouped},{fraction}"));
            if minor_units < 3 && thousands_point {
                let decimals = fraction.trim_end_matches('0');
                if decimals.len() <= minor_units {
                    return Err(ambiguous(field, &cleaned, grouped, fraction, minor_units));
                }
            }
            grouped.to_owned()
        };
        // Only significant digits count: `007` is 7, and `1.50` has one decimal.
        let significant_whole = whole.trim_start_matches('0');
        let significant_fraction = fraction.trim_end_matches('0');
        if significant_whole.len() > MONEY_MAX_WHOLE_DIGITS {
            return Err(FieldError::coded(
                field,
                "error-too-large",
                &[
                    ("max", &Money::max_text(minor_units)),
                    ("currency", currency.as_str()),
                ],
            ));
        }
        if significant_fraction.len() > minor_units {
            return Err(match minor_units {
                0 => FieldError::coded(
                    field,
                    "error-whole-number",
                    &[("currency", currency.as_str())],
                ),
                n => FieldError::coded(
                    field,
                    "error-decimal-places",
                    &[("places", &n.to_string()), ("currency", currency.as_str())],
                ),
            });
        }
        // Keep the decimals as typed, up to the minor unit: `10.5` stays `10.5`.
        let scale = fraction.len().min(minor_units);
        let digits = format!("{significant_whole}{significant_fraction:0<scale$}");
        // No digits is zero; otherwise at most 15 + 4 digits, which a Decimal always holds.
        let mantissa = if digits.is_empty() {
            Ok(0)
        } else {
            digits.parse::<i128>()
        };
        let amount = mantissa
            .ok()
            .and_then(|m| Decimal::try_from_i128_with_scale(m, scale as u32).ok())
            .ok_or_else(not_a_number)?;
        Ok(Money { amount, currency })
    }

    /// The largest amount, written as in messages: `999,999,999,999,999.99`.
    fn max_text(minor_units: usize) -> String {
        let whole = ["999"; MONEY_MAX_WHOLE_DIGITS / 3].join(",");
        if minor_units == 0 {
            whole
        } else {
            format!("{whole}.{}", "9".repeat(minor_units))
        }
    }
}

/// Whether `whole` is digits grouped by commas into thousands: one to three digits, not
/// starting with 0, then groups of exactly three (`1`, `48,500`, `1,234,567`).
fn is_thousands_grouping(whole: &str) -> bool {
    let mut groups = whole.split(',');
    let lead = groups.next().unwrap_or_default();
    let digits = |group: &str| group.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&lead.len())
        && !lead.starts_with('0')
        && digits(lead)
        && groups.all(|group| group.len() == 3 && digits(group))
}

/// `typed` separates `whole` from three more digits, `rest`, by a mark that may be a
/// thousands separator or a decimal point: the error shows both readings, each written
/// so that no one can misread it (`48500`, `48.50`).
fn ambiguous(field: &str, typed: &str, whole: &str, rest: &str, minor_units: usize) -> FieldError {
    let as_thousands = format!("{whole}{rest}");
    let decimals = &rest[..rest.len().min(minor_units)];
    let as_decimal = if decimals.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{decimals}")
    };
    FieldError::coded(
        field,
        "error-amount-ambiguous",
        &[
            ("typed", typed),
            ("asThousands", &as_thousands),
            ("asDecimal", &as_decimal),
        ],
    )
}

/// The catalogue's id of a field's label (`field-dealValue`): its last API name segment,
/// without a list index.
pub fn label_id(field: &str) -> String {
    if field == "customerProfile.name" {
        return "field-customerName".to_owned();
    }
    if field.ends_with("contact.name") {
        return "field-contactName".to_owned();
    }
    format!("field-{}", last_segment(field))
}

/// A field's API name without its parents and list index: `team[0].lastName` is `lastName`,
/// `keywords[2]` is `keywords`.
fn last_segment(field: &str) -> &str {
    let last = field.rsplit('.').next().unwrap_or(field);
    last.split('[').next().unwrap_or(last)
}

/// The words for a field in messages: its last API name segment, spelled out.
pub fn label(field: &str) -> String {
    if field == "customerProfile.name" {
        return "Customer name".to_owned();
    }
    if field.ends_with("contact.name") {
        // A business profile location's contact, not a deal.
        return "Contact name".to_owned();
    }
    let last = last_segment(field);
    let known = match last {
        "name" => Some("Deal name"),
        "dealValue" => Some("Estimated deal value"),
        "currency" => Some("Currency"),
        "closingDateTime" => Some("Estimated closing date"),
        "notes" => Some("Notes"),
        "email" => Some("Email"),
        "phoneNumber" => Some("Phone number"),
        "country" => Some("Country"),
        "firstName" => Some("First name"),
        "lastName" => Some("Last name"),
        "externalReferenceId" => Some("CRM ID"),
        "campaignId" => Some("Marketing campaign ID"),
        "marketplaceTransactionDate" => Some("Estimated marketplace transaction date"),
        "keywords" => Some("Keyword"),
        "preferredCompanySizes" => Some("Preferred company size"),
        _ => None,
    };
    known.map(str::to_owned).unwrap_or_else(|| {
        // camelCase → "Camel case"
        let mut words = String::new();
        for (i, c) in last.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                words.push(' ');
                words.extend(c.to_lowercase());
            } else if i == 0 {
                words.extend(c.to_uppercase());
            } else {
                words.push(c);
            }
        }
        words
    })
}

macro_rules! text_serde {
    ($($name:ident => $parse:expr),+ $(,)?) => {$(
        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                $parse(&text)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_owned()
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )+};
}

text_serde! {
    Name => |t: &str| Name::parse("name", t),
    Notes => |t: &str| Notes::parse("notes", t).and_then(|n| n.ok_or_else(|| FieldError::coded("notes", "error-notes-blank", &[]))),
    Email => |t: &str| Email::parse("email", t),
    PhoneNumber => |t: &str| PhoneNumber::parse("phoneNumber", t),
    CountryCode => |t: &str| CountryCode::parse("country", t),
    CurrencyCode => |t: &str| CurrencyCode::parse("currency", t),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message<T: fmt::Debug>(result: Result<T, FieldError>) -> String {
        result.expect_err("should be rejected").message
    }

    fn eur() -> CurrencyCode {
        CurrencyCode::parse("currency", "EUR").unwrap()
    }

    fn jpy() -> CurrencyCode {
        CurrencyCode::parse("currency", "JPY").unwrap()
    }

    // The bundled tables

    #[test]
    fn the_bundled_tables_start_with_a_comment_and_list_each_code_once() {
        for table in [COUNTRIES, CURRENCIES] {
            assert!(table.starts_with('#'), "every row follows a line break");
            let mut codes: Vec<&str> = table_rows(table).map(|(code, _)| code).collect();
            let rows = codes.len();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), rows);
        }
    }

    #[test]
    fn searching_a_table_finds_what_reading_it_through_finds() {
        let letters = || b'A'..=b'Z';
        let mut codes: Vec<String> = letters()
            .flat_map(|a| letters().map(move |b| String::from_utf8(vec![a, b]).unwrap()))
            .collect();
        codes.extend(letters().flat_map(|a| {
            letters().flat_map(move |b| {
                letters().map(move |c| String::from_utf8(vec![a, b, c]).unwrap())
            })
        }));
        codes.extend(["", "#", "A", "a", "de", "ZZZZ", "Å", "\t"].map(String::from));
        for table in [COUNTRIES, CURRENCIES] {
            for code in &codes {
                let read_through = table_rows(table)
                    .find(|(row_code, _)| row_code == code)
                    .map(|(_, rest)| rest);
                assert_eq!(table_row(table, code), read_through, "{code:?}");
            }
        }
    }

    // Names

    #[test]
    fn a_name_is_trimmed_and_may_have_exactly_200_characters() {
        assert_eq!(
            Name::parse("name", "  Contoso ERP  ").unwrap().as_str(),
            "Contoso ERP"
        );
        // Characters, not bytes: 200 × "ä" is 400 bytes.
        let longest = "ä".repeat(NAME_MAX_CHARS);
        assert_eq!(Name::parse("name", &longest).unwrap().as_str(), longest);
    }

    #[test]
    fn a_name_of_201_characters_is_rejected_with_its_length() {
        let error = Name::parse("name", &"a".repeat(201)).unwrap_err();
        assert_eq!(error.field, "name");
        assert_eq!(
            error.message,
            "Deal name must be at most 200 characters (it has 201)."
        );
    }

    #[test]
    fn a_blank_name_is_required() {
        assert_eq!(
            message(Name::parse("name", "   ")),
            "Deal name is required."
        );
        assert_eq!(
            message(Name::parse("customerProfile.name", "")),
            "Customer name is required."
        );
        assert_eq!(
            message(Name::parse("team.firstName", "")),
            "First name is required."
        );
    }

    #[test]
    fn a_name_of_zero_width_spaces_is_required() {
        assert_eq!(
            message(Name::parse("name", "\u{200B}\u{200B}\u{200B}")),
            "Deal name is required."
        );
        assert_eq!(
            message(Name::parse(
                "customerProfile.name",
                " \u{FEFF}\u{2060} \u{200D}"
            )),
            "Customer name is required."
        );
    }

    #[test]
    fn a_name_with_a_nul_or_a_bidi_override_is_refused() {
        assert_eq!(
            message(Name::parse("name", "\0")),
            "Deal name must not contain an invisible control character: remove the U+0000."
        );
        assert_eq!(
            message(Name::parse("team[0].lastName", "Weber\u{202E}")),
            "Last name must not contain a hidden text-direction control, which can make text display as something else: remove the U+202E."
        );
        assert_eq!(
            message(Name::parse("name", "Contoso\nERP")),
            "Deal name must be on one line: remove the line break."
        );
    }

    // Notes

    #[test]
    fn notes_may_have_exactly_5000_characters_and_blank_notes_are_none() {
        let longest = "n".repeat(NOTES_MAX_CHARS);
        assert_eq!(
            Notes::parse("notes", &longest).unwrap().unwrap().as_str(),
            longest
        );
        assert_eq!(Notes::parse("notes", " \n ").unwrap(), None);
    }

    #[test]
    fn notes_with_a_nul_or_a_bidi_isolate_are_refused_but_keep_their_lines() {
        assert_eq!(
            message(Notes::parse("details.notes", "Call\0back")),
            "Notes must not contain an invisible control character: remove the U+0000."
        );
        assert_eq!(
            message(Notes::parse("statusReasonNotes", "\u{2067}tixe\u{2069}")),
            "Status reason notes must not contain a hidden text-direction control, which can make text display as something else: remove the U+2067."
        );
        assert_eq!(
            Notes::parse("details.notes", "Line 1\r\n\tLine 2")
                .unwrap()
                .unwrap()
                .as_str(),
            "Line 1\n\tLine 2"
        );
        assert_eq!(
            Notes::parse("details.notes", "\u{200B}\n\u{FEFF}"),
            Ok(None)
        );
    }

    #[test]
    fn notes_of_5001_characters_are_rejected() {
        assert_eq!(
            message(Notes::parse("details.notes", &"n".repeat(5_001))),
            "Notes must be at most 5,000 characters (it has 5001)."
        );
    }

    // Email addresses

    #[test]
    fn plausible_email_addresses_are_kept_as_typed_but_trimmed() {
        for text in [
            "anna@contoso.de",
            "Anna.Schmidt+referrals@mail.contoso.co.uk",
            "o'brien@contoso.ie",
            "jörg@müller.de",
            "a@b-c.io",
        ] {
            assert_eq!(Email::parse("email", text).unwrap().as_str(), text);
        }
        assert_eq!(
            Email::parse("email", " anna@contoso.de ").unwrap().as_str(),
            "anna@contoso.de"
        );
    }

    #[test]
    fn implausible_email_addresses_are_rejected_with_an_example() {
        for text in [
            "",
            "anna",
            "anna@",
            "@contoso.de",
            "anna@contoso",
            "anna@contoso.",
            "anna@.contoso.de",
            "anna@contoso..de",
            "anna@-contoso.de",
            "anna@contoso-.de",
            "anna@contoso.d",
            "anna@conto_so.de",
            "an na@contoso.de",
            "anna@@contoso.de",
            "an@na@contoso.de",
            ".anna@contoso.de",
            "anna.@contoso.de",
            "an..na@contoso.de",
            "anna,bob@contoso.de",
            "<anna>@contoso.de",
            "\"anna\"@contoso.de",
        ] {
            assert_eq!(
                message(Email::parse("email", text)),
                "Email must be an email address like name@example.com.",
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_email_address_has_length_limits() {
        let local_64 = "a".repeat(64);
        assert!(Email::parse("email", &format!("{local_64}@contoso.de")).is_ok());
        assert!(Email::parse("email", &format!("{local_64}a@contoso.de")).is_err());
        // 254 characters in all at most.
        let domain = format!("{}.de", "d".repeat(60));
        let long_domain = [domain.as_str(); 3].join(".");
        let fits = format!(
            "{}@{}",
            "a".repeat(254 - 1 - long_domain.len()),
            long_domain
        );
        assert_eq!(fits.len(), 254);
        assert!(Email::parse("email", &fits).is_ok());
        let too_long = format!("a{fits}");
        assert!(Email::parse("email", &too_long).is_err());
    }

    #[test]
    fn an_email_address_with_a_control_or_bidi_character_says_which() {
        assert_eq!(
            message(Email::parse("team[0].email", "anna\0@contoso.de")),
            "Email must not contain an invisible control character: remove the U+0000."
        );
        assert_eq!(
            message(Email::parse("email", "anna@contoso.de\u{202E}")),
            "Email must not contain a hidden text-direction control, which can make text display as something else: remove the U+202E."
        );
        assert_eq!(
            message(Email::parse("email", "an\u{200B}na@contoso.de")),
            "Email must be an email address like name@example.com."
        );
        assert_eq!(
            Email::parse("email", "\u{FEFF}anna@contoso.de\u{200B}")
                .unwrap()
                .as_str(),
            "anna@contoso.de"
        );
    }

    #[test]
    fn the_email_domain_is_lower_case() {
        assert_eq!(
            Email::parse("email", "Anna@Contoso.DE").unwrap().domain(),
            "contoso.de"
        );
    }

    // Phone numbers

    #[test]
    fn phone_numbers_are_normalised_to_e164() {
        for (typed, e164) in [
            ("+49 30 901820", "+4930901820"),
            ("+1 (425) 882-8080", "+14258828080"),
            ("+44 20.7946.0000", "+442079460000"),
            ("+49 (0)30 901820", "+4930901820"),
            ("  +4930901820  ", "+4930901820"),
            ("+12345678", "+12345678"),
            ("+123456789012345", "+123456789012345"),
        ] {
            assert_eq!(
                PhoneNumber::parse("phoneNumber", typed).unwrap().as_str(),
                e164,
                "{typed}"
            );
        }
    }

    #[test]
    fn phone_numbers_without_a_country_code_or_of_the_wrong_length_are_rejected() {
        for text in [
            "",
            "030 901820",
            "0049 30 901820",
            "+",
            "+1234567",
            "+1234567890123456",
            "+0 30 901820",
            "+49 30 901820 ext 5",
            "+49/30/901820",
            "++49 30 901820",
        ] {
            assert_eq!(
                message(PhoneNumber::parse("phoneNumber", text)),
                "Phone number must be an international number starting with + and the country code, like +49 30 901820.",
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_phone_number_with_a_control_or_bidi_character_says_which() {
        assert_eq!(
            message(PhoneNumber::parse("phoneNumber", "+49 30 901820\0")),
            "Phone number must not contain an invisible control character: remove the U+0000."
        );
        assert_eq!(
            message(PhoneNumber::parse("phoneNumber", "\u{202D}+49 30 901820")),
            "Phone number must not contain a hidden text-direction control, which can make text display as something else: remove the U+202D."
        );
    }

    // Countries

    #[test]
    fn assigned_country_codes_parse_in_any_case_and_have_their_iso_name() {
        let germany = CountryCode::parse("country", " de ").unwrap();
        assert_eq!(germany.as_str(), "DE");
        assert_eq!(germany.name(), "Germany");
        for (code, name) in [
            ("GB", "United Kingdom"),
            ("US", "United States"),
            ("KR", "Korea, Republic of"),
            ("CW", "Curaçao"),
            ("SS", "South Sudan"),
            ("AQ", "Antarctica"),
        ] {
            assert_eq!(CountryCode::parse("country", code).unwrap().name(), name);
        }
    }

    #[test]
    fn a_country_shows_its_name_in_the_readers_language_or_its_iso_name_with_its_code() {
        let germany = CountryCode::parse("country", "DE").unwrap();
        assert_eq!(germany.shown(None), "Germany (DE)");
        assert_eq!(germany.shown(Some("Deutschland")), "Deutschland (DE)");
    }

    #[test]
    fn a_country_code_must_be_two_letters() {
        for text in ["", "D", "DEU", "D1", "1D", "Ä€"] {
            assert_eq!(
                message(CountryCode::parse("customerProfile.address.country", text)),
                "Country must be a two-letter ISO 3166-1 country code, like DE or US.",
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_unassigned_country_code_is_named_as_not_iso() {
        let error = CountryCode::parse("customerProfile.address.country", "xx").unwrap_err();
        assert_eq!(error.field, "customerProfile.address.country");
        assert_eq!(
            error.message,
            "Country XX is not an ISO 3166-1 country code. Use a two-letter code like DE or US."
        );
        assert_eq!(
            message(CountryCode::parse("country", "uk")),
            "Country UK is not an ISO 3166-1 country code. Use GB for the United Kingdom."
        );
        assert_eq!(
            message(CountryCode::parse("country", "EL")),
            "Country EL is not an ISO 3166-1 country code. Use GR for Greece."
        );
        for reserved in ["EU", "XK", "AN", "ZZ"] {
            assert!(
                CountryCode::parse("country", reserved).is_err(),
                "{reserved}"
            );
        }
    }

    #[test]
    fn the_country_table_lists_all_249_assigned_codes_once_in_order() {
        let codes: Vec<CountryCode> = CountryCode::all().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        for code in codes {
            assert_eq!(CountryCode::parse("country", code.as_str()), Ok(code));
            assert!(!code.name().is_empty(), "{code}");
        }
    }

    #[test]
    fn a_country_code_round_trips_through_json_and_rejects_unknown_codes() {
        let code: CountryCode = serde_json::from_str("\"fr\"").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"FR\"");
        assert!(serde_json::from_str::<CountryCode>("\"QQ\"").is_err());
    }

    // Currencies

    #[test]
    fn active_currency_codes_parse_with_their_minor_units() {
        for (code, minor_units) in [
            ("EUR", 2),
            ("usd", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("BHD", 3),
            ("KWD", 3),
            ("TND", 3),
            ("CLF", 4),
            ("UYW", 4),
            ("XCG", 2),
            ("ZWG", 2),
            ("XAU", 0),
        ] {
            let currency = CurrencyCode::parse("currency", code).unwrap();
            assert_eq!(currency.as_str(), code.to_ascii_uppercase());
            assert_eq!(currency.minor_units(), minor_units, "{code}");
        }
        assert_eq!(eur().name(), "Euro");
        assert_eq!(jpy().name(), "Yen");
    }

    #[test]
    fn a_currency_code_must_be_three_letters() {
        for text in ["", "EU", "EURO", "E1R", "€"] {
            assert_eq!(
                message(CurrencyCode::parse("details.currency", text)),
                "Currency must be a three-letter ISO 4217 currency code, like EUR or USD.",
                "{text:?}"
            );
        }
    }

    #[test]
    fn withdrawn_and_invented_currency_codes_are_named_as_not_iso() {
        assert_eq!(
            message(CurrencyCode::parse("details.currency", "dem")),
            "Currency DEM is not an active ISO 4217 currency code. Use a current code like EUR or USD."
        );
        for gone in ["HRK", "ZWL", "SLL", "ANG", "BGN", "ABC"] {
            assert!(CurrencyCode::parse("currency", gone).is_err(), "{gone}");
        }
    }

    #[test]
    fn the_currency_table_is_sorted_unique_and_every_code_parses() {
        let codes: Vec<CurrencyCode> = CurrencyCode::all().collect();
        assert!(codes.len() > 170, "{}", codes.len());
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        for code in codes {
            assert_eq!(CurrencyCode::parse("currency", code.as_str()), Ok(code));
            assert!(code.minor_units() <= 4, "{code}");
            assert!(!code.name().is_empty(), "{code}");
        }
    }

    // Money

    #[test]
    fn amounts_parse_with_thousands_separators_and_keep_their_decimals() {
        let money = Money::parse("details.dealValue", " 25,000.50 ", eur()).unwrap();
        assert_eq!(money.amount, Decimal::new(2_500_050, 2));
        assert_eq!(money.amount.to_string(), "25000.50");
        assert_eq!(money.currency, eur());
        assert_eq!(
            Money::parse("dealValue", "0", eur()).unwrap().amount,
            Decimal::ZERO
        );
    }

    #[test]
    fn a_negative_amount_is_rejected_but_minus_zero_is_zero() {
        assert_eq!(
            message(Money::parse("details.dealValue", "-1", eur())),
            "Estimated deal value must be zero or more."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "-0.01", eur())),
            "Estimated deal value must be zero or more."
        );
        let zero = Money::parse("details.dealValue", "-0", eur()).unwrap();
        assert!(zero.amount.is_zero() && !zero.amount.is_sign_negative());
    }

    #[test]
    fn an_amount_may_not_have_more_decimals_than_its_currency() {
        assert_eq!(
            message(Money::parse("details.dealValue", "1000.5", jpy())),
            "Estimated deal value must be a whole number for JPY (no decimal places)."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "10.505", eur())),
            "Estimated deal value can have at most 2 decimal places for EUR."
        );
        let bhd = CurrencyCode::parse("currency", "BHD").unwrap();
        assert!(Money::parse("dealValue", "10.505", bhd).is_ok());
        assert_eq!(
            message(Money::parse("details.dealValue", "10.5051", bhd)),
            "Estimated deal value can have at most 3 decimal places for BHD."
        );
    }

    #[test]
    fn a_tiny_fraction_is_refused_not_rounded_to_zero() {
        // 29 decimals: more than a Decimal holds, which used to round it to 0.00.
        assert_eq!(
            message(Money::parse(
                "details.dealValue",
                "0.00000000000000000000000000001",
                eur()
            )),
            "Estimated deal value can have at most 2 decimal places for EUR."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "1.005", eur())),
            "Estimated deal value can have at most 2 decimal places for EUR."
        );
        assert_eq!(
            message(Money::parse(
                "dealRegistration.totalContractValue",
                "30000.001",
                eur()
            )),
            "Total contract value can have at most 2 decimal places for EUR."
        );
    }

    #[test]
    fn an_amount_too_large_to_hold_says_too_large_not_not_a_number() {
        let too_large =
            "Estimated deal value is too large: it can be at most 999,999,999,999,999.99 EUR.";
        for text in [
            "9".repeat(29),
            "9".repeat(40),
            "1000000000000000".to_owned(),
            "1,000,000,000,000,000.00".to_owned(),
        ] {
            assert_eq!(
                message(Money::parse("details.dealValue", &text, eur())),
                too_large,
                "{text:?}"
            );
        }
        assert_eq!(
            message(Money::parse("details.dealValue", &"9".repeat(16), jpy())),
            "Estimated deal value is too large: it can be at most 999,999,999,999,999 JPY."
        );
        let largest = Money::parse("details.dealValue", "999,999,999,999,999.99", eur()).unwrap();
        assert_eq!(largest.amount.to_string(), "999999999999999.99");
        // Leading zeros are no size.
        let padded = Money::parse("dealValue", &format!("{}7", "0".repeat(40)), eur()).unwrap();
        assert_eq!(padded.amount, Decimal::from(7));
    }

    #[test]
    fn a_negative_amount_keeps_its_message_whatever_else_is_wrong_with_it() {
        for text in ["-1.005", &format!("-{}", "9".repeat(29))] {
            assert_eq!(
                message(Money::parse("details.dealValue", text, eur())),
                "Estimated deal value must be zero or more.",
                "{text:?}"
            );
        }
    }

    #[test]
    fn amounts_keep_the_decimals_as_typed_up_to_the_minor_unit() {
        for (typed, kept) in [
            ("10.5", "10.5"),
            ("+10.5", "10.5"),
            (".5", "0.5"),
            ("5.", "5"),
            ("25_000", "25000"),
            ("0.00", "0.00"),
            ("-0.000", "0.00"),
        ] {
            assert_eq!(amount_read(typed, eur()), kept, "{typed:?}");
        }
    }

    #[test]
    fn trailing_zeros_beyond_the_minor_unit_are_dropped_not_rejected() {
        for (typed, currency, kept) in [
            ("1000.00", jpy(), "1000"),
            ("10.5000", eur(), "10.50"),
            ("1,010.500", eur(), "1010.50"),
            ("1234.500", eur(), "1234.50"),
            ("0.500", eur(), "0.50"),
        ] {
            assert_eq!(amount_read(typed, currency), kept, "{typed:?}");
        }
    }

    /// The amount `typed` in `currency` reads as, which must be readable.
    fn amount_read(typed: &str, currency: CurrencyCode) -> String {
        Money::parse("dealValue", typed, currency)
            .unwrap()
            .amount
            .to_string()
    }

    fn bhd() -> CurrencyCode {
        CurrencyCode::parse("currency", "BHD").unwrap()
    }

    #[test]
    fn commas_group_thousands_before_the_decimal_point() {
        for (typed, currency, kept) in [
            ("25,000", eur(), "25000"),
            ("25,000.50", eur(), "25000.50"),
            ("1,234,567.89", eur(), "1234567.89"),
            ("999,999", jpy(), "999999"),
            ("1,000.500", bhd(), "1000.500"),
            ("1,000,000", bhd(), "1000000"),
        ] {
            assert_eq!(amount_read(typed, currency), kept, "{typed:?}");
        }
    }

    #[test]
    fn a_decimal_comma_is_refused_never_read_as_a_thousands_separator() {
        let use_a_point = "Estimated deal value must use a point for decimals and a comma only between thousands, like 48500.50 or 48,500.50.";
        for text in [
            "48,50",
            "4,5",
            "1,23,456",
            "1.000,50",
            "1.000.000,50",
            "1.000.000",
            "0,500",
            "48,500,5",
            ",500",
            "1,,000",
            "1234,567",
            "48,",
        ] {
            let error = Money::parse("details.dealValue", text, eur()).unwrap_err();
            assert_eq!(error.message, use_a_point, "{text:?}");
            assert_eq!(error.code.as_deref(), Some("error-amount-decimal-comma"));
        }
        // Below zero whichever way it is meant.
        assert_eq!(
            message(Money::parse("details.dealValue", "-48,50", eur())),
            "Estimated deal value must be zero or more."
        );
    }

    #[test]
    fn a_point_before_three_digits_is_ambiguous_when_the_currency_has_fewer_decimals() {
        let error = Money::parse("details.dealValue", " 48.500 ", eur()).unwrap_err();
        assert_eq!(
            error.message,
            "Estimated deal value is unclear: 48.500 could mean 48500 or 48.50. Type the one you mean."
        );
        assert_eq!(error.code.as_deref(), Some("error-amount-ambiguous"));
        assert_eq!(
            message(Money::parse("details.dealValue", "1.000", eur())),
            "Estimated deal value is unclear: 1.000 could mean 1000 or 1.00. Type the one you mean."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "1.000", jpy())),
            "Estimated deal value is unclear: 1.000 could mean 1000 or 1. Type the one you mean."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "10.500", eur())),
            "Estimated deal value is unclear: 10.500 could mean 10500 or 10.50. Type the one you mean."
        );
        // Where only one reading is an amount of the currency, the usual rules speak.
        assert_eq!(
            message(Money::parse("details.dealValue", "48.500", jpy())),
            "Estimated deal value must be a whole number for JPY (no decimal places)."
        );
        // In a currency of three decimals the point is a decimal point, and a lone
        // comma before three digits is the ambiguous mark.
        assert_eq!(
            Money::parse("dealValue", "48.500", bhd())
                .unwrap()
                .amount
                .to_string(),
            "48.500"
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "48,500", bhd())),
            "Estimated deal value is unclear: 48,500 could mean 48500 or 48.500. Type the one you mean."
        );
        // Both readings are below zero.
        assert_eq!(
            message(Money::parse("details.dealValue", "-48.500", eur())),
            "Estimated deal value must be zero or more."
        );
    }

    #[test]
    fn each_reading_of_an_ambiguous_amount_is_accepted_as_written_in_the_message() {
        let error = Money::parse("dealValue", "48.500", eur()).unwrap_err();
        for param in ["asThousands", "asDecimal"] {
            let reading = &error.params[param];
            assert!(
                Money::parse("dealValue", reading, eur()).is_ok(),
                "{reading}"
            );
        }
    }

    #[test]
    fn an_amount_must_be_given_and_be_a_number() {
        assert_eq!(
            message(Money::parse("details.dealValue", "  ", eur())),
            "Estimated deal value is required."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "\u{200B}", eur())),
            "Estimated deal value is required."
        );
        for text in [
            "abc", "1.2.3", "€100", "12 EUR", ".", "-", "+-1", "1e5", "0x10", "1\u{0}00", "NaN",
        ] {
            assert_eq!(
                message(Money::parse("details.dealValue", text, eur())),
                "Estimated deal value must be a number, like 25000 or 25000.50.",
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn an_accepted_amount_is_exact_within_the_minor_unit_and_round_trips(
            typed in amounts(),
            code in proptest::sample::select(vec!["EUR", "JPY", "BHD", "CLF", "MGA"]),
        ) {
            let currency = CurrencyCode::parse("currency", code).unwrap();
            if let Ok(money) = Money::parse("dealValue", &typed, currency) {
                let amount = money.amount;
                proptest::prop_assert!(amount.scale() <= currency.minor_units());
                proptest::prop_assert!(!amount.is_sign_negative());
                proptest::prop_assert!(amount < Decimal::from(1_000_000_000_000_000_i64));
                // Exactly what was typed: the same number, never a rounded one.
                let plain: String = typed.chars().filter(|c| *c != ',').collect();
                let plain = plain.replace("-.", "-0.").replace("+.", "+0.");
                let plain = if plain.starts_with('.') { format!("0{plain}") } else { plain };
                let plain = plain.strip_suffix('.').unwrap_or(&plain).to_owned();
                proptest::prop_assert_eq!(Decimal::from_str_exact(&plain).map(|d| d.normalize()), Ok(amount.normalize()));
                // Written out and typed again, it is the same amount.
                proptest::prop_assert_eq!(Money::parse("dealValue", &amount.to_string(), currency), Ok(money));
            }
        }

        #[test]
        fn more_significant_decimals_than_the_minor_unit_are_refused_never_rounded(
            whole in 0u64..1_000_000,
            extra in 1u32..9,
            code in proptest::sample::select(vec!["EUR", "JPY", "BHD", "CLF"]),
        ) {
            let currency = CurrencyCode::parse("currency", code).unwrap();
            let decimals = currency.minor_units() + extra;
            let typed = format!("{whole}.{}1", "0".repeat(decimals as usize - 1));
            let error = Money::parse("dealValue", &typed, currency).unwrap_err();
            proptest::prop_assert!(error.message.contains("decimal places"), "{}", error.message);
        }

        #[test]
        fn an_amount_written_with_thousands_commas_and_its_minor_units_reads_back_as_itself(
            units in 0u64..1_000_000_000_000_000,
            cents in 0u64..10_000,
            code in proptest::sample::select(vec!["EUR", "JPY", "BHD", "CLF", "MGA"]),
        ) {
            let currency = CurrencyCode::parse("currency", code).unwrap();
            let minor_units = currency.minor_units() as usize;
            let digits = units.to_string();
            let mut grouped = String::new();
            for (i, digit) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(digit);
            }
            let fraction = format!("{cents:04}");
            let typed = match minor_units {
                0 => grouped,
                n => format!("{grouped}.{}", &fraction[..n]),
            };
            let money = Money::parse("dealValue", &typed, currency).unwrap();
            let plain = typed.replace(',', "");
            proptest::prop_assert_eq!(money.amount, Decimal::from_str_exact(&plain).unwrap());
        }

        #[test]
        fn a_thousands_point_is_never_silently_read_as_a_decimal_point(
            whole in 1u64..1_000,
            rest in 0u64..1_000,
            code in proptest::sample::select(vec!["EUR", "JPY", "USD", "MGA"]),
        ) {
            let currency = CurrencyCode::parse("currency", code).unwrap();
            let typed = format!("{whole}.{rest:03}");
            let error = Money::parse("dealValue", &typed, currency).unwrap_err();
            let code = error.code.as_deref().unwrap_or_default();
            proptest::prop_assert!(
                ["error-amount-ambiguous", "error-decimal-places", "error-whole-number"].contains(&code),
                "{}: {}", typed, error.message
            );
        }

        #[test]
        fn an_amount_of_16_or_more_whole_digits_is_too_large(digits in 16usize..60) {
            let typed = format!("1{}", "0".repeat(digits - 1));
            let error = Money::parse("dealValue", &typed, eur()).unwrap_err();
            proptest::prop_assert!(error.message.contains("too large"), "{}", error.message);
        }
    }

    /// Amounts as people type them, and odd strings around them.
    fn amounts() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            (0u64..10_000_000_000_000_000, 0usize..7, 0u64..10_000).prop_map(
                |(whole, decimals, fraction)| {
                    let fraction = format!("{fraction:04}");
                    match decimals {
                        0 => whole.to_string(),
                        n => format!("{whole}.{}", &format!("{fraction}000")[..n]),
                    }
                }
            ),
            "[0-9,.+-]{0,24}",
        ]
    }

    // Labels

    #[test]
    fn unknown_fields_are_spelled_out_from_their_api_name() {
        assert_eq!(label("details.closingDateTime"), "Estimated closing date");
        assert_eq!(label("inviteContext.invitedBy"), "Invited by");
    }

    #[test]
    fn a_listed_field_is_named_without_its_index_and_a_contact_name_is_no_deal_name() {
        assert_eq!(label("keywords[3]"), "Keyword");
        assert_eq!(label_id("keywords[3]"), "field-keywords");
        assert_eq!(label("locations[1].city"), "City");
        assert_eq!(label("locations[1].contact.name"), "Contact name");
        assert_eq!(label_id("locations[1].contact.name"), "field-contactName");
        assert_eq!(label_id("locations[1].contact.email"), "field-email");
        assert_eq!(label("name"), "Deal name");
    }
}
