import { clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import { floodWait } from "@/lib/http/flood-limits";
import { readJsonBody } from "@/lib/http/json-body";
import { apiLanguageOf, PREFERRED_LANGUAGE_ERROR } from "@/lib/domain/preferred-language";
import { fromOsdi, isOsdiSignature } from "@/lib/signing/osdi";
import { NO_SUCH_PLEDGE, takePledge } from "@/lib/signing/pledging";
import { NO_SUCH_PETITION, signPetition } from "@/lib/signing/signing";
import { logError } from "@/lib/log";

const noStore = { "Cache-Control": "no-store" };

/**
 * POST /api/petitions/{slug}/signatures (the form's fields as JSON, or an OSDI
 * record-signature-helper body) and POST /api/pledges/{slug}/takers (the pledge form's fields,
 * with `commitments`), docs/API.md. Served by the route handlers and, on Upstand's own server,
 * directly (lib/api/direct-routes.ts).
 */
export async function handleSupportRequest(
  request: Request,
  kind: "petition" | "pledge",
  slug: string,
): Promise<Response> {
  const ip = clientIp(request.headers, env().TRUSTED_PROXY_HEADER);
  const wait = floodWait("signing", request.headers);
  if (wait > 0) {
    return Response.json(
      { ok: false, formError: "Too many requests from this address. Please wait and try again." },
      { status: 429, headers: { ...noStore, "Retry-After": String(wait) } },
    );
  }
  const body = await readJsonBody(request);
  if (!body.ok)
    return Response.json({ ok: false, formError: body.message }, { status: body.status, headers: noStore });

  const query = new URL(request.url).searchParams;
  const { fields, codes, preferredLanguage } =
    kind === "petition" && isOsdiSignature(body.value)
      ? fromOsdi(body.value)
      : {
          fields: body.value,
          codes: { source: null, referredBy: null },
          preferredLanguage: body.value.preferred_language,
        };
  // A tag Upstand does not speak yet ("fr") is kept and its emails are in English: an OSDI system
  // forwards its own records, and refusing a signature for its language would lose it.
  const language = apiLanguageOf(preferredLanguage);
  if (language === null) {
    return Response.json(
      { ok: false, fieldErrors: { preferred_language: [PREFERRED_LANGUAGE_ERROR] } },
      { status: 400, headers: noStore },
    );
  }
  try {
    const result = await (kind === "petition" ? signPetition : takePledge)(slug, fields, {
      ip,
      source: codes.source ?? query.get("source"),
      referredBy: codes.referredBy ?? query.get("ref"),
      honeypot: typeof body.value.website === "string" ? body.value.website : null,
      preferredLanguage: language,
    });
    if (result.ok) {
      return Response.json(
        {
          ok: true,
          message: `Check the inbox of this address to confirm the ${kind === "petition" ? "signature" : "pledge"}.`,
          referralCode: result.data.referralCode,
        },
        { status: 202, headers: noStore },
      );
    }
    const status = result.fieldErrors
      ? 400
      : result.formError === NO_SUCH_PETITION || result.formError === NO_SUCH_PLEDGE
        ? 404
        : 410;
    return Response.json(result, { status, headers: noStore });
  } catch (error) {
    logError(`api: record a ${kind === "petition" ? "signature" : "pledge"}`, error);
    return Response.json(
      {
        ok: false,
        formError: `We could not save the ${kind === "petition" ? "signature" : "pledge"} just now; nothing was stored. Please try again shortly.`,
      },
      { status: 503, headers: { ...noStore, "Retry-After": "5" } },
    );
  }
}
