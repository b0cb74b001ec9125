import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/csv";

describe("CSV cells", () => {
  it("neutralise anything a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell("+1+1")).toBe(`"'+1+1"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tTab")).toBe(`"'\tTab"`);
    expect(csvCell("\rReturn")).toBe(`"'\rReturn"`);
  });

  it("quote separators, quotes and line breaks, and leave plain text and numbers alone", () => {
    expect(csvCell("Lovelace, Ada")).toBe('"Lovelace, Ada"');
    expect(csvCell('She said "no"')).toBe('"She said ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("Zoë")).toBe("Zoë");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-25T10:00:00Z"))).toBe("2026-11-25T10:00:00.000Z");
  });

  it("end each row with CRLF", () => {
    expect(csvRow(["a", 1, true, null])).toBe("a,1,true,\r\n");
  });
});
