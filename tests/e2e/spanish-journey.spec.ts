import { expect, test } from "@playwright/test";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { totals } from "./pages/petition-page";

// The supporter's journey in Spanish: the form at /es sends the page's language, the email is
// written in it with links to the Spanish pages, and confirming there moves the total (and
// withdrawing there moves it back). The form's
// and the confirm page's own words are matched in either language while they are being translated.

const SLUG = "e2e-journey-spanish";

test(
  "a supporter signs in Spanish, gets a Spanish email, confirms on the Spanish page and is counted once, and can withdraw there",
  { tag: "@engine" },
  async ({ page, request }) => {
    const email = "firmante-espanol@example.org";
    const before = await totals(request, SLUG);

    await page.goto(`/es/petition/${SLUG}`);
    await page.getByLabel(/^(First name|Nombre)/).fill("Lucía");
    await page.getByLabel(/^(Last name|Apellido)/).fill("Ramírez");
    await page.getByLabel(/^(Email address|Correo electrónico)/).fill(email);
    await page.getByLabel(/^(Country|País)/).selectOption("US");
    await page.getByLabel(/^(Postal code|Código postal)/).fill("78201");
    await page.getByLabel(/(I agree to the privacy notice|Acepto)/).check();
    await page.getByRole("button", { name: /^(Sign the petition|Firmar)/ }).click();
    const mail = await waitForMailTo(request, email);
    expect(await totals(request, SLUG)).toMatchObject({ pending: before.pending + 1 });
    expect(mail.subject).toBe(
      "Confirme su firma: Que proteger a los niños de la explotación en internet sea una prioridad nacional",
    );
    expect(mail.body).toContain("Hola, Lucía:");
    expect(mail.body).toContain("Su firma se cuenta en cuanto la confirme.");
    expect(mail.body).not.toMatch(/Confirm your|Hello/);
    const confirmPath = linkIn(mail, "/es/confirm/");
    const withdrawPath = linkIn(mail, "/es/withdraw/");

    await page.goto(confirmPath);
    await page.getByRole("button", { name: /^(Confirm my signature|Confirmar)/ }).click();
    // The button's answer lands back on the Spanish page.
    await expect(page).toHaveURL(new RegExp(`${confirmPath}$`));
    await expect(page.getByRole("heading", { name: /(is confirmed|confirmada)/ })).toBeVisible();
    expect(await totals(request, SLUG)).toMatchObject({
      verified: before.verified + 1,
      pending: before.pending,
    });

    // The email's other link, under /es too, takes the signature back out.
    await page.goto(withdrawPath);
    await page.getByRole("button", { name: /^(Withdraw my signature|Retirar)/ }).click();
    await expect(page).toHaveURL(new RegExp(`${withdrawPath}$`));
    await expect(page.getByRole("heading", { name: /(is withdrawn|retirada)/ })).toBeVisible();
    expect((await totals(request, SLUG)).verified).toBe(before.verified);
  },
);
