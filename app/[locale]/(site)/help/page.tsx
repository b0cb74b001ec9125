import type { Metadata } from "next";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { HelpResourceList } from "@/components/layout/help-resource-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/help">): Promise<Metadata> {
  return {
    ...{
      title: "Help and reporting",
      description:
        "Where to report child sexual abuse material, get an image taken down, or talk to someone now.",
    },
    alternates: languageAlternates(localeOf((await params).locale), "/help"),
  };
}

export default function HelpPage() {
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-bold tracking-tight">Help and reporting</h1>
        <p className="max-w-prose text-lg">
          If a child is in immediate danger, call 911 (or your local emergency number) now. For everything
          else, these services can help. They are free and confidential.
        </p>
      </header>
      <HelpResourceList />
      <section aria-labelledby="good-to-know" className="max-w-prose space-y-3">
        <h2 id="good-to-know" className="font-serif text-2xl font-semibold">
          Good to know
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            Never download, forward or share abuse material, not even to report it. Report where you saw it,
            and the hotline will take it from there.
          </li>
          <li>
            If someone is pressuring a young person for images, it is not the young person&apos;s fault. Take
            It Down can help remove images shared online, and the CyberTipline takes reports of sextortion.
          </li>
          <li>
            The Leave quickly button at the top of every page opens a weather site in place of this one. It
            does not clear your browser history; a private window leaves no history at all.
          </li>
        </ul>
        <p className="text-sm text-muted">
          Numbers and addresses are for the United States unless marked, and were checked when this campaign
          was set up; each organization&apos;s own site has the latest.
        </p>
      </section>
    </div>
  );
}
