#!/usr/bin/env bash
# Builds the SPA and the server in release mode, then serves both on one origin
# with an embedded SQLite database and a demo organisation.
#   scripts/run.sh [--bind 127.0.0.1:9000] [--database-url sqlite://data/other.db]
# (or RD_BIND / DATABASE_URL in the environment).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# The estimates are a cold build on two cores; a re-run rebuilds only what changed.
started=$SECONDS
say "Building the app (trunk build --release; about 5 minutes the first time)"
trunk build --release
say "Building the server (release; about 6 minutes the first time)"
cargo build --release -p referral-desk-server
say "Built in $((SECONDS - started)) s"
say "Starting Referral Desk (Ctrl+C stops it)"
exec target/release/referral-desk-server --seed-demo --static-dir dist "$@"
