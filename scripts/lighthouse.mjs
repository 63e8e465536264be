// Lighthouse (npm `lighthouse@11`, the last with PWA audits) on the release dist/, served
// under a sub-path, in Debian's headless Chromium, RUNS times (default 5): prints every
// run's scores and metrics, then the median of each. Run by scripts/bench.sh, which
// installs it into .tools/lighthouse.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./static-server.mjs";

const root = join(import.meta.dirname, "..");
const bin = join(root, ".tools", "lighthouse", "node_modules", ".bin", "lighthouse");
const out = join(root, "target", "lighthouse.json");
const RUNS = Number(process.env.RUNS ?? 5);
const METRICS = [
  ["first-contentful-paint", "FCP", "ms"],
  ["largest-contentful-paint", "LCP", "ms"],
  ["total-blocking-time", "TBT", "ms"],
  ["cumulative-layout-shift", "CLS", ""],
  ["speed-index", "SI", "ms"],
  ["interactive", "TTI", "ms"],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, url } = await serve(join(root, "dist"), { base: "/reader/" });
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // asynchronously: this process also serves the pages Lighthouse loads
    await promisify(execFile)(bin, [url, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,pwa",
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } });
    const report = JSON.parse(readFileSync(out, "utf8"));
    const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    const metrics = Object.fromEntries(METRICS.map(([id, name]) => [name, report.audits[id]?.numericValue ?? NaN]));
    const lcp = report.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.selector
      ?? report.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.node?.selector ?? "?";
    runs.push({ scores, metrics, lcp });
  }
} finally {
  server.close();
}

console.log(`\nLighthouse (lighthouse@11, headless Chromium, simulated mobile throttling), ${RUNS} runs:`);
const fmt = (name, unit, v) => (unit === "ms" ? `${name} ${Math.round(v)} ms` : `${name} ${v.toFixed(3)}`);
runs.forEach((r, i) => {
  const s = Object.entries(r.scores).map(([id, v]) => `${id} ${v}`).join(", ");
  const m = METRICS.map(([, name, unit]) => fmt(name, unit, r.metrics[name])).join(", ");
  console.log(`  run ${i + 1}: ${s}; ${m}; LCP element ${r.lcp}`);
});
const ids = Object.keys(runs[0].scores);
console.log(`  median: ${ids.map((id) => `${id} ${median(runs.map((r) => r.scores[id]))}`).join(", ")}; ` +
  METRICS.map(([, name, unit]) => fmt(name, unit, median(runs.map((r) => r.metrics[name])))).join(", "));
