//! `GET /api/v1/referrals/export.csv`: the list as filtered, as CSV — each case on
//! SQLite and PostgreSQL.

mod support;

use std::io::Read as _;

use domain::export::{BOM, COLUMNS};
use domain::{SortDirection, SortKey};
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE,
};
use serde_json::Value;
use support::Session;

const EXPORT: &str = "/api/v1/referrals/export.csv";

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// The export's data rows (BOM and header checked and left out).
async fn exported(session: &Session, query: &str) -> Vec<csv::StringRecord> {
    let response = session.get(&format!("{EXPORT}?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "export of {query}");
    let text = response.text().await.unwrap();
    let text = text.strip_prefix(BOM).expect("the file starts with a BOM");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), COLUMNS.as_slice());
    reader.records().map(Result::unwrap).collect()
}

fn ids(rows: &[csv::StringRecord]) -> Vec<String> {
    rows.iter()
        .map(|row| row[column("Referral ID")].to_owned())
        .collect()
}

async fn listed_ids(session: &Session, query: &str) -> Vec<String> {
    let list = session
        .get_json(&format!("/api/v1/referrals?{query}&limit=1000"))
        .await;
    let list = list.as_array().unwrap();
    assert!(list.len() < 1000, "the whole list fits one page");
    list.iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn problem(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    response.json().await.unwrap()
}

backend_tests! {
    async fn the_export_is_a_dated_csv_attachment_with_a_bom_and_the_header(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let before = chrono::Utc::now().date_naive();
        let response = session.get(EXPORT).await;
        let after = chrono::Utc::now().date_naive();
        assert_eq!(response.status(), StatusCode::OK, "export.csv is not taken for a referral ID");
        assert_eq!(response.headers()[CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-store");
        let disposition = response.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert!(
            [before, after].iter().any(|day| disposition == format!("attachment; filename=\"referrals-{}.csv\"", day.format("%Y-%m-%d"))),
            "{disposition}"
        );
        let text = response.text().await.unwrap();
        let header = format!("{BOM}{}\r\n", COLUMNS.join(","));
        assert!(text.starts_with(&header), "{:?}", text.chars().take(300).collect::<String>());
        assert!(text.starts_with("\u{FEFF}Referral ID,LeadCreationDateTime,Updated date,"));
        let rows = exported(&session, "").await;
        assert_eq!(ids(&rows), listed_ids(&session, "").await, "every referral, newest first");
        assert!(rows.iter().all(|row| row.len() == COLUMNS.len()));
    }

    async fn the_filter_narrows_and_every_sort_gives_the_lists_order(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let narrowed = "stage=Inbox&country=DE&country=US";
        let rows = exported(&session, narrowed).await;
        assert!(!rows.is_empty());
        assert!(rows.len() < exported(&session, "").await.len());
        for row in &rows {
            assert_eq!(&row[column("Status")], "New");
            assert!(["DE", "US"].contains(&&row[column("Country")]), "{row:?}");
        }
        for filter in [narrowed, "q=a", ""] {
            for sort in SortKey::ALL {
                for direction in SortDirection::ALL {
                    let query = format!("{filter}&sort={}&dir={}", sort.as_str(), direction.as_str());
                    assert_eq!(ids(&exported(&session, &query).await), listed_ids(&session, &query).await, "{query}");
                }
            }
        }
    }

    async fn a_compressed_download_is_the_whole_file(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let plain = session.get(EXPORT).await.text().await.unwrap();
        let response = session.request(reqwest::Method::GET, EXPORT).header(ACCEPT_ENCODING, "gzip").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CONTENT_ENCODING], "gzip");
        let compressed = response.bytes().await.expect("the compressed body ends cleanly");
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(compressed.as_ref()).read_to_string(&mut unpacked).unwrap();
        assert_eq!(unpacked, plain);
    }

    async fn favorites_only_exports_the_users_own_favorites(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let colleague = app.sign_in("admin@demo.test").await;
        let all = listed_ids(&session, "").await;
        for (who, id) in [(&session, &all[3]), (&session, &all[40]), (&colleague, &all[7])] {
            let response = who.request(reqwest::Method::PUT, &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NO_CONTENT);
        }
        let favorites = ids(&exported(&session, "favorites=only").await);
        assert_eq!(favorites, vec![all[3].clone(), all[40].clone()]);
        assert_eq!(favorites, listed_ids(&session, "favorites=only").await);
        assert_eq!(ids(&exported(&session, "favorites=only&sort=created&dir=asc").await), vec![all[40].clone(), all[3].clone()]);
    }

    async fn expired_referrals_are_exported_without_contact_information(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let rows = exported(&session, "").await;
        let contact_columns = ["Contact name", "Contact email", "Email validity", "Contact phone", "Phone validity"].map(column);
        let expired: Vec<_> = rows.iter().filter(|row| &row[column("Substatus")] == "Expired").collect();
        assert!(!expired.is_empty(), "the demo has expired referrals");
        for row in expired {
            for at in contact_columns {
                assert_eq!(&row[at], "", "{} of {:?}", COLUMNS[at], row);
            }
        }
        assert!(rows.iter().any(|row| &row[column("Substatus")] == "Received" && row[column("Contact email")].contains('@')));
    }

    async fn roles_that_may_not_export_get_403(app) {
        for (email, role) in [("viewer@demo.test", "Viewers"), ("user@demo.test", "Referrals users"), ("profile@demo.test", "Business profile admins")] {
            let session = app.sign_in(email).await;
            let body = problem(session.get(EXPORT).await, StatusCode::FORBIDDEN).await;
            assert_eq!(
                body["detail"],
                format!("{role} can view referrals but not export them. Ask a partner admin or referrals admin to export this list."),
                "{email}"
            );
        }
        let admin = app.sign_in("admin@demo.test").await;
        assert_eq!(admin.get(EXPORT).await.status(), StatusCode::OK);
    }

    async fn a_bad_filter_value_answers_400_naming_the_parameter(app) {
        let session = app.sign_in("referrals@demo.test").await;
        for (query, parameter) in [("country=XX", "country"), ("sort=price", "sort"), ("dir=up", "dir"), ("favorites=maybe", "favorites")] {
            let body = problem(session.get(&format!("{EXPORT}?{query}")).await, StatusCode::BAD_REQUEST).await;
            assert!(body["detail"].as_str().unwrap().contains(parameter), "{query}: {body}");
        }
        // The list's paging does not apply: the export is the whole filtered list.
        assert_eq!(exported(&session, "limit=5").await.len(), exported(&session, "").await.len());
    }

    async fn signed_out_the_export_answers_401(app) {
        let body = problem(app.get(EXPORT).await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["detail"], "Sign in to continue.");
    }

    async fn referrals_stored_before_the_sort_columns_are_ordered_after_a_restart(app) {
        // As an older server left them: the derived sort columns empty, the projection outdated.
        sqlx::query("UPDATE referrals SET answer_expires_at = NULL, deal_value_key = NULL, \
                     best_email_rank = NULL, best_phone_rank = NULL, projection_version = 0")
            .execute(&app.pool().await)
            .await
            .unwrap();
        app.start().await;
        let session = app.sign_in("referrals@demo.test").await;
        for sort in [SortKey::DealValue, SortKey::Expiry, SortKey::EmailValidity, SortKey::PhoneValidity] {
            let query = format!("sort={}&dir=asc", sort.as_str());
            assert_eq!(ids(&exported(&session, &query).await), listed_ids(&session, &query).await, "{query}");
        }
    }

    async fn a_database_failure_part_way_ends_the_download_with_an_error(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let oldest = listed_ids(&session, "sort=created&dir=asc").await.remove(0);
        sqlx::query("UPDATE referrals SET document = 'not JSON' WHERE id = $1")
            .bind(&oldest)
            .execute(&app.pool().await)
            .await
            .unwrap();
        let response = session.get(EXPORT).await;
        assert_eq!(response.status(), StatusCode::OK, "the file had begun");
        assert!(response.bytes().await.is_err(), "the body ends in an error, not as a complete file");
    }
}
