#!/usr/bin/env bash
# Installs what building Helmand Reader needs, skipping whatever is already there:
# the wasm32 target, Trunk 0.21, wasm-bindgen-cli at the version Cargo.lock pins, wasm-opt
# from the npm package binaryen@132, and the crates (so Trunk can build --offline).
# With --test, also Chromium, ChromeDriver and the end-to-end test packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then
  say "rustup component add rustfmt"
  rustup component add rustfmt
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

say "cargo fetch"
cargo fetch --quiet

# wasm-bindgen-cli must match the wasm-bindgen crate exactly, and Trunk.toml pins it too.
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
grep -q "^wasm_bindgen = \"$bindgen\"" Trunk.toml || {
  echo "Trunk.toml [tools] wasm_bindgen must be \"$bindgen\", the version in Cargo.lock" >&2
  exit 1
}
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$bindgen" ]; then
  say "cargo install wasm-bindgen-cli $bindgen (a few minutes)"
  # --locked can fail when a locked dependency was yanked from the registry
  cargo install wasm-bindgen-cli --version "$bindgen" --locked --force \
    || cargo install wasm-bindgen-cli --version "$bindgen" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  say "npm install -g binaryen@132 (wasm-opt)"
  as_root npm install -g --no-fund --no-audit binaryen@132 >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk 0\.21\."; then
  say "cargo install trunk 0.21 (compiles for 10-20 minutes, once)"
  cargo install trunk --version '~0.21' --locked
fi

# the build's own tools (scripts/precache.mjs minifies the glue with terser)
if [ ! -d scripts/node_modules/terser ] || [ scripts/package-lock.json -nt scripts/node_modules/.package-lock.json ]; then
  say "npm ci (build tools)"
  (cd scripts && npm ci --no-fund --no-audit >/dev/null)
fi

if [ "${1:-}" = "--test" ]; then
  apt_install chromium chromium-driver
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    say "npm ci (end-to-end test packages)"
    (cd tests/e2e && npm ci --no-fund --no-audit >/dev/null)
  fi
fi
