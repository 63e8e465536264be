// The corpus prepared at build time (src/bin/prepare.rs): a larger corpus bundled with
// HELMAND_CORPUS streams in by chunks, its filters span every chunk and it works offline;
// a damaged chunk is reported and the app still works.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { start, openPage, ready, shot, ROOT } from "./harness.mjs";
import { serve } from "../../scripts/static-server.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const shown = (page) => page.locator('[data-testid="shown-count"] span').first().textContent();
const loaded = (page) => page.locator('[data-testid="import-status"][data-loaded="true"]').waitFor({ state: "attached", timeout: 60_000 });

/** A copy of dist/ whose bundled corpus is `corpus` (a directory in the format of seeds/),
 *  prepared the way `HELMAND_CORPUS=… trunk build` prepares it. */
function distWith(corpus) {
  const dir = mkdtempSync(join(tmpdir(), "helmand-corpus-dist-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  rmSync(join(dir, "corpus"), { recursive: true });
  const index = readFileSync(join(dir, "index.html"), "utf8")
    .replace(/<meta name="corpus"[^>]*>/, "")
    .replace(/<link rel="preload" href="corpus\/[^>]*>/, "");
  writeFileSync(join(dir, "index.html"), index);
  execFileSync("node", [join(ROOT, "scripts", "precache.mjs"), dir], { env: { ...process.env, HELMAND_CORPUS: corpus }, stdio: "pipe" });
  return dir;
}

test("a corpus of 300 articles bundled at build time arrives in chunks; filters span them all; it works offline", async () => {
  const corpus = mkdtempSync(join(tmpdir(), "helmand-corpus-"));
  execFileSync("node", [join(ROOT, "scripts", "make-corpus.mjs"), "--count", "300", "--seed", "3", "--out", corpus], { stdio: "pipe" });
  const dist = distWith(corpus);
  const chunks = readdirSync(join(dist, "corpus"));
  assert.ok(chunks.length >= 2, `several chunks: ${chunks}`);
  const truth = JSON.parse(readFileSync(join(corpus, "truth.json"), "utf8"));
  const { server, url } = await serve(dist, { base: "/big/" });
  try {
    const { page, context, errors } = await openPage(app.browser);
    await page.goto(url);
    await ready(page);
    await loaded(page);
    assert.equal(await shown(page), "300 of 300 articles");
    // a district names articles from every chunk, not only the first 50
    const kajaki = page.locator('[data-testid="district"][data-district="Kajaki"]');
    const expected = Object.values(truth).filter((ds) => ds.includes("Kajaki")).length;
    assert.ok(expected > 0);
    assert.ok(Number(await kajaki.getAttribute("data-articles")) >= expected, "every article written about Kajaki is counted");
    await kajaki.click();
    const n = Number((await shown(page)).split(" ")[0]);
    assert.ok(n >= expected && n < 300, `${n} shown`);
    await page.locator(".side").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(100);
    const ids = await page.locator('[data-testid="article-item"]').evaluateAll((els) => els.map((e) => e.dataset.articleId));
    assert.ok(ids.some((id) => Number(id.replace("gen-", "")) >= 50), `articles past the first chunk are listed: ${ids.slice(-3)}`);
    await page.locator('[data-testid="article-item"]').last().click();
    assert.ok((await page.locator('[data-testid="article-body"] mark[data-entity-type="place"]').count()) >= 1, "highlighted");
    await shot(page, "corpus-300");
    // offline: every chunk was precached
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await loaded(page);
    assert.equal(await page.locator('[data-testid="district"][data-district="Kajaki"]').getAttribute("aria-pressed"), "true");
    assert.equal(Number((await shown(page)).split(" ")[0]), n, "the same view offline");
    assert.deepEqual(errors, []);
  } finally {
    server.close();
    rmSync(dist, { recursive: true });
    rmSync(corpus, { recursive: true });
  }
});

test("a damaged corpus chunk is reported in words, and the app still imports", async () => {
  const dir = mkdtempSync(join(tmpdir(), "helmand-damaged-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  const chunk = readdirSync(join(dir, "corpus"))[0];
  const good = readFileSync(join(dir, "corpus", chunk), "utf8");
  writeFileSync(join(dir, "corpus", chunk), good.slice(0, 5000)); // cut short, as by a broken upload
  const { server, url } = await serve(dir, { base: "/reader/" });
  try {
    const { page, errors } = await openPage(app.browser);
    await page.goto(url);
    const problem = page.locator('[data-testid="storage-problem"]');
    await problem.waitFor();
    assert.match(await problem.textContent(), new RegExp(`The bundled articles could not be loaded: corpus/${chunk} could not be read \\(article 1 of the chunk: it is cut short or damaged at byte \\d+\\)`));
    assert.equal(await shown(page), "0 of 0 articles");
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("Market reopens in Sangin\n\nThe market in Sangin reopened on Monday.") });
    await ready(page);
    assert.equal(await page.locator('[data-testid="article-title"]').first().textContent(), "Market reopens in Sangin");
    await shot(page, "corpus-damaged");
    assert.deepEqual(errors, []);
  } finally {
    server.close();
    rmSync(dir, { recursive: true });
  }
});
