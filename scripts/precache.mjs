// Trunk post-build hook (see Trunk.toml), also usable as `node scripts/precache.mjs DIR`:
// 0. prepares the bundled corpus into DIR/corpus/ and writes the first article into
//    DIR/index.html (`cargo run --bin prepare`, see src/bin/prepare.rs);
// 1. writes the service worker's precache list and version (a hash of every file) into
//    DIR/sw.js;
// 1b. replaces Trunk's loader and its preloads with a starter that fetches the app (and the
//    first corpus chunk) after the first paint: the page's own HTML holds what is painted
//    first, and nothing competes with it for the network (integrity hashes are kept);
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
html = await deferApp(html);
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

/** Trunk's inline loader (`import init … await init(…)`) and its `modulepreload` and wasm
 *  `preload` links become one starter that runs after the first paint (or after 500 ms, as
 *  a hidden page paints no frame): it preloads the first corpus chunk, preloads the glue
 *  with its integrity hash, imports it and instantiates the wasm fetched with its own. A page
 *  already started this way is left as it is. */
async function deferApp(html) {
  const loader = html.match(/<script type="?module"?>\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+\.wasm)'[\s\S]*?<\/script>/);
  if (!loader) return html;
  const [script, js, wasm] = loader;
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=("[^"]*"|[^\\s>]*)`))?.[1]?.replace(/^"|"$/g, "");
  const linkTo = (file) => links.find((l) => (attr(l, "href") ?? "").endsWith(file) && /preload/.test(attr(l, "rel") ?? ""));
  const [jsLink, wasmLink] = [linkTo(js), linkTo(wasm)];
  if (!jsLink || !wasmLink) throw new Error("precache: Trunk's preload links were not found");
  // the glue, minified (Trunk's minifier gives up on its `export default`)
  const { minify } = await import("terser");
  const glue = readFileSync(join(dir, js), "utf8");
  const small = await minify(glue, { module: true, compress: true, mangle: true });
  writeFileSync(join(dir, js), small.code);
  const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(join(dir, file))).digest("base64")}`;
  const starter = `<script>(() => {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const preload = (attrs) => document.head.append(Object.assign(document.createElement("link"), attrs, { crossOrigin: "anonymous" }));
    const corpus = document.querySelector('meta[name="corpus"]')?.content.split(" ")[0];
    if (corpus) preload({ rel: "preload", as: "fetch", href: corpus });
    preload({ rel: "modulepreload", href: ${JSON.stringify("./" + js)}, integrity: ${JSON.stringify(sri(js))} });
    import(${JSON.stringify("./" + js)}).then(async (bindings) => {
      const module_or_path = fetch(${JSON.stringify("./" + wasm)}, { integrity: ${JSON.stringify(sri(wasm))} });
      const wasm = await bindings.default({ module_or_path });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
    });
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 500);
})();</script>`;
  return html.replace(script, starter).replace(jsLink, "").replace(wasmLink, "");
}
