import { version } from "@/package.json";
import type { PathFamily } from "./operation";
import { commentPaths } from "./paths/comments";
import { healthPaths } from "./paths/health";
import { linkPaths } from "./paths/links";
import { osdiPaths } from "./paths/osdi";
import { osdiReadPaths } from "./paths/osdi-reads";
import { openApiPaths } from "./paths/openapi";
import { openCountPaths } from "./paths/open-counts";
import { integrityPaths } from "./paths/integrity";
import { petitionPaths } from "./paths/petitions";
import { pledgePaths } from "./paths/pledges";
import { webhookPaths } from "./paths/webhooks";

// The OpenAPI 3.1 document of every public and keyed route under app/api, served at
// /api/openapi.json. One module per family of routes under ./paths; a new family adds its module
// here. tests/unit/openapi-routes.test.ts fails when app/api and this document disagree.

const FAMILIES: PathFamily[] = [
  petitionPaths,
  pledgePaths,
  commentPaths,
  linkPaths,
  healthPaths,
  openApiPaths,
  osdiPaths,
  osdiReadPaths,
  webhookPaths,
  openCountPaths,
  integrityPaths,
];

function build() {
  const paths: PathFamily = {};
  for (const family of FAMILIES) {
    for (const [path, operations] of Object.entries(family)) {
      if (paths[path]) throw new Error(`OpenAPI: ${path} is described twice`);
      paths[path] = operations;
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Upstand API",
      version,
      description:
        "Signing, pledging, totals and their live streams, the buttons behind emailed links, reports of comments. " +
        "docs/API.md explains each in words, with the rules no schema can carry.",
      license: { name: "MIT", identifier: "MIT" },
    },
    tags: [
      { name: "petitions" },
      { name: "pledges" },
      { name: "comments" },
      { name: "links", description: "The buttons behind the links in Upstand's emails." },
      { name: "health" },
      { name: "meta" },
      { name: "open counts", description: "Where supporters are and when they signed, for anyone to read." },
      {
        name: "webhooks",
        description:
          'Webhook endpoints, managed with an API key allowed webhooks; the events follow Standard Webhooks (docs/API.md, "Webhooks").',
      },
      {
        name: "osdi",
        description: 'The OSDI API for partner systems, with an API key (docs/API.md, "API keys").',
      },
    ],
    paths,
    components: {
      securitySchemes: {
        "OSDI-API-Token": {
          type: "apiKey",
          in: "header",
          name: "OSDI-API-Token",
          description:
            "An API key made by an admin (docs/API.md, API keys), sent in this header and nowhere else.",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof build>;

let built: OpenApiDocument | undefined;

/** The document; built once per process, since it depends on nothing but the code. */
export function openApiDocument(): OpenApiDocument {
  built ??= build();
  return built;
}
