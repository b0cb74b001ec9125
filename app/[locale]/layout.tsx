import { notFound } from "next/navigation";
import { Document } from "@/components/layout/document";
import { directionOf, isLocale } from "@/lib/domain/locale";

// No public page is rendered by the build, which reads no database: each is rendered on its first
// request and then kept and revalidated like any other (the `revalidate` of each page), so one
// build serves any database.
export function generateStaticParams() {
  return [];
}

// The public pages' document, in the reader's language and its writing direction.
export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <Document lang={locale} dir={directionOf(locale)}>
      {children}
    </Document>
  );
}
