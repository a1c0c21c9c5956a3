//! Serving the built SPA: files from the static directory, and the app shell
//! (`index.html`) for every app path so that deep links survive a reload.

use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use tower::ServiceExt as _;
use tower_http::services::ServeDir;

/// `index.html` as built by Trunk, read once at start, with the hashes of its inline
/// scripts (Trunk's bootstrap) so the Content-Security-Policy can allow exactly those.
pub struct AppShell {
    html: Option<Bytes>,
    script_hashes: Vec<String>,
}

impl AppShell {
    pub fn load(static_dir: &Path) -> AppShell {
        match std::fs::read(static_dir.join("index.html")) {
            Ok(html) => {
                let script_hashes = inline_scripts(&String::from_utf8_lossy(&html))
                    .map(|script| {
                        let digest = Sha256::digest(script.as_bytes());
                        format!(
                            "'sha256-{}'",
                            base64::engine::general_purpose::STANDARD.encode(digest)
                        )
                    })
                    .collect();
                AppShell {
                    html: Some(Bytes::from(html)),
                    script_hashes,
                }
            }
            Err(error) => {
                tracing::warn!(%error, dir = %static_dir.display(), "no built app to serve; run `trunk build`");
                AppShell {
                    html: None,
                    script_hashes: Vec::new(),
                }
            }
        }
    }

    /// The policy for every response: the wasm app may run, nothing else inline may.
    pub fn content_security_policy(&self) -> HeaderValue {
        let scripts = std::iter::once("'self' 'wasm-unsafe-eval'".to_owned())
            .chain(self.script_hashes.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        let policy = format!(
            "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        );
        HeaderValue::from_str(&policy).expect("the policy is ASCII")
    }

    fn respond(&self, method: &Method) -> Response {
        if method != Method::GET && method != Method::HEAD {
            return (
                StatusCode::METHOD_NOT_ALLOWED,
                [(header::ALLOW, "GET, HEAD")],
            )
                .into_response();
        }
        match &self.html {
            Some(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html.clone()).into_response(),
            None => (
                StatusCode::SERVICE_UNAVAILABLE,
                "Referral Desk's app has not been built. Run scripts/run.sh, or `trunk build --release` and restart.",
            )
                .into_response(),
        }
    }
}

/// The text of each `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

pub fn spa_router(static_dir: &Path, shell: Arc<AppShell>) -> Router {
    // The build writes a brotli and a gzip copy of each asset (scripts/precompress.mjs):
    // sending those beats compressing the wasm on every request, at better quality.
    // The compression layer leaves an answer that already has a Content-Encoding alone.
    let files = ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback(move |request: Request| serve(files.clone(), shell.clone(), request))
        .layer(middleware::from_fn(cache_control))
}

/// A path naming a file (`/app-1a2b….js`) is served from disk, and is a 404 when
/// missing; any other path is an app route and gets the app shell.
async fn serve(files: ServeDir, shell: Arc<AppShell>, request: Request) -> Response {
    if !names_a_file(request.uri().path()) {
        return shell.respond(request.method());
    }
    let served: Result<_, Infallible> = files
        .oneshot(request)
        .await
        .map(IntoResponse::into_response);
    match served {
        Ok(mut response) => {
            // The same URL is sent brotli, gzip or plain by the request's Accept-Encoding:
            // a cache between must keep them apart (ServeDir does not say so itself).
            response
                .headers_mut()
                .append(header::VARY, HeaderValue::from_static("accept-encoding"));
            response
        }
        Err(never) => match never {},
    }
}

async fn cache_control(request: Request, next: Next) -> Response {
    let long_lived = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    // A hashed file never changes; everything else (index.html, the manifest and its
    // icons, the offline worker `/sw.js` at its fixed URL) must be revalidated so a
    // deploy is seen at once, by open pages and installed apps alike.
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
    use super::{inline_scripts, is_hashed_asset, names_a_file};

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
        assert!(!is_hashed_asset("/sw.js"));
        assert!(!is_hashed_asset("/icons/icon-maskable-512.png"));
        assert!(!is_hashed_asset("/icons/apple-touch-icon.png"));
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

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<head><script type="module" src="/a.js"></script>
<script type="module">
import init from '/app.js';
await init('/app_bg.wasm');
</script></head>"#;
        let scripts: Vec<&str> = inline_scripts(html).collect();
        assert_eq!(
            scripts,
            vec!["\nimport init from '/app.js';\nawait init('/app_bg.wasm');\n"]
        );
    }
}
