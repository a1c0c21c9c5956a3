//! The HTTP client: every call to the server goes through here, so headers,
//! cancellation and error handling live in one place.

use std::fmt;

use domain::Referral;
use gloo_net::http::{Request, Response};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Why a request did not give an answer the app can use; shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, server down, or the request was cancelled.
    Unreachable,
    /// The server answered with an error (its RFC 9457 `detail`, when it sent one).
    Server { status: u16, detail: Option<String> },
    /// The server's answer was not what this version of the app understands.
    Unreadable,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Unreachable => {
                f.write_str("Could not reach Referral Desk. Check your connection and try again.")
            }
            ApiError::Server {
                detail: Some(detail),
                ..
            } => f.write_str(detail),
            ApiError::Server {
                status,
                detail: None,
            } => {
                write!(
                    f,
                    "The server could not answer (error {status}). Try again in a moment."
                )
            }
            ApiError::Unreadable => f.write_str(
                "The server's answer could not be read. Reload the page to get the latest version.",
            ),
        }
    }
}

/// An RFC 9457 problem document, as far as the app uses it.
#[derive(Deserialize)]
struct Problem {
    detail: Option<String>,
}

/// The signed-in organisation's referrals.
pub async fn list_referrals() -> Result<Vec<Referral>, ApiError> {
    get_json("/api/v1/referrals").await
}

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    // Cancel the request when the view that asked for it goes away.
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    let response = Request::get(path)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    read_json(response).await
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        let detail = response.json::<Problem>().await.ok().and_then(|p| p.detail);
        return Err(ApiError::Server {
            status: response.status(),
            detail,
        });
    }
    response.json().await.map_err(|_| ApiError::Unreadable)
}
