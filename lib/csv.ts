/**
 * CSV that is safe to open in a spreadsheet. RFC 4180 quoting, and a cell that starts with
 * = + - @ tab or carriage return gets a leading apostrophe, so that a signer who types a formula
 * as their name cannot make the export run it on a member of staff's computer (OWASP's advice
 * on CSV injection).
 */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: (string | number | boolean | Date | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
