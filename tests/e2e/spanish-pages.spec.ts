import { expect, test, type Page } from "@playwright/test";
import { localizedPath, splitLocale } from "@/lib/domain/locale";
import { linkIn, waitForMailTo } from "./pages/mailbox";

// The pages a reader finds from the home page, and the pages an emailed link opens, read in
// Spanish at /es, with links that stay there; the same pages at the root still read in English.

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

test("the home page reads in Spanish at /es, its figures attributed in Spanish", async ({ page }) => {
  await page.goto("/es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("link", { name: "Firme la petición" })).toHaveAttribute(
    "href",
    /^\/es\/petition\//,
  );
  await expect(page.getByRole("link", { name: "Lea primero la historia" })).toHaveAttribute(
    "href",
    "/es/story",
  );
  await expect(page.getByRole("heading", { name: "Lo que Thorn informa sobre su trabajo" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^La historia, en \d+ partes breves$/ })).toBeVisible();
  await expect(page.getByTestId("figure-attribution")).toContainText("Fuentes:");
  const card = page.getByTestId("impact-figure").first();
  await card.getByText("Datos de 2017").click();
  await expect(card).toContainText("Cifra que informó Thorn");
  await expect(card.getByRole("link", { name: "Ver las fuentes" })).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign the petition" })).toHaveAttribute(
    "href",
    /^\/petition\//,
  );
  await expect(page.getByRole("heading", { name: "What Thorn reports about its work" })).toBeVisible();
});

test("the story's contents and parts read in Spanish, from the first part to the petition", async ({
  page,
}) => {
  await page.goto("/es/story");
  await expect(heading(page)).toHaveText("La historia");
  await expect(page).toHaveTitle(/^La historia/);
  await expect(page.getByRole("complementary", { name: "Aviso sobre el contenido" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Parte 3/ })).toHaveAttribute(
    "href",
    "/es/story/the-testimony",
  );
  await page.getByRole("link", { name: /^Empiece por la parte 1/ }).click();
  await expect(page).toHaveURL(/\/es\/story\/who-thorn-is$/);

  await page.goto("/es/story/the-testimony");
  await expect(page.getByText(/^La historia · parte 3 de \d$/)).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Historia" });
  await expect(pager.getByRole("link", { name: /Anterior: parte 2/ })).toHaveAttribute(
    "href",
    "/es/story/the-technology",
  );
  await pager.getByRole("link", { name: /Siguiente: parte 4/ }).click();
  await expect(page).toHaveURL(/\/es\/story\/the-figures$/);
  await expect(page.getByRole("heading", { name: "Las cifras, tal como se informaron" })).toBeVisible();
  await expect(page.getByTestId("figure-attribution")).toContainText(
    "Todas estas cifras las informa Thorn sobre su propio trabajo",
  );
  await expect(pager.getByRole("link", { name: /Agregue su nombre a la petición/ })).toHaveAttribute(
    "href",
    /^\/es\/petition\//,
  );

  await page.goto("/story/the-testimony");
  await expect(page.getByText(/^The story · part 3 of \d$/)).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Story" }).getByRole("link", { name: /Next: part 4/ }),
  ).toBeVisible();
});

test("the privacy page reads in Spanish, with the same periods as the English one", async ({ page }) => {
  await page.goto("/es/privacy");
  await expect(heading(page)).toHaveText("Privacidad");
  await expect(page.getByRole("heading", { name: "Qué datos reunimos y para qué" })).toBeVisible();
  await expect(page.getByText(/^Las direcciones IP se borran 90 días después de firmar\.$/)).toBeVisible();

  await page.goto("/privacy");
  await expect(heading(page)).toHaveText("Privacy");
  await expect(page.getByText(/^IP addresses are erased 90 days after signing\.$/)).toBeVisible();
});

test("an emailed link opened under /es reads in Spanish", async ({ page, request }) => {
  await page.goto("/es/confirm/not-a-token");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(heading(page)).toHaveText("Este enlace no funciona");

  const email = "lectora@example.org";
  const response = await request.post("/api/petitions/e2e-spanish-links/signatures", {
    data: {
      firstName: "Sor Juana",
      lastName: "Inés",
      email,
      country: "US",
      postalCode: "78205",
      acceptsPrivacy: true,
    },
  });
  expect(response.status()).toBe(202);
  const mail = await waitForMailTo(request, email);
  const inSpanish = (path: string) => localizedPath("es", splitLocale(path).pathname);

  await page.goto(inSpanish(linkIn(mail, "/confirm/")));
  await expect(heading(page)).toHaveText("Confirme su firma");
  await expect(page).toHaveTitle(/^Confirme su firma/);
  await expect(page.getByRole("button", { name: "Confirmar mi firma" })).toBeVisible();

  await page.goto(inSpanish(linkIn(mail, "/withdraw/")));
  await expect(heading(page)).toHaveText("¿Desea retirar su firma?");
  await expect(page.getByRole("button", { name: "Retirar mi firma" })).toBeVisible();

  await page.goto(splitLocale(linkIn(mail, "/confirm/")).pathname);
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toBeVisible();

  // Pressed from the Spanish page by a browser that sends no Referer: the page after the button
  // is still in Spanish, since the form says which language it was in.
  await page.goto(inSpanish(linkIn(mail, "/confirm/")));
  await page.route("**/api/links/confirm", async (route) => {
    const { referer: _dropped, ...headers } = route.request().headers();
    await route.continue({ headers });
  });
  await page.getByRole("button", { name: "Confirmar mi firma" }).click();
  await expect(page).toHaveURL(/\/es\/confirm\//);
  await expect(heading(page)).toHaveText("Su firma está confirmada");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("the petition's page, its form and its count read in Spanish, countries named in Spanish", async ({
  page,
}) => {
  await page.goto("/es/petition/protect-children-online");
  await expect(page.getByText("Petición a los miembros del Congreso de los Estados Unidos")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Pedimos a los miembros del Congreso de los Estados Unidos:" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Por qué es importante" })).toBeVisible();
  const count = page.getByTestId("live-total");
  await expect(count).toContainText("Total en vivo");
  await expect(count).toContainText("firmas verificadas");
  await expect(page.getByTestId("goal-progress")).toContainText(/\d de una meta de \d/);

  const form = page.getByRole("form", { name: "Agregue su nombre" });
  for (const label of ["Nombre", "Apellido", "Correo electrónico", "País", "Código postal"]) {
    await expect(form.getByLabel(label, { exact: true })).toBeVisible();
  }
  const country = form.getByLabel("País", { exact: true });
  await expect(country.locator("option:checked")).toHaveText("Estados Unidos");
  await expect(country.locator('option[value="DE"]')).toHaveText("Alemania");
  await expect(form.getByText("Le enviaremos un enlace para confirmar su firma.")).toBeVisible();
  await expect(form.getByLabel(/^Mostrar en esta página mi nombre/)).toBeVisible();
  await expect(
    form.getByLabel("Quiero recibir novedades de esta campaña por correo electrónico"),
  ).toBeVisible();
  await expect(form.getByLabel(/^Acepto el aviso de privacidad/)).toBeVisible();
  await expect(form.getByRole("link", { name: "aviso de privacidad" })).toHaveAttribute(
    "href",
    "/es/privacy",
  );

  await form.getByLabel("¿Por qué firma? (opcional)").fill("Porque importa.");
  await expect(page.locator("#comment-count")).toHaveText("Quedan 485 caracteres");
  await form.getByRole("button", { name: "Firmar la petición" }).click();
  await expect(page.getByTestId("form-status")).toContainText(
    /respuestas requieren su atención antes de que pueda firmar\./,
  );

  await page.goto("/petition/protect-children-online");
  await expect(
    page.getByRole("form", { name: "Add your name" }).getByLabel("First name", { exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId("live-total")).toContainText("verified signatures");
});

test("the pledge's steps, its summary and its thank-you read in Spanish", async ({ page }) => {
  await page.goto("/es/pledge/e2e-pledge-spanish");
  await expect(page.getByRole("main").getByText("Compromiso", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Los compromisos" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Paso 1 de 3\s*Elija lo que hará/ })).toBeVisible();
  await expect(page.getByText("(se activa cuando 100 personas lo asuman)")).toBeVisible();
  await page.getByLabel(/Aprender a denunciar el material de abuso/).check();
  await page.getByRole("button", { name: "Siguiente: sus datos" }).click();

  await expect(page.getByRole("heading", { name: /Paso 2 de 3\s*Sus datos/ })).toBeFocused();
  await page.getByLabel("Nombre", { exact: true }).fill("Dolores");
  await page.getByLabel("Apellido", { exact: true }).fill("Huerta");
  await page.getByLabel("Correo electrónico", { exact: true }).fill("promesa-espanol@example.org");
  await page.getByLabel("Código postal", { exact: true }).fill("93215");
  await page.getByLabel(/^Acepto el aviso de privacidad/).check();
  await page.getByRole("button", { name: "Siguiente: revisar y enviar" }).click();

  await expect(page.getByRole("heading", { name: /Paso 3 de 3\s*Revise y envíe/ })).toBeFocused();
  const summary = page.getByTestId("pledge-summary");
  await expect(summary).toContainText("Usted se compromete a");
  await expect(summary).toContainText("Aprender a denunciar el material de abuso");
  await expect(summary).toContainText("Estados Unidos");
  await expect(summary).toContainText("No aparecerá con el compromiso; sin novedades de la campaña");
  await page.getByRole("button", { name: "Sumarme al compromiso" }).click();

  await expect(page.getByRole("heading", { name: "Gracias. Ahora revise su correo." })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Pídales a otras personas que hagan la misma promesa" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Copiar el enlace" })).toBeVisible();
  await expect(page.getByTestId("share-url")).toContainText("/es/pledge/e2e-pledge-spanish?ref=");
});
