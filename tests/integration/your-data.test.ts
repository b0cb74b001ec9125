import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getTotals } from "@/db/queries/counts";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import {
  endYourDataSession,
  eraseYourData,
  getYourDataLinkState,
  getYourDataSession,
  insertYourDataLink,
  isYourDataMailDue,
  listYourSupport,
  openYourDataSession,
  setYourUpdates,
  withdrawYourSupport,
} from "@/db/queries/your-data";
import { auditLog, outboxMessages, signatures, yourDataLinks, yourDataSessions } from "@/db/schema";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import { outboxFields } from "@/lib/domain/mail";
import { YOUR_DATA_ACTOR, YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR } from "@/lib/domain/your-data";
import { yourDataLinkMail } from "@/lib/mail/messages";
import { hashToken, newToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs } from "../helpers/signing";

// The rules of "Your data" links and sessions, on the real database: the same writes for a known
// and an unknown address, one use per link, 24 hours, sessions that end, and a session that
// reaches only its own address's rows.

const SITE = new URL("https://campaign.example");

async function askForLink(email: string): Promise<{ token: string; isWritten: boolean }> {
  const { token, hash } = newToken();
  const mail = outboxFields(yourDataLinkMail({ token, campaignName: "Upstand", siteUrl: SITE }));
  const isWritten = await insertYourDataLink(canonicalEmail(email), email, hash, mail);
  return { token, isWritten };
}

async function openSession(token: string) {
  const session = newToken();
  const id = await openYourDataSession(hashToken(token), session.hash);
  return { id, session: id ? await getYourDataSession(session.hash) : null, idHash: session.hash };
}

describe("Your data links and sessions", () => {
  let slug: string;
  let petitionId: string;

  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
  });
  afterAll(async () => {
    await closeDb();
  });

  it("writes a link and an email for a known and an unknown address alike; only the known one is due", async () => {
    await signAs(slug, "yd-known@example.org");
    const known = await askForLink("YD-Known+tag@example.org");
    const unknown = await askForLink("yd-nobody@example.org");
    expect(known.isWritten).toBe(true);
    expect(unknown.isWritten).toBe(true);
    const mails = await getDb()
      .select({ recipient: outboxMessages.recipient, metadata: outboxMessages.metadata })
      .from(outboxMessages)
      .where(eq(outboxMessages.template, "your-data-link"));
    const linkOf = (recipient: string) =>
      mails.find((mail) => mail.recipient === recipient)!.metadata.yourDataLink as string;
    expect(await isYourDataMailDue(linkOf("YD-Known+tag@example.org"))).toBe(true);
    expect(await isYourDataMailDue(linkOf("yd-nobody@example.org"))).toBe(false);
  });

  it("writes no more than the per-address limit in an hour, and the answer does not change", async () => {
    const results = [];
    for (let i = 0; i < YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR + 2; i++)
      results.push((await askForLink("yd-flood@example.org")).isWritten);
    expect(results.filter(Boolean)).toHaveLength(YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR);
    const [row] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(yourDataLinks)
      .where(eq(yourDataLinks.emailCanonical, "yd-flood@example.org"));
    expect(row!.n).toBe(YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR);
  });

  it("opens a session once per link, even when pressed twice at once", async () => {
    await signAs(slug, "yd-once@example.org");
    const { token } = await askForLink("yd-once@example.org");
    expect(await getYourDataLinkState(hashToken(token))).toBe("open");
    const [a, b] = await Promise.all([openSession(token), openSession(token)]);
    expect([a.id, b.id].filter(Boolean)).toHaveLength(1);
    expect(await getYourDataLinkState(hashToken(token))).toBe("used");
    expect((await openSession(token)).id).toBeNull();
    const opened = (a.session ?? b.session)!;
    expect(opened.emailCanonical).toBe("yd-once@example.org");
  });

  it("refuses a link older than 24 hours, and an unknown one", async () => {
    const { token } = await askForLink("yd-known@example.org");
    await getDb()
      .update(yourDataLinks)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(yourDataLinks.tokenHash, hashToken(token)));
    expect(await getYourDataLinkState(hashToken(token))).toBe("expired");
    expect((await openSession(token)).id).toBeNull();
    expect(await getYourDataLinkState(hashToken("x".repeat(43)))).toBeNull();
  });

  it("ends a session at Sign out and when its time is up", async () => {
    const first = await openSession((await askForLink("yd-session@example.org")).token);
    expect(first.session).not.toBeNull();
    await endYourDataSession(first.session!);
    expect(await getYourDataSession(first.idHash)).toBeNull();

    const second = await openSession((await askForLink("yd-session@example.org")).token);
    await getDb()
      .update(yourDataSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(yourDataSessions.id, second.id!));
    expect(await getYourDataSession(second.idHash)).toBeNull();
  });

  it("reaches only the rows of its own address", async () => {
    await signAs(slug, "yd-scope@example.org");
    await signAs(slug, "yd-other@example.org");
    const [other] = await getDb()
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.email, "yd-other@example.org"));
    const { session } = await openSession((await askForLink("yd-scope@example.org")).token);
    const mine = await listYourSupport(session!);
    expect(mine.map((row) => row.title)).toHaveLength(1);
    expect(mine.some((row) => row.id === other!.id)).toBe(false);
    expect(await withdrawYourSupport(session!, "petition", other!.id)).toEqual({ result: "not-found" });
    expect(await setYourUpdates(session!, "petition", other!.id, true)).toEqual({ result: "not-found" });
    const [after] = await getDb()
      .select({ state: signatures.state, wantsUpdates: signatures.wantsUpdates })
      .from(signatures)
      .where(eq(signatures.id, other!.id));
    expect(after).toEqual({ state: "pending", wantsUpdates: false });
  });

  it("withdraws as the emailed link does, and erasure keeps the anonymous place in the total", async () => {
    await signAs(slug, "yd-counted@example.org");
    await redeemSupportToken(
      "petition",
      hashToken(await confirmTokenFor("yd-counted@example.org")),
      "confirm",
    );
    await signAs(slug, "yd-erased@example.org");
    await redeemSupportToken(
      "petition",
      hashToken(await confirmTokenFor("yd-erased@example.org")),
      "confirm",
    );
    const verified = async () => (await getTotals("petition", petitionId))?.verified;
    const before = await verified();

    const counted = (await openSession((await askForLink("yd-counted@example.org")).token)).session!;
    const [row] = await listYourSupport(counted);
    expect(await withdrawYourSupport(counted, "petition", row!.id)).toMatchObject({ result: "done" });
    expect(await withdrawYourSupport(counted, "petition", row!.id)).toEqual({ result: "unchanged" });
    expect(await verified()).toBe(before! - 1);

    const erasing = await openSession((await askForLink("yd-erased@example.org")).token);
    const [toErase] = await listYourSupport(erasing.session!);
    await eraseYourData(erasing.session!);
    expect(await verified()).toBe(before! - 1);
    const [erased] = await getDb()
      .select({
        email: signatures.email,
        emailCanonical: signatures.emailCanonical,
        firstName: signatures.firstName,
        state: signatures.state,
      })
      .from(signatures)
      .where(eq(signatures.id, toErase!.id));
    expect(erased).toEqual({ email: null, emailCanonical: null, firstName: null, state: "verified" });
    expect(await getYourDataSession(erasing.idHash)).toBeNull();
    const [links] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(yourDataLinks)
      .where(eq(yourDataLinks.emailCanonical, "yd-erased@example.org"));
    expect(links!.n).toBe(0);
    // Every email written to the address goes too, the "Your data" links' included.
    const mail = await getDb()
      .select({ template: outboxMessages.template })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "yd-erased@example.org"));
    expect(mail).toEqual([]);
  });

  it("audits by identifiers only: no address in the log", async () => {
    const entries = await getDb()
      .select({ action: auditLog.action, subjectId: auditLog.subjectId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.actorEmail, YOUR_DATA_ACTOR));
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set([
        "your-data.request",
        "your-data.open",
        "your-data.sign-out",
        "your-data.withdraw",
        "your-data.erase",
      ]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/@example\.org/);
  });
});
