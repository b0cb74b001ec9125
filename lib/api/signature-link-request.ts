import { redeemSignatureToken } from "@/db/queries/signature-tokens";
import { readLimitedBody } from "@/lib/json-body";
import { hashToken } from "@/lib/tokens";

export type LinkAction = "confirm" | "withdraw";

const PURPOSES = { confirm: "confirm-signature", withdraw: "withdraw-signature" } as const;
const MAX_FORM_BYTES = 1024;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/**
 * POST /api/signatures/{confirm,withdraw}: the button on the page an emailed link opens (that
 * page's GET changes nothing, since mail scanners open links). A plain form post, so it works
 * without JavaScript; the answer is always a 303 back to the page, which then tells the person
 * what happened. Served by the route handler and, on Upstand's own server, directly.
 */
export async function handleSignatureLinkRequest(request: Request, action: LinkAction): Promise<Response> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
    return Response.json({ error: "Send the form as application/x-www-form-urlencoded." }, { status: 415 });
  }
  const body = await readLimitedBody(request, MAX_FORM_BYTES);
  const token = body ? new URLSearchParams(new TextDecoder().decode(body)).get("token") ?? "" : "";
  if (!/^[\w-]{20,100}$/.test(token)) return seeOther(`/${action}/invalid`);
  try {
    await redeemSignatureToken(hashToken(token), PURPOSES[action]);
  } catch (error) {
    console.error(`[signing] could not ${action} a signature`, error);
    return seeOther(`/${action}/${token}?retry=1`);
  }
  return seeOther(`/${action}/${token}`);
}
