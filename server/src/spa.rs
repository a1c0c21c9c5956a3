//! Serving the built SPA: files from the static directory, and `index.html` for
//! every app path so that deep links survive a reload.

use std::convert::Infallible;
use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

pub fn spa_router(static_dir: &Path) -> Router {
    let files = ServeDir::new(static_dir);
    let shell = ServeFile::new(static_dir.join("index.html"));
    Router::new()
        .fallback(move |request: Request| serve(files.clone(), shell.clone(), request))
        .layer(middleware::from_fn(cache_control))
}

/// A path naming a file (`/app-1a2b….js`) is served from disk, and is a 404 when
/// missing; any other path is an app route and gets the app shell.
async fn serve(files: ServeDir, shell: ServeFile, request: Request) -> Response {
    let served: Result<_, Infallible> = if names_a_file(request.uri().path()) {
        files
            .oneshot(request)
            .await
            .map(IntoResponse::into_response)
    } else {
        shell
            .oneshot(request)
            .await
            .map(IntoResponse::into_response)
    };
    match served {
        Ok(response) => response,
        Err(never) => match never {},
    }
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

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or_default()
}

fn names_a_file(path: &str) -> bool {
    file_name(path).contains('.')
}

/// Trunk names built assets `<name>-<hash>[_bg].<ext>`, the hash being a 64-bit
/// value in hex without leading zeros.
fn is_hashed_asset(path: &str) -> bool {
    let Some((stem, _extension)) = file_name(path).split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty()
            && (10..=16).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::{is_hashed_asset, names_a_file};

    #[test]
    fn trunk_hashed_files_are_recognised() {
        assert!(is_hashed_asset("/referral-desk-3f1a9c0b7d2e4f56_bg.wasm"));
        assert!(is_hashed_asset("/referral-desk-66b8d528ca72837.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
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

    #[test]
    fn app_routes_are_not_files() {
        assert!(names_a_file("/favicon-c6ef3771b82ab697.svg"));
        assert!(!names_a_file("/"));
        assert!(!names_a_file("/archived"));
        assert!(!names_a_file(
            "/referrals/0f5c2a7e-1b3d-4c5e-9f60-718293a4b5c6"
        ));
    }
}
