import { describeFigureOrigin, type FigureSource } from "@/lib/domain/impact-figure";
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
export function ImpactFigureGrid({ figures, cause, locale }: ImpactFigureGridProps) {
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
          {allSelfReported
            ? `All of these are ${cause.name}'s own figures about its work, self-reported: not independent counts, and not counts of this campaign.`
            : "These figures were reported by the organizations named in their sources: not counts of this campaign."}{" "}
          Sources:
        </p>
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {origins.map((origin, index) => (
            <li key={originKey(origin)} id={`figure-source-${index + 1}`} className="scroll-mt-24">
              {origin.sourceUrl ? (
                <a href={origin.sourceUrl} rel="noopener noreferrer">
                  {describeFigureOrigin(origin)}
                </a>
              ) : (
                describeFigureOrigin(origin)
              )}
            </li>
          ))}
          {cause.url ? (
            <li>
              {cause.name}&apos;s own site:{" "}
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
