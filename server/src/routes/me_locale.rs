//! `PUT /api/v1/me/locale`: the language the signed-in user reads the app (and their
//! emails) in.

use axum::extract::State;
use axum::http::StatusCode;
use domain::i18n::Locale;
use domain::{FieldError, FieldErrors, UnknownValue};
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::JsonBody;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LocaleChoice {
    /// `en`, `de`, `zh` or `ru`.
    #[schema(value_type = domain::i18n::Locale)]
    locale: String,
}

#[utoipa::path(put, path = "/api/v1/me/locale", tag = "session", operation_id = "choose_locale",
    request_body = LocaleChoice,
    responses(
        (status = 204, description = "Kept: `GET /api/v1/me` answers it from now on"),
        (status = 403, description = "The anti-forgery token or origin is wrong"),
        (status = 422, description = "Not one of the product's languages")))]
pub async fn choose_locale(
    State(state): State<AppState>,
    user: CurrentUser,
    body: JsonBody<LocaleChoice>,
) -> Result<StatusCode, AppError> {
    let locale: Locale = body.value.locale.parse().map_err(|error: UnknownValue| {
        AppError::Invalid(FieldErrors(vec![FieldError::new(
            "locale",
            error.to_string(),
        )]))
    })?;
    let mut connection = state.pool.acquire().await?;
    db::users::set_locale(&mut connection, &user.id, locale).await?;
    Ok(StatusCode::NO_CONTENT)
}
