import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEMO_CAMPAIGN,
  DEMO_COMMITMENTS,
  DEMO_FIGURES,
  DEMO_PETITION,
  DEMO_PLEDGE,
} from "@/db/demo-campaign";
import { DEMO_STORY } from "@/db/demo-story";
import { HELP_RESOURCES } from "@/lib/content/help-resources";
import englishMessages from "@/messages/en.json";

// The petition is to the U.S. Congress: what visitors, supporters and staff read (pages, emails)
// is spelled as Americans spell it.
// British forms a reader would notice; code comments may keep theirs.
const BRITISH =
  /\b(?:(?:organis|recognis|realis|prioritis|apologis|authoris|minimis|maximis|categoris|summaris|specialis|criticis|memoris|personalis|standardis|utilis|visualis|finalis|mobilis|emphasis|sympathis)(?:e|es|ed|ing|ation|ations)|colours?|colourful|behaviours?|favour(?:s|ite|ites)?|honours?|labours?|neighbours?|centres?|theatres?|licence|defence|offence|programmes?|travelled|travelling|cancelled|cancelling|labelled|labelling|modelled|enrolment|judgement|whilst|amongst)\b/gi;

const britishIn = (text: string) => [...text.matchAll(BRITISH)].map((match) => match[0]);

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// What a visitor can read in a file: everything but its comments.
const withoutComments = (source: string) =>
  source.replace(/\{?\/\*[\s\S]*?\*\/\}?/g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("American spelling in what people read", () => {
  it("finds British spellings, so the checks below can fail", () => {
    expect(britishIn("support the organisations that build; someone's behaviour")).toEqual([
      "organisations",
      "behaviour",
    ]);
    expect(britishIn("the organizations; aria-labelledby; getFulfilment")).toEqual([]);
  });

  it("the seeded demo campaign, the help resources and the English messages", () => {
    const seeded = strings([
      DEMO_CAMPAIGN,
      DEMO_FIGURES,
      DEMO_PETITION,
      DEMO_PLEDGE,
      DEMO_COMMITMENTS,
      DEMO_STORY,
      HELP_RESOURCES,
      englishMessages,
    ]);
    expect(seeded.flatMap(britishIn)).toEqual([]);
  });

  it("the pages, the components they use, and the emails", () => {
    const found = ["app", "components", "lib/mail"]
      .flatMap((entry) => sourceFiles(entry))
      .flatMap((file) =>
        britishIn(withoutComments(fs.readFileSync(file, "utf8"))).map((word) => `${file}: ${word}`),
      );
    expect(found).toEqual([]);
  });
});
