import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getTotals } from "@/db/queries/counts";
import {
  decideHeldGroup,
  listHeldGroups,
  previewHeldGroup,
  releaseHeldAutomatically,
} from "@/db/queries/holds";
import { getPetitionTotals } from "@/db/queries/petitions";
import { reconcileCounts } from "@/db/queries/reconcile";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { forgetSupportTarget } from "@/db/queries/supporters";
import { auditLog, outboxMessages, signatures, users } from "@/db/schema";
import { NotAllowedError, type StaffCaller } from "@/lib/domain/roles";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs, signer } from "../helpers/signing";
import { signPetition } from "@/lib/signing/signing";

// A shared address (a home, an office, a school, a mobile network) is normal: signatures over the
// per-address limit are held, emailed like any other, and counted once released.

const editor: StaffCaller = { id: "editor", email: "editor@example.org", role: "editor" };
const viewer: StaffCaller = { id: "viewer", email: "viewer@example.org", role: "viewer" };

let slug: string;
let petitionId: string;

const totals = () => getTotals("petition", petitionId);
const rowOf = async (email: string) => {
  const [row] = await getDb()
    .select({
      id: signatures.id,
      state: signatures.state,
      heldAt: signatures.heldAt,
      releasedAt: signatures.releasedAt,
    })
    .from(signatures)
    .where(eq(signatures.email, email));
  return row!;
};
const confirm = async (email: string) =>
  (await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm")).result;

/** Signs from one address, one after the other: the first gets in, the rest are held. */
async function signFrom(ip: string, emails: string[]) {
  for (const email of emails) expect((await signAs(slug, email, { ip })).ok).toBe(true);
}

describe("held signatures", () => {
  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
    await getDb()
      .insert(users)
      .values({ id: editor.id, email: editor.email, role: editor.role })
      .onConflictDoNothing();
  });
  afterAll(closeDb);

  it("holds the second signature from one address, emails it, and counts it only once released", async () => {
    const before = await totals();
    await signFrom("198.51.100.30", ["mother@example.org", "daughter@example.org"]);
    expect((await rowOf("mother@example.org")).heldAt).toBeNull();
    expect((await rowOf("daughter@example.org")).heldAt).not.toBeNull();
    const mail = await getDb()
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "daughter@example.org"));
    expect(mail.map((message) => message.subject)).toEqual([
      expect.stringMatching(/^Confirm your signature/),
    ]);

    expect(await confirm("mother@example.org")).toBe("done");
    expect(await confirm("daughter@example.org")).toBe("done");
    expect((await rowOf("daughter@example.org")).state).toBe("held");
    // Pressing Confirm again says it is done, and changes nothing.
    expect(await confirm("daughter@example.org")).toBe("already-done");
    expect(await totals()).toMatchObject({
      verified: before.verified + 1,
      held: before.held + 1,
      pending: before.pending,
    });
    // Held signatures appear nowhere public.
    await getDb()
      .update(signatures)
      .set({ isPublic: true })
      .where(inArray(signatures.email, ["mother@example.org", "daughter@example.org"]));
    const publicTotals = await getPetitionTotals(slug);
    expect(publicTotals!.verified).toBe(before.verified + 1);
    expect(publicTotals!.recentSigners).toHaveLength(1);

    const group = (await listHeldGroups(editor, "address")).find((held) => held.value === "198.51.100.30/32");
    expect(group).toMatchObject({
      kind: "petition",
      slug,
      by: "address",
      value: "198.51.100.30/32",
      held: 1,
      lastHour: 1,
      confirmed: 1,
      largestHour: 1,
    });
    // Addresses are personal data: the list is read under an audit entry.
    const [listed] = await getDb()
      .select({ actorEmail: auditLog.actorEmail, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, "supporters.held-list"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(listed).toEqual({ actorEmail: editor.email, details: { by: "address" } });
    const ref = { kind: "petition" as const, slug, by: "address" as const, value: "198.51.100.30/32" };
    const preview = await previewHeldGroup(editor, ref);
    expect(preview).toMatchObject({ count: 1, confirmed: 1 });
    expect(preview!.sample.map((row) => row.email)).toEqual(["daughter@example.org"]);

    expect(await decideHeldGroup(editor, ref, "release", 1, "a family at home")).toEqual({
      result: "done",
      changed: 1,
      counted: 1,
    });
    const released = await rowOf("daughter@example.org");
    expect(released).toMatchObject({ state: "verified", heldAt: null });
    expect(released.releasedAt).not.toBeNull();
    expect(await totals()).toMatchObject({ verified: before.verified + 2, held: before.held });
    expect((await getPetitionTotals(slug))!.recentSigners).toHaveLength(2);
    const [entry] = await getDb()
      .select({ actorEmail: auditLog.actorEmail, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(eq(auditLog.action, "supporters.held-release"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry).toEqual({ actorEmail: editor.email, rowCount: 1 });
    expect(await reconcileCounts()).toMatchObject({ drift: [] });
  });

  it("counts an IPv6 /64 as one address: a phone can pick any address in it", async () => {
    await signFrom("2001:db8:5:6::1", ["phone.a@example.org"]);
    await signFrom("2001:db8:5:6:ffff::2", ["phone.b@example.org"]);
    await signFrom("2001:db8:5:7::1", ["neighbour@example.org"]);
    expect((await rowOf("phone.a@example.org")).heldAt).toBeNull();
    expect((await rowOf("phone.b@example.org")).heldAt).not.toBeNull();
    expect((await rowOf("neighbour@example.org")).heldAt).toBeNull();
    const groups = (await listHeldGroups(editor, "address")).map((group) => group.value);
    expect(groups).toContain("2001:db8:5:6::/64");
    expect(groups.filter((value) => value.startsWith("2001:db8:5:"))).toHaveLength(1);
  });

  it("releases a pending held signature without counting it, so it counts when its owner confirms", async () => {
    await signFrom("198.51.100.31", ["first@example.org", "second@example.org"]);
    const ref = { kind: "petition" as const, slug, by: "address" as const, value: "198.51.100.31" };
    expect(await decideHeldGroup(editor, ref, "release", 1, "looks fine")).toEqual({
      result: "done",
      changed: 1,
      counted: 0,
    });
    expect(await rowOf("second@example.org")).toMatchObject({ state: "pending", heldAt: null });
    const before = await totals();
    expect(await confirm("second@example.org")).toBe("done");
    expect(await totals()).toMatchObject({ verified: before.verified + 1, held: before.held });
  });

  it("rejects a whole domain's held signatures if the preview's number still holds, and nothing otherwise", async () => {
    await signFrom("203.0.113.50", [
      "lead@example.org",
      ...Array.from({ length: 4 }, (_, i) => `bot${i}@throwaway.test`),
    ]);
    const domain = (await listHeldGroups(editor, "domain")).find((held) => held.value === "throwaway.test");
    expect(domain).toMatchObject({ by: "domain", value: "throwaway.test", held: 4 });
    const ref = { kind: "petition" as const, slug, by: "domain" as const, value: "throwaway.test" };
    const before = await totals();
    expect(await decideHeldGroup(editor, ref, "reject", 3, "a bot")).toEqual({ result: "changed", count: 4 });
    expect(await totals()).toEqual(before);
    expect(await decideHeldGroup(editor, ref, "reject", 4, "a bot")).toEqual({
      result: "done",
      changed: 4,
      counted: 0,
    });
    expect(await totals()).toMatchObject({ pending: before.pending - 4, rejected: before.rejected + 4 });
    expect((await listHeldGroups(editor, "domain")).map((held) => held.value)).not.toContain(
      "throwaway.test",
    );
    await expect(listHeldGroups(viewer, "address")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(decideHeldGroup(viewer, ref, "release", 0, "no")).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("releases small groups by themselves after the delay; a flood waits for staff", async () => {
    await signFrom("198.51.100.40", ["home.1@example.org", "home.2@example.org", "home.3@example.org"]);
    await signFrom("198.51.100.41", [
      "flood.0@example.org",
      ...Array.from({ length: 5 }, (_, i) => `flood.${i + 1}@example.org`),
    ]);
    await confirm("home.2@example.org");
    const policy = { releaseAfterHours: 24, maxPerAddressHour: 3 };
    // Not yet: nothing is old enough.
    expect(await releaseHeldAutomatically(policy)).toBe(0);
    // Everything held so far in this file is now a day old; only this test's two addresses are small and large.
    await getDb()
      .update(signatures)
      .set({ heldAt: sql`now() - interval '25 hours'` })
      .where(sql`${signatures.ipAddress} <<= '198.51.100.40/31'::inet and ${signatures.heldAt} is not null`);
    const before = await totals();
    // The home's two held are released; the flood's five (over three in its hour) stay held.
    expect(await releaseHeldAutomatically(policy)).toBe(2);
    expect(await rowOf("home.2@example.org")).toMatchObject({ state: "verified", heldAt: null });
    expect(await rowOf("home.3@example.org")).toMatchObject({ state: "pending", heldAt: null });
    const stillHeld = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(
        and(
          eq(signatures.petitionId, petitionId),
          sql`${signatures.ipAddress} = '198.51.100.41'::inet and ${signatures.heldAt} is not null`,
        ),
      );
    expect(stillHeld).toHaveLength(5);
    expect(await totals()).toMatchObject({ verified: before.verified + 1, held: before.held - 1 });
    const [entry] = await getDb()
      .select({ actorEmail: auditLog.actorEmail, rowCount: auditLog.rowCount })
      .from(auditLog)
      .where(eq(auditLog.action, "supporters.held-release"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry).toEqual({ actorEmail: "automatic", rowCount: 2 });
    expect(await releaseHeldAutomatically(policy)).toBe(0);
  });

  it("holds a signature that needs no confirmation straight into held, never into the total", async () => {
    await getDb().execute(sql`update petitions set requires_confirmation = false where id = ${petitionId}`);
    forgetSupportTarget(petitionId);
    const context = { ip: "198.51.100.60", source: null, referredBy: null, honeypot: null };
    expect((await signPetition(slug, signer("no.confirm.1@example.org"), context)).ok).toBe(true);
    expect((await signPetition(slug, signer("no.confirm.2@example.org"), context)).ok).toBe(true);
    expect((await rowOf("no.confirm.1@example.org")).state).toBe("verified");
    expect(await rowOf("no.confirm.2@example.org")).toMatchObject({ state: "held" });
  });
});
