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
#   cold-start   first Inbox rows from the IndexedDB cache and from the network,
#                at about 1,000 / 10,000 / 50,000 referrals (scripts/bench-cold-start.mjs)
#
# A section is a function `section_<name>` below (dashes as underscores), listed in SECTIONS; it builds
# what it needs with the `build_*` helpers (each builds once per run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

SECTIONS=(cold-start)

# The bench's own build of the app: others may be building into dist/ meanwhile.
BENCH_DIST="$ROOT/target/bench-dist"
SERVER_BIN="$ROOT/target/release/referral-desk-server"
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

chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=("${SECTIONS[@]}")
for section in "${chosen[@]}"; do
  if [[ ! " ${SECTIONS[*]} " == *" $section "* ]]; then
    echo "Unknown section \"$section\"; the sections are: ${SECTIONS[*]}" >&2
    exit 2
  fi
done

for section in "${chosen[@]}"; do
  "section_${section//-/_}"
done
