import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { eraseSupporters } from "@/db/queries/erasure";
import { revokeApiKey } from "@/db/queries/api-keys";
import { auditLog, petitions, signatures } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/manage";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";
import { addSupporter, osdiClient, uuidOf, type HalItem, type HalPage } from "../helpers/osdi";
import { freshDemoPetition } from "../helpers/signing";

// An OSDI client written from the spec (AEP, then petitions, then each petition's signatures,
// following `next` until an empty page; then an incremental sync by modified_date), over real
// HTTP to the real handlers on the real database with its people triggers.
describe("the OSDI API, as a syncing client uses it", () => {
  let server: HandlerServer;
  let key: string;
  let keyId: string;
  let petitionA: string;
  let petitionB: string;
  let pledge: string;
  const served = new Set<string>();
  const notServed = new Set<string>();
  let withdrawLater: string;
  let confirmLater: string;

  beforeAll(async () => {
    ({ id: petitionA } = await freshDemoPetition());
    const featured = (await getFeaturedCampaign())!;
    pledge = featured.pledge!.id;
    const [a] = await getDb()
      .select({ campaignId: petitions.campaignId })
      .from(petitions)
      .where(eq(petitions.id, petitionA));
    const [b] = await getDb()
      .insert(petitions)
      .values({
        campaignId: a!.campaignId,
        slug: "second-petition",
        title: "A second petition",
        target: "The council",
        ask: "Fix the road",
        background: "It is broken.",
      })
      .returning({ id: petitions.id });
    petitionB = b!.id;

    // 30 verified on A (more than a page of 25), and every state that must not be served.
    for (let i = 0; i < 30; i++)
      served.add(
        await addSupporter("signature", petitionA, `a${i}@example.org`, "verified", {
          wantsUpdates: i % 2 === 0,
          comment: i === 0 ? "For my children" : undefined,
        }),
      );
    confirmLater = await addSupporter("signature", petitionA, "late@example.org", "pending");
    notServed.add(confirmLater);
    for (const state of ["pending", "withdrawn", "rejected", "held"] as const)
      notServed.add(await addSupporter("signature", petitionA, `${state}@example.org`, state));
    const erased = await addSupporter("signature", petitionA, "erased@example.org", "verified");
    await eraseSupporters(getDb(), "petition", sql`id = ${erased}`);
    notServed.add(erased);
    // On B: three people who also signed A (one by another spelling of the same address), two new.
    for (const email of [
      "a1@example.org",
      "A2+petition@Example.org",
      "a3@example.org",
      "b1@example.org",
      "b2@example.org",
    ])
      served.add(await addSupporter("signature", petitionB, email, "verified"));
    withdrawLater = [...served][1]!; // a1@example.org on A: still a person through B.
    await addSupporter("taker", pledge, "a4@example.org", "verified", { wantsUpdates: true });
    await addSupporter("taker", pledge, "t1@example.org", "verified");
    await addSupporter("taker", pledge, "t2@example.org", "withdrawn");

    const made = await createApiKey(null, { name: "CRM sync", scopes: ["read:petitions", "read:people"] });
    ({ key, id: keyId } = made);
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
  });

  const signaturesOfEveryPetition = async (client: ReturnType<typeof osdiClient>, filter?: string) => {
    const aep = await client.get<HalPage>(`${server.url}/api/osdi/v1`);
    const petitionsLink = aep._links["osdi:petitions"] as { href: string };
    const list = await client.walk(petitionsLink.href, "osdi:petitions");
    const seen: HalItem[] = [];
    for (const petition of list) {
      const link = new URL(petition._links["osdi:signatures"]!.href);
      if (filter) link.searchParams.set("filter", filter);
      seen.push(...(await client.walk(link.href, "osdi:signatures")));
    }
    return { petitions: list, signatures: seen };
  };

  it("serves every verified signature exactly once, across pages and petitions, and nothing else", async () => {
    const client = osdiClient(key);
    const aep = await client.get<HalPage & { osdi_version: string }>(`${server.url}/api/osdi/v1`);
    expect(aep.osdi_version).toBe("1.1.1");
    expect(aep._links.curies).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "osdi", templated: true })]),
    );

    const { petitions: list, signatures: seen } = await signaturesOfEveryPetition(client);
    expect(list.map(uuidOf).sort()).toEqual([petitionA, petitionB].sort());
    const ids = seen.map(uuidOf);
    expect(ids).toHaveLength(served.size);
    expect(new Set(ids)).toEqual(served);
    for (const id of notServed) expect(ids).not.toContain(id);

    const petition = list.find((item) => uuidOf(item) === petitionA)!;
    expect(petition._links["osdi:record_signature_helper"]!.href).toBe(
      `${server.url}/api/osdi/v1/petitions/${petitionA}/signatures/record_signature_helper`,
    );
    const first = seen.find((item) => item.comments === "For my children")!;
    expect(first).toMatchObject({
      action_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      created_date: expect.any(String),
      referrer_data: { source: "newsletter" },
      _links: {
        self: { href: `${server.url}/api/osdi/v1/petitions/${petitionA}/signatures/${uuidOf(first)}` },
        "osdi:petition": { href: `${server.url}/api/osdi/v1/petitions/${petitionA}` },
        "osdi:person": { href: expect.stringContaining("/api/osdi/v1/people/") },
      },
    });
    // The single signature answers the same.
    expect(await client.get<HalItem>(first._links.self!.href)).toMatchObject({
      identifiers: first.identifiers,
      modified_date: first.modified_date,
    });
  });

  it("pages by offset as well as by cursor, clamps per_page to 25, and counts total_records", async () => {
    const client = osdiClient(key);
    const url = `${server.url}/api/osdi/v1/petitions/${petitionA}/signatures`;
    const first = await client.get<HalPage>(`${url}?per_page=100`);
    expect(first).toMatchObject({ per_page: 25, page: 1, total_records: 30, total_pages: 2 });
    expect(first._embedded["osdi:signatures"]).toHaveLength(25);
    const byCursor = await client.get<HalPage>(first._links.next!.href);
    const byOffset = await client.get<HalPage>(`${url}?page=2`);
    expect(byCursor).toMatchObject({ page: 2, total_records: 30 });
    expect(byCursor._embedded["osdi:signatures"]!.map(uuidOf)).toEqual(
      byOffset._embedded["osdi:signatures"]!.map(uuidOf),
    );
    const small = await client.get<HalPage>(`${url}?per_page=7&page=5`);
    expect(small._embedded["osdi:signatures"]).toHaveLength(2);
  });

  it("gives an incremental sync by modified_date the newly confirmed, not the withdrawn, and moves the person", async () => {
    const client = osdiClient(key);
    const before = await signaturesOfEveryPetition(client);
    const lastSeen = before.signatures
      .map((item) => item.modified_date)
      .sort()
      .at(-1)!;
    const withdrawn = before.signatures.find((item) => uuidOf(item) === withdrawLater)!;
    const personBefore = await client.get<HalItem>(withdrawn._links["osdi:person"]!.href);

    await getDb()
      .update(signatures)
      .set({ state: "withdrawn", withdrawnAt: new Date() })
      .where(eq(signatures.id, withdrawLater));
    await getDb()
      .update(signatures)
      .set({ state: "verified", verifiedAt: new Date() })
      .where(eq(signatures.id, confirmLater));

    const after = await signaturesOfEveryPetition(client, `modified_date gt '${lastSeen}'`);
    expect(after.signatures.map(uuidOf)).toEqual([confirmLater]);
    // Nothing is seen twice: a sync from the newest time seen gives nothing more.
    const newest = after.signatures[0]!.modified_date;
    expect((await signaturesOfEveryPetition(client, `modified_date gt '${newest}'`)).signatures).toEqual([]);

    // The withdrawn one is no longer served, and its person (who also signed B) is newer.
    const gone = await fetch(withdrawn._links.self!.href, { headers: { "OSDI-API-Token": key } });
    expect(gone.status).toBe(404);
    const personAfter = await client.get<HalItem>(withdrawn._links["osdi:person"]!.href);
    expect(personAfter.modified_date > personBefore.modified_date).toBe(true);
    const people = await client.walk(
      `${server.url}/api/osdi/v1/people?filter=${encodeURIComponent(`modified_date gt '${lastSeen}'`)}`,
      "osdi:people",
    );
    expect(people.map(uuidOf)).toContain(uuidOf(personAfter));
  });

  it("serves one person per canonical email, without the erased or the unverified, with their email's status", async () => {
    const client = osdiClient(key);
    const people = await client.walk(`${server.url}/api/osdi/v1/people`, "osdi:people");
    const emails = people.map(
      (person) => (person.email_addresses as { address: string; status: string }[])[0]!,
    );
    const addresses = emails.map((email) => email.address.toLowerCase());
    expect(new Set(addresses).size).toBe(addresses.length);
    // a0..a29 (a2 once, however spelt), late (confirmed above), b1, b2, and the pledge's t1;
    // a4 both signed and pledged, and is one person.
    expect(people).toHaveLength(30 + 1 + 2 + 1);
    for (const absent of [
      "erased@example.org",
      "pending@example.org",
      "withdrawn@example.org",
      "t2@example.org",
    ])
      expect(addresses).not.toContain(absent);
    const status = (address: string) => emails.find((email) => email.address === address)?.status;
    expect(status("a0@example.org")).toBe("subscribed");
    expect(status("a3@example.org")).toBe("unsubscribed");
    expect(status("a4@example.org")).toBe("subscribed"); // through the pledge
    // A stop on one row unsubscribes the address; a newer sign-up with the box ticked subscribes it again.
    const a6 = await getDb()
      .update(signatures)
      .set({ wantsUpdates: false, wantsUpdatesAt: new Date() })
      .where(eq(signatures.email, "a6@example.org"))
      .returning({ person: signatures.personId });
    const a6Status = async () =>
      (
        (await client.get<HalItem>(`${server.url}/api/osdi/v1/people/${a6[0]!.person}`)).email_addresses as {
          status: string;
        }[]
      )[0]!.status;
    expect(status("a6@example.org")).toBe("subscribed");
    expect(await a6Status()).toBe("unsubscribed");
    await addSupporter("signature", petitionB, "a6@example.org", "verified", { wantsUpdates: true });
    expect(await a6Status()).toBe("subscribed");

    const ada = people.find((person) => JSON.stringify(person).includes('"a0@example.org"'))!;
    expect(ada).toMatchObject({
      given_name: "Ada",
      family_name: "Lovelace",
      preferred_language: "en",
      postal_addresses: [{ primary: true, postal_code: "SW1A 1AA", country: "GB" }],
    });

    const a4 = people.find((person) => JSON.stringify(person).includes("a4@example.org"))!;
    const takings = await client.walk(a4._links["upstand:takers"]!.href, "upstand:takers");
    expect(takings).toHaveLength(1);
    expect(takings[0]!._links["upstand:pledge"]!.href).toBe(`${server.url}/api/osdi/v1/pledges/${pledge}`);
    const signed = await client.walk(a4._links["osdi:signatures"]!.href, "osdi:signatures");
    expect(signed).toHaveLength(1);
  });

  it("serves pledges and their verified takers in the same shape, under upstand:", async () => {
    const client = osdiClient(key);
    const pledges = await client.walk(`${server.url}/api/osdi/v1/pledges`, "upstand:pledges");
    expect(pledges.map(uuidOf)).toEqual([pledge]);
    const takers = await client.walk(pledges[0]!._links["upstand:takers"]!.href, "upstand:takers");
    expect(takers).toHaveLength(2);
    expect(await client.get<HalItem>(takers[0]!._links.self!.href)).toMatchObject({
      identifiers: takers[0]!.identifiers,
    });
  });

  it("refuses a key revoked mid-sync from its next call, and audits every keyed answer", async () => {
    const made = await createApiKey(null, { name: "Revoked mid-sync", scopes: ["read:people"] });
    const client = osdiClient(made.key);
    const first = await client.get<HalPage>(`${server.url}/api/osdi/v1/petitions/${petitionA}/signatures`);
    await revokeApiKey(null, made.id);
    const next = await fetch(first._links.next!.href, { headers: { "OSDI-API-Token": made.key } });
    expect(next.status).toBe(401);

    const entries = await getDb()
      .select({ details: auditLog.details, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, made.id), inArray(auditLog.action, ["apikey.call"])));
    expect(entries).toEqual([
      {
        details: expect.objectContaining({ route: "/api/osdi/v1/petitions/{id}/signatures", filters: {} }),
        rowCount: 25,
      },
    ]);
    const synced = await getDb()
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, keyId), eq(auditLog.action, "apikey.call")));
    expect(synced.length).toBeGreaterThan(10);
  });
});
