import { createHmac } from "node:crypto";
import { reportComment, type ReportOutcome } from "@/db/queries/comments";
import { readSmallForm } from "@/lib/api/link-request";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { addressKey, clientIp } from "@/lib/http/client-ip";
import { floodWait, tooManyRequests } from "@/lib/http/flood-limits";
import { isJsonContentType, readJsonBody } from "@/lib/http/json-body";
import { logError } from "@/lib/log";
import { commentIdSchema, reportFormSchema } from "@/lib/validation/links";

/**
 * Who reports, as stored: a keyed hash of the address (IPv6 by its /64), so that one place counts
 * once per comment and the table cannot be turned back into addresses without the server's secret.
 * Callers whose address is unknown (no trusted proxy header) all count as one reporter.
 */
function reporterHash(headers: Headers): string {
  const config = env();
  const ip = clientIp(headers, config.TRUSTED_PROXY_HEADER);
  return createHmac("sha256", authSecret(config))
    .update(`comment-report:${ip ? addressKey(ip) : "unknown"}`)
    .digest("base64url");
}

const json = (status: number, body: object) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const REFUSALS: Partial<Record<ReportOutcome | "failed", [number, string]>> = {
  "not-shown": [404, "This comment is not shown any more, so there is nothing to report."],
  failed: [503, "We could not take your report just now. Please try again in a minute."],
};

/**
 * POST /api/comments/{id}/reports: "Report this comment", for anyone, no account. As JSON (`{}`)
 * it answers JSON: 202 with the outcome, or a refusal that explains itself. As the plain form a
 * page without JavaScript sends, it answers 303 to a page that says what happened. Counted once
 * per address per comment; limited per address by FLOOD_LIMIT_REPORTS.
 */
export async function handleReportRequest(request: Request, commentId: string): Promise<Response> {
  const isForm = !isJsonContentType(request.headers.get("content-type"));
  const wait = floodWait("reports", request.headers);
  if (wait > 0) return tooManyRequests(wait, isForm ? "text" : "json");
  let petition: string | null = null;
  if (isForm) {
    const form = await readSmallForm(request);
    if (!form)
      return json(415, {
        ok: false,
        formError: "Send {} as application/json, or the page's form as application/x-www-form-urlencoded.",
      });
    petition =
      reportFormSchema.safeParse({ petition: form.get("petition") ?? undefined }).data?.petition ?? null;
  } else {
    const body = await readJsonBody(request);
    if (!body.ok) return json(body.status, { ok: false, formError: body.message });
  }
  let outcome: ReportOutcome | "failed";
  try {
    outcome = commentIdSchema.safeParse(commentId).success
      ? await reportComment(
          commentId.toLowerCase(),
          reporterHash(request.headers),
          env().COMMENT_REPORT_THRESHOLD,
        )
      : "not-shown";
  } catch (error) {
    logError("comments: report", error);
    outcome = "failed";
  }
  if (isForm) {
    const back = petition ? `&petition=${petition}` : "";
    return new Response(null, {
      status: 303,
      headers: { Location: `/comment-reported?outcome=${outcome}${back}`, "Cache-Control": "no-store" },
    });
  }
  const refusal = REFUSALS[outcome];
  return refusal
    ? json(refusal[0], { ok: false, formError: refusal[1], outcome })
    : json(202, { ok: true, data: { outcome } });
}
