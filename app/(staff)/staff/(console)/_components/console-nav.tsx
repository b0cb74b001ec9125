"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The console's links, the section being looked at marked for sight (bold, no underline) and for
 * screen readers (aria-current): the dashboard on its own page, every other section on its pages.
 */
export function ConsoleNav({ links }: { links: readonly { href: string; label: string }[] }) {
  const pathname = usePathname() ?? "";
  return links.map(({ href, label }) => {
    const isCurrent = pathname === href || (href !== "/staff" && pathname.startsWith(`${href}/`));
    return (
      <Link
        key={href}
        href={href}
        aria-current={isCurrent ? "page" : undefined}
        className={isCurrent ? "font-semibold no-underline" : undefined}
      >
        {label}
      </Link>
    );
  });
}
