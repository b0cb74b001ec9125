import { describe, expect, it } from "vitest";
import { describeFigureSource, formatFigureValue } from "@/lib/domain/impact-figure";

describe("formatFigureValue", () => {
  it("groups digits", () => {
    expect(formatFigureValue({ value: 5894, isLowerBound: false, notation: "standard" }, "en")).toBe("5,894");
  });

  it("marks a lower bound with a plus", () => {
    expect(formatFigureValue({ value: 140000, isLowerBound: true, notation: "standard" }, "en")).toBe(
      "140,000+",
    );
  });

  it("writes large round figures in words", () => {
    expect(formatFigureValue({ value: 3500000, isLowerBound: false, notation: "compact" }, "en")).toBe(
      "3.5 million",
    );
  });

  it("writes them in the reader's language, with U.S. digits", () => {
    expect(formatFigureValue({ value: 3500000, isLowerBound: false, notation: "compact" }, "es")).toBe(
      "3.5 millones",
    );
    expect(formatFigureValue({ value: 140000, isLowerBound: true, notation: "standard" }, "es")).toBe(
      "140,000+",
    );
  });
});

describe("describeFigureSource", () => {
  it("says the period, who reported it, where, who relayed it and how", () => {
    expect(
      describeFigureSource({
        period: "2017",
        reportedBy: "Thorn",
        reportedIn: "its 2017 impact report",
        quotedBy: "People (2018)",
        method: "self-reported",
      }),
    ).toBe("2017. Reported by Thorn in its 2017 impact report, as quoted by People (2018); self-reported.");
  });

  it("leaves out the relay when the figure was read at first hand", () => {
    expect(
      describeFigureSource({
        period: "2023",
        reportedBy: "the Office for National Statistics",
        reportedIn: "its annual survey",
        quotedBy: null,
        method: "official statistics",
      }),
    ).toBe("2023. Reported by the Office for National Statistics in its annual survey; official statistics.");
  });
});
