// Issue 16: the figures view and a district's control timeline, used as a person uses
// them: the tab reached by keys, a quote opening the article at its place, the timeline of
// Musa Qala in date order, the filters applied, and both CSV exports read back.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, ready, shot, PHONE } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

test("the figures tab lists each claim with its source, and a quote opens the article at its place", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  // by keys: the tab list takes arrows
  await page.locator('[data-testid="tab-articles"]').focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="figures-panel"]').waitFor();
  const rows = await page.locator('[data-testid="figure"]').allInnerTexts();
  assert.ok(rows.length >= 15, `${rows.length} figures`);
  const ministry = rows.find((r) => r.includes("150 insurgents killed or wounded"));
  assert.ok(ministry, rows.join("\n---\n"));
  assert.match(ministry, /Claimed by defense ministry \(Afghan government\)/);
  assert.match(ministry, /“150 Taliban”/);
  const taliban = rows.find((r) => r.includes("up to 40 Afghan government forces killed"));
  assert.match(taliban, /Claimed by the Taliban \(insurgents\)/);
  // groups by district and date: Musa Qala's stand together
  const groups = await page.locator('[data-testid="figure-group"] h3').allInnerTexts();
  assert.ok(groups.some((g) => g.startsWith("Musa Qala")), groups.join(" | "));
  assert.ok(groups.some((g) => g.startsWith("No district named")), groups.join(" | "));
  await page.locator('[data-testid="figure-quote"]', { hasText: "“150 Taliban”" }).click();
  await page.waitForFunction(() => location.hash.includes("/mention/"));
  assert.match(await hash(page), /#\/article\/000_913ef45cb6386b48\/mention\/\d+/);
  await page.locator('mark[aria-current="true"], mark.current, [data-testid="reader-title"]').first().waitFor();
  assert.deepEqual(errors, []);
});

test("the filters apply to the figures", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/?source=Sputnik%20News`);
  await ready(page);
  await page.locator('[data-testid="tab-figures"]').click();
  const rows = await page.locator('[data-testid="figure"]').allInnerTexts();
  assert.ok(rows.length >= 3 && rows.length <= 6, rows.join("\n"));
  assert.ok(rows.every((r) => r.includes("Sputnik News")), rows.join("\n"));
  assert.ok(rows.some((r) => r.includes("2 foreign forces killed") && r.includes("26 Aug 2015")), rows.join("\n"));
});

test("a district's timeline: control events in date order with claimant and outlet, whether a fall stands", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="tab-figures"]').click();
  await page.locator('[data-testid="timeline-link"]', { hasText: "Musa Qala" }).click();
  await page.locator('[data-testid="district-timeline"]').waitFor();
  assert.match(await hash(page), /#\/district\/Musa Qala/);
  const events = await page.locator('[data-testid="control-event"]').allInnerTexts();
  assert.ok(events.length >= 6, events.join("\n"));
  // 2007 (a year) comes before 26 Aug 2015 (a day), undated last
  const first2007 = events.findIndex((e) => e.startsWith("2007"));
  const fall2015 = events.findIndex((e) => e.startsWith("26 Aug 2015") && /fell/.test(e));
  assert.ok(first2007 >= 0 && fall2015 > first2007, events.join("\n"));
  assert.match(events[events.length - 1], /^date not given/);
  assert.ok(events.some((e) => /retaken/.test(e) && /Sputnik News/.test(e)), events.join("\n"));
  const status = await page.locator('[data-testid="timeline-status"]').innerText();
  assert.match(status, /Fell 26 Aug 2015: no later report of recapture\./);
  assert.match(status, /Last report: 26 Aug 2015\./);
  // the sentences are still there below
  assert.ok((await page.locator('[data-testid="district-sentence"]').count()) >= 8);
  await shot(page, "district-timeline");
  assert.deepEqual(errors, []);
});

test("figures and control events export as CSV, one row per claim", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="tab-figures"]').click();
  const download = async (testid) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="${testid}"]`).click()]);
    return readFileSync(await d.path(), "utf8");
  };
  const figures = (await download("export-figures")).split("\r\n").filter(Boolean);
  assert.match(figures[0], /^"district","date","what","side","value","low","high"/);
  const shown = await page.locator('[data-testid="figure"]').count();
  assert.equal(figures.length - 1, shown, "one line per row of the view");
  assert.ok(figures.some((l) => l.startsWith('"Musa Qala","","casualties","insurgent","150","150","150","false"')), figures.join("\n"));
  const events = (await download("export-events")).split("\r\n").filter(Boolean);
  assert.match(events[0], /^"district","date","event","place","by","claimant"/);
  assert.ok(events.some((l) => l.startsWith('"Musa Qala","2007","retaken"')), events.join("\n"));
});

for (const colorScheme of ["light", "dark"]) {
  test(`the figures view fits a phone (${colorScheme})`, async () => {
    const { page } = await openPage(app.browser, { viewport: PHONE, colorScheme });
    await page.goto(`${app.url}#/`);
    await ready(page);
    await page.locator('[data-testid="tab-figures"]').click();
    await page.locator('[data-testid="figure"]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    assert.ok(tabs.every((r) => r <= 390), `tabs within the screen: ${tabs}`);
    await shot(page, `figures-phone-${colorScheme}`);
  });
}
