#!/usr/bin/env bash
# Installs whatever this machine lacks to build, run and test Referral Desk.
# Safe to re-run: each step checks first and does nothing when all is in place.
# Sourced by scripts/run.sh (which needs only the build tools) and scripts/test.sh;
# run it alone to install everything.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust toolchain and wasm target, as rust-toolchain.toml names them.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI: exactly the version in Cargo.lock, which Trunk.toml must name too.
WASM_BINDGEN_VERSION="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
TRUNK_BINDGEN_VERSION="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
if [ "$WASM_BINDGEN_VERSION" != "$TRUNK_BINDGEN_VERSION" ]; then
  echo "Trunk.toml names wasm-bindgen $TRUNK_BINDGEN_VERSION but Cargo.lock has $WASM_BINDGEN_VERSION: make them equal." >&2
  exit 1
fi

# The build tools are built from crates.io, for their build time rather than their
# speed (they only orchestrate): Trunk's own profile asks for fat LTO and one codegen
# unit, which triples its build on two cores; these override it for these installs only.
# Optimisation level 1 by default; TOOL_OPT_LEVEL=0 for a tool whose own work is small.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL="${TOOL_OPT_LEVEL:-1}" CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install "$@"
}

# Node tooling: Playwright Test and wasm-opt (npm's binaryen; Debian's breaks the module).
# Installed beside the Rust tools' builds below: it waits on the network, they on the CPU.
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
npm_install=""
if [ "$(cat node_modules/.referral-desk-lock 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "Installing the Node tooling (npm ci) beside the builds below"
  npm_log="$(mktemp)"
  npm ci --no-audit --no-fund >"$npm_log" 2>&1 &
  npm_install=$!
fi

# Trunk (--locked: without it a dependency drifts and it fails to compile). Unoptimised:
# it builds in half the time (169 s against 335 s here, cold), and it only hands the work to
# cargo, wasm-bindgen and wasm-opt: a release build of the app took as long with it
# (87 s against 86 s) and wrote the same files.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 3 minutes)"
  TOOL_OPT_LEVEL=0 install_tool trunk --version "$TRUNK_VERSION" --locked
fi

# No --locked here: the registry lacks one of its locked dependency versions.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2–3 minutes)"
  install_tool wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ -n "$npm_install" ]; then
  if ! wait "$npm_install"; then
    cat "$npm_log" >&2
    say "npm ci failed (its output is above)"
    exit 1
  fi
  rm -f "$npm_log"
  echo "$LOCK_SUM" > node_modules/.referral-desk-lock
fi
case "$(wasm-opt --version 2>/dev/null)" in
  *"version 132"*) ;;
  *) echo "wasm-opt on PATH is not binaryen 132 from node_modules: $(command -v wasm-opt || echo none)" >&2; exit 1 ;;
esac

# What only the tests and benchmarks need; scripts/run.sh sets SETUP_FOR=run to skip it.
if [ "${SETUP_FOR:-everything}" = run ]; then
  return 0 2>/dev/null || exit 0
fi

# Chromium and its driver from Debian for the browser tests (no tool downloads its own browser here).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "Installing Chromium and ChromeDriver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# The PostgreSQL server of this machine, for the server tests.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "Starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi

# Schemathesis, the API fuzzer of scripts/fuzz.sh, pinned, in the project's own venv.
SCHEMATHESIS_VERSION="4.32.5"
if [ "$(.tools/venv/bin/st --version 2>/dev/null)" != "st, version $SCHEMATHESIS_VERSION" ]; then
  say "Installing Schemathesis $SCHEMATHESIS_VERSION into .tools/venv"
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# aiosmtpd, the real SMTP server the mail tests start on loopback (server/tests/mail.rs).
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  say "Installing aiosmtpd for the mail tests"
  python3 -m pip install --user --quiet --disable-pip-version-check aiosmtpd \
    || python3 -m pip install --user --quiet --disable-pip-version-check --break-system-packages aiosmtpd
fi
