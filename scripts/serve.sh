#!/usr/bin/env bash
# Builds Helmand Reader (installing whatever is missing) and serves it on localhost under a
# sub-path, as a static host would. PORT and BASE change where: PORT=9000 BASE=/ scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
trunk build --release --offline
exec node scripts/static-server.mjs dist --port "${PORT:-8080}" --base "${BASE:-/reader/}"
