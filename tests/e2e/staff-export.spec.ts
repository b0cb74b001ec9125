import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test(
  "an admin exports a petition's signatures as a CSV that is safe to open, and as JSON Lines",
  { tag: "@engine" },
  async ({ page, request }) => {
    const slug = "e2e-export";
    const email = "formula.signer@example.org";
    const signed = await request.post(`/api/petitions/${slug}/signatures`, {
      data: {
        firstName: "Zoë",
        lastName: "O'Neil",
        email,
        country: "US",
        postalCode: "02139",
        comment: '=HYPERLINK("http://evil.example","click")',
        acceptsPrivacy: true,
      },
      headers: { "X-Real-IP": "10.77.0.1" },
    });
    expect(signed.status()).toBe(202);
    await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();

    await signInWithPassword(page, E2E_STAFF.admin.email);
    await expectSignedIn(page, E2E_STAFF.admin.email);
    await page.goto("/staff/export");
    await page.getByLabel("Petition or pledge").selectOption(`petition:${slug}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^petition-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = await (await download.createReadStream()).toArray();
    const csv = Buffer.concat(bytes).toString("utf8");
    expect(csv.startsWith("\uFEFFfirst_name,last_name,email,")).toBe(true);
    const row = csv.split("\r\n").find((line) => line.includes(email))!;
    // Every value quoted; the postal code after a tab, so a spreadsheet keeps its leading zero.
    expect(row).toContain(`"Zoë","O'Neil","formula.signer@example.org","US","\t02139"`);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(row).toContain(',"verified",');

    const lines = await page.request.post("/staff/export/download", {
      form: { action: `petition:${slug}`, state: "verified", format: "jsonl" },
    });
    expect(lines.headers()["content-type"]).toMatch(/^application\/x-ndjson/);
    const records = (await lines.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { email: string; comment: string; postalCode: string });
    const record = records.find((record) => record.email === email);
    expect(record?.comment).toBe('=HYPERLINK("http://evil.example","click")');
    expect(record?.postalCode).toBe("02139");

    const bad = await page.request.post("/staff/export/download", {
      form: { action: `petition:${slug}`, from: "yesterday" },
    });
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("YYYY-MM-DD");

    // Both downloads are in the audit log, with who, the filters and the number of rows.
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("What").selectOption("export.supporters");
    await page.getByLabel("Subject id").fill("");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/action=export\.supporters/);
    const log = page.getByTestId("audit-log");
    // Other journeys export their own petitions: this one's entry names its slug.
    const jsonLines = log
      .getByRole("listitem")
      .filter({ hasText: "as JSON Lines" })
      .filter({ hasText: `(${slug})` });
    await expect(jsonLines).toContainText(E2E_STAFF.admin.email);
    await expect(jsonLines).toContainText(
      new RegExp(`Exported ${records.length} signatures? of the petition “[^”]+\\(${slug}\\)”`),
    );
    await expect(
      log.getByRole("listitem").filter({ hasText: "as CSV" }).first().getByRole("link", { name: slug }),
    ).toHaveAttribute("href", `/staff/content/petitions/${slug}`);
  },
);

test("a viewer cannot export, and is not offered to", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  await expect(
    page
      .getByRole("navigation", { name: "Staff console" })
      .getByRole("link", { name: "Export", exact: true }),
  ).toHaveCount(0);
  const response = await page.request.post("/staff/export/download", {
    form: { action: "petition:e2e-export" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain("@example.org");
});
