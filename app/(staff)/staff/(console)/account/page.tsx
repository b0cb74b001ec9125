import type { Metadata } from "next";
import { signOutEverywhereAction } from "@/lib/actions/staff";
import { requireStaff } from "@/lib/auth/staff";
import { PasswordSetting } from "./_components/password-setting";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const caller = await requireStaff("viewer");
  return (
    <section aria-labelledby="account-heading" className="max-w-xl space-y-6">
      <h1 id="account-heading" className="font-serif text-3xl font-bold">
        Your account
      </h1>
      <p>
        Signed in as <strong>{caller.email}</strong>, {caller.role}.
      </p>
      <PasswordSetting />
      <form action={signOutEverywhereAction} className="space-y-2">
        <h2 className="font-serif text-xl font-semibold">Lost a device?</h2>
        <p>This ends every session of yours, on every device, this one included.</p>
        <button type="submit" className="button-secondary">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
