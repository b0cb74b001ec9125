import { expect, test } from "@playwright/test";
import { checkProof, sha256 } from "../helpers/merkle-check";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectThankYou, signOnPage, totals } from "./pages/petition-page";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test(
  "a signer sees a receipt, and once a root is published can prove their signature is counted",
  { tag: "@engine" },
  async ({ page, browser, request }) => {
    const slug = "e2e-integrity";
    const email = "integrity.signer@example.org";
    await signOnPage(page, slug, { firstName: "Rosa", lastName: "Parks", email, postalCode: "36104" });
    await expectThankYou(page);
    await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your receipt" })).toBeVisible();
    const receipt = (await page.getByTestId("receipt").textContent())!.trim();
    const leaf = (await page.getByTestId("receipt-leaf").textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(Buffer.from(receipt, "hex")).toString("hex")).toBe(leaf);

    // Before any root, the check says it is not in one yet.
    const before = await (await request.get(`/api/petitions/${slug}/integrity/proof?leaf=${leaf}`)).json();
    expect(before).toMatchObject({ included: false });

    const staff = await browser.newPage();
    await signInWithPassword(staff, E2E_STAFF.editor.email);
    await expectSignedIn(staff, E2E_STAFF.editor.email);
    await staff.getByRole("link", { name: "Delivery pack" }).click();
    const form = staff.getByRole("form", { name: /Publish the count/ });
    const option = form.locator("option", { hasText: `(${slug})` });
    await form.getByLabel("Publish for").selectOption((await option.getAttribute("value"))!);
    await form.getByRole("button", { name: "Publish a root" }).click();
    await expect(staff.getByTestId("publish-root-status")).toContainText("Published over");
    await staff.close();

    const proofResponse = await request.get(`/api/petitions/${slug}/integrity/proof?leaf=${leaf}`);
    expect(proofResponse.headers()["access-control-allow-origin"]).toBe("*");
    const proof = await proofResponse.json();
    expect(proof.included).toBe(true);
    expect(checkProof(leaf, proof.index, proof.root.count, proof.siblings, proof.root.root)).toBe(true);
    // The leaves are the published total: nobody on this petition was erased.
    expect(proof.root.count).toBe((await totals(request, slug)).verified);
    const roots = await (await request.get(`/api/petitions/${slug}/integrity/roots`)).json();
    expect(roots.roots[0]).toMatchObject({ root: proof.root.root, count: proof.root.count });

    // The receipt's link opens the integrity page, which says so and shows the totals.
    await page.getByRole("link", { name: "Check that your signature is counted" }).click();
    await expect(page.getByTestId("integrity-check")).toContainText(
      `of ${proof.root.count} in the latest root`,
    );
    const counted = page.getByTestId("integrity-totals").getByText("Confirmed and counted").locator("..");
    await expect(counted.locator("dd")).toHaveText(String(proof.root.count));
    await expect(page.getByTestId("integrity-root")).toContainText(proof.root.root);
    await expect(page.getByRole("table")).toContainText("Day");

    // Linked from the petition's page, in Spanish too.
    await page.goto(`/es/petition/${slug}`);
    await page.getByRole("link", { name: "Cómo se puede comprobar este recuento" }).click();
    await expect(page.getByRole("heading", { name: "Firmas por estado" })).toBeVisible();
  },
);
