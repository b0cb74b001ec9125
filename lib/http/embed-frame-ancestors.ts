import { getEmbedOrigins, type EmbedKind } from "@/db/queries/embeds";
import { logError } from "@/lib/log";

// Every embed request asks which sites may frame it; the answer is kept for a few seconds per
// slug, so that a partner's busy page costs one small query per instance every few seconds, and
// a change staff make reaches every instance as quickly as content edits do (next.config.ts).
const FRESH_MS = 5_000;
const MAX_KEPT = 1_000;
const kept = new Map<string, { origins: string[]; at: number }>();

/** The origins allowed to frame an embed; none (so no frame at all) for an unknown slug or on error. */
export async function embedFrameAncestors(kind: EmbedKind, slug: string): Promise<string[]> {
  const key = `${kind}:${slug}`;
  const hit = kept.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.origins;
  let origins: string[];
  try {
    origins = (await getEmbedOrigins(kind, slug)) ?? [];
  } catch (error) {
    logError("embeds: reading the allowed origins", error);
    return [];
  }
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, { origins, at: Date.now() });
  return origins;
}
