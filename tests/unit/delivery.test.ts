import { describe, expect, it } from "vitest";
import { csvCell, deliveryCsvHeader, deliveryCsvLine } from "@/lib/delivery/csv";
import { deliveryName } from "@/lib/domain/delivery";
import { asOfDate, deliveryPackSchema } from "@/lib/validation/delivery";

describe("a delivery pack's names", () => {
  it("show the first name and the last initial only", () => {
    expect(deliveryName("Ada", "Lovelace")).toBe("Ada L.");
    expect(deliveryName(" Zoë ", "o'neil")).toBe("Zoë O.");
    expect(deliveryName("Дмитрий", "Иванов")).toBe("Дмитрий И.");
    // A letter outside the Basic Multilingual Plane is one initial, not half of one.
    expect(deliveryName("Li", "𠮷田")).toBe("Li 𠮷.");
    expect(deliveryName("Prince", null)).toBe("Prince");
    expect(deliveryName("Cher", "  ")).toBe("Cher");
  });
});

describe("a delivery pack's CSV", () => {
  it("quotes every cell and neutralises formulas", () => {
    expect(csvCell('Say "yes"')).toBe('"Say ""yes"""');
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell(null)).toBe("");
  });

  it("matches its header, with or without comments, and holds no postal code or email", () => {
    const signer = {
      firstName: "Ada",
      lastName: "Lovelace",
      locality: "Texas, United States",
      comment: "Yes.",
    };
    expect(deliveryCsvHeader(true)).toBe("section,name,locality,comment\r\n");
    expect(deliveryCsvLine("Texas", signer, true)).toBe('"Texas","Ada L.","Texas, United States","Yes."\r\n');
    expect(deliveryCsvHeader(false)).toBe("section,name,locality\r\n");
    expect(deliveryCsvLine("Texas", signer, false)).toBe('"Texas","Ada L.","Texas, United States"\r\n');
  });
});

describe("the delivery pack form", () => {
  const valid = {
    petitionId: "6f1c1c2e-8f7a-4b1e-9a3c-0d2b7e4f5a61",
    split: "us-state",
    includesComments: true,
  };

  it("reads the as-of time as UTC, to the minute or the second, and empty as now", () => {
    expect(asOfDate("2026-11-30T12:00")).toEqual(new Date("2026-11-30T12:00:00Z"));
    expect(asOfDate("2026-11-30T12:00:05")).toEqual(new Date("2026-11-30T12:00:05Z"));
    expect(asOfDate("")).toBeNull();
    expect(deliveryPackSchema.safeParse({ ...valid, asOf: "" }).success).toBe(true);
    expect(deliveryPackSchema.safeParse({ ...valid, asOf: "2026-11-30T12:00" }).success).toBe(true);
  });

  it("refuses a time to come, a time it cannot read, and an unknown split", () => {
    const messages = (input: object) =>
      deliveryPackSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ ...valid, asOf: "2999-01-01T00:00" })).toEqual([
      "Choose a time that has passed: a pack lists signatures already confirmed",
    ]);
    expect(messages({ ...valid, asOf: "yesterday" })).toEqual([
      "Give a date and time, or leave it empty for now",
    ]);
    expect(messages({ ...valid, split: "by-city" })).toEqual(["Choose how to group the signers"]);
    expect(messages({ ...valid, petitionId: "x" })).toEqual(["Choose a petition"]);
  });
});
