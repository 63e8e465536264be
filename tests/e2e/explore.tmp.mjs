import { start, openPage, ready, shot, ROOT } from "./harness.mjs";
const app = await start();
const { page, errors } = await openPage(app.browser);
page.on("console", async (m) => m.text().startsWith("TIMING") && console.log(m.text(), await page.evaluate(() => Math.round(performance.now()))));
await page.goto(app.url);
await ready(page);
const paras = [];
const names = ["Lashkar Gah", "Sangin", "Musa Qala", "Garmsir", "Nad-e Ali", "Kajaki"];
let i = 0;
while (paras.join("\n\n").length < 4.8e6) {
  paras.push(`Paragraph ${i}: Taliban fighters attacked ${names[i % 6]} on ${1 + (i % 28)} March 2010, said Daud Ahmadi, a spokesman for the governor of Helmand. Residents of the district fled towards the provincial capital as the Afghan National Army moved in.`);
  i++;
}
const text = "A very long report from Helmand\n\n" + paras.join("\n\n");
console.log("bytes", text.length, "paragraphs", paras.length);
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: "longtask", buffered: false });
});
const t0 = Date.now();
await page.locator('[data-testid="import-file"]').setInputFiles([{ name: "long.txt", mimeType: "text/plain", buffer: Buffer.from(text) }]);
await page.locator('[data-testid="import-progress"]').waitFor({ timeout: 5000 }).then(() => console.log("progress shown", Date.now() - t0)).catch(() => console.log("no progress"));
await page.locator('[data-testid="import-report"]').waitFor({ timeout: 120000 });
console.log("imported in", Date.now() - t0, "ms");
await page.locator('[data-testid="reader-title"]', { hasText: "A very long report" }).waitFor({ timeout: 120000 });
console.log("opened in", Date.now() - t0, "ms");
console.log("long tasks", await page.evaluate(() => window.__long));
console.log("marks", await page.locator('[data-testid="article-body"] mark').count());
await shot(page, "explore-long");
console.log(errors);
await app.close();
