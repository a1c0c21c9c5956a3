//! API keys: a partner admin makes, lists and revokes them; the secret is shown once and
//! stored only hashed — on SQLite and PostgreSQL.

mod support;

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::builders::{TestOrganisation, TestUser};

async fn create_key(session: &support::Session, name: &str) -> reqwest::Response {
    session
        .request(Method::POST, "/api/v1/api-keys")
        .json(&json!({ "name": name }))
        .send()
        .await
        .unwrap()
}

backend_tests! {
    async fn a_key_is_shown_once_and_never_listed_with_its_secret(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let response = create_key(&admin, "  CRM connector ").await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        let key = created["key"].as_str().unwrap();
        assert!(key.starts_with("rdk_") && key.len() > 40, "{key}");
        assert_eq!(created["name"], "CRM connector");

        let listed = admin.get_json("/api/v1/api-keys").await;
        let listed = listed.as_array().unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["id"], created["id"]);
        assert_eq!(listed[0]["createdAt"], created["createdAt"]);
        assert_eq!(listed[0]["createdBy"], "Ada Adler");
        assert_eq!(listed[0]["lastUsedAt"], Value::Null);
        let text = serde_json::to_string(listed).unwrap();
        assert!(!text.contains(key), "the secret is never listed");
        assert!(listed[0].get("key").is_none());

        // Only its hash is stored.
        let pool = app.pool().await;
        let stored: Vec<(String,)> = sqlx::query_as("SELECT secret_hash FROM api_keys")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].0, key);
        assert_eq!(stored[0].0.len(), 64);
    }

    async fn only_partner_admins_manage_keys(app) {
        for email in ["referrals@demo.test", "viewer@demo.test"] {
            let session = app.sign_in(email).await;
            assert_eq!(create_key(&session, "Mine").await.status(), StatusCode::FORBIDDEN, "{email}");
            assert_eq!(session.get("/api/v1/api-keys").await.status(), StatusCode::FORBIDDEN);
        }
        let admin = app.sign_in("admin@demo.test").await;
        let created: Value = create_key(&admin, "CRM").await.json().await.unwrap();
        let referrals_admin = app.sign_in("referrals@demo.test").await;
        let revoke = referrals_admin
            .request(Method::DELETE, &format!("/api/v1/api-keys/{}", created["id"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(revoke.status(), StatusCode::FORBIDDEN);
    }

    async fn a_key_needs_a_name_of_one_line(app) {
        let admin = app.sign_in("admin@demo.test").await;
        for name in ["", "   ", "two\nlines", &"x".repeat(101)] {
            let response = create_key(&admin, name).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["errors"][0]["field"], "name");
        }
        let response = create_key(&admin, "").await;
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["errors"][0]["code"], "error-key-name-required");
        assert_eq!(admin.get_json("/api/v1/api-keys").await, json!([]), "nothing stored");
    }

    async fn changes_need_the_anti_forgery_token(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let response = app
            .client
            .post(app.url("/api/v1/api-keys"))
            .header("cookie", &admin.cookie)
            .json(&json!({ "name": "CRM" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }

    async fn a_revoked_key_leaves_the_list_and_another_organisations_key_is_not_found(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let created: Value = create_key(&admin, "Old connector").await.json().await.unwrap();
        let path = format!("/api/v1/api-keys/{}", created["id"].as_str().unwrap());

        let pool = app.pool().await;
        let elsewhere = TestOrganisation::create(&pool).await;
        let other_admin = TestUser::new(Role::PartnerAdmin)
            .in_organisation(&elsewhere)
            .create(&pool)
            .await
            .sign_in(&app)
            .await;
        let foreign = other_admin.request(Method::DELETE, &path).send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
        assert_eq!(other_admin.get_json("/api/v1/api-keys").await, json!([]));

        let revoked = admin.request(Method::DELETE, &path).send().await.unwrap();
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(admin.get_json("/api/v1/api-keys").await, json!([]));
        let again = admin.request(Method::DELETE, &path).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NO_CONTENT, "revoking is idempotent");
        let unknown = admin.request(Method::DELETE, "/api/v1/api-keys/nope").send().await.unwrap();
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    }
}
