import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getActionReport } from "@/db/queries/action-reports";
import { getOsdiSupporter } from "@/db/queries/osdi-supporters";
import { signatures } from "@/db/schema";
import { POST } from "@/app/api/osdi/v1/petitions/[id]/signatures/record_signature_helper/route";
import { createApiKey } from "@/lib/api-keys/manage";
import type { StaffCaller } from "@/lib/domain/roles";
import { referrerDataOf } from "@/lib/domain/referrer";
import { siteUrl } from "@/lib/http/site-url";
import { supporterResource } from "@/lib/osdi/resources";
import { supportContextOf } from "@/lib/signing/form-submission";
import { signPetition } from "@/lib/signing/signing";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";

const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };
const run = randomUUID().slice(0, 8);

const referrer = (website: string, viaEmbed: boolean) =>
  referrerDataOf({
    utm: { utm_source: "partner-news" },
    referrerUrl: `${website}/act?email=someone%40example.org`,
    embedHost: viaEmbed ? website : null,
    viaEmbed,
    siteOrigin: siteUrl().origin,
  });

describe("where supporters came from", () => {
  let petition: { id: string; slug: string };
  beforeAll(async () => {
    petition = await freshDemoPetition();
  });
  afterAll(closeDb);

  it("stores an embedded form's host, page and campaign tags from its hidden fields", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      embed: "1",
      embed_host: "https://partner.example.org",
      referrer_url: "https://partner.example.org/campaign?utm_medium=embed&name=Ada#top",
      source: "partner",
      utm_source: "partner-site",
      utm_medium: "embed",
    }))
      form.set(name, value);
    const email = `embed-${run}@example.org`;
    const signed = await signPetition(
      petition.slug,
      signer(email),
      supportContextOf(form, new Headers({ referer: `${siteUrl().origin}/embed/petition/${petition.slug}` })),
    );
    expect(signed.ok).toBe(true);
    const [row] = await getDb()
      .select({
        source: signatures.source,
        website: signatures.referrerWebsite,
        url: signatures.referrerUrl,
        utmSource: signatures.utmSource,
        utmMedium: signatures.utmMedium,
        viaEmbed: signatures.viaEmbed,
      })
      .from(signatures)
      .where(eq(signatures.email, email));
    expect(row).toEqual({
      source: "partner",
      website: "https://partner.example.org",
      url: "https://partner.example.org/campaign?utm_medium=embed",
      utmSource: "partner-site",
      utmMedium: "embed",
      viaEmbed: true,
    });
  });

  it("signs through a crafted link whose campaign tag no column could store, without the tag", async () => {
    const form = new FormData();
    form.set("utm_source", "news\u0000");
    form.set("utm_medium", "social");
    const email = `hostile-utm-${run}@example.org`;
    const signed = await signPetition(petition.slug, signer(email), supportContextOf(form, new Headers()));
    expect(signed.ok).toBe(true);
    const [row] = await getDb()
      .select({ utmSource: signatures.utmSource, utmMedium: signatures.utmMedium })
      .from(signatures)
      .where(eq(signatures.email, email));
    expect(row).toEqual({ utmSource: null, utmMedium: "social" });
  });

  it("takes OSDI referrer_data from a key, and serves it back as referrer_data", async () => {
    const key = await createApiKey(null, { name: `Partner ${run}`, scopes: ["write:signatures"] });
    const email = `osdi-${run}@example.org`;
    const response = await POST(
      new Request(
        `http://localhost/api/osdi/v1/petitions/${petition.id}/signatures/record_signature_helper?utm_campaign=spring`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "OSDI-API-Token": key.key },
          body: JSON.stringify({
            person: {
              given_name: "Grace",
              family_name: "Hopper",
              email_addresses: [{ address: email }],
              postal_addresses: [{ country: "US", postal_code: "10001" }],
            },
            acceptsPrivacy: true,
            referrer_data: {
              source: "partner-site",
              website: "https://partner.example.org",
              url: "https://partner.example.org/petition?utm_source=mail&token=secret",
            },
          }),
        },
      ),
      { params: Promise.resolve({ id: petition.id }) },
    );
    expect(response.status).toBe(202);
    const [row] = await getDb()
      .update(signatures)
      .set({ state: "verified", verifiedAt: new Date() })
      .where(eq(signatures.email, email))
      .returning({ id: signatures.id, utmCampaign: signatures.utmCampaign });
    expect(row!.utmCampaign).toBe("spring");
    const served = supporterResource(
      "http://localhost",
      "signature",
      (await getOsdiSupporter("signature", petition.id, row!.id))!,
    );
    expect(served.referrer_data).toEqual({
      source: "partner-site",
      website: "https://partner.example.org",
      url: "https://partner.example.org/petition?utm_source=mail",
    });
  });

  it("ranks partner sites and embeds by verified signatures only", async () => {
    const signed = [
      [`rank-a1-${run}@example.org`, referrer("https://a.example.org", true)],
      [`rank-a2-${run}@example.org`, referrer("https://a.example.org", true)],
      [`rank-a3-${run}@example.org`, referrer("https://a.example.org", false)],
      [`rank-b1-${run}@example.org`, referrer("https://b.example.org", true)],
      [`rank-c1-${run}@example.org`, referrer("https://c.example.org", true)],
    ] as const;
    for (const [email, data] of signed) await signAs(petition.slug, email, { referrer: data });
    // Everyone but the one from c confirmed.
    await getDb()
      .update(signatures)
      .set({ state: "verified", verifiedAt: new Date() })
      .where(
        inArray(
          signatures.email,
          signed.slice(0, 4).map(([email]) => email),
        ),
      );
    const report = (await getActionReport(viewer, "petition", petition.slug))!;
    expect(report.partners.filter((row) => /[abc]\.example\.org/.test(row.label))).toEqual([
      { label: "https://a.example.org, embed", count: 2 },
      { label: "https://a.example.org, link", count: 1 },
      { label: "https://b.example.org, embed", count: 1 },
    ]);
  });
});
