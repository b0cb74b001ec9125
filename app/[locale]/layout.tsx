import { notFound } from "next/navigation";
import { isLocale } from "@/lib/domain/locale";

// No public page is rendered by the build, which reads no database: each is rendered on its first
// request and then kept and revalidated like any other (the `revalidate` of each page), so one
// build serves any database.
export function generateStaticParams() {
  return [];
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  if (!isLocale((await params).locale)) notFound();
  return children;
}
