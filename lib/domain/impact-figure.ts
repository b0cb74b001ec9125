import type { FigureNotation, ReportingMethod } from "@/lib/domain/enums";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

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

/** "5,894", "140,000+", "3.5 million", "25+"; in Spanish "3.5 millones". */
export function formatFigureValue({ value, isLowerBound, notation }: FigureValue, locale: Locale): string {
  const formatted = formatNumber(value, locale, {
    notation: notation === "compact" ? "compact" : "standard",
    compactDisplay: "long",
    maximumFractionDigits: 1,
  });
  return isLowerBound ? `${formatted}+` : formatted;
}

/** "2017. Reported by Thorn in its 2017 impact report, as quoted by People (2018); self-reported." */
export function describeFigureSource(source: FigureSource): string {
  const quoted = source.quotedBy ? `, as quoted by ${source.quotedBy}` : "";
  return `${source.period}. Reported by ${source.reportedBy} in ${source.reportedIn}${quoted}; ${source.method}.`;
}

/** True for a period that is a year ("2017"), false for one said in words ("as of 2018"). */
export function isYearPeriod(period: string): boolean {
  return /^\d{4}$/.test(period.trim());
}

/** "Reported for 2017" for a year; "Reported as of 2018" for a period said in words. */
export function describeFigurePeriod(period: string): string {
  return isYearPeriod(period) ? `Reported for ${period.trim()}` : `Reported ${period.trim()}`;
}
