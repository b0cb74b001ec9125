import path from "node:path";
import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { E2E_STAFF } from "./fixtures";
import { axeViolations } from "./pages/axe";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// Helvetica is not embedded in the PDF (a standard font): pdf.js reads its metrics from here.
const STANDARD_FONTS = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

test(
  "an editor makes a delivery pack and downloads its PDF",
  { tag: "@engine" },
  async ({ page, request }) => {
    const slug = "e2e-delivery";
    const email = "delivery.signer@example.org";
    const signed = await request.post(`/api/petitions/${slug}/signatures`, {
      data: {
        firstName: "Дмитрий",
        lastName: "Иванов",
        email,
        country: "US",
        postalCode: "73301",
        comment: "Please read our names.",
        acceptsPrivacy: true,
      },
      headers: { "X-Real-IP": "10.77.0.9" },
    });
    expect(signed.status()).toBe(202);
    await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await signInWithPassword(page, E2E_STAFF.editor.email);
    await expectSignedIn(page, E2E_STAFF.editor.email);
    await page.getByRole("link", { name: "Delivery pack" }).click();
    const petition = page.getByLabel("Petition");
    const option = petition.locator("option", { hasText: `(${slug})` });
    await petition.selectOption((await option.getAttribute("value"))!);
    await page.getByLabel("By U.S. state").check();
    await page.getByLabel(/Include signers/).check();
    await page.getByRole("button", { name: "Make the pack" }).click();
    const row = page
      .getByTestId("delivery-pack")
      .filter({ hasText: `(${slug})` })
      .first();
    await expect(row.getByTestId("delivery-pack-state")).toHaveText(/^Ready: 1 signatures?, \d+ pages$/, {
      timeout: 30_000,
    });
    expect(await axeViolations(page, "Delivery pack with a made pack")).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("button", { name: "PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^delivery-${slug}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const text = await pdfText(Buffer.concat(await (await download.createReadStream()).toArray()));
    expect(text).toContain("1 person signed this petition");
    expect(text).toMatch(/Texas\s+1 signature/);
    expect(text).toContain("Дмитрий И., Texas, United States");
    expect(text).toContain("Please read our names.");
    expect(text).not.toContain(email);
    expect(text).not.toContain("73301");
  },
);
