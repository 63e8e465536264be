// The district table, the source filter and search, as a reader uses them, alone and
// together, with the state in the address (reload, new page, back/forward) and by keyboard.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, ready, shot, seedIds, PHONE } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const listed = (page) => page.locator('[data-testid="article-item"]').evaluateAll((els) => els.map((e) => e.dataset.articleId.slice(0, 3)));
const district = (page, name) => page.locator(`[data-testid="district"][data-district="${name}"]`);

test("the district table lists all 14 districts with counts, the unmentioned dimmed", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const rows = page.locator('[data-testid="district"]');
  assert.equal(await rows.count(), 14);
  const names = await rows.evaluateAll((els) => els.map((e) => e.dataset.district));
  for (const d of ["Baghran", "Dishu", "Garmsir", "Kajaki", "Khanashin", "Lashkar Gah", "Marjah", "Musa Qala", "Nad Ali", "Nahr-e Saraj", "Nawa-i-Barakzayi", "Nawzad", "Sangin", "Washir"]) {
    assert.ok(names.includes(d), d);
  }
  assert.equal(await district(page, "Musa Qala").getAttribute("data-articles"), "3");
  assert.equal(await district(page, "Sangin").getAttribute("data-mentions"), "0");
  const counts = await rows.evaluateAll((els) => els.map((e) => [Number(e.dataset.articles), Number(e.dataset.mentions)]));
  assert.ok(counts.every((c, i) => i === 0 || c[0] < counts[i - 1][0] || (c[0] === counts[i - 1][0] && c[1] <= counts[i - 1][1])), "busiest first");
  const dim = await district(page, "Sangin").evaluate((e) => getComputedStyle(e).color);
  const lit = await district(page, "Musa Qala").evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(dim, lit, "unmentioned districts are dimmed");
  await page.getByRole("button", { name: "by name" }).click();
  const sorted = await rows.evaluateAll((els) => els.map((e) => e.dataset.district));
  assert.deepEqual(sorted, [...sorted].sort());
  assert.deepEqual(errors, []);
});

test("choosing Musa Qala lists exactly the three 2015 reports and marks its mentions", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await district(page, "Musa Qala").click();
  await page.waitForFunction(() => location.hash.includes("district=Musa"));
  assert.deepEqual(await listed(page), ["000", "001", "002"]);
  assert.equal(await district(page, "Musa Qala").getAttribute("aria-pressed"), "true");
  assert.match(await page.locator('[data-testid="shown-count"]').innerText(), new RegExp(`3 of ${seedIds().length}`));
  const marked = page.locator('[data-testid="article-body"] mark.in-district');
  assert.ok((await marked.count()) >= 5);
  assert.ok((await marked.allInnerTexts()).every((t) => /Musa Q/.test(t)));
  const box = await marked.first().boundingBox();
  assert.ok(box.y >= 0 && box.y < 800, "scrolled to the first mention");
  await district(page, "Musa Qala").click(); // again: the filter goes
  await page.waitForFunction(() => !location.hash.includes("district="));
  assert.equal((await listed(page)).length, seedIds().length);
});

test("a district row opens to the sentences naming it, per article", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.getByRole("link", { name: "Sentences naming Nawzad" }).click();
  const box = page.locator('[data-testid="district-sentences"]');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /neighboring district of Nawzad/);
  assert.match(text, /Naw Zad last week/, "a spelling variant counts");
  assert.equal(await box.locator(":scope > li").count(), 3);
});

test("choosing an outlet narrows the list and the district counts", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const sputnik = page.locator('[data-testid="source-option"][data-outlet="Sputnik News"]');
  await sputnik.getByRole("button", { name: /only/i }).click();
  await page.waitForFunction(() => location.hash.includes("source="));
  assert.deepEqual(await listed(page), ["002"]);
  assert.equal(await district(page, "Musa Qala").getAttribute("data-articles"), "1");
  assert.equal(await district(page, "Lashkar Gah").getAttribute("data-articles"), "0");
  // several outlets: tick a second
  await page.locator('[data-testid="source-option"][data-outlet="Antiwar.com"] input').check();
  await page.waitForFunction(() => (location.hash.match(/source=/g) || []).length === 2);
  assert.deepEqual(await listed(page), ["001", "002"]);
  const unknown = page.locator('[data-testid="source-option"][data-outlet="Unknown outlet"]');
  assert.match(await unknown.innerText(), /Unknown outlet \(1\)/);
  await page.getByTestId("sources-all").click();
  await page.waitForFunction(() => !location.hash.includes("source="));
  assert.equal((await listed(page)).length, seedIds().length);
});

test("search finds a word in one article only, highlights it, and / focuses the box", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "search");
  await page.keyboard.type("SOUNDCLOUD");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-item"]').length === 1);
  assert.equal(await page.locator('[data-testid="search"]').inputValue(), "SOUNDCLOUD", "the / key is not typed");
  assert.deepEqual(await listed(page), ["000"]);
  assert.match(await page.locator('[data-testid="article-snippet"]').innerText(), /Soundcloud/);
  await page.locator('[data-testid="article-item"]').click();
  const hits = await page.locator('[data-testid="article-body"] [data-testid="search-hit"]').allInnerTexts();
  assert.deepEqual(hits, ["Soundcloud"]);
  // case, accents and word order do not matter
  await page.locator('[data-testid="search"]').fill("crisis GRAEMÉ");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-item"]').length === 1);
  assert.deepEqual(await listed(page), ["000"]);
});

test("filters combine, say how many are shown, and an empty result offers to clear", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/?district=Musa%20Qala&q=biden`);
  await ready(page).catch(() => {});
  await page.locator('[data-testid="empty"]').waitFor();
  const text = await page.locator('[data-testid="empty"]').innerText();
  assert.match(text, /Musa Qala/);
  assert.match(text, /biden/);
  assert.match(await page.locator('[data-testid="shown-count"]').innerText(), new RegExp(`0 of ${seedIds().length}`));
  await page.locator('[data-testid="empty"] button').click();
  await ready(page);
  assert.equal((await listed(page)).length, seedIds().length);
});

test("a filtered address survives a reload and a new page; back and forward step through changes", async () => {
  const { page, context } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await district(page, "Nawzad").click();
  await page.waitForFunction(() => location.hash.includes("district=Nawzad"));
  await page.locator('[data-testid="source-option"][data-outlet="Sputnik News"]').getByRole("button", { name: /only/i }).click();
  await page.waitForFunction(() => location.hash.includes("source="));
  const view = async (p) => ({ list: await listed(p), title: await p.locator('[data-testid="reader-title"]').innerText() });
  const filtered = await view(page);
  assert.deepEqual(filtered.list, ["002"]);
  const url = page.url();
  await page.reload();
  await ready(page);
  assert.deepEqual(await view(page), filtered);
  const other = await context.newPage();
  await other.goto(url);
  await ready(other);
  assert.deepEqual(await view(other), filtered);
  assert.equal(await other.locator('[data-testid="district"][data-district="Nawzad"]').getAttribute("aria-pressed"), "true");
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("source="));
  assert.deepEqual(await listed(page), ["000", "001", "002"]);
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes("source="));
  assert.deepEqual(await listed(page), ["002"]);
});

test("every filter works from the keyboard alone", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await district(page, "Musa Qala").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash.includes("district=Musa"));
  assert.equal((await listed(page)).length, 3);
  const outline = await district(page, "Musa Qala").evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, "none", "visible focus");
  await page.keyboard.press("Space"); // toggles off again
  await page.waitForFunction(() => !location.hash.includes("district="));
  await page.locator('[data-testid="source-option"][data-outlet="Antiwar.com"] input').focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => location.hash.includes("source="));
  assert.equal((await listed(page)).length, 4, "unticking one outlet");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "search");
  await page.keyboard.type("kandahar");
  await page.waitForFunction(() => location.hash.includes("q=kandahar"));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "search", "the box keeps the focus while the list changes");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !location.hash.includes("q="));
  await shot(page, "filters-keyboard");
  // the side panel's tabs: arrow keys move between them
  await page.locator('[data-testid="tab-articles"]').focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator('[data-testid="tab-entities"]').getAttribute("aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "tab-entities");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "entity-search", "Tab goes into the panel: its search box");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "entity-index-item", "then its entities");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator('[data-testid="entity-index-item"]').first().getAttribute("aria-expanded"), "true");
});

test("the entity index filters the articles too", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="tab-entities"]').click();
  await page.locator('[data-testid="entity-index-item"]', { hasText: "Zabihullah Mujahid" }).click();
  await page.locator('[data-testid="entity-filter"]').click();
  await page.waitForFunction(() => location.hash.includes("entity="));
  await page.locator('[data-testid="tab-articles"]').click();
  assert.deepEqual(await listed(page), ["003", "004"]);
  assert.match(await page.locator(".chip").innerText(), /Zabihullah Mujahid/);
});

test("phone: filters fold away above the list", async () => {
  const { page } = await openPage(app.browser, { viewport: PHONE });
  await page.goto(`${app.url}#/?district=Musa%20Qala`);
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.equal(await page.locator("details.districts").getAttribute("open"), null);
  await page.locator("details.districts summary").click();
  assert.ok(await district(page, "Musa Qala").isVisible());
  await shot(page, "phone-districts");
});
