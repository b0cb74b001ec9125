// The one rule for free text people type (supporters' names, comments and postal codes, staff
// texts and reasons), stated in docs/API.md ("Text"). Schemas refuse what breaks the rule with a
// plain field error; `normaliseText` is the server step that turns accepted text into what is
// stored. Both live here so the rule is written once.

// Characters no person needs to type and that attackers use: C0 and C1 controls (CR, LF, NUL,
// tab...), format characters (bidi overrides and isolates, zero-width characters, the BOM, the
// soft hyphen), lone surrogates (they do not survive UTF-8), and the Unicode line and paragraph
// separators, which some mail and log readers treat as line breaks.
const REFUSED = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
// A line break as browsers send it: LF, CRLF, or a lone CR from old systems.
const LINE_BREAK = /\r\n?|\n/g;

/** Is this text free of refused characters, on one line (names, titles, postal codes, reasons)? */
export function isCleanLine(value: string): boolean {
  return !REFUSED.test(value);
}

/** Is this text free of refused characters, ordinary line breaks aside (comments, paragraphs)? */
export function isCleanParagraphs(value: string): boolean {
  return !REFUSED.test(value.replace(LINE_BREAK, ""));
}

/**
 * What is stored of a text a schema accepted: Unicode NFC (one encoding per character, so an
 * "é" typed on a Mac and on Windows is the same text, in searches and exports alike), every line
 * break made LF, no space at either end.
 */
export function normaliseText(value: string): string {
  return value.normalize("NFC").replace(LINE_BREAK, "\n").trim();
}
