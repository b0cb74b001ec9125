import type { ApiKeyCaller } from "@/lib/api-keys/authenticate";
import { clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import { floodWait } from "@/lib/http/flood-limits";
import { readJsonBody } from "@/lib/http/json-body";
import type { ActionResult } from "@/lib/action-result";
import type { Locale } from "@/lib/domain/locale";
import { apiLanguageOf } from "@/lib/domain/preferred-language";
import { answerLanguageOf } from "@/lib/http/answer-language";
import { inWords, validationMessages } from "@/lib/i18n/validation-messages";
import { wordsFor } from "@/lib/validation/messages";
import { preferredLanguageSchema } from "@/lib/validation/support-api";
import { fromOsdi, isOsdiSignature, type LinkCodes } from "@/lib/signing/osdi";
import { NO_SUCH_PLEDGE, takePledge } from "@/lib/signing/pledging";
import { NO_SUCH_PETITION, signPetition } from "@/lib/signing/signing";
import { logError } from "@/lib/log";
import { cleanReferrerUrl, referrerWebsite, utmOf, type ReferrerData } from "@/lib/domain/referrer";

/** Where an API caller says the supporter came from: OSDI's referrer_data, and utm_* on the request's query. */
function referrerOf(codes: LinkCodes, query: URLSearchParams): ReferrerData {
  const utm = utmOf(query);
  return {
    utmSource: utm.utm_source ?? null,
    utmMedium: utm.utm_medium ?? null,
    utmCampaign: utm.utm_campaign ?? null,
    utmTerm: utm.utm_term ?? null,
    utmContent: utm.utm_content ?? null,
    website: referrerWebsite(codes.website ?? codes.url),
    url: cleanReferrerUrl(codes.url),
    viaEmbed: false,
  };
}

const noStore = { "Cache-Control": "no-store" };

/** A refusal, its messages in `language` (which Content-Language names). */
function answer(
  result: ActionResult<unknown>,
  status: number,
  language: Locale,
  headers: Record<string, string> = {},
) {
  return Response.json(inWords(result, language), {
    status,
    headers: { ...noStore, "Content-Language": language, ...headers },
  });
}

/**
 * POST /api/petitions/{slug}/signatures (the form's fields as JSON, or an OSDI
 * record-signature-helper body) and POST /api/pledges/{slug}/takers (the pledge form's fields,
 * with `commitments`), docs/API.md; with `key`, the OSDI helper path (lib/api/record-signature-helper.ts). Served by the route handlers and, on Upstand's own server,
 * directly (lib/api/direct-routes.ts).
 */
export async function handleSupportRequest(
  request: Request,
  kind: "petition" | "pledge",
  slug: string,
  key?: ApiKeyCaller,
): Promise<Response> {
  // A key's caller is a partner's server, not the supporter: its address says nothing about who
  // signs, so neither the per-address flood limit nor the per-address hold applies; the key's own
  // limit does (lib/api-keys/authenticate.ts).
  const ip = key ? null : clientIp(request.headers, env().TRUSTED_PROXY_HEADER);
  const acceptLanguage = request.headers.get("accept-language");
  const wait = key ? 0 : floodWait("signing", request.headers);
  if (wait > 0) {
    return answer({ ok: false, formError: "form.tooManyRequests" }, 429, answerLanguageOf(acceptLanguage), {
      "Retry-After": String(wait),
    });
  }
  const body = await readJsonBody(request);
  if (!body.ok)
    return Response.json({ ok: false, formError: body.message }, { status: body.status, headers: noStore });

  const query = new URL(request.url).searchParams;
  const {
    fields: sent,
    codes,
    preferredLanguage,
  } = kind === "petition" && isOsdiSignature(body.value)
    ? fromOsdi(body.value)
    : {
        fields: body.value,
        codes: { source: null, referredBy: null } as LinkCodes,
        preferredLanguage: body.value.preferred_language,
      };
  // A key whose partner form asks agreement to its own privacy notice records that agreement; a
  // body that says `acceptsPrivacy: false` is still refused, and a key without one needs the field.
  const fields =
    key?.consentNotice && sent.acceptsPrivacy === undefined ? { ...sent, acceptsPrivacy: true } : sent;
  // A tag Upstand does not speak yet ("fr") is kept and its emails are in English: an OSDI system
  // forwards its own records, and refusing a signature for its language would lose it.
  const language = preferredLanguageSchema.safeParse(preferredLanguage).success
    ? apiLanguageOf(preferredLanguage)
    : null;
  // Messages in the language the caller asks for, else the supporter's.
  const answerLanguage = answerLanguageOf(acceptLanguage, language);
  if (language === null) {
    return answer(
      { ok: false, fieldErrors: { preferred_language: ["preferredLanguage"] } },
      400,
      answerLanguage,
    );
  }
  try {
    const result = await (kind === "petition" ? signPetition : takePledge)(slug, fields, {
      ip,
      source: codes.source ?? query.get("source"),
      referredBy: codes.referredBy ?? query.get("ref"),
      honeypot: typeof body.value.website === "string" ? body.value.website : null,
      preferredLanguage: language,
      consent: key ? { apiKeyId: key.id, notice: key.consentNotice } : undefined,
      channel: "api",
      referrer: referrerOf(codes, query),
    });
    if (result.ok) {
      const message = kind === "petition" ? "form.confirmSignature" : "form.confirmPledge";
      return Response.json(
        {
          ok: true,
          message: wordsFor(message, validationMessages(answerLanguage)),
          referralCode: result.data.referralCode,
        },
        { status: 202, headers: { ...noStore, "Content-Language": answerLanguage } },
      );
    }
    const status = result.fieldErrors
      ? 400
      : result.formError === NO_SUCH_PETITION || result.formError === NO_SUCH_PLEDGE
        ? 404
        : 410;
    return answer(result, status, answerLanguage);
  } catch (error) {
    logError(`api: record a ${kind === "petition" ? "signature" : "pledge"}`, error);
    const formError = kind === "petition" ? "form.signatureNotStored" : "form.pledgeNotStored";
    return answer({ ok: false, formError }, 503, answerLanguage, { "Retry-After": "5" });
  }
}
