import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import fences of docs/ARCHITECTURE.md, checked through the project's own ESLint config:
// each forbidden import must be an error at that path, and the allowed ones must pass, so a
// fence that stops firing (a regex typo, a files glob that matches nothing) fails here.

const root = fileURLToPath(new URL("../..", import.meta.url));
const FENCE_RULES = new Set(["no-restricted-imports", "layers/no-db-values-in-client"]);

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the whole config and its plugins, seconds on a busy machine.
  await eslint.lintText("", { filePath: `${root}lib/example.ts` });
}, 120_000);

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages
    .filter((message) => FENCE_RULES.has(message.ruleId ?? ""))
    .map((message) => message.message);
}

const exported = (names: string) => `\nexport const used = [${names}];\n`;

const forbidden: [string, string, string][] = [
  [
    "db/ → lib/ outside lib/domain",
    "db/queries/example.ts",
    `import { clientIp } from "@/lib/http/client-ip";${exported("clientIp")}`,
  ],
  [
    "db/ → lib/ outside lib/domain, relative",
    "db/queries/example.ts",
    `import { siteUrl } from "../../lib/http/site-url";${exported("siteUrl")}`,
  ],
  [
    "db/ → a lib/ type outside lib/domain",
    "db/queries/example.ts",
    `import type { Supported } from "@/lib/signing/supporting";\nexport type T = Supported;\n`,
  ],
  [
    "db/ → components/",
    "db/queries/example.ts",
    `import { Button } from "@/components/ui/button";${exported("Button")}`,
  ],
  ["db/ → app/", "db/seed-example.ts", `import page from "@/app/layout";${exported("page")}`],
  [
    "lib/domain → lib/ outside it",
    "lib/domain/example.ts",
    `import { env } from "@/lib/env";${exported("env")}`,
  ],
  [
    "lib/domain → lib/ outside it, relative",
    "lib/domain/example.ts",
    `import { logError } from "../log";${exported("logError")}`,
  ],
  ["lib/domain → db/", "lib/domain/example.ts", `import { getDb } from "@/db";${exported("getDb")}`],
  [
    "lib/domain → a db/ type",
    "lib/domain/example.ts",
    `import type { Db } from "@/db";\nexport type T = Db;\n`,
  ],
  [
    "lib/domain → components/",
    "lib/domain/example.ts",
    `import { Button } from "@/components/ui/button";${exported("Button")}`,
  ],
  [
    "lib/ → components/",
    "lib/signing/example.ts",
    `import { Button } from "@/components/ui/button";${exported("Button")}`,
  ],
  ["lib/ → app/", "lib/http/example.ts", `import layout from "@/app/layout";${exported("layout")}`],
  [
    "lib/ → db/ outside db/queries",
    "lib/signing/example.ts",
    `import { getDb } from "@/db";${exported("getDb")}`,
  ],
  [
    "lib/ → db/schema values",
    "lib/validation/example.ts",
    `import { supportState } from "@/db/schema/enums";${exported("supportState")}`,
  ],
  [
    "lib/env.ts → lib/ outside lib/domain",
    "lib/env.ts",
    `import { logError } from "@/lib/log";${exported("logError")}`,
  ],
  [
    "app/ → db/ outside db/queries",
    "app/example/page.tsx",
    `import { getDb } from "@/db";${exported("getDb")}`,
  ],
  [
    "components/ → app/",
    "components/ui/example.tsx",
    `import layout from "@/app/layout";${exported("layout")}`,
  ],
  [
    "components/ → db/ values",
    "components/ui/example.tsx",
    `import { listPetitions } from "@/db/queries/petitions";${exported("listPetitions")}`,
  ],
  [
    "a client component → a db/ value",
    "app/example/_components/example-form.tsx",
    `"use client";\nimport { SUPPORT_KINDS } from "@/db/queries/example";${exported("SUPPORT_KINDS")}`,
  ],
  [
    "a client component → db/schema values",
    "app/example/_components/example-form.tsx",
    `"use client";\nimport { supportState } from "@/db/schema/enums";${exported("supportState")}`,
  ],
];

const allowed: [string, string, string][] = [
  [
    "db/ → lib/domain",
    "db/queries/example.ts",
    `import { currentGoal } from "@/lib/domain/goal";${exported("currentGoal")}`,
  ],
  [
    "db/ → lib/domain, relative",
    "db/schema/example.ts",
    `import { STAFF_ROLES } from "../../lib/domain/enums";${exported("STAFF_ROLES")}`,
  ],
  ["db/ → lib/env", "db/example.ts", `import { env } from "@/lib/env";${exported("env")}`],
  [
    "lib/domain → lib/domain",
    "lib/domain/example.ts",
    `import { countryName } from "./countries";${exported("countryName")}`,
  ],
  [
    "lib/env.ts → lib/domain",
    "lib/env.ts",
    `import { STAFF_ROLES } from "@/lib/domain/enums";${exported("STAFF_ROLES")}`,
  ],
  [
    "lib/ → db/queries",
    "lib/signing/example.ts",
    `import { getSupportTarget } from "@/db/queries/supporters";${exported("getSupportTarget")}`,
  ],
  ["lib/ → a db/ type", "lib/signing/example.ts", `import type { Db } from "@/db";\nexport type T = Db;\n`],
  [
    "app/ → db/queries",
    "app/example/page.tsx",
    `import { listPetitions } from "@/db/queries/petitions";${exported("listPetitions")}`,
  ],
  [
    "components/ → lib/",
    "components/ui/example.tsx",
    `import { currentGoal } from "@/lib/domain/goal";${exported("currentGoal")}`,
  ],
  [
    "a client component → a db/ type",
    "app/example/_components/example-form.tsx",
    `"use client";\nimport type { SupportKind } from "@/db/queries/supporters";\nexport type T = SupportKind;\n`,
  ],
  [
    "a client component → a db/ type, inline",
    "components/forms/example.tsx",
    `"use client";\nimport { type SupportKind } from "@/db/queries/supporters";\nexport type T = SupportKind;\n`,
  ],
  [
    "a server component → a db/ value",
    "app/example/_components/example-list.tsx",
    `import { listPetitions } from "@/db/queries/petitions";${exported("listPetitions")}`,
  ],
];

describe("the import fences", () => {
  it.each(forbidden)("refuse %s", async (_name, filePath, code) => {
    expect(await fenceErrors(filePath, code)).not.toEqual([]);
  });

  it.each(allowed)("allow %s", async (_name, filePath, code) => {
    expect(await fenceErrors(filePath, code)).toEqual([]);
  });
});
