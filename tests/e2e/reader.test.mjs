// The reader foundation as a person uses it: the list, opening articles, deep links,
// back/forward, j/k, and the layout on a desktop and a phone.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, ready, shot, catalog, seedText, seedIds, DESKTOP, PHONE } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const BOILERPLATE = [
  "Accessibility links",
  "Breaking News",
  "Join the mailing list",
  "LEAVE A REPLY",
  "Please enter your comment!",
  "Please enter your name here",
  "Security-Cleared Career Network",
  "JOIN NOW",
  "16x9 Image",
  "Sign up for a daily email",
];

test("the list shows every bundled article with title, outlet, date and reading time", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const items = page.locator('[data-testid="article-item"]');
  assert.equal(await items.count(), seedIds().length);
  const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.articleId));
  assert.deepEqual([...ids].sort(), seedIds());
  for (const entry of catalog()) {
    const item = page.locator(`[data-testid="article-item"][data-article-id="${entry.id}"]`);
    assert.equal(await item.locator('[data-testid="article-title"]').innerText(), entry.title);
    assert.equal(await item.locator('[data-testid="article-outlet"]').innerText(), entry.outlet);
    assert.match(await item.innerText(), /\d+ min read/);
  }
  assert.match(await page.locator('[data-article-id^="003"]').innerText(), /12 Oct 2020/);
  assert.deepEqual(errors, []);
});

test("each article opens, cleaned, with its metadata and no web furniture", async () => {
  const { page, errors, requests } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  for (const entry of catalog()) {
    await page.locator(`[data-testid="article-item"][data-article-id="${entry.id}"]`).click();
    await page.waitForFunction((id) => location.hash === `#/article/${id}`, entry.id);
    assert.equal(await page.locator('[data-testid="reader-title"]').innerText(), entry.title);
    assert.equal(await page.locator('[data-testid="reader-outlet"]').innerText(), entry.outlet);
    const body = await page.locator('[data-testid="article-body"]').innerText();
    // the longest line of the raw seed is report text, and it is there
    const longest = seedText(entry.id).split("\n").sort((a, b) => b.length - a.length)[0].trim();
    assert.ok(body.includes(longest.slice(0, 120)), `${entry.id}: body lacks ${longest.slice(0, 60)}`);
    for (const b of BOILERPLATE) assert.ok(!body.includes(b), `${entry.id}: ${b} shown`);
    assert.ok(!body.includes(entry.title), `${entry.id}: title repeated in the body`);
    assert.ok(!/^\d+$/m.test(body), `${entry.id}: a share counter is shown`);
    assert.equal(await page.title(), `${entry.title} · Helmand Reader`);
  }
  // every request stayed under the sub-path the app is served from
  assert.deepEqual(requests.filter((u) => !u.startsWith(app.url)), []);
  assert.deepEqual(errors, []);
});

test("photo captions are shown once, as captions", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/004_2b283770fa351327`);
  await ready(page);
  const captions = page.locator('[data-testid="article-body"] figcaption');
  assert.ok((await captions.count()) >= 5);
  const texts = await captions.allInnerTexts();
  assert.equal(new Set(texts).size, texts.length, "a caption is shown twice");
  assert.equal(texts.filter((t) => t.includes("US soldiers in Deh Afghan in 2006")).length, 1);
  const paragraphs = await page.locator('[data-testid="article-body"] p').allInnerTexts();
  assert.ok(!paragraphs.some((p) => p.includes("(pictured")), "a caption is shown as a paragraph");
});

test("unknown metadata says unknown, never a guess", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/004_2b283770fa351327`);
  await ready(page);
  for (const id of ["reader-outlet", "reader-author", "reader-date"]) {
    assert.equal(await page.locator(`[data-testid="${id}"]`).innerText(), "unknown");
  }
  assert.match(await page.locator('[data-testid="reader-provenance"]').innerText(), /Machine-translated/);
});

test("a deep link opens its article, also after a reload", async () => {
  const { page } = await openPage(app.browser);
  const id = "003_48a226dbb348ec7a";
  await page.goto(`${app.url}#/article/${id}`);
  await ready(page);
  const title = catalog().find((e) => e.id === id).title;
  assert.equal(await page.locator('[data-testid="reader-title"]').innerText(), title);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="reader-title"]').innerText(), title);
  assert.equal(await page.locator(`[data-article-id="${id}"]`).getAttribute("aria-current"), "page");
});

test("an address naming no article says so and offers a way back", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/no-such-article`);
  await ready(page);
  assert.match(await page.locator('[data-testid="not-found"]').innerText(), /no-such-article/);
  await page.locator('[data-testid="not-found"] a').click();
  await page.locator('[data-testid="reader-title"]').waitFor();
  assert.deepEqual(errors, []);
});

test("back and forward move between opened articles", async () => {
  const { page } = await openPage(app.browser);
  const [a, b] = catalog();
  await page.goto(app.url);
  await ready(page);
  await page.locator(`[data-article-id="${a.id}"]`).click();
  await page.locator(`[data-article-id="${b.id}"]`).click();
  await page.waitForFunction((id) => location.hash.endsWith(id), b.id);
  await page.goBack();
  await page.waitForFunction((id) => location.hash.endsWith(id), a.id);
  assert.equal(await page.locator('[data-testid="reader-title"]').innerText(), a.title);
  await page.goForward();
  await page.waitForFunction((id) => location.hash.endsWith(id), b.id);
  assert.equal(await page.locator('[data-testid="reader-title"]').innerText(), b.title);
});

test("j and k move to the next and previous article, and stop at the ends", async () => {
  const { page } = await openPage(app.browser);
  const entries = catalog();
  await page.goto(app.url);
  await ready(page);
  const title = () => page.locator('[data-testid="reader-title"]').innerText();
  assert.equal(await title(), entries[0].title, "the first article is open at the start");
  await page.keyboard.press("j");
  await page.waitForFunction((id) => location.hash.endsWith(id), entries[1].id);
  assert.equal(await title(), entries[1].title);
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.waitForFunction((id) => location.hash.endsWith(id), entries[1].id);
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await page.waitForFunction((id) => location.hash.endsWith(id), entries[0].id);
  assert.equal(await title(), entries[0].title);
  for (let i = 0; i < 8; i++) await page.keyboard.press("j");
  await page.waitForFunction((id) => location.hash.endsWith(id), entries.at(-1).id);
  // a modified key is the browser's, not ours
  await page.keyboard.press("Control+k");
  assert.ok((await page.evaluate(() => location.hash)).endsWith(entries.at(-1).id));
});

test("desktop: list and reader side by side", async () => {
  const { page } = await openPage(app.browser, { viewport: DESKTOP });
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
  await ready(page);
  const list = await page.locator("aside.side").boundingBox();
  const reader = await page.locator("main.reader").boundingBox();
  assert.ok(reader.x >= list.x + list.width - 1, "reader is right of the list");
  assert.ok(Math.abs(reader.y - list.y) < 2, "both start at the same height");
  await shot(page, "desktop-light");
  const dark = await openPage(app.browser, { viewport: DESKTOP, colorScheme: "dark" });
  await dark.page.goto(`${app.url}#/article/004_2b283770fa351327`);
  await ready(dark.page);
  const bg = (p) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(await bg(dark.page), await bg(page), "dark theme follows the system setting");
  await shot(dark.page, "desktop-dark");
});

test("phone: the list first, an opened article as a view of its own at the top", async () => {
  const { page } = await openPage(app.browser, { viewport: PHONE });
  await page.goto(app.url);
  await ready(page);
  const list = await page.locator("aside.side").boundingBox();
  assert.ok(list.width <= PHONE.width, "nothing wider than the screen");
  assert.equal(await page.locator("main.reader").isVisible(), false, "the list is the first view");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await shot(page, "phone-list");
  await page.locator('[data-article-id^="002"]').click();
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="reader-title"]')?.getBoundingClientRect();
    return r && r.top >= -1 && r.top < innerHeight / 3; // at the top of the screen, under the back control
  });
  assert.equal(await page.locator("aside.side").isVisible(), false, "the reader is a view of its own");
  await shot(page, "phone-article");
});
