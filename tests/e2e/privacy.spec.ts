import { expect, test } from "@playwright/test";
import { linkIn, waitForMailTo } from "./pages/mailbox";

test("public pages and answers never contain a signer's email address or IP address", async ({
  page,
  request,
}) => {
  const slug = "e2e-privacy";
  const email = "private.person@example.org";
  const ip = "198.51.100.77";
  const response = await request.post(`/api/petitions/${slug}/signatures`, {
    headers: { "X-Real-IP": ip },
    data: {
      firstName: "Private",
      lastName: "Person",
      email,
      country: "US",
      postalCode: "73301",
      isPublic: true,
      comment: "Count me in.",
      acceptsPrivacy: true,
    },
  });
  expect(response.status()).toBe(202);
  const answer = await response.text();
  expect(answer).not.toContain("private.person");

  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("private.person");

  // The signer is now shown publicly: by first name, last initial and state only.
  await expect(async () => {
    await page.goto(`/petition/${slug}`);
    await expect(page.getByTestId("recent-signers")).toContainText("Private P., Texas, United States", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 90_000 });

  const sitemap = await (await request.get("/sitemap.xml")).text();
  const paths = [
    ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
    `/petition/${slug}`,
    `/api/petitions/${slug}/totals`,
    "/api/pledges/do-my-part/totals",
  ];
  for (const path of paths) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain("private.person");
    expect(body, path).not.toContain(ip);
    expect(body, path).not.toContain("73301");
  }
});
