// What a new user does on day one, as a person does it: typing key by key, at every screen
// width in both themes, the phone's two views, Back step by step, sorting, the entity index
// and a district's sentences. Each test here failed on the build before issue 12.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, ready, shot, catalog, seedIds, PHONE, DESKTOP } from "./harness.mjs";

let app;
before(async () => (app = await start()));
after(async () => app?.close());

const listed = (page) => page.locator('[data-testid="article-item"]').evaluateAll((els) => els.map((e) => e.dataset.articleId.slice(0, 3)));
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const district = (page, name) => page.locator(`[data-testid="district"][data-district="${name}"]`);

/** Focuses the search with "/" and types, a key at a time. */
async function typeSearch(page, text) {
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await page.keyboard.type(text, { delay: 40 });
}

test("search keeps its spaces while typing, knows place spellings and quoted phrases", async () => {
  const { page, errors } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await typeSearch(page, "musa qala");
  await page.waitForFunction(() => location.hash.includes("q=musa%20qala"));
  assert.equal(await page.locator('[data-testid="search"]').inputValue(), "musa qala");
  assert.match(await page.locator('[data-testid="shown-count"]').innerText(), new RegExp(`^3 of ${seedIds().length}`));
  assert.deepEqual(await listed(page), ["000", "001", "002"]);
  // the same articles for another spelling, and for the place as a quoted phrase
  for (const q of ["musaqala", '"musa qala"', "lashkargah", "lashkar gah"]) {
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !location.hash.includes("q="));
    await page.keyboard.type(q, { delay: 30 });
    await page.waitForFunction((q) => decodeURIComponent(location.hash).includes(`q=${q}`), q);
    assert.equal(await page.locator('[data-testid="search"]').inputValue(), q);
    const shown = await listed(page);
    assert.ok(shown.length >= 1, q);
    if (q.includes("musa")) assert.deepEqual(shown, ["000", "001", "002"], q);
  }
  // a phrase keeps its order: no article says "qala musa"
  await page.keyboard.press("Escape");
  await page.keyboard.type('"qala musa"', { delay: 30 });
  await page.locator('[data-testid="empty"]').waitFor();
  // matches of a phrase are highlighted whole in the reader
  await page.keyboard.press("Escape");
  await page.keyboard.type('"musa qala"', { delay: 30 });
  await page.locator('[data-testid="article-item"]').first().click();
  const hits = await page.locator('[data-testid="article-body"] mark.hit').allInnerTexts();
  assert.ok(hits.length >= 3 && hits.every((h) => /^musa qal/i.test(h)), hits.join("|"));
  assert.deepEqual(errors, []);
});

test("lashkargah finds exactly what lashkar gah finds", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#/?q=lashkar%20gah`);
  await ready(page);
  const spaced = await listed(page);
  await page.goto(`${app.url}#/?q=lashkargah`);
  await page.waitForFunction(() => location.hash.includes("lashkargah"));
  await ready(page);
  assert.deepEqual(await listed(page), spaced);
  assert.ok(spaced.length >= 2);
});

const WIDTHS = [320, 390, 768, 1024, 1280, 1920, 2560];

/** Element boxes that leave the window sideways, and a few pairs that must not overlap. */
function layoutProblems() {
  const problems = [];
  const W = window.innerWidth;
  if (document.documentElement.scrollWidth > W + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${W}px window`);
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  for (const el of document.querySelectorAll(".masthead *, .filters *, .side *, .reader *")) {
    if (!seen(el)) continue;
    // inside a box that clips or scrolls sideways, the box is what counts
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== "visible") { clipped = true; break; }
    }
    const r = el.getBoundingClientRect();
    if (!clipped && (r.right > W + 1 || r.left < -1)) problems.push(`${el.tagName}.${el.className} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const box = (sel) => [...document.querySelectorAll(sel)].filter(seen).map((e) => e.getBoundingClientRect())[0];
  const overlap = (a, b) => a && b && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const list = box(".list ol"), reader = box(".reader article"), filters = box(".filters"), mast = box(".masthead");
  if (overlap(list, reader)) problems.push("the list overlaps the reader");
  if (overlap(filters, reader)) problems.push("the filters overlap the reader");
  const panes = box(".panes");
  if (mast && panes && panes.top < mast.bottom - 1) problems.push("the panes start under the masthead");
  return problems.slice(0, 8);
}

for (const scheme of ["light", "dark"]) {
  test(`every width from 320 to 2560 px (${scheme}): the list and the reader on screen or one tap away, nothing overflowing or overlapping`, async () => {
    for (const width of WIDTHS) {
      const height = width <= 390 ? 844 : width <= 1024 ? 800 : width >= 1920 ? 1080 : 800;
      const { page, context, errors } = await openPage(app.browser, { viewport: { width, height }, colorScheme: scheme });
      await page.goto(app.url);
      await ready(page);
      await page.waitForTimeout(150);
      const first = await page.locator('[data-testid="article-item"]').first().boundingBox();
      assert.ok(first && first.y < height - 60, `${width}px: the first row of the list starts at ${first?.y}, off the first screen`);
      assert.deepEqual(await page.evaluate(layoutProblems), [], `${width}px ${scheme}`);
      await shot(page, `width-${width}-${scheme}`);
      const title = page.locator('[data-testid="reader-title"]');
      if (width <= 760) {
        // a phone: the list is a view of its own; one tap opens the reader, one goes back
        assert.equal(await title.isVisible(), false, `${width}px: the reader waits for a tap`);
        await page.locator('[data-testid="article-item"]').nth(1).click();
        await title.waitFor();
        const t = await title.boundingBox();
        assert.ok(t.y >= 0 && t.y < height / 2, `${width}px: the reader starts at the top, not at ${t.y}`);
        assert.ok(await page.locator('[data-testid="back-to-list"]').isVisible());
        assert.equal(await page.locator('[data-testid="article-item"]').first().isVisible(), false);
        assert.deepEqual(await page.evaluate(layoutProblems), [], `${width}px ${scheme}, reader`);
        await shot(page, `width-${width}-${scheme}-reader`);
        await page.locator('[data-testid="back-to-list"]').click();
        await page.locator('[data-testid="article-item"]').first().waitFor({ state: "visible" });
      } else {
        const t = await title.boundingBox();
        assert.ok(t && t.y < height / 2, `${width}px: the reader is beside the list`);
        assert.equal(await page.locator('[data-testid="back-to-list"]').isVisible(), false);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test("phone: choosing a district shows the filtered list; the reader goes back to it where it was", async () => {
  const { page } = await openPage(app.browser, { viewport: { width: 390, height: 600 } });
  await page.goto(app.url);
  await ready(page);
  await page.locator(".districts summary").click();
  await district(page, "Musa Qala").click();
  await page.waitForFunction(() => location.hash.includes("district=Musa"));
  assert.deepEqual(await listed(page), ["000", "001", "002"]);
  assert.equal(await page.locator('[data-testid="reader-title"]').isVisible(), false, "the filtered list is seen, not the reader");
  assert.doesNotMatch(await hash(page), /article/);
  // scroll down the list, open the last article, come back
  await page.locator('[data-testid="article-item"]').nth(2).scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 100, `the list scrolled (${y})`);
  await page.locator('[data-testid="article-item"]').nth(2).click();
  await page.locator('[data-testid="reader-title"]').waitFor();
  assert.match(await hash(page), /#\/article\/002_.*district=Musa Qala/);
  await page.locator('[data-testid="back-to-list"]').click();
  await page.waitForFunction(() => !location.hash.includes("article"));
  await page.waitForFunction((y) => Math.abs(scrollY - y) < 4, y);
  assert.deepEqual(await listed(page), ["000", "001", "002"], "the filters came back with the list");
  // a link straight to an article: its back control goes to the list, not out of the app
  await page.goto(`${app.url}#/article/003_48a226dbb348ec7a`);
  await page.locator('[data-testid="reader-title"]').waitFor();
  await page.locator('[data-testid="back-to-list"]').click();
  await page.waitForFunction(() => location.hash === "#/");
  await page.locator('[data-testid="article-item"]').first().waitFor({ state: "visible" });
});

test("an empty result opens no article and names the chosen entity", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  // the entity "Zabihullah Mujahid", then a district and a search that leave nothing
  await page.locator('[data-testid="tab-entities"]').click();
  await page.locator('[data-testid="entity-search"]').click();
  await page.keyboard.type("mujahid", { delay: 40 });
  await page.locator('[data-testid="entity-index-item"]', { hasText: "Zabihullah Mujahid" }).click();
  await page.locator('[data-testid="entity-filter"]').click();
  await page.waitForFunction(() => location.hash.includes("entity="));
  await district(page, "Musa Qala").click();
  await page.waitForFunction(() => location.hash.includes("district="));
  await typeSearch(page, "poppy");
  await page.locator('[data-testid="no-match"]').waitFor();
  assert.equal(await page.locator('[data-testid="article-body"]').count(), 0, "no article that does not match stays open");
  assert.match(await page.locator('[data-testid="no-match"]').innerText(), /naming Zabihullah Mujahid/);
  await page.locator('[data-testid="tab-articles"]').click();
  assert.match(await page.locator('[data-testid="empty"]').innerText(), /the district Musa Qala, the search “poppy”, and naming Zabihullah Mujahid/);
});

test("Back and Forward step through every filter change, a typed search as one step", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const states = [await hash(page)];
  const step = async (act, check) => {
    await act();
    await page.waitForFunction(check);
    await page.waitForTimeout(100);
    states.push(await hash(page));
  };
  await step(() => page.locator('[data-testid="source-option"][data-outlet="Sputnik News"]').getByRole("button", { name: /only/i }).click(), () => location.hash.includes("source="));
  await step(() => typeSearch(page, "taliban fighters"), () => location.hash.includes("q=taliban%20fighters"));
  await step(() => page.locator('[data-testid="sources-all"]').click(), () => !location.hash.includes("source="));
  await step(() => district(page, "Nawzad").click(), () => location.hash.includes("district=Nawzad"));
  await step(() => page.locator('[data-testid="sort"]').selectOption("newest"), () => location.hash.includes("sort=newest"));
  assert.equal(new Set(states).size, states.length, states.join("\n"));
  for (let i = states.length - 2; i >= 0; i--) {
    await page.goBack();
    await page.waitForFunction((want) => decodeURIComponent(location.hash) === want, states[i]);
    // the view follows the address: the search box, the list, the sort
    const q = new URLSearchParams(states[i].split("?")[1] ?? "").get("q") ?? "";
    assert.equal(await page.locator('[data-testid="search"]').inputValue(), q, `after Back to ${states[i]}`);
  }
  for (let i = 1; i < states.length; i++) {
    await page.goForward();
    await page.waitForFunction((want) => decodeURIComponent(location.hash) === want, states[i]);
  }
  assert.equal(await page.locator('[data-testid="sort"]').inputValue(), "newest");
});

test("the list sorts newest first, oldest first, by outlet and by title, kept in the address; the undated last", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const dates = () => page.locator('[data-testid="article-item"]').evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="article-date"]').textContent));
  const toTime = (d) => (d === "date unknown" ? null : Date.parse(d));
  for (const [sort, dir] of [["newest", -1], ["oldest", 1]]) {
    await page.locator('[data-testid="sort"]').selectOption(sort);
    await page.waitForFunction((s) => location.hash.includes(`sort=${s}`), sort);
    const t = (await dates()).map(toTime);
    const known = t.filter((x) => x !== null);
    assert.ok(known.length >= 2);
    assert.deepEqual(t.slice(0, known.length), known, "the undated come last");
    assert.ok(known.every((x, i) => i === 0 || (x - known[i - 1]) * dir >= 0), `${sort}: ${t}`);
    const undated = t.length - known.length;
    if (undated) assert.match(await page.locator('[data-testid="undated-note"]').innerText(), new RegExp(`${undated} articles? with no date`));
  }
  await page.locator('[data-testid="sort"]').selectOption("title");
  await page.waitForFunction(() => location.hash.includes("sort=title"));
  const titles = await page.locator('[data-testid="article-title"]').allTextContents();
  const key = (t) => t.toLowerCase().replace(/^[^a-z0-9]*(the |a |an )?/, "");
  assert.deepEqual(titles.map(key), [...titles.map(key)].sort());
  // j follows the sorted list
  await page.locator('[data-testid="article-item"]').first().click();
  await page.keyboard.press("j");
  await page.waitForFunction((t) => document.querySelector('[data-testid="reader-title"]').textContent === t, titles[1]);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="sort"]').inputValue(), "title", "kept in the address");
  assert.equal(await page.locator('[data-testid="reader-title"]').textContent(), titles[1]);
  // by outlet: the outlets in order, the unknown last
  await page.locator('[data-testid="sort"]').selectOption("outlet");
  await page.waitForFunction(() => location.hash.includes("sort=outlet"));
  const outlets = await page.locator('[data-testid="article-outlet"]').allTextContents();
  assert.equal(outlets.at(-1), "unknown");
  const named = outlets.filter((o) => o !== "unknown").map((o) => o.toLowerCase());
  assert.deepEqual(named, [...named].sort());
});

test("the entity index follows the filters, can be searched, and merges forms of one name", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.locator('[data-testid="tab-entities"]').click();
  const total = () => page.locator('[data-testid="entity-total"]').innerText();
  const count = (name) => page.locator('[data-testid="entity-index-item"]', { hasText: name }).first().locator(".entity-count").innerText().then(Number);
  const all = await total();
  assert.match(all, new RegExp(`in ${seedIds().length} articles$`));
  const taliban = await count("Taliban");
  // "Helmand" and "Helmand province" are one place
  const helmands = await page.locator('[data-testid="entity-index-item"][data-entity-type="place"] .entity-name').allTextContents();
  assert.equal(helmands.filter((n) => /^Helmand( province)?$/i.test(n)).length, 1, helmands.join("|"));
  await page.locator('[data-testid="source-option"][data-outlet="Sputnik News"]').getByRole("button", { name: /only/i }).click();
  await page.waitForFunction(() => location.hash.includes("source="));
  assert.match(await total(), /in 1 article$/);
  assert.ok((await count("Taliban")) < taliban, "counts follow the filters");
  await page.locator('[data-testid="entity-search"]').click();
  await page.keyboard.type("musa", { delay: 40 });
  await page.waitForFunction(() => /^1 entit/.test(document.querySelector('[data-testid="entity-total"]').textContent));
  const names = await page.locator('[data-testid="entity-index-item"] .entity-name').allTextContents();
  assert.ok(names.length >= 1 && names.every((n) => /musa/i.test(n)), names.join("|"));
});

test("a district's sentences open in the reading pane, quotes whole, each a link to its mention", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  await page.getByRole("link", { name: "Sentences naming Musa Qala" }).click();
  await page.locator('[data-testid="district-view"]').waitFor();
  assert.match(await hash(page), /#\/district\/Musa Qala/);
  const sentences = await page.locator('[data-testid="district-sentence"]').allInnerTexts();
  assert.ok(sentences.length >= 8);
  for (const s of sentences) {
    assert.match(s, /Musa Qal/, s);
    assert.ok(!/["“]$/.test(s.trim()), `no quote left dangling at the end: ${s}`);
    const straight = (s.match(/"/g) ?? []).length;
    const curly = (s.match(/“/g) ?? []).length - (s.match(/”/g) ?? []).length;
    assert.ok(straight % 2 === 0 && curly === 0, `quotes whole: ${s}`);
  }
  const box = await page.locator('[data-testid="district-view"]').boundingBox();
  assert.ok(box.width > 500, "the sentences have the reading pane's room");
  await shot(page, "district-sentences");
  const second = page.locator('[data-testid="district-sentence"]').nth(3);
  const text = await second.innerText();
  await second.click();
  await page.waitForFunction(() => /#\/article\/.*\/mention\/\d+/.test(location.hash));
  const focused = await page.evaluate(() => document.activeElement?.closest("p, li, blockquote, h2, figcaption")?.textContent ?? "");
  assert.ok(focused.includes(text.slice(0, 40)) || text.includes(focused.slice(0, 40)), `the mention's paragraph has the focus: ${focused.slice(0, 80)}`);
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Musa Qal/);
});

test("small things: no focus ring on the title after j, rows that fit their content, words not broken", async () => {
  for (const viewport of [DESKTOP, PHONE, { width: 1024, height: 800 }]) {
    const { page, context } = await openPage(app.browser, { viewport });
    await page.goto(`${app.url}#/article/${catalog()[0].id}`);
    await ready(page);
    await page.keyboard.press("j");
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === "reader-title");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "none");
    if (viewport !== PHONE) {
      // rows: nothing clipped, no gap under the content
      const rows = await page.locator('[data-testid="article-item"]').evaluateAll((els) =>
        els.map((a) => {
          const title = a.querySelector(".item-title").getBoundingClientRect();
          const last = [...a.querySelectorAll(".item-meta > *, .item-snippet")].map((e) => e.getBoundingClientRect().bottom);
          return { clip: a.scrollHeight - a.clientHeight, gap: a.getBoundingClientRect().bottom - Math.max(title.bottom, ...last) };
        }),
      );
      for (const r of rows) {
        assert.ok(r.clip <= 1, `a row clips its content by ${r.clip}px`);
        assert.ok(r.gap < 30, `a row leaves ${r.gap}px under its content`);
      }
      // every word of a title on one line (unless the word is wider than the column)
      const broken = await page.locator('[data-testid="article-title"]').evaluateAll((els) => {
        const out = [];
        for (const el of els) {
          const node = el.firstChild;
          if (!node) continue;
          const re = /\S+/g;
          let m;
          while ((m = re.exec(node.textContent))) {
            const r = document.createRange();
            r.setStart(node, m.index);
            r.setEnd(node, m.index + m[0].length);
            const rects = [...r.getClientRects()].filter((x) => x.width > 0);
            if (rects.length > 1 && r.getBoundingClientRect().width < el.getBoundingClientRect().width) out.push(m[0]);
          }
        }
        return out;
      });
      assert.deepEqual(broken, []);
    }
    await context.close();
  }
});

/** Pastes an article through the dialog, typing as a person does. */
async function paste(page, title, text) {
  await page.locator('[data-testid="paste-open"]').click();
  await page.locator('[data-testid="paste-title"]').click();
  await page.keyboard.type(title, { delay: 5 });
  await page.locator('[data-testid="paste-text"]').click();
  await page.keyboard.insertText(text);
  await page.locator('[data-testid="paste-add"]').click();
  await page.locator('[data-testid="reader-title"]', { hasText: title }).waitFor({ timeout: 60_000 });
}

test("a paste reports one article, not a refused file; delete opens the next article in the list; unit names are organisations", async () => {
  const { page } = await openPage(app.browser);
  await page.goto(app.url);
  await ready(page);
  const texts = [
    ["Marines reach Garmsir", "The 24th Marine Expeditionary Unit reached Garmsir on July 3rd, 2009, backed by the 3rd Marine Aircraft Wing. Officers of the Expeditionary Unit said the District Centre was quiet."],
    ["Floods in Nad Ali", "Floods hit Nad Ali district on 2 March 2019, officials said. Farmers in Helmand province lost their wheat."],
    ["Kajaki dam repairs", "Engineers began repairs at the Kajaki dam in Helmand on July 3, 2009, the provincial governor said."],
  ];
  for (const [title, text] of texts) await paste(page, title, text);
  assert.equal(await page.locator('[data-testid="import-report"] strong').innerText(), "Imported 1 article.");
  // the unit names are organisations, never people; "District Centre" alone is no place
  await page.locator('[data-testid="article-item"]', { hasText: "Marines reach Garmsir" }).click();
  await page.locator('[data-testid="reader-title"]', { hasText: "Marines reach Garmsir" }).waitFor();
  const marks = await page.locator('[data-testid="article-body"] mark.ent').evaluateAll((els) => els.map((m) => [m.textContent, [...m.classList].find((c) => c.startsWith("ent-"))]));
  const typeOf = (t) => marks.find(([x]) => x === t)?.[1];
  assert.equal(typeOf("24th Marine Expeditionary Unit"), "ent-org", JSON.stringify(marks));
  assert.equal(typeOf("3rd Marine Aircraft Wing"), "ent-org");
  assert.ok(!marks.some(([x, c]) => c === "ent-person" && /Unit|Wing/.test(x)));
  assert.equal(typeOf("District Centre"), undefined);
  // "July 3rd, 2009" here and "July 3, 2009" in another article are one date
  await page.locator('[data-testid="tab-entities"]').click();
  await page.locator('[data-testid="entity-search"]').click();
  await page.keyboard.type("2009", { delay: 30 });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="entity-index-item"] .entity-name')].every((e) => e.textContent.includes("2009")));
  const days = await page.locator('[data-testid="entity-index-item"][data-entity-type="date"] .entity-name').allTextContents();
  assert.equal(days.filter((d) => /^July 3/.test(d)).length, 1, days.join("|"));
  await page.locator('[data-testid="tab-articles"]').click();
  // delete the middle import: the one after it in the list opens
  const order = await page.locator('[data-testid="article-title"]').allTextContents();
  const at = order.indexOf("Floods in Nad Ali");
  await page.locator('[data-testid="article-item"]', { hasText: "Floods in Nad Ali" }).click();
  await page.locator('[data-testid="reader-title"]', { hasText: "Floods in Nad Ali" }).waitFor();
  await page.locator('[data-testid="delete-article"]').click();
  await page.locator('[data-testid="reader-title"]', { hasText: order[at + 1] }).waitFor();
  // the last one: the one before it opens
  const last = order.at(-1);
  await page.locator('[data-testid="article-item"]', { hasText: last }).click();
  await page.locator('[data-testid="reader-title"]', { hasText: last }).waitFor();
  await page.locator('[data-testid="delete-article"]').click();
  await page.locator('[data-testid="reader-title"]', { hasText: order.at(-2) === "Floods in Nad Ali" ? order.at(-3) : order.at(-2) }).waitFor();
});
