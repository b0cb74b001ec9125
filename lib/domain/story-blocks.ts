export type StoryBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "quote"; text: string; attribution: string | null };

const QUOTE_ATTRIBUTION = /\s+—\s+(?<attribution>[^—]+)$/;

/**
 * Splits a story page's plain-text body into blocks: paragraphs separated by blank lines,
 * "## " subheadings, and "> " quotations whose attribution follows a final " — ".
 */
export function parseStoryBody(body: string): StoryBlock[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block): StoryBlock => {
      if (block.startsWith("## ")) return { kind: "heading", text: block.slice(3).trim() };
      if (block.startsWith("> ")) {
        const quote = block
          .split("\n")
          .map((line) => line.replace(/^>\s?/, ""))
          .join(" ")
          .trim();
        const match = QUOTE_ATTRIBUTION.exec(quote);
        return match?.groups
          ? {
              kind: "quote",
              text: quote.slice(0, match.index).trim(),
              attribution: match.groups.attribution!.trim(),
            }
          : { kind: "quote", text: quote, attribution: null };
      }
      return { kind: "paragraph", text: block.replace(/\s*\n\s*/g, " ") };
    });
}
