#!/usr/bin/env bash
# Runs every test of Helmand Reader, installing whatever is missing first: the core's Rust
# tests, then a release build of dist/ driven in headless Chromium. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test

printf '\033[1m==> %s\033[0m\n' "cargo fmt --check (rustfmt.toml)"
cargo fmt --check

printf '\033[1m==> %s\033[0m\n' "cargo test (the core, with the engine and the importers)"
cargo test --offline --quiet

if [ -f ../shared/eval/score.py ]; then
  printf '\033[1m==> %s\033[0m\n' "entity bar, cross-checked with the shared scorer"
  python3 scripts/entity-bar.py ../shared/eval
fi
if [ -f ../shared/eval/score_claims.py ]; then
  printf '\033[1m==> %s\033[0m\n' "claims bar, cross-checked with the shared scorer"
  python3 scripts/claims-bar.py ../shared/eval
fi

printf '\033[1m==> %s\033[0m\n' "trunk build --release (dist/)"
trunk build --release --offline

printf '\033[1m==> %s\033[0m\n' "end-to-end tests in headless Chromium"
cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
