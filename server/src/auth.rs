//! Who is asking: passwords (argon2id), server-side sessions in a cookie, the
//! anti-CSRF token, and throttling of failed sign-ins.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::response::AppendHeaders;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use domain::{Member, Role};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::db::users::UserRecord;
use crate::db::{self, Pool};
use crate::error::AppError;

pub const SESSION_COOKIE: &str = "rd_session";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Sessions last 30 days from their last use, so a partner on the road stays signed in.
pub const SESSION_LIFETIME: Duration = Duration::days(30);
pub use crate::throttle::WINDOW as FAILED_SIGN_IN_WINDOW;

/// The signed-in user of a request; every query is scoped to their organisation.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub csrf_token: String,
    /// The language the user chose, if they did.
    pub locale: Option<domain::i18n::Locale>,
    /// Where they want lead emails instead of their sign-in address, if anywhere.
    pub notification_email: Option<String>,
    session_id: String,
    /// The organisation's newest change number as read with the session; `None` for a
    /// session started by this request.
    feed_head: Option<i64>,
}

impl CurrentUser {
    fn of_session(
        user: UserRecord,
        csrf_token: String,
        session_id: String,
        feed_head: Option<i64>,
    ) -> CurrentUser {
        CurrentUser {
            id: user.id,
            organisation_id: user.organisation_id,
            organisation_name: user.organisation_name,
            email: user.email,
            name: user.name,
            role: user.role,
            locale: user.locale,
            notification_email: user.notification_email,
            csrf_token,
            session_id,
            feed_head,
        }
    }

    pub fn member(&self) -> Member<'_> {
        Member {
            role: self.role,
            email: &self.email,
        }
    }

    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// Where the organisation's change feed stood when this request's session was read:
    /// at least every change committed before the request came.
    pub fn feed_head(&self) -> Option<i64> {
        self.feed_head
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or(AppError::Unauthenticated)?;
        let session_id = session_id_of(token);
        let now = Utc::now();
        let session = db::sessions::find_active(&state.pool, &session_id, now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        // Safe methods change nothing; everything else must prove it comes from our app.
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(|v| v.to_str().unwrap_or_default().trim())
                .filter(|sent| !sent.is_empty())
                .ok_or(AppError::CsrfMissing)?;
            if !constant_time_eq(sent.as_bytes(), session.csrf_token.as_bytes()) {
                return Err(AppError::CsrfMismatch);
            }
        }
        // Slide the expiry at most once a day, not on every request.
        let renewed = now + SESSION_LIFETIME;
        if db::read_time("expires_at", &session.expires_at)
            .is_ok_and(|at| renewed - at > Duration::days(1))
        {
            db::sessions::extend(&state.pool, &session_id, renewed).await?;
        }
        let span = tracing::Span::current();
        span.record("user_id", session.user.id.as_str());
        span.record("organisation_id", session.user.organisation_id.as_str());
        Ok(CurrentUser::of_session(
            session.user,
            session.csrf_token,
            session_id,
            Some(session.feed_head),
        ))
    }
}

/// Who is asking, for throttling: the address in `client_ip_header` when the server sits
/// behind a proxy that sets it (the last entry: the one the proxy itself added), else the
/// peer's address.
pub fn client_address(
    headers: &HeaderMap,
    peer: Option<std::net::SocketAddr>,
    client_ip_header: Option<&axum::http::HeaderName>,
) -> String {
    let forwarded = client_ip_header
        .and_then(|name| headers.get(name))
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|last| last.trim().parse::<std::net::IpAddr>().ok());
    match forwarded.or(peer.map(|peer| peer.ip())) {
        // One IPv6 subscriber holds a whole /64: count it as one client.
        Some(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
        Some(std::net::IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map_or_else(String::new, |v4| v4.to_string()),
        Some(address) => address.to_string(),
        None => "unknown".to_owned(),
    }
}

/// The one form of an email that sign-in, storage and lookups use.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// What failures are counted under: bounded and not the address itself, whatever was typed.
fn account_key(email: &str) -> String {
    token_hash(email)
}

/// A new session for a correct email and password; failures are counted and throttled
/// per account and client address (see `throttle`), and an unknown email (or a
/// deactivated person's) gets the same answer, after the same work, as a wrong password.
pub async fn sign_in(
    pool: &Pool,
    email: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(String, CurrentUser), AppError> {
    let email = normalise_email(email);
    let attempt = Attempt::begin(pool, &email, client, now).await?;
    // No account has an address longer than this; still verify a hash, to take the same time.
    // Each step takes a connection and gives it back: one held across the slow hash while
    // the next step waits for another would let a few sign-ins at once drain the pool.
    let user = if email.len() <= 254 {
        let mut conn = pool.acquire().await?;
        db::users::find_active_by_email(&mut conn, &email).await?
    } else {
        None
    };
    // Verify against a real hash even for unknown emails, so timing does not tell which exist.
    let hash = user
        .as_ref()
        .map_or_else(|| DUMMY_HASH.clone(), |u| u.password_hash.clone());
    let verified = attempt.check(pool, hash, password).await?;
    let Some(user) = user.filter(|_| verified) else {
        return Err(AppError::InvalidCredentials);
    };
    let mut conn = pool.acquire().await?;
    start_session(&mut conn, user, now).await
}

/// Whether `password` is the signed-in `user`'s, whose stored hash is `hash`: an attempt
/// counted and throttled like a sign-in of their account from `client`, so a session left
/// open cannot be used to guess the password either.
pub async fn check_password(
    pool: &Pool,
    user: &CurrentUser,
    hash: String,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let email = normalise_email(&user.email);
    Attempt::begin(pool, &email, client, now)
        .await?
        .check(pool, hash, password)
        .await
}

/// One try of a password on an account (normalised email) from a client address.
struct Attempt {
    account: String,
    client: String,
    id: String,
}

impl Attempt {
    /// Lets the attempt go ahead only if the failures on record leave room. One already
    /// over the limit is refused with two reads and no write (a flood of refused guesses
    /// never holds SQLite's one writer). Otherwise it is counted as a failure first and
    /// the failures besides it counted again: each of a burst of guesses sent at once
    /// sees those recorded before it, so no more than the allowance go through; one
    /// refused then is taken back, as it was never made.
    async fn begin(
        pool: &Pool,
        email: &str,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<Attempt, AppError> {
        let attempt = Attempt {
            account: account_key(email),
            client: client.to_owned(),
            id: random_token(),
        };
        // No row has the new attempt's id yet: this counts every failure on record.
        attempt.refuse_if_throttled(pool, now).await?;
        db::sessions::record_failed_sign_in(pool, &attempt.account, client, &attempt.id, now)
            .await?;
        if let Err(throttled) = attempt.refuse_if_throttled(pool, now).await {
            db::sessions::forget_sign_in_attempt(pool, &attempt.account, client, &attempt.id)
                .await?;
            return Err(throttled);
        }
        Ok(attempt)
    }

    /// `429` when the failures on record besides this attempt's own are too many.
    async fn refuse_if_throttled(&self, pool: &Pool, now: DateTime<Utc>) -> Result<(), AppError> {
        let (pair, from_client) = db::sessions::failed_sign_ins_since(
            pool,
            &self.account,
            &self.client,
            &self.id,
            now - FAILED_SIGN_IN_WINDOW,
        )
        .await?;
        match crate::throttle::wait_until(pair, from_client, now) {
            Some(until) => {
                let seconds = (until - now).num_milliseconds().div_euclid(1000) + 1;
                Err(AppError::TooManySignIns { seconds })
            }
            None => Ok(()),
        }
    }

    /// Verifies `password` against `hash`; a success clears the failures of the account
    /// from this address (this attempt's with them).
    async fn check(self, pool: &Pool, hash: String, password: &str) -> Result<bool, AppError> {
        let password = password.to_owned();
        let verified = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        if verified {
            db::sessions::clear_failed_sign_ins(pool, &self.account, &self.client).await?;
        }
        Ok(verified)
    }
}

/// A new session for `user` (the caller knows who they are), written on `conn` (a
/// transaction that makes the account may sign its person in with it): the cookie's token
/// and the user as the request would see them.
pub async fn start_session(
    conn: &mut sqlx::AnyConnection,
    user: UserRecord,
    now: DateTime<Utc>,
) -> Result<(String, CurrentUser), AppError> {
    let token = random_token();
    let csrf_token = random_token();
    let session_id = session_id_of(&token);
    let created = db::sessions::create(
        conn,
        &session_id,
        &user.id,
        &user.password_hash,
        &csrf_token,
        now,
        now + SESSION_LIFETIME,
    )
    .await?;
    if !created {
        // Deactivated, or the password changed, since it was checked.
        return Err(AppError::InvalidCredentials);
    }
    Ok((
        token,
        CurrentUser::of_session(user, csrf_token, session_id, None),
    ))
}

/// Hashes `password` on a blocking thread (argon2 is slow on purpose).
pub async fn hash_password_off_thread(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

/// A random one-time token: 32 bytes, base64url (sessions, anti-forgery, invitation links).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a random token (a session's, an invitation link's): its SHA-256, so
/// a copy of the database cannot use one. A fast hash is right for 32 random bytes.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An argon2id hash (PHC string) of `password` with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::Internal(e.to_string()))
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A valid argon2id hash of a random password nobody knows.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&random_token()).expect("hashing a random password"));

/// The cookie beside the session's that tells the app a session may exist: the session
/// cookie is HttpOnly, and without this hint the app would ask `GET /api/v1/me` on every
/// signed-out visit, whose `401` the browser logs as an error on the console. It holds no
/// secret; a stale one only costs the app that one question.
pub const SIGNED_IN_HINT_COOKIE: &str = "rd_signed_in";

/// The `Set-Cookie` values that carry a session and its hint; `Secure` over HTTPS.
/// Appended: a response holds one `Set-Cookie` per cookie.
pub fn session_cookies(token: &str, secure: bool) -> AppendHeaders<[(HeaderName, HeaderValue); 2]> {
    let lifetime = Some(SESSION_LIFETIME.num_seconds());
    AppendHeaders([
        set_cookie(SESSION_COOKIE, token, HttpOnly(true), lifetime, secure),
        signed_in_hint(secure),
    ])
}

/// The `Set-Cookie` value of the hint alone: `GET /api/v1/me` renews it, so a session
/// begun before the hint existed gets one too.
pub fn signed_in_hint(secure: bool) -> (HeaderName, HeaderValue) {
    let lifetime = Some(SESSION_LIFETIME.num_seconds());
    set_cookie(
        SIGNED_IN_HINT_COOKIE,
        "1",
        HttpOnly(false),
        lifetime,
        secure,
    )
}

/// The `Set-Cookie` values that remove the session cookie and its hint.
pub fn clearing_cookies(secure: bool) -> AppendHeaders<[(HeaderName, HeaderValue); 2]> {
    AppendHeaders([
        set_cookie(SESSION_COOKIE, "", HttpOnly(true), None, secure),
        set_cookie(SIGNED_IN_HINT_COOKIE, "", HttpOnly(false), None, secure),
    ])
}

/// Whether a cookie is kept from the page's scripts.
struct HttpOnly(bool);

/// A site-wide, same-site-only cookie for `max_age` seconds (`None`: removed now).
fn set_cookie(
    name: &str,
    value: &str,
    http_only: HttpOnly,
    max_age: Option<i64>,
    secure: bool,
) -> (HeaderName, HeaderValue) {
    let http_only = if http_only.0 { "; HttpOnly" } else { "" };
    let max_age = max_age.unwrap_or(0);
    let secure = if secure { "; Secure" } else { "" };
    let cookie =
        format!("{name}={value}; Path=/{http_only}; SameSite=Strict; Max-Age={max_age}{secure}");
    (
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("cookie names and tokens are ASCII"),
    )
}

/// Whether the request reached us over HTTPS (directly or through a proxy).
pub fn is_https(headers: &HeaderMap, always_secure: bool) -> bool {
    always_secure
        || headers
            .get("x-forwarded-proto")
            .is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"))
}

fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// Only the token's hash is stored, so a copy of the database cannot sign anyone in.
fn session_id_of(token: &str) -> String {
    token_hash(token)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "correct horse"));
        assert!(!verify_password(&hash, "wrong horse"));
        assert!(!verify_password(&DUMMY_HASH, "correct horse"));
    }

    #[test]
    fn the_session_cookie_is_read_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; rd_session=abc123; other=1"),
        );
        assert_eq!(session_token(&headers), Some("abc123"));
        headers.insert(header::COOKIE, HeaderValue::from_static("rd_session="));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn cookies_are_http_only_strict_and_secure_over_https() {
        let AppendHeaders([(_, cookie), (_, hint)]) = session_cookies("t", true);
        let cookie = cookie.to_str().unwrap();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Strict")
                && cookie.ends_with("; Secure")
        );
        // The hint is for the app's script to read: it says only that a session may exist.
        let hint = hint.to_str().unwrap();
        assert!(
            hint.starts_with("rd_signed_in=1;")
                && !hint.contains("HttpOnly")
                && hint.ends_with("; Secure")
        );
        let AppendHeaders([(_, cookie), (_, hint)]) = session_cookies("t", false);
        assert!(!cookie.to_str().unwrap().contains("Secure"));
        assert!(!hint.to_str().unwrap().contains("Secure"));
        let AppendHeaders([(_, cleared), (_, hint_cleared)]) = clearing_cookies(false);
        assert!(cleared.to_str().unwrap().contains("Max-Age=0"));
        assert!(hint_cleared.to_str().unwrap().starts_with("rd_signed_in=;"));
    }
}
