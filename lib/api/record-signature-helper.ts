import { getPetitionSlugById } from "@/db/queries/petitions";
import { auditApiCall, authenticateApiKey } from "@/lib/api-keys/authenticate";
import { handleSupportRequest } from "@/lib/api/support-request";
import { answerLanguageOf } from "@/lib/http/answer-language";
import { floodRefusal } from "@/lib/http/flood-limits";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { wordsFor } from "@/lib/validation/messages";
import { NO_SUCH_PETITION } from "@/lib/signing/signing";

export const RECORD_SIGNATURE_HELPER_ROUTE = "/api/osdi/v1/petitions/{id}/signatures/record_signature_helper";

/**
 * POST /api/osdi/v1/petitions/{id}/signatures/record_signature_helper (docs/API.md, "Recording
 * signatures"): the public signing API's body, rules and answers, for a key allowed to record
 * signatures, naming the petition by id as OSDI addresses do. The signature carries a consent
 * record naming the key (and the partner's notice, when the key attests one). Audited per call.
 */
export async function handleRecordSignatureHelper(request: Request, petitionId: string): Promise<Response> {
  // Per address first, as the OSDI reads are: a flood of made-up keys costs a key lookup each.
  const flood = floodRefusal("pages", request.headers, "json");
  if (flood) return flood;
  const auth = await authenticateApiKey(request, "write:signatures");
  if (!auth.ok) return auth.response;
  const slug = await getPetitionSlugById(petitionId);
  let response: Response;
  if (slug) response = await handleSupportRequest(request, "petition", slug, auth.key);
  else {
    const language = answerLanguageOf(request.headers.get("accept-language"));
    response = Response.json(
      { ok: false, formError: wordsFor(NO_SUCH_PETITION, validationMessages(language)) },
      { status: 404, headers: { "Cache-Control": "no-store", "Content-Language": language } },
    );
  }
  await auditApiCall(auth.key, request, {
    route: RECORD_SIGNATURE_HELPER_ROUTE,
    filters: { petition: petitionId.slice(0, 64), status: response.status },
    rowCount: response.status === 202 ? 1 : 0,
  });
  return response;
}
