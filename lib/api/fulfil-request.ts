import { fulfilCommitment } from "@/db/queries/commitments";
import { hashToken } from "@/lib/signing/tokens";
import { isTokenShaped, readSmallForm } from "./link-request";
import { postedFromLanguage, seeOtherIn } from "@/lib/http/page-language";
import { logError } from "@/lib/log";
import { commitmentSlugSchema } from "@/lib/validation/links";

/**
 * POST /api/links/fulfil: an "I did it" button on the page the follow-up email links to, with
 * the link's `token` and the `commitment`'s slug. A plain form post, answered with a 303 back
 * to that page, in the language it was posted from; pressing twice counts once.
 */
export async function handleFulfilRequest(request: Request): Promise<Response> {
  const form = await readSmallForm(request);
  if (!form)
    return Response.json(
      { error: "Send the form as application/x-www-form-urlencoded, under 1 KB." },
      { status: 415 },
    );
  const seeOther = (pathname: string) => seeOtherIn(postedFromLanguage(form, request.headers), pathname);
  const token = form.get("token") ?? "";
  const commitment = form.get("commitment") ?? "";
  if (!isTokenShaped(token) || !commitmentSlugSchema.safeParse(commitment).success)
    return seeOther("/fulfil/invalid");
  try {
    await fulfilCommitment(hashToken(token), commitment);
  } catch (error) {
    logError("links: record a fulfilled commitment", error);
    return seeOther(`/fulfil/${token}?retry=1`);
  }
  return seeOther(`/fulfil/${token}`);
}
