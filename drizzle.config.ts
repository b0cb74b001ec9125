import { defineConfig } from "drizzle-kit";

// Generating migrations needs only the schema, never a database connection.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
