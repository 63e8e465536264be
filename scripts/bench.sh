#!/usr/bin/env bash
# Benchmarks (not tests): builds the release dist/ and prints its first-load sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
trunk build --release --offline >/dev/null
node scripts/bench.mjs dist
