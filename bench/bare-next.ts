import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";

export interface BareNext {
  url: string;
  stop(): Promise<void>;
}

/**
 * The baseline: a bare Next.js app, built from this project's own packages, with one route
 * handler that does one INSERT (POST /api/insert) and one that answers JSON (GET /api/read),
 * served by `next start` on the same machine and database as Upstand.
 */
export async function startBareNext(databaseUrl: string): Promise<BareNext> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-bare-next-"));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  write("package.json", '{"private":true,"type":"module"}');
  write("next.config.mjs", 'export default { serverExternalPackages: ["pg"] };');
  write(
    "app/layout.jsx",
    "export default function L({ children }) { return <html><body>{children}</body></html>; }",
  );
  write("app/page.jsx", "export default function P() { return <p>bare</p>; }");
  write(
    "app/api/insert/route.js",
    `import pg from "pg";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
export const dynamic = "force-dynamic";
export async function POST(request) {
  const body = await request.json();
  await pool.query("insert into bare_rows (payload) values ($1)", [JSON.stringify(body)]);
  return Response.json({ ok: true }, { status: 202 });
}`,
  );
  write(
    "app/api/read/route.js",
    'export const dynamic = "force-dynamic";\nexport function GET() { return Response.json({ ok: true }); }',
  );
  execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build", "--webpack"], {
    cwd: dir,
    stdio: "ignore",
  });
  execFileSync(process.execPath, [
    "-e",
    `const pg=require(${JSON.stringify(path.resolve("node_modules/pg"))});const c=new pg.Client(${JSON.stringify(databaseUrl)});c.connect().then(()=>c.query("create table if not exists bare_rows (id bigserial primary key, payload jsonb, created_at timestamptz default now())")).then(()=>c.end())`,
  ]);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/read`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return {
    url,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
