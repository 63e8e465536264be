#!/usr/bin/env bash
# Benchmarks (not tests): builds the release dist/, prints its first-load sizes, the entity
# engine's throughput natively and in headless Chromium, and Lighthouse's scores.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test >/dev/null
trunk build --release --offline >/dev/null 2>&1
echo "== native (cargo bench --bench engine)"
cargo bench --offline --quiet --bench engine 2>/dev/null | grep "MB/s"
node scripts/bench.mjs
if [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then
  npm install --prefix .tools/lighthouse --no-fund --no-audit lighthouse@11 >/dev/null
fi
node scripts/lighthouse.mjs
