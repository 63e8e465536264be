// Entity highlighting as a reader uses it: typed marks in every article, aliases merged,
// the tooltip on hover and keyboard focus, legend toggles that persist, the entity index.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, ready, shot, seedIds, ROOT, PHONE } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const TYPES = ["person", "org", "place", "date"];
const fold = (s) => s.toLowerCase().replace(/\b(\w)\./g, "$1").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** The marks of the open article as {text, type, id, mention}. */
const marks = (page) =>
  page.locator('[data-testid="article-body"] mark').evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent, type: e.dataset.entityType, id: e.dataset.entityId, mention: e.dataset.mention })),
  );

test("every article has typed marks covering its hand-made gold entities", async () => {
  const { page, errors } = await openPage(app.browser);
  for (const id of seedIds()) {
    await page.goto(`${app.url}#/article/${id}`);
    await ready(page);
    const found = await marks(page);
    assert.ok(found.length > 20, `${id}: only ${found.length} marks`);
    for (const m of found) {
      assert.ok(TYPES.includes(m.type), `${id}: bad type ${m.type}`);
      assert.match(m.id, new RegExp(`^${m.type}-\\w+`), `${id}: bad id ${m.id}`);
    }
    // required gold entities that the reading pane shows (the dateline and byline are metadata)
    const gold = JSON.parse(readFileSync(join(ROOT, "tests", "gold", `${id}.txt.json`), "utf8"));
    const body = fold(await page.locator('[data-testid="article-body"]').innerText());
    const wanted = gold.entities.filter((e) => !e.optional && body.includes(fold(e.text)));
    const hit = wanted.filter((e) => found.some((m) => m.type === e.type && (fold(m.text).includes(fold(e.text)) || fold(e.text).includes(fold(m.text)))));
    const missed = wanted.filter((e) => !hit.includes(e)).map((e) => `${e.type}:${e.text}`);
    assert.ok(hit.length / wanted.length >= 0.95, `${id}: marks miss ${missed.join(", ")}`);
  }
  assert.deepEqual(errors, []);
});

test("aliases share one entity id across spellings and articles", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
  await ready(page);
  const a = await marks(page);
  const zabihullah = a.find((m) => m.text === "Zabihullah Mujahid");
  const ataullah = a.find((m) => m.text === "Ataullah Afghan");
  const mrAfghan = a.find((m) => m.text === "Afghan" && m.type === "person");
  assert.equal(mrAfghan?.id, ataullah.id, "Mr. Afghan is Ataullah Afghan");
  await page.goto(`${app.url}#/article/004_2b283770fa351327`);
  await ready(page);
  const b = await marks(page);
  assert.equal(b.find((m) => m.text === "Zabiullah Mujahid")?.id, zabihullah.id);
  assert.equal(b.find((m) => m.text === "Mujahid")?.id, zabihullah.id, "surname back-reference");
  assert.equal(b.find((m) => m.text === "Attaullah Afghan")?.id, ataullah.id);
  assert.equal(b.find((m) => m.text === "ANA")?.id, b.find((m) => m.text === "Afghan National Army")?.id);
  const biden = b.filter((m) => m.text.includes("Biden")).map((m) => m.id);
  assert.ok(biden.length >= 3 && new Set(biden).size === 1, "Biden and Joe Biden are one person");
});

test("hover and keyboard focus show type, canonical name and count", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/004_2b283770fa351327`);
  await ready(page);
  const tip = page.locator('[data-testid="entity-tip"]');
  assert.equal(await tip.isVisible(), false);
  await page.locator('mark', { hasText: /^Zabiullah Mujahid$/ }).hover();
  await tip.waitFor({ state: "visible" });
  const text = await tip.innerText();
  assert.match(text, /^person/i);
  assert.match(text, /Zabihullah Mujahid/, "canonical name, not this article's spelling");
  assert.match(text, /\d+ mentions in 2 articles/);
  await shot(page, "entity-tooltip");
  // keyboard: Tab reaches marks, and focus shows the tooltip for the focused one
  await page.mouse.move(0, 0);
  await page.locator('mark[data-entity-type="place"]').first().focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.textContent);
  await tip.waitFor({ state: "visible" });
  assert.ok((await tip.innerText()).length > 0);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-describedby")), "entity-tip", focused);
});

test("legend toggles hide and show a type, and the choice survives a reload", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/000_913ef45cb6386b48`);
  await ready(page);
  const dates = page.locator('mark[data-entity-type="date"]');
  const people = page.locator('mark[data-entity-type="person"]');
  const before = await dates.count();
  assert.ok(before > 0);
  const toggle = page.locator('[data-testid="legend-toggle"][data-entity-type="date"]');
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.equal(await dates.count(), 0, "dates are no longer marked");
  assert.ok((await people.count()) > 0, "other types stay");
  assert.match(await page.locator('[data-testid="article-body"]').innerText(), /Wednesday/, "the text stays");
  await page.reload();
  await ready(page);
  assert.equal(await dates.count(), 0, "still hidden after a reload");
  await page.locator('[data-testid="legend-toggle"][data-entity-type="date"]').click();
  assert.equal(await dates.count(), before);
});

test("unreadable saved settings are reported and the app still works", async () => {
  const { page, context, errors } = await openPage(app.browser);
  await context.addInitScript(() => localStorage.setItem("helmand-reader/highlighted-types/v1", "person,<img src=x onerror=alert(1)>"));
  await page.goto(app.url);
  await ready(page);
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /could not be read/);
  for (const t of TYPES) assert.ok((await page.locator(`mark[data-entity-type="${t}"]`).count()) > 0, `${t} shown`);
  assert.equal(await page.locator('[data-testid="notice"] img').count(), 0, "saved text is shown as text");
  assert.deepEqual(errors, []);
});

test("the entity index lists entities by type and jumps to a mention", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/article/000_913ef45cb6386b48`);
  await ready(page);
  await page.locator('[data-testid="tab-entities"]').click();
  const items = page.locator('[data-testid="entity-index-item"]');
  assert.ok((await items.count()) > 50);
  const groups = await page.locator(".entity-group h2").allTextContents();
  assert.deepEqual(groups, ["People", "Organisations", "Places", "Dates"]);
  const taliban = page.locator('[data-testid="entity-index-item"][data-entity-id="org-taliban"]');
  assert.ok(Number(await taliban.locator(".entity-count").innerText()) >= 40);
  const mujahid = items.filter({ hasText: "Zabihullah Mujahid" });
  await mujahid.click();
  assert.equal(await mujahid.getAttribute("aria-expanded"), "true");
  const mentions = page.locator('[data-testid="entity-mention"]');
  const sources = new Set(await mentions.evaluateAll((els) => els.map((e) => e.dataset.articleId)));
  assert.deepEqual([...sources].sort(), ["003_48a226dbb348ec7a", "004_2b283770fa351327"]);
  await shot(page, "entity-index");
  const target = mentions.filter({ hasText: "Speaking to Twitter" });
  const href = await target.getAttribute("href");
  await target.click();
  await page.waitForFunction((h) => location.hash === h, href);
  const n = href.split("/").pop();
  const mark = page.locator(`mark[data-mention="${n}"]`);
  assert.equal(await mark.innerText(), "Mujahid");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.mention), n, "the mention has focus");
  const box = await mark.boundingBox();
  assert.ok(box.y > 0 && box.y < 800, "the mention is in view");
});

test("article text is rendered as text nodes only, markup in it included", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  // an article whose text is full of markup: every tag stays text
  const markup = `<b>bold</b> <i onclick="x()">i</i> <table><tr><td>cell</td></tr></table> <svg onload="window.__pwned=1"></svg>`;
  await page.locator('[data-testid="paste-open"]').click();
  await page.locator('[data-testid="paste-title"]').fill("Markup in Sangin");
  await page.locator('[data-testid="paste-text"]').fill(`Fighting in Sangin went on, officials said on Monday. ${markup}`);
  await page.locator('[data-testid="paste-add"]').click();
  await page.locator('[data-testid="reader-title"]', { hasText: "Markup in Sangin" }).waitFor({ timeout: 60_000 });
  assert.ok((await page.locator('[data-testid="article-body"]').textContent()).includes(markup), "the markup is shown as text");
  const ids = [...seedIds(), await page.evaluate(() => location.hash.split("/")[2].split("?")[0])];
  for (const id of ids) {
    await page.goto(`${app.url}#/article/${id}`);
    await page.locator('[data-testid="article-body"]').waitFor();
    const tags = await page.locator('[data-testid="article-body"] *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
    for (const t of tags) assert.ok(["P", "H2", "FIGURE", "FIGCAPTION", "SPAN", "MARK", "ASIDE", "DIV", "STRONG"].includes(t), `${id}: ${t}`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test("phone: highlights and legend fit the screen", async () => {
  const { page } = await openPage(app.browser, { viewport: PHONE, colorScheme: "dark" });
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.locator("mark").first().scrollIntoViewIfNeeded();
  await shot(page, "phone-dark-marks");
});
