//! Validated values at the edge (parse, don't validate): once parsed, a value is
//! known to be well-formed everywhere else. Each parse error names the field
//! (its API name) and says what is wrong in words a user understands.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::validation::FieldError;

/// Longest deal, customer or person name.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest notes.
pub const NOTES_MAX_CHARS: usize = 5_000;

/// A required name (deal, customer, person): trimmed, 1 to 200 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl Name {
    pub fn parse(field: &str, text: &str) -> Result<Name, FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FieldError::new(
                field,
                format!("{} is required.", label(field)),
            ));
        }
        let chars = text.chars().count();
        if chars > NAME_MAX_CHARS {
            return Err(FieldError::new(
                field,
                format!(
                    "{} must be at most {NAME_MAX_CHARS} characters (it has {chars}).",
                    label(field)
                ),
            ));
        }
        Ok(Name(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free-text notes: trimmed, at most 5,000 characters; empty notes are no notes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Notes(String);

impl Notes {
    /// `Ok(None)` for blank text.
    pub fn parse(field: &str, text: &str) -> Result<Option<Notes>, FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let chars = text.chars().count();
        if chars > NOTES_MAX_CHARS {
            return Err(FieldError::new(
                field,
                format!(
                    "{} must be at most 5,000 characters (it has {chars}).",
                    label(field)
                ),
            ));
        }
        Ok(Some(Notes(text.to_owned())))
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
        let text = text.trim();
        let invalid = || {
            FieldError::new(
                field,
                format!(
                    "{} must be an email address like name@example.com.",
                    label(field)
                ),
            )
        };
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
        Ok(Email(text.to_owned()))
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
        let text = text.trim();
        let invalid = || {
            FieldError::new(
                field,
                format!(
                    "{} must be an international number starting with + and the country code, like +49 30 901820.",
                    label(field)
                ),
            )
        };
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
    table_rows(table)
        .find(|(row_code, _)| *row_code == code)
        .and_then(|(_, rest)| rest.split('\t').nth(column - 1))
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
                return Err(FieldError::new(
                    field,
                    format!(
                        "{} must be a two-letter ISO 3166-1 country code, like DE or US.",
                        label(field)
                    ),
                ));
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
                return Err(FieldError::new(
                    field,
                    format!(
                        "{} must be a three-letter ISO 4217 currency code, like EUR or USD.",
                        label(field)
                    ),
                ));
            }
        };
        if table_column(CURRENCIES, &upper, 1).is_none() {
            return Err(FieldError::new(
                field,
                format!(
                    "{} {upper} is not an active ISO 4217 currency code. Use a current code like EUR or USD.",
                    label(field)
                ),
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

/// An amount of money: a decimal (never a float), zero or more, in a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: CurrencyCode,
}

impl Money {
    /// Parses an amount typed by a user (`25000`, `25000.50`, `25,000.50`) in `currency`.
    pub fn parse(field: &str, amount: &str, currency: CurrencyCode) -> Result<Money, FieldError> {
        let cleaned: String = amount
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != '_' && !c.is_whitespace())
            .collect();
        if cleaned.is_empty() {
            return Err(FieldError::new(
                field,
                format!("{} is required.", label(field)),
            ));
        }
        let value = Decimal::from_str(&cleaned).map_err(|_| {
            FieldError::new(
                field,
                format!("{} must be a number, like 25000 or 25000.50.", label(field)),
            )
        })?;
        // `-0` is zero.
        let value = if value.is_zero() { value.abs() } else { value };
        if value.is_sign_negative() {
            return Err(FieldError::new(
                field,
                format!("{} must be zero or more.", label(field)),
            ));
        }
        // `100.00` yen is a whole amount: only significant digits count against the minor unit.
        if value.normalize().scale() > currency.minor_units() {
            return Err(FieldError::new(
                field,
                format!(
                    "{} has too many decimal places for {} (at most {}).",
                    label(field),
                    currency.as_str(),
                    currency.minor_units()
                ),
            ));
        }
        let amount = if value.scale() > currency.minor_units() {
            value.round_dp(currency.minor_units())
        } else {
            value
        };
        Ok(Money { amount, currency })
    }
}

/// The words for a field in messages: its last API name segment, spelled out.
pub fn label(field: &str) -> String {
    if field == "customerProfile.name" {
        return "Customer name".to_owned();
    }
    let last = field.rsplit('.').next().unwrap_or(field);
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
        _ => None,
    };
    known.map(str::to_owned).unwrap_or_else(|| {
        // camelCase → "Camel case"
        let mut words = String::new();
        for (i, c) in last.chars().enumerate() {
            if c.is_uppercase() {
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
    Notes => |t: &str| Notes::parse("notes", t).and_then(|n| n.ok_or_else(|| FieldError::new("notes", "Notes must not be blank."))),
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
            "Estimated deal value has too many decimal places for JPY (at most 0)."
        );
        assert_eq!(
            message(Money::parse("details.dealValue", "10.505", eur())),
            "Estimated deal value has too many decimal places for EUR (at most 2)."
        );
        let bhd = CurrencyCode::parse("currency", "BHD").unwrap();
        assert!(Money::parse("dealValue", "10.505", bhd).is_ok());
        assert!(Money::parse("dealValue", "10.5051", bhd).is_err());
    }

    #[test]
    fn trailing_zeros_beyond_the_minor_unit_are_dropped_not_rejected() {
        let yen = Money::parse("dealValue", "1000.00", jpy()).unwrap();
        assert_eq!(yen.amount.to_string(), "1000");
        let euro = Money::parse("dealValue", "10.500", eur()).unwrap();
        assert_eq!(euro.amount.to_string(), "10.50");
    }

    #[test]
    fn an_amount_must_be_given_and_be_a_number() {
        assert_eq!(
            message(Money::parse("details.dealValue", "  ", eur())),
            "Estimated deal value is required."
        );
        for text in ["abc", "1.2.3", "€100", "12 EUR"] {
            assert_eq!(
                message(Money::parse("details.dealValue", text, eur())),
                "Estimated deal value must be a number, like 25000 or 25000.50.",
                "{text:?}"
            );
        }
    }

    // Labels

    #[test]
    fn unknown_fields_are_spelled_out_from_their_api_name() {
        assert_eq!(label("details.closingDateTime"), "Estimated closing date");
        assert_eq!(label("inviteContext.invitedBy"), "Invited by");
    }
}
