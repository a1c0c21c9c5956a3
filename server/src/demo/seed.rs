//! Writes the demo organisations, their users, referrals and business profiles to the database.

use chrono::{DateTime, Utc};

use super::{
    ORGANISATION_ID, ORGANISATION_NAME, RIVAL_ORGANISATION_ID, RIVAL_ORGANISATION_NAME, USERS,
    referrals_at_scale,
};
use crate::StartupError;
use crate::db::{self, Pool};

/// Seeds the demo organisations, users, referrals and business profiles unless they are already there
/// (safe on every start). `scale` multiplies the number of referrals (see [`referrals_at_scale`]).
pub async fn seed_if_empty(
    pool: &Pool,
    now: DateTime<Utc>,
    password: &str,
    scale: usize,
) -> Result<(), StartupError> {
    if db::organisations::exists(pool, ORGANISATION_ID).await? {
        return Ok(());
    }
    for (index, (id, name)) in [
        (ORGANISATION_ID, ORGANISATION_NAME),
        (RIVAL_ORGANISATION_ID, RIVAL_ORGANISATION_NAME),
    ]
    .into_iter()
    .enumerate()
    {
        db::organisations::insert(pool, id, name, now).await?;
        db::referrals::insert_many(pool, id, referrals_at_scale(now, index, scale)).await?;
    }
    for (index, user) in USERS.iter().enumerate() {
        let password_hash =
            crate::auth::hash_password(password).map_err(|e| StartupError::Seed(e.to_string()))?;
        let id = format!("user-demo-{index}");
        let new_user = db::users::NewUser {
            id: &id,
            organisation_id: user.organisation_id,
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: &password_hash,
        };
        db::users::insert(pool, new_user, now).await?;
    }
    let mut conn = pool.acquire().await.map_err(db::DbError::from)?;
    for profile in super::business_profiles() {
        db::business_profiles::insert(&mut conn, ORGANISATION_ID, &profile, "user-demo-0", now)
            .await?;
    }
    tracing::info!("seeded the demo organisations");
    Ok(())
}
