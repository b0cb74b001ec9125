import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { getActionReport } from "@/db/queries/action-reports";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { eraseSupporters } from "@/db/queries/erasure";
import { clearOpenCountsCache } from "@/db/queries/open-counts";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { outboxMessages, petitions, signatures } from "@/db/schema";
import type { StaffCaller } from "@/lib/domain/roles";
import { signPetition } from "@/lib/signing/signing";
import { hashToken } from "@/lib/signing/tokens";
import { REFUSED_CHARACTERS } from "../helpers/hostile-corpus";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";
import { freshDemoPetition, signer } from "../helpers/signing";
import { breakdownSchema, historySchema } from "@/lib/openapi/paths/open-counts";

// The open counts (docs/API.md, "Open counts") over real HTTP on the real database: where the
// verified supporters are, and how many signed per hour or day, beside the totals and the staff chart.
vi.hoisted(() => vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip"));

const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };
const DOMAIN = "open-counts.example.org";

interface Breakdown {
  verified: number;
  countries: { country: string | null; count: number }[];
  usStates: { state: string | null; count: number }[];
  usStatesNote: string;
}
interface History {
  interval: "hour" | "day";
  timeZone: string;
  buckets: { at: string; verified: number }[];
}

describe("the open counts", () => {
  let server: HandlerServer;
  let slug: string;
  let address = 0;
  // Each request from its own address, so that no test meets the flood limit by accident.
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { "X-Real-IP": `198.51.${(++address >> 8) & 255}.${address & 255}`, ...init.headers },
    });

  /** Signs from `country` and `postalCode`; confirms, then withdraws, as the emailed links do. */
  async function sign(
    local: string,
    country: string,
    postalCode: string,
    then: "pending" | "verified" | "withdrawn",
  ) {
    const email = `${local}@${DOMAIN}`;
    await signPetition(
      slug,
      { ...signer(email), country, postalCode },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    if (then === "pending") return;
    const [mail] = await getDb()
      .select({ text: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email));
    const link = (path: string) => new RegExp(`/${path}/([\\w-]{43})`).exec(mail!.text)![1]!;
    expect((await redeemSupportToken("petition", hashToken(link("confirm")), "confirm")).result).toBe("done");
    if (then === "withdrawn")
      expect((await redeemSupportToken("petition", hashToken(link("withdraw")), "withdraw")).result).toBe(
        "done",
      );
  }

  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
    // Five in Texas and five in Britain are named; New York's one, the ZIP code whose first
    // digits name no state, Canada's one and France's one are too few, and counted unnamed.
    for (const [n, zip] of ["78701", "75001", "77001", "78702", "79901"].entries())
      await sign(`tx-${n}`, "US", zip, "verified");
    await sign("tx-pending", "US", "77001", "pending");
    await sign("ny-1", "US", "10001", "verified");
    await sign("ny-2", "US", "10001", "withdrawn");
    await sign("us-unknown", "US", "00000", "verified");
    await sign("ca-1", "CA", "M5V 2T6", "verified");
    for (let n = 0; n < 5; n++) await sign(`gb-${n}`, "GB", "SW1A 1AA", "verified");
    await sign("gb-withdrawn", "GB", "SW1A 1AA", "withdrawn");
    await sign("fr-erased", "FR", "75001", "verified");
    await getDb().transaction((tx) =>
      eraseSupporters(tx, "petition", sql`email = ${`fr-erased@${DOMAIN}`}`).then(() => undefined),
    );
    // Signed three days ago, and forty (before the 30-day window of the history, still in the breakdown).
    await getDb()
      .update(signatures)
      .set({ createdAt: sql`now() - interval '3 days'` })
      .where(eq(signatures.email, `tx-1@${DOMAIN}`));
    await getDb()
      .update(signatures)
      .set({ createdAt: sql`now() - interval '40 days'` })
      .where(inArray(signatures.email, [`ca-1@${DOMAIN}`]));
    clearOpenCountsCache();
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
    vi.unstubAllEnvs();
  });

  it("counts verified supporters by country and U.S. state, summing to the verified total", async () => {
    const [breakdownResponse, totalsResponse] = await Promise.all([
      get(`/api/petitions/${slug}/breakdown`),
      get(`/api/petitions/${slug}/totals`),
    ]);
    expect(breakdownResponse.status).toBe(200);
    const breakdown = (await breakdownResponse.json()) as Breakdown;
    // What the OpenAPI document says of it, and nothing else (lib/openapi/paths/open-counts.ts).
    expect(breakdownSchema.strict().safeParse(breakdown).error).toBeUndefined();
    const totals = (await totalsResponse.json()) as { verified: number };
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    expect(breakdown.verified).toBe(totals.verified);
    expect(sum(breakdown.countries)).toBe(totals.verified);
    const us = breakdown.countries.find((row) => row.country === "US")!.count;
    expect(sum(breakdown.usStates)).toBe(us);
    // The seeded rows exactly: pending and withdrawn are out, the erased supporter still counts
    // (in France, too few to name), and no place with fewer than five is named.
    expect(breakdown.countries).toEqual([
      { country: "US", count: 7 },
      { country: "GB", count: 5 },
      { country: null, count: 2 },
    ]);
    expect(breakdown.usStates).toEqual([
      { state: "Texas", count: 5 },
      { state: null, count: 2 },
    ]);
    expect(breakdown.usStatesNote).toMatch(/near state lines/);
    expect(JSON.stringify(breakdown)).not.toContain(DOMAIN);
    expect(JSON.stringify(breakdown)).not.toContain("78701");
  });

  it("gives, per hour and per day, the figures of the staff chart", async () => {
    const report = (await getActionReport(viewer, "petition", slug))!;
    for (const [interval, staff] of [
      ["hour", report.perHour],
      ["day", report.perDay],
    ] as const) {
      const response = await get(`/api/petitions/${slug}/history?interval=${interval}`);
      expect(response.status).toBe(200);
      const history = (await response.json()) as History;
      expect(historySchema.strict().safeParse(history).error).toBeUndefined();
      expect(history).toMatchObject({ interval, timeZone: "UTC" });
      expect(history.buckets).toHaveLength(staff.length);
      // An hour may turn between the two reads: the buckets both hold must agree.
      const staffByAt = new Map(staff.map((bucket) => [bucket.at, bucket.verified]));
      const shared = history.buckets.filter((bucket) => staffByAt.has(bucket.at));
      expect(shared.length).toBeGreaterThanOrEqual(staff.length - 1);
      for (const bucket of shared) expect(bucket.verified, bucket.at).toBe(staffByAt.get(bucket.at));
    }
    // Within the 30 days: everyone verified but the one who signed forty days ago.
    const days = (await (await get(`/api/petitions/${slug}/history?interval=day`)).json()) as History;
    const breakdown = (await (await get(`/api/petitions/${slug}/breakdown`)).json()) as Breakdown;
    expect(days.buckets.reduce((sum, bucket) => sum + bucket.verified, 0)).toBe(breakdown.verified - 1);
    expect(days.buckets.filter((bucket) => bucket.verified > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("publishes nothing of a petition whose staff have not chosen to", async () => {
    const setSwitch = (on: boolean) =>
      getDb().update(petitions).set({ publishesOpenCounts: on }).where(eq(petitions.slug, slug));
    await setSwitch(false);
    clearOpenCountsCache();
    try {
      for (const path of [
        `/api/petitions/${slug}/breakdown`,
        `/api/petitions/${slug}/history?interval=day`,
      ]) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(await response.text()).not.toContain("verified");
      }
      // The totals stay public: only where and when are the campaign's choice.
      expect((await get(`/api/petitions/${slug}/totals`)).status).toBe(200);
    } finally {
      await setSwitch(true);
      clearOpenCountsCache();
    }
    expect((await get(`/api/petitions/${slug}/breakdown`)).status).toBe(200);
  });

  it("is cacheable and readable from any site", async () => {
    for (const path of [`/api/petitions/${slug}/breakdown`, `/api/petitions/${slug}/history?interval=day`]) {
      const response = await get(path, { headers: { Origin: "https://news.example" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("cache-control")).toMatch(
        /^public, s-maxage=\d+, stale-while-revalidate=\d+/,
      );
      const preflight = await get(path, {
        method: "OPTIONS",
        headers: { Origin: "https://news.example", "Access-Control-Request-Method": "GET" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    }
  });

  it("serves a pledge's breakdown and history too", async () => {
    const pledge = (await getFeaturedCampaign())!.pledge!.slug;
    const [breakdown, totals, history] = await Promise.all([
      get(`/api/pledges/${pledge}/breakdown`).then((response) => response.json() as Promise<Breakdown>),
      get(`/api/pledges/${pledge}/totals`).then(
        (response) => response.json() as Promise<{ verified: number }>,
      ),
      get(`/api/pledges/${pledge}/history?interval=hour`).then(
        (response) => response.json() as Promise<History>,
      ),
    ]);
    expect(breakdown.countries.reduce((sum, row) => sum + row.count, 0)).toBe(totals.verified);
    expect(history.buckets).toHaveLength(48);
  });

  it("refuses a bad interval with a message, and an unknown slug with 404", async () => {
    for (const query of [
      "",
      "?interval=week",
      "?interval=",
      "?interval=hour&interval=day",
      "?interval=HOUR",
    ]) {
      const response = await get(`/api/petitions/${slug}/history${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toEqual({ error: 'interval must be "hour" or "day".' });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
    for (const path of [
      "/api/petitions/no-such-petition/breakdown",
      "/api/pledges/no-such-pledge/history?interval=day",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: "Not found." });
    }
  });

  it("answers hostile slugs and queries without a 5xx", async () => {
    const hostile = [
      ...REFUSED_CHARACTERS,
      "' or 1=1 --",
      "../../etc/passwd",
      "__proto__",
      "constructor",
      "%",
      "%zz",
      "a".repeat(5_000),
      "🙂",
      "\ud800",
    ];
    const inUrl = (value: string) => {
      try {
        return encodeURIComponent(value);
      } catch {
        return "%ED%A0%80";
      }
    };
    const paths = hostile.flatMap((value) => [
      `/api/petitions/${inUrl(value)}/breakdown`,
      `/api/pledges/${inUrl(value)}/history?interval=day`,
      `/api/petitions/${slug}/history?interval=${inUrl(value)}`,
      `/api/petitions/${slug}/breakdown?${inUrl(value)}=${inUrl(value)}`,
      `/api/petitions/${slug}/history?interval=day&${inUrl(value)}=1`,
    ]);
    const statuses = await Promise.all(paths.map(async (path) => [path, (await get(path)).status] as const));
    for (const [path, status] of statuses) expect(status, path.slice(0, 120)).toBeLessThan(500);
    expect(statuses.some(([, status]) => status === 404)).toBe(true);
    expect(statuses.some(([, status]) => status === 400)).toBe(true);
  });
});
