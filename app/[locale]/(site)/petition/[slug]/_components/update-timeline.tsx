import { getTranslations } from "next-intl/server";
import { Paragraphs } from "@/components/layout/paragraphs";
import type { PublicPetitionUpdate } from "@/db/queries/petition-updates";
import { inFallback } from "@/lib/domain/fallback-language";
import type { Locale } from "@/lib/domain/locale";
import { dayInWords, KIND_KEYS } from "@/lib/domain/petition-updates";

/**
 * What staff have posted since the petition reached its target (delivered, a response, a
 * hearing), newest first: an ordered list, each entry dated with a <time> element. The fixed
 * words are in the page's language; staff's text as written, or translated where it is.
 */
export async function UpdateTimeline({
  updates,
  locale,
}: {
  updates: PublicPetitionUpdate[];
  locale: Locale;
}) {
  if (updates.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "petitionUpdates" });
  return (
    <section aria-labelledby="updates-heading" className="space-y-3" data-testid="petition-updates">
      <h2 id="updates-heading" className="font-serif text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ol className="space-y-6 border-l-2 border-line pl-4">
        {updates.map((update) => (
          <li key={update.id} className="min-w-0 space-y-1">
            <p className="text-sm">
              <span className="font-semibold">{t(`kinds.${KIND_KEYS[update.kind]}`)}</span>
              {" · "}
              <time dateTime={update.happenedOn}>{dayInWords(update.happenedOn, locale)}</time>
            </p>
            <h3 className="break-words font-serif text-xl font-semibold" {...inFallback(update, "title")}>
              {update.title}
            </h3>
            {update.hearingOn ? (
              <p className="font-semibold">
                {t.rich("hearingOn", {
                  date: dayInWords(update.hearingOn, locale),
                  time: (chunks) => <time dateTime={update.hearingOn!}>{chunks}</time>,
                })}
              </p>
            ) : null}
            <Paragraphs text={update.body} className="break-words" {...inFallback(update, "body")} />
          </li>
        ))}
      </ol>
    </section>
  );
}
