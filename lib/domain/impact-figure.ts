import type { FigureNotation, ReportingMethod } from "@/lib/domain/enums";

export interface FigureValue {
  value: number;
  isLowerBound: boolean;
  notation: FigureNotation;
}

export interface FigureSource {
  period: string;
  reportedBy: string;
  reportedIn: string;
  quotedBy: string | null;
  method: ReportingMethod;
}

/** "5,894", "140,000+", "3.5 million", "25+". */
export function formatFigureValue({ value, isLowerBound, notation }: FigureValue, locale = "en-US"): string {
  const formatted = new Intl.NumberFormat(locale, {
    notation: notation === "compact" ? "compact" : "standard",
    compactDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
  return isLowerBound ? `${formatted}+` : formatted;
}

/** "2017. Reported by Thorn in its 2017 impact report, as quoted by People (2018); self-reported." */
export function describeFigureSource(source: FigureSource): string {
  const quoted = source.quotedBy ? `, as quoted by ${source.quotedBy}` : "";
  return `${source.period}. Reported by ${source.reportedBy} in ${source.reportedIn}${quoted}; ${source.method}.`;
}
