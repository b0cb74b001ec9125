import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { mailsTo, readMailbox } from "./pages/mailbox";
import { totals } from "./pages/petition-page";

// The signing API, driven over real HTTP. Each test signs its own petition, so their totals
// are theirs alone; X-Real-IP names the caller, as a reverse proxy would.
const valid = {
  firstName: "Ada",
  lastName: "Lovelace",
  email: "ada@example.org",
  country: "US",
  postalCode: "20500",
  acceptsPrivacy: true,
};

// Random, so that tests running side by side in other workers never share an address.
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function sign(
  request: APIRequestContext,
  slug: string,
  body: unknown,
  ip = freshIp(),
  extraHeaders: Record<string, string> = {},
) {
  return request.post(`/api/petitions/${slug}/signatures`, {
    data: body as Record<string, unknown>,
    headers: { "X-Real-IP": ip, ...extraHeaders },
  });
}

test("accepts the form's fields and an OSDI record-signature-helper body alike", async ({ request }) => {
  const slug = "e2e-limits";
  const before = await totals(request, slug);
  const response = await sign(request, slug, { ...valid, email: "json.signer@example.org" });
  expect(response.status()).toBe(202);
  const osdi = await sign(request, slug, {
    person: {
      given_name: "Alan",
      family_name: "Turing",
      email_addresses: [{ address: "osdi.signer@example.org", status: "subscribed" }],
      postal_addresses: [{ country: "GB", postal_code: "SW1A 1AA" }],
    },
    comments: "Signed from another platform",
    referrer_data: { source: "partner-newsletter" },
    acceptsPrivacy: true,
  });
  expect(osdi.status()).toBe(202);
  expect(await osdi.json()).toMatchObject({ ok: true, referralCode: expect.any(String) });
  expect((await totals(request, slug)).pending).toBe(before.pending + 2);

  const bad = await sign(request, slug, { person: { given_name: "=x", email_addresses: [] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors).toMatchObject({
    firstName: ["Your first name cannot start with = + - or @"],
    email: ["Enter your email address"],
    acceptsPrivacy: ["Agree to the privacy notice to sign"],
  });
});

test("past one signature a minute from one address the rest are held, each still emailed, and a forged X-Forwarded-For changes nothing", async ({
  request,
}) => {
  const slug = "e2e-ratelimit";
  const ip = freshIp();
  const before = await totals(request, slug);
  expect((await sign(request, slug, { ...valid, email: "first.from.ip@example.org" }, ip)).status()).toBe(
    202,
  );
  const second = await sign(request, slug, { ...valid, email: "second.from.ip@example.org" }, ip, {
    "X-Forwarded-For": "203.0.113.9",
  });
  // The sender sees the usual answer, and gets the usual email: a shared address is normal.
  expect(second.status()).toBe(202);
  const third = await sign(request, slug, { ...valid, email: "third.from.ip@example.org" }, ip, {
    "X-Forwarded-For": freshIp(),
  });
  expect(third.status()).toBe(202);
  expect((await totals(request, slug)).pending).toBe(before.pending + 3);
  for (const address of [
    "first.from.ip@example.org",
    "second.from.ip@example.org",
    "third.from.ip@example.org",
  ]) {
    expect(mailsTo(await readMailbox(request, address), address).map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Confirm your signature/),
    ]);
  }
});

test("the honeypot field takes a bot's signature and keeps nothing", async ({ request }) => {
  const slug = "e2e-honeypot";
  const before = await totals(request, slug);
  const response = await sign(request, slug, {
    ...valid,
    email: "bot@example.org",
    website: "http://spam.example",
  });
  expect(response.status()).toBe(202);
  expect(await totals(request, slug)).toEqual(before);
  expect(mailsTo(await readMailbox(request, "bot@example.org"), "bot@example.org")).toHaveLength(0);
});

test("refuses bodies that are too large, not JSON, or for no petition", async ({ request }) => {
  const huge = await sign(request, "e2e-malformed", { ...valid, comment: "x".repeat(17_000) });
  expect(huge.status()).toBe(413);
  const text = await request.post("/api/petitions/e2e-malformed/signatures", {
    headers: { "Content-Type": "text/plain", "X-Real-IP": freshIp() },
    data: "firstName=Ada",
  });
  expect(text.status()).toBe(415);
  const nowhere = await sign(request, "no-such-petition", valid);
  expect(nowhere.status()).toBe(404);
});

test("the Confirm button's endpoint refuses what no confirm page sends, and changes nothing", async ({
  request,
}) => {
  const slug = "e2e-malformed";
  const before = await totals(request, slug);
  const press = (body: string, contentType = "application/x-www-form-urlencoded") =>
    request.post("/api/links/confirm", {
      headers: { "Content-Type": contentType },
      data: body,
      maxRedirects: 0,
    });
  expect((await press('{"token":"abc"}', "application/json")).status()).toBe(415);
  const malformed = await press("token=short");
  expect(malformed.status()).toBe(303);
  expect(malformed.headers().location).toBe("/confirm/invalid");
  const unknown = "A".repeat(43);
  const stranger = await press(`token=${unknown}`);
  expect(stranger.headers().location).toBe(`/confirm/${unknown}`);
  expect(await (await request.get(`/confirm/${unknown}`)).text()).toContain("This link does not work");
  expect((await press(`token=${"B".repeat(5000)}`)).headers().location).toBe("/confirm/invalid");
  expect((await request.post("/api/links/approve", { form: { token: unknown } })).status()).toBe(404);
  expect(await totals(request, slug)).toEqual(before);
});

// A storm of 500 requests for one address, and hostile bodies by the thousand, run against the
// handlers: tests/integration/signing-storm.test.ts and tests/integration/hostile-input.test.ts.
