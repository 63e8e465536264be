// Trunk post-build hook (see Trunk.toml), also usable as `node scripts/precache.mjs DIR`:
// 0. prepares the bundled corpus into DIR/corpus/ and writes the first article into
//    DIR/index.html (`cargo run --bin prepare`, see src/bin/prepare.rs);
// 1. writes the service worker's precache list and version (a hash of every file) into
//    DIR/sw.js;
// 2. adds a strict Content-Security-Policy meta tag to DIR/index.html, allowing the
//    inline scripts and the inlined stylesheet (by their hashes) and WebAssembly, and
//    nothing from elsewhere.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";

// the first article, then the CSP: both change index.html, whose hash goes into the version
const indexPath = join(dir, "index.html");
execFileSync("cargo", ["run", "--quiet", "--offline", "--bin", "prepare", "--", indexPath], { cwd: join(import.meta.dirname, ".."), stdio: "inherit" });
let html = readFileSync(indexPath, "utf8").replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, "");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
);
const styleHashes = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  `style-src 'self' ${styleHashes.join(" ")}`.trim(),
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
html = html.replace(/(<meta charset=[^>]*>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(indexPath, html);

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dir);

const precached = files.filter((f) => !f.endsWith(`${sep}sw.js`) && !f.endsWith(".map"));
const digest = createHash("sha256");
const list = ["./"];
for (const f of precached) {
  const rel = relative(dir, f).split(sep).join("/");
  digest.update(rel).update(readFileSync(f));
  if (rel !== "index.html") list.push(`./${rel}`);
}
const version = digest.digest("hex").slice(0, 16);
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace(/const VERSION = "[^"]*";/, `const VERSION = "${version}";`)
  .replace(/const FILES = [^;]*;/, `const FILES = ${JSON.stringify(list)};`);
writeFileSync(swPath, sw);
console.log(`precache: ${list.length} files, version ${version}; CSP with ${hashes.length} inline script and ${styleHashes.length} style hash(es)`);
