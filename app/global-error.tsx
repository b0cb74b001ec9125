"use client";

import { usePathname } from "next/navigation";
import { ErrorNotice } from "@/components/layout/error-notice";
import { HelpResourceList } from "@/components/layout/help-resource-list";
import { LeaveQuickly } from "@/components/layout/leave-quickly";
import { HELP_RESOURCES } from "@/lib/content/help-resources";
import { splitLocale } from "@/lib/domain/locale";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import "./globals.css";

// When even the site's frame failed: the same calm words, in the language of the address, with
// "Leave quickly" and the help services drawn without the database or the messages files (each
// service by its own name and its contacts).
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const { locale } = splitLocale(usePathname() ?? "/");
  const messages = ERROR_MESSAGES[locale];
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <header className="sticky top-0 z-30 border-b border-line bg-paper">
          <div className="mx-auto flex max-w-6xl items-center justify-end px-4 py-3 sm:px-6">
            <LeaveQuickly {...messages.leaveQuickly} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
          <ErrorNotice locale={locale} messages={messages} onRetry={reset} />
        </main>
        <footer className="border-t border-line">
          <section aria-labelledby="help-heading" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
            <h2 id="help-heading" className="mb-4 text-base font-semibold">
              {messages.helpHeading}
            </h2>
            <HelpResourceList
              resources={HELP_RESOURCES.map(({ id, name, contacts }) => ({ id, name, contacts }))}
              compact
            />
          </section>
        </footer>
      </body>
    </html>
  );
}
