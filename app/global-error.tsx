"use client";

import { ErrorNotice } from "@/components/layout/error-notice";
import { HelpResourceList } from "@/components/layout/help-resource-list";
import { LeaveQuickly } from "@/components/layout/leave-quickly";
import "./globals.css";

// When even the site's frame failed: the same calm words, with "Leave quickly" and the help
// services drawn without the database.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <header className="sticky top-0 z-30 border-b border-line bg-paper">
          <div className="mx-auto flex max-w-6xl items-center justify-end px-4 py-3 sm:px-6">
            <LeaveQuickly />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
          <ErrorNotice onRetry={reset} />
        </main>
        <footer className="border-t border-line">
          <section aria-labelledby="help-heading" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
            <h2 id="help-heading" className="mb-4 text-base font-semibold">
              Help and reporting
            </h2>
            <HelpResourceList compact />
          </section>
        </footer>
      </body>
    </html>
  );
}
