//! Who is sending a lead: an API key in `Authorization: Bearer <key>` names the
//! organisation. Keys are 32 random bytes with a recognisable prefix, stored only as
//! their SHA-256: a fast hash is right for a secret of that entropy (nothing to guess).

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use base64::Engine as _;
use chrono::Utc;
use domain::api_keys::{API_KEY_PREFIX, looks_like_api_key};

use crate::AppState;
use crate::db;
use crate::error::AppError;

/// A new key's secret: the prefix and 32 random bytes, base64url.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!(
        "{API_KEY_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// What is stored of a secret.
pub fn hash_secret(secret: &str) -> String {
    crate::auth::token_hash(secret)
}

/// The system sending a lead, as its API key names it.
#[derive(Debug, Clone)]
pub struct KeyHolder {
    pub key_id: String,
    pub organisation_id: String,
}

impl FromRequestParts<AppState> for KeyHolder {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or(AppError::ApiKeyMissing)?
            .to_str()
            .map_err(|_| AppError::ApiKeyRejected)?
            .trim();
        let (scheme, secret) = value.split_once(' ').ok_or(AppError::ApiKeyMissing)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(AppError::ApiKeyMissing);
        }
        let secret = secret.trim();
        if !looks_like_api_key(secret) {
            return Err(AppError::ApiKeyRejected);
        }
        let mut conn = state.pool.acquire().await?;
        let (key_id, organisation_id) =
            db::api_keys::find_active_by_hash(&mut conn, &hash_secret(secret))
                .await?
                .ok_or(AppError::ApiKeyRejected)?;
        // Recorded on every authenticated use, even when the lead is then refused: the key
        // was used, and "last used" is how an admin tells a live key from a forgotten one.
        db::api_keys::touch(&mut conn, &key_id, Utc::now()).await?;
        tracing::Span::current().record("organisation_id", organisation_id.as_str());
        Ok(KeyHolder {
            key_id,
            organisation_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_random_and_hashed_as_hex_sha256() {
        let one = new_secret();
        let other = new_secret();
        assert_ne!(one, other);
        assert!(looks_like_api_key(&one), "{one}");
        assert_eq!(one.len(), API_KEY_PREFIX.len() + 43);
        assert_eq!(hash_secret(&one).len(), 64);
        assert_eq!(hash_secret(&one), hash_secret(&one.clone()));
        assert_ne!(hash_secret(&one), hash_secret(&other));
    }
}
