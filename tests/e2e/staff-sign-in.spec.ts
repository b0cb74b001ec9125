import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, pageAt, signInWithEmailedLink, signInWithPassword } from "./pages/staff";

test("a member signs in with an emailed link, used by a button press and only once", async ({ page, browser }) => {
  const { email } = E2E_STAFF.linkViewer;
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address for a link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-status")).toContainText("If this address belongs to a member of staff");

  const path = linkIn(await waitForMailTo(page.request, email), "/staff/sign-in/link/");
  // A mail scanner opening the link signs nobody in.
  const scanner = await browser.newContext();
  await (await scanner.newPage()).goto(path);
  await scanner.close();
  await page.goto(path);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page, email);

  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(path);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByTestId("link-refused")).toBeVisible();
  await again.close();
});

test("an unknown address gets the same answer as a member, and no email", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address for a link").fill("stranger@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-status")).toContainText("If this address belongs to a member of staff");
  const mailbox = await (await page.request.get("/dev/mailbox?q=stranger%40example.org")).text();
  expect(mailbox).not.toContain("Your Upstand sign-in link");
});

// Each client address below is this file's own (the e2e server trusts X-Real-IP), so that the
// throttle these tests provoke touches no other test.
const WRONG = "do not match an active account";
const THROTTLED = "Too many failed attempts";

test("spraying many accounts from one address is refused after a few tries, there only", async ({ browser }) => {
  test.setTimeout(120_000);
  const sprayer = await pageAt(browser, "203.0.113.77");
  const accounts = [...Object.values(E2E_STAFF).map(({ email }) => email), "nobody@staff.example", "finance@staff.example", "ceo@staff.example"];
  expect(accounts.length).toBeGreaterThanOrEqual(10);
  for (const email of accounts.slice(0, 10)) {
    await signInWithPassword(sprayer, email, "Winter2026!");
    await expect(sprayer.getByTestId("password-status")).toContainText(WRONG);
  }
  // Eleventh: refused before the password is looked at, the right one included, for any account.
  await signInWithPassword(sprayer, E2E_STAFF.viewer.email);
  await expect(sprayer.getByTestId("password-status")).toContainText(THROTTLED);
  await signInWithPassword(sprayer, "someone.else@staff.example", "Winter2026!");
  await expect(sprayer.getByTestId("password-status")).toContainText(THROTTLED);

  const elsewhere = await pageAt(browser, "203.0.113.78");
  await signInWithPassword(elsewhere, E2E_STAFF.viewer.email);
  await expectSignedIn(elsewhere, E2E_STAFF.viewer.email);
});

test("after an attacker's failures the member still signs in: by password from their own address, by link from anywhere", async ({ browser }) => {
  test.setTimeout(120_000);
  const { email } = E2E_STAFF.throttled;
  const attacker = await pageAt(browser, "198.51.100.66");
  for (let i = 0; i < 5; i++) {
    await signInWithPassword(attacker, email, `guess ${i}`);
    await expect(attacker.getByTestId("password-status")).toContainText(WRONG);
  }
  await signInWithPassword(attacker, email);
  await expect(attacker.getByTestId("password-status")).toContainText(THROTTLED);
  await expect(attacker.getByTestId("password-status")).toContainText("a sign-in link by email still works");

  const atHome = await pageAt(browser, "192.0.2.10");
  await signInWithPassword(atHome, email);
  await expectSignedIn(atHome, email);

  // Even from the attacker's own address (a shared café network), the emailed link gets the member in.
  const sameCafe = await pageAt(browser, "198.51.100.66");
  await signInWithEmailedLink(sameCafe, email);
  await expectSignedIn(sameCafe, email);
});

test("sign-in, failed sign-in and sign-out are in the audit log, without the password or an address that is nobody's", async ({ browser }) => {
  test.setTimeout(120_000);
  const ip = "192.0.2.44";
  // Not the travelling admin: another test signs them out everywhere.
  const { email } = E2E_STAFF.admin;
  const page = await pageAt(browser, ip);
  await signInWithPassword(page, email, "my secret guess");
  await expect(page.getByTestId("password-status")).toContainText(WRONG);
  await signInWithPassword(page, "typo.of.a.name@staff.example", "another secret guess");
  await expect(page.getByTestId("password-status")).toContainText(WRONG);
  await signInWithPassword(page, email);
  await expectSignedIn(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await signInWithEmailedLink(page, email);
  await expectSignedIn(page, email);

  const rows = async (action: string, actor = "") => {
    await page.goto(`/staff/audit?${new URLSearchParams({ action, actor })}`);
    return page.getByTestId("audit-log").getByRole("row").filter({ hasText: ip });
  };
  const failures = await rows("staff.sign-in-failed");
  await expect(failures).toHaveCount(2);
  await expect(failures.filter({ hasText: "wrong password" })).toContainText(email);
  await expect(failures.filter({ hasText: "no active member" })).toContainText("not signed in");
  const signIns = await rows("staff.sign-in", email);
  await expect(signIns.filter({ hasText: "password" })).toContainText(email);
  await expect(signIns.filter({ hasText: "link" })).toContainText(email);
  await expect(await rows("staff.sign-out")).toContainText(email);
  const log = await page.getByTestId("audit-log").textContent();
  await page.goto("/staff/audit");
  const everything = `${log} ${await page.getByTestId("audit-log").textContent()}`;
  expect(everything).not.toContain("secret guess");
  expect(everything).not.toContain("typo.of.a.name");
});

// Each sign-in below is a real password check and page load; on a busy 2-core machine running
// the rest of the suite beside it, that is a few seconds each.
test("a disabled member is out on their next request", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, E2E_STAFF.admin.email);
  await expectSignedIn(admin, E2E_STAFF.admin.email);
  const member = await (await browser.newContext()).newPage();
  await signInWithPassword(member, E2E_STAFF.toDisable.email);
  await expectSignedIn(member, E2E_STAFF.toDisable.email);

  await admin.goto("/staff/team");
  await admin.getByRole("button", { name: `Disable ${E2E_STAFF.toDisable.email}` }).click();
  await expect(admin.getByTestId("team")).toContainText(/to\.disable@staff\.example\s*viewer\s*disabled/);
  await member.goto("/staff");
  await expect(member).toHaveURL(/\/staff\/sign-in$/);
  await signInWithPassword(member, E2E_STAFF.toDisable.email);
  await expect(member.getByTestId("password-status")).toContainText("do not match an active account");
});

test("an admin on two devices signs out everywhere from one, and the other is out too", async ({ browser }) => {
  test.setTimeout(60_000);
  const { email } = E2E_STAFF.travellingAdmin;
  const [laptop, phone] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  for (const device of [laptop, phone]) {
    await signInWithPassword(device, email);
    await expectSignedIn(device, email);
  }
  await laptop.goto("/staff/account");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/staff\/sign-in/);
  await phone.goto("/staff");
  await expect(phone).toHaveURL(/\/staff\/sign-in$/);
  await signInWithPassword(phone, email);
  await expectSignedIn(phone, email);
});
