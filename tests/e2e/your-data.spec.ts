import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { eq, isNotNull } from "drizzle-orm";
import { openPglite } from "@/db/drivers/pglite";
import { pickDriver } from "@/db/drivers/pick-driver";
import { pledgeTakers, signatures } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { freePort } from "../../scripts/free-port";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from "../helpers/smtp-inbox";
import { signOnPage } from "./pages/petition-page";

// "Your data" (issue 18, item 1), as a supporter goes through it: on a server of its own whose
// email goes to a real SMTP inbox, so that what arrives, and what does not, is what a person's
// inbox would show. The request form is used without JavaScript, as anyone may.
const onServer = pickDriver(parseEnv(process.env)) === "pg";
const PETITION = "protect-children-online";
const PLEDGE = "do-my-part";
const KNOWN = "your-data-known@example.org";
const UNKNOWN = "your-data-nobody@example.org";

/** The plain-text part of a received message, decoded from quoted-printable. */
function textOf(mail: ReceivedMail): string {
  return Buffer.from(
    mail.raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

/** The path of every link in the mails to `address` that starts with `prefix`. */
function linksTo(inbox: SmtpInbox, address: string, prefix: string): string[] {
  return inbox.received
    .filter((mail) => mail.to.includes(address))
    .flatMap((mail) => [...textOf(mail).matchAll(new RegExp(`https?://[^\\s"<]+?${prefix}[\\w-]+`, "g"))])
    .map((match) => new URL(match[0]).pathname);
}

async function waitForLink(inbox: SmtpInbox, address: string, prefix: string, count = 1): Promise<string> {
  await expect.poll(() => new Set(linksTo(inbox, address, prefix)).size, { timeout: 30_000 }).toBe(count);
  return [...new Set(linksTo(inbox, address, prefix))].at(-1)!;
}

/** Asks for a link from the footer of the home page, with JavaScript off; what the person sees. */
async function askForLink(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Your data" }).click();
  await page.getByLabel("Your email address").fill(email);
  const posted = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Email me a link" }).click();
  const status = (await posted).status();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const said = await page.getByTestId("notice").innerText();
  await context.close();
  return { status, said };
}

const item = (page: Page, title: RegExp) => page.getByTestId("your-support").filter({ hasText: title });

test("a supporter sees, downloads, changes and erases their data from an emailed link", async ({
  browser,
  playwright,
}) => {
  test.skip(onServer, "runs on an embedded database and an SMTP inbox of its own");
  test.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upstand-your-data-"));
  const inbox = await startSmtpInbox();
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  let app: AppServer | null = await startAppServer(
    { DATA_DIR: dataDir, SMTP_URL: inbox.url, SITE_URL: baseURL },
    port,
  );
  const api = await playwright.request.newContext({ baseURL });
  const verified = async (kind: "petitions" | "pledges", slug: string) =>
    ((await (await api.get(`/api/${kind}/${slug}/totals`)).json()) as { verified: number }).verified;
  try {
    // A signature and a pledge with one address, both confirmed from their emails.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signOnPage(page, PETITION, {
      firstName: "Dolores",
      lastName: "Huerta",
      email: KNOWN,
      postalCode: "10001",
      wantsUpdates: true,
    });
    const taken = await api.post(`/api/pledges/${PLEDGE}/takers`, {
      data: {
        firstName: "Dolores",
        lastName: "Huerta",
        email: KNOWN,
        country: "US",
        postalCode: "10001",
        acceptsPrivacy: true,
        wantsUpdates: true,
        commitments: ["learn-to-report"],
      },
    });
    expect(taken.status(), await taken.text()).toBe(202);
    await waitForLink(inbox, KNOWN, "/confirm/", 2);
    for (const confirm of new Set(linksTo(inbox, KNOWN, "/confirm/"))) {
      await page.goto(confirm);
      await page.getByRole("button", { name: /^Confirm my (signature|pledge)$/ }).click();
      await expect(page.getByRole("heading", { name: /is confirmed$/ })).toBeVisible();
    }
    const signedTotal = await verified("petitions", PETITION);
    const pledgedTotal = await verified("pledges", PLEDGE);

    // The same answer for an address nobody used and for a known one; only the known one gets mail.
    const unknown = await askForLink(browser, baseURL, UNKNOWN);
    const known = await askForLink(browser, baseURL, KNOWN);
    expect(known).toEqual(unknown);
    const open = await waitForLink(inbox, KNOWN, "/your-data/open/");
    expect(inbox.received.filter((mail) => mail.to.includes(UNKNOWN))).toEqual([]);
    expect(textOf(inbox.received.find((mail) => mail.to.includes(KNOWN))!)).toMatch(
      /Your data: see, download or erase/,
    );

    // Opening the link changes nothing; its button opens the page.
    await page.goto(open);
    await page.reload();
    await page.getByRole("button", { name: "Show my data" }).click();
    await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
    await expect(page.getByTestId("your-support")).toHaveCount(2);

    // The link works once: opened again, it is refused calmly, with a way to ask for another.
    // (in another browser, as someone who got hold of the email would)
    const elsewhere = await browser.newContext({ baseURL });
    const again = await elsewhere.newPage();
    await again.goto(open);
    await expect(again.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
    await again.getByRole("link", { name: "Ask for a new link" }).click();
    await expect(again.getByLabel("Your email address")).toBeVisible();
    await elsewhere.close();

    // The confirmed signature's receipt is there to keep, with its check code (docs/INTEGRITY.md).
    await expect(item(page, /Petition/).getByTestId("receipt")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(item(page, /Pledge/).getByTestId("receipt")).toHaveCount(0);

    // The download: an OSDI person, their signature and pledge taking, and their consents.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data" }).click();
    const file = await (await downloading).path();
    const held = JSON.parse(fs.readFileSync(file, "utf8")) as {
      person: { given_name: string; email_addresses: { address: string }[] };
      signatures: { petition: { slug: string }; state: string; email_address: string }[];
      pledge_takers: { pledge: { slug: string }; state: string }[];
      consents: { on: string; kind: string; text: string; text_sha256: string; channel: string }[];
    };
    expect(held.person.given_name).toBe("Dolores");
    expect(held.person.email_addresses[0]!.address).toBe(KNOWN);
    expect(held.signatures).toMatchObject([
      { petition: { slug: PETITION }, state: "verified", email_address: KNOWN },
    ]);
    expect(held.pledge_takers).toMatchObject([{ pledge: { slug: PLEDGE }, state: "verified" }]);
    // Each consent record, with the words agreed to and their hash, given on Upstand's own forms.
    const sha256 = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(held.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          on: "signature",
          kind: "privacy_notice",
          text_sha256: sha256,
          channel: "form",
        }),
        expect.objectContaining({ on: "signature", kind: "updates", text_sha256: sha256, channel: "form" }),
        expect.objectContaining({ on: "pledge_taker", kind: "privacy_notice", text_sha256: sha256 }),
      ]),
    );
    expect(held.consents.find((consent) => consent.kind === "privacy_notice")!.text).toMatch(/privacy/i);

    // Updates off for the petition's campaign only.
    const petition = item(page, /Petition/);
    await petition.getByRole("button", { name: "Stop updates" }).click();
    await expect(page.getByText("Updates are off.", { exact: true })).toBeVisible();
    await expect(item(page, /Petition/)).toContainText("You do not receive updates");
    await expect(item(page, /Pledge/)).toContainText("You receive updates");

    // Withdrawing the signature takes it out of the public total.
    await item(page, /Petition/)
      .getByRole("button", { name: "Withdraw this signature" })
      .click();
    await expect(page.getByText("Withdrawn. It no longer counts.", { exact: true })).toBeVisible();
    await expect(item(page, /Petition/)).toContainText("Withdrawn");
    expect(await verified("petitions", PETITION)).toBe(signedTotal - 1);

    // Erasing asks first, then blanks everything; the confirmed pledge keeps its place in the total.
    await page.getByRole("link", { name: "Erase my data" }).click();
    await expect(page.getByRole("heading", { name: "Erase all your data?" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, erase my data" }).click();
    await expect(page.getByRole("heading", { name: "Your data is erased" })).toBeVisible();
    expect(await verified("pledges", PLEDGE)).toBe(pledgedTotal);
    expect(await verified("petitions", PETITION)).toBe(signedTotal - 1);

    // Erasure took the address's links with it: the old one now matches nothing.
    await page.goto(open);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
    await context.close();
    await api.dispose();
    await app.stop();
    app = null;

    // What is left in the database: anonymous rows, each in its old state.
    const database = openPglite(path.join(dataDir, "pglite"));
    try {
      const signed = await database.db
        .select({ email: signatures.email })
        .from(signatures)
        .where(eq(signatures.email, KNOWN));
      expect(signed).toEqual([]);
      const takers = await database.db
        .select({ email: pledgeTakers.email, erasedAt: pledgeTakers.erasedAt, state: pledgeTakers.state })
        .from(pledgeTakers);
      expect(takers.filter((row) => row.email === KNOWN)).toEqual([]);
      expect(takers.filter((row) => row.erasedAt !== null)).toMatchObject([
        { email: null, state: "verified" },
      ]);
      const erasedSignatures = await database.db
        .select({ email: signatures.email, firstName: signatures.firstName, state: signatures.state })
        .from(signatures)
        .where(isNotNull(signatures.erasedAt));
      expect(erasedSignatures).toEqual([{ email: null, firstName: null, state: "withdrawn" }]);
    } finally {
      await database.close();
    }
  } finally {
    await app?.stop();
    await inbox.close();
  }
});
