import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startBenchServer } from "./serve";

// First-load JavaScript of each public page in the sitemap: every script its HTML loads (not the
// nomodule polyfills, which modern browsers skip), gzipped at level 9, with the page served by a
// production build on a fresh embedded database (pages are rendered on their first request).
// For scale, the same run builds a bare Next.js "hello" page with this project's own packages,
// and each kind of page is held to a multiple of it (issue 14): story pages carry little beyond
// the framework; the petition and pledge, where people sign on phones, carry their forms.
const BUDGETS: { pages: string; prefixes: string[]; maxRatioToBare: number }[] = [
  { pages: "story pages", prefixes: ["/story"], maxRatioToBare: 1.1 },
  { pages: "petition and pledge pages", prefixes: ["/petition/", "/pledge/"], maxRatioToBare: 1.25 },
];

function measure(nextDir: string, html: string): { scripts: number; kb: number } {
  const sources = [...html.matchAll(/<script(?![^>]*noModule)[^>]+src="\/_next\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const unique = [...new Set(sources)];
  const bytes = unique.reduce(
    (sum, src) =>
      sum + gzipSync(fs.readFileSync(path.join(nextDir, decodeURIComponent(src))), { level: 9 }).length,
    0,
  );
  return { scripts: unique.length, kb: Math.round((bytes / 1024) * 10) / 10 };
}

/** A bare App Router page built with the same next and react, to show what the framework costs. */
function bareNextApp(): { kb: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bare-next-"));
  try {
    fs.mkdirSync(path.join(dir, "app"));
    fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "package.json"), '{"private":true,"type":"module"}');
    fs.writeFileSync(
      path.join(dir, "app", "layout.jsx"),
      'export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }',
    );
    fs.writeFileSync(
      path.join(dir, "app", "page.jsx"),
      "export default function P() { return <p>Hello</p>; }",
    );
    // Turbopack will not build through a symlinked node_modules; webpack will.
    execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build", "--webpack"], {
      cwd: dir,
      stdio: "ignore",
    });
    return measure(
      path.join(dir, ".next"),
      fs.readFileSync(path.join(dir, ".next", "server", "app", "index.html"), "utf8"),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const server = await startBenchServer();
const results: { route: string; scripts: number; kb: number }[] = [];
try {
  const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
  for (const [, url] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const route = new URL(url!).pathname;
    results.push({ route, ...measure(".next", await (await fetch(`${server.url}${route}`)).text()) });
  }
} finally {
  await server.stop();
}
for (const { route, scripts, kb } of results) {
  console.log(`${route.padEnd(40)} ${String(scripts).padStart(3)} scripts ${String(kb).padStart(7)} KB gzip`);
}
const bare = bareNextApp();
console.log(
  `${"bare Next.js hello page (webpack)".padEnd(40)}             ${String(bare.kb).padStart(7)} KB gzip`,
);
const budgets = BUDGETS.map(({ pages, prefixes, maxRatioToBare }) => {
  const maxKb = Math.max(
    ...results.filter((r) => prefixes.some((prefix) => r.route.startsWith(prefix))).map((r) => r.kb),
  );
  const ratioToBare = Math.round((maxKb / bare.kb) * 100) / 100;
  const within = maxKb / bare.kb <= maxRatioToBare;
  console.log(
    `${pages}: at most ${maxKb} KB, ${ratioToBare} × the bare page (budget ${maxRatioToBare} ×): ${within ? "within" : "OVER BUDGET"}`,
  );
  return { pages, maxKb, ratioToBare, maxRatioToBare, within };
});
console.log(JSON.stringify({ bareNextKb: bare.kb, budgets, pages: results }));
if (budgets.some((budget) => !budget.within)) process.exitCode = 1;
