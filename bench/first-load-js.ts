import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

// First-load JavaScript of each prerendered public page: every script its HTML loads (not the
// nomodule polyfills, which modern browsers skip), gzipped at level 9. Run after `npm run build`.
// For scale, the same run builds a bare Next.js "hello" page with this project's own packages.
const BUDGET_KB = 110;

function measure(nextDir: string, htmlFile: string): { scripts: number; kb: number } {
  const html = fs.readFileSync(path.join(nextDir, "server", "app", htmlFile), "utf8");
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

function prerenderedPages(nextDir: string): Record<string, string> {
  const app = path.join(nextDir, "server", "app");
  const pages: Record<string, string> = { "/": "index.html" };
  for (const name of ["story", "help", "about", "privacy"]) pages[`/${name}`] = `${name}.html`;
  for (const folder of ["story", "petition", "pledge"]) {
    for (const file of fs.readdirSync(path.join(app, folder)).filter((f) => f.endsWith(".html"))) {
      pages[`/${folder}/${file.slice(0, -5)}`] = path.join(folder, file);
    }
  }
  return pages;
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
    return measure(path.join(dir, ".next"), "index.html");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const results = Object.entries(prerenderedPages(".next")).map(([route, file]) => ({
  route,
  ...measure(".next", file),
}));
for (const { route, scripts, kb } of results) {
  console.log(`${route.padEnd(40)} ${String(scripts).padStart(3)} scripts ${String(kb).padStart(7)} KB gzip`);
}
const bare = bareNextApp();
console.log(
  `${"bare Next.js hello page (webpack)".padEnd(40)}             ${String(bare.kb).padStart(7)} KB gzip`,
);
const storyPageMaxKb = Math.max(...results.filter((r) => r.route.startsWith("/story/")).map((r) => r.kb));
console.log(
  JSON.stringify({
    budgetKb: BUDGET_KB,
    storyPageMaxKb,
    bareNextKb: bare.kb,
    ratioToBare: storyPageMaxKb / bare.kb,
    pages: results,
  }),
);
