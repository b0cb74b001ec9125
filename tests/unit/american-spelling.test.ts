import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The petition is to the U.S. Congress: what supporters, visitors and staff read is in American
// spelling. Checked in the words people read (string literals and markup), not in code comments.
const READ_BY_PEOPLE = [
  "db/demo-campaign.ts",
  "db/demo-story.ts",
  "lib/content/help-resources.ts",
  "app/[locale]/(site)/help/page.tsx",
  "lib/mail/messages.ts",
  "lib/mail/layout.ts",
];
const BRITISH =
  /\b\w*(organis|recognis|apologis|prioritis|behaviour|colour|favour|neighbour|licence|centre\b)\w*/gi;

/** The file without its comments: lines that start a // or a block comment's line. */
const withoutComments = (source: string) =>
  source
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line) && !/^\s*\{\/\*/.test(line))
    .join("\n");

describe("American spelling", () => {
  it.each(READ_BY_PEOPLE)("%s", (file) => {
    expect(withoutComments(fs.readFileSync(file, "utf8")).match(BRITISH) ?? []).toEqual([]);
  });
});
