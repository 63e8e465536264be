// Benchmarks (not tests), run by scripts/bench.sh after a release build. Every figure is
// measured in this run, side by side, and printed as one table:
// 1. first-load transfer by kind (html, css, js, wasm, articles): raw, gzip, brotli;
// 2. navigation to the first article's words painted (first contentful paint: on both
//    pages, the article's text), median of cold loads, next to a plain static page with the
//    same words from the same server;
// 3. the entity engine natively (from `cargo bench`, passed in NATIVE_MBPS), in Chromium
//    (the release WASM of the import worker, which holds the engine), and the npm package
//    `compromise` on the same texts in the same page;
// 4. a 4.8 MB import through the real file input and worker;
// 5. 10,000 generated articles (scripts/make-corpus.mjs) two ways: bundled at build time
//    (DIST10K, built by bench.sh with HELMAND_CORPUS) and imported by a reader (IndexedDB).

import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { createRequire } from "node:module";
import { serve } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const dist10k = process.env.DIST10K;
const COLD_LOADS = Number(process.env.COLD_LOADS ?? 11);
const rows = []; // [measure, value, budget or comparison]
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// 1. sizes
const kindOf = (name) => {
  if (name.startsWith("import-worker")) return "import worker (on demand)";
  if (name.startsWith("corpus/")) return "articles (the prepared corpus)";
  if (name.endsWith(".html")) return "html (the stylesheet inlined)";
  if (name.endsWith(".css")) return "css";
  if (name.endsWith(".js")) return "js";
  if (name.endsWith(".wasm")) return "wasm (the app)";
  return "manifest and icons";
};
const sizes = new Map();
const files = (dir, prefix = "") =>
  readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
for (const name of files(dist)) {
  const path = join(dist, name);
  const body = readFileSync(path);
  const s = sizes.get(kindOf(name)) ?? { raw: 0, gzip: 0, brotli: 0 };
  s.raw += body.length;
  s.gzip += gzipSync(body, { level: 9 }).length;
  s.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  sizes.set(kindOf(name), s);
}
const first = { raw: 0, gzip: 0, brotli: 0 };
for (const [kind, s] of sizes) {
  rows.push([`size: ${kind}`, `${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} br`, ""]);
  if (!kind.startsWith("import worker")) for (const k of Object.keys(first)) first[k] += s[k];
}
rows.push(["size: every file but the import worker (html, css, js, wasm, articles, icons)", `${kb(first.raw)} raw, ${kb(first.gzip)} gzip, ${kb(first.brotli)} br`, ""]);

const require = createRequire(join(root, "tests", "e2e", "package.json"));
const { chromium } = require("playwright-core");
const compromisePath = join(root, ".tools", "bench", "node_modules", "compromise", "builds", "compromise.js");
const { server, url } = await serve(dist, { base: "/reader/" });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds from navigation to the first contentful paint, in a fresh context. On both
 *  pages that paint is the article's text: the app's index.html holds the first article
 *  (written at build time), the floor holds nothing else. */
async function paintTime(address) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(address);
  const t = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntries().find((e) => e.name === "first-contentful-paint");
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
  const text = await page.locator("p").first().textContent();
  await context.close();
  return { t, text };
}

try {
  // 1b. what the page fetches until it is interactive (the app's list is on screen), in a
  // fresh context: each file once, at the size a static host sends it compressed
  {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const fetched = new Set();
    page.on("request", (r) => fetched.add(new URL(r.url()).pathname.replace(/^\/reader\//, "")));
    await page.goto(url);
    await page.locator('[data-testid="article-item"]').first().waitFor();
    const until = [...fetched];
    await context.close();
    const total = { raw: 0, gzip: 0, brotli: 0 };
    const names = [];
    for (const name of until) {
      const file = join(dist, name === "" ? "index.html" : name);
      let body;
      try { body = readFileSync(file); } catch { continue; }
      total.raw += body.length;
      total.gzip += gzipSync(body, { level: 9 }).length;
      total.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      names.push(name === "" ? "index.html" : name.replace(/-[0-9a-f]{16}/, ""));
    }
    rows.push([`size: first load, until interactive (${names.join(", ")})`, `${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} br`, "budget 200 KB gzip"]);
  }

  // 2. first article painted, app against the static floor
  const floorName = "bench-floor.html";
  {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('[data-testid="article-body"] p').first().waitFor();
    const title = await page.locator('[data-testid="reader-title"]').textContent();
    const paras = await page.locator('[data-testid="article-body"] p').allTextContents();
    await page.close();
    const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    writeFileSync(join(dist, floorName),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>` +
      `<body><h1>${esc(title)}</h1>${paras.map((p, i) => `<p${i < 3 ? ' elementtiming="article-text"' : ""}>${esc(p)}</p>`).join("")}</body></html>`);
  }
  const app = [];
  const floor = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    app.push((await paintTime(url)).t);
    floor.push((await paintTime(url + floorName)).t);
  }
  rmSync(join(dist, floorName));
  const [a, f] = [median(app), median(floor)];
  rows.push([`first article painted, app (median of ${COLD_LOADS} cold loads)`, `${a.toFixed(0)} ms`, `${(a / f).toFixed(2)}x the floor; budget 1.5x`]);
  rows.push([`first article painted, static HTML floor (same text, same server)`, `${f.toFixed(0)} ms`, ""]);

  // 3. the engine in the browser, and compromise on the same texts in the same page
  const context = await browser.newContext({ bypassCSP: true }); // only to inject compromise
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid="article-item"]').first().waitFor();
  const seeds = readdirSync(join(root, "seeds")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "seeds", f), "utf8"));
  // the engine lives in the import worker: the page starts one and asks it to clean each
  // text once and annotate it `rounds` times; timing 1 and 6 rounds separates the engine
  // from cleaning and from the messages
  const result = await page.evaluate(async (texts) => {
    const worker = new Worker("./import-worker_loader.js");
    await new Promise((ok) => worker.addEventListener("message", (e) => e.data.ready && ok()));
    let next = 0;
    const run = (text, rounds) => new Promise((ok) => {
      const id = ++next;
      const on = (e) => {
        if (e.data.id !== id) return;
        worker.removeEventListener("message", on);
        ok(e.data.mentions);
      };
      worker.addEventListener("message", on);
      worker.postMessage({ id, bench: text, rounds });
    });
    const perPass = async (rounds, ms) => {
      for (const t of texts) await run(t, rounds); // warm-up
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < ms) {
        for (const t of texts) await run(t, rounds);
        n++;
      }
      return (performance.now() - start) / 1000 / n;
    };
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    const once = await perPass(1, 3000);
    const six = await perPass(6, 3000);
    worker.terminate();
    return { bytes, cleanAnnotate: bytes / 1e6 / once, engine: bytes / 1e6 / ((six - once) / 5) };
  }, seeds);
  // seconds per call of `f`, after a warm-up call, over `ms` of repeated calls
  await page.evaluate(() => {
    window.__perCall = (f, ms) => {
      f();
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < ms) {
        f();
        n++;
      }
      return (performance.now() - start) / 1000 / n;
    };
  });
  const native = Number(process.env.NATIVE_MBPS);
  if (native) rows.push(["entity engine, native (cargo bench)", `${native.toFixed(1)} MB/s`, "budget 20 MB/s"]);
  rows.push(["entity engine, in Chromium (WASM, in the import worker)", `${result.engine.toFixed(1)} MB/s`, "budget 20 MB/s"]);
  rows.push(["clean + annotate raw text, in Chromium (WASM, with the worker's messages)", `${result.cleanAnnotate.toFixed(1)} MB/s`, ""]);
  try {
    await page.addScriptTag({ path: compromisePath });
    const c = await page.evaluate((texts) => {
      const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
      const all = () => texts.forEach((t) => {
        const doc = window.nlp(t);
        doc.people().out("array");
        doc.places().out("array");
        doc.organizations().out("array");
      });
      return bytes / 1e6 / window.__perCall(all, 5000);
    }, seeds);
    rows.push(["compromise 14 (people, places, organisations), same texts, same page", `${c.toFixed(2)} MB/s`,
      `engine ${(result.engine / c).toFixed(0)}x faster (clean + annotate ${(result.cleanAnnotate / c).toFixed(0)}x); budget 50x`]);
  } catch (e) {
    rows.push(["compromise", `not measured (${String(e).split("\n")[0]})`, ""]);
  }
  await context.close();

  // 4. a 4.8 MB text file through the real import (file input, worker, IndexedDB)
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
  rows.push([`import of a ${(big.length / 1e6).toFixed(1)} MB text file, to the article open`, `${took} ms`, `longest main-thread task ${longest.toFixed(0)} ms`]);

  // 5. 10,000 generated articles (scripts/make-corpus.mjs)
  /** District, source and search timings and memory in a page holding the 10,000 articles. */
  async function interactions(context, page, label) {
    /** ms from an action in the page to the article count changing, painted (next frame). */
    const timed = (action) => page.evaluate((action) => new Promise((resolve) => {
      const count = document.querySelector('[data-testid="shown-count"]');
      const before = count.textContent;
      const t0 = performance.now();
      new MutationObserver((_, mo) => {
        if (count.textContent === before) return;
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }).observe(count, { childList: true, subtree: true, characterData: true });
      if (action.click) document.querySelector(action.click).click();
      if (action.type !== undefined) {
        const box = document.querySelector('[data-testid="search"]');
        box.value = action.type;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }), action);
    // each the median of 5 tries (a single one is at the mercy of a garbage collection)
    const tries = async (steps) => {
      const times = steps.map(() => []);
      for (let r = 0; r < 5; r++) {
        for (const [k, step] of steps.entries()) times[k].push(await timed(step));
      }
      return times.map((t) => median(t));
    };
    const KAJAKI = '[data-testid="district"][data-district="Kajaki"]';
    const [district, undistrict] = await tries([{ click: KAJAKI }, { click: KAJAKI }]);
    rows.push([`${label}: district click to the view painted (choose / let go; median of 5)`, `${district.toFixed(0)} ms / ${undistrict.toFixed(0)} ms`, "budget 50 ms"]);
    const [source] = await tries([{ click: '[data-testid="source-option"][data-outlet="Reuters"] button.only' }, { click: '[data-testid="sources-all"]' }]);
    rows.push([`${label}: source click to the view painted (median of 5)`, `${source.toFixed(0)} ms`, "budget 50 ms"]);
    const [search, search2] = await tries([{ type: "poppy" }, { type: "poppy harvest" }, { type: "" }]);
    rows.push([`${label}: search keystroke to the view painted (“poppy”, “poppy harvest”; median of 5)`, `${search.toFixed(0)} ms / ${search2.toFixed(0)} ms`, "budget 50 ms"]);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const wasmBytes = await page.evaluate(() => window.wasmBindings.wasm_memory_bytes());
    rows.push([`${label}: JS heap used + WebAssembly memory`, `${(metrics.JSHeapUsedSize / 1e6).toFixed(0)} MB + ${(wasmBytes / 1e6).toFixed(0)} MB`, "budget 300 MB"]);
  }
  /** ms from navigation to the list interactive, and to everything loaded. */
  async function startup(page, address, total) {
    const t0 = Date.now();
    await page.goto(address);
    await page.locator('[data-testid="article-item"]').first().waitFor();
    const listed = Date.now() - t0;
    await page.locator('[data-testid="import-status"][data-loaded="true"]').waitFor({ state: "attached", timeout: 600_000 });
    await page.locator(`[data-testid="shown-count"]`, { hasText: `of ${total} articles` }).waitFor({ timeout: 600_000 });
    return [listed, Date.now() - t0];
  }

  // bundled at build time: the corpus in chunks, the first preloaded, the rest streamed
  if (dist10k) {
    const served = await serve(dist10k, { base: "/big/" });
    const big = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const pg = await ctx.newPage();
      big.push(await startup(pg, served.url, "10000"));
      if (i < 2) await ctx.close();
      else {
        rows.push(["10,000 bundled: startup, list interactive / all 10,000 loaded (median of 3 cold loads)", `${median(big.map((b) => b[0]))} ms / ${median(big.map((b) => b[1]))} ms`, "budget 2 s"]);
        await interactions(ctx, pg, "10,000 bundled");
        await ctx.close();
      }
    }
    const chunks = readdirSync(join(dist10k, "corpus"));
    const bytes = chunks.reduce((n, f) => n + statSync(join(dist10k, "corpus", f)).size, 0);
    const firstChunk = chunks.find((f) => f.startsWith("0-"));
    rows.push(["10,000 bundled: the corpus on the host", `${chunks.length} chunks, ${(bytes / 1e6).toFixed(1)} MB; the first ${kb(statSync(join(dist10k, "corpus", firstChunk)).size)}`, ""]);
    served.server.close();
  }

  // imported by a reader: 5 export files through Import, kept in IndexedDB
  const corpus = join(root, "target", "corpus");
  const exports = readdirSync(corpus).filter((f) => f.startsWith("export-")).sort().map((f) => join(corpus, f));
  const big10k = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p10 = await big10k.newPage();
  await p10.goto(url);
  await p10.locator('[data-testid="article-item"]').first().waitFor();
  const ti = Date.now();
  await p10.locator('[data-testid="import-file"]').setInputFiles(exports);
  await p10.locator('[data-testid="import-report"]').waitFor({ timeout: 600_000 });
  rows.push(["10,000 imported: importing them (17 MB, 5 export files)", `${((Date.now() - ti) / 1000).toFixed(1)} s`, ""]);
  const [listed, all] = await startup(p10, url, "10005");
  rows.push(["10,000 imported: startup, list interactive (bundled) / all 10,005 loaded", `${listed} ms / ${all} ms`, "budget 2 s"]);
  await interactions(big10k, p10, "10,000 imported");
  await big10k.close();
} finally {
  await browser.close();
  server.close();
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\n| ${"measure".padEnd(w0)} | ${"value".padEnd(w1)} | budget / comparison |`);
console.log(`| ${"-".repeat(w0)} | ${"-".repeat(w1)} | --- |`);
for (const [m, v, c] of rows) console.log(`| ${m.padEnd(w0)} | ${v.padEnd(w1)} | ${c} |`);
