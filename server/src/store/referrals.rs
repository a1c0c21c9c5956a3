//! Referrals: the JSON document plus the columns derived from it for scoping and ordering.

use domain::Referral;

use super::{Pool, StoreError, stored_time};

/// Stores a new referral for an organisation.
pub async fn insert(
    pool: &Pool,
    organisation_id: &str,
    referral: &Referral,
) -> Result<(), StoreError> {
    let document =
        serde_json::to_string(referral).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let version: i64 = referral.e_tag.parse().map_err(|_| {
        StoreError::Corrupt(format!("eTag {:?} is not a version number", referral.e_tag))
    })?;
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

fn parse(document: &str) -> Result<Referral, StoreError> {
    serde_json::from_str(document).map_err(|e| StoreError::Corrupt(e.to_string()))
}
