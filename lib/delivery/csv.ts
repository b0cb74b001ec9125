import { deliveryName } from "@/lib/domain/delivery";

// The pack's CSV: the same rows as its PDF, for people who sort or count them in a spreadsheet.

/** So that spreadsheet programs read the file as UTF-8 (names like Zoë or 佐藤 stay intact). */
export const CSV_BOM = "\uFEFF";

export function deliveryCsvHeader(includesComments: boolean): string {
  return (includesComments ? "section,name,locality,comment" : "section,name,locality") + "\r\n";
}

/**
 * One cell, always quoted (RFC 4180); one that starts with = + - @ tab or carriage return gets a
 * leading apostrophe so a spreadsheet never runs it as a formula (as in the export, db/queries/exports.ts).
 */
export function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const quoted = value.replaceAll('"', '""');
  return /^[=+\-@\t\r]/.test(value) ? `"'${quoted}"` : `"${quoted}"`;
}

export function deliveryCsvLine(
  section: string,
  signer: {
    firstName: string | null;
    lastName: string | null;
    locality: string | null;
    comment: string | null;
  },
  includesComments: boolean,
): string {
  const cells = [section, deliveryName(signer.firstName, signer.lastName), signer.locality];
  if (includesComments) cells.push(signer.comment);
  return cells.map(csvCell).join(",") + "\r\n";
}
