//! Who is asking, and for which organisation.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::demo;
use crate::error::AppError;

/// The organisation whose data a request may see; every query is scoped by it.
///
/// Until accounts and sessions exist this is the demo organisation; sign-in will
/// resolve it from the session instead, and the handlers stay as they are.
#[derive(Debug, Clone)]
pub struct CurrentOrganisation {
    pub id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentOrganisation {
    type Rejection = AppError;

    async fn from_request_parts(_parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentOrganisation {
            id: demo::ORGANISATION_ID.to_owned(),
        })
    }
}
