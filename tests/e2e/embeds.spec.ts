import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// Partners' pages, served from other origins than Upstand's (another port on 127.0.0.1, where
// Upstand is at localhost): one whose origin staff allow, one they do not.
const slug = "e2e-embed";
const pledgeSlug = "e2e-pledge-embed";

function hostServer(appOrigin: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const pages: Record<string, string> = {
    "/loader.html": `<div data-upstand-petition="${slug}" data-source="partner-site"></div>
<script src="${appOrigin}/embed.js"></script>`,
    "/plain.html": `<iframe title="Petition" src="${appOrigin}/embed/petition/${slug}?utm_source=plain-frame" style="width:100%;height:900px;border:0"></iframe>`,
    "/pledge-and-count.html": `<div data-upstand-counter="${slug}" data-kind="petition" data-title="Signatures so far"></div>
<div data-upstand-pledge="${pledgeSlug}" data-source="partner-pledge" data-title="Take the pledge"></div>
<script src="${appOrigin}/embed.js"></script>`,
  };
  const server = http.createServer((request, response) => {
    const body = pages[new URL(request.url ?? "/", "http://x").pathname];
    if (!body) return void response.writeHead(404).end();
    response
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html lang="en"><head><title>A partner</title></head><body><h1>A partner's page</h1>${body}</body></html>`,
      );
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/** The embed's frame in a host page, and how tall its content is. */
function embedFrame(page: Page) {
  return page.frames().find((frame) => frame.url().includes(`/embed/petition/${slug}`));
}

test("a partner's page embeds the petition, the pledge and a count: framed only where staff allow it, resized, and signed", async ({
  page,
  browser,
  baseURL,
}) => {
  // A journey across three sites and two browsers, with a build's worth of pages to render.
  test.slow();
  const appOrigin = new URL(baseURL!).origin;
  const allowed = await hostServer(appOrigin);
  const refused = await hostServer(appOrigin);
  try {
    // Staff allow the first partner's site.
    await signInWithPassword(page, E2E_STAFF.admin.email);
    await expectSignedIn(page, E2E_STAFF.admin.email);
    await page.goto("/staff/embeds");
    await expect(page.getByLabel("Snippet to copy").first()).toHaveValue(/data-upstand-petition=/);
    const origins = page.getByLabel("Sites allowed to frame the embeds").first();
    await origins.fill(`${allowed.origin}\nhttps://partner.example.org`);
    await page.getByRole("button", { name: "Save allowed sites" }).first().click();
    await expect(page.getByText("Saved: 2 sites.")).toBeVisible();
    // The console previews the embed, framed by Upstand itself.
    await page.getByText(`Petition form: ${slug}`, { exact: true }).click();
    await expect(
      page
        .frameLocator(`iframe[title="Preview: Petition form: ${slug}"]`)
        .getByRole("heading", { name: "Add your name" }),
    ).toBeVisible();

    // The embed's policy names exactly the allowed sites (and Upstand itself, for the preview).
    const embedResponse = await page.request.get(`/embed/petition/${slug}`);
    expect(embedResponse.headers()["x-frame-options"]).toBeUndefined();
    const policy = embedResponse.headers()["content-security-policy"]!;
    expect(policy).toContain(`frame-ancestors 'self' ${allowed.origin} https://partner.example.org`);
    expect(policy).not.toContain(refused.origin);
    // Every other page stays unframable.
    expect((await page.request.get(`/petition/${slug}`)).headers()["x-frame-options"]).toBe("DENY");

    // A visitor on the allowed page, who came by a tagged link.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(
      `${allowed.origin}/loader.html?utm_source=newsletter&utm_medium=email&email=someone%40example.org`,
    );
    const frameElement = visitor.locator("iframe");
    await expect(frameElement).toBeVisible();
    await expect.poll(() => embedFrame(visitor)?.url() ?? "").toContain("host=");
    const frame = embedFrame(visitor)!;
    await expect(frame.getByRole("heading", { name: "Add your name" })).toBeVisible();
    // The frame grows to its content, reported by the embed through postMessage.
    const contentHeight = () =>
      frame.evaluate(() =>
        Math.ceil(document.getElementById("upstand-embed")!.getBoundingClientRect().height),
      );
    const frameHeight = () =>
      frameElement.evaluate((element) => Math.round(element.getBoundingClientRect().height));
    await expect.poll(async () => (await frameHeight()) === (await contentHeight())).toBe(true);
    expect(await frameHeight()).not.toBe(600);

    const email = "embedded.signer@example.org";
    await frame.getByLabel("First name", { exact: true }).fill("Frances");
    await frame.getByLabel("Last name", { exact: true }).fill("Perkins");
    await frame.getByLabel("Email address").fill(email);
    await frame.getByLabel("Country", { exact: true }).selectOption("US");
    await frame.getByLabel(/^Postal code/).fill("20500");
    await frame.getByLabel(/I agree to the privacy notice/).check();
    await frame.getByRole("button", { name: "Sign the petition" }).click();
    await expect(frame.getByRole("heading", { name: /Now check your inbox/ })).toBeVisible();
    // The thank-you is a different height from the form, and the frame follows it.
    await expect.poll(async () => (await frameHeight()) === (await contentHeight())).toBe(true);

    await visitor.goto(appOrigin + linkIn(await waitForMailTo(page.request, email), "/confirm/"));
    await visitor.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(visitor.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();

    // The signature keeps the partner's site, its page without personal data, and the tags.
    const lines = await page.request.post("/staff/export/download", {
      form: { action: `petition:${slug}`, format: "jsonl" },
    });
    const record = (await lines.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((row) => row.email === email);
    expect(record).toMatchObject({
      source: "partner-site",
      utmSource: "newsletter",
      utmMedium: "email",
      referrerWebsite: allowed.origin,
      viaEmbed: true,
    });
    expect(String(record!.referrerUrl)).toMatch(new RegExp(`^${allowed.origin}/loader\\.html\\?`));
    expect(String(record!.referrerUrl)).not.toContain("someone");

    // The report ranks the partner's embed.
    await page.goto(`/staff/reports/petition/${slug}`);
    await expect(page.getByTestId("top-partners")).toContainText(`${allowed.origin}, embed`);

    // The same partner shows the petition's count alone, now counting the confirmed signer, and
    // the pledge, taken in its frame in three steps and stored with the partner's site.
    const partner = await (await browser.newContext()).newPage();
    await partner.goto(`${allowed.origin}/pledge-and-count.html`);
    const counter = partner.frameLocator('iframe[title="Signatures so far"]');
    await expect(counter.getByText("1 of a goal of 100")).toBeVisible();
    await expect(counter.getByText("1 signed today")).toBeVisible();
    const pledge = partner.frameLocator('iframe[title="Take the pledge"]');
    const pledger = "embedded.pledger@example.org";
    await pledge.getByLabel(/Learn how to report abuse material/).check();
    await pledge.getByRole("button", { name: "Next: your details" }).click();
    await pledge.getByLabel("First name", { exact: true }).fill("Ida");
    await pledge.getByLabel("Last name", { exact: true }).fill("Wells");
    await pledge.getByLabel("Email address").fill(pledger);
    await pledge.getByLabel(/^Postal code/).fill("60601");
    await pledge.getByLabel(/I agree to the privacy notice/).check();
    await pledge.getByRole("button", { name: "Next: check and send" }).click();
    await pledge.getByRole("button", { name: "Take the pledge" }).click();
    await expect(pledge.getByRole("heading", { name: /Now check your inbox/ })).toBeVisible();
    const pledges = await page.request.post("/staff/export/download", {
      form: { action: `pledge:${pledgeSlug}`, state: "", format: "jsonl" },
    });
    const taker = (await pledges.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((row) => row.email === pledger);
    expect(taker).toMatchObject({
      source: "partner-pledge",
      referrerWebsite: allowed.origin,
      viaEmbed: true,
    });

    // A plain iframe, with no loader script, shows the form too.
    await visitor.goto(`${allowed.origin}/plain.html`);
    await expect(
      visitor.frameLocator("iframe").getByRole("heading", { name: "Add your name" }),
    ).toBeVisible();

    // A site that is not on the list gets no form: Chromium refuses to render the frame.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${refused.origin}/loader.html`);
    await expect
      .poll(() => stranger.frames().map((frame) => frame.url()))
      .toContain("chrome-error://chromewebdata/");
    await expect(stranger.frameLocator("iframe").getByRole("heading", { name: "Add your name" })).toHaveCount(
      0,
    );
  } finally {
    await allowed.close();
    await refused.close();
  }
});
