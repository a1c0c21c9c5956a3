#!/usr/bin/env bash
# Builds the SPA and the server in release mode, then serves both on one origin
# with an embedded SQLite database and a demo organisation.
#   scripts/run.sh [--bind 127.0.0.1:9000] [--database-url sqlite://data/other.db]
# (or RD_BIND / DATABASE_URL in the environment).
set -euo pipefail
# Only the build tools: Chromium, PostgreSQL and the test tools are the test command's.
SETUP_FOR=run source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# The estimate is a cold build on two cores; a re-run rebuilds only what changed.
# Side by side: the app's build leaves a core idle for minutes (wasm-bindgen, wasm-opt)
# and the two use different cargo profiles, so neither waits on the other's lock.
started=$SECONDS
say "Building the app (trunk build --release) and the server (release) side by side; about 7 minutes the first time"
server_log="$(mktemp)"
trap 'rm -f "$server_log"' EXIT
cargo build --release -p referral-desk-server >"$server_log" 2>&1 &
server_build=$!
if ! trunk build --release; then
  kill "$server_build" 2>/dev/null || true
  exit 1
fi
say "App built in $((SECONDS - started)) s; waiting for the server's build"
if ! wait "$server_build"; then
  cat "$server_log" >&2
  say "The server's build failed (its output is above)"
  exit 1
fi
say "Built in $((SECONDS - started)) s"
rm -f "$server_log"
say "Starting Referral Desk (Ctrl+C stops it)"
exec target/release/referral-desk-server --seed-demo --static-dir dist "$@"
