// Shared set-up of the end-to-end tests: dist/ served under a sub-path on localhost, and
// Debian's headless Chromium driven by playwright-core.

import { chromium } from "playwright-core";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/static-server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCREENSHOTS = join(ROOT, "tests", "e2e", "screenshots");
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Serves dist/ under /reader/ and launches Chromium. */
export async function start() {
  const { server, url } = await serve(join(ROOT, "dist"), { base: "/reader/" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A fresh page that records script errors and every URL it requested (the service
 *  worker's requests included). `bypassCSP` only for tests that inject a script (axe). */
export async function openPage(browser, { viewport = DESKTOP, colorScheme = "light", bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  context.on("request", (r) => requests.push(r.url()));
  return { page, context, errors, requests };
}

/** Waits until the app has rendered its list (on a phone's reader view it is there, hidden). */
export async function ready(page) {
  await page.locator('[data-testid="article-item"]').first().waitFor({ state: "attached" });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The catalog's file names and titles, read from seeds/catalog.toml. */
export function catalog() {
  const text = readFileSync(join(ROOT, "seeds", "catalog.toml"), "utf8");
  const out = [];
  for (const block of text.split(/^\[\[article\]\]$/m).slice(1)) {
    const field = (k) => block.match(new RegExp(`^${k} = "(.*)"$`, "m"))?.[1];
    out.push({ id: field("file").replace(/\.txt$/, ""), title: field("title"), outlet: field("outlet") ?? "unknown" });
  }
  return out;
}

/** The raw text of a bundled seed. */
export function seedText(id) {
  return readFileSync(join(ROOT, "seeds", `${id}.txt`), "utf8");
}

export function seedIds() {
  return readdirSync(join(ROOT, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.replace(/\.txt$/, ""))
    .sort();
}
