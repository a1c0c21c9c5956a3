//! `PUT /api/v1/me/notification-email`: where the signed-in user wants lead emails
//! instead of their sign-in address (DOMAIN.md §7: it takes precedence over the
//! business profile contact).

use axum::extract::State;
use axum::http::StatusCode;
use domain::FieldErrors;
use domain::values::Email;
use serde::Deserialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::JsonBody;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationEmailChoice {
    /// An email address, or `null` (or blank) to use the sign-in address again.
    #[schema(required)]
    // Required though nullable: a body without it is refused rather than read as "clear".
    #[serde(deserialize_with = "Option::deserialize")]
    notification_email: Option<String>,
}

#[utoipa::path(put, path = "/api/v1/me/notification-email", tag = "session", operation_id = "choose_notification_email",
    request_body = NotificationEmailChoice,
    responses(
        (status = 204, description = "Kept: lead emails for this user go there from now on, and `GET /api/v1/me` answers it"),
        (status = 403, description = "The anti-forgery token or origin is wrong"),
        (status = 422, description = "`notificationEmail` is not an email address")))]
pub async fn choose_notification_email(
    State(state): State<AppState>,
    user: CurrentUser,
    body: JsonBody<NotificationEmailChoice>,
) -> Result<StatusCode, AppError> {
    let email = match body.value.notification_email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            Email::parse("notificationEmail", text)
                .map_err(|error| AppError::Invalid(FieldErrors(vec![error])))?,
        ),
    };
    let mut connection = state.pool.acquire().await?;
    db::users::set_notification_email(&mut connection, &user.id, email.as_ref().map(Email::as_str))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
