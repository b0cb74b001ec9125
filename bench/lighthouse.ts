import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_LOCALE, isLocale, LOCALES, localizedPath, type Locale } from "@/lib/domain/locale";
import { startBenchServer } from "./serve";

// Lighthouse (mobile, its default) on the home page, a story page and the petition, driving
// Debian's Chromium. Each page is loaded once first, so the measured load is the rendered page a
// visitor gets. On a shared machine the scores move with the load: set LIGHTHOUSE_BASELINE_URL to
// another build's server (a checkout of the commit to compare with, started with `npm start`) and
// each run is made on both, one after the other, so that both see the same load.
// LIGHTHOUSE_PAGES (comma-separated paths) and LIGHTHOUSE_RUNS choose what is measured.
// LIGHTHOUSE_LOCALE=es measures each page in that language (/es/story/…) with the same page in
// English, on the same server, as its baseline. LIGHTHOUSE_CPU_SLOWDOWN replaces Lighthouse's 4x
// CPU slowdown, for a machine much faster than the one it is calibrated for (see benchmarkIndex).
const run = promisify(execFile);
const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((binary) => fs.existsSync(binary)) ??
  "/usr/bin/chromium";
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? [
  "/",
  "/story/the-testimony",
  "/petition/protect-children-online",
];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const BASELINE = process.env.LIGHTHOUSE_BASELINE_URL?.replace(/\/$/, "");
const LOCALE = process.env.LIGHTHOUSE_LOCALE;
const CPU_SLOWDOWN = process.env.LIGHTHOUSE_CPU_SLOWDOWN;
if (LOCALE && !(isLocale(LOCALE) && LOCALE !== DEFAULT_LOCALE)) {
  throw new Error(
    `LIGHTHOUSE_LOCALE must be one of ${LOCALES.filter((l) => l !== DEFAULT_LOCALE).join(", ")}`,
  );
}

type Run = Record<string, number | string>;

/** One Lighthouse run; with the long tasks it saw (where, how long), which make up blocking time. */
async function lighthouse(url: string): Promise<Run> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "upstand-lh-")), "report.json");
  try {
    await run(
      "node_modules/.bin/lighthouse",
      [
        url,
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        ...(CPU_SLOWDOWN ? [`--throttling.cpuSlowdownMultiplier=${Number(CPU_SLOWDOWN)}`] : []),
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as {
      environment: { benchmarkIndex: number };
      categories: Record<string, { score: number }>;
      audits: Record<
        string,
        { numericValue?: number; details?: { items?: { url?: string; duration?: number }[] } }
      >;
    };
    const longTasks = (report.audits["long-tasks"]?.details?.items ?? [])
      .map(({ url: where = "", duration = 0 }) => `${Math.round(duration)} ${where.split("/").pop()}`)
      .join(", ");
    return {
      ...Object.fromEntries(
        Object.entries(report.categories).map(([key, { score }]) => [key, Math.round(score * 100)]),
      ),
      // Lighthouse's measure of this machine's CPU: its 4x slowdown is calibrated for 1,500 to 2,000.
      benchmarkIndex: Math.round(report.environment.benchmarkIndex),
      lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? 0),
      tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? 0),
      mainThreadMs: Math.round(report.audits["mainthread-work-breakdown"]?.numericValue ?? 0),
      cls: report.audits["cumulative-layout-shift"]?.numericValue ?? 0,
      longTasks,
    };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

// The median run by performance score, as Lighthouse's own guidance suggests.
const median = (runs: Run[]) =>
  [...runs].sort((a, b) => Number(a.performance) - Number(b.performance))[Math.floor(runs.length / 2)]!;

const server = await startBenchServer();
const results: Record<string, Run> = {};
const baseline: Record<string, Run> = {};
// What is measured, and what it is compared with: another build's page, or this one's in English.
const measured = (page: string) => `${server.url}${LOCALE ? localizedPath(LOCALE as Locale, page) : page}`;
const compared = BASELINE
  ? (page: string) => `${BASELINE}${page}`
  : LOCALE
    ? (page: string) => `${server.url}${page}`
    : null;
try {
  for (const page of PAGES) {
    await fetch(measured(page));
    if (compared) await fetch(compared(page));
    const runs: Run[] = [];
    const baselineRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always follows the other.
      if (compared && i % 2 === 1) baselineRuns.push(await lighthouse(compared(page)));
      runs.push(await lighthouse(measured(page)));
      if (compared && i % 2 === 0) baselineRuns.push(await lighthouse(compared(page)));
    }
    results[page] = median(runs);
    console.log(page, JSON.stringify(runs));
    if (compared) {
      baseline[page] = median(baselineRuns);
      console.log(`${page} (baseline)`, JSON.stringify(baselineRuns));
    }
  }
} finally {
  await server.stop();
}
console.log(
  JSON.stringify({
    formFactor: "mobile",
    runsPerPage: RUNS,
    median: results,
    ...(LOCALE ? { locale: LOCALE } : {}),
    ...(compared ? { baselineMedian: baseline } : {}),
  }),
);
