import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import Link from "next/link";

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  return {
    ...{
      title: "About",
      description: "What Upstand is, who this campaign is by, and where its figures come from.",
    },
    alternates: languageAlternates(localeOf((await params).locale), "/about"),
  };
}

export default function AboutPage() {
  return (
    <div className="max-w-prose space-y-4 text-lg">
      <h1 className="font-serif text-4xl font-bold tracking-tight">About Upstand</h1>
      <p>
        Upstand is open-source software for advocacy campaigns: story pages that explain a cause, petitions
        and pledges that people sign, and live totals that count each confirmed signature once.
      </p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">This campaign</h2>
      <p>
        The campaign on this site is Upstand&apos;s demonstration campaign. It is written from a 2018 article
        in People magazine about Thorn, the nonprofit that builds technology against child sexual
        exploitation. It is not run by Thorn, and Thorn has not endorsed it.
      </p>
      <p>
        The figures about Thorn&apos;s work are Thorn&apos;s own, from its 2017 impact report as quoted by
        People. Each is shown with what it counts, the year it covers and where it was reported. The live
        counts are different: they count signatures and pledges made on this site, once each, when their
        owners confirm them by email.
      </p>
      <h2 className="pt-4 font-serif text-2xl font-semibold">How we write about this subject</h2>
      <p>
        The story pages describe no abuse in detail. A content note comes before the story, the Leave quickly
        button is on every page, and help and reporting lines are at the foot of every page and on the{" "}
        <Link href="/help">help page</Link>.
      </p>
      <p>
        What we collect when you sign, and how long we keep it, is on the{" "}
        <Link href="/privacy">privacy page</Link>.
      </p>
    </div>
  );
}
