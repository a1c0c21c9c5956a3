//! How the built app's own files are served: the offline worker and the web app
//! manifest are revalidated on every load (a deploy must reach installed apps),
//! Trunk's hashed files are kept for a year. Static files do not touch the
//! database, so these cases run on SQLite only.

mod support;

use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use support::{Backend, HASHED_ASSET, TestApp};

/// A test app whose static directory also holds what Trunk copies unhashed.
async fn app_with_unhashed_files() -> TestApp {
    let app = TestApp::spawn(Backend::Sqlite)
        .await
        .expect("SQLite is always available");
    let dir = app.static_dir();
    std::fs::write(
        dir.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    std::fs::write(
        dir.join("manifest.webmanifest"),
        r#"{"name":"Referral Desk"}"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("icons")).unwrap();
    std::fs::write(dir.join("icons/icon-192.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    app
}

#[tokio::test]
async fn the_service_worker_is_javascript_that_is_never_cached_long() {
    let app = app_with_unhashed_files().await;
    let response = app.get("/sw.js").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    let content_type = response.headers()[CONTENT_TYPE].to_str().unwrap();
    assert!(
        content_type.starts_with("text/javascript"),
        "{content_type}"
    );
    // At the root its scope is the whole app without asking for more.
    assert!(!response.headers().contains_key("service-worker-allowed"));
}

#[tokio::test]
async fn the_manifest_is_a_web_app_manifest_revalidated_on_every_load() {
    let app = app_with_unhashed_files().await;
    let response = app.get("/manifest.webmanifest").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[CONTENT_TYPE],
        "application/manifest+json"
    );
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
}

#[tokio::test]
async fn icons_named_by_the_manifest_keep_their_names_and_are_revalidated() {
    let app = app_with_unhashed_files().await;
    let response = app.get("/icons/icon-192.png").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "image/png");
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
}

#[tokio::test]
async fn the_wasm_module_is_application_wasm_and_kept_for_a_year() {
    let app = app_with_unhashed_files().await;
    let response = app.get(&format!("/{HASHED_ASSET}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/wasm");
    assert_eq!(
        response.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn the_policy_lets_the_worker_and_the_manifest_load_from_this_origin_only() {
    let app = app_with_unhashed_files().await;
    for path in ["/inbox", "/sw.js"] {
        let response = app.get(path).await;
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        for directive in [
            "worker-src 'self'",
            "manifest-src 'self'",
            "connect-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
        ] {
            assert!(
                policy.contains(directive),
                "{path}: {directive} in {policy}"
            );
        }
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
    }
}

#[tokio::test]
async fn the_shell_itself_is_served_at_its_file_name_for_the_worker_to_precache() {
    let app = app_with_unhashed_files().await;
    let response = app.get("/index.html").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    assert_eq!(response.text().await.unwrap(), support::INDEX_HTML);
}

/// The build writes `.br` and `.gz` copies of each asset (scripts/precompress.mjs);
/// the server sends the copy the browser accepts, byte for byte, and the file itself
/// to a client that accepts neither.
#[tokio::test]
async fn assets_are_sent_as_their_precompressed_copies() {
    use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, VARY};

    let app = app_with_unhashed_files().await;
    let dir = app.static_dir();
    let script = "referral-desk-0123456789abcdef.js";
    std::fs::write(dir.join(script), "export default function start() {}\n").unwrap();
    std::fs::write(dir.join(format!("{script}.br")), b"brotli bytes").unwrap();
    std::fs::write(dir.join(format!("{script}.gz")), b"gzip bytes").unwrap();

    for (accepted, encoding, body) in [
        ("gzip, deflate, br, zstd", Some("br"), &b"brotli bytes"[..]),
        ("gzip", Some("gzip"), &b"gzip bytes"[..]),
        (
            "identity",
            None,
            &b"export default function start() {}\n"[..],
        ),
    ] {
        let response = app
            .client
            .get(app.url(&format!("/{script}")))
            .header(ACCEPT_ENCODING, accepted)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accepted}");
        assert_eq!(
            response
                .headers()
                .get(CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accepted}"
        );
        let content_type = response.headers()[CONTENT_TYPE].to_str().unwrap();
        assert!(
            content_type.starts_with("text/javascript"),
            "{content_type}"
        );
        // Caches must keep one answer per encoding.
        assert!(
            response.headers().get_all(VARY).iter().any(|value| value
                .to_str()
                .unwrap()
                .to_ascii_lowercase()
                .contains("accept-encoding")),
            "{accepted}: {:?}",
            response.headers()
        );
        assert_eq!(
            response.headers()[CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(&response.bytes().await.unwrap()[..], body, "{accepted}");
    }
}
