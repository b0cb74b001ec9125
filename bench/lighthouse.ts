import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startBenchServer } from "./serve";

// Lighthouse (mobile, its default) on the home page and a story page, driving Debian's Chromium.
// Each page is loaded once first, so the measured load is the prerendered page a visitor gets.
const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PAGES = ["/", "/story/the-testimony"];
const RUNS = 3;

const server = await startBenchServer();
const results: Record<string, Record<string, number>> = {};
try {
  for (const page of PAGES) {
    await fetch(`${server.url}${page}`);
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < RUNS; i++) {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "upstand-lh-")), "report.json");
      await run(
        "node_modules/.bin/lighthouse",
        [
          `${server.url}${page}`,
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
          "--only-categories=performance,accessibility,best-practices,seo",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
      );
      const report = JSON.parse(fs.readFileSync(out, "utf8")) as {
        categories: Record<string, { score: number }>;
        audits: Record<string, { numericValue?: number }>;
      };
      runs.push({
        ...Object.fromEntries(
          Object.entries(report.categories).map(([key, { score }]) => [key, Math.round(score * 100)]),
        ),
        lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? 0),
        tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? 0),
        cls: report.audits["cumulative-layout-shift"]?.numericValue ?? 0,
      });
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
    // The median run by performance score, as Lighthouse's own guidance suggests.
    results[page] = runs.sort((a, b) => a.performance! - b.performance!)[Math.floor(RUNS / 2)]!;
    console.log(page, JSON.stringify(runs));
  }
} finally {
  await server.stop();
}
console.log(JSON.stringify({ formFactor: "mobile", runsPerPage: RUNS, median: results }));
