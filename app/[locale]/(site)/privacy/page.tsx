import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import {
  CLOSED_PETITION_RETENTION_MONTHS,
  IP_RETENTION_DAYS,
  PRIVACY_NOTICE_VERSION,
  UNCONFIRMED_RETENTION_DAYS,
} from "@/lib/domain/privacy";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  return {
    ...{
      title: "Privacy",
      description: "What this campaign collects when you sign, why, for how long, and how to withdraw.",
    },
    alternates: languageAlternates(localeOf((await params).locale), "/privacy"),
  };
}

const COLLECTED = [
  [
    "Your first and last name",
    "to show decision-makers that a real person signed, and on the page if you choose",
  ],
  [
    "Your email address",
    "to confirm that the signature is yours, and to let you withdraw it; never shown to anyone",
  ],
  [
    "Your country and postal code",
    "so decision-makers can see where signers live; if you choose to be shown, only your state, province or country appears beside your name, never your postal code",
  ],
  [
    "Your comment, if you write one",
    "shown with your name only if you choose to be shown; the campaign's staff may hold it back until they have read it, or remove it",
  ],
  [
    "Your two choices",
    "whether to show your name publicly, and whether to hear about this campaign; both off unless you tick them",
  ],
  [
    "Your IP address and the time",
    `to stop one person signing many times; erased after ${IP_RETENTION_DAYS} days`,
  ],
] as const;

export default function PrivacyPage() {
  return (
    <div className="max-w-prose space-y-4 text-lg">
      <h1 className="font-serif text-4xl font-bold tracking-tight">Privacy</h1>
      <p>When you sign the petition or take the pledge, we collect only what the signature needs.</p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">What we collect, and why</h2>
      <dl className="space-y-3">
        {COLLECTED.map(([what, why]) => (
          <div key={what}>
            <dt className="font-semibold">{what}</dt>
            <dd>{why}</dd>
          </div>
        ))}
      </dl>
      <h2 className="pt-4 font-serif text-2xl font-semibold">How long we keep it</h2>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          A signature that is never confirmed is deleted {UNCONFIRMED_RETENTION_DAYS} days after it was made.
        </li>
        <li>IP addresses are erased {IP_RETENTION_DAYS} days after signing.</li>
        <li>
          If you report a comment, we keep a one-way fingerprint of your address (never the address itself) so
          that each person counts once, until staff have decided on the comment and for at most{" "}
          {IP_RETENTION_DAYS} days.
        </li>
        <li>
          Names, email addresses and postal codes are erased {CLOSED_PETITION_RETENTION_MONTHS} months after
          the petition closes. The number of signatures remains; nothing in it identifies you.
        </li>
      </ul>
      <h2 className="pt-4 font-serif text-2xl font-semibold">Who sees it</h2>
      <p>
        The campaign&apos;s staff, and only those whose role allows it; every time staff look at or export
        signers&apos; details, it is logged. Signatures are delivered to the decision-makers the petition is
        addressed to. We never sell your details or share them with anyone else.
      </p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">Changing your mind</h2>
      <p>
        The confirmation email has a link to withdraw your signature: it is taken out of the total at once.
        You can also ask the campaign, by replying to any of its emails, to erase your details entirely.
      </p>
      <p className="text-sm text-muted">Privacy notice version {PRIVACY_NOTICE_VERSION}.</p>
    </div>
  );
}
