//! The checks both intake shapes share: each takes the sender's field name (so a problem
//! is reported in the sender's own words) and records what is wrong in `errors`.

use std::str::FromStr;

use crate::UnknownValue;
use crate::referral::{Contact, EmailValidity, PhoneValidity};
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CountryCode, NAME_MAX_CHARS, NOTES_MAX_CHARS, Name, TextKind, parse_text};

/// Longest email address (RFC 5321) and phone number kept from a sender.
const EMAIL_MAX_CHARS: usize = 254;
const PHONE_MAX_CHARS: usize = 40;

/// `prefix.field`, or `field` alone at the top.
pub(super) fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A required one-line name (deal, customer, person).
pub(super) fn required_name(
    field: &str,
    text: Option<&str>,
    errors: &mut FieldErrors,
) -> Option<String> {
    errors
        .collect(Name::parse(field, text.unwrap_or_default()))
        .map(|name| name.as_str().to_owned())
}

/// An optional one-line text of at most `max` characters; blank is none.
pub(super) fn optional_line(
    field: &str,
    text: Option<&str>,
    max: usize,
    errors: &mut FieldErrors,
) -> Option<Option<String>> {
    errors.collect(parse_text(
        field,
        text.unwrap_or_default(),
        TextKind::SingleLine,
        max,
    ))
}

/// An optional identifier (external ID, campaign ID, offer ID): matched character by
/// character by other systems, so invisible characters are refused.
pub(super) fn optional_id(
    field: &str,
    text: Option<&str>,
    errors: &mut FieldErrors,
) -> Option<Option<String>> {
    errors.collect(parse_text(
        field,
        text.unwrap_or_default(),
        TextKind::Identifier,
        NAME_MAX_CHARS,
    ))
}

/// Optional notes (several lines, at most 5,000 characters).
pub(super) fn optional_notes(
    field: &str,
    text: Option<&str>,
    errors: &mut FieldErrors,
) -> Option<Option<String>> {
    errors.collect(parse_text(
        field,
        text.unwrap_or_default(),
        TextKind::MultiLine,
        NOTES_MAX_CHARS,
    ))
}

/// One of a closed set of values spelled as the API spells it; `default` when not given.
pub(super) fn choice<T: FromStr<Err = UnknownValue>>(
    field: &str,
    text: Option<&str>,
    default: Option<T>,
    errors: &mut FieldErrors,
) -> Option<Option<T>> {
    match text.map(str::trim).filter(|text| !text.is_empty()) {
        None => Some(default),
        Some(text) => errors
            .collect(
                text.parse::<T>()
                    .map_err(|unknown| unknown_value(field, &unknown)),
            )
            .map(Some),
    }
}

/// The error for a value outside a closed set, naming the choices.
pub(super) fn unknown_value(field: &str, unknown: &UnknownValue) -> FieldError {
    FieldError::coded(
        field,
        "error-unknown-value",
        &[
            ("value", &unknown.value),
            ("expected", &unknown.expected.join(", ")),
        ],
    )
}

/// A required country: an ISO 3166-1 alpha-2 code (any case) or its English short name
/// as ISO lists it (`Germany`), as marketplaces send either.
pub(super) fn country(field: &str, text: Option<&str>, errors: &mut FieldErrors) -> Option<String> {
    let text = text.map(str::trim).unwrap_or_default();
    if text.is_empty() {
        errors.push(FieldError::coded(field, "error-required", &[]));
        return None;
    }
    if text.chars().count() > 2
        && let Some(code) = CountryCode::all().find(|code| code.name().eq_ignore_ascii_case(text))
    {
        return Some(code.as_str().to_owned());
    }
    errors
        .collect(CountryCode::parse(field, text))
        .map(|code| code.as_str().to_owned())
}

/// What a sender says about one customer contact, by the sender's field names.
pub(super) struct ContactFields<'a> {
    pub first_name: (&'a str, Option<&'a str>),
    pub last_name: (&'a str, Option<&'a str>),
    pub email: (&'a str, Option<&'a str>),
    pub phone: (&'a str, Option<&'a str>),
    pub email_validity: (&'a str, Option<&'a str>),
    pub phone_validity: (&'a str, Option<&'a str>),
}

/// A customer contact: a first name, and an email address or a phone number to reach them.
/// A malformed address or number is kept and assessed `Invalid` on arrival (the lead is
/// still a lead); text that no field may hold (control characters, …) is refused.
pub(super) fn contact(fields: ContactFields<'_>, errors: &mut FieldErrors) -> Option<Contact> {
    let first_name = required_name(fields.first_name.0, fields.first_name.1, errors);
    let last_name = optional_line(
        fields.last_name.0,
        fields.last_name.1,
        NAME_MAX_CHARS,
        errors,
    );
    let email = optional_line(fields.email.0, fields.email.1, EMAIL_MAX_CHARS, errors);
    let phone = optional_line(fields.phone.0, fields.phone.1, PHONE_MAX_CHARS, errors);
    let email_validity = choice(
        fields.email_validity.0,
        fields.email_validity.1,
        Some(EmailValidity::Unknown),
        errors,
    );
    let phone_validity = choice(
        fields.phone_validity.0,
        fields.phone_validity.1,
        Some(PhoneValidity::Unknown),
        errors,
    );
    if matches!((&email, &phone), (Some(None), Some(None))) {
        errors.push(FieldError::coded(
            fields.email.0,
            "error-contact-reachable",
            &[],
        ));
        return None;
    }
    Some(Contact {
        first_name: first_name?,
        last_name: last_name?.unwrap_or_default(),
        email: email?,
        phone_number: phone?,
        email_validity: email_validity?.unwrap_or_default(),
        phone_validity: phone_validity?.unwrap_or_default(),
    })
}
