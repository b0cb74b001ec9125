import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The layers (docs/ARCHITECTURE.md): app → components → lib → db, and db/ imports from lib/ only
// lib/domain (and lib/env, its configuration). Each fence below is one arrow the picture forbids;
// tests/unit/layers.test.ts proves that each one fires. Paths are matched in both the @/ form and
// the relative form ("../../lib/x"), so that a relative import cannot slip past.
const UP = "^(@/|(\\.\\./)+)";

const fences = {
  // Only db/ talks to the database: app/ and lib/ call db/queries; types may come from anywhere in db/.
  dbQueriesOnly: (extra = "") => ({
    regex: `${UP}db(?!/queries/${extra})(/.*)?$`,
    allowTypeImports: true,
    message: "Only db/ talks to the database: call a function in db/queries instead.",
  }),
  noDbValues: {
    regex: `${UP}db(/.*)?$`,
    allowTypeImports: true,
    message: "Components never import db/: take the data as props.",
  },
  noDb: { regex: `${UP}db(/.*)?$`, message: "lib/domain is pure: it imports nothing from db/." },
  noApp: {
    regex: `${UP}app(/.*)?$`,
    message: "Nothing imports from app/: it is the top layer. Move what is shared to components/ or lib/.",
  },
  noComponents: {
    regex: `${UP}components(/.*)?$`,
    message: "lib/ and db/ import no UI: components/ sits above them.",
  },
  dbToLib: {
    regex: `${UP}lib/(?!domain/|env$)`,
    message:
      "db/ imports nothing from lib/ except lib/domain (pure rules and value lists) and lib/env: move the rule to lib/domain, or the type beside its query.",
  },
  domainToLib: {
    regex: "^(@/lib/(?!domain/)|\\.\\./)",
    message: "lib/domain imports only lib/domain: it is the floor every other layer may stand on.",
  },
  envToLib: {
    regex: "^(@/(?!lib/domain/)|\\.\\./|\\./(?!domain/))",
    message: "lib/env.ts imports only lib/domain: db/ reads it.",
  },
};

const fence = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

// A "use client" file is sent to the browser: a value from db/ would carry the ORM (or worse) with
// it. Type-only imports vanish at build time and are fine.
const DB_SPECIFIER = /^(@\/|(\.\.\/)+)db(\/|$)/;
const layers = {
  rules: {
    "no-db-values-in-client": {
      meta: {
        type: "problem",
        docs: { description: "Client components import no value from db/." },
        messages: {
          clientDb:
            "A client component imports no value from db/ (type-only imports are fine): pass the data in as props, or take a value list from lib/domain.",
        },
        schema: [],
      },
      create(context) {
        let isClient = false;
        const check = (node) => {
          if (!isClient || !node.source || !DB_SPECIFIER.test(node.source.value)) return;
          if (node.importKind === "type" || node.exportKind === "type") return;
          const specifiers = node.specifiers ?? [];
          if (
            specifiers.length > 0 &&
            specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")
          )
            return;
          context.report({ node, messageId: "clientDb" });
        };
        return {
          Program(program) {
            isClient = program.body.some(
              (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
            );
          },
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression(node) {
            if (isClient && node.source.type === "Literal" && DB_SPECIFIER.test(String(node.source.value))) {
              context.report({ node, messageId: "clientDb" });
            }
          },
        };
      },
    },
  },
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { drizzle, layers },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**"], rules: fence(fences.dbQueriesOnly()) },
  { files: ["components/**"], rules: fence(fences.noDbValues, fences.noApp) },
  // db/drivers/pick-driver.ts says which database the configuration names and opens nothing:
  // lib/auth/secret.ts needs that answer.
  {
    files: ["lib/**"],
    ignores: ["lib/domain/**", "lib/env.ts"],
    rules: fence(fences.dbQueriesOnly("|/drivers/pick-driver$"), fences.noApp, fences.noComponents),
  },
  {
    files: ["lib/domain/**"],
    rules: fence(fences.domainToLib, fences.noDb, fences.noApp, fences.noComponents),
  },
  { files: ["lib/env.ts"], rules: fence(fences.envToLib) },
  { files: ["db/**"], rules: fence(fences.dbToLib, fences.noApp, fences.noComponents) },
  { files: ["app/**", "components/**", "lib/**"], rules: { "layers/no-db-values-in-client": "error" } },
];

export default config;
