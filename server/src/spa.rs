//! Serving the built SPA: files from the static directory, `index.html` for every
//! other path so that deep links survive a reload.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

pub fn spa_router(static_dir: &Path) -> Router {
    let index = ServeFile::new(static_dir.join("index.html"));
    Router::new()
        .fallback_service(ServeDir::new(static_dir).fallback(index))
        .layer(middleware::from_fn(cache_control))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let long_lived = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    // A hashed file never changes; everything else (index.html, the manifest,
    // later the service worker) must be revalidated so a deploy is seen at once.
    let value = if long_lived && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Trunk names built assets `<name>-<16 hex digits>[_bg].<ext>`.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty() && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn trunk_hashed_files_are_recognised() {
        assert!(is_hashed_asset("/referral-desk-3f1a9c0b7d2e4f56_bg.wasm"));
        assert!(is_hashed_asset("/referral-desk-3f1a9c0b7d2e4f56.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
    }

    #[test]
    fn pages_and_unhashed_files_are_not() {
        assert!(!is_hashed_asset("/"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/accepted"));
        assert!(!is_hashed_asset("/manifest.webmanifest"));
        assert!(!is_hashed_asset("/icons/heart-outline.svg"));
        assert!(!is_hashed_asset(
            "/referrals/0f5c2a7e-1b3d-4c5e-9f60-718293a4b5c6"
        ));
    }
}
