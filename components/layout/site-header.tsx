import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { CampaignMark } from "./campaign-mark";
import { LanguageSwitcher } from "./language-switcher";
import { LeaveQuickly } from "./leave-quickly";

export interface SiteHeaderProps {
  locale: Locale;
  campaignName: string | null;
  petitionSlug: string | null;
  pledgeSlug: string | null;
}

/**
 * The header stays at the top of the screen, so "Leave quickly" is always one tap away: on a
 * phone there is no Escape key to press twice. On a phone the links take a slim row above the
 * campaign's name, and that row alone scrolls away (the header sticks 2.5 rem above the top), so
 * what stays in view is one row: the name and "Leave quickly". Where a language's words do not fit
 * that row, the links scroll sideways within it, with room inside for their focus outlines.
 */
export async function SiteHeader({ locale, campaignName, petitionSlug, pledgeSlug }: SiteHeaderProps) {
  const t = await getTranslations({ locale, namespace: "siteHeader" });
  const leave = await getTranslations({ locale, namespace: "leaveQuickly" });
  const nav = [
    { href: "/story", label: t("story") },
    ...(petitionSlug ? [{ href: `/petition/${petitionSlug}`, label: t("petition") }] : []),
    ...(pledgeSlug ? [{ href: `/pledge/${pledgeSlug}`, label: t("pledge") }] : []),
    { href: "/help", label: t("help") },
  ].map((item) => ({ ...item, href: localizedPath(locale, item.href) }));
  return (
    <header className="sticky -top-10 z-30 border-b border-line bg-paper sm:top-0" data-testid="site-header">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 px-4 pb-2 sm:flex-nowrap sm:px-6 sm:py-3">
        <Link
          href={localizedPath(locale, "/")}
          className="order-2 flex min-h-11 items-center gap-2 font-serif text-base font-bold tracking-tight no-underline sm:order-1 sm:text-xl"
        >
          <CampaignMark />
          {campaignName ?? "Upstand"}
        </Link>
        {/* Early in the tab order, so that leaving takes as few key presses as possible. */}
        <div className="order-3">
          <LeaveQuickly label={leave("label")} hint={leave("hint")} />
        </div>
        <nav
          aria-label={t("mainNavigation")}
          className="order-1 flex h-10 w-full items-center sm:order-2 sm:ms-auto sm:h-auto sm:w-auto"
        >
          <ul className="-m-1.5 flex min-w-0 gap-x-4 overflow-x-auto p-1.5 text-sm font-medium [scrollbar-width:none] sm:gap-x-5">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-block whitespace-nowrap py-1 no-underline hover:underline"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="ms-auto shrink-0 ps-4 sm:ms-0 sm:ps-5">
            <LanguageSwitcher locale={locale} label={t("languages")} />
          </div>
        </nav>
      </div>
    </header>
  );
}
