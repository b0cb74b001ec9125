import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { exportSupporters } from "@/db/queries/exports";
import { actionTokens, auditLog, outboxMessages, pledges, pledgeTakers, signatures } from "@/db/schema";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { sendFollowUps, takePledge } from "@/lib/signing/pledging";
import { handleUnsubscribeRequest } from "@/lib/api/unsubscribe-request";
import { signPetition } from "@/lib/signing/signing";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition, signer } from "../helpers/signing";
import { startHandlerServer, type HandlerServer } from "../helpers/handler-server";

// The "stop updates" link of an email: RFC 8058 one-click by a mail program, and the page's
// button. Over real HTTP to the handler, on the real database. Callers name their address in
// X-Real-IP, as behind a reverse proxy, so the flood limit can be shown per address.
vi.hoisted(() => vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip"));
// A limit counted over an hour rather than a minute, so that the flood test below reaches it
// however slowly a loaded machine answers (600 a minute took longer than a minute there); 50 is far
// above what the other tests send from any one address.
vi.hoisted(() => vi.stubEnv("FLOOD_LIMIT_SIGNING", "50/3600"));

describe("stopping updates from an email's link", () => {
  let server: HandlerServer;
  let slug: string;
  let petitionId: string;

  beforeAll(async () => {
    ({ slug, id: petitionId } = await freshDemoPetition());
    server = await startHandlerServer();
  });
  afterAll(async () => {
    await server?.stop();
    await closeDb();
    vi.unstubAllEnvs();
  });

  /** Signs with "keep me updated" ticked; the token of the email's stop-updates link. */
  async function signWithUpdates(email: string): Promise<string> {
    await signPetition(
      slug,
      { ...signer(email), wantsUpdates: true },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    const [mail] = await getDb()
      .select({ text: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email));
    return /\/unsubscribe\/([\w-]{43})/.exec(mail!.text)![1]!;
  }
  const wantsUpdates = async (email: string) =>
    (
      await getDb()
        .select({ wantsUpdates: signatures.wantsUpdates, id: signatures.id })
        .from(signatures)
        .where(eq(signatures.email, email))
    )[0]!;

  const oneClick = (token: string, ip = "192.0.2.1") =>
    fetch(`${server.url}/api/links/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Real-IP": ip },
      body: "List-Unsubscribe=One-Click",
    });

  it("a mail program's one-click POST turns updates off, once, however often it is sent, and the audit log names no one", async () => {
    const email = "one-click@example.org";
    const token = await signWithUpdates(email);
    const { id } = await wantsUpdates(email);
    expect((await wantsUpdates(email)).wantsUpdates).toBe(true);

    const first = await oneClick(token);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/^Updates are off\./);
    expect((await wantsUpdates(email)).wantsUpdates).toBe(false);

    const again = await oneClick(token);
    expect(again.status).toBe(200);
    expect((await wantsUpdates(email)).wantsUpdates).toBe(false);

    const entries = await getDb()
      .select({ actor: auditLog.actorEmail, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, "supporter.updates-off")));
    expect(entries).toEqual([
      { actor: "supporter, by emailed link", action: "supporter.updates-off", details: { via: "one-click" } },
    ]);
    expect(JSON.stringify(entries)).not.toContain("example.org");

    // Staff see it where they look: the export's wants_updates column, and the opted-in export.
    const exported = await exportedRows(petitionId, false);
    expect(exported.find((row) => row.email === email)?.wantsUpdates).toBe(false);
    expect((await exportedRows(petitionId, true)).map((row) => row.email)).not.toContain(email);
  });

  it("a pledge taker's follow-up carries a stop-updates link that turns their updates off", async () => {
    const email = "taker-updates@example.org";
    const context = { ip: null, source: null, referredBy: null, honeypot: null };
    await takePledge(
      "do-my-part",
      { ...signer(email), commitments: ["talk-about-sextortion"], wantsUpdates: true },
      context,
    );
    const [confirmMail] = await getDb()
      .select({ text: outboxMessages.textBody })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email));
    const confirmToken = /\/confirm\/([\w-]{43})/.exec(confirmMail!.text)![1]!;
    expect((await redeemSupportToken("pledge", hashToken(confirmToken), "confirm")).result).toBe("done");
    await getDb().update(pledges).set({ followUpAfterDays: 0 }).where(eq(pledges.slug, "do-my-part"));
    await sendFollowUps();
    const [followUp] = await getDb()
      .select({ text: outboxMessages.textBody, metadata: outboxMessages.metadata })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, email), eq(outboxMessages.template, "follow-up")));
    const token = /\/unsubscribe\/([\w-]{43})/.exec(followUp!.text)![1]!;
    expect(JSON.stringify(followUp!.metadata)).toContain(`/api/links/unsubscribe?token=${token}`);

    expect((await oneClick(token, "192.0.2.3")).status).toBe(200);
    const [taker] = await getDb()
      .select({ wantsUpdates: pledgeTakers.wantsUpdates })
      .from(pledgeTakers)
      .where(eq(pledgeTakers.email, email));
    expect(taker?.wantsUpdates).toBe(false);
  });

  it("the page's button posts the token in the form and comes back to the page", async () => {
    const email = "by-page@example.org";
    const token = await signWithUpdates(email);
    const response = await fetch(`${server.url}/api/links/unsubscribe`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Real-IP": "192.0.2.2" },
      body: new URLSearchParams({ token, from: "page" }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect((await wantsUpdates(email)).wantsUpdates).toBe(false);
  });

  it("an unknown, malformed or expired token changes nothing and says so", async () => {
    const email = "keeps@example.org";
    const token = await signWithUpdates(email);
    expect((await oneClick("x".repeat(43))).status).toBe(404);
    const malformed = await oneClick("not a token");
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toMatch(/not valid/);

    await getDb()
      .update(actionTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(actionTokens.tokenHash, hashToken(token)));
    expect((await oneClick(token)).status).toBe(410);
    expect((await wantsUpdates(email)).wantsUpdates).toBe(true);
  });

  it("is flood-limited per address, like signing", async () => {
    // Unknown tokens never reach a row; the limit counts them all the same.
    const statuses: number[] = [];
    for (let i = 0; i < 100 && !statuses.includes(429); i++) {
      const response = await handleUnsubscribeRequest(
        new Request(`http://localhost/api/links/unsubscribe?token=${"y".repeat(43)}`, {
          method: "POST",
          headers: { "X-Real-IP": "198.51.100.7" },
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another address is not held up by that one.
    expect((await oneClick("z".repeat(43), "198.51.100.8")).status).toBe(404);
  });
});

/** The petition's supporters as an admin's export (JSON Lines) gives them. */
async function exportedRows(petitionId: string, optedInOnly: boolean) {
  let text = "";
  for await (const batch of exportSupporters(
    { id: "test-admin", email: "admin@example.org", role: "admin" },
    { kind: "petition", parentId: petitionId, optedInOnly },
    "jsonl",
  ))
    text += batch.text;
  return text
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { email: string; wantsUpdates: boolean });
}
