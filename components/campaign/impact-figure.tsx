import { getTranslations } from "next-intl/server";
import type { ReportingMethod } from "@/lib/domain/enums";
import {
  formatFigureValue,
  isYearPeriod,
  type FigureSource,
  type FigureValue,
} from "@/lib/domain/impact-figure";
import type { Locale } from "@/lib/domain/locale";
import { inFallback } from "@/lib/domain/fallback-language";
import type { TranslatableField } from "@/lib/domain/translations";

export interface ImpactFigureProps extends FigureValue, FigureSource {
  counts: string;
  /** Its words shown in English for want of a translation. */
  untranslated?: readonly TranslatableField<"figure">[];
  sourceUrl?: string | null;
  /** The anchor of this figure's entry in the set's list of sources. */
  sourceAnchor: string;
  locale: Locale;
}

const METHOD_KEYS: Record<ReportingMethod, string> = {
  "self-reported": "selfReported",
  "independently audited": "independentlyAudited",
  "official statistics": "officialStatistics",
};

/**
 * A figure the cause reported about itself, read at a glance: the number, what it counts and the
 * year it was reported for. Its full source and method are one tap away, and in the set's list.
 */
export async function ImpactFigure(props: ImpactFigureProps) {
  const t = await getTranslations({ locale: props.locale, namespace: "impactFigures" });
  const period = props.period.trim();
  const source = {
    period,
    reportedBy: props.reportedBy,
    reportedIn: props.reportedIn,
    quotedBy: props.quotedBy ?? "",
    method: t(`methods.${METHOD_KEYS[props.method]}`),
  };
  return (
    <figure
      className="grid w-full grid-cols-[7rem_minmax(0,1fr)] gap-x-3 border-t border-line py-3 sm:flex sm:flex-col sm:rounded-xl sm:border sm:bg-panel sm:p-4"
      data-testid="impact-figure"
    >
      <p className="font-serif text-2xl leading-tight font-bold tracking-tight text-accent tabular-nums sm:text-3xl">
        {formatFigureValue(props, props.locale)}
      </p>
      <div className="flex flex-col sm:contents">
        <p className="sm:mt-1" {...inFallback(props, "counts")}>
          {props.counts}
        </p>
        <figcaption className="mt-1 text-sm text-muted sm:mt-auto sm:pt-3">
          <details>
            <summary className="cursor-pointer">
              <span className="font-semibold">
                {t(isYearPeriod(period) ? "periodYear" : "periodWords", { period })}
              </span>{" "}
              · {t("source")}
            </summary>
            <p className="mt-1">
              {t(props.quotedBy ? "sourceTextQuoted" : "sourceText", source)}{" "}
              <a href={`#${props.sourceAnchor}`}>{t("seeSources")}</a>
              {props.sourceUrl ? (
                <>
                  {" · "}
                  <a href={props.sourceUrl} rel="noopener noreferrer">
                    {t("readSource")}
                  </a>
                </>
              ) : null}
            </p>
          </details>
        </figcaption>
      </div>
    </figure>
  );
}
