import "server-only";

import { cache } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";

// Next.js renders a not-found.tsx without params, so it cannot read its page's language. The site
// layout, which has it, notes it here for the request: a layout runs before the not-found element
// it wraps (React renders a server component's children after the component itself).
const current = cache((): { locale: Locale } => ({ locale: DEFAULT_LOCALE }));

export function setRenderLocale(locale: Locale): void {
  current().locale = locale;
}

/** The language of the page being rendered, as its layout noted it (English if none did). */
export function renderLocale(): Locale {
  return current().locale;
}
