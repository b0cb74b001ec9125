import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/staff-auth";
import { hasRole } from "@/lib/domain/roles";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = {
  title: { template: "%s · Upstand staff", default: "Upstand staff" },
  robots: { index: false },
};

// Every page below checks the caller here, and again in each query it makes (db/queries).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const caller = await requireStaff("viewer");
  return (
    <div className="space-y-6">
      <nav aria-label="Staff console" className="flex flex-wrap items-center gap-4 border-b border-line pb-3">
        <Link href="/staff">Dashboard</Link>
        <Link href="/staff/account">Your account</Link>
        {hasRole(caller.role, "editor") ? <Link href="/staff/content">Content</Link> : null}
        {hasRole(caller.role, "editor") ? <Link href="/staff/signatures">Signatures</Link> : null}
        {hasRole(caller.role, "editor") ? <Link href="/staff/comments">Comments</Link> : null}
        {hasRole(caller.role, "editor") ? <Link href="/staff/delivery">Delivery pack</Link> : null}
        {hasRole(caller.role, "editor") ? <Link href="/staff/updates">Updates</Link> : null}
        {hasRole(caller.role, "editor") ? <Link href="/staff/embeds">Embeds</Link> : null}
        {hasRole(caller.role, "admin") ? <Link href="/staff/export">Export</Link> : null}
        {hasRole(caller.role, "admin") ? <Link href="/staff/team">Team</Link> : null}
        {hasRole(caller.role, "admin") ? <Link href="/staff/api-keys">API keys</Link> : null}
        {hasRole(caller.role, "admin") ? <Link href="/staff/webhooks">Webhooks</Link> : null}
        {hasRole(caller.role, "admin") ? <Link href="/staff/audit">Audit log</Link> : null}
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
