import { start, openPage, ready } from "./harness.mjs";
const app = await start();
for (const [w, scheme] of [[1280, "light"], [390, "dark"], [1920, "dark"], [320, "light"]]) {
  const { page, errors } = await openPage(app.browser, { viewport: { width: w, height: 900 }, colorScheme: scheme });
  await page.goto(app.url);
  await ready(page);
  if (w < 700) { await page.goto(app.url + "#/"); await ready(page); }
  await page.locator('[data-testid="tab-figures"]').click();
  await page.locator('[data-testid="figures-panel"]').waitFor();
  await page.screenshot({ path: `/tmp/shots/figures-${w}-${scheme}.png`, fullPage: false });
  await page.locator('[data-testid="timeline-link"]').first().click();
  await page.locator('[data-testid="district-timeline"]').waitFor();
  await page.screenshot({ path: `/tmp/shots/timeline-${w}-${scheme}.png`, fullPage: false });
  console.log(w, scheme, errors);
}
await app.close();
