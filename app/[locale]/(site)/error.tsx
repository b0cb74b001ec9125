"use client";

import { usePathname } from "next/navigation";
import { ErrorNotice } from "@/components/layout/error-notice";
import { splitLocale } from "@/lib/domain/locale";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";

// A public page that failed to render: inside the site's frame, which still offers "Leave quickly"
// and the help services. An error boundary has no params: its language is read from the address.
export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  const { locale } = splitLocale(usePathname() ?? "/");
  return <ErrorNotice locale={locale} messages={ERROR_MESSAGES[locale]} onRetry={reset} />;
}
