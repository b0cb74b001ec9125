import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { outboxMessages, pledgeTakers, signatures } from "@/db/schema";
import { drainOutbox } from "@/lib/jobs/outbox-worker";
import { takePledge } from "@/lib/signing/pledging";
import { signPetition } from "@/lib/signing/signing";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition, signAs, signer } from "../helpers/signing";
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from "../helpers/smtp-inbox";

// Emails as a mail server receives them (a real SMTP server on this machine), and what their
// links do. SMTP_URL is set before anything reads the environment in this file.

/** A received message: headers unfolded, and each part's body decoded from quoted-printable. */
function parse(mail: ReceivedMail) {
  const [head = "", ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(headers)?.[1]?.trim() ?? null;
  const boundary = /boundary="?([^";\s]+)"?/.exec(headers)?.[1];
  const decode = (text: string) =>
    Buffer.from(
      text
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  // A message of one part (as this app sent before it had an HTML part) is its own part.
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .map((part) => {
          const [partHead = "", ...partBody] = part.trim().split(/\r?\n\r?\n/);
          const type = /Content-Type: ([\w/-]+)/i.exec(partHead)?.[1]?.toLowerCase() ?? "";
          return { type, body: decode(partBody.join("\n\n")) };
        })
        .filter((part) => part.type)
    : [{ type: /^Content-Type: ([\w/-]+)/im.exec(headers)?.[1]?.toLowerCase() ?? "", body: decode(body) }];
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.body ?? "";
  return {
    header,
    contentType: header("Content-Type") ?? "",
    text: part("text/plain"),
    html: part("text/html"),
  };
}

const linkIn = (text: string, path: string) => new RegExp(`${path}([\\w-]{43})`).exec(text)?.[1] ?? null;

describe("emails through a mail server", () => {
  let inbox: SmtpInbox;
  let slug: string;
  let campaignName: string;
  const previous = process.env.SMTP_URL;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    ({ slug } = await freshDemoPetition());
    campaignName = (await getFeaturedCampaign())!.name;
  });
  afterAll(async () => {
    await inbox.close();
    await closeDb();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  const receivedBy = (email: string) => inbox.received.filter((mail) => mail.to.includes(email)).map(parse);
  const waitForMail = async (email: string, count: number) => {
    // vi.waitFor's default second is too short for a send through SMTP on a loaded machine.
    await vi.waitFor(
      async () => {
        await drainOutbox();
        expect(receivedBy(email)).toHaveLength(count);
      },
      { timeout: 30_000, interval: 100 },
    );
    return receivedBy(email)[count - 1]!;
  };

  it("sends HTML with a plain-text part, in the campaign's name, with the footer and one-click unsubscribe headers", async () => {
    const email = "updates@example.org";
    const hostile = "<script>alert(1)</script>";
    const result = await signPetition(
      slug,
      { ...signer(email), firstName: hostile, wantsUpdates: true },
      { ip: null, source: null, referredBy: null, honeypot: null },
    );
    expect(result.ok).toBe(true);
    const mail = await waitForMail(email, 1);

    expect(mail.contentType).toMatch(/^multipart\/alternative;/);
    expect(mail.text).toContain("Confirm your signature");
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain('<html lang="en">');
    // The sender is the campaign (MAIL_FROM is a bare address by default), not the software.
    expect(mail.header("From")).toBe(`${campaignName} <no-reply@localhost>`);
    // The name is shown as text, never run.
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;,");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("You received this email because this address was entered on the form to sign");
      expect(part).toMatch(/\/privacy\b/);
      expect(part).toContain(`Stop updates from ${campaignName}`);
    }
    const oneClick = /^<(https?:\/\/[^>]+\/api\/links\/unsubscribe\?token=[\w-]{43})>$/.exec(
      mail.header("List-Unsubscribe") ?? "",
    );
    expect(oneClick).not.toBeNull();
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("sends no unsubscribe header to someone who did not ask for updates", async () => {
    await signAs(slug, "quiet@example.org");
    const mail = await waitForMail("quiet@example.org", 1);
    expect(mail.header("List-Unsubscribe")).toBeNull();
    expect(mail.text).not.toContain("Stop updates");
  });

  it("tells a confirmed signer who signs again that it counts, with a withdraw link that withdraws", async () => {
    const email = "confirmed@example.org";
    await signAs(slug, email);
    const first = await waitForMail(email, 1);
    expect(
      (await redeemSupportToken("petition", hashToken(linkIn(first.text, "/confirm/")!), "confirm")).result,
    ).toBe("done");

    await signAs(slug, email);
    const notice = await waitForMail(email, 2);
    expect(notice.text).toContain("is confirmed and counts once");
    expect(notice.text).not.toMatch(/deleted|without confirmation/);
    const withdraw = linkIn(notice.text, "/withdraw/");
    expect(withdraw).not.toBeNull();
    expect((await redeemSupportToken("petition", hashToken(withdraw!), "withdraw")).result).toBe("done");
    const [row] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, email));
    expect(row?.state).toBe("withdrawn");

    // Signing once more: what happened, and a link that counts them again.
    await signAs(slug, email);
    const again = await waitForMail(email, 3);
    expect(again.text).toContain("You withdrew your signature on");
    expect(
      (await redeemSupportToken("petition", hashToken(linkIn(again.text, "/confirm/")!), "confirm")).result,
    ).toBe("done");
    const [counted] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, email));
    expect(counted?.state).toBe("verified");
  });

  it("the same for a pledge taker: taken again after confirming, told it counts, with a link that withdraws the pledge", async () => {
    const email = "taker@example.org";
    const take = () =>
      takePledge(
        "do-my-part",
        { ...signer(email), commitments: ["talk-about-sextortion"] },
        { ip: null, source: null, referredBy: null, honeypot: null },
      );
    await take();
    const first = await waitForMail(email, 1);
    expect(first.header("From")).toBe(`${campaignName} <no-reply@localhost>`);
    expect(
      (await redeemSupportToken("pledge", hashToken(linkIn(first.text, "/confirm/")!), "confirm")).result,
    ).toBe("done");
    await take();
    const notice = await waitForMail(email, 2);
    expect(notice.text).toContain("Your pledge from");
    expect(notice.text).toContain("is confirmed and counts once");
    expect(notice.text).not.toMatch(/deleted|without confirmation/);
    expect(
      (await redeemSupportToken("pledge", hashToken(linkIn(notice.text, "/withdraw/")!), "withdraw")).result,
    ).toBe("done");
    const [row] = await getDb()
      .select({ state: pledgeTakers.state })
      .from(pledgeTakers)
      .where(eq(pledgeTakers.email, email));
    expect(row?.state).toBe("withdrawn");
  });

  it("says what is true when the notice is sent: a pending notice is dropped once the signer confirmed meanwhile", async () => {
    const email = "meanwhile@example.org";
    await signAs(slug, email);
    const first = await waitForMail(email, 1);

    // The mail server goes down; someone signs again with the address: a 'still pending' notice waits.
    const port = Number(new URL(inbox.url).port);
    await inbox.close();
    await signAs(slug, email);
    await vi.waitFor(async () => {
      await drainOutbox();
      const [waiting] = await getDb()
        .select({ lastError: outboxMessages.lastError })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, email), isNull(outboxMessages.sentAt)));
      expect(waiting?.lastError).toBeTruthy();
    });

    // Before the server is back, the signer confirms with the first email's link.
    expect(
      (await redeemSupportToken("petition", hashToken(linkIn(first.text, "/confirm/")!), "confirm")).result,
    ).toBe("done");
    const received = inbox.received;
    inbox = await startSmtpInbox(undefined, port);
    inbox.received.push(...received);
    await getDb().update(outboxMessages).set({ sendAfter: new Date() }).where(isNull(outboxMessages.sentAt));
    await drainOutbox();

    // The notice would have told a counted signer their signature does not count: it is not sent.
    expect(receivedBy(email)).toHaveLength(1);
    const unsent = await getDb()
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, email), isNull(outboxMessages.sentAt)));
    expect(unsent).toHaveLength(0);
  });
});
