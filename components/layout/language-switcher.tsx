"use client";

import { usePathname } from "next/navigation";
import {
  LANGUAGE_NAMES,
  OFFERED_LOCALES,
  localizedPath,
  splitLocale,
  type Locale,
} from "@/lib/domain/locale";

/**
 * Links to this same page in each other language readers are offered, each named in its own language (a reader who
 * cannot read this page can still find theirs). Plain links: the page's address is read as it is
 * rendered, so they work before, and without, JavaScript.
 */
export function LanguageSwitcher({ locale, label }: { locale: Locale; label: string }) {
  const { pathname } = splitLocale(usePathname() ?? "/");
  const others = OFFERED_LOCALES.filter((other) => other !== locale);
  if (others.length === 0) return null;
  return (
    <ul aria-label={label} className="flex gap-x-3 text-sm" data-testid="language-switcher">
      {others.map((other) => (
        <li key={other}>
          <a
            href={localizedPath(other, pathname)}
            hrefLang={other}
            lang={other}
            className="inline-block whitespace-nowrap py-1"
          >
            {LANGUAGE_NAMES[other]}
          </a>
        </li>
      ))}
    </ul>
  );
}
