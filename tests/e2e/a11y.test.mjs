// Accessibility: an axe-core scan of the reader (highlights, legend, tooltip, entity index)
// in the light and dark themes finds no violations, colour contrast (WCAG AA) included.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, openPage, ready } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let app;
before(async () => (app = await start()));
after(async () => app?.close());

async function scan(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`no axe violations in the ${colorScheme} theme: reader with highlights and tooltip`, async () => {
    const { page } = await openPage(app.browser, { colorScheme, bypassCSP: true });
    await page.goto(`${app.url}#/article/004_2b283770fa351327`);
    await ready(page);
    await page.locator("mark").first().hover();
    assert.deepEqual(await scan(page), []);
  });

  test(`no axe violations in the ${colorScheme} theme: filters in use`, async () => {
    const { page } = await openPage(app.browser, { colorScheme, bypassCSP: true });
    await page.goto(`${app.url}#/article/000_913ef45cb6386b48?district=Musa%20Qala&q=soldiers&source=Voice%20of%20America%20(VOA%20News)`);
    await ready(page);
    await page.getByRole("link", { name: "Sentences naming Musa Qala" }).click();
    await page.locator('[data-testid="district-view"]').waitFor();
    assert.deepEqual(await scan(page), []);
  });

  test(`no axe violations in the ${colorScheme} theme: entity index open`, async () => {
    const { page } = await openPage(app.browser, { colorScheme, bypassCSP: true });
    await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
    await ready(page);
    await page.locator('[data-testid="tab-entities"]').click();
    await page.locator('[data-testid="entity-index-item"]').first().click();
    await page.locator('[data-testid="legend-toggle"][data-entity-type="date"]').click();
    assert.deepEqual(await scan(page), []);
  });

  test(`no axe violations in the ${colorScheme} theme: a highlight, its note and the notes view`, async () => {
    const { page } = await openPage(app.browser, { colorScheme, bypassCSP: true });
    await page.goto(`${app.url}#/article/000_913ef45cb6386b48`);
    await ready(page);
    await page.locator('[data-testid="article-body"] p[data-block]').first().waitFor();
    await page.evaluate(() => {
      const t = document.querySelector('[data-testid="article-body"] p[data-block]').firstChild;
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, Math.min(12, t.length));
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    await page.locator('[data-testid="highlight-button"]').click();
    await page.keyboard.press("n");
    await page.locator('[data-testid="highlight-note"]').waitFor();
    assert.deepEqual(await scan(page), [], "the note editor");
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="tab-notes"]').click();
    await page.locator('[data-testid="note"]').first().waitFor();
    assert.deepEqual(await scan(page), [], "the notes view");
  });

  test(`no axe violations in the ${colorScheme} theme: import report, edit form and paste dialog`, async () => {
    const { page } = await openPage(app.browser, { colorScheme, bypassCSP: true });
    await page.goto(app.url);
    await ready(page);
    await page.locator('[data-testid="import-file"]').setInputFiles([
      { name: "garmsir.txt", mimeType: "text/plain", buffer: Buffer.from("Patrol in Garmsir\n\nBritish troops patrolled Garmsir on 3 May 2008.") },
      { name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
    ]);
    await page.locator('[data-testid="import-report"]').waitFor();
    await page.locator('[data-testid="edit-article"]').click();
    assert.deepEqual(await scan(page), [], "report and edit form");
    await page.locator('[data-testid="paste-open"]').click();
    assert.deepEqual(await scan(page), [], "paste dialog");
  });
}

test("the scan does catch a contrast failure (so a clean scan means something)", async () => {
  const { page } = await openPage(app.browser, { bypassCSP: true });
  await page.goto(app.url);
  await ready(page);
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.textContent = "barely visible";
    p.style.cssText = "color:#ddd;background:#fff";
    document.querySelector("main").append(p);
  });
  assert.ok((await scan(page)).some((v) => v.startsWith("color-contrast")));
});
