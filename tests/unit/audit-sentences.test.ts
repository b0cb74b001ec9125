import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_SENTENCES,
  describeAuditEntry,
  sentenceText,
  type AuditEntryFacts,
} from "@/lib/audit/describe-entry";
import type { AuditSubject } from "@/lib/domain/audit-subjects";

// Every action the app writes to the audit log must read as a sentence. The actions are found in
// the source, not listed here: each `action` an object literal in db/ or lib/ is given, as the type
// checker sees it (a template like `supporter.${change}` is spelled out for each value of `change`),
// so an action added without a sentence fails this test.

const root = fileURLToPath(new URL("../..", import.meta.url));
const ACTION = /^[a-z]+(\.[a-z-]+)+$/;
/** Where an action is passed through from the caller rather than written: its callers are read instead. */
const PASS_THROUGH = ["db/queries/content-save.ts"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path.join(root, file)] : [];
  });
}

const literalsOf = (type: ts.Type): string[] | null => {
  const members = type.isUnion() ? type.types : [type];
  return members.every((member) => member.isStringLiteral())
    ? members.map((member) => (member as ts.StringLiteralType).value)
    : null;
};

/** The values an expression can have, when the types say; null when it is any string. */
function valuesOf(checker: ts.TypeChecker, node: ts.Expression): string[] | null {
  if (ts.isConditionalExpression(node)) {
    const [yes, no] = [valuesOf(checker, node.whenTrue), valuesOf(checker, node.whenFalse)];
    return yes && no ? [...yes, ...no] : null;
  }
  if (ts.isTemplateExpression(node)) {
    let values: string[] | null = [node.head.text];
    for (const span of node.templateSpans) {
      const inner = literalsOf(checker.getTypeAtLocation(span.expression));
      if (!inner || !values) return null;
      values = values.flatMap((start) => inner.map((value) => `${start}${value}${span.literal.text}`));
    }
    return values;
  }
  return literalsOf(checker.getTypeAtLocation(node));
}

interface Found {
  actions: Set<string>;
  /** Files where an `action` is any string, so its values cannot be read from the types. */
  unknownAt: Set<string>;
}

function findWrittenActions(): Found {
  const files = [...sourceFiles("db"), ...sourceFiles("lib")];
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    baseUrl: root,
    paths: { "@/*": ["./*"] },
  });
  const checker = program.getTypeChecker();
  const found: Found = { actions: new Set(), unknownAt: new Set() };
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      const value = ts.isPropertyAssignment(node)
        ? node.initializer
        : ts.isShorthandPropertyAssignment(node)
          ? node.name
          : null;
      const name = (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name;
      if (value && name && ts.isIdentifier(name) && name.text === "action") {
        const values = valuesOf(checker, value);
        // Other kinds of `action` (a column, a schema) are not strings; any plain string is one to follow.
        const isAnyString = (checker.getTypeAtLocation(value).flags & ts.TypeFlags.String) !== 0;
        if (values === null && isAnyString) found.unknownAt.add(path.relative(root, file));
        for (const action of values ?? []) if (ACTION.test(action)) found.actions.add(action);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

let written: Found;
beforeAll(() => {
  written = findWrittenActions();
}, 120_000);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const PETITION_ID = "0b9f7a52-3c1e-4f7e-9d61-2a8c5e4b7f10";
const SIGNATURE_ID = "6d2e8f14-5a3b-4c9d-8e7f-1a2b3c4d5e6f";

/** A plausible entry for each action, as the code writes it, with nulls where the code may leave them. */
function sampleOf(action: string): AuditEntryFacts {
  const isSupporter = action.startsWith("supporter.") || action.startsWith("comment.");
  const subject: AuditSubject | null = action.startsWith("staff.")
    ? { kind: "staff", id: "u-1", email: "sam@upstand.example" }
    : isSupporter
      ? {
          kind: "signature",
          id: SIGNATURE_ID,
          firstName: "Jane",
          lastInitial: "D",
          isErased: false,
          parentTitle: "Protect children online",
        }
      : action.startsWith("content.figure")
        ? { kind: "figure", id: PETITION_ID, label: "5,894 children identified", slug: "children" }
        : action.startsWith("content.commitment")
          ? {
              kind: "commitment",
              id: PETITION_ID,
              title: "Talk to my school",
              pledgeTitle: "Safer phones",
              pledgeSlug: "safer-phones",
            }
          : action === "counts.reconciled" || action === "supporters.held-list"
            ? null
            : { kind: "petition", id: PETITION_ID, title: "Protect children online", slug: "protect" };
  return {
    action,
    subjectType: action.startsWith("staff.") ? "staff" : "petition",
    subjectId: subject?.id ?? null,
    details: {
      slug: "protect",
      state: null,
      from: "pending",
      to: "rejected",
      reason: "Spam from one address",
      format: "csv",
      isComplete: true,
      optedInOnly: false,
      via: "one-click",
      by: "address",
      value: "203.0.113.7/32",
      byState: { pending: 3, verified: 0 },
      rule: { kind: "petition", slug: "protect", ip: null, from: "2026-11-30T10:00:00.000Z" },
      changes: {
        goal: { before: null, after: 20000 },
        closesAt: { before: "2026-12-31T00:00:00.000Z", after: null },
      },
      item: "children",
      added: { unit: "children", quotedBy: null },
      method: "password",
      email: "sam@upstand.example",
      role: "editor",
      petition: "protect",
      was: "hidden by reports",
      reports: 3,
      checked: 12,
      repaired: 0,
      startedAt: "2026-12-01T03:00:00.000Z",
      page: "first",
      id: PETITION_ID,
      nothing: undefined,
    },
    rowCount: 1204,
    subject,
  };
}

/** Everything a person reads for an entry: the sentence and each labelled detail. */
const readOut = (entry: AuditEntryFacts) => {
  const description = describeAuditEntry(entry);
  return [
    sentenceText(description),
    ...description.details.map(({ label, value }) => `${label}: ${value}`),
  ].join("\n");
};

describe("the audit log's sentences", () => {
  it("finds the actions in the source, spelled out", () => {
    expect(written.actions).toContain("export.supporters");
    expect(written.actions).toContain("supporter.reject");
    expect(written.actions).toContain("staff.sign-out-everywhere");
    expect(written.actions).toContain("staff.sign-in-failed");
    expect(written.actions).toContain("content.commitment.retire");
    expect(written.actions).toContain("comment.keep");
    expect([...written.unknownAt].filter((file) => !PASS_THROUGH.includes(file))).toEqual([]);
  });

  it("has a sentence for every action the app writes", () => {
    const missing = [...written.actions].filter((action) => !Object.hasOwn(AUDIT_SENTENCES, action));
    expect(missing).toEqual([]);
  });

  it("never reads out null, undefined, JSON or a bare id", () => {
    for (const action of [...Object.keys(AUDIT_SENTENCES), "signature.state-change"]) {
      for (const entry of [
        sampleOf(action),
        { ...sampleOf(action), subject: null, details: {}, rowCount: null },
      ]) {
        const words = readOut(entry);
        expect(words, action).not.toMatch(/null|undefined|NaN|\[object|[{}]/);
        expect(words, action).not.toMatch(UUID);
        expect(sentenceText(describeAuditEntry(entry)).length, action).toBeGreaterThan(8);
      }
    }
  });

  it("names the signer by first name and initial, the petition, and the change", () => {
    const description = describeAuditEntry(sampleOf("supporter.reject"));
    expect(sentenceText(description)).toBe(
      "Changed Jane D.’s signature on “Protect children online” from pending to rejected",
    );
    expect(description.sentence.find((part) => part.href)).toEqual({
      text: "Jane D.’s signature",
      href: `/staff/signatures/${SIGNATURE_ID}`,
    });
    expect(description.details).toContainEqual({ label: "Reason", value: "Spam from one address" });
  });

  it("calls an erased supporter an erased supporter, and a pledge taker's page by its kind", () => {
    const entry = sampleOf("supporter.read");
    const signer = entry.subject as Extract<AuditSubject, { firstName: unknown }>;
    const erased = {
      ...entry,
      subjectType: "pledge",
      subject: { ...signer, kind: "pledge-taker" as const, isErased: true, firstName: null },
    };
    const description = describeAuditEntry(erased);
    expect(sentenceText(description)).toBe(
      "Opened an erased supporter’s pledge to “Protect children online”",
    );
    expect(description.sentence.find((part) => part.href)?.href).toBe(
      `/staff/signatures/${SIGNATURE_ID}?kind=pledge`,
    );
  });

  it("counts an export, links its petition and lists its filters in words", () => {
    const description = describeAuditEntry({
      ...sampleOf("export.supporters"),
      details: {
        slug: "protect",
        state: "verified",
        from: "2026-11-01",
        to: null,
        optedInOnly: false,
        format: "csv",
        isComplete: true,
      },
    });
    expect(sentenceText(description)).toBe(
      "Exported 1,204 signatures of the petition “Protect children online” as CSV",
    );
    expect(description.sentence).toContainEqual({
      text: "“Protect children online”",
      href: "/staff/content/petitions/protect",
    });
    expect(description.details).toEqual([
      { label: "Only in state", value: "verified" },
      { label: "Signed from", value: "Nov 1, 2026" },
    ]);
  });

  it("says which comment was kept, on which petition", () => {
    expect(sentenceText(describeAuditEntry(sampleOf("comment.keep")))).toBe(
      "Kept a reported comment by Jane D. on “Protect children online” (3 reports)",
    );
  });

  it("lists a content edit's changes in words", () => {
    const description = describeAuditEntry({ ...sampleOf("content.petition.update") });
    expect(sentenceText(description)).toBe("Edited the petition “Protect children online”: goal, closes");
    expect(description.details).toEqual([
      { label: "Goal", value: "not set → 20,000" },
      { label: "Closes", value: "Dec 31, 2026, 00:00 UTC → not set" },
    ]);
  });

  it("names an API key by its prefix and name, and a keyed call by its route, rows and filters", () => {
    const key = { subjectType: "api-key", subjectId: "k-1", subject: null };
    expect(
      sentenceText(
        describeAuditEntry({
          ...key,
          action: "apikey.create",
          details: { name: "CRM sync", prefix: "upk_AbCd1234", scopes: ["read:petitions", "read:people"] },
          rowCount: null,
        }),
      ),
    ).toBe("Made the API key upk_AbCd1234 “CRM sync” allowed to read:petitions, read:people");
    expect(
      readOut({
        ...key,
        action: "apikey.call",
        details: {
          key: "upk_AbCd1234",
          method: "GET",
          route: "/api/osdi/v1/petitions",
          filters: { page: 2, per_page: 25 },
        },
        rowCount: 25,
      }),
    ).toBe("Called GET /api/osdi/v1/petitions and was sent 25 rows\nPage: 2\nPer page: 25");
  });

  it("reads an action it does not know from its name", () => {
    expect(
      sentenceText(
        describeAuditEntry({ ...sampleOf("signature.state-change"), subject: null, rowCount: null }),
      ),
    ).toBe("Signature state change");
  });
});
