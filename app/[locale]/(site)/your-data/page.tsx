import type { Metadata } from "next";
import { linkPageMetadata } from "@/lib/i18n/link-page-metadata";
import { localeOf } from "@/lib/domain/locale";
import { currentYourDataSession } from "@/lib/your-data/session";
import { RequestForm } from "./_components/request-form";
import { YourDataDashboard } from "./_components/your-data-dashboard";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string; done?: string }>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return linkPageMetadata(params, "yourDataPage");
}

// "Your data" (issue 18): with an open session, what is held about its address and what can be
// done with it; without one, the form that emails a link.
export default async function YourDataPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  const { error, done } = await searchParams;
  const session = await currentYourDataSession();
  if (session) return <YourDataDashboard session={session} locale={locale} done={done} error={error} />;
  return <RequestForm locale={locale} done={done} error={error} />;
}
