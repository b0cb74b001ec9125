import { describe, expect, it } from "vitest";
import { formatClosingTime } from "@/lib/domain/closing-time";
import { formatDate, formatDateTime, formatNumber } from "@/lib/domain/format";

const MAY_DAY = new Date("2026-05-01T16:00:00Z");

describe("numbers in the reader's language", () => {
  it("groups digits with commas in English and in U.S. Spanish", () => {
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatNumber(12345, "es")).toBe("12,345");
    expect(formatNumber(1234.5, "es")).toBe("1,234.5");
  });

  it("takes Intl's options, such as a percentage", () => {
    expect(formatNumber(0.25, "en", { style: "percent" })).toBe("25%");
    expect(formatNumber(0.25, "es", { style: "percent" })).toBe("25%");
  });

  it("writes large round numbers in the reader's words", () => {
    const compact = { notation: "compact", compactDisplay: "long" } as const;
    expect(formatNumber(3_000_000, "en", compact)).toBe("3 million");
    expect(formatNumber(3_000_000, "es", compact)).toBe("3 millones");
  });
});

describe("dates in the reader's language", () => {
  it("names the month in the reader's language", () => {
    expect(formatDate(MAY_DAY, "en", { dateStyle: "long", timeZone: "UTC" })).toBe("May 1, 2026");
    expect(formatDate(MAY_DAY, "es", { dateStyle: "long", timeZone: "UTC" })).toBe("1 de mayo de 2026");
    expect(formatDate(MAY_DAY, "es", { month: "long", day: "numeric", timeZone: "UTC" })).toBe("1 de mayo");
  });

  it("writes a moment in the zone it is given, not the machine's", () => {
    expect(formatDateTime(MAY_DAY, "en", { timeZone: "America/New_York" })).toBe("May 1, 2026 at 12:00 PM");
    expect(formatDateTime(MAY_DAY, "es", { timeZone: "America/New_York" })).toBe(
      "1 de mayo de 2026 a las 12:00 p.m.",
    );
  });

  it("shows a closing time in UTC, in the reader's language", () => {
    expect(formatClosingTime(MAY_DAY, "en")).toBe("May 1, 2026 at 4:00 PM UTC");
    expect(formatClosingTime(MAY_DAY, "es")).toBe("1 de mayo de 2026 a las 4:00 p.m. UTC");
  });
});
