// Offline after the first load, on any static host: the service worker, the update offer,
// the web app manifest, and no request outside the app's own origin.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { start, openPage, ready, shot, catalog, ROOT } from "./harness.mjs";
import { serve } from "../../scripts/static-server.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const listed = (page) => page.locator('[data-testid="article-item"]').evaluateAll((els) => els.map((e) => e.dataset.articleId.slice(0, 3)));
/** Waits until the service worker is active (it precaches while installing). */
const installed = (page) => page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

test("after one visit the app works offline, deep links with filters included", async () => {
  const { page, context, requests, errors } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/000_913ef45cb6386b48`);
  await ready(page);
  assert.ok(await installed(page));
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal((await listed(page)).length, 5, "the list");
  assert.ok((await page.locator('[data-testid="article-body"] mark[data-entity-type="place"]').count()) > 5, "an article with highlights");
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), "served by the worker");
  // an address never visited, with filters, reloaded offline
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a?district=Lashkar%20Gah&q=babaji`);
  await page.reload();
  await ready(page);
  assert.deepEqual(await listed(page), ["003"]);
  assert.equal(await page.locator('[data-testid="district"][data-district="Lashkar Gah"]').getAttribute("aria-pressed"), "true");
  assert.ok((await page.locator('[data-testid="search-hit"]').count()) >= 1);
  await shot(page, "offline-filtered");
  const origin = new URL(app.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:")), [], "no request outside the origin");
  assert.deepEqual(errors, []);
});

test("the manifest is valid and its icons load, under the sub-path", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  assert.ok(href.startsWith(app.url), href);
  const manifest = await page.evaluate((h) => fetch(h).then((r) => r.json()), href);
  assert.equal(manifest.name, "Helmand Reader");
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.equal(new URL(manifest.start_url, href).href, app.url, "start_url is the app's own address");
  assert.equal(new URL(manifest.scope, href).href, app.url);
  const sizes = new Set();
  assert.ok(manifest.icons.every((i) => i.type === "image/png"), "every icon is a PNG (and so checked below)");
  for (const icon of manifest.icons) {
    const dims = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const b = new DataView(await r.arrayBuffer());
      return [r.status, b.getUint32(16), b.getUint32(20)];
    }, new URL(icon.src, href).href);
    assert.equal(dims[0], 200);
    assert.equal(`${dims[1]}x${dims[2]}`, icon.sizes);
    sizes.add(icon.sizes);
  }
  assert.ok(sizes.has("192x192") && sizes.has("512x512"));
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
});

test("the page sets a strict Content-Security-Policy that still runs the app", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  // inline script is refused
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.body.append(s);
    return Boolean(window.__inlineRan);
  });
  assert.equal(ran, false);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
});

/** A copy of dist/ changed the way a new build changes it: a new rule in the stylesheet
 *  (inlined in index.html), then the post-build step run again (new CSP hash, new version). */
function secondBuild(dir) {
  const index = readFileSync(join(dir, "index.html"), "utf8").replace("</style>", '\n.tagline::after{content:" · v2"}\n</style>');
  writeFileSync(join(dir, "index.html"), index);
  execFileSync("node", [join(ROOT, "scripts", "precache.mjs"), dir]);
}

test("a new deployment is offered, and after the reload only the new version is served", async () => {
  const served = mkdtempSync(join(tmpdir(), "helmand-update-"));
  cpSync(join(ROOT, "dist"), served, { recursive: true });
  const { server, url } = await serve(served, { base: "/reader/" });
  try {
    const { page, errors } = await openPage(app.browser);
    await page.goto(url);
    await ready(page);
    await installed(page);
    await page.reload(); // now controlled by version 1
    await ready(page);
    const marker = () => page.evaluate(() => getComputedStyle(document.querySelector(".tagline"), "::after").content);
    assert.equal(await marker(), "none");
    const next = mkdtempSync(join(tmpdir(), "helmand-next-"));
    cpSync(join(ROOT, "dist"), next, { recursive: true });
    secondBuild(next);
    rmSync(served, { recursive: true });
    cpSync(next, served, { recursive: true });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const offer = page.locator('[data-testid="update"]');
    await offer.waitFor();
    assert.match(await offer.innerText(), /new version is available/i);
    assert.equal(await marker(), "none", "still the old version until the reader chooses");
    await shot(page, "update-offer");
    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload" }).click()]);
    await ready(page);
    assert.equal(await marker(), '" · v2"', "the new content after the reload");
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches removed: ${caches}`);
    assert.deepEqual(errors, []);
    rmSync(next, { recursive: true });
  } finally {
    await new Promise((ok) => server.close(ok));
    rmSync(served, { recursive: true, force: true });
  }
});

test("the first article is in the page itself: read before the app loads; a deep link hides it", async () => {
  const first = catalog()[0];
  const { page, context } = await openPage(app.browser);
  await context.route(/\.wasm$/, (r) => r.abort()); // the app never starts
  await page.goto(app.url);
  const pre = page.locator(".prerendered");
  assert.equal(await pre.locator("h1").textContent(), first.title);
  assert.ok(await pre.isVisible());
  assert.ok((await pre.locator("p[elementtiming]").count()) >= 1, "its opening paragraphs");
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
  await page.reload();
  assert.ok(!(await pre.isVisible()), "another article's link does not show the first article");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#app"), "::before").content), '"Loading…"');
  // with the app running, it is replaced
  const ok = await openPage(app.browser);
  await ok.page.goto(app.url);
  await ready(ok.page);
  assert.equal(await ok.page.locator(".prerendered").count(), 0);
  assert.deepEqual(ok.errors, []);
});
