// Lighthouse (npm `lighthouse@11`, the last with PWA audits) on the release dist/, served
// under a sub-path, in Debian's headless Chromium: prints the category scores.
// Run by scripts/bench.sh, which installs it into .tools/lighthouse.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const bin = join(root, ".tools", "lighthouse", "node_modules", ".bin", "lighthouse");
const out = join(root, "target", "lighthouse.json");
const { server, url } = await serve(join(root, "dist"), { base: "/reader/" });
try {
  // asynchronously: this process also serves the pages Lighthouse loads
  await promisify(execFile)(bin, [url, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,pwa",
    "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } });
  const report = JSON.parse(readFileSync(out, "utf8"));
  console.log("\nLighthouse (lighthouse@11, headless Chromium, simulated mobile throttling):");
  for (const [id, c] of Object.entries(report.categories)) console.log(`  ${id.padEnd(16)} ${Math.round(c.score * 100)}`);
} finally {
  server.close();
}
