import { getTranslations } from "next-intl/server";
import type { FigureSource } from "@/lib/domain/impact-figure";
import type { Locale } from "@/lib/domain/locale";
import { ImpactFigure, type ImpactFigureProps } from "./impact-figure";

type Figure = Omit<ImpactFigureProps, "sourceAnchor" | "locale"> & { slug: string };

export interface ImpactFigureGridProps {
  figures: Figure[];
  /** The cause whose own figures these are, and its site. */
  cause: { name: string; url: string | null };
  /** The reader's language: the figures are written its way. */
  locale: Locale;
}

const originKey = (figure: Omit<FigureSource, "period" | "method"> & { sourceUrl?: string | null }) =>
  JSON.stringify([figure.reportedBy, figure.reportedIn, figure.quotedBy, figure.sourceUrl ?? null]);

/**
 * The cause's figures as cards, then one attribution for the set: whose figures they are, how
 * they were counted, and a numbered list of where each was reported, with links where known. Each
 * card links to its entry, so every figure stays traceable to its source and method.
 */
export async function ImpactFigureGrid({ figures, cause, locale }: ImpactFigureGridProps) {
  const t = await getTranslations({ locale, namespace: "impactFigures" });
  const describeOrigin = (origin: Figure) =>
    origin.quotedBy
      ? t("originQuoted", {
          reportedBy: origin.reportedBy,
          reportedIn: origin.reportedIn,
          quotedBy: origin.quotedBy,
        })
      : t("origin", { reportedBy: origin.reportedBy, reportedIn: origin.reportedIn });
  const origins = [...new Map(figures.map((figure) => [originKey(figure), figure])).values()];
  const anchorOf = (figure: Figure) =>
    `figure-source-${origins.findIndex((o) => originKey(o) === originKey(figure)) + 1}`;
  const allSelfReported = figures.every(
    (figure) => figure.method === "self-reported" && figure.reportedBy === cause.name,
  );
  return (
    <div className="space-y-4">
      <ul className="grid border-b border-line sm:grid-cols-2 sm:gap-4 sm:border-0 lg:grid-cols-3">
        {figures.map(({ slug, ...figure }) => (
          <li key={slug} className="flex">
            <ImpactFigure {...figure} sourceAnchor={anchorOf({ slug, ...figure })} locale={locale} />
          </li>
        ))}
      </ul>
      <div className="max-w-prose text-sm text-muted" data-testid="figure-attribution">
        <p>
          {allSelfReported ? t("allSelfReported", { cause: cause.name }) : t("reportedByOthers")}{" "}
          {t("sources")}
        </p>
        <ol className="mt-1 list-decimal space-y-1 ps-5">
          {origins.map((origin, index) => (
            <li key={originKey(origin)} id={`figure-source-${index + 1}`} className="scroll-mt-24">
              {origin.sourceUrl ? (
                <a href={origin.sourceUrl} rel="noopener noreferrer">
                  {describeOrigin(origin)}
                </a>
              ) : (
                describeOrigin(origin)
              )}
            </li>
          ))}
          {cause.url ? (
            <li>
              {t("causeSite", { cause: cause.name })}{" "}
              <a href={cause.url} rel="noopener noreferrer">
                {new URL(cause.url).host}
              </a>
            </li>
          ) : null}
        </ol>
      </div>
    </div>
  );
}
