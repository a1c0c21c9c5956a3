//! The filter as a URL query string, e.g.
//! `country=DE&country=FR&leadSource=AppSource&q=m%C3%BCller&sort=dealValue&dir=asc`.
//!
//! Written canonically (fixed parameter order, set values in order, defaults
//! omitted) so equal filters give equal strings. Read leniently where it is
//! harmless (unknown parameters and empty values ignored, enum values in any
//! case, `+` as space) and strictly where a link would silently show the wrong
//! list (a bad value of a known parameter is an error naming it).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use super::percent::{encode, pairs};
use super::{Filter, SortDirection, SortKey};
use crate::UnknownValue;
use crate::problem::Explanation;
use crate::referral::Stage;
use crate::values::CountryCode;

/// The query parameter names, as the URL and the API spell them.
pub mod param {
    pub const STAGE: &str = "stage";
    pub const CATEGORY: &str = "category";
    pub const CALL_TO_ACTION: &str = "callToAction";
    pub const COUNTRY: &str = "country";
    pub const CUSTOMER: &str = "customer";
    pub const LEAD_SOURCE: &str = "leadSource";
    pub const LEAD_TYPE: &str = "leadType";
    pub const LEAD_QUALITY: &str = "leadQuality";
    pub const STATUS: &str = "status";
    pub const EMAIL_VALIDITY: &str = "emailValidity";
    pub const PHONE_VALIDITY: &str = "phoneValidity";
    pub const SEARCH: &str = "q";
    pub const SORT: &str = "sort";
    pub const DIRECTION: &str = "dir";
}

/// A query string that names a filter value that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// A value outside a closed set (a lead source, a status, a sort key, …).
    UnknownValue {
        parameter: &'static str,
        error: UnknownValue,
    },
    /// A country that is not a two-letter code.
    BadCountry { value: String },
}

impl FilterError {
    /// The query parameter with the bad value.
    pub fn parameter(&self) -> &'static str {
        match self {
            FilterError::UnknownValue { parameter, .. } => parameter,
            FilterError::BadCountry { .. } => param::COUNTRY,
        }
    }

    /// The value as it was given.
    pub fn value(&self) -> &str {
        match self {
            FilterError::UnknownValue { error, .. } => &error.value,
            FilterError::BadCountry { value } => value,
        }
    }
}

impl FilterError {
    /// Its code and values, as the API sends them and the app words them.
    pub fn explanation(&self) -> Explanation {
        match self {
            FilterError::UnknownValue { parameter, error } => {
                Explanation::new("unknown-filter-value")
                    .with("parameter", *parameter)
                    .with("value", error.value.as_str())
                    .with("kind", error.kind)
                    .with("expected", error.expected.join(", "))
            }
            FilterError::BadCountry { value } => {
                Explanation::new("bad-country-filter").with("value", value.as_str())
            }
        }
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explanation().english())
    }
}

impl std::error::Error for FilterError {}

impl Filter {
    /// The filter as a query string without the leading `?`; empty for the default filter.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(stage) = self.stage {
            pairs.push((param::STAGE, stage_value(stage).to_owned()));
        }
        if let Some(category) = self.category {
            pairs.push((param::CATEGORY, category.as_str().to_owned()));
        }
        let mut push_all = |name: &'static str, values: Vec<String>| {
            pairs.extend(values.into_iter().map(|value| (name, value)));
        };
        push_all(
            param::CALL_TO_ACTION,
            strings(&self.calls_to_action, |v| v.as_str()),
        );
        push_all(param::COUNTRY, strings(&self.countries, |v| v.as_str()));
        push_all(
            param::CUSTOMER,
            strings(&self.customer_names, |v| v.as_str()),
        );
        push_all(
            param::LEAD_SOURCE,
            strings(&self.lead_sources, |v| v.as_str()),
        );
        push_all(param::LEAD_TYPE, strings(&self.lead_types, |v| v.as_str()));
        push_all(
            param::LEAD_QUALITY,
            strings(&self.lead_qualities, |v| v.as_str()),
        );
        push_all(param::STATUS, strings(&self.statuses, |v| v.as_str()));
        push_all(
            param::EMAIL_VALIDITY,
            strings(&self.email_validities, |v| v.as_str()),
        );
        push_all(
            param::PHONE_VALIDITY,
            strings(&self.phone_validities, |v| v.as_str()),
        );
        if !self.search.is_empty() {
            pairs.push((param::SEARCH, self.search.clone()));
        }
        if self.sort != SortKey::default() {
            pairs.push((param::SORT, self.sort.as_str().to_owned()));
        }
        if self.direction != SortDirection::default() {
            pairs.push((param::DIRECTION, self.direction.as_str().to_owned()));
        }
        pairs
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string (with or without the leading `?`).
    ///
    /// Unknown parameters and empty values are ignored so links survive future
    /// additions; a repeated single-valued parameter (`q`, `sort`, …) keeps its last value.
    pub fn from_query_string(query: &str) -> Result<Filter, FilterError> {
        let mut filter = Filter::default();
        for (name, value) in pairs(query) {
            if value.is_empty() {
                continue;
            }
            match name.as_str() {
                param::STAGE => filter.stage = Some(parse_stage(&value)?),
                param::CATEGORY => filter.category = Some(parse_enum(param::CATEGORY, &value)?),
                param::CALL_TO_ACTION => {
                    filter
                        .calls_to_action
                        .insert(parse_enum(param::CALL_TO_ACTION, &value)?);
                }
                param::COUNTRY => {
                    filter.countries.insert(parse_country(&value)?);
                }
                param::CUSTOMER => {
                    filter.customer_names.insert(value);
                }
                param::LEAD_SOURCE => {
                    filter
                        .lead_sources
                        .insert(parse_enum(param::LEAD_SOURCE, &value)?);
                }
                param::LEAD_TYPE => {
                    filter
                        .lead_types
                        .insert(parse_enum(param::LEAD_TYPE, &value)?);
                }
                param::LEAD_QUALITY => {
                    filter
                        .lead_qualities
                        .insert(parse_enum(param::LEAD_QUALITY, &value)?);
                }
                param::STATUS => {
                    filter.statuses.insert(parse_enum(param::STATUS, &value)?);
                }
                param::EMAIL_VALIDITY => {
                    filter
                        .email_validities
                        .insert(parse_enum(param::EMAIL_VALIDITY, &value)?);
                }
                param::PHONE_VALIDITY => {
                    filter
                        .phone_validities
                        .insert(parse_enum(param::PHONE_VALIDITY, &value)?);
                }
                param::SEARCH => filter.search = value,
                param::SORT => filter.sort = parse_enum(param::SORT, &value)?,
                param::DIRECTION => filter.direction = parse_enum(param::DIRECTION, &value)?,
                _ => {}
            }
        }
        Ok(filter)
    }
}

fn strings<T>(values: &BTreeSet<T>, as_str: impl Fn(&T) -> &str) -> Vec<String> {
    values.iter().map(|v| as_str(v).to_owned()).collect()
}

/// Parses an API value; a hand-typed link may differ in case (`leadsource=appsource`).
fn parse_enum<T: FromStr<Err = UnknownValue>>(
    parameter: &'static str,
    value: &str,
) -> Result<T, FilterError> {
    value.parse::<T>().or_else(|error| {
        error
            .expected
            .iter()
            .find(|expected| expected.eq_ignore_ascii_case(value))
            .and_then(|expected| expected.parse::<T>().ok())
            .ok_or(FilterError::UnknownValue { parameter, error })
    })
}

/// Spelled here, not taken from `Stage::label`, so relabelling a view never breaks bookmarks.
fn stage_value(stage: Stage) -> &'static str {
    match stage {
        Stage::Inbox => "Inbox",
        Stage::Accepted => "Accepted",
        Stage::Archived => "Archived",
    }
}

fn parse_stage(value: &str) -> Result<Stage, FilterError> {
    Stage::ALL
        .into_iter()
        .find(|stage| stage_value(*stage).eq_ignore_ascii_case(value))
        .ok_or_else(|| FilterError::UnknownValue {
            parameter: param::STAGE,
            error: UnknownValue {
                kind: "Stage",
                value: value.to_owned(),
                expected: Stage::ALL.iter().map(|s| stage_value(*s)).collect(),
            },
        })
}

/// Only letters: `CountryCode::parse` would also accept surrounding spaces, which a canonical link never has.
fn parse_country(value: &str) -> Result<CountryCode, FilterError> {
    let bad = || FilterError::BadCountry {
        value: value.to_owned(),
    };
    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(bad());
    }
    CountryCode::parse(param::COUNTRY, value).map_err(|_| bad())
}
