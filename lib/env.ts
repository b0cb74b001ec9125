import { z } from "zod";

// The only reader of process.env. Empty strings count as unset, as in most .env files.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: optional(z.string().regex(/^[\w.:-]+$/, "must be a host name or IP address to listen on")),
    SITE_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
    DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".data")),
    DATABASE_URL: optional(postgresUrl),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    VERCEL: optional(z.string()),
    POSTGRES_URL: optional(postgresUrl),
    POSTGRES_WS_PROXY: optional(
      z.string().regex(/^[\w.-]+:\d+$/, "must be host:port of a WebSocket-to-TCP proxy"),
    ),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  })
  .superRefine((env, ctx) => {
    if (env.VERCEL && !env.POSTGRES_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["POSTGRES_URL"],
        message: "is required on Vercel: connect a Postgres database to the project",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates an environment; throws an EnvError naming each bad variable in plain words. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    // Never echo the value: it may be a secret or a connection string with a password.
    return `  ${name} ${issue.message}`;
  });
  throw new EnvError(
    `Upstand cannot start: the environment is not valid.\n${lines.join("\n")}\n` +
      "See .env.example for what each variable means.",
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
