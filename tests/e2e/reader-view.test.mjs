// Your own articles read right (issue 13): a copied page pasted with its address, read
// for its headline, byline, date and publisher, its furniture dropped; the address kept
// as a safe link; what was guessed said so; every detail repairable, a date as a month.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, ready, shot, ROOT } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const CASES = join(ROOT, "tests", "cases");
const text = (id) => page$.locator(`[data-testid="${id}"]`).textContent();
let page$;

/** Opens the paste dialog and fills it as a person does: typed fields, pasted text. */
async function paste(page, { body, url = "", title = "" }) {
  await page.locator('[data-testid="paste-open"]').click();
  if (title) {
    await page.locator('[data-testid="paste-title"]').click();
    await page.keyboard.type(title, { delay: 5 });
  }
  if (url) {
    await page.locator('[data-testid="paste-url"]').click();
    await page.keyboard.type(url, { delay: 5 });
  }
  await page.locator('[data-testid="paste-text"]').click();
  await page.keyboard.insertText(body);
  await page.keyboard.press("Tab");
  await page.locator('[data-testid="paste-add"]').click();
}

test("a copied wire page reads right: headline, byline, date, publisher; menus and footer gone", async () => {
  const { page, errors } = await openPage(app.browser);
  page$ = page;
  await page.goto(app.url);
  await ready(page);
  const meta = JSON.parse(readFileSync(join(CASES, "ap-2010-marjah-wire", "expected-metadata.json"), "utf8"));
  await paste(page, { body: readFileSync(join(CASES, "ap-2010-marjah-wire", "source.txt"), "utf8") });
  await page.locator('[data-testid="reader-title"]', { hasText: meta.title }).waitFor({ timeout: 60_000 });
  assert.equal(await text("reader-outlet"), "Associated Press");
  assert.equal(await text("reader-author"), meta.byline);
  assert.equal(await text("reader-date"), "14 Feb 2010");
  const body = await text("article-body");
  for (const junk of ["Text size", "Print | Email", "Most Emailed", "Post a comment", "All rights reserved"]) assert.ok(!body.includes(junk), junk);
  assert.ok(!body.startsWith(meta.title), "the headline is not repeated in the body");
  // a district split over a line break in the wire copy is found
  const marks = await page.locator('[data-testid="article-body"] mark.ent-place').allTextContents();
  assert.ok(marks.some((m) => /^Nad-e Ali$/.test(m)), marks.join("|"));
  assert.deepEqual(errors, []);
});

test("an address gives the outlet and the day, says so quietly, and is a safe link", async () => {
  const { page, errors } = await openPage(app.browser);
  page$ = page;
  await page.goto(app.url);
  await ready(page);
  // a page that never names its publisher
  const body = "Farmers return to Nad Ali\n\nFarmers in Nad Ali district of Helmand have started returning to their land after months of fighting, local elders said on Monday, as the provincial government promised seed and fertiliser.\n\nThe elders said more than 200 families had come back to villages north of the district centre.";
  // a wrong address first: a message, and nothing typed is lost
  await paste(page, { body, url: "javascript:alert(1)", title: "Farmers return to Nad Ali" });
  await page.locator('[data-testid="paste-url-error"]').waitFor();
  assert.match(await page.locator('[data-testid="paste-url-error"]').textContent(), /not a web address/);
  assert.ok(await page.locator('[data-testid="paste-dialog"]').evaluate((d) => d.open), "the dialog stays open");
  assert.equal(await page.locator('[data-testid="paste-text"]').inputValue(), body);
  await page.locator('[data-testid="paste-url"]').fill("");
  await page.locator('[data-testid="paste-url"]').click();
  await page.keyboard.type("https://tolonews.com/afghanistan-165432/2020/06/18/farmers-return", { delay: 5 });
  await page.locator('[data-testid="paste-add"]').click();
  await page.locator('[data-testid="reader-title"]', { hasText: "Farmers return to Nad Ali" }).waitFor({ timeout: 60_000 });
  assert.equal(await text("reader-outlet"), "TOLOnews");
  assert.equal(await text("reader-date"), "18 Jun 2020");
  assert.match(await text("reader-provenance"), /outlet from the address, date from the address/);
  const link = page.locator('[data-testid="reader-url"]');
  assert.equal(await link.getAttribute("href"), "https://tolonews.com/afghanistan-165432/2020/06/18/farmers-return");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await link.textContent(), "tolonews.com");
  await shot(page, "reader-view-address");
  // the source filter files it under the outlet
  assert.equal(await page.locator('[data-testid="source-option"][data-outlet="TOLOnews"]').count(), 1);
  assert.deepEqual(errors, []);
});

test("edit details repairs anything: byline, address, a month for a date; a guess the user corrects is no longer a guess", async () => {
  const { page, errors } = await openPage(app.browser);
  page$ = page;
  await page.goto(app.url);
  await ready(page);
  await paste(page, {
    title: "Drought in Garmsir",
    url: "https://www.pajhwok.com/en/drought-garmsir",
    body: "Drought in Garmsir\n\nA second year of drought has left canals in Garmsir district dry, farmers said, and many families have moved to Lashkar Gah in search of work this summer.",
  });
  await page.locator('[data-testid="reader-title"]', { hasText: "Drought in Garmsir" }).waitFor({ timeout: 60_000 });
  assert.equal(await text("reader-outlet"), "Pajhwok Afghan News");
  assert.match(await text("reader-provenance"), /outlet from the address/);
  await page.locator('[data-testid="edit-article"]').click();
  const retype = async (id, value) => {
    await page.locator(`[data-testid="${id}"]`).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type(value, { delay: 5 });
  };
  await retype("edit-date", "13 Feb");
  await page.locator('[data-testid="edit-save"]').click();
  assert.match(await text("edit-error"), /a month \(July 2015\)/);
  await retype("edit-date", "July 2015");
  await retype("edit-author", "Wahid Rahmani");
  await retype("edit-outlet", "Pajhwok");
  await retype("edit-url", "https://pajhwok.com/en/2015/07/12/drought-garmsir");
  await page.locator('[data-testid="edit-save"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="reader-date"]')?.textContent === "Jul 2015");
  assert.equal(await text("reader-author"), "Wahid Rahmani");
  assert.equal(await text("reader-outlet"), "Pajhwok");
  assert.doesNotMatch(await text("reader-provenance"), /from the address/, "the user's outlet is no guess");
  assert.equal(await page.locator('[data-testid="reader-url"]').getAttribute("href"), "https://pajhwok.com/en/2015/07/12/drought-garmsir");
  // kept across a reload
  await page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.dataset.pending === "0");
  await page.reload();
  await page.locator('[data-testid="reader-title"]', { hasText: "Drought in Garmsir" }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="reader-date"]')?.textContent === "Jul 2015");
  assert.equal(await text("reader-author"), "Wahid Rahmani");
  assert.deepEqual(errors, []);
});
