import fs from "node:fs";
import { expect, it } from "vitest";
import { API_REFERENCE_FILE, apiReferenceMarkdown } from "../../scripts/api-reference";

it("docs/API-REFERENCE.md is what `npm run docs:api` writes from the OpenAPI document", async () => {
  expect(fs.readFileSync(API_REFERENCE_FILE, "utf8")).toBe(await apiReferenceMarkdown());
});
