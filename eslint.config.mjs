import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Only db/ talks to the database. Pages and actions may call db/queries; components never do.
const dbFence = (allowQueries) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          regex: allowQueries ? "^@/db(?!/queries/|/schema/enums$)(/.*)?$" : "^@/db(?!/schema/enums$)(/.*)?$",
          allowTypeImports: true,
          message: allowQueries
            ? "Only db/ talks to the database: call a function in db/queries instead."
            : "Components never import db/: take the data as props.",
        },
      ],
    },
  ],
});

const config = [
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**", "lib/**"], rules: dbFence(true) },
  { files: ["components/**"], rules: dbFence(false) },
];

export default config;
