import { getEmbedOrigins, type EmbedKind } from "@/db/queries/embeds";
import { logError } from "@/lib/log";

// Every embed request asks which sites may frame it; the answer is kept for a few seconds per
// slug, so that a partner's busy page costs one small query per instance every few seconds, and
// a change staff make reaches every instance as quickly as content edits do (next.config.ts).
const FRESH_MS = 5_000;
const MAX_KEPT = 1_000;
// On globalThis: proxy.ts and the pages are bundled apart but run in one process, and a save in
// the console (lib/actions/staff-embeds.ts) must reach the copy the proxy reads at once.
const holder = globalThis as { upstandEmbedOrigins?: Map<string, { origins: string[]; at: number }> };
const kept = (holder.upstandEmbedOrigins ??= new Map());

/** Forgets what was read, after staff change a campaign's list: this instance answers anew at once. */
export function forgetEmbedFrameAncestors(): void {
  kept.clear();
}

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
