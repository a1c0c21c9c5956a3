//! Errors a user can act on: each names the field and says what is wrong.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Catalogue, english};

/// One field's problem, worded for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The field's API name (camelCase, dotted for nested fields: `details.dealValue`).
    pub field: String,
    /// In English, for API clients and logs.
    pub message: String,
    /// The message's id in the catalogue (`locales/*/errors.ftl`), so the app shows it in
    /// the reader's language; with `params` (and the field's own label as `$label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl FieldError {
    /// An error worded here in English only.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            code: None,
            params: BTreeMap::new(),
        }
    }

    /// An error worded by the catalogue's message `code`: English in `message`, any
    /// language at the edge. The message may name the field as `{ $label }`.
    pub fn coded(field: impl Into<String>, code: &str, params: &[(&str, &str)]) -> Self {
        let field = field.into();
        let label = crate::values::label(&field);
        let mut args: Vec<(&str, Arg<'_>)> = vec![("label", Arg::Text(&label))];
        args.extend(params.iter().map(|(name, value)| (*name, Arg::Text(value))));
        FieldError {
            message: english().format(code, &args),
            code: Some(code.to_owned()),
            params: params
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
            field,
        }
    }

    /// The message in the catalogue's language; `label` is the field's label there.
    pub fn message_in(&self, catalogue: &Catalogue, label: &str) -> String {
        match &self.code {
            Some(code) if catalogue.contains(code) => {
                let mut args: Vec<(&str, Arg<'_>)> = vec![("label", Arg::Text(label))];
                args.extend(
                    self.params
                        .iter()
                        .map(|(name, value)| (name.as_str(), Arg::Text(value))),
                );
                catalogue.format(code, &args)
            }
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

/// Every problem of a form at once, so the user can fix them in one go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        FieldErrors(Vec::new())
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// Keeps the value when `result` is fine, records the error otherwise.
    pub fn collect<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(error);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The error of one field, if it has a problem.
    pub fn error_for(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// The message for one field, if it has a problem.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// `Ok(value)` when nothing was recorded.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.0.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&messages.join(" "))
    }
}

impl std::error::Error for FieldErrors {}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> Self {
        FieldErrors(vec![error])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_problems_of_a_form_are_collected_and_found_by_field() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.collect(Ok::<_, FieldError>(5)), Some(5));
        assert_eq!(
            errors.collect::<u8>(Err(FieldError::new("name", "Deal name is required."))),
            None
        );
        errors.push(FieldError::new(
            "details.currency",
            "Currency must be a three-letter ISO 4217 currency code, like EUR or USD.",
        ));
        assert_eq!(errors.for_field("name"), Some("Deal name is required."));
        assert_eq!(errors.for_field("notes"), None);
        assert!(
            errors
                .to_string()
                .starts_with("Deal name is required. Currency")
        );
        assert_eq!(errors.clone().into_result(|| ()), Err(errors));
        assert_eq!(FieldErrors::new().into_result(|| 7), Ok(7));
    }

    #[test]
    fn field_errors_serialise_with_field_and_message() {
        let json = serde_json::to_value(FieldErrors::from(FieldError::new(
            "name",
            "Deal name is required.",
        )))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!([{ "field": "name", "message": "Deal name is required." }])
        );
    }
}
