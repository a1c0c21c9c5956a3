#!/usr/bin/env bash
# The project's benchmarks (measurements a person reads, not tests that pass or
# fail): builds what they need, then runs each section and prints its table.
#
#   scripts/bench.sh                 every section
#   scripts/bench.sh cold-start      only the named sections
#   BENCH_RUNS=3 scripts/bench.sh    fewer runs per figure (default 7)
#
# Tables go to stdout; builds and progress lines to stderr.
#
# Sections:
#   bundle           bytes of each file the app downloads to start: raw, gzip and brotli
#                    (the build's precompressed copies), against the 200 KB brotli target
#                    (scripts/bench-bundle.mjs)
#   cold-start       first Inbox rows from the IndexedDB cache and from the network,
#                    at about 1,000 / 10,000 / 50,000 referrals (scripts/bench-cold-start.mjs)
#   lighthouse       Lighthouse mobile scores and LCP / TBT / CLS of the sign-in page and
#                    the signed-in Inbox, median of LIGHTHOUSE_RUNS runs (default 5)
#                    (scripts/bench-lighthouse.mjs)
#   app-vs-baseline  the app against a plain HTML + vanilla JS page of the same rows
#                    (bench/baseline/): first rows at about 1,000 and 50,000 referrals,
#                    filter change and heart toggle to repaint, scrolling the Inbox
#                    (scripts/bench-app-vs-baseline.mjs)
#   server           the release server with 100,240 referrals on SQLite and PostgreSQL: list page,
#                    detail, sync poll and accept at 1 / 16 / 64 connections, LOAD_SECONDS each
#                    (default 5); the CSV export's time and peak memory (server/benches/load.rs;
#                    LOAD_KINDS, LOAD_CONNECTIONS, LOAD_BACKENDS narrow it, and LOAD_SERVER runs
#                    another build of the server, to compare two side by side)
#
# A section is a function `section_<name>` below (dashes as underscores), listed in SECTIONS; it builds
# what it needs with the `build_*` helpers (each builds once per run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

SECTIONS=(bundle cold-start lighthouse app-vs-baseline server)

# The bench's own build of the app: others may be building into dist/ meanwhile.
BENCH_DIST="$ROOT/target/bench-dist"
# CARGO_TARGET_DIR (e.g. a build directory of your own while others build) is where cargo puts the server.
SERVER_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/referral-desk-server"
BENCH_RUNS="${BENCH_RUNS:-7}"

built_spa=false
build_spa() {
  if ! $built_spa; then
    say "Release build of the app into ${BENCH_DIST#"$ROOT"/}"
    trunk build --release --dist "$BENCH_DIST" >&2
    built_spa=true
  fi
}

built_server=false
build_server() {
  if ! $built_server; then
    say "Release build of the server"
    cargo build --release -p referral-desk-server >&2
    built_server=true
  fi
}

# Cold start to the first Inbox rows, from the cache and from the network (issue 12).
# BENCH_SCALES=3,28 picks other demo scales (358 referrals per organisation each).
section_cold_start() {
  build_spa
  build_server
  say "Cold start to the first Inbox rows: from the cache and from the network"
  node "$ROOT/scripts/bench-cold-start.mjs" --dist "$BENCH_DIST" --server "$SERVER_BIN" --runs "$BENCH_RUNS" \
    ${BENCH_SCALES:+--scales "$BENCH_SCALES"}
}

# What a phone downloads to start the app (issue 13).
section_bundle() {
  build_spa
  node "$ROOT/scripts/bench-bundle.mjs" --dist "$BENCH_DIST"
}

# Lighthouse mobile (issue 13): the sign-in page and the signed-in Inbox, each figure beside its target.
section_lighthouse() {
  build_spa
  build_server
  say "Lighthouse mobile: the sign-in page and the signed-in Inbox"
  node "$ROOT/scripts/bench-lighthouse.mjs" --dist "$BENCH_DIST" --server "$SERVER_BIN" --runs "${LIGHTHOUSE_RUNS:-5}"
}

# The app against a hand-written page of the same rows from the same JSON (issue 13).
section_app_vs_baseline() {
  build_spa
  build_server
  say "The app against a plain HTML + vanilla JS baseline"
  node "$ROOT/scripts/bench-app-vs-baseline.mjs" --dist "$BENCH_DIST" --server "$SERVER_BIN" --runs "$BENCH_RUNS"
}

# The server under load with 100,000 referrals (issue 13): its own release build of the
# server binary and the load client; about 10 minutes, 2 of them seeding.
section_server() {
  say "The server under load: 100,240 referrals on SQLite and PostgreSQL"
  cargo bench -p referral-desk-server --bench load
}

# Once at the top of the output: when, and on what, the figures were taken.
print_header() {
  local cpu memory chromium
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
  memory="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
  # Debian's wrapper script prints a shell warning on some machines: keep only the version line.
  chromium="$(/usr/bin/chromium --version 2>/dev/null | head -n 1 || true)"
  echo "## Referral Desk bench"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, ${memory:-unknown memory}; load averages $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "- browser: ${chromium:-no Chromium at /usr/bin/chromium} (headless); Node $(node --version)"
  echo "- sections: ${chosen[*]}"
  echo
}

chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=("${SECTIONS[@]}")
for section in "${chosen[@]}"; do
  if [[ ! " ${SECTIONS[*]} " == *" $section "* ]]; then
    echo "Unknown section \"$section\"; the sections are: ${SECTIONS[*]}" >&2
    exit 2
  fi
done

print_header
for section in "${chosen[@]}"; do
  "section_${section//-/_}"
done
