import Link from "next/link";
import { HelpResourceList } from "./help-resource-list";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-line bg-ink/[0.03]">
      <section aria-labelledby="help-heading" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="help-heading" className="text-base font-semibold">
          Help and reporting
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          Worried about a child, or about yourself? You can reach someone now. Numbers are for the United
          States unless marked. <Link href="/help">More about each service</Link>.
        </p>
        <HelpResourceList compact />
      </section>
      <div className="border-t border-line">
        <nav
          aria-label="Site"
          className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-4 text-sm sm:px-6"
        >
          <Link href="/about">About Upstand</Link>
          <Link href="/privacy">Privacy</Link>
          <Link href="/help">Help and reporting</Link>
        </nav>
      </div>
    </footer>
  );
}
