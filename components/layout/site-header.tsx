import Link from "next/link";
import { LeaveQuickly } from "./leave-quickly";

export interface SiteHeaderProps {
  petitionSlug: string | null;
  pledgeSlug: string | null;
}

export function SiteHeader({ petitionSlug, pledgeSlug }: SiteHeaderProps) {
  const nav = [
    { href: "/story", label: "The story" },
    ...(petitionSlug ? [{ href: `/petition/${petitionSlug}`, label: "Petition" }] : []),
    ...(pledgeSlug ? [{ href: `/pledge/${pledgeSlug}`, label: "Pledge" }] : []),
    { href: "/help", label: "Get help" },
  ];
  return (
    <header className="border-b border-line bg-paper">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="order-1 text-lg font-bold tracking-tight no-underline">
          Upstand
        </Link>
        {/* Early in the tab order, so that leaving takes as few key presses as possible. */}
        <div className="order-2 sm:order-3">
          <LeaveQuickly />
        </div>
        <nav aria-label="Main" className="order-3 w-full sm:order-2 sm:w-auto">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block py-1 no-underline hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
