import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { defaultLanguageRewrites } from "./lib/domain/locale";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Public pages live under app/[locale]; the default language is served at the root.
  rewrites: async () => ({ beforeFiles: defaultLanguageRewrites(), afterFiles: [], fallback: [] }),
  // `npm run typecheck` (tsc, in `npm test` and CI) checks the types; checking them again in every
  // build took 100 s of a loaded 2-core machine's build.
  typescript: { ignoreBuildErrors: true },
  // Without this, PGlite's 15 MB of WASM is copied into .next/static and served publicly.
  // pdfkit reads its font metrics (.afm) from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@vercel/postgres", "ws", "pdfkit"],
  // The delivery pack embeds DejaVu Sans, read from node_modules at run time (lib/delivery/pdf.ts).
  // Servers apply migrations when they start, so the SQL files must travel with the build.
  outputFileTracingIncludes: {
    "/**": [
      "./db/migrations/**/*",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ],
  },
  // Staff edits must reach the public pages of every instance within seconds. The instance that
  // saves an edit drops its cached pages at once (revalidatePath in lib/actions/staff-content.ts),
  // but each instance has a page cache of its own and hears of nothing, so the others go by time:
  // the pages that show editable content revalidate every 5 s, and a page is never served staler
  // than `expireTime`. A page in demand is served from the cache and re-rendered in the
  // background at most once per 5 s per instance, a few queries (bench/content-freshness.ts);
  // one nobody asked this instance for in 15 s is rendered afresh before it is served.
  expireTime: 15,
  // authInterrupts: forbidden() answers a too-low staff role with a 403 page.
  // isrFlushToDisk: false keeps each instance's rendered pages in its memory only (an LRU of
  // `cacheMaxMemorySize`, 50 MB): a stream of made-up addresses (/petition/<anything> renders and
  // caches a 404) cannot fill the disk, and the build's directory may be read-only.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
};

// Server components ask for their messages in their page's language (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
