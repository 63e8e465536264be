#!/usr/bin/env bash
# Benchmarks (not tests): builds the release dist/ and prints one table of figures measured
# side by side in this run (see scripts/bench.mjs), then Lighthouse's scores.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test >/dev/null
trunk build --release --offline >/dev/null 2>&1
# compromise, the npm NLP package the engine is compared with, into .tools/ (not a test dependency)
if [ ! -f .tools/bench/node_modules/compromise/builds/compromise.js ]; then
  npm install --prefix .tools/bench --no-fund --no-audit compromise@14 >/dev/null
fi
node scripts/make-corpus.mjs --count 10000 --seed 7 --export
# the same 10,000 bundled at build time: a second dist/ whose corpus is target/corpus
HELMAND_CORPUS="$PWD/target/corpus" trunk build --release --offline --dist target/dist-10k >/dev/null 2>&1
echo "== native (cargo bench --bench engine)"
native=$(cargo bench --offline --quiet --bench engine 2>/dev/null | grep -E "MB/s|notes view" | tee /dev/stderr)
NATIVE_MBPS=$(echo "$native" | awk '/entity engine/ {print $4}') DIST10K=target/dist-10k node scripts/bench.mjs
if [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then
  npm install --prefix .tools/lighthouse --no-fund --no-audit lighthouse@11 >/dev/null
fi
node scripts/lighthouse.mjs
