#!/usr/bin/env bash
# Every check of the project: formatting, lints, Rust tests (domain, server on
# SQLite and PostgreSQL), the API fuzzer and the browser tests against the real server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

say "cargo fmt --check"
cargo fmt --all --check

say "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -- -D warnings
say "cargo clippy (wasm app)"
cargo clippy -p referral-desk --target wasm32-unknown-unknown -- -D warnings

say "The domain crate stays pure"
forbidden="$(cargo tree -p referral-desk-domain -e normal --prefix none | grep -E '^(tokio|sqlx|axum|hyper|web-sys|js-sys|wasm-bindgen|gloo|reqwest|mio)([-_ ]|$)' || true)"
if [ -n "$forbidden" ]; then
  echo "domain/ must not depend on I/O or browser crates, found:" >&2
  echo "$forbidden" >&2
  exit 1
fi

say "Rust tests"
cargo test --workspace

say "API fuzzing against the OpenAPI document (Schemathesis)"
bash "$ROOT/scripts/fuzz.sh"

say "Domain rules as wasm32 in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p referral-desk-domain --target wasm32-unknown-unknown --test rules_in_the_browser

say "Browser tests (release SPA, real server, Debian Chromium)"
trunk build --release
cargo build -p referral-desk-server
npx playwright test
