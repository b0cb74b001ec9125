import { getIntegrityProof, listIntegrityRoots } from "@/db/queries/integrity-reads";
import { isPossibleSlug, OPEN_COUNTS_CACHE_CONTROL, withCors } from "@/lib/api/open-counts-request";
import { floodRefusal } from "@/lib/http/flood-limits";
import { publicJson } from "@/lib/http/public-json";
import { LEAF_MESSAGE, proofQuerySchema } from "@/lib/validation/integrity";

const notFound = () => withCors(Response.json({ error: "Not found." }, { status: 404 }));

/** GET /api/petitions/{slug}/integrity/roots: the published roots, newest first (docs/INTEGRITY.md). */
export async function handleRootsRequest(request: Request, slug: string): Promise<Response> {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return withCors(refusal);
  if (!isPossibleSlug(slug)) return notFound();
  return withCors(await publicJson(() => listIntegrityRoots(slug), OPEN_COUNTS_CACHE_CONTROL));
}

/**
 * GET /api/petitions/{slug}/integrity/proof?leaf=...: the inclusion proof of a leaf hash against
 * the latest root. It takes the leaf (the receipt's SHA-256), so the secret receipt never leaves
 * the signer's browser.
 */
export async function handleProofRequest(request: Request, slug: string): Promise<Response> {
  const refusal = floodRefusal("totals", request.headers, "json");
  if (refusal) return withCors(refusal);
  const given = new URL(request.url).searchParams.getAll("leaf");
  const parsed = proofQuerySchema.safeParse({ leaf: given.length === 1 ? given[0] : undefined });
  if (!parsed.success)
    return withCors(
      Response.json({ error: LEAF_MESSAGE }, { status: 400, headers: { "Cache-Control": "no-store" } }),
    );
  if (!isPossibleSlug(slug)) return notFound();
  return withCors(
    await publicJson(() => getIntegrityProof(slug, parsed.data.leaf), OPEN_COUNTS_CACHE_CONTROL),
  );
}
