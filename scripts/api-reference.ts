import prettier from "prettier";
import { openApiDocument } from "@/lib/openapi/document";
import { openApiReference } from "@/lib/openapi/reference";

export const API_REFERENCE_FILE = "docs/API-REFERENCE.md";

/** docs/API-REFERENCE.md as it should be, formatted as prettier checks docs. */
export async function apiReferenceMarkdown(): Promise<string> {
  const options = await prettier.resolveConfig(API_REFERENCE_FILE);
  return prettier.format(openApiReference(openApiDocument()), { ...options, filepath: API_REFERENCE_FILE });
}
