import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, describe, expect, it, vi } from "vitest";
import { describeError, installLogRedaction, isDatabaseError, logError } from "@/lib/log";

// What a unique violation looks like when recording a supporter: drizzle's error, with the
// query's parameters, around Postgres's, whose detail quotes the email.
function uniqueViolation() {
  const cause = Object.assign(
    new Error('duplicate key value violates unique constraint "signatures_email_key"'),
    {
      name: "DatabaseError",
      code: "23505",
      severity: "ERROR",
      constraint: "signatures_email_key",
      detail: "Key (email_canonical)=(ada.secret@example.org) already exists.",
    },
  );
  return new DrizzleQueryError(
    "insert into signatures values ($1, $2, $3)",
    ["Ada", "ada.secret@example.org", "198.51.100.7"],
    cause,
  );
}

const PERSONAL = /Ada|ada\.secret|198\.51\.100\.7|email_canonical/;

describe("logging errors", () => {
  const printed: string[] = [];
  const spy = vi
    .spyOn(console, "error")
    .mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  afterAll(() => spy.mockRestore());

  it("names a database error by its kinds, code and constraint, and where it was thrown, never its parameters or detail", () => {
    const error = uniqueViolation();
    expect(isDatabaseError(error)).toBe(true);
    const text = describeError(error);
    expect(text.split("\n")[0]).toBe("failed query < database error 23505 (constraint signatures_email_key)");
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toMatch(PERSONAL);
  });

  it("logs the scope, and no message, of any error", () => {
    printed.length = 0;
    logError("recordSupport", uniqueViolation());
    let parseError: unknown;
    try {
      JSON.parse("ada.secret@example.org");
    } catch (error) {
      parseError = error;
    }
    logError("reading a body", parseError);
    expect(printed[0]).toMatch(/^\[recordSupport\] failed: failed query < database error 23505/);
    expect(printed[1]).toMatch(/^\[reading a body\] failed: SyntaxError/);
    expect(printed.join("\n")).not.toMatch(PERSONAL);
  });

  it("redacts what other code prints to the console, once installed", () => {
    installLogRedaction();
    installLogRedaction();
    printed.length = 0;
    console.error("a page failed", uniqueViolation());
    console.error({ error: uniqueViolation() });
    console.error("Failed query: select 1\nparams: ada.secret@example.org");
    console.error("an ordinary line", 42);
    expect(printed).toHaveLength(4);
    expect(printed[0]).toMatch(/^a page failed \[database error\] failed query < database error 23505/);
    expect(printed.slice(0, 3).join("\n")).not.toMatch(PERSONAL);
    expect(printed[3]).toBe("an ordinary line 42");
  });
});
