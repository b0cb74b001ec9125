import { describe, expect, it } from "vitest";
import { HISTORY_INTERVAL_MESSAGE, historyQuerySchema } from "@/lib/validation/open-counts";

describe("historyQuerySchema", () => {
  it("takes hour or day", () => {
    expect(historyQuerySchema.parse({ interval: "hour" })).toEqual({ interval: "hour" });
    expect(historyQuerySchema.parse({ interval: "day" })).toEqual({ interval: "day" });
  });

  it("refuses anything else, in one plain sentence", () => {
    for (const interval of [undefined, "", "week", "HOUR", " day", ["day"], 1, "__proto__"]) {
      const result = historyQuerySchema.safeParse({ interval });
      expect(result.success, String(interval)).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([HISTORY_INTERVAL_MESSAGE]);
    }
  });
});
