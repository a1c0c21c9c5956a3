//! Taking a lead in, whatever shape it came in: the domain has parsed it into an
//! [`IncomingLead`]; here it arrives, once. The referral, its claims against resubmission,
//! its change-feed number and what its arrival sets off (`arrivals`) commit together or
//! not at all.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use domain::intake::IncomingLead;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::api_keys::KeyHolder;
use crate::db::ingested::Mark;
use crate::db::{self, DbError};
use crate::error::AppError;
use crate::routes::referrals::referral_response;

/// Stores the lead sent by `holder` (201 with the new referral), or answers the referral
/// an earlier submission of it made (200), recognised by the sender's ID or by `payload`
/// (the body as sent) within a day. `shape` keeps the two intake shapes' payloads apart.
pub async fn take_in(
    state: &AppState,
    holder: &KeyHolder,
    lead: IncomingLead,
    shape: &str,
    payload: &[u8],
) -> Result<Response, AppError> {
    let organisation_id = holder.organisation_id.as_str();
    let now = Utc::now();
    let fingerprint = fingerprint(shape, payload);
    let external_id = lead.external_id.clone();
    let referral = lead.arrive(uuid::Uuid::new_v4().to_string(), now);

    let _turn = state.writes.take().await;
    let mut transaction = state.pool.begin().await?;
    // Its first statement takes the change number: the organisation's writers queue there.
    db::referrals::insert(&mut transaction, organisation_id, [&referral]).await?;
    // The key was checked before this turn; a revoke (which takes the organisation's turn
    // too) that committed meanwhile holds: once an admin is told a key is revoked, no lead
    // arrives through it.
    if !db::api_keys::is_active(&mut transaction, &holder.key_id).await? {
        transaction.rollback().await?;
        return Err(AppError::ApiKeyRejected);
    }
    let change = db::feed::last_change(&mut transaction, organisation_id)
        .await?
        .ok_or_else(|| DbError::Corrupt(format!("no organisation {organisation_id:?}")))?;
    let marks = external_id
        .as_deref()
        .map(|id| Mark::ExternalId { shape, id })
        .into_iter()
        .chain([Mark::Payload(&fingerprint)]);
    for mark in marks {
        if let Some(existing) =
            db::ingested::claim(&mut transaction, organisation_id, mark, &referral.id, now).await?
        {
            // A resubmission: nothing of this one is kept.
            transaction.rollback().await?;
            return existing_referral(state, organisation_id, &existing).await;
        }
    }
    crate::arrivals::lead_arrived(&mut transaction, organisation_id, &referral, now).await?;
    transaction.commit().await?;
    state.live.changed(organisation_id, change);
    tracing::info!(referral_id = %referral.id, key_id = %holder.key_id, "a lead arrived");

    let mut response = referral_response(StatusCode::CREATED, &referral);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/referrals/{}", referral.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The referral an earlier submission made, as it is now.
async fn existing_referral(
    state: &AppState,
    organisation_id: &str,
    id: &str,
) -> Result<Response, AppError> {
    let mut conn = state.pool.acquire().await?;
    let referral = db::referrals::find(&mut conn, organisation_id, id)
        .await?
        .ok_or_else(|| DbError::Corrupt(format!("ingested lead {id:?} has no referral")))?;
    let mut response = referral_response(StatusCode::OK, &referral.redacted());
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/referrals/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The payload's fingerprint: SHA-256 of its JSON with keys sorted and no spacing, so
/// the same lead sent again with other formatting is still the same.
fn fingerprint(shape: &str, payload: &[u8]) -> String {
    let canonical = serde_json::from_slice::<serde_json::Value>(payload)
        .map(|value| canonical_json(&value))
        .unwrap_or_else(|_| String::from_utf8_lossy(payload).into_owned());
    let mut hasher = Sha256::new();
    hasher.update(shape.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical.as_bytes());
    hex::encode(hasher.finalize())
}

fn canonical_json(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<(&String, &serde_json::Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            let parts: Vec<String> = entries
                .into_iter()
                .map(|(key, value)| {
                    format!(
                        "{}:{}",
                        serde_json::Value::String(key.clone()),
                        canonical_json(value)
                    )
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        serde_json::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(canonical_json).collect();
            format!("[{}]", parts.join(","))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_payload_in_another_layout_has_the_same_fingerprint() {
        let one = fingerprint("referrals", br#"{"a":1,"b":{"d":[1,2],"c":"x"}}"#);
        let other = fingerprint(
            "referrals",
            b"{ \"b\": { \"c\": \"x\", \"d\": [1, 2] },\n \"a\": 1 }",
        );
        assert_eq!(one, other);
        assert_ne!(
            one,
            fingerprint("referrals", br#"{"a":2,"b":{"d":[1,2],"c":"x"}}"#)
        );
        assert_ne!(
            one,
            fingerprint("marketplace-leads", br#"{"a":1,"b":{"d":[1,2],"c":"x"}}"#)
        );
    }
}
