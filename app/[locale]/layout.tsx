import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Document } from "@/components/layout/document";
import { directionOf, isLocale, isOffered, isPseudoLocale } from "@/lib/domain/locale";
import { env } from "@/lib/env";

// No public page is rendered by the build, which reads no database: each is rendered on its first
// request and then kept and revalidated like any other (the `revalidate` of each page), so one
// build serves any database.
export function generateStaticParams() {
  return [];
}

// A language not yet offered to readers is kept out of search engines until it is.
export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) && isOffered(locale) ? {} : { robots: { index: false } };
}

// The public pages' document, in the reader's language and its writing direction. The right-to-left
// pseudo-locale is served only by a server started with PSEUDO_LOCALES=on (tests), read as each
// page is rendered, so that the one production build serves it there and nowhere else.
export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  const isServed = isLocale(locale) || (isPseudoLocale(locale) && env().PSEUDO_LOCALES === "on");
  if (!isServed) notFound();
  return (
    <Document lang={locale} dir={directionOf(locale)}>
      {children}
    </Document>
  );
}
