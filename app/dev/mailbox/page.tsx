import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { listMailbox } from "@/db/queries/outbox";
import { clientIp, isLoopback } from "@/lib/http/client-ip";
import { devMailboxMode, env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mailbox (development)", robots: { index: false } };

/** Every email the app has written, for a local install with no mail server. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const config = env();
  const mode = devMailboxMode(config);
  // Anyone who can read this page can confirm any signature and sign in as any member of staff.
  if (
    mode === "off" ||
    (mode === "loopback" && !isLoopback(clientIp(await headers(), config.TRUSTED_PROXY_HEADER)))
  )
    notFound();
  const { q } = await searchParams;
  const messages = await listMailbox(typeof q === "string" && q.trim() ? q.trim() : null);
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <p className="text-sm">
        No mail server is set (SMTP_URL), so email stays here. This page answers only this machine unless
        DEV_MAILBOX is on; see .env.example.
      </p>
      <form className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search by recipient or subject
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q ?? ""}
          placeholder="Recipient or subject"
          className="rounded border px-2 py-1"
        />
        <button type="submit" className="rounded border px-3 py-1">
          Search
        </button>
      </form>
      {messages.length === 0 ? <p>No email yet.</p> : null}
      <ol className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-lg border border-line p-4" data-testid="mail">
            <p className="text-sm">
              To: <span data-testid="mail-to">{message.recipient}</span> · {message.createdAt.toISOString()}
            </p>
            <h2 className="font-semibold" data-testid="mail-subject">
              {message.subject}
            </h2>
            <pre className="mt-2 whitespace-pre-wrap break-all font-sans text-sm" data-testid="mail-body">
              {message.textBody}
            </pre>
            {message.htmlBody ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">HTML version</summary>
                {/* An empty sandbox: the email's HTML runs no script and reaches nothing of this page. */}
                <iframe
                  sandbox=""
                  srcDoc={message.htmlBody}
                  title={`HTML version of: ${message.subject}`}
                  className="mt-2 h-[32rem] w-full rounded border border-line bg-white"
                  data-testid="mail-html"
                />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
