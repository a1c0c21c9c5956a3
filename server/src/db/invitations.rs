//! Invitations to join an organisation: stored with the SHA-256 of their link's token
//! only. Whether one is still open is the domain's rule (`domain::people::Invitation`);
//! the writes here are conditional, so the rule holds under concurrent requests too.

use chrono::{DateTime, Utc};
use domain::Role;
use domain::people::Invitation;
use sqlx::AnyConnection;

use super::{DbError, read_time, stored_time};

/// An invitation as stored, with its organisation's and inviter's names.
#[derive(Debug, Clone)]
pub struct InvitationRecord {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    /// Lower-case.
    pub email: String,
    /// The name the inviter gave, if any.
    pub name: Option<String>,
    pub role: Role,
    /// The inviter's name (their id if they are gone).
    pub invited_by: String,
    pub life: Invitation,
}

pub struct NewInvitation<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub email: &'a str,
    pub name: Option<&'a str>,
    pub role: Role,
    pub token_hash: &'a str,
    pub invited_by: &'a str,
}

const SELECT_INVITATION: &str = "SELECT i.id, i.organisation_id, o.name, i.email, i.name, i.role, \
     COALESCE(u.name, i.invited_by), i.created_at, i.expires_at, i.accepted_at, i.revoked_at \
     FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
     LEFT JOIN users u ON u.id = i.invited_by";

type InvitationRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn from_row(row: InvitationRow) -> Result<InvitationRecord, DbError> {
    let (
        id,
        organisation_id,
        organisation_name,
        email,
        name,
        role,
        invited_by,
        created_at,
        expires_at,
        accepted_at,
        revoked_at,
    ) = row;
    let optional_time =
        |column: &str, text: Option<String>| text.map(|text| read_time(column, &text)).transpose();
    Ok(InvitationRecord {
        role: role
            .parse()
            .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?,
        life: Invitation {
            created_at: read_time("created_at", &created_at)?,
            expires_at: read_time("expires_at", &expires_at)?,
            accepted_at: optional_time("accepted_at", accepted_at)?,
            revoked_at: optional_time("revoked_at", revoked_at)?,
        },
        id,
        organisation_id,
        organisation_name,
        email,
        name,
        invited_by,
    })
}

/// Retires the organisation's expired invitations for `email` that were never used nor
/// revoked (marked revoked now, which the domain still reads as expired), so a new one
/// may take their place under the one-open-invitation index.
pub async fn retire_expired(
    conn: &mut AnyConnection,
    organisation_id: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let now = stored_time(now);
    let retired = sqlx::query(
        "UPDATE invitations SET revoked_at = $1 WHERE organisation_id = $2 AND email = $3 \
         AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= $1",
    )
    .bind(&now)
    .bind(organisation_id)
    .bind(email)
    .execute(conn)
    .await?;
    Ok(retired.rows_affected())
}

/// Stores an open invitation unless the organisation has one for the address already (the
/// one-open-invitation index decides); `false` then.
pub async fn insert_open(
    conn: &mut AnyConnection,
    invitation: NewInvitation<'_>,
    life: Invitation,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO invitations (id, organisation_id, email, name, role, token_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
    )
    .bind(invitation.id)
    .bind(invitation.organisation_id)
    .bind(invitation.email)
    .bind(invitation.name)
    .bind(invitation.role.as_str())
    .bind(invitation.token_hash)
    .bind(invitation.invited_by)
    .bind(stored_time(life.created_at))
    .bind(stored_time(life.expires_at))
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// The invitation whose link's token has this hash, in whichever organisation.
pub async fn find_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<InvitationRecord>, DbError> {
    let row: Option<InvitationRow> =
        sqlx::query_as(&format!("{SELECT_INVITATION} WHERE i.token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(conn)
            .await?;
    row.map(from_row).transpose()
}

/// One invitation of the organisation; `None` for another organisation's or an unknown ID.
pub async fn find_in_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<Option<InvitationRecord>, DbError> {
    let row: Option<InvitationRow> = sqlx::query_as(&format!(
        "{SELECT_INVITATION} WHERE i.organisation_id = $1 AND i.id = $2"
    ))
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(from_row).transpose()
}

/// The organisation's invitations nobody used or revoked (open, or expired unused),
/// oldest first.
pub async fn list_pending(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<InvitationRecord>, DbError> {
    let rows: Vec<InvitationRow> = sqlx::query_as(&format!(
        "{SELECT_INVITATION} WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL \
         ORDER BY i.created_at, i.id"
    ))
    .bind(organisation_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(from_row).collect()
}

/// Revokes the invitation unless it was used or revoked meanwhile.
pub async fn revoke(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let revoked = sqlx::query(
        "UPDATE invitations SET revoked_at = $1 \
         WHERE organisation_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
    )
    .bind(stored_time(now))
    .bind(organisation_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(revoked.rows_affected() == 1)
}

/// Revokes every open invitation `inviter` sent (they were deactivated: a link they
/// sent must not make an account after they left); returns how many.
pub async fn revoke_sent_by(
    conn: &mut AnyConnection,
    organisation_id: &str,
    inviter: &str,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let revoked = sqlx::query(
        "UPDATE invitations SET revoked_at = $1 \
         WHERE organisation_id = $2 AND invited_by = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
    )
    .bind(stored_time(now))
    .bind(organisation_id)
    .bind(inviter)
    .execute(conn)
    .await?;
    Ok(revoked.rows_affected())
}

/// Marks the invitation used at `now` if it is still open then; `false` when another
/// request used it first (or it was revoked or ran out meanwhile). The condition is the
/// guard: of two concurrent accepts, one `UPDATE` changes the row and the other none.
pub async fn accept(
    conn: &mut AnyConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let now = stored_time(now);
    let accepted = sqlx::query(
        "UPDATE invitations SET accepted_at = $1 \
         WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(&now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(accepted.rows_affected() == 1)
}
