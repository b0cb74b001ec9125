import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, pageAt, signInWithEmailedLink, signInWithPassword } from "./pages/staff";

test("a member signs in with an emailed link, used by a button press and only once", async ({
  page,
  browser,
}) => {
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
  expect(mailbox).not.toContain("Your sign-in link");
});

// Each client address below is this file's own (the e2e server trusts X-Real-IP), so that the
// throttle these tests provoke touches no other test. The throttle's limits themselves (a spray
// of many accounts from one network, an IPv6 /64, failures from many networks) are checked
// against the database in tests/integration/staff-sign-in.test.ts; here, what a person sees.
const WRONG = "do not match an active account";
const THROTTLED = "Too many failed attempts";

test("after an attacker's failures the member still signs in: by password from their own address, by link from anywhere", async ({
  browser,
}) => {
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

test("sign-in, failed sign-in and sign-out are in the audit log, without the password or an address that is nobody's", async ({
  browser,
}) => {
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
    return page.getByTestId("audit-log").getByRole("listitem").filter({ hasText: ip });
  };
  const failures = await rows("staff.sign-in-failed");
  await expect(failures).toHaveCount(2);
  await expect(failures.filter({ hasText: "wrong password" })).toContainText(
    `Failed to sign in as ${email} with a password: wrong password`,
  );
  await expect(failures.filter({ hasText: "no active member" })).toContainText("Someone not signed in");
  const signIns = await rows("staff.sign-in", email);
  await expect(signIns.filter({ hasText: "Signed in with a password" })).toContainText(email);
  await expect(signIns.filter({ hasText: "Signed in with an emailed link" })).toContainText(email);
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

test("an admin on two devices signs out everywhere from one, and the other is out too", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const { email } = E2E_STAFF.travellingAdmin;
  const [laptop, phone] = [
    await (await browser.newContext()).newPage(),
    await (await browser.newContext()).newPage(),
  ];
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
