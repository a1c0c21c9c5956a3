//! Crash safety: the real server binary is killed with SIGKILL in the middle of a stream
//! of writes (hearts and accepts with idempotency keys), on SQLite and on PostgreSQL.
//! After a restart every acknowledged write is there, and nothing is half-stored: each
//! heart has its feed entry, no change number is ahead of its organisation's counter,
//! and every stored idempotent answer matches the referral it describes.

mod support;

use support::accept_form;

use std::collections::HashSet;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The server binary on `database_url`, and its base URL once it listens.
async fn start(database_url: &str, static_dir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referral-desk-server"))
        .args([
            "--bind",
            "127.0.0.1:0",
            "--seed-demo",
            "--job-interval",
            "0",
            "--database-url",
            database_url,
        ])
        .arg("--static-dir")
        .arg(static_dir)
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(120), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("Referral Desk is running at ") {
                return url.trim().to_owned();
            }
        }
        panic!("the server exited before it listened");
    })
    .await
    .expect("the server listens within two minutes");
    // Keep reading stdout so the server never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, url)
}

struct Client {
    http: reqwest::Client,
    base: String,
    cookie: String,
    csrf: String,
}

impl Client {
    async fn sign_in(base: &str) -> Client {
        let http = reqwest::Client::new();
        let response = http
            .post(format!("{base}/api/v1/session"))
            .json(&json!({ "email": "admin@demo.test", "password": support::DEMO_PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let me: Value = response.json().await.unwrap();
        Client {
            http,
            base: base.to_owned(),
            cookie,
            csrf: me["csrfToken"].as_str().unwrap().to_owned(),
        }
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .timeout(Duration::from_secs(10))
    }

    async fn json(&self, path: &str) -> Value {
        self.request(Method::GET, path)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

async fn kill_during_writes(database_url: &str) {
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("index.html"), support::INDEX_HTML).unwrap();
    let (mut server, base) = start(database_url, files.path()).await;
    let client = Arc::new(Client::sign_in(&base).await);
    let all = client.json("/api/v1/referrals?limit=1000").await;
    let hearts: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let inbox = client
        .json("/api/v1/referrals?stage=Inbox&callToAction=ContactMe&limit=1000")
        .await;
    let accepts: Vec<Value> = inbox.as_array().unwrap().iter().take(60).cloned().collect();

    let hearted = Arc::new(Mutex::new(HashSet::new()));
    let accepted = Arc::new(Mutex::new(HashSet::new()));
    let mut writers = Vec::new();
    for lane in 0..3 {
        let (client, hearted) = (client.clone(), hearted.clone());
        let ids: Vec<String> = hearts.iter().skip(lane).step_by(3).cloned().collect();
        writers.push(tokio::spawn(async move {
            for id in ids {
                match client
                    .request(Method::PUT, &format!("/api/v1/referrals/{id}/favorite"))
                    .send()
                    .await
                {
                    Ok(response) if response.status() == StatusCode::NO_CONTENT => {
                        hearted.lock().unwrap().insert(id);
                    }
                    _ => return,
                }
            }
        }));
    }
    {
        let (client, accepted) = (client.clone(), accepted.clone());
        writers.push(tokio::spawn(async move {
            for referral in accepts {
                let id = referral["id"].as_str().unwrap().to_owned();
                let sent = client
                    .request(Method::POST, &format!("/api/v1/referrals/{id}/accept"))
                    .header(
                        "if-match",
                        format!("\"{}\"", referral["eTag"].as_str().unwrap()),
                    )
                    .header("idempotency-key", format!("crash-{id}"))
                    .json(&accept_form())
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == StatusCode::OK => {
                        accepted.lock().unwrap().insert(id);
                    }
                    _ => return,
                }
            }
        }));
    }
    // Let a good number of writes be acknowledged, then pull the plug mid-stream.
    tokio::time::timeout(Duration::from_secs(60), async {
        while hearted.lock().unwrap().len() < 60 || accepted.lock().unwrap().len() < 10 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("writes are acknowledged");
    server.start_kill().expect("SIGKILL");
    server.wait().await.unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let hearted = hearted.lock().unwrap().clone();
    let accepted = accepted.lock().unwrap().clone();
    assert!(
        hearted.len() < hearts.len() || accepted.len() < 60,
        "the kill came mid-stream"
    );

    let (_server, base) = start(database_url, files.path()).await;
    let client = Client::sign_in(&base).await;
    let favorites = client
        .json("/api/v1/referrals?favorites=only&limit=1000")
        .await;
    let stored: HashSet<String> = favorites
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        hearted.is_subset(&stored),
        "acknowledged hearts lost: {:?}",
        hearted.difference(&stored).collect::<Vec<_>>()
    );
    for id in &accepted {
        let referral = client.json(&format!("/api/v1/referrals/{id}")).await;
        assert_eq!(
            referral["substatus"], "Accepted",
            "acknowledged accept lost: {id}"
        );
    }

    let pool = referral_desk_server::db::connect_and_migrate(database_url)
        .await
        .unwrap();
    let (unfed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM favorites f LEFT JOIN favorite_changes c \
         ON c.user_id = f.user_id AND c.referral_id = f.referral_id WHERE c.referral_id IS NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unfed, 0, "every heart has its feed entry");
    let (ahead,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM referrals r JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.change_number > o.last_change",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(ahead, 0, "no change is ahead of its organisation's counter");
    let answered: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT idempotency_key, response_etag FROM idempotency_keys WHERE response_status = 200",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for (key, etag) in answered {
        let id = key.strip_prefix("crash-").unwrap();
        let referral = client.json(&format!("/api/v1/referrals/{id}")).await;
        assert_eq!(
            referral["substatus"], "Accepted",
            "a stored answer without its write: {key}"
        );
        assert_eq!(
            etag.as_deref().map(|e| e.trim_matches('"').to_owned()),
            referral["eTag"].as_str().map(str::to_owned)
        );
    }
}

#[tokio::test]
async fn sqlite_keeps_every_acknowledged_write_through_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    kill_during_writes(&format!("sqlite://{}/desk.db", dir.path().display())).await;
}

#[tokio::test]
async fn postgres_keeps_every_acknowledged_write_through_a_kill() {
    let Some(database) = support::create_postgres_database().await else {
        return;
    };
    kill_during_writes(&support::postgres_url_for(&database)).await;
    use sqlx::Connection as _;
    let mut admin = sqlx::PgConnection::connect(&support::postgres_admin_url())
        .await
        .unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
}
