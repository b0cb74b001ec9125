import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/components/layout/notice";
import { getCaller } from "@/lib/auth/staff";
import { LinkRequestForm } from "./_components/link-request-form";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ link?: string }> }) {
  if (await getCaller()) redirect("/staff");
  const { link } = await searchParams;
  return (
    <Notice title="Staff sign-in">
      {link === "used" ? (
        <p className="rounded-md border-2 border-error p-3 font-semibold" data-testid="link-refused">
          That sign-in link has been used or has expired. Ask for a new one below.
        </p>
      ) : null}
      <p>For campaign staff. There is no public sign-up: an admin adds you and sends your first link.</p>
      <PasswordForm />
      <LinkRequestForm />
    </Notice>
  );
}
