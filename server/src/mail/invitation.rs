//! The invitation email: queued in the transaction that stores the invitation, in the
//! inviter's language, carrying the one-time link to the set-password page. The link's
//! token is nowhere else: the outbox row holds it until the mail is sent, then forgets it
//! ([`without_link`]); the invitations table keeps only its hash.

use chrono::{DateTime, Utc};
use domain::Role;
use domain::i18n::{Arg, Locale};
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;
use uuid::Uuid;

use super::render::{Rendered, Words, escape, page, url_with_segment};
use crate::db::DbError;
use crate::db::mail_outbox::{self, MailKind, NewMail, OutboxMail};

/// What an invitation email says, stored with its outbox row (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationContent {
    pub organisation: String,
    /// The partner admin who invited, by name.
    pub inviter: String,
    /// The address invited (the mail's recipient).
    pub email: String,
    pub role: Role,
    pub expires_at: DateTime<Utc>,
    /// The link's token; empty once the mail is sent.
    pub token: String,
}

impl InvitationContent {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("invitation content serialises")
    }

    pub fn from_json(text: &str) -> Result<InvitationContent, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// Writes the invitation's outbox row in the caller's transaction, due at once.
pub async fn queue_invitation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    content: &InvitationContent,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let id = Uuid::new_v4().simple().to_string();
    mail_outbox::insert(
        conn,
        NewMail {
            id: &id,
            organisation_id,
            recipient: &content.email,
            locale,
            kind: MailKind::Invitation,
            day: now.date_naive(),
            content: &content.to_json(),
            message_id: &super::message_id(&id),
            due_at: now,
        },
        now,
    )
    .await
}

/// The row's content once its mail is done with (sent or given up): the same, without
/// the link's token. `None` when there is no link to forget (none left, or content that
/// cannot be read: it was never sent either, then).
pub fn without_link(content: &str) -> Option<String> {
    let mut content = InvitationContent::from_json(content).ok()?;
    if content.token.is_empty() {
        return None; // forgotten already
    }
    content.token.clear();
    Some(content.to_json())
}

/// The set-password page of the invitation with `token` (`/invitations/:token`).
pub fn invitation_url(public_url: &str, token: &str) -> String {
    url_with_segment(public_url, "invitations", token)
}

/// The invitation email's words in the row's language.
pub fn render(mail: &OutboxMail, content: &InvitationContent, public_url: &str) -> Rendered {
    let words = Words(crate::i18n::catalogue(mail.locale));
    let organisation = Arg::Text(&content.organisation);
    let inviter = Arg::Text(&content.inviter);
    let role_words = words.value("Role", content.role.as_str());
    let expires = content.expires_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let subject = words.msg(
        "email-invitation-subject",
        &[("inviter", inviter), ("organisation", organisation)],
    );
    let heading = words.msg(
        "email-invitation-heading",
        &[("organisation", organisation)],
    );
    let intro = words.msg(
        "email-invitation-intro",
        &[
            ("inviter", inviter),
            ("organisation", organisation),
            ("role", Arg::Text(&role_words)),
        ],
    );
    let action = words.msg("email-invitation-action", &[]);
    let validity = words.msg(
        "email-invitation-validity",
        &[("expires", Arg::Text(&expires)), ("inviter", inviter)],
    );
    let footer = words.msg(
        "email-invitation-footer",
        &[("inviter", inviter), ("email", Arg::Text(&content.email))],
    );
    let url = invitation_url(public_url, &content.token);
    let text = format!("{heading}\n\n{intro}\n\n{action}: {url}\n\n{validity}\n\n-- \n{footer}\n");
    let body = format!(
        "<p>{intro}</p>\n<p><a href=\"{url}\" style=\"display: inline-block; padding: 12px 20px; background: #0f6cbd; color: #ffffff; text-decoration: none; border-radius: 4px\">{action}</a></p>\n<p>{validity}</p>\n",
        intro = escape(&intro),
        url = escape(&url),
        action = escape(&action),
        validity = escape(&validity),
    );
    let html = page(mail.locale, &subject, &heading, &body, &footer);
    Rendered {
        subject,
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn mail(locale: Locale) -> OutboxMail {
        OutboxMail {
            id: "0123abcd".into(),
            recipient: "ines@partner.example".into(),
            locale,
            kind: MailKind::Invitation,
            day: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            content: String::new(),
            message_id: "<0123abcd@referral-desk>".into(),
            created_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap(),
            attempts: 1,
        }
    }

    fn content() -> InvitationContent {
        InvitationContent {
            organisation: "Fabrikam <Partners>".into(),
            inviter: "Ada Adler".into(),
            email: "ines@partner.example".into(),
            role: Role::ReferralsUser,
            expires_at: Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap(),
            token: "tok_en-1".into(),
        }
    }

    #[test]
    fn the_mail_carries_the_one_time_link_in_the_inviters_language() {
        let rendered = render(&mail(Locale::English), &content(), "http://desk.example/");
        assert_eq!(
            rendered.subject,
            "Ada Adler invited you to Fabrikam <Partners> on Referral Desk"
        );
        assert!(
            rendered
                .text
                .contains("Set your password: http://desk.example/invitations/tok_en-1\n"),
            "{}",
            rendered.text
        );
        assert!(
            rendered.text.contains("as Referrals user"),
            "{}",
            rendered.text
        );
        assert!(rendered.text.contains("2026-11-27 09:30 UTC"));
        assert!(
            rendered
                .html
                .contains("href=\"http://desk.example/invitations/tok_en-1\"")
        );
        assert!(rendered.html.contains("Fabrikam &lt;Partners&gt;"));
        let german = render(&mail(Locale::German), &content(), "http://desk.example");
        assert!(
            german
                .html
                .starts_with("<!DOCTYPE html>\n<html lang=\"de\">")
        );
        assert_ne!(german.subject, rendered.subject);
    }

    #[test]
    fn a_sent_mail_forgets_its_link() {
        let stored = content().to_json();
        let forgotten = InvitationContent::from_json(&without_link(&stored).unwrap()).unwrap();
        assert_eq!(forgotten.token, "");
        assert_eq!(forgotten.email, "ines@partner.example");
        assert_eq!(without_link("not json"), None);
    }
}
