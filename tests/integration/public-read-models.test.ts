import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sitemap from "@/app/sitemap";
import { closeDb, getDb } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getFulfilment } from "@/db/queries/commitments";
import { getFeaturedCampaignId } from "@/db/queries/featured-campaign";
import { getTotals } from "@/db/queries/counts";
import { listImpactFigures } from "@/db/queries/impact-figures";
import { getPetition, getPetitionTotals, listPetitionSlugs } from "@/db/queries/petitions";
import {
  getPledge,
  getPledgeCommitmentChoices,
  getPledgeTotals,
  listPledgeSlugs,
} from "@/db/queries/pledges";
import { listRecentPublicSigners } from "@/db/queries/signatures";
import { getSiteNavigation } from "@/db/queries/site";
import { listStoryPages, getStoryPage } from "@/db/queries/story";
import { getSupportToken, redeemSupportToken } from "@/db/queries/support-tokens";
import { actionTokens, pledgeTakers } from "@/db/schema";
import { handleHealthRequest } from "@/lib/api/health-request";
import { handleTotalsRequest } from "@/lib/api/totals-request";
import { directBodyOf } from "@/lib/http/direct-body";
import { totalsEventStream } from "@/lib/live/event-stream";
import { takePledge } from "@/lib/signing/pledging";
import { signPetition } from "@/lib/signing/signing";
import { hashToken, newToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition } from "../helpers/signing";

// Every read model behind a public page, a public JSON endpoint, the live stream, the sitemap
// and the share images, called against supporters whose private details carry values found
// nowhere else. A query that starts selecting a private column fails here by key or by value.

/** Keys that name a supporter's private details, or a secret, wherever they appear in a result. */
const PRIVATE_KEYS = new Set([
  "email",
  "emailCanonical",
  "ipAddress",
  "ip",
  "postalCode",
  "lastName",
  "userAgent",
  "token",
  "tokenHash",
  "passwordHash",
  "recipient",
  "rejectionReason",
  "holdReason",
]);

const MARK = {
  email: "Leak.Marker+tag@MarkerMail.example",
  emailCanonical: "leak.marker@markermail.example",
  ip: "203.0.113.199",
  postalCode: "QX9 7MK",
  lastName: "Zwiebelmarker",
  privateFirstName: "Hiddenmarkerfirst",
  privateComment: "a comment the signer kept private, qzmarker",
  takerEmail: "taker.marker@markermail.example",
  takerIp: "198.51.100.177",
  takerLastName: "Knoblauchmarker",
};

/** Every key path in `value` whose last key is a private one. */
function privateKeysIn(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => privateKeysIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(PRIVATE_KEYS.has(key) ? [`${path}.${key}`] : []),
    ...privateKeysIn(inner, `${path}.${key}`),
  ]);
}

/** The marker values found in a result's JSON (case-insensitive: an email may come back lower-cased). */
function markersIn(value: unknown, secrets: string[]): string[] {
  const json = JSON.stringify(value).toLowerCase();
  return [...Object.values(MARK), ...secrets].filter((marker) => json.includes(marker.toLowerCase()));
}

/** The first totals event a stream sends, as the browser would read it. */
async function firstStreamEvent(kind: "petition" | "pledge", slug: string): Promise<unknown> {
  const controller = new AbortController();
  const response = await totalsEventStream(
    new Request(`http://localhost/api/${kind}s/${slug}/stream`, { signal: controller.signal }),
    kind,
    slug,
  );
  let text = "";
  const decoder = new TextDecoder();
  const data = await new Promise<string>((resolve, reject) =>
    directBodyOf(response)!({
      write: (bytes) => {
        text += decoder.decode(bytes);
        const event = /event: totals\ndata: (.+)\n\n/.exec(text);
        if (event) resolve(event[1]!);
      },
      end: () => reject(new Error(`the stream ended before its first event: ${text}`)),
    }),
  );
  controller.abort();
  return JSON.parse(data);
}

describe("public read models", () => {
  const results = new Map<string, unknown>();
  const secrets: string[] = [];

  beforeAll(async () => {
    const { slug } = await freshDemoPetition();
    const campaign = (await getFeaturedCampaign())!;
    const pledgeSlug = campaign.pledge!.slug;
    const context = { source: null, referredBy: null, honeypot: null };
    const common = { country: "GB", postalCode: MARK.postalCode, acceptsPrivacy: true };

    // A public signer (shown by first name and last initial), and one who chose not to be shown.
    expect(
      await signPetition(
        slug,
        {
          ...common,
          firstName: "Shown",
          lastName: MARK.lastName,
          email: MARK.email,
          comment: "Shown comment",
          isPublic: true,
        },
        { ...context, ip: MARK.ip },
      ),
    ).toMatchObject({ ok: true });
    const hiddenEmail = "hidden.signer@markermail.example";
    expect(
      await signPetition(
        slug,
        {
          ...common,
          firstName: MARK.privateFirstName,
          lastName: MARK.lastName,
          email: hiddenEmail,
          comment: MARK.privateComment,
          isPublic: false,
        },
        { ...context, ip: MARK.ip },
      ),
    ).toMatchObject({ ok: true });
    const confirmToken = await confirmTokenFor(MARK.email);
    secrets.push(confirmToken, hashToken(confirmToken));
    for (const email of [MARK.email, hiddenEmail])
      await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm");

    const commitment = (await getPledgeCommitmentChoices(campaign.pledge!.id))[0]!.slug;
    expect(
      await takePledge(
        pledgeSlug,
        {
          ...common,
          firstName: "Taker",
          lastName: MARK.takerLastName,
          email: MARK.takerEmail,
          isPublic: true,
          commitments: [commitment],
        },
        { ...context, ip: MARK.takerIp },
      ),
    ).toMatchObject({ ok: true });
    const takerToken = await confirmTokenFor(MARK.takerEmail);
    await redeemSupportToken("pledge", hashToken(takerToken), "confirm");
    const [taker] = await getDb()
      .select({ id: pledgeTakers.id })
      .from(pledgeTakers)
      .where(eq(pledgeTakers.email, MARK.takerEmail));
    const fulfil = newToken();
    await getDb()
      .insert(actionTokens)
      .values({
        tokenHash: fulfil.hash,
        purpose: "fulfil-commitment",
        subjectId: taker!.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    secrets.push(takerToken, hashToken(takerToken), fulfil.token, fulfil.hash);

    const petition = (await getPetition(slug))!;
    const stories = await listStoryPages();
    const entries: [string, () => Promise<unknown>][] = [
      ["getFeaturedCampaign", () => getFeaturedCampaign()],
      ["getSiteNavigation", () => getSiteNavigation()],
      ["listStoryPages", () => listStoryPages()],
      ...stories.map(({ slug: story }): [string, () => Promise<unknown>] => [
        `getStoryPage(${story})`,
        () => getStoryPage(story),
      ]),
      ["listImpactFigures", async () => listImpactFigures((await getFeaturedCampaignId())!)],
      ["getPetition", () => getPetition(slug)],
      ["getPetitionTotals", () => getPetitionTotals(slug)],
      ["getPetitionTotals fresh", () => getPetitionTotals(slug, { fresh: true })],
      ["getTotals petition", () => getTotals("petition", petition.id)],
      ["listRecentPublicSigners", () => listRecentPublicSigners(petition.id)],
      ["listPetitionSlugs", () => listPetitionSlugs()],
      ["getPledge", () => getPledge(pledgeSlug)],
      ["getPledgeTotals", () => getPledgeTotals(pledgeSlug)],
      ["getPledgeTotals fresh", () => getPledgeTotals(pledgeSlug, { fresh: true })],
      ["getTotals pledge", () => getTotals("pledge", campaign.pledge!.id)],
      ["getPledgeCommitmentChoices", () => getPledgeCommitmentChoices(campaign.pledge!.id)],
      ["listPledgeSlugs", () => listPledgeSlugs()],
      ["getSupportToken confirm", () => getSupportToken(hashToken(confirmToken), "confirm")],
      ["getSupportToken pledge confirm", () => getSupportToken(hashToken(takerToken), "confirm")],
      ["getFulfilment", () => getFulfilment(fulfil.hash)],
      ["sitemap", () => sitemap()],
      [
        "GET /api/petitions/{slug}/totals",
        async () =>
          (
            await handleTotalsRequest(
              new Request(`http://localhost/api/petitions/${slug}/totals`),
              "petition",
              slug,
            )
          ).json(),
      ],
      [
        "GET /api/pledges/{slug}/totals",
        async () =>
          (
            await handleTotalsRequest(
              new Request(`http://localhost/api/pledges/${pledgeSlug}/totals`),
              "pledge",
              pledgeSlug,
            )
          ).json(),
      ],
      ["GET /api/petitions/{slug}/stream", () => firstStreamEvent("petition", slug)],
      ["GET /api/pledges/{slug}/stream", () => firstStreamEvent("pledge", pledgeSlug)],
      ["GET /api/health", async () => (await handleHealthRequest()).json()],
    ];
    for (const [name, read] of entries) results.set(name, await read());
  });
  afterAll(closeDb);

  it("read something: the public signer, the taker's page and the links are there to be leaked", () => {
    expect(results.get("listRecentPublicSigners")).toEqual([
      expect.objectContaining({ firstName: "Shown", lastInitial: "Z", comment: "Shown comment" }),
    ]);
    expect(results.get("getPetitionTotals")).toMatchObject({
      verified: 1,
      recentSigners: [expect.objectContaining({ firstName: "Shown" })],
    });
    expect(results.get("GET /api/petitions/{slug}/stream")).toMatchObject({ verified: 1 });
    expect(results.get("getSupportToken confirm")).toMatchObject({ kind: "petition", state: "verified" });
    expect(results.get("getFulfilment")).toMatchObject({ firstName: "Taker" });
    expect(results.get("listImpactFigures")).not.toEqual([]);
    for (const [name, result] of results) expect(result, name).not.toBeNull();
  });

  it("carry no private key, at any depth", () => {
    const found = [...results].flatMap(([name, result]) =>
      privateKeysIn(result).map((path) => `${name}: ${path}`),
    );
    expect(found).toEqual([]);
  });

  it("carry none of the supporters' private values, nor any link's token", () => {
    const found = [...results].flatMap(([name, result]) =>
      markersIn(result, secrets).map((marker) => `${name}: ${marker}`),
    );
    expect(found).toEqual([]);
  });
});
