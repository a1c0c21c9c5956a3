//! The HTTP client: every call to the server goes through here, so headers,
//! the session, cancellation and error handling live in one place.
//!
//! The signed-in user ([`Me`], with the anti-forgery token) is held by the
//! [`Session`]; every non-GET request sends its token as `X-CSRF-Token`, and a
//! 401 from any call marks the session as ended, which sends the user to the
//! sign-in page (see `RequireSignIn` in `lib.rs`).

mod early;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

use domain::problem::Param;
use domain::{
    Action, ActionRequest, BusinessProfileDraft, Explanation, FieldErrors, Member, Referral, Role,
    StoredBusinessProfile,
};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const CSRF_HEADER: &str = "X-CSRF-Token";

/// Why a request did not give an answer the app can use; shown to the user as is.
/// Kept with a stuck change as it is (see `store::stuck_reason`), worded when shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ApiError {
    /// No answer at all: offline, server down, or the request was cancelled.
    Unreachable,
    /// The server answered with an error: its RFC 9457 `code` and `params` (worded in
    /// the reader's language) and its English `detail`, when it sent them.
    Server {
        status: u16,
        explanation: Option<Explanation>,
        detail: Option<String>,
    },
    /// The server's answer was not what this version of the app understands.
    Unreadable,
    /// The server is still working on an earlier try of the same request (`Retry-After`).
    Busy,
}

impl ApiError {
    /// Whether the server said the request needs a signed-in user.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, ApiError::Server { status: 401, .. })
    }

    /// Whether the server refused a sync cursor (malformed, too old, another
    /// organisation's): the app starts over without one.
    pub fn is_unknown_cursor(&self) -> bool {
        matches!(
            self,
            ApiError::Server {
                status: 400 | 404 | 410,
                ..
            }
        )
    }
}

impl fmt::Display for ApiError {
    /// In the reader's language (see `i18n::api_error`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::api_error(self))
    }
}

/// An RFC 9457 problem document, as far as the app uses it; `C` is what a 412 says is
/// there now (a referral, or a business profile).
#[derive(Deserialize)]
struct Problem<C = Referral> {
    detail: Option<String>,
    /// What went wrong, by code: the app words it (`problem-<code>`).
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    params: BTreeMap<String, Param>,
    /// With a 422: what to fix, field by field.
    #[serde(default)]
    errors: Option<FieldErrors>,
    /// With a 412: the referral (or profile) as it is now.
    current: Option<Box<C>>,
}

/// Why a change was not applied: a lifecycle action, or a settings form's; `C` is what
/// a 412 brings back (the referral, or the business profile, as it is now).
#[derive(Debug, Clone, PartialEq)]
pub enum ActionError<C = Referral> {
    /// The server found fields to fix (422).
    Invalid(FieldErrors),
    /// Someone changed it since the user loaded it (412): here it is now.
    Conflict(Box<C>),
    /// Anything else: unreachable, refused (403), not allowed any more (409), …
    Failed(ApiError),
}

impl<C> Problem<C> {
    fn into_error(self, status: u16) -> ApiError {
        ApiError::Server {
            status,
            explanation: self.code.map(|code| Explanation {
                code,
                params: self.params,
            }),
            detail: self.detail,
        }
    }
}

impl<C> fmt::Display for ActionError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::Invalid(_) => f.write_str(&crate::i18n::t("problem-invalid-fields")),
            ActionError::Conflict(_) => f.write_str(&crate::i18n::t("error-changed-meanwhile")),
            ActionError::Failed(error) => error.fmt(f),
        }
    }
}

/// A new `Idempotency-Key`: a form keeps one per submission, so a retry after a
/// lost answer cannot apply the action twice.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Applies a lifecycle action to the referral with this id at the version the user saw
/// (`If-Match`), once (`Idempotency-Key`); answers the referral as it is now.
pub async fn act_on(
    id: &str,
    if_match: &str,
    asked: &ActionRequest,
    idempotency_key: &str,
) -> Result<Referral, ActionError> {
    // The request's form alone is the body (`{"action": …, "form": {…}}` as sent).
    let body = serde_json::to_value(asked)
        .ok()
        .and_then(|mut value| value.get_mut("form").map(serde_json::Value::take))
        .ok_or(ActionError::Failed(ApiError::Unreadable))?;
    let id = domain::filter::percent_encode(id);
    let (method, path) = match asked.action() {
        Action::Accept => (Method::POST, format!("/api/v1/referrals/{id}/accept")),
        Action::Decline => (Method::POST, format!("/api/v1/referrals/{id}/decline")),
        Action::Edit => (Method::PATCH, format!("/api/v1/referrals/{id}")),
        Action::AddTeamMember => (Method::POST, format!("/api/v1/referrals/{id}/team")),
        Action::Won => (Method::POST, format!("/api/v1/referrals/{id}/won")),
        Action::Lost => (Method::POST, format!("/api/v1/referrals/{id}/lost")),
    };
    let request = given_up_when_stalled(request(method, &path))
        .header("If-Match", &format!("\"{if_match}\""))
        .header("Idempotency-Key", idempotency_key)
        .json(&body)
        .map_err(|_| ActionError::Failed(ApiError::Unreadable))?;
    let response = answered(request.send())
        .await
        .map_err(ActionError::Failed)?;
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|_| ActionError::Failed(ApiError::Unreadable));
    }
    Err(refusal(response).await)
}

/// Sends a change with a JSON body: the answer when it was made, else what the refusal
/// means (a 422's field errors, …).
async fn send_change(
    method: Method,
    path: &str,
    body: &impl Serialize,
) -> Result<Response, ActionError> {
    let body =
        serde_json::to_string(body).map_err(|_| ActionError::Failed(ApiError::Unreadable))?;
    send_json(method, path, body).await
}

/// [`send_change`] once the body is JSON text: one copy of the sending, whatever the body.
async fn send_json(method: Method, path: &str, body: String) -> Result<Response, ActionError> {
    let request = request(method, path)
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| ActionError::Failed(ApiError::Unreadable))?;
    let response = answered(request.send())
        .await
        .map_err(ActionError::Failed)?;
    if response.ok() {
        Ok(response)
    } else {
        Err(refusal(response).await)
    }
}

/// What a refused change means: a 422's field errors, a 412's current version, a busy
/// retry, or a failure with the problem's explanation.
async fn refusal<C: DeserializeOwned>(response: Response) -> ActionError<C> {
    let status = response.status();
    if status == 409 && response.headers().get("retry-after").is_some() {
        return ActionError::Failed(ApiError::Busy);
    }
    let problem = response.json::<Problem<C>>().await.ok();
    match (status, problem) {
        (
            422,
            Some(Problem {
                errors: Some(errors),
                ..
            }),
        ) => ActionError::Invalid(errors),
        (
            412,
            Some(Problem {
                current: Some(current),
                ..
            }),
        ) => ActionError::Conflict(current),
        (status, Some(problem)) => ActionError::Failed(problem.into_error(status)),
        (status, None) => ActionError::Failed(ApiError::Server {
            status,
            explanation: None,
            detail: None,
        }),
    }
}

/// The signed-in user, their organisation and role (`GET /api/v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub user: UserSummary,
    pub organisation: OrganisationSummary,
    pub role: Role,
    /// The role as people read it, e.g. "Referrals admin".
    pub role_label: String,
    /// Sent back as `X-CSRF-Token` on every state-changing request.
    pub csrf_token: String,
    /// The language the user chose; none yet means the browser's.
    #[serde(default)]
    pub locale: Option<domain::i18n::Locale>,
    /// Where lead emails go instead of the sign-in address; none: the sign-in address.
    #[serde(default)]
    pub notification_email: Option<String>,
}

impl Me {
    /// The signed-in person as the domain's access rules see them.
    pub fn member(&self) -> Member<'_> {
        Member {
            role: self.role,
            email: &self.user.email,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: String,
    pub email: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: String,
    pub name: String,
}

/// Where the app stands with the server's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// `GET /api/v1/me` has not answered yet.
    Unknown,
    /// Nobody is signed in. `return_here`: the session ended under the user's feet
    /// (or never existed), so sign-in should bring them back to where they were.
    SignedOut {
        return_here: bool,
    },
    SignedIn(Me),
}

/// The app's session: one per app, provided as context by [`Session::provide`].
#[derive(Debug, Clone, Copy)]
pub struct Session(RwSignal<SessionState>);

thread_local! {
    // Requests also start from event handlers and actions, which run outside the
    // component tree, so the HTTP layer keeps its own handle to the one session.
    static CURRENT: Cell<Option<Session>> = const { Cell::new(None) };
}

impl Session {
    /// Creates the app's session (not yet known) and provides it as context.
    pub fn provide() -> Session {
        let session = Session(RwSignal::new(SessionState::Unknown));
        CURRENT.with(|current| current.set(Some(session)));
        provide_context(session);
        session
    }

    /// The session provided by [`Session::provide`].
    pub fn current() -> Session {
        CURRENT
            .with(Cell::get)
            .expect("Session::provide is called when the app starts")
    }

    /// Where the session stands (tracked).
    pub fn state(self) -> SessionState {
        self.0.get()
    }

    /// The signed-in user, if any (tracked).
    pub fn me(self) -> Option<Me> {
        self.0.with(|state| match state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    fn set(self, state: SessionState) {
        self.0.set(state);
    }

    fn csrf_token(self) -> Option<String> {
        self.0.with_untracked(|state| match state {
            SessionState::SignedIn(me) => Some(me.csrf_token.clone()),
            _ => None,
        })
    }

    /// The signed-in user, if any, without tracking.
    pub fn me_untracked(self) -> Option<Me> {
        self.0.with_untracked(|state| match state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    /// Starts as the user the device's cache was signed in as, before (or without) the
    /// server's answer; [`me`] then confirms or ends it.
    pub fn resume(self, me: Me) {
        self.set(SessionState::SignedIn(me));
    }

    /// The server says the signed-in user's account changed (e.g. a partner admin gave them
    /// another role): what the app offers follows the new `Me` from now on.
    fn account_changed(self, me: Me) {
        let same_user = self.0.with_untracked(|state| {
            matches!(state, SessionState::SignedIn(current) if current.user.id == me.user.id)
        });
        if same_user {
            self.set(SessionState::SignedIn(me));
        }
    }

    /// A 401 on a call that needs a session: it has ended, ask the user to sign in again.
    fn expired(self) {
        self.set(SessionState::SignedOut { return_here: true });
    }
}

/// Asks the server who is signed in and records the answer in the session.
/// A 401 is an answer (nobody); only an unreachable or broken server is an error.
pub async fn me() -> Result<Option<Me>, ApiError> {
    let answer = ask_me().await;
    take_me(&answer);
    answer
}

/// Asks the server who is signed in, without recording it (see [`take_me`]).
pub async fn ask_me() -> Result<Option<Me>, ApiError> {
    let response = get_or_early("/api/v1/me")
        .await
        .map_err(|_| ApiError::Unreachable)?;
    match read_json::<Me>(response).await {
        Ok(me) => Ok(Some(me)),
        Err(error) if error.is_unauthenticated() => {
            forget_signed_in_hint();
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// The cookie the server sets beside the (HttpOnly) session cookie, saying a session may
/// exist. Without it nobody is signed in, and the app need not ask: a signed-out visit
/// then makes no request the browser would log as a failed `401`.
const SIGNED_IN_HINT: &str = "rd_signed_in";

/// Whether this browser may hold a session (the server's hint is there).
pub fn may_be_signed_in() -> bool {
    html_document()
        .and_then(|document| document.cookie().ok())
        .is_some_and(|cookies| {
            cookies.split(';').any(|pair| {
                pair.trim()
                    .split_once('=')
                    .is_some_and(|(name, value)| name == SIGNED_IN_HINT && !value.is_empty())
            })
        })
}

/// The server said nobody is signed in: the hint is stale (the session ended elsewhere).
fn forget_signed_in_hint() {
    if let Some(document) = html_document() {
        let _ = document.set_cookie(&format!(
            "{SIGNED_IN_HINT}=; Path=/; SameSite=Strict; Max-Age=0"
        ));
    }
}

fn html_document() -> Option<web_sys::HtmlDocument> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document().dyn_into().ok()
}

/// Records the server's answer to [`ask_me`] in the session: the user, or nobody (the
/// session ended); no answer changes nothing.
pub fn take_me(answer: &Result<Option<Me>, ApiError>) {
    let session = Session::current();
    match answer {
        Ok(Some(me)) => session.set(SessionState::SignedIn(me.clone())),
        Ok(None) => session.expired(),
        Err(_) => {}
    }
}

#[derive(Serialize)]
struct Credentials<'a> {
    email: &'a str,
    password: &'a str,
}

/// Signs in; on success the session holds the user. A wrong password is a 401
/// with the server's explanation, not an ended session.
pub async fn sign_in(email: &str, password: &str) -> Result<Me, ApiError> {
    let session = Session::current();
    early::forget();
    let request = request(Method::POST, "/api/v1/session")
        .json(&Credentials { email, password })
        .map_err(|_| ApiError::Unreadable)?;
    let response = request.send().await.map_err(|_| ApiError::Unreachable)?;
    let me: Me = read_json(response).await?;
    session.set(SessionState::SignedIn(me.clone()));
    Ok(me)
}

/// Ends the session on the server; the app then shows the sign-in page.
pub async fn sign_out() -> Result<(), ApiError> {
    let session = Session::current();
    early::forget();
    let response = send(request(Method::DELETE, "/api/v1/session")).await?;
    // A 401 means the session had already ended: the user is signed out either way.
    if response.ok() || response.status() == 401 {
        // Signing out on purpose: nothing typed here should meet the next person.
        crate::drafts::clear_all();
        // The server removes the hint with the session; after a 401 it sent nothing.
        forget_signed_in_hint();
        session.set(SessionState::SignedOut { return_here: false });
        Ok(())
    } else {
        Err(problem(&response).await)
    }
}

/// One page of the organisation's change feed (`GET /api/v1/sync`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SyncPage {
    /// Referrals added or changed since the cursor asked with, whole, with this user's heart.
    pub referrals: Vec<Referral>,
    /// Ids of referrals the user no longer sees.
    #[serde(default)]
    pub removed: Vec<String>,
    /// Opaque: only compared and sent back as `since`.
    pub cursor: String,
    /// Whether changes after `cursor` are waiting: ask again with it.
    pub more: bool,
    /// The signed-in user, when their own account changed (e.g. their role); already
    /// applied to the [`Session`] by [`sync`].
    #[serde(default)]
    pub me: Option<Me>,
}

/// What changed in the signed-in organisation since `since` (everything, without one),
/// at most `limit` referrals. A changed account of the user's own is applied to the session.
/// A 400 or 404 means the server does not know the cursor (see [`ApiError::is_unknown_cursor`]).
pub async fn sync(since: Option<&str>, limit: usize) -> Result<SyncPage, ApiError> {
    let mut path = format!("/api/v1/sync?limit={limit}");
    if let Some(since) = since {
        path.push_str("&since=");
        path.push_str(&domain::filter::percent_encode(since));
    }
    let page: SyncPage = read_json(answered(get_or_early(&path)).await?).await?;
    if let Some(me) = &page.me {
        Session::current().account_changed(me.clone());
    }
    Ok(page)
}

/// A person of the signed-in organisation, as the team pickers offer them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Colleague {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role_label: String,
}

/// The people of the signed-in organisation, by name.
pub async fn colleagues() -> Result<Vec<Colleague>, ApiError> {
    let cancel = cancel_on_cleanup();
    read_json(send(request(Method::GET, "/api/v1/users").abort_signal(cancel.as_deref())).await?)
        .await
}

/// The dollar rates the server decides deal registration with.
pub async fn exchange_rates() -> Result<domain::ExchangeRates, ApiError> {
    read_json(send(request(Method::GET, "/api/v1/exchange-rates")).await?).await
}

/// One referral as the server has it now (contacts withheld when Expired).
pub async fn referral(id: &str) -> Result<Referral, ApiError> {
    let cancel = cancel_on_cleanup();
    let path = format!("/api/v1/referrals/{}", domain::filter::percent_encode(id));
    read_json(send(request(Method::GET, &path).abort_signal(cancel.as_deref())).await?).await
}

/// Hearts (`true`) or un-hearts a referral for the signed-in user.
pub async fn set_favorite(referral_id: &str, favorite: bool) -> Result<(), ApiError> {
    let method = if favorite {
        Method::PUT
    } else {
        Method::DELETE
    };
    let path = format!("/api/v1/referrals/{referral_id}/favorite");
    let response = send(given_up_when_stalled(request(method, &path))).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(problem(&response).await)
    }
}

/// One file of a language's message catalogue (`locales/<tag>/<file>.ftl`, static).
pub async fn catalogue_file(tag: &str, file: &str) -> Result<String, ApiError> {
    // Asked before the app (and its session) starts, and a static file: no session headers.
    // Its name has no hash, so it names the build this page runs: the offline worker of
    // an older build, still in control after a deploy, answers this build's copy
    // (public/sw.js), and no HTTP cache mixes two builds' messages.
    let path = match page_build() {
        Some(build) => format!("/locales/{tag}/{file}.ftl?build={build}"),
        None => format!("/locales/{tag}/{file}.ftl"),
    };
    let response = RequestBuilder::new(&path)
        .method(Method::GET)
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    if !response.ok() {
        return Err(problem(&response).await);
    }
    response.text().await.map_err(|_| ApiError::Unreadable)
}

/// The build this page runs: index.html's stamp (scripts/precache.mjs); none in a build
/// without one (a development server's).
fn page_build() -> Option<String> {
    let stamp = web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="referral-desk-build"]"#)
        .ok()??
        .get_attribute("content")?;
    (!stamp.is_empty() && stamp.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(stamp)
}

/// Keeps the user's language in their account (`PUT /api/v1/me/locale`).
pub async fn save_locale(locale: domain::i18n::Locale) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct Choice {
        locale: domain::i18n::Locale,
    }
    let request = request(Method::PUT, "/api/v1/me/locale")
        .json(&Choice { locale })
        .map_err(|_| ApiError::Unreadable)?;
    let response = answered(request.send()).await?;
    if !response.ok() {
        return Err(problem(&response).await);
    }
    // The session's copy follows, so nothing switches the app back to the old choice.
    let session = Session::current();
    if let Some(mut me) = session.me_untracked() {
        me.locale = Some(locale);
        session.account_changed(me);
    }
    Ok(())
}

/// An API key as the settings screen lists it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The name of the person who made it.
    pub created_by: String,
    /// That person has been deactivated since: the key still works until revoked.
    #[serde(default)]
    pub creator_deactivated: bool,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A key just made, with its secret: the only time the server shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedApiKey {
    pub id: String,
    pub name: String,
    pub key: String,
}

/// The organisation's API keys in use (partner admins only).
pub async fn api_keys() -> Result<Vec<ApiKey>, ApiError> {
    let cancel = cancel_on_cleanup();
    read_json(send(request(Method::GET, "/api/v1/api-keys").abort_signal(cancel.as_deref())).await?)
        .await
}

/// Makes an API key named `name`; a 422 names what to fix.
pub async fn create_api_key(name: &str) -> Result<CreatedApiKey, ActionError> {
    #[derive(Serialize)]
    struct NewKey<'a> {
        name: &'a str,
    }
    let response = send_change(Method::POST, "/api/v1/api-keys", &NewKey { name }).await?;
    read_json(response).await.map_err(ActionError::Failed)
}

/// Sends `body` as JSON with `request` and reads the answer; a refusal says what to fix
/// (422), what is there now (412, as `C`), or why it failed.
async fn changed<T: DeserializeOwned, C: DeserializeOwned>(
    request: RequestBuilder,
    body: &impl Serialize,
) -> Result<T, ActionError<C>> {
    let request = request
        .json(body)
        .map_err(|_| ActionError::Failed(ApiError::Unreadable))?;
    let response = answered(request.send())
        .await
        .map_err(ActionError::Failed)?;
    if !response.ok() {
        return Err(refusal(response).await);
    }
    read_json(response).await.map_err(ActionError::Failed)
}

/// Revokes an API key: systems that use it can no longer send leads.
pub async fn revoke_api_key(id: &str) -> Result<(), ApiError> {
    let path = format!("/api/v1/api-keys/{}", domain::filter::percent_encode(id));
    let response = send(request(Method::DELETE, &path)).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(problem(&response).await)
    }
}

/// The organisation's business profiles, by region (partner admins and business profile
/// admins only).
pub async fn business_profiles() -> Result<Vec<StoredBusinessProfile>, ApiError> {
    let cancel = cancel_on_cleanup();
    let request = request(Method::GET, "/api/v1/business-profiles").abort_signal(cancel.as_deref());
    read_json(send(request).await?).await
}

/// Saves a business profile: a new one (`existing` is `None`), or the version `eTag` of
/// profile `id` (`If-Match`). A 422 names the fields to fix; a 412 brings the profile as
/// it is now.
pub async fn save_business_profile(
    existing: Option<(&str, &str)>,
    draft: &BusinessProfileDraft,
) -> Result<StoredBusinessProfile, ActionError<StoredBusinessProfile>> {
    let request = match existing {
        None => request(Method::POST, "/api/v1/business-profiles"),
        Some((id, e_tag)) => {
            request(Method::PUT, &profile_path(id)).header("If-Match", &format!("\"{e_tag}\""))
        }
    };
    changed(request, draft).await
}

/// Deletes the version `e_tag` of business profile `id`; a 412 brings it as it is now.
pub async fn delete_business_profile(
    id: &str,
    e_tag: &str,
) -> Result<(), ActionError<StoredBusinessProfile>> {
    let request =
        request(Method::DELETE, &profile_path(id)).header("If-Match", &format!("\"{e_tag}\""));
    let response = send(request).await.map_err(ActionError::Failed)?;
    if response.ok() {
        Ok(())
    } else {
        Err(refusal(response).await)
    }
}

fn profile_path(id: &str) -> String {
    format!(
        "/api/v1/business-profiles/{}",
        domain::filter::percent_encode(id)
    )
}

/// Keeps where the user wants lead emails (`PUT /api/v1/me/notification-email`); `None`
/// sends them to the sign-in address again.
pub async fn save_notification_email(email: Option<&str>) -> Result<(), ActionError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Choice<'a> {
        notification_email: Option<&'a str>,
    }
    send_change(
        Method::PUT,
        "/api/v1/me/notification-email",
        &Choice {
            notification_email: email,
        },
    )
    .await?;
    let session = Session::current();
    if let Some(mut me) = session.me_untracked() {
        me.notification_email = email.map(|email| email.trim().to_lowercase());
        session.account_changed(me);
    }
    Ok(())
}

/// Changes the signed-in user's password (`PUT /api/v1/me/password`); a 422 names the
/// field to fix (a wrong current password, a too-short new one). The user's other
/// sessions end; this one stays.
pub async fn change_password(current: &str, new: &str) -> Result<(), ActionError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct PasswordChange<'a> {
        current_password: &'a str,
        new_password: &'a str,
    }
    send_change(
        Method::PUT,
        "/api/v1/me/password",
        &PasswordChange {
            current_password: current,
            new_password: new,
        },
    )
    .await
    .map(drop)
}

/// A person of the organisation as the people screen lists them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    pub last_signed_in_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The signed-in partner admin themselves.
    pub you: bool,
}

/// An invitation nobody has used or revoked.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingInvitation {
    pub id: String,
    pub email: String,
    pub role: Role,
    /// The inviter's name.
    pub invited_by: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub expired: bool,
}

/// The organisation's people and pending invitations (`GET /api/v1/people`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct People {
    pub people: Vec<Person>,
    pub invitations: Vec<PendingInvitation>,
}

/// The organisation's people and pending invitations (partner admins only).
pub async fn people() -> Result<People, ApiError> {
    let cancel = cancel_on_cleanup();
    read_json(send(request(Method::GET, "/api/v1/people").abort_signal(cancel.as_deref())).await?)
        .await
}

/// Invites `email` with `role`, offering them `name` (they may change it): the server
/// mails the link. A 422 names what to fix; a 409 says the address has an account or an
/// open invitation already.
pub async fn invite(
    email: &str,
    role: Role,
    name: Option<&str>,
) -> Result<PendingInvitation, ActionError> {
    #[derive(Serialize)]
    struct NewInvitation<'a> {
        email: &'a str,
        role: Role,
        name: Option<&'a str>,
    }
    let response = send_change(
        Method::POST,
        "/api/v1/invitations",
        &NewInvitation { email, role, name },
    )
    .await?;
    read_json(response).await.map_err(ActionError::Failed)
}

/// Revokes an invitation: its link stops working.
pub async fn revoke_invitation(id: &str) -> Result<(), ApiError> {
    let path = format!("/api/v1/invitations/{}", domain::filter::percent_encode(id));
    no_content(send(request(Method::DELETE, &path)).await?).await
}

/// Gives a colleague another role (`PATCH /api/v1/users/{id}`).
pub async fn change_role(user_id: &str, role: Role) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct RoleChange {
        role: Role,
    }
    let path = format!("/api/v1/users/{}", domain::filter::percent_encode(user_id));
    let request = request(Method::PATCH, &path)
        .json(&RoleChange { role })
        .map_err(|_| ApiError::Unreadable)?;
    no_content(answered(request.send()).await?).await
}

/// Deactivates (`false`) or reactivates (`true`) a colleague.
pub async fn set_active(user_id: &str, active: bool) -> Result<(), ApiError> {
    let verb = if active { "reactivate" } else { "deactivate" };
    let path = format!(
        "/api/v1/users/{}/{verb}",
        domain::filter::percent_encode(user_id)
    );
    no_content(send(request(Method::POST, &path)).await?).await
}

/// What an invitation link offers (`GET /api/v1/invitation-links/{token}`, no session).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationLink {
    pub organisation: String,
    pub email: String,
    pub name: Option<String>,
    pub role: Role,
    pub invited_by: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// The invitation behind a link; a 404 or 410 says why it no longer works.
pub async fn invitation_link(token: &str) -> Result<InvitationLink, ApiError> {
    let cancel = cancel_on_cleanup();
    let path = format!(
        "/api/v1/invitation-links/{}",
        domain::filter::percent_encode(token)
    );
    read_json(send(request(Method::GET, &path).abort_signal(cancel.as_deref())).await?).await
}

/// Accepts an invitation with the person's name and new password; on success the account
/// exists and the session holds it (as after sign-in).
pub async fn accept_invitation(token: &str, name: &str, password: &str) -> Result<Me, ActionError> {
    #[derive(Serialize)]
    struct Acceptance<'a> {
        name: &'a str,
        password: &'a str,
    }
    let path = format!(
        "/api/v1/invitation-links/{}/accept",
        domain::filter::percent_encode(token)
    );
    let response = send_change(Method::POST, &path, &Acceptance { name, password }).await?;
    let me: Me = read_json(response).await.map_err(ActionError::Failed)?;
    Session::current().set(SessionState::SignedIn(me.clone()));
    Ok(me)
}

/// The signed-in user's notification-centre items, newest first, with the unread count;
/// `before` (a page's `next`) asks for the older ones.
pub async fn notifications(before: Option<&str>) -> Result<domain::NotificationPage, ApiError> {
    let mut path = "/api/v1/notifications".to_owned();
    if let Some(before) = before {
        path.push_str("?before=");
        path.push_str(&domain::filter::percent_encode(before));
    }
    read_json(send(request(Method::GET, &path)).await?).await
}

/// Marks one of the user's notification items read.
pub async fn read_notification(id: &str) -> Result<(), ApiError> {
    let path = format!(
        "/api/v1/notifications/{}/read",
        domain::filter::percent_encode(id)
    );
    no_content(send(request(Method::POST, &path)).await?).await
}

/// Marks the user's notification items read: every one, or `through` that item
/// (the newest the user saw) and those older.
pub async fn read_all_notifications(through: Option<&str>) -> Result<(), ApiError> {
    let path = match through {
        Some(id) => format!(
            "/api/v1/notifications/read-all?through={}",
            domain::filter::percent_encode(id)
        ),
        None => "/api/v1/notifications/read-all".to_owned(),
    };
    no_content(send(request(Method::POST, &path)).await?).await
}

/// An answer without a body: fine when it is a success.
async fn no_content(response: Response) -> Result<(), ApiError> {
    if response.ok() {
        Ok(())
    } else {
        Err(problem(&response).await)
    }
}

/// An abort signal that cancels the requests when the view that asked for them goes away.
fn cancel_on_cleanup() -> Option<SendWrapper<web_sys::AbortSignal>> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = SendWrapper::new(controller.signal());
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    Some(signal)
}

/// A request with the headers every call needs; state-changing ones prove they come from the app.
fn request(method: Method, path: &str) -> RequestBuilder {
    let is_safe = matches!(method, Method::GET | Method::HEAD);
    let request = RequestBuilder::new(path)
        .method(method)
        .header("Accept", "application/json");
    match Session::current().csrf_token() {
        Some(token) if !is_safe => request.header(CSRF_HEADER, &token),
        _ => request,
    }
}

/// `GET path`, or the answer index.html already asked for it, when one is waiting
/// (see [`early`]).
async fn get_or_early(path: &str) -> Result<Response, gloo_net::Error> {
    match early::answer(path).await {
        Some(response) => Ok(response),
        None => request(Method::GET, path).send().await,
    }
}

/// How long a change from the outbox may wait for its answer before it counts as not
/// sent. A connection that stalls (a captive portal, a dying mobile link) never answers:
/// without a bound the outbox would wait behind it for good. The change goes again
/// with its idempotency key, so one the server did apply is not applied twice.
const OUTBOX_SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// `request`, aborted if it has not finished within [`OUTBOX_SEND_TIMEOUT`].
fn given_up_when_stalled(request: RequestBuilder) -> RequestBuilder {
    let Ok(controller) = web_sys::AbortController::new() else {
        return request;
    };
    let request = request.abort_signal(Some(&controller.signal()));
    let controller = SendWrapper::new(controller);
    set_timeout(move || controller.abort(), OUTBOX_SEND_TIMEOUT);
    request
}

/// Sends a request; a 401 means the session has ended.
async fn send(request: RequestBuilder) -> Result<Response, ApiError> {
    answered(request.send()).await
}

/// The answer to a request on its way (built with or without a body); a 401 means
/// the session has ended.
async fn answered(
    sent: impl std::future::Future<Output = Result<Response, gloo_net::Error>>,
) -> Result<Response, ApiError> {
    let session = Session::current();
    let response = sent.await.map_err(|_| ApiError::Unreachable)?;
    if response.status() == 401 {
        session.expired();
    }
    Ok(response)
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(problem(&response).await);
    }
    // The body's bytes are copied into the wasm as they are, not decoded to a JS string
    // and encoded back (a first feed page of hundreds of referrals: a phone feels that).
    // Read as text: the one JSON reader the rest of the app uses, not a second in the wasm.
    let body = response.binary().await.map_err(|_| ApiError::Unreadable)?;
    let text = std::str::from_utf8(&body).map_err(|_| ApiError::Unreadable)?;
    serde_json::from_str(text).map_err(|_| ApiError::Unreadable)
}

async fn problem(response: &Response) -> ApiError {
    match response.json::<Problem>().await {
        Ok(problem) => problem.into_error(response.status()),
        Err(_) => ApiError::Server {
            status: response.status(),
            explanation: None,
            detail: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::SyncPage;

    #[test]
    fn a_poll_with_nothing_new_reads_as_an_empty_page_without_an_account_change() {
        let page: SyncPage = serde_json::from_str(
            r#"{"referrals":[],"removed":[],"cursor":"opaque-7","more":false}"#,
        )
        .unwrap();
        assert!(page.referrals.is_empty() && page.removed.is_empty());
        assert_eq!(page.cursor, "opaque-7");
        assert!(!page.more);
        assert_eq!(page.me, None);
    }
}
