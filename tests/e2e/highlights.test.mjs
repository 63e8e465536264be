// The reader's highlights, notes and tags (issue 15), used as a person uses them: select a
// passage with the mouse and press "Highlight", or select and press h; n opens the note;
// type the note and tags key by key; reload; the notes view, its tag filter and exports.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, ready, shot, PHONE } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

/** Selects `chars` characters of the first paragraph's text, from `from`, by dragging the mouse. */
async function dragSelect(page, from, chars) {
  const box = await page.evaluate(([from, chars]) => {
    const p = document.querySelector('[data-testid="article-body"] p[data-block]');
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const points = [];
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const target of [from, from + chars]) {
        if (target >= seen && target <= seen + node.length && points.length < 2 && !points.some((q) => q.t === target)) {
          const r = document.createRange();
          r.setStart(node, target - seen);
          r.setEnd(node, Math.min(node.length, target - seen + 1));
          const rect = r.getClientRects()[0];
          points.push({ t: target, x: rect.left + 1, y: rect.top + rect.height / 2 });
        }
      }
      seen += node.length;
    }
    return { a: points[0], b: points[1], text: p.textContent.slice(from, from + chars) };
  }, [from, chars]);
  await page.mouse.move(box.a.x, box.a.y);
  await page.mouse.down();
  await page.mouse.move(box.b.x, box.b.y, { steps: 8 });
  await page.mouse.up();
  return box.text;
}

test("a passage highlighted by mouse and by keys, noted and tagged, survives a reload", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="article-body"] p[data-block]').first().waitFor();

  // by mouse: drag over the words, then the button by the selection
  const dragged = await dragSelect(page, 4, 30);
  await page.locator('[data-testid="highlight-button"]').click();
  const first = page.locator('mark[data-testid="highlight"]');
  await first.first().waitFor();
  const marked = (await first.allTextContents()).join("");
  assert.ok(dragged.includes(marked.trim()) || marked.includes(dragged.trim().slice(2, -2)), `marked “${marked}” for “${dragged}”`);

  // by keys: a selection (as the keyboard or assistive technology makes it), then h
  await page.evaluate(() => {
    const ps = document.querySelectorAll('[data-testid="article-body"] p[data-block]');
    const p = ps[1] ?? ps[0];
    const text = p.firstChild.nodeType === Node.TEXT_NODE ? p.firstChild : p;
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, Math.min(20, text.textContent.length));
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.locator('[data-testid="highlight-button"]').waitFor();
  await page.keyboard.press("h");
  await page.waitForFunction(() => new Set([...document.querySelectorAll("mark[data-highlight]")].map((m) => m.dataset.highlight)).size === 2);

  // n: the note of the one made last, typed key by key, with markup that stays text
  await page.keyboard.press("n");
  const note = page.locator('[data-testid="highlight-note"]');
  await note.waitFor();
  await note.focus();
  await page.keyboard.type("Claimed by the ministry <b>not bold</b>", { delay: 5 });
  await page.locator('[data-testid="highlight-tags"]').focus();
  await page.keyboard.type("claims, Musa Qala", { delay: 5 });
  await shot(page, "highlight-editor");
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="highlight-editor"]').waitFor({ state: "detached" });

  await page.reload();
  await ready(page);
  await page.locator('mark[data-testid="highlight"]').first().waitFor();
  assert.equal(new Set(await page.locator("mark[data-highlight]").evaluateAll((ms) => ms.map((m) => m.dataset.highlight))).size, 2);

  // offline (the service worker has the app): still there
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.context().setOffline(true);
  await page.reload();
  await ready(page);
  await page.locator('mark[data-testid="highlight"]').first().waitFor();
  assert.equal(new Set(await page.locator("mark[data-highlight]").evaluateAll((ms) => ms.map((m) => m.dataset.highlight))).size, 2, "offline");
  await page.context().setOffline(false);

  // the notes view: both, the note as text, the tag filter
  await page.locator('[data-testid="tab-notes"]').click();
  await page.locator('[data-testid="note"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="note"]').count(), 2);
  // the browser was asked to keep the data for good, and the view says what it answered
  assert.match(await page.locator('[data-testid="storage-kept"]').textContent(), /^Kept in this browser/);
  const noteText = page.locator('[data-testid="note-text"]');
  assert.equal(await noteText.textContent(), "Claimed by the ministry <b>not bold</b>");
  assert.equal(await noteText.locator("b").count(), 0, "markup in a note is text");
  await page.locator('[data-testid="notes-tag"]').selectOption("Musa Qala");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="note"]').length === 1);
  await shot(page, "notes-view");

  // rename (merge) a tag
  await page.locator('[data-testid="rename-tag"]').focus();
  await page.keyboard.type("claims", { delay: 5 });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="notes-tag"] option')].map((o) => o.value).join("|") === "|claims");
  assert.deepEqual(errors, []);
});

test("the notes export as CSV, Markdown and Web Annotation JSON; citations as CSL-JSON and BibTeX", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="article-body"] p[data-block]').first().waitFor();
  await dragSelect(page, 0, 25);
  await page.locator('[data-testid="highlight-button"]').click();
  await page.keyboard.press("n");
  await page.locator('[data-testid="highlight-note"]').focus();
  await page.keyboard.type('A "quoted", note', { delay: 5 });
  await page.locator('[data-testid="highlight-save"]').click();
  await page.locator('[data-testid="tab-notes"]').click();
  await page.locator('[data-testid="note"]').first().waitFor();

  const download = async (testid) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="${testid}"]`).click()]);
    return readFileSync(await d.path(), "utf8");
  };
  const csv = await download("export-csv");
  const lines = csv.split("\r\n").filter(Boolean);
  assert.equal(lines.length, 2, csv);
  assert.ok(lines[1].includes('"A ""quoted"", note"'), lines[1]);

  const md = await download("export-markdown");
  assert.match(md, /^# Highlights and notes/);
  assert.match(md, /\n> /);
  assert.ok(md.includes('A "quoted", note'));

  const json = JSON.parse(await download("export-annotations"));
  assert.equal(json["@context"], "http://www.w3.org/ns/anno.jsonld");
  const item = json.first.items[0];
  assert.equal(item.type, "Annotation");
  assert.equal(item.target.selector[0].type, "TextQuoteSelector");
  assert.equal(item.body[0].value, 'A "quoted", note');

  const csl = JSON.parse(await download("export-csl"));
  assert.ok(csl.length >= 1 && csl.every((c) => c.type === "article-newspaper" && c.title));
  const bib = await download("export-bibtex");
  assert.equal((bib.match(/@article\{/g) ?? []).length, csl.length);
  assert.equal([...bib].filter((c) => c === "{").length, [...bib].filter((c) => c === "}").length, "braces balance");

  // everything, into a fresh browser: the highlight and its note come back, once, and the
  // highlight settings (dates hidden here) where the browser has none of its own
  await page.locator('[data-testid="legend-toggle"][data-entity-type="date"]').click();
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="export-everything"]').click()]);
  const everything = readFileSync(await d.path());
  assert.equal(JSON.parse(everything.toString()).format, "helmand-reader/everything");
  const fresh = await openPage(app.browser);
  await fresh.page.goto(app.url);
  await ready(fresh.page);
  const bring = async () => {
    await fresh.page.locator('[data-testid="import-file"]').setInputFiles({ name: "everything.json", mimeType: "application/json", buffer: everything });
    const merged = fresh.page.locator('[data-testid="highlights-merged"]');
    await merged.waitFor();
    const text = await merged.textContent();
    await merged.getByRole("button", { name: "Dismiss" }).click();
    return text;
  };
  assert.match(await bring(), /everything\.json: 1 highlight added, 0 already here\. Its highlight settings were restored\./);
  assert.equal(await fresh.page.locator('[data-testid="legend-toggle"][data-entity-type="date"]').getAttribute("aria-pressed"), "false");
  await fresh.page.locator('[data-testid="tab-notes"]').click();
  assert.equal(await fresh.page.locator('[data-testid="note-text"]').textContent(), 'A "quoted", note');
  assert.match(await bring(), /0 highlights added, 1 already here\. This browser's own highlight settings were kept\./, "a second time adds nothing");
  assert.equal(await fresh.page.locator('[data-testid="note"]').count(), 1);
  // a foreign JSON file changes nothing and says why
  await fresh.page.locator('[data-testid="import-file"]').setInputFiles({ name: "foreign.json", mimeType: "application/json", buffer: Buffer.from('{"format": "zotero", "version": 1, "articles": []}') });
  await fresh.page.locator('[data-testid="import-report"]').waitFor();
  assert.match(await fresh.page.locator('[data-testid="import-report"]').textContent(), /not a Helmand Reader export/);
  assert.equal(await fresh.page.locator('[data-testid="note"]').count(), 1);
  assert.deepEqual([...errors, ...fresh.errors], []);
});

test("damaged saved highlights are kept aside and named; an orphaned highlight is listed, not lost", async () => {
  const { page } = await openPage(app.browser, { viewport: PHONE });
  await page.goto(app.url);
  await ready(page);
  await page.evaluate(() => localStorage.setItem("helmand-reader/highlights/v1", "HRH1 this is not what it should be"));
  await page.reload();
  await ready(page);
  const problem = page.locator('[data-testid="highlights-problem"]');
  await problem.waitFor();
  assert.match(await problem.textContent(), /could not be read/);
  assert.equal(await page.evaluate(() => localStorage.getItem("helmand-reader/highlights/damaged")), "HRH1 this is not what it should be");

  // a highlight of a passage the article does not hold (as after an edit)
  const id = await page.locator('[data-testid="article-item"]').first().getAttribute("data-article-id");
  const s = (t) => `${new TextEncoder().encode(t).length}:${t}`;
  const saved = `HRH1` + `2;1;` + [s("h-1"), s(id), s("a passage that is nowhere in this text"), s(""), s("")].join("") + `0;10;` + s("kept") + `0;` + s("2026-12-04") + s("2026-12-04");
  await page.evaluate((v) => localStorage.setItem("helmand-reader/highlights/v1", v), saved);
  await page.reload();
  await ready(page);
  await page.locator('[data-testid="tab-notes"]').click();
  await page.locator('[data-testid="note-orphaned"]').waitFor();
  assert.equal(await page.locator('[data-testid="note-text"]').textContent(), "kept");
  await shot(page, "notes-orphaned-phone");
});
