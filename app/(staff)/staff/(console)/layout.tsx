import type { Metadata } from "next";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/staff-auth";
import type { StaffRole } from "@/lib/domain/enums";
import { hasRole } from "@/lib/domain/roles";
import { requireStaff } from "@/lib/auth/staff";
import { ConsoleNav } from "./_components/console-nav";

export const metadata: Metadata = {
  title: { template: "%s · Upstand staff", default: "Upstand staff" },
  robots: { index: false },
};

/** The sections a member's role opens, in the order the console lists them. */
function consoleLinks(role: StaffRole): { href: string; label: string }[] {
  const sections: [href: string, label: string, least: StaffRole][] = [
    ["/staff", "Dashboard", "viewer"],
    ["/staff/account", "Your account", "viewer"],
    ["/staff/content", "Content", "editor"],
    ["/staff/signatures", "Signatures", "editor"],
    ["/staff/comments", "Comments", "editor"],
    ["/staff/delivery", "Delivery pack", "editor"],
    ["/staff/updates", "Updates", "editor"],
    ["/staff/embeds", "Embeds", "editor"],
    ["/staff/export", "Export", "admin"],
    ["/staff/team", "Team", "admin"],
    ["/staff/api-keys", "API keys", "admin"],
    ["/staff/webhooks", "Webhooks", "admin"],
    ["/staff/audit", "Audit log", "admin"],
  ];
  return sections.filter(([, , least]) => hasRole(role, least)).map(([href, label]) => ({ href, label }));
}

// Every page below checks the caller here, and again in each query it makes (db/queries).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const caller = await requireStaff("viewer");
  return (
    <div className="space-y-6">
      <nav aria-label="Staff console" className="flex flex-wrap items-center gap-4 border-b border-line pb-3">
        <ConsoleNav links={consoleLinks(caller.role)} />
        <span className="ml-auto text-sm text-muted" data-testid="signed-in-as">
          {caller.email} ({caller.role})
        </span>
        <form action={signOutAction}>
          <button type="submit" className="button-secondary">
            Sign out
          </button>
        </form>
      </nav>
      {children}
    </div>
  );
}
