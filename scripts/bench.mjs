// Benchmarks (not tests), run by scripts/bench.sh after a release build:
// 1. first-load transfer: raw, gzip and brotli sizes of every file in dist/;
// 2. the entity engine in the browser: clean + annotate the bundled seeds in headless
//    Chromium (the release WASM), MB/s over repeated rounds.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { createRequire } from "node:module";
import { serve } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");

const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const body = readFileSync(path);
  rows.push({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
// the import worker is fetched when an import is read (and precached for offline use)
const onDemand = (r) => r.name.startsWith("import-worker");
console.log(`\n${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
for (const r of rows) console.log(`${(r.name + (onDemand(r) ? " (on demand)" : "")).padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const sum = (k, f) => rows.filter(f).reduce((s, r) => s + r[k], 0);
const first = (r) => !onDemand(r);
console.log(`${"first load (all but the import worker)".padEnd(44)} ${kb(sum("raw", first))} ${kb(sum("gzip", first))} ${kb(sum("brotli", first))}`);
console.log(`${"all of dist/".padEnd(44)} ${kb(sum("raw", () => true))} ${kb(sum("gzip", () => true))} ${kb(sum("brotli", () => true))}`);

// the engine in Chromium
const require = createRequire(join(root, "tests", "e2e", "package.json"));
const { chromium } = require("playwright-core");
const { server, url } = await serve(dist, { base: "/reader/" });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings?.annotate_rounds);
  const seeds = readdirSync(join(root, "seeds")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "seeds", f), "utf8"));
  const result = await page.evaluate((texts) => {
    const run = window.wasmBindings.annotate_rounds;
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    const time = (rounds) => {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < 3000) {
        for (const t of texts) run(t, rounds);
        n++;
      }
      return (performance.now() - start) / 1000 / n; // seconds per pass over all texts
    };
    for (const t of texts) run(t, 1); // warm-up: builds the automaton and word lists
    const once = time(1); // clean + annotate
    const five = time(5); // clean + annotate five times
    const engine = (five - once) / 4;
    return { cleanAnnotate: bytes / 1e6 / once, engine: bytes / 1e6 / engine, kb: bytes / 1024 };
  }, seeds);
  console.log(`\nin Chromium (WASM), the bundled seeds (${result.kb.toFixed(1)} KB):`);
  console.log(`  entity engine (annotate)       ${result.engine.toFixed(1)} MB/s`);
  console.log(`  clean + annotate (raw text)    ${result.cleanAnnotate.toFixed(1)} MB/s`);

  // a 4.8 MB text file through the real import (file input, worker, IndexedDB)
  const names = ["Lashkar Gah", "Sangin", "Musa Qala", "Garmsir", "Nad-e Ali", "Kajaki"];
  const paras = ["A very long report from Helmand"];
  for (let i = 0, size = 0; size < 4.8e6; i++) {
    paras.push(`Paragraph ${i}: Taliban fighters attacked ${names[i % 6]} on ${1 + (i % 28)} March 2010, said Daud Ahmadi, a spokesman for the governor of Helmand.`);
    size += paras.at(-1).length + 2;
  }
  const big = Buffer.from(paras.join("\n\n"));
  const fresh = await browser.newPage();
  await fresh.goto(url);
  await fresh.locator('[data-testid="article-item"]').first().waitFor();
  await fresh.locator('[data-testid="import-file"]').setInputFiles({ name: "long.txt", mimeType: "text/plain", buffer: big });
  const t0 = Date.now();
  await fresh.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask" });
  });
  await fresh.locator('[data-testid="import-report"]').waitFor({ timeout: 120_000 });
  await fresh.locator('[data-testid="reader-title"]', { hasText: "A very long report" }).waitFor();
  const took = Date.now() - t0;
  await fresh.waitForTimeout(200);
  const longest = Math.max(0, ...(await fresh.evaluate(() => window.__long)));
  console.log(`  import of a ${(big.length / 1e6).toFixed(1)} MB text file: ${took} ms to open it, longest main-thread task ${longest.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}
