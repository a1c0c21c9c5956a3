//! The user's language: kept in the account, answered by `/me`, and the language the
//! CSV export's header row is written in — on SQLite and PostgreSQL.

mod support;

use domain::export::COLUMN_MESSAGES;
use domain::i18n::{Catalogue, Locale, bundled_sources};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The header row as the catalogue words it (no cell of it needs quoting).
fn expected_header(locale: Locale) -> String {
    let catalogue = Catalogue::parse(locale, bundled_sources(locale)).unwrap();
    let cells: Vec<String> = COLUMN_MESSAGES
        .iter()
        .map(|id| catalogue.format(id, &[]))
        .collect();
    cells.join(",")
}

/// The first line of the session's export, asked with `accept_language`.
async fn export_header(session: &support::Session, accept_language: Option<&str>) -> String {
    let mut request = session.request(Method::GET, "/api/v1/referrals/export.csv");
    if let Some(languages) = accept_language {
        request = request.header("accept-language", languages);
    }
    let body = request.send().await.unwrap().text().await.unwrap();
    body.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

backend_tests! {
    async fn a_chosen_language_is_kept_in_the_account(app) {
        let session = app.sign_in("admin@demo.test").await;
        let me = session.get_json("/api/v1/me").await;
        assert_eq!(me.get("locale"), None, "nobody has chosen yet: {me}");

        let chosen = session
            .request(Method::PUT, "/api/v1/me/locale")
            .json(&json!({ "locale": "ru" }))
            .send()
            .await
            .unwrap();
        assert_eq!(chosen.status(), StatusCode::NO_CONTENT);
        assert_eq!(session.get_json("/api/v1/me").await["locale"], "ru");

        // A new session (another device) finds it too.
        let elsewhere = app.sign_in("admin@demo.test").await;
        assert_eq!(elsewhere.get_json("/api/v1/me").await["locale"], "ru");
    }

    async fn a_language_the_product_does_not_speak_is_refused_by_name(app) {
        let session = app.sign_in("admin@demo.test").await;
        for body in [json!({ "locale": "fr" }), json!({ "locale": "de-DE" }), json!({ "locale": "" })] {
            let refused = session
                .request(Method::PUT, "/api/v1/me/locale")
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            let problem: Value = refused.json().await.unwrap();
            assert_eq!(problem["errors"][0]["field"], "locale", "{problem}");
            assert!(
                problem["errors"][0]["message"].as_str().unwrap().contains("en, de, zh, ru"),
                "{problem}"
            );
        }
        let missing = session
            .request(Method::PUT, "/api/v1/me/locale")
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        // A body without the field is malformed, as for every JSON body of the API.
        assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
        assert_eq!(session.get_json("/api/v1/me").await.get("locale"), None);
    }

    async fn the_export_is_headed_in_the_users_language(app) {
        let session = app.sign_in("admin@demo.test").await;
        assert!(export_header(&session, None).await.starts_with("Referral ID,LeadCreationDateTime,"));

        // Before choosing, the browser's language decides.
        let german = export_header(&session, Some("de-DE,de;q=0.9,en;q=0.8")).await;
        assert_eq!(german, expected_header(Locale::German));
        assert!(!german.starts_with("Referral ID"), "{german}");

        // The account's choice wins over the browser's.
        session
            .request(Method::PUT, "/api/v1/me/locale")
            .json(&json!({ "locale": "zh" }))
            .send()
            .await
            .unwrap();
        let chinese = export_header(&session, Some("de-DE")).await;
        assert_eq!(chinese, expected_header(Locale::Chinese));
        assert!(!chinese.is_ascii(), "{chinese}");
    }
}
