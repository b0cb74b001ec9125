import { describe, expect, it } from "vitest";
import { parseStoryBody } from "@/lib/domain/story-blocks";

describe("parseStoryBody", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(parseStoryBody("One line\nwrapped.\n\nTwo.")).toEqual([
      { kind: "paragraph", text: "One line wrapped." },
      { kind: "paragraph", text: "Two." },
    ]);
  });

  it("reads subheadings", () => {
    expect(parseStoryBody("## What was asked")).toEqual([{ kind: "heading", text: "What was asked" }]);
  });

  it("separates a quotation from its attribution", () => {
    expect(parseStoryBody("> I'm here today. — Ashton Kutcher, testimony (2017)")).toEqual([
      { kind: "quote", text: "I'm here today.", attribution: "Ashton Kutcher, testimony (2017)" },
    ]);
  });

  it("keeps a quotation without attribution whole", () => {
    expect(parseStoryBody("> A line\n> and another")).toEqual([
      { kind: "quote", text: "A line and another", attribution: null },
    ]);
  });

  it("ignores stray blank lines and Windows line ends", () => {
    expect(parseStoryBody("\r\n\r\nA.\r\n\r\n\r\nB.\r\n")).toEqual([
      { kind: "paragraph", text: "A." },
      { kind: "paragraph", text: "B." },
    ]);
  });
});
