import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

const onServer = pickDriver(parseEnv(process.env)) === "pg";
const slug = "e2e-headers";
const FOREIGN = "https://campaign-hijack.example";
let ipCount = 0;
const freshIp = () => `10.91.${Math.floor(++ipCount / 250)}.${ipCount % 250}`;
const signer = (email: string) => ({
  firstName: "Head",
  lastName: "Ers",
  email,
  country: "US",
  postalCode: "20500",
  acceptsPrivacy: true,
});

/** The policy's directives by name, e.g. { "script-src": ["'self'", ...] }. */
function directives(response: APIResponse | Response): Map<string, string[]> {
  const value =
    (response instanceof Response
      ? response.headers.get("content-security-policy")
      : response.headers()["content-security-policy"]) ?? "";
  return new Map(
    value
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectBaseline(response: APIResponse, what: string) {
  const headers = response.headers();
  const policy = directives(response);
  expect(policy.get("default-src"), what).toEqual(["'self'"]);
  expect(policy.get("object-src"), what).toEqual(["'none'"]);
  expect(policy.get("base-uri"), what).toEqual(["'self'"]);
  expect(policy.get("form-action"), what).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  // The site is http here (no SITE_URL): HSTS on it would be a promise it cannot keep.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("every kind of response carries the policy and the other headers: a page, a direct route, a 404, a staff page", async ({
  request,
}) => {
  const page = await request.get("/");
  expect(page.status()).toBe(200);
  expectBaseline(page, "the home page");
  // Prerendered: its inline scripts are in cached HTML, which no per-request nonce can reach.
  expect(directives(page).get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);

  const totals = await request.get(`/api/petitions/${slug}/totals`);
  expect(totals.status()).toBe(200);
  expectBaseline(totals, "the totals, answered by Upstand's own server");

  const missing = await request.get("/no-such-page-here");
  expect(missing.status()).toBe(404);
  expectBaseline(missing, "a 404 page");
  const missingApi = await request.get("/api/petitions/no-such-petition/totals");
  expect(missingApi.status()).toBe(404);
  expectBaseline(missingApi, "a 404 from a direct route");

  const redirect = await request.get("/staff", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectBaseline(redirect, "the staff console's redirect to sign-in");

  // A page rendered per request: its scripts carry a fresh nonce, and nothing else may run.
  const first = await request.get("/staff/sign-in");
  expectBaseline(first, "the staff sign-in page");
  const scripts = directives(first).get("script-src")!;
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  const nonce = /^'nonce-(.+)'$/.exec(scripts.find((source) => source.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const html = await first.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  const second = directives(await request.get("/staff/sign-in")).get("script-src")!;
  expect(second.find((source) => source.startsWith("'nonce-"))).not.toBe(`'nonce-${nonce}'`);

  // Cookies over http: the plain names, without Secure.
  const csrf = await request.get("/api/auth/csrf");
  const cookies = csrf.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(cookies.map((cookie) => cookie.value.split("=")[0])).toContain("authjs.csrf-token");
  for (const cookie of cookies) expect(cookie.value).not.toMatch(/;\s*Secure/i);
});

/** Collects what the browser says about a page: console errors and blocked content. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message.slice(0, 200)}`));
  return problems;
}

/** Whether the page's inline scripts ran: Next.js's first inline script creates self.__next_f. */
const inlineScriptsRan = (page: Page) =>
  page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f));

test("pages under the nonce policy run their scripts and log no violation: staff console, report chart, export, a confirm link", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  for (const path of [
    "/staff",
    `/staff/reports/petition/${slug}`,
    "/staff/export",
    "/staff/signatures",
    "/staff/team",
    "/staff/audit",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await inlineScriptsRan(page), path).toBe(true);
  }
  // The report's chart is drawn by recharts in the browser, with inline style attributes.
  await page.goto(`/staff/reports/petition/${slug}`);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();

  const email = "nonce.confirm@example.org";
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    data: signer(email),
    headers: { "X-Real-IP": freshIp() },
  });
  expect(signed.status()).toBe(202);
  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  expect(await inlineScriptsRan(page)).toBe(true);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("a write from another site's page gets 403; the same site and programs with no Origin still work", async ({
  page,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const sign = (email: string, headers: Record<string, string>) =>
    request.post(`/api/petitions/${slug}/signatures`, {
      data: signer(email),
      headers: { "X-Real-IP": freshIp(), ...headers },
    });

  const foreign = await sign("foreign.origin@example.org", { Origin: FOREIGN });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toContain("another site");
  expect((await sign("null.origin@example.org", { Origin: "null" })).status()).toBe(403);
  expect((await sign("same.origin@example.org", { Origin: origin })).status()).toBe(202);
  expect((await sign("no.origin@example.org", {})).status()).toBe(202);
  // The refused ones were never stored: no email was sent to them, while the accepted one has one.
  await waitForMailTo(request, "same.origin@example.org");
  const mailbox = await (await request.get("/dev/mailbox?q=origin%40example.org")).text();
  expect(mailbox).not.toContain("foreign.origin@example.org");
  expect(mailbox).not.toContain("null.origin@example.org");

  // A real server action (staff sign-in), replayed as another site's page would send it.
  const action = page.waitForRequest((sent) => sent.method() === "POST" && !!sent.headers()["next-action"]);
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  const sent = await action;
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  // Without the browser's cookies: the replay is another site's page, not the signed-in member.
  const headers = {
    ...Object.fromEntries(Object.entries(sent.headers()).filter(([name]) => name !== "cookie")),
    origin: FOREIGN,
  };
  const replayed = await request.fetch(sent.url(), {
    method: "POST",
    headers,
    data: sent.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replayed.status()).toBe(403);
  expect(
    replayed
      .headersArray()
      .some((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session-token")),
  ).toBe(false);
  // The same call from the site itself signs in: the 403 above is the origin's doing.
  const own = await request.fetch(sent.url(), {
    method: "POST",
    headers: { ...headers, origin },
    data: sent.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
  expect(
    own
      .headersArray()
      .some((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session-token")),
  ).toBe(true);
});

test("the export runs only on a same-site POST: a link from anywhere lands on the form, another site's post gets 403", async ({
  page,
}) => {
  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  const query = `action=petition:${slug}&state=&format=csv`;
  // A top-level GET carries the session cookie even from another site: it must export nothing.
  const viaGet = await page.request.get(`/staff/export/download?${query}`, { maxRedirects: 0 });
  expect(viaGet.status()).toBe(303);
  expect(viaGet.headers()["location"]).toBe("/staff/export");
  expect(await viaGet.text()).toBe("");
  await page.goto(`/staff/export/download?${query}`);
  await expect(page).toHaveURL(/\/staff\/export$/);
  await expect(page.getByRole("heading", { name: "Export supporters" })).toBeVisible();

  const form = { action: `petition:${slug}`, state: "", format: "csv" };
  const foreign = await page.request.post("/staff/export/download", {
    form,
    headers: { Origin: FOREIGN },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toContain("@example.org");
  // The control: the same post from the site itself exports.
  const own = await page.request.post("/staff/export/download", {
    form,
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("first_name,last_name,email");
});

test("with an https SITE_URL, every response sends HSTS and the cookies are Secure with prefixed names", async () => {
  test.setTimeout(180_000);
  const dataDir = onServer ? null : fs.mkdtempSync(path.join(os.tmpdir(), "upstand-https-"));
  const env = {
    SITE_URL: "https://campaign.example.org",
    DEV_MAILBOX: "off",
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  };
  // A member of staff and a one-time sign-in link, made the way a first admin is (npm run staff).
  const member = `https.admin.${Date.now()}@staff.example`;
  const added = spawnSync(
    process.execPath,
    ["scripts/start.mjs", "staff", "add", member, "--role", "admin"],
    {
      env: { ...process.env, ...env, NODE_ENV: "production" },
      encoding: "utf8",
    },
  );
  expect(added.status, added.stderr).toBe(0);
  const token = /\/staff\/sign-in\/link\/([\w-]+)/.exec(added.stdout)?.[1];
  expect(token).toBeTruthy();

  const app = await startAppServer(env);
  try {
    for (const url of ["/", `/api/pledges/do-my-part/totals`, "/no-such-page-here", "/staff/sign-in"]) {
      const response = await fetch(`${app.url}${url}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), url).toBe(
        "max-age=31536000; includeSubDomains",
      );
      expect(directives(response).get("frame-ancestors"), url).toEqual(["'none'"]);
    }
    // Sign in with the link through Auth.js, as the link page's button does.
    const csrf = await fetch(`${app.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.map((cookie) => cookie.split("=")[0])).toContain("__Host-authjs.csrf-token");
    const signIn = await fetch(`${app.url}/api/auth/callback/link`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: csrfCookies.map((cookie) => cookie.split(";")[0]).join("; "),
      },
      body: new URLSearchParams({ csrfToken, token: token! }),
      redirect: "manual",
    });
    const session = signIn.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
    expect(session, `the sign-in answered ${signIn.status}`).toBeDefined();
    expect(session!.split("=")[0]).toBe("__Secure-authjs.session-token");
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    // And that cookie opens the console: the proxy and Auth.js agree on its name.
    const console = await fetch(`${app.url}/staff`, {
      headers: { Cookie: session!.split(";")[0]! },
      redirect: "manual",
    });
    expect(console.status).toBe(200);
    expect(await console.text()).toContain(member);
  } finally {
    await app.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
