import { describe, expect, it } from "vitest";
import { formInput } from "@/lib/signing/form-submission";
import { isCalendarDay, petitionUpdateSchema } from "@/lib/validation/petition-updates";

const PETITION = "7b0c2f0e-4a53-4a8e-9d7e-0c6f0d3c9a11";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries({ petitionId: PETITION, ...fields })) data.set(name, value);
  return formInput(petitionUpdateSchema, data);
};

const errorsOf = (input: unknown) => {
  const parsed = petitionUpdateSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
};

describe("the update form's schema", () => {
  it("takes an update as the form sends it, with the email box ticked", () => {
    const input = form({
      kind: "delivered",
      happenedOn: "2026-11-02",
      title: "We delivered your signatures",
      body: "Handed over today.",
      emailSigners: "on",
    });
    expect(petitionUpdateSchema.parse(input)).toMatchObject({
      kind: "delivered",
      emailSigners: true,
      hearingOn: "",
    });
  });

  it("asks a hearing for the day of the hearing, and refuses dates to come, blanks and long text", () => {
    expect(
      errorsOf(
        form({
          kind: "hearing-scheduled",
          happenedOn: "2999-01-01",
          title: "   ",
          body: "x".repeat(2_001),
        }),
      ),
    ).toEqual({
      happenedOn: "Choose a date that has passed: an update tells what happened",
      title: "Write a title",
      body: "Keep the text to 2000 characters",
      hearingOn: "Give the date of the hearing",
    });
    expect(
      errorsOf(form({ kind: "told-a-friend", happenedOn: "2026-02-30", title: "t", body: "b" })),
    ).toEqual({
      kind: "Choose what happened",
      happenedOn: "Give the date it happened",
    });
  });

  it("knows a real day from a malformed one", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
    expect(isCalendarDay("15/01/2027")).toBe(false);
  });
});
