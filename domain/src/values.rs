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
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty()
            || local.len() > 64
            || text.len() > 254
            || !domain_ok
            || text.chars().any(char::is_whitespace)
        {
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
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
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

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn parse(field: &str, text: &str) -> Result<CountryCode, FieldError> {
        let upper = text.trim().to_ascii_uppercase();
        match upper.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok(CountryCode([*a, *b])),
            _ => Err(FieldError::new(
                field,
                format!(
                    "{} must be a two-letter ISO 3166-1 country code, like DE or US.",
                    label(field)
                ),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// An ISO 4217 currency code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    pub fn parse(field: &str, text: &str) -> Result<CurrencyCode, FieldError> {
        let upper = text.trim().to_ascii_uppercase();
        match upper.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => {
                Ok(CurrencyCode([*a, *b, *c]))
            }
            _ => Err(FieldError::new(
                field,
                format!(
                    "{} must be a three-letter ISO 4217 currency code, like EUR or USD.",
                    label(field)
                ),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Digits after the decimal point (2 for EUR, 0 for JPY).
    pub fn minor_units(&self) -> u32 {
        2
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
        if value.is_sign_negative() && !value.is_zero() {
            return Err(FieldError::new(
                field,
                format!("{} must be zero or more.", label(field)),
            ));
        }
        if value.scale() > currency.minor_units() {
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
        Ok(Money {
            amount: value,
            currency,
        })
    }
}

/// The words for a field in messages: its last API name segment, spelled out.
pub fn label(field: &str) -> String {
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
