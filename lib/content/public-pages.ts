import "server-only";

import { revalidatePath } from "next/cache";
import { cachedPaths } from "@/lib/domain/locale";

/** Drops this instance's cached copy of one public page, in every language, e.g. `/petition/x`. */
export function revalidatePublicPage(pathname: string): void {
  for (const path of cachedPaths(pathname)) revalidatePath(path);
}

/** Drops this instance's cached copies of every public page (they all live under app/[locale]). */
export function revalidatePublicSite(): void {
  revalidatePath("/[locale]", "layout");
}
