//! Business profiles (DOMAIN.md §8): where the partner does business, who to contact
//! there, what they are good at and which customers they want. A profile decides who is
//! emailed about a new lead (the routing rule is in [`crate::notifications`]).
//!
//! - **One profile per region** ([`Region`]); the server enforces it with a unique index,
//!   so two admins creating the same region at once cannot both succeed.
//! - **Locations**: at least one; each a country of the profile's region (a country once
//!   per profile) with an optional city and a contact (name, email, optional phone).
//!   **The first location is the region's main contact**: a lead from a country of the
//!   region without a location of its own goes to it.
//! - **Keywords** describing the partner's expertise: trimmed, blanks dropped, the same
//!   word twice (in any letter case) kept once as first typed; at most
//!   [`KEYWORDS_MAX`] of at most [`KEYWORD_MAX_CHARS`] characters each.
//! - **Preferred customer company sizes**: any of the five [`CompanySize`]s, each once,
//!   kept smallest first.
//! - **Who**: partner admins and business profile admins read and edit profiles
//!   ([`crate::Role::may_edit_business_profiles`]); other roles neither (a profile holds
//!   colleagues' contact details and decides where leads go, which is an admin's concern).
//!
//! A profile is typed as a [`BusinessProfileDraft`] (text as typed, in the form and in the
//! API's request body) and [`BusinessProfileDraft::validate`]d into a [`BusinessProfile`],
//! naming every field to fix at once by its path (`locations[1].contact.email`).

mod region;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::referral::CompanySize;
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CountryCode, Email, Name, PhoneNumber, TextKind, is_blank, parse_text};

pub use region::Region;

/// Most keywords a profile may have.
pub const KEYWORDS_MAX: usize = 20;
/// Longest keyword.
pub const KEYWORD_MAX_CHARS: usize = 50;
/// Longest city name.
pub const CITY_MAX_CHARS: usize = 100;

/// A valid business profile: what is stored, and what routing reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfile {
    pub region: Region,
    /// At least one; the first is the region's main contact.
    pub locations: Vec<ProfileLocation>,
    /// Words describing the partner's expertise.
    pub keywords: Vec<String>,
    /// Customer company sizes the partner wants, smallest first.
    pub preferred_company_sizes: Vec<CompanySize>,
}

/// A country where the partner does business within its profile's region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProfileLocation {
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[A-Z]{2}$"))]
    pub country: CountryCode,
    pub city: Option<String>,
    pub contact: ProfileContact,
}

/// Who is emailed about the location's leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProfileContact {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name: Name,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub email: Email,
    /// International form (E.164), e.g. `+4930901820`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub phone: Option<PhoneNumber>,
}

impl BusinessProfile {
    /// The region's main contact: its first location's.
    pub fn main_contact(&self) -> Option<&ProfileContact> {
        self.locations.first().map(|location| &location.contact)
    }

    /// The location for `country`, if the profile has one.
    pub fn location_in(&self, country: CountryCode) -> Option<&ProfileLocation> {
        self.locations
            .iter()
            .find(|location| location.country == country)
    }

    /// The profile as a form shows it, to be edited.
    pub fn to_draft(&self) -> BusinessProfileDraft {
        BusinessProfileDraft {
            region: self.region.as_str().to_owned(),
            locations: self
                .locations
                .iter()
                .map(|location| LocationDraft {
                    country: location.country.as_str().to_owned(),
                    city: location.city.clone(),
                    contact: ContactDraft {
                        name: location.contact.name.as_str().to_owned(),
                        email: location.contact.email.as_str().to_owned(),
                        phone: location
                            .contact
                            .phone
                            .as_ref()
                            .map(|phone| phone.as_str().to_owned()),
                    },
                })
                .collect(),
            keywords: self.keywords.clone(),
            preferred_company_sizes: self
                .preferred_company_sizes
                .iter()
                .map(|size| size.as_str().to_owned())
                .collect(),
        }
    }
}

/// A stored profile, as the API answers it: the profile with its id and version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct StoredBusinessProfile {
    pub id: String,
    /// The version: send it back as `If-Match` to change or delete this version only.
    pub e_tag: String,
    #[serde(flatten)]
    pub profile: BusinessProfile,
    pub updated_at: DateTime<Utc>,
}

/// A profile as typed: the form's state and the API's request body. Every field is text
/// (or absent), so whatever was typed survives a refusal to be corrected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfileDraft {
    /// One of the regions, spelled as the API spells them (`Europe`, `AsiaPacific`, …).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Region))]
    pub region: String,
    /// At least one; the first is the region's main contact.
    #[serde(default)]
    pub locations: Vec<LocationDraft>,
    /// At most 20 words of at most 50 characters; blanks and repeats are dropped.
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<CompanySize>))]
    pub preferred_company_sizes: Vec<String>,
}

/// A location as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LocationDraft {
    /// ISO 3166-1 alpha-2 code of a country in the profile's region, e.g. `DE`.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub contact: ContactDraft,
}

/// A location's contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContactDraft {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    /// Optional; international, starting with `+` and the country code.
    #[serde(default)]
    pub phone: Option<String>,
}

impl BusinessProfileDraft {
    /// The profile, or every field to fix (see the module documentation for the rules).
    pub fn validate(&self) -> Result<BusinessProfile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let region = errors.collect(parse_region(&self.region));
        if self.locations.is_empty() {
            errors.push(FieldError::coded(
                "locations",
                "error-locations-required",
                &[],
            ));
        }
        let mut seen = BTreeSet::new();
        let mut locations = Vec::with_capacity(self.locations.len());
        for (index, draft) in self.locations.iter().enumerate() {
            let location = parse_location(index, draft, region, &mut seen, &mut errors);
            locations.extend(location);
        }
        let keywords = parse_keywords(&self.keywords, &mut errors);
        let preferred_company_sizes =
            parse_company_sizes(&self.preferred_company_sizes, &mut errors);
        match region {
            Some(region) if errors.is_empty() => Ok(BusinessProfile {
                region,
                locations,
                keywords,
                preferred_company_sizes,
            }),
            _ => Err(errors),
        }
    }
}

fn parse_region(text: &str) -> Result<Region, FieldError> {
    if is_blank(text) {
        return Err(FieldError::coded("region", "error-region-required", &[]));
    }
    text.trim().parse::<Region>().map_err(|unknown| {
        FieldError::coded(
            "region",
            "error-region-unknown",
            &[
                ("value", &unknown.value),
                ("expected", &unknown.expected.join(", ")),
            ],
        )
    })
}

/// One location, its errors recorded under `locations[index]`; `seen` holds the
/// countries of the locations before it.
fn parse_location(
    index: usize,
    draft: &LocationDraft,
    region: Option<Region>,
    seen: &mut BTreeSet<CountryCode>,
    errors: &mut FieldErrors,
) -> Option<ProfileLocation> {
    let at = |field: &str| format!("locations[{index}].{field}");
    let country = if is_blank(&draft.country) {
        errors.push(FieldError::coded(at("country"), "error-required", &[]));
        None
    } else {
        errors
            .collect(CountryCode::parse(&at("country"), &draft.country))
            .and_then(|country| {
                let problem = country_problem(&at("country"), country, region, seen);
                seen.insert(country);
                match problem {
                    Some(problem) => {
                        errors.push(problem);
                        None
                    }
                    None => Some(country),
                }
            })
    };
    let city = errors
        .collect(parse_text(
            &at("city"),
            draft.city.as_deref().unwrap_or_default(),
            TextKind::SingleLine,
            CITY_MAX_CHARS,
        ))
        .flatten();
    let contact = parse_contact(&at("contact"), &draft.contact, errors);
    Some(ProfileLocation {
        country: country?,
        city,
        contact: contact?,
    })
}

/// Why `country` cannot be a location here: listed before, or outside the region.
fn country_problem(
    field: &str,
    country: CountryCode,
    region: Option<Region>,
    seen: &BTreeSet<CountryCode>,
) -> Option<FieldError> {
    if seen.contains(&country) {
        return Some(FieldError::coded(
            field,
            "error-location-country-twice",
            &[("country", country.as_str())],
        ));
    }
    let region = region?;
    let home = Region::of_country(country);
    (home != Some(region)).then(|| {
        FieldError::coded(
            field,
            "error-location-outside-region",
            &[
                ("country", country.as_str()),
                ("countryRegion", home.map_or("none", Region::as_str)),
                ("region", region.as_str()),
            ],
        )
    })
}

/// A contact, its errors recorded under `field` (`locations[0].contact`).
fn parse_contact(
    field: &str,
    draft: &ContactDraft,
    errors: &mut FieldErrors,
) -> Option<ProfileContact> {
    let name = errors.collect(Name::parse(&format!("{field}.name"), &draft.name));
    let email_field = format!("{field}.email");
    let email = if is_blank(&draft.email) {
        errors.push(FieldError::coded(email_field, "error-required", &[]));
        None
    } else {
        errors.collect(Email::parse(&email_field, &draft.email))
    };
    let phone = match draft.phone.as_deref().filter(|phone| !is_blank(phone)) {
        None => Some(None),
        Some(phone) => errors
            .collect(PhoneNumber::parse(&format!("{field}.phone"), phone))
            .map(Some),
    };
    Some(ProfileContact {
        name: name?,
        email: email?,
        phone: phone?,
    })
}

/// What separates keywords in the form's one line; never part of a keyword.
const KEYWORD_SEPARATORS: [char; 3] = [',', ';', '\n'];

fn parse_keywords(typed: &[String], errors: &mut FieldErrors) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, text) in typed.iter().enumerate() {
        let field = format!("keywords[{index}]");
        match parse_text(&field, text, TextKind::SingleLine, usize::MAX) {
            Ok(Some(keyword)) if keyword.chars().count() > KEYWORD_MAX_CHARS => {
                errors.push(FieldError::coded(
                    field,
                    "error-keyword-too-long",
                    &[
                        ("keyword", &keyword),
                        ("max", &KEYWORD_MAX_CHARS.to_string()),
                    ],
                ));
            }
            // The form shows keywords as one line split at these: one keyword holding one
            // would come back from an unrelated edit as several.
            Ok(Some(keyword)) if keyword.contains(KEYWORD_SEPARATORS) => {
                errors.push(FieldError::coded(
                    field,
                    "error-keyword-separator",
                    &[("keyword", &keyword)],
                ));
            }
            Ok(Some(keyword)) => {
                if seen.insert(keyword.to_lowercase()) {
                    keywords.push(keyword);
                }
            }
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if keywords.len() > KEYWORDS_MAX {
        errors.push(FieldError::coded(
            "keywords",
            "error-keywords-too-many",
            &[
                ("max", &KEYWORDS_MAX.to_string()),
                ("count", &keywords.len().to_string()),
            ],
        ));
    }
    keywords
}

fn parse_company_sizes(typed: &[String], errors: &mut FieldErrors) -> Vec<CompanySize> {
    let mut sizes = BTreeSet::new();
    for (index, text) in typed.iter().enumerate() {
        match CompanySize::from_api(text.trim()) {
            Some(size) => {
                sizes.insert(size);
            }
            None => {
                let expected: Vec<&str> = CompanySize::ALL.iter().map(|s| s.as_str()).collect();
                errors.push(FieldError::coded(
                    format!("preferredCompanySizes[{index}]"),
                    "error-company-size-unknown",
                    &[("value", text), ("expected", &expected.join(", "))],
                ));
            }
        }
    }
    sizes.into_iter().collect()
}

/// The keywords of one line of text, as the form's single input takes them: separated by
/// commas or semicolons (validation then trims them and drops blanks and repeats).
pub fn keywords_from_text(text: &str) -> Vec<String> {
    text.split(KEYWORD_SEPARATORS)
        .filter(|keyword| !is_blank(keyword))
        .map(str::to_owned)
        .collect()
}

/// Keywords as the form's single input shows them.
pub fn keywords_to_text(keywords: &[String]) -> String {
    keywords.join(", ")
}
