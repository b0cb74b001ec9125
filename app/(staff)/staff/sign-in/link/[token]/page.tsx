import type { Metadata } from "next";
import { Notice } from "@/components/layout/notice";
import { signInWithLinkAction } from "@/lib/actions/staff-auth";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Opening the link changes nothing (mail scanners open links): the button signs in.
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <Notice title="Sign in to Upstand">
      <form action={signInWithLinkAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button-primary">
          Sign in
        </button>
      </form>
    </Notice>
  );
}
