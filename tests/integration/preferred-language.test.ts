import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { outboxMessages, pledgeCommitments, pledges, pledgeTakers, signatures } from "@/db/schema";
import { takePledgeAction } from "@/lib/actions/pledges";
import { signPetitionAction } from "@/lib/actions/signatures";
import { handleLinkRequest } from "@/lib/api/link-request";
import { handleSupportRequest } from "@/lib/api/support-request";
import { announceActivations, sendFollowUps } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { freshDemoPetition, signer } from "../helpers/signing";

// The supporter's language (OSDI's preferred_language): stored from the form's page or the API,
// and every email to them written in it, with links to that language's pages.

// The actions read the request's headers; here there is no request, and no client address.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const SPANISH_TITLE = "Que proteger a los niños de la explotación en internet sea una prioridad nacional";
const PLEDGE = "do-my-part";

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

const signForm = (slug: string, email: string, extra: Record<string, string> = {}) =>
  signPetitionAction(
    null,
    formOf({ slug, ...signer(email), acceptsPrivacy: "on", postalCode: "SW1A 1AA", ...extra }),
  );

const pledgeForm = (email: string, commitments: string[], extra: Record<string, string> = {}) =>
  takePledgeAction(
    null,
    formOf({ slug: PLEDGE, ...signer(email), acceptsPrivacy: "on", commitments, ...extra }),
  );

const api = (
  path: string,
  kind: "petition" | "pledge",
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  handleSupportRequest(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
    kind,
    slug,
  );

async function languageOf(email: string): Promise<string | undefined> {
  const [row] = await getDb()
    .select({ language: signatures.preferredLanguage })
    .from(signatures)
    .where(eq(signatures.email, email));
  return row?.language;
}

async function mailsTo(email: string) {
  return getDb()
    .select({
      subject: outboxMessages.subject,
      text: outboxMessages.textBody,
      html: outboxMessages.htmlBody,
      template: outboxMessages.template,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email))
    .orderBy(outboxMessages.createdAt);
}

describe("the supporter's language", () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("a signature from the Spanish page stores 'es', and its confirmation is in Spanish with /es/ links", async () => {
    const result = await signForm(slug, "ana@example.org", { locale: "es" });
    expect(result.ok).toBe(true);
    expect(await languageOf("ana@example.org")).toBe("es");
    const [mail] = await mailsTo("ana@example.org");
    expect(mail!.subject).toBe(`Confirme su firma: ${SPANISH_TITLE}`);
    for (const part of [mail!.text, mail!.html]) {
      expect(part).toContain("Hola, Ada:");
      expect(part).toContain(`Gracias por firmar “${SPANISH_TITLE}”.`);
      expect(part).toMatch(/\/es\/confirm\/[\w-]{43}/);
      expect(part).toMatch(/\/es\/withdraw\/[\w-]{43}/);
      expect(part).not.toMatch(/Confirm your|Hello|\/(?<!es\/)confirm\//);
    }
    expect(mail!.html).toContain('<html lang="es">');
  });

  it("a signature from the English page stores 'en', and its email is as it always was", async () => {
    expect((await signForm(slug, "ada@example.org", { locale: "en" })).ok).toBe(true);
    expect(await languageOf("ada@example.org")).toBe("en");
    const [mail] = await mailsTo("ada@example.org");
    expect(mail!.subject).toMatch(/^Confirm your signature: /);
    expect(mail!.text).toContain("Hello Ada,");
    expect(mail!.text).toMatch(/\/confirm\/[\w-]{43}/);
    expect(mail!.text).not.toContain("/es/");
  });

  it("a form that sends no language, or one the site does not speak, or garbage, signs in English and never fails", async () => {
    for (const [email, extra] of [
      ["none@example.org", {}],
      ["french@example.org", { locale: "fr" }],
      ["region@example.org", { locale: "es-MX" }],
      ["garbage@example.org", { locale: `"><script>x</script>${"z".repeat(5000)}` }],
    ] as const) {
      const result = await signForm(slug, email, extra);
      expect(result, email).toMatchObject({ ok: true });
      expect(await languageOf(email), email).toBe("en");
    }
  });

  it("the Confirm button on the Spanish page lands back on the Spanish page", async () => {
    const [mail] = await mailsTo("ana@example.org");
    const token = /\/es\/confirm\/([\w-]{43})/.exec(mail!.text)![1]!;
    const answer = await handleLinkRequest(
      new Request("http://localhost/api/links/confirm", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          referer: `http://localhost/es/confirm/${token}`,
        },
        body: new URLSearchParams({ token, kind: "petition" }).toString(),
      }),
      "confirm",
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/es/confirm/${token}`);
    const [row] = await getDb()
      .select({ state: signatures.state })
      .from(signatures)
      .where(eq(signatures.email, "ana@example.org"));
    expect(row!.state).toBe("verified");
  });

  it("a repeat keeps the first signature's language, and its notice is in it", async () => {
    expect((await signForm(slug, "ana@example.org", { locale: "en" })).ok).toBe(true);
    expect(await languageOf("ana@example.org")).toBe("es");
    const [, notice] = await mailsTo("ana@example.org");
    expect(notice!.template).toBe("already-petition");
    expect(notice!.subject).toBe(`Usted ya firmó: ${SPANISH_TITLE}`);
    expect(notice!.text).toMatch(/\/es\/withdraw\/[\w-]{43}/);
  });

  it("the API stores a well-formed preferred_language, writing in Spanish to any Spanish and in English to a language it does not speak", async () => {
    const answers = await Promise.all([
      api(`/api/petitions/${slug}/signatures`, "petition", slug, {
        ...signer("api-es@example.org"),
        preferred_language: "ES-mx",
      }),
      api(`/api/petitions/${slug}/signatures`, "petition", slug, {
        ...signer("api-fr@example.org"),
        preferred_language: "fr",
      }),
      api(`/api/petitions/${slug}/signatures`, "petition", slug, signer("api-none@example.org")),
      api(`/api/petitions/${slug}/signatures`, "petition", slug, {
        person: {
          given_name: "Rosa",
          family_name: "Parks",
          email_addresses: [{ address: "api-osdi@example.org" }],
          postal_addresses: [{ country: "US", postal_code: "36104" }],
          preferred_language: "es",
        },
        acceptsPrivacy: true,
      }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    expect(await languageOf("api-es@example.org")).toBe("es-MX");
    expect(await languageOf("api-fr@example.org")).toBe("fr");
    expect(await languageOf("api-none@example.org")).toBe("en");
    expect(await languageOf("api-osdi@example.org")).toBe("es");
    expect((await mailsTo("api-es@example.org"))[0]!.subject).toMatch(/^Confirme su firma: /);
    expect((await mailsTo("api-osdi@example.org"))[0]!.text).toContain("Hola, Rosa:");
    expect((await mailsTo("api-fr@example.org"))[0]!.subject).toMatch(/^Confirm your signature: /);
  });

  it("the API refuses a preferred_language that is not a language tag, with a field error, and stores nothing", async () => {
    for (const [email, value] of [
      ["bad-1@example.org", "español"],
      ["bad-2@example.org", 7],
      ["bad-3@example.org", "es_MX"],
      ["bad-4@example.org", ["es"]],
    ] as const) {
      const answer = await api(`/api/petitions/${slug}/signatures`, "petition", slug, {
        ...signer(email),
        preferred_language: value,
      });
      expect(answer.status, email).toBe(400);
      const body = (await answer.json()) as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors)).toEqual(["preferred_language"]);
      expect(body.fieldErrors.preferred_language![0]).toMatch(/language tag/);
      expect(await languageOf(email), email).toBeUndefined();
    }
  });

  it("the API answers in the language the caller asks for, else the supporter's: field errors, refusals and the acceptance", async () => {
    const mistakes = {
      ...signer("api-errors@example.org"),
      lastName: "",
      email: "no",
      acceptsPrivacy: false,
    };
    const spanish = await api(`/api/petitions/${slug}/signatures`, "petition", slug, mistakes, {
      "accept-language": "es-US,es;q=0.9,en;q=0.5",
    });
    expect(spanish.status).toBe(400);
    expect(spanish.headers.get("content-language")).toBe("es");
    expect(((await spanish.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({
      lastName: ["Escriba su apellido"],
      email: ["Escriba un correo electrónico como nombre@ejemplo.com"],
      acceptsPrivacy: ["Para firmar, acepte el aviso de privacidad"],
    });
    // No Accept-Language: the language the record names for its supporter.
    const byRecord = await api(`/api/pledges/${PLEDGE}/takers`, "pledge", PLEDGE, {
      ...mistakes,
      commitments: [],
      preferred_language: "es-MX",
    });
    expect(((await byRecord.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      commitments: ["Elija al menos un compromiso"],
      acceptsPrivacy: ["Para hacer el compromiso, acepte el aviso de privacidad"],
    });
    const english = await api(`/api/petitions/${slug}/signatures`, "petition", slug, mistakes);
    expect(english.headers.get("content-language")).toBe("en");
    expect(
      ((await english.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.lastName,
    ).toEqual(["Enter your last name"]);
    const missing = await api("/api/petitions/nope/signatures", "petition", "nope", mistakes, {
      "accept-language": "es",
    });
    expect(missing.status).toBe(400);
    const nowhere = await api("/api/petitions/nope/signatures", "petition", "nope", signer("x@example.org"), {
      "accept-language": "es",
    });
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({
      ok: false,
      formError: "No hay ninguna petición en esta dirección.",
    });
    const accepted = await api(
      `/api/petitions/${slug}/signatures`,
      "petition",
      slug,
      { ...signer("api-accepted@example.org"), preferred_language: "es" },
      { "accept-language": "es" },
    );
    expect(accepted.status).toBe(202);
    expect(((await accepted.json()) as { message: string }).message).toBe(
      "Revise la bandeja de entrada de esta dirección para confirmar la firma.",
    );
    expect(await languageOf("api-errors@example.org")).toBeUndefined();
  });

  it("a refusal from the Spanish page's form is in Spanish, and from the English page in English", async () => {
    const spanish = await signForm(slug, "form-errors@example.org", {
      locale: "es",
      firstName: " ",
      postalCode: "1",
    });
    expect(spanish.ok).toBe(false);
    expect(!spanish.ok && spanish.fieldErrors).toEqual({
      firstName: ["Escriba su nombre"],
      postalCode: ["Escriba un código postal del Reino Unido, como SW1A 1AA"],
    });
    const english = await signForm(slug, "form-errors@example.org", { firstName: " " });
    expect(!english.ok && english.fieldErrors).toEqual({ firstName: ["Enter your first name"] });
    expect(await languageOf("form-errors@example.org")).toBeUndefined();
  });

  it("a pledge from the Spanish page: stored 'es', and the confirmation, the 'it's on' and the follow-up in Spanish", async () => {
    const email = "pledge-es@example.org";
    expect((await pledgeForm(email, ["learn-to-report"], { locale: "es" })).ok).toBe(true);
    const [taker] = await getDb()
      .select({ language: pledgeTakers.preferredLanguage })
      .from(pledgeTakers)
      .where(eq(pledgeTakers.email, email));
    expect(taker!.language).toBe("es");
    const [confirmMail] = await mailsTo(email);
    expect(confirmMail!.subject).toBe(
      "Confirme su compromiso: Haga su parte para proteger a los niños en internet",
    );
    expect(confirmMail!.text).toContain("- Aprender a denunciar el material de abuso");

    const token = /\/es\/confirm\/([\w-]{43})/.exec(confirmMail!.text)![1]!;
    const [pledge] = await getDb().select({ id: pledges.id }).from(pledges).where(eq(pledges.slug, PLEDGE));
    await getDb()
      .update(pledgeCommitments)
      .set({ threshold: 1 })
      .where(and(eq(pledgeCommitments.pledgeId, pledge!.id), eq(pledgeCommitments.slug, "learn-to-report")));
    const outcome = await redeemSupportToken("pledge", hashToken(token), "confirm");
    expect(outcome.result).toBe("done");
    await announceActivations(pledge!.id);
    await getDb().update(pledges).set({ followUpAfterDays: 0 }).where(eq(pledges.id, pledge!.id));
    await sendFollowUps();

    const [activation] = await getDb()
      .select({ subject: outboxMessages.subject, text: outboxMessages.textBody })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, email), like(outboxMessages.dedupeKey, "activation:%")));
    expect(activation!.subject).toBe("Ya es un hecho: Aprender a denunciar el material de abuso");
    expect(activation!.text).toContain(`/es/pledge/${PLEDGE}`);
    const [followUp] = await getDb()
      .select({ subject: outboxMessages.subject, text: outboxMessages.textBody })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, email), like(outboxMessages.dedupeKey, "follow-up:%")));
    expect(followUp!.subject).toBe("¿Lo hizo? Haga su parte para proteger a los niños en internet");
    expect(followUp!.text).toMatch(/\/es\/fulfil\/[\w-]{43}/);
    expect(followUp!.text).toContain("- Aprender a denunciar el material de abuso");
  });

  it("the pledge API takes preferred_language too", async () => {
    const answer = await api(`/api/pledges/${PLEDGE}/takers`, "pledge", PLEDGE, {
      ...signer("pledge-api@example.org"),
      commitments: ["share-the-campaign"],
      preferred_language: "es",
    });
    expect(answer.status).toBe(202);
    const [mail] = await mailsTo("pledge-api@example.org");
    expect(mail!.subject).toMatch(/^Confirme su compromiso: /);
    const refused = await api(`/api/pledges/${PLEDGE}/takers`, "pledge", PLEDGE, {
      ...signer("pledge-bad@example.org"),
      commitments: ["share-the-campaign"],
      preferred_language: "!!",
    });
    expect(refused.status).toBe(400);
  });

  it("the database refuses a preferred_language that is not shaped as a language tag", async () => {
    await expect(
      getDb()
        .update(signatures)
        .set({ preferredLanguage: "es; drop" })
        .where(eq(signatures.email, "ada@example.org")),
    ).rejects.toThrow();
  });
});
