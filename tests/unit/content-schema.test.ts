import { describe, expect, it } from "vitest";
import { closingTimeField, impactFigureContent, petitionContent } from "@/lib/content/content-input";
import { slugFromTitle } from "@/lib/domain/content";
import { impactFigureSchema, newImpactFigureSchema, petitionContentSchema } from "@/lib/validation/content";

const petition = {
  title: "Make it a priority",
  target: "Members of Congress",
  ask: "Fund the investigators.",
  background: "First.\r\n\r\nSecond.",
  goal: "",
  isOpen: true,
  closesAt: "",
  reviewsComments: false,
  publishesOpenCounts: false,
};

const figure = {
  value: "140,000",
  isLowerBound: true,
  notation: "standard",
  unit: "people",
  counts: "people encouraged to get help",
  period: "2017",
  reportedBy: "Thorn",
  reportedIn: "its 2017 impact report",
  quotedBy: "",
  sourceUrl: "",
  method: "self-reported",
  sortOrder: "4",
};

function errors(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("petitionContentSchema", () => {
  it("accepts a blank goal (automatic) and a blank closing time", () => {
    expect(errors(petitionContentSchema, petition)).toEqual({});
  });

  it("says what is wrong with a goal, a closing time or a missing title", () => {
    expect(
      errors(petitionContentSchema, { ...petition, title: "  ", goal: "0", closesAt: "2026-02-30T12:00" }),
    ).toEqual({
      title: "Enter the title",
      goal: "Enter a whole number of at least 1, like 10,000, or leave it blank for the automatic goal",
      closesAt: "Enter a date and time like 2026-05-01 12:00, or leave it blank",
    });
    expect(errors(petitionContentSchema, { ...petition, goal: "ten thousand" })).toHaveProperty("goal");
    expect(errors(petitionContentSchema, { ...petition, title: "Two\nlines" })).toEqual({
      title: "Keep the title to one line, without special characters",
    });
  });
});

describe("petitionContent", () => {
  it("stores typed numbers as numbers, blanks as null, closing times as UTC, and LF line ends", () => {
    expect(petitionContent({ ...petition, goal: "12,500", closesAt: "2026-05-01T12:00" })).toEqual({
      title: "Make it a priority",
      target: "Members of Congress",
      ask: "Fund the investigators.",
      background: "First.\n\nSecond.",
      goal: 12500,
      isOpen: true,
      closesAt: new Date("2026-05-01T12:00:00Z"),
      reviewsComments: false,
      publishesOpenCounts: false,
    });
    expect(petitionContent(petition).goal).toBeNull();
    expect(closingTimeField(new Date("2026-05-01T12:00:00Z"))).toBe("2026-05-01T12:00");
  });
});

describe("impactFigureSchema", () => {
  it("accepts a figure with its attribution", () => {
    expect(errors(impactFigureSchema, figure)).toEqual({});
    expect(impactFigureContent(impactFigureSchema.parse(figure))).toMatchObject({
      value: 140000,
      quotedBy: null,
      sourceUrl: null,
      sortOrder: 4,
    });
  });

  it("refuses a figure without who reported it, where, or for when", () => {
    expect(errors(impactFigureSchema, { ...figure, period: "", reportedBy: " ", reportedIn: "" })).toEqual({
      period: "Enter the year or period the figure covers, like 2017",
      reportedBy: "Enter who reported the figure",
      reportedIn: "Enter where it was reported, like its 2017 impact report",
    });
  });

  it("takes only web addresses as a source link", () => {
    expect(errors(impactFigureSchema, { ...figure, sourceUrl: "javascript:alert(1)" })).toEqual({
      sourceUrl: "Enter a web address starting with https://, or leave it blank",
    });
    expect(errors(impactFigureSchema, { ...figure, sourceUrl: "https://www.thorn.org/impact" })).toEqual({});
  });

  it("asks a new figure for a short name that story pages can use", () => {
    expect(errors(newImpactFigureSchema, { ...figure, slug: "Help Seekers" })).toEqual({
      slug: "Use lower-case letters, digits and hyphens, like teens-educated",
    });
  });
});

describe("slugFromTitle", () => {
  it("makes a readable slug from a commitment's title", () => {
    expect(slugFromTitle("Ask my school, club or workplace — if 100 others will")).toBe(
      "ask-my-school-club-or-workplace-if-100-others-will",
    );
    expect(slugFromTitle("Écrire à mon député")).toBe("ecrire-a-mon-depute");
    expect(slugFromTitle("!!!")).toBe("commitment");
  });
});
