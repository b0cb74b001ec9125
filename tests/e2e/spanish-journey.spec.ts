import { expect, test } from "@playwright/test";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { totals } from "./pages/petition-page";

// The supporter's journey in Spanish: the form at /es sends the page's language, the email is
// written in it with links to the Spanish pages, and confirming there moves the total (and
// withdrawing there moves it back). The form, its thank-you and the confirm page read in Spanish.

const SLUG = "e2e-journey-spanish";

test(
  "a supporter signs in Spanish, gets a Spanish email, confirms on the Spanish page and is counted once, and can withdraw there",
  { tag: "@engine" },
  async ({ page, request }) => {
    const email = "firmante-espanol@example.org";
    const before = await totals(request, SLUG);

    await page.goto(`/es/petition/${SLUG}`);
    await page.getByLabel("Nombre", { exact: true }).fill("Lucía");
    await page.getByLabel("Apellido", { exact: true }).fill("Ramírez");
    await page.getByLabel("Correo electrónico", { exact: true }).fill(email);
    await page.getByLabel("País", { exact: true }).selectOption("US");
    await page.getByLabel("Código postal", { exact: true }).fill("78201");
    await page.getByLabel(/^Acepto el aviso de privacidad/).check();
    await page.getByRole("button", { name: "Firmar la petición" }).click();
    await expect(page.getByRole("heading", { name: "Gracias. Ahora revise su correo." })).toBeVisible();
    await expect(page.getByTestId("thank-you")).toContainText("Ábralo y presione Confirmar");
    await expect(page.getByRole("heading", { name: "Pídales a otras personas que firmen" })).toBeVisible();
    await expect(page.getByTestId("share-url")).toContainText(`/es/petition/${SLUG}?ref=`);
    await expect(page.getByRole("link", { name: "Siguiente: súmese al compromiso" })).toHaveAttribute(
      "href",
      /^\/es\/pledge\//,
    );
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
