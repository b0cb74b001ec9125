import fs from "node:fs";
import { apiReferenceMarkdown, API_REFERENCE_FILE } from "./api-reference";

// `npm run docs:api`: writes docs/API-REFERENCE.md from the OpenAPI document.
// tests/unit/openapi-reference.test.ts fails when the file is not what this writes.
fs.writeFileSync(API_REFERENCE_FILE, await apiReferenceMarkdown());
console.log(`Wrote ${API_REFERENCE_FILE}`);
