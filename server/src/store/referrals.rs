//! Referrals: the JSON document plus the columns derived from it for scoping and ordering.

use domain::Referral;

use super::{Pool, StoreError, stored_time};

/// The stored version of a referral (its `eTag`).
pub fn version_of(referral: &Referral) -> Result<i64, StoreError> {
    referral.e_tag.parse().map_err(|_| {
        StoreError::Corrupt(format!("eTag {:?} is not a version number", referral.e_tag))
    })
}

fn document_of(referral: &Referral) -> Result<String, StoreError> {
    // Favorites are per user: never stored in the shared document.
    let shared = Referral {
        favorite: false,
        ..referral.clone()
    };
    serde_json::to_string(&shared).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Stores a new referral for an organisation.
pub async fn insert(
    pool: &Pool,
    organisation_id: &str,
    referral: &Referral,
) -> Result<(), StoreError> {
    let document = document_of(referral)?;
    let version = version_of(referral)?;
    sqlx::query(
        "INSERT INTO referrals (id, organisation_id, status, substatus, customer_name, country, \
         created_at, updated_at, expires_at, version, document) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&referral.id)
    .bind(organisation_id)
    .bind(referral.status.as_str())
    .bind(referral.substatus.as_str())
    .bind(&referral.customer_profile.name)
    .bind(&referral.customer_profile.address.country)
    .bind(stored_time(referral.created_date_time))
    .bind(stored_time(referral.updated_date_time))
    .bind(stored_time(referral.expiration_date_time))
    .bind(version)
    .bind(document)
    .execute(pool)
    .await?;
    Ok(())
}

/// All referrals of one organisation, newest first.
pub async fn list_for_organisation(
    pool: &Pool,
    organisation_id: &str,
) -> Result<Vec<Referral>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT document FROM referrals WHERE organisation_id = $1 ORDER BY created_at DESC, id",
    )
    .bind(organisation_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(document,)| parse(&document))
        .collect()
}

/// One referral of an organisation; `None` for another organisation's or an unknown id.
pub async fn find(
    pool: &Pool,
    organisation_id: &str,
    id: &str,
) -> Result<Option<Referral>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT document FROM referrals WHERE organisation_id = $1 AND id = $2")
            .bind(organisation_id)
            .bind(id)
            .fetch_optional(pool)
            .await?;
    row.map(|(document,)| parse(&document)).transpose()
}

/// Stores a changed referral if nobody changed it since `expected_version` was read;
/// returns the stored referral with its new version, or `None` when it was changed meanwhile.
pub async fn update(
    pool: &Pool,
    organisation_id: &str,
    referral: &Referral,
    expected_version: i64,
) -> Result<Option<Referral>, StoreError> {
    let stored = Referral {
        e_tag: (expected_version + 1).to_string(),
        ..referral.clone()
    };
    let updated = sqlx::query(
        "UPDATE referrals SET status = $1, substatus = $2, customer_name = $3, country = $4, \
         updated_at = $5, expires_at = $6, version = $7, document = $8 \
         WHERE organisation_id = $9 AND id = $10 AND version = $11",
    )
    .bind(stored.status.as_str())
    .bind(stored.substatus.as_str())
    .bind(&stored.customer_profile.name)
    .bind(&stored.customer_profile.address.country)
    .bind(stored_time(stored.updated_date_time))
    .bind(stored_time(stored.expiration_date_time))
    .bind(expected_version + 1)
    .bind(document_of(&stored)?)
    .bind(organisation_id)
    .bind(&stored.id)
    .bind(expected_version)
    .execute(pool)
    .await?;
    Ok((updated.rows_affected() == 1).then_some(stored))
}

fn parse(document: &str) -> Result<Referral, StoreError> {
    serde_json::from_str(document).map_err(|e| StoreError::Corrupt(e.to_string()))
}
