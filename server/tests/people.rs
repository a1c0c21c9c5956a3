//! People: a partner admin invites a colleague (the link works once, for 7 days),
//! revokes an invitation, deactivates a person (their sessions end at once, they cannot
//! sign in, hear of no lead) and everyone changes their own password — each case on
//! SQLite and PostgreSQL.

mod support;

use chrono::{Duration, Utc};
use domain::{CallToAction, Role};
use referral_desk_server::arrivals;
use referral_desk_server::db::{self, Pool};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::builders::{TestOrganisation, TestReferral, TestUser};
use support::{Session, TestApp, session_cookie};

const NEW_PASSWORD: &str = "a long new passphrase";

/// An organisation of the test's own with a partner admin, signed in.
async fn organisation_with_admin(app: &TestApp) -> (TestOrganisation, TestUser, Session) {
    let pool = app.pool().await;
    let organisation = TestOrganisation::create(&pool).await;
    let admin = TestUser::new(Role::PartnerAdmin)
        .in_organisation(&organisation)
        .create(&pool)
        .await;
    let session = admin.sign_in(app).await;
    (organisation, admin, session)
}

/// A fresh address nobody has.
fn new_address(who: &str) -> String {
    format!("{who}-{}@invited.test", uuid::Uuid::new_v4().simple())
}

async fn invite(session: &Session, email: &str, role: &str) -> reqwest::Response {
    session
        .request(Method::POST, "/api/v1/invitations")
        .json(&json!({ "email": email, "role": role }))
        .send()
        .await
        .unwrap()
}

/// The token of the newest invitation mail to `email`, read from the outbox row (which
/// holds the link until the mail is sent).
async fn token_mailed_to(pool: &Pool, email: &str) -> String {
    let (content,): (String,) = sqlx::query_as(
        "SELECT content FROM mail_outbox WHERE recipient = $1 AND kind = 'invitation' ORDER BY created_at DESC LIMIT 1",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .expect("an invitation mail is queued");
    let content: Value = serde_json::from_str(&content).unwrap();
    content["token"].as_str().unwrap().to_owned()
}

async fn accept(app: &TestApp, token: &str, name: &str, password: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/invitation-links/{token}/accept"),
        &json!({ "name": name, "password": password }),
    )
    .await
}

/// The `code` of a problem answer with `status`.
async fn code(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    body["code"].as_str().unwrap_or_default().to_owned()
}

async fn sign_in_as(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/session",
        &json!({ "email": email, "password": password }),
    )
    .await
}

async fn people(session: &Session) -> Value {
    session.get_json("/api/v1/people").await
}

fn person<'a>(people: &'a Value, email: &str) -> &'a Value {
    people["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["email"] == email)
        .unwrap_or_else(|| panic!("{email} is listed: {people}"))
}

backend_tests! {
    async fn an_invited_colleague_sets_a_password_with_the_link_and_is_signed_in(app) {
        let pool = app.pool().await;
        let (organisation, admin, session) = organisation_with_admin(&app).await;
        let email = new_address("ines");
        let invited = invite(&session, &email.to_uppercase(), "ReferralsUser").await;
        assert_eq!(invited.status(), StatusCode::CREATED);
        let invitation: Value = invited.json().await.unwrap();
        assert_eq!(invitation["email"], email, "stored lower-case");
        assert_eq!(invitation["role"], "ReferralsUser");
        assert_eq!(invitation["invitedBy"], admin.name);
        let created: chrono::DateTime<Utc> = invitation["createdAt"].as_str().unwrap().parse().unwrap();
        let expires: chrono::DateTime<Utc> = invitation["expiresAt"].as_str().unwrap().parse().unwrap();
        assert_eq!(expires - created, Duration::days(7));
        let listed = people(&session).await;
        assert_eq!(listed["invitations"][0]["email"], email);
        assert_eq!(listed["invitations"][0]["expired"], false);

        // Only the token's hash is stored.
        let token = token_mailed_to(&pool, &email).await;
        let (stored,): (String,) = sqlx::query_as("SELECT token_hash FROM invitations WHERE email = $1")
            .bind(&email).fetch_one(&pool).await.unwrap();
        assert_ne!(stored, token);
        assert_eq!(stored.len(), 64);

        // The link, without a session, says who invites whom to what.
        let link = app.get(&format!("/api/v1/invitation-links/{token}")).await;
        assert_eq!(link.status(), StatusCode::OK);
        let link: Value = link.json().await.unwrap();
        assert_eq!(link["organisation"], organisation.name);
        assert_eq!(link["email"], email);
        assert_eq!(link["role"], "ReferralsUser");
        assert_eq!(link["invitedBy"], admin.name);

        let accepted = accept(&app, &token, "  Ines Duarte ", NEW_PASSWORD).await;
        assert_eq!(accepted.status(), StatusCode::CREATED);
        let cookie = session_cookie(&accepted).expect("signed in at once");
        let me: Value = accepted.json().await.unwrap();
        assert_eq!(me["user"]["email"], email);
        assert_eq!(me["user"]["name"], "Ines Duarte");
        assert_eq!(me["role"], "ReferralsUser");
        assert_eq!(me["organisation"]["id"], organisation.id);
        let whoami = app.client.get(app.url("/api/v1/me")).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(whoami.status(), StatusCode::OK, "the cookie is a session");

        // The link worked once; the password signs in from now on.
        assert_eq!(code(accept(&app, &token, "Ines", NEW_PASSWORD).await, StatusCode::GONE).await, "invitation-used");
        assert_eq!(code(app.get(&format!("/api/v1/invitation-links/{token}")).await, StatusCode::GONE).await, "invitation-used");
        assert_eq!(sign_in_as(&app, &email, NEW_PASSWORD).await.status(), StatusCode::OK);
        let listed = people(&session).await;
        assert_eq!(listed["invitations"], json!([]), "a used invitation is no longer pending");
        let ines = person(&listed, &email);
        assert_eq!(ines["active"], true);
        assert_eq!(ines["role"], "ReferralsUser");
        assert!(ines["lastSignedInAt"].is_string());
        let pickers = session.get_json("/api/v1/users").await;
        assert!(pickers.as_array().unwrap().iter().any(|u| u["email"] == email));
    }

    async fn an_expired_link_is_refused_and_the_address_can_be_invited_again(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        let email = new_address("late");
        assert_eq!(invite(&session, &email, "Viewer").await.status(), StatusCode::CREATED);
        let token = token_mailed_to(&pool, &email).await;
        // Eight days pass for the invitation.
        let past = db::stored_time(Utc::now() - Duration::days(1));
        sqlx::query("UPDATE invitations SET expires_at = $1 WHERE email = $2")
            .bind(&past).bind(&email).execute(&pool).await.unwrap();
        assert_eq!(code(app.get(&format!("/api/v1/invitation-links/{token}")).await, StatusCode::GONE).await, "invitation-expired");
        assert_eq!(code(accept(&app, &token, "Late", NEW_PASSWORD).await, StatusCode::GONE).await, "invitation-expired");
        assert_eq!(people(&session).await["invitations"][0]["expired"], true);
        assert_eq!(sign_in_as(&app, &email, NEW_PASSWORD).await.status(), StatusCode::UNAUTHORIZED, "no account was made");

        // Invited again: a new link works, the old one still says it expired.
        assert_eq!(invite(&session, &email, "Viewer").await.status(), StatusCode::CREATED);
        let fresh = token_mailed_to(&pool, &email).await;
        assert_ne!(fresh, token);
        let pending = people(&session).await["invitations"].clone();
        assert_eq!(pending.as_array().unwrap().len(), 1, "{pending}");
        assert_eq!(pending[0]["expired"], false);
        assert_eq!(code(app.get(&format!("/api/v1/invitation-links/{token}")).await, StatusCode::GONE).await, "invitation-expired");
        assert_eq!(accept(&app, &fresh, "Late", NEW_PASSWORD).await.status(), StatusCode::CREATED);
    }

    async fn a_revoked_invitation_is_refused_and_a_used_one_cannot_be_revoked(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        let email = new_address("withdrawn");
        let invitation: Value = invite(&session, &email, "ReferralsAdmin").await.json().await.unwrap();
        let token = token_mailed_to(&pool, &email).await;
        let path = format!("/api/v1/invitations/{}", invitation["id"].as_str().unwrap());
        let revoked = session.request(Method::DELETE, &path).send().await.unwrap();
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(code(app.get(&format!("/api/v1/invitation-links/{token}")).await, StatusCode::GONE).await, "invitation-revoked");
        assert_eq!(code(accept(&app, &token, "Withdrawn", NEW_PASSWORD).await, StatusCode::GONE).await, "invitation-revoked");
        assert_eq!(people(&session).await["invitations"], json!([]));
        assert_eq!(session.request(Method::DELETE, &path).send().await.unwrap().status(), StatusCode::NO_CONTENT, "again: no change");

        let used_email = new_address("used");
        let used: Value = invite(&session, &used_email, "Viewer").await.json().await.unwrap();
        let used_token = token_mailed_to(&pool, &used_email).await;
        assert_eq!(accept(&app, &used_token, "Used", NEW_PASSWORD).await.status(), StatusCode::CREATED);
        let refused = session.request(Method::DELETE, &format!("/api/v1/invitations/{}", used["id"].as_str().unwrap())).send().await.unwrap();
        assert_eq!(code(refused, StatusCode::CONFLICT).await, "invitation-used");
        let unknown = session.request(Method::DELETE, "/api/v1/invitations/no-such-invitation").send().await.unwrap();
        assert_eq!(code(unknown, StatusCode::NOT_FOUND).await, "invitation-not-found");
    }

    async fn two_accepts_at_once_make_one_account(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        let email = new_address("twice");
        assert_eq!(invite(&session, &email, "Viewer").await.status(), StatusCode::CREATED);
        let token = token_mailed_to(&pool, &email).await;
        let (a, b) = tokio::join!(
            accept(&app, &token, "First tab", NEW_PASSWORD),
            accept(&app, &token, "Second tab", "another long passphrase"),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::GONE], "exactly one accept wins");
        let (accounts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(&email).fetch_one(&pool).await.unwrap();
        assert_eq!(accounts, 1);
    }

    async fn an_address_gets_one_open_invitation_and_none_once_it_has_an_account(app) {
        let (_organisation, admin, session) = organisation_with_admin(&app).await;
        let email = new_address("once");
        let (a, b) = tokio::join!(invite(&session, &email, "Viewer"), invite(&session, &email, "ReferralsUser"));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT], "concurrent invitations: one is stored");
        let again = invite(&session, &email, "Viewer").await;
        let body: Value = again.json().await.unwrap();
        assert_eq!(body["code"], "invitation-open", "{body}");
        assert_eq!(body["params"]["email"], email);
        assert_eq!(people(&session).await["invitations"].as_array().unwrap().len(), 1);

        // A colleague's address (here the admin's own, written otherwise) is not invited.
        let colleague = invite(&session, &format!("  {} ", admin.email.to_uppercase()), "Viewer").await;
        assert_eq!(code(colleague, StatusCode::CONFLICT).await, "email-has-account");
    }

    async fn an_invitation_does_not_tell_whether_another_organisation_has_the_address(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        // The demo organisation's user: answered as any address nobody has.
        let elsewhere = invite(&session, "  User@Demo.test ", "Viewer").await;
        assert_eq!(elsewhere.status(), StatusCode::CREATED);
        let unknown = invite(&session, &new_address("nobody"), "Viewer").await;
        assert_eq!(unknown.status(), StatusCode::CREATED);
        let (a, b): (Value, Value) = (elsewhere.json().await.unwrap(), unknown.json().await.unwrap());
        let fields = |body: &Value| body.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(fields(&a), fields(&b), "{a} {b}");
        // The address's owner, following the link, is told and no second account is made.
        let token = token_mailed_to(&pool, "user@demo.test").await;
        let accepted = accept(&app, &token, "Someone", NEW_PASSWORD).await;
        assert_eq!(code(accepted, StatusCode::CONFLICT).await, "email-has-account");
        let (accounts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'user@demo.test'")
            .fetch_one(&pool).await.unwrap();
        assert_eq!(accounts, 1);
    }

    async fn bad_invitations_and_acceptances_name_the_field(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        let refused = session.request(Method::POST, "/api/v1/invitations")
            .json(&json!({ "email": "not an address", "role": "Boss", "name": "a\nb" })).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = refused.json().await.unwrap();
        let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["email", "role", "name"], "{body}");
        assert_eq!(body["errors"][1]["code"], "error-role");

        let email = new_address("weak");
        assert_eq!(invite(&session, &email, "Viewer").await.status(), StatusCode::CREATED);
        let token = token_mailed_to(&pool, &email).await;
        let weak = accept(&app, &token, " ", "short").await;
        assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = weak.json().await.unwrap();
        assert_eq!(body["errors"][0]["code"], "error-person-name-required", "{body}");
        assert_eq!(body["errors"][1]["field"], "password");
        assert_eq!(body["errors"][1]["code"], "error-password-too-short");
        assert_eq!(body["errors"][1]["message"], "Use at least 12 characters for the password.");
        assert_eq!(app.get(&format!("/api/v1/invitation-links/{token}")).await.status(), StatusCode::OK, "a refused form uses nothing up");

        for unknown in ["nope", &"A".repeat(43), &"%2F".repeat(20)] {
            let response = app.get(&format!("/api/v1/invitation-links/{unknown}")).await;
            assert_eq!(code(response, StatusCode::NOT_FOUND).await, "invitation-link-unknown", "{unknown}");
        }
    }

    async fn a_deactivated_person_is_signed_out_at_once_and_cannot_sign_in(app) {
        let pool = app.pool().await;
        let (organisation, _admin, session) = organisation_with_admin(&app).await;
        let leaver = TestUser::new(Role::ReferralsAdmin).in_organisation(&organisation).create(&pool).await;
        let leavers = leaver.sign_in(&app).await;
        let on_phone = leaver.sign_in(&app).await;
        assert_eq!(leavers.get("/api/v1/me").await.status(), StatusCode::OK);

        let deactivated = session.request(Method::POST, &format!("/api/v1/users/{}/deactivate", leaver.id)).send().await.unwrap();
        assert_eq!(deactivated.status(), StatusCode::OK);
        let body: Value = deactivated.json().await.unwrap();
        assert_eq!(body["active"], false);
        assert!(body["deactivatedAt"].is_string());

        for open in [&leavers, &on_phone] {
            assert_eq!(open.get("/api/v1/me").await.status(), StatusCode::UNAUTHORIZED, "every session ended");
        }
        let (sessions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
            .bind(&leaver.id).fetch_one(&pool).await.unwrap();
        assert_eq!(sessions, 0);
        // The same answer as a wrong password: nothing tells that the account exists.
        let refused = sign_in_as(&app, &leaver.email, leaver.password).await;
        assert_eq!(code(refused, StatusCode::UNAUTHORIZED).await, "invalid-credentials");
        let pickers = session.get_json("/api/v1/users").await;
        assert!(!pickers.as_array().unwrap().iter().any(|u| u["email"] == leaver.email.as_str()), "left out of team pickers");
        assert_eq!(person(&people(&session).await, &leaver.email)["active"], false);
        // Deactivating again changes nothing.
        let again = session.request(Method::POST, &format!("/api/v1/users/{}/deactivate", leaver.id)).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::OK);

        let back = session.request(Method::POST, &format!("/api/v1/users/{}/reactivate", leaver.id)).send().await.unwrap();
        assert_eq!(back.status(), StatusCode::OK);
        assert_eq!(sign_in_as(&app, &leaver.email, leaver.password).await.status(), StatusCode::OK, "reactivated: the old password works");
    }

    async fn a_deactivated_person_hears_of_no_lead(app) {
        let pool = app.pool().await;
        let (organisation, admin, session) = organisation_with_admin(&app).await;
        let leaver = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let deactivated = session.request(Method::POST, &format!("/api/v1/users/{}/deactivate", leaver.id)).send().await.unwrap();
        assert_eq!(deactivated.status(), StatusCode::OK);

        let mut lead = TestReferral::inbox().build();
        lead.call_to_action = Some(CallToAction::ContactMe);
        let now = Utc::now();
        let mut transaction = pool.begin().await.unwrap();
        db::referrals::insert(&mut transaction, &organisation.id, [&lead]).await.unwrap();
        arrivals::lead_arrived(&mut transaction, &organisation.id, &lead, now).await.unwrap();
        transaction.commit().await.unwrap();

        let recipients: Vec<(String,)> = sqlx::query_as("SELECT recipient FROM mail_outbox WHERE organisation_id = $1")
            .bind(&organisation.id).fetch_all(&pool).await.unwrap();
        assert_eq!(recipients, vec![(admin.email.clone(),)], "only the active partner admin is emailed");
        let bells: Vec<(String,)> = sqlx::query_as("SELECT user_id FROM notification_items WHERE referral_id = $1")
            .bind(&lead.id).fetch_all(&pool).await.unwrap();
        assert_eq!(bells, vec![(admin.id.clone(),)], "only active people get a bell item");
    }

    async fn a_deactivated_admins_open_invitations_no_longer_work(app) {
        let pool = app.pool().await;
        let (organisation, _admin, session) = organisation_with_admin(&app).await;
        let leaver = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let leavers = leaver.sign_in(&app).await;
        let email = new_address("private");
        assert_eq!(invite(&leavers, &email, "PartnerAdmin").await.status(), StatusCode::CREATED);
        let token = token_mailed_to(&pool, &email).await;
        let deactivated = session.request(Method::POST, &format!("/api/v1/users/{}/deactivate", leaver.id)).send().await.unwrap();
        assert_eq!(deactivated.status(), StatusCode::OK);
        assert_eq!(code(accept(&app, &token, "Back door", NEW_PASSWORD).await, StatusCode::GONE).await, "invitation-revoked");
    }

    async fn nobody_deactivates_themselves_and_two_admins_at_once_leave_one(app) {
        let pool = app.pool().await;
        let (organisation, admin, session) = organisation_with_admin(&app).await;
        let own = session.request(Method::POST, &format!("/api/v1/users/{}/deactivate", admin.id)).send().await.unwrap();
        assert_eq!(code(own, StatusCode::FORBIDDEN).await, "own-account");

        let other = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let others = other.sign_in(&app).await;
        let deactivate = |by: &Session, id: &str| {
            by.request(Method::POST, &format!("/api/v1/users/{id}/deactivate")).send()
        };
        let (a, b) = tokio::join!(deactivate(&session, &other.id), deactivate(&others, &admin.id));
        let statuses = [a.unwrap().status(), b.unwrap().status()];
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "exactly one deactivation happens: {statuses:?}");
        let (admins,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM users WHERE organisation_id = $1 AND role = 'PartnerAdmin' AND deactivated_at IS NULL",
        )
        .bind(&organisation.id).fetch_one(&pool).await.unwrap();
        assert_eq!(admins, 1);
    }

    async fn other_organisations_ids_are_unknown_and_only_partner_admins_manage_people(app) {
        let pool = app.pool().await;
        let (_organisation, _admin, session) = organisation_with_admin(&app).await;
        let demo = app.sign_in("admin@demo.test").await;
        let email = new_address("foreign");
        let foreign: Value = invite(&demo, &email, "Viewer").await.json().await.unwrap();
        let foreign_id = foreign["id"].as_str().unwrap();
        let demo_user = TestUser::new(Role::Viewer).create(&pool).await;
        for (method, path, expected) in [
            (Method::DELETE, format!("/api/v1/invitations/{foreign_id}"), "invitation-not-found"),
            (Method::POST, format!("/api/v1/users/{}/deactivate", demo_user.id), "user-not-found"),
            (Method::POST, format!("/api/v1/users/{}/reactivate", demo_user.id), "user-not-found"),
        ] {
            let response = session.request(method, &path).send().await.unwrap();
            assert_eq!(code(response, StatusCode::NOT_FOUND).await, expected, "{path}");
        }
        assert!(!people(&session).await.to_string().contains(&email), "another organisation's invitations stay there");
        assert_eq!(demo.get("/api/v1/me").await.status(), StatusCode::OK);

        for role in [Role::ReferralsAdmin, Role::ReferralsUser, Role::BusinessProfileAdmin, Role::Viewer] {
            let member = TestUser::new(role).create(&pool).await.sign_in(&app).await;
            assert_eq!(code(member.get("/api/v1/people").await, StatusCode::FORBIDDEN).await, "people-partner-admins-only", "{role:?}");
            assert_eq!(code(invite(&member, &new_address("x"), "Viewer").await, StatusCode::FORBIDDEN).await, "people-partner-admins-only");
            let deactivate = member.request(Method::POST, &format!("/api/v1/users/{}/deactivate", demo_user.id)).send().await.unwrap();
            assert_eq!(code(deactivate, StatusCode::FORBIDDEN).await, "people-partner-admins-only");
            let revoke = member.request(Method::DELETE, &format!("/api/v1/invitations/{foreign_id}")).send().await.unwrap();
            assert_eq!(revoke.status(), StatusCode::FORBIDDEN);
        }
    }

    async fn a_password_change_needs_the_current_one_and_ends_the_other_sessions(app) {
        let pool = app.pool().await;
        let user = TestUser::new(Role::ReferralsUser).create(&pool).await;
        let here = user.sign_in(&app).await;
        let elsewhere = user.sign_in(&app).await;
        let change = |current: &str, new: &str| {
            here.request(Method::PUT, "/api/v1/me/password")
                .json(&json!({ "currentPassword": current, "newPassword": new }))
                .send()
        };
        let wrong = change("not my password", NEW_PASSWORD).await.unwrap();
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = wrong.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "currentPassword");
        assert_eq!(body["errors"][0]["code"], "error-current-password");
        let short = change(user.password, "too short").await.unwrap();
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = short.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "newPassword");
        assert_eq!(elsewhere.get("/api/v1/me").await.status(), StatusCode::OK, "a refused change ends nothing");

        assert_eq!(change(user.password, NEW_PASSWORD).await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(here.get("/api/v1/me").await.status(), StatusCode::OK, "this session stays");
        assert_eq!(elsewhere.get("/api/v1/me").await.status(), StatusCode::UNAUTHORIZED, "the others end");
        assert_eq!(sign_in_as(&app, &user.email, user.password).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(sign_in_as(&app, &user.email, NEW_PASSWORD).await.status(), StatusCode::OK);
    }

    async fn wrong_current_passwords_count_toward_the_sign_in_throttle(app) {
        let pool = app.pool().await;
        let user = TestUser::new(Role::Viewer).create(&pool).await;
        let session = user.sign_in(&app).await;
        let mut statuses = Vec::new();
        for _ in 0..6 {
            let response = session.request(Method::PUT, "/api/v1/me/password")
                .json(&json!({ "currentPassword": "guess guess guess", "newPassword": NEW_PASSWORD }))
                .send().await.unwrap();
            statuses.push(response.status());
        }
        assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
        let throttled = sign_in_as(&app, &user.email, user.password).await;
        assert_eq!(code(throttled, StatusCode::TOO_MANY_REQUESTS).await, "too-many-sign-ins");
    }
}
