import { createHash, randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { listConsentsForEmail, setConsentChannel } from "@/db/queries/consents";
import { eraseSupporters } from "@/db/queries/erasure";
import { exportSupporters } from "@/db/queries/exports";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { getOsdiSupporter } from "@/db/queries/osdi-supporters";
import { stopUpdates } from "@/db/queries/updates";
import { consents, consentTexts, outboxMessages, pledgeTakers, signatures } from "@/db/schema";
import { POST as recordSignatureHelper } from "@/app/api/osdi/v1/petitions/[id]/signatures/record_signature_helper/route";
import { createApiKey } from "@/lib/api-keys/manage";
import { consentTextsFor } from "@/lib/consents/texts";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import type { StaffCaller } from "@/lib/domain/roles";
import { takePledge } from "@/lib/signing/pledging";
import { signPetition } from "@/lib/signing/signing";
import { hashToken } from "@/lib/signing/tokens";
import en from "@/messages/en.json";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";
import { freshDemoPetition, signer } from "../helpers/signing";

// Every consent a supporter gives is a row: what words (text id and SHA-256), when, how, and when
// it ended, on every path that writes a supporter. Real database, real handlers over real HTTP.
vi.hoisted(() => vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip"));

const run = randomUUID().slice(0, 8);
const formContext = { ip: null, source: null, referredBy: null, honeypot: null };
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function consentsOf(email: string) {
  const [row] = await getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(eq(signatures.emailCanonical, canonicalEmail(email)));
  const [taker] = row
    ? [undefined]
    : await getDb()
        .select({ id: pledgeTakers.id })
        .from(pledgeTakers)
        .where(eq(pledgeTakers.emailCanonical, canonicalEmail(email)));
  const owner = row ? eq(consents.signatureId, row.id) : eq(consents.pledgeTakerId, taker!.id);
  return getDb()
    .select({
      kind: consents.kind,
      textId: consents.textId,
      textHash: consents.textHash,
      channel: consents.channel,
      isStanding: sql<boolean>`${consents.withdrawnAt} is null`,
    })
    .from(consents)
    .where(owner)
    .orderBy(asc(consents.givenAt), asc(consents.kind));
}

/** The token of a link in the emails queued for `email` (confirm, withdraw, unsubscribe). */
async function linkToken(email: string, path: string): Promise<string> {
  const mails = await getDb()
    .select({ text: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email));
  const token = mails.map((mail) => new RegExp(`/${path}/([\\w-]+)`).exec(mail.text)?.[1]).find(Boolean);
  if (!token) throw new Error(`no /${path}/ link for ${email}`);
  return token;
}

describe("consent records", () => {
  let server: HandlerServer;
  let petition: { slug: string; id: string };
  const english = consentTextsFor("petition", "en");

  beforeAll(async () => {
    petition = await freshDemoPetition();
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
    vi.unstubAllEnvs();
  });

  it("the sign form records the privacy notice, updates and being shown, each with the words shown and their hash", async () => {
    const email = `form.${run}@example.org`;
    const signed = await signPetition(
      petition.slug,
      { ...signer(email), wantsUpdates: true, isPublic: true },
      formContext,
    );
    expect(signed.ok).toBe(true);
    const rows = await consentsOf(email);
    expect(
      rows.map(({ kind, textId, textHash, channel, isStanding }) => [
        kind,
        textId,
        textHash,
        channel,
        isStanding,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["privacy_notice", english.privacy_notice.id, english.privacy_notice.sha256, "form", true],
        ["updates", english.updates.id, english.updates.sha256, "form", true],
        ["public_display", english.public_display.id, english.public_display.sha256, "form", true],
      ]),
    );
    expect(rows).toHaveLength(3);
    // The stored text is the exact words, and its hash is the SHA-256 of them.
    const [updates] = await getDb()
      .select()
      .from(consentTexts)
      .where(eq(consentTexts.id, english.updates.id));
    expect(updates?.text).toBe("Keep me updated about this campaign by email");
    expect(updates?.sha256).toBe(sha256("Keep me updated about this campaign by email"));
    const [notice] = await getDb()
      .select({ text: consentTexts.text })
      .from(consentTexts)
      .where(eq(consentTexts.id, english.privacy_notice.id));
    expect(notice?.text).toContain("I agree to the <link>privacy notice</link>");
    expect(notice?.text).toContain("Privacy notice version 2026-12.");
  });

  it("records only the privacy notice when the boxes are left unticked, in the language of the page", async () => {
    const email = `spanish.${run}@example.org`;
    expect(
      (await signPetition(petition.slug, signer(email), { ...formContext, preferredLanguage: "es" })).ok,
    ).toBe(true);
    const spanish = consentTextsFor("petition", "es");
    expect(spanish.privacy_notice.id).toMatch(/^privacy_notice\/[0-9a-f]{12}\/es$/);
    expect(spanish.privacy_notice.id).not.toBe(english.privacy_notice.id);
    expect(await consentsOf(email)).toEqual([
      {
        kind: "privacy_notice",
        textId: spanish.privacy_notice.id,
        textHash: spanish.privacy_notice.sha256,
        channel: "form",
        isStanding: true,
      },
    ]);
  });

  it("the pledge form records its own words for being shown, on the pledge taker", async () => {
    const email = `pledge.${run}@example.org`;
    const taken = await takePledge(
      "do-my-part",
      { ...signer(email), isPublic: true, commitments: ["learn-to-report"] },
      formContext,
    );
    expect(taken.ok).toBe(true);
    const pledge = consentTextsFor("pledge", "en");
    expect(pledge.public_display.id).not.toBe(english.public_display.id);
    expect((await consentsOf(email)).map((row) => [row.kind, row.textId, row.channel])).toEqual(
      expect.arrayContaining([
        ["privacy_notice", pledge.privacy_notice.id, "form"],
        ["public_display", pledge.public_display.id, "form"],
      ]),
    );
  });

  it("the public signing API records its consents as given through the API", async () => {
    const email = `api.${run}@example.org`;
    const response = await fetch(`${server.url}/api/petitions/${petition.slug}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Real-IP": "192.0.2.77" },
      body: JSON.stringify({ ...signer(email), wantsUpdates: true }),
    });
    expect(response.status).toBe(202);
    expect((await consentsOf(email)).map((row) => [row.kind, row.textId, row.channel])).toEqual(
      expect.arrayContaining([
        ["privacy_notice", english.privacy_notice.id, "api"],
        ["updates", english.updates.id, "api"],
      ]),
    );
  });

  it("a partner key that attests its own notice records agreement to the partner's notice, through the API", async () => {
    const notice = `https://partner.example.org/privacy/${run}`;
    const key = await createApiKey(null, {
      name: `Consent partner ${run}`,
      scopes: ["write:signatures"],
      consentNotice: notice,
    });
    const email = `partner.${run}@example.org`;
    const response = await recordSignatureHelper(
      new Request(
        `http://localhost/api/osdi/v1/petitions/${petition.id}/signatures/record_signature_helper`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "OSDI-API-Token": key.key },
          body: JSON.stringify({
            person: {
              given_name: "Grace",
              family_name: "Hopper",
              email_addresses: [{ address: email, status: "subscribed" }],
              postal_addresses: [{ country: "us", postal_code: "10001" }],
            },
          }),
        },
      ),
      { params: Promise.resolve({ id: petition.id }) },
    );
    expect(response.status).toBe(202);
    const partner = consentTextsFor("petition", "en", notice);
    const rows = await consentsOf(email);
    expect(rows.map((row) => [row.kind, row.textId, row.textHash, row.channel])).toEqual(
      expect.arrayContaining([
        ["privacy_notice", partner.privacy_notice.id, partner.privacy_notice.sha256, "api"],
        ["updates", english.updates.id, english.updates.sha256, "api"],
      ]),
    );
    const [text] = await getDb()
      .select({ text: consentTexts.text })
      .from(consentTexts)
      .where(eq(consentTexts.id, partner.privacy_notice.id));
    expect(text?.text).toContain(notice);
  });

  it("the stop-updates link ends the updates consent and nothing else", async () => {
    const email = `unsubscribe.${run}@example.org`;
    await signPetition(petition.slug, { ...signer(email), wantsUpdates: true }, formContext);
    expect(await stopUpdates(hashToken(await linkToken(email, "unsubscribe")), "page")).toBe("stopped");
    const rows = await consentsOf(email);
    expect(rows.map((row) => [row.kind, row.isStanding])).toEqual(
      expect.arrayContaining([
        ["privacy_notice", true],
        ["updates", false],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("withdrawing a signature ends every consent it gave; confirming it again gives them again", async () => {
    const email = `withdraw.${run}@example.org`;
    await signPetition(petition.slug, { ...signer(email), isPublic: true }, formContext);
    expect(
      (await redeemSupportToken("petition", hashToken(await linkToken(email, "withdraw")), "withdraw"))
        .result,
    ).toBe("done");
    expect((await consentsOf(email)).map((row) => [row.kind, row.isStanding])).toEqual(
      expect.arrayContaining([
        ["privacy_notice", false],
        ["public_display", false],
      ]),
    );
    // Signing again sends a notice whose link confirms the withdrawn signature again.
    await getDb().delete(outboxMessages).where(eq(outboxMessages.recipient, email));
    await signPetition(petition.slug, signer(email), formContext);
    expect(
      (await redeemSupportToken("petition", hashToken(await linkToken(email, "confirm")), "confirm")).result,
    ).toBe("done");
    const rows = await consentsOf(email);
    expect(
      rows
        .filter((row) => row.isStanding)
        .map((row) => row.kind)
        .sort(),
    ).toEqual(["privacy_notice", "public_display"]);
    expect(rows).toHaveLength(4);
  });

  it("turning updates on from the portal records a consent given there; off again ends it", async () => {
    const email = `portal.${run}@example.org`;
    await signPetition(petition.slug, signer(email), formContext);
    const setUpdates = (wantsUpdates: boolean) =>
      getDb().transaction(async (tx) => {
        await setConsentChannel(tx, "portal");
        await tx.update(signatures).set({ wantsUpdates }).where(eq(signatures.email, email));
      });
    await setUpdates(true);
    expect((await consentsOf(email)).map((row) => [row.kind, row.channel, row.isStanding])).toEqual([
      ["privacy_notice", "form", true],
      ["updates", "portal", true],
    ]);
    await setUpdates(false);
    await setUpdates(true);
    const updates = (await consentsOf(email)).filter((row) => row.kind === "updates");
    expect(updates.map((row) => row.isStanding)).toEqual([false, true]);
    // The setting was the transaction's own: a later change elsewhere is not said to be the portal's.
    await getDb().update(signatures).set({ isPublic: true }).where(eq(signatures.email, email));
    expect((await consentsOf(email)).find((row) => row.kind === "public_display")?.channel).toBe("form");
  });

  it("erasure ends every consent and keeps the rows, which hold nothing personal", async () => {
    const email = `erase.${run}@example.org`;
    await signPetition(petition.slug, { ...signer(email), wantsUpdates: true }, formContext);
    const [{ id } = { id: "" }] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, email));
    await getDb().transaction((tx) => eraseSupporters(tx, "petition", eq(signatures.id, id)));
    const rows = await getDb().select().from(consents).where(eq(consents.signatureId, id));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.withdrawnAt !== null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("erase.");
  });

  it("changing the words makes a new version; consents given before keep theirs", async () => {
    const before = `version-a.${run}@example.org`;
    const after = `version-b.${run}@example.org`;
    await signPetition(petition.slug, signer(before), formContext);
    const original = en.privacyPage.intro;
    en.privacyPage.intro = `${original} (changed ${run})`;
    try {
      await signPetition(petition.slug, signer(after), formContext);
      const changed = consentTextsFor("petition", "en");
      expect(changed.privacy_notice.id).not.toBe(english.privacy_notice.id);
      expect(changed.updates.id).toBe(english.updates.id);
      const [a] = await consentsOf(before);
      const [b] = await consentsOf(after);
      expect([a?.textId, a?.textHash]).toEqual([english.privacy_notice.id, english.privacy_notice.sha256]);
      expect([b?.textId, b?.textHash]).toEqual([changed.privacy_notice.id, changed.privacy_notice.sha256]);
      const [stored] = await getDb()
        .select({ text: consentTexts.text })
        .from(consentTexts)
        .where(eq(consentTexts.id, changed.privacy_notice.id));
      expect(stored?.text).toContain(`(changed ${run})`);
    } finally {
      en.privacyPage.intro = original;
    }
  });

  it("a supporter's consents are listed by email, and the staff export carries the latest of each kind", async () => {
    const email = `listed.${run}@example.org`;
    await signPetition(petition.slug, { ...signer(email), wantsUpdates: true }, formContext);
    await takePledge("do-my-part", { ...signer(email), commitments: ["learn-to-report"] }, formContext);
    await stopUpdates(hashToken(await linkToken(email, "unsubscribe")), "page");
    const listed = await listConsentsForEmail(getDb(), canonicalEmail(email));
    expect(listed.map((row) => [row.supporterKind, row.kind, row.withdrawnAt === null])).toEqual(
      expect.arrayContaining([
        ["petition", "privacy_notice", true],
        ["petition", "updates", false],
        ["pledge", "privacy_notice", true],
      ]),
    );
    expect(listed).toHaveLength(3);
    expect(listed.find((row) => row.kind === "updates")?.text).toBe(
      "Keep me updated about this campaign by email",
    );

    const admin: StaffCaller = { id: randomUUID(), email: "admin@staff.example", role: "admin" };
    let csv = "";
    for await (const batch of exportSupporters(
      admin,
      { kind: "petition", parentId: petition.id, optedInOnly: false },
      "csv",
    ))
      csv += batch.text;
    const line = csv.split("\r\n").find((row) => row.includes(`"${email}"`))!;
    expect(line).toContain(`"form","${english.privacy_notice.id}","${english.privacy_notice.sha256}"`);
    expect(line).toMatch(
      new RegExp(`"${english.updates.id}","${english.updates.sha256}","[^"]+Z","[^"]+Z",,,,`),
    );
    let jsonl = "";
    for await (const batch of exportSupporters(
      admin,
      { kind: "petition", parentId: petition.id, optedInOnly: false },
      "jsonl",
    ))
      jsonl += batch.text;
    const record = jsonl
      .split("\n")
      .filter(Boolean)
      .map((row) => JSON.parse(row) as Record<string, unknown>)
      .find((row) => row.email === email);
    expect(record).toMatchObject({
      consentChannel: "form",
      privacyTextId: english.privacy_notice.id,
      updatesTextId: english.updates.id,
      publicTextId: null,
    });
    expect(record?.updatesWithdrawnAt).toEqual(expect.stringMatching(/Z$/));
  });

  it("the OSDI signature carries its consents", async () => {
    const email = `osdi.${run}@example.org`;
    await signPetition(petition.slug, { ...signer(email), wantsUpdates: true }, formContext);
    expect(
      (await redeemSupportToken("petition", hashToken(await linkToken(email, "confirm")), "confirm")).result,
    ).toBe("done");
    const [{ id } = { id: "" }] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, email));
    const served = await getOsdiSupporter("signature", petition.id, id);
    expect(served?.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "privacy_notice",
          text_id: english.privacy_notice.id,
          text_sha256: english.privacy_notice.sha256,
          channel: "form",
          withdrawn_date: null,
        }),
        expect.objectContaining({ kind: "updates", text_id: english.updates.id, channel: "form" }),
      ]),
    );
    expect(served?.consents).toHaveLength(2);
  });
});
