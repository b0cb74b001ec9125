import { z } from "zod";
import { CONFIRM_REMINDER_AFTER_HOURS_DEFAULT, OUTBOX_RETENTION_DAYS_DEFAULT } from "@/lib/domain/privacy";

// The only reader of process.env.
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const rateLimit = z
  .string()
  .regex(/^\d+\/\d+$/, "must be COUNT/SECONDS, like 5/300")
  .transform((value) => {
    const [count, seconds] = value.split("/").map(Number) as [number, number];
    return { count, seconds };
  });

// A flood limit per client address: a bucket of COUNT requests, refilled at COUNT per SECONDS.
const floodRate = rateLimit.refine(
  (rate) => rate.count >= 1 && rate.seconds >= 1,
  "must be COUNT/SECONDS with both at least 1, like 600/60",
);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: wholeNumber(1, 65535).default(3000),
    HOST: z
      .string()
      .regex(/^[\w.:-]+$/, "must be a host name or IP address to listen on")
      .optional(),
    SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_MAX: wholeNumber(1, 500).default(10),
    // The same server, not through a transaction-mode pooler: LISTEN and the migration lock need a session.
    DATABASE_DIRECT_URL: postgresUrl.optional(),
    // A streaming replica of DATABASE_URL's server: public reads only (db/index.ts readDb).
    DATABASE_READ_URL: postgresUrl.optional(),
    VERCEL: z.string().optional(),
    POSTGRES_URL: postgresUrl.optional(),
    POSTGRES_URL_NON_POOLING: postgresUrl.optional(),
    POSTGRES_WS_PROXY: z
      .string()
      .regex(/^[\w.-]+:\d+$/, "must be host:port of a WebSocket-to-TCP proxy")
      .optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
    // A bare address sends in each campaign's name; "Name <address>" keeps that name (lib/mail/sender.ts).
    MAIL_FROM: z.string().min(3).default("no-reply@localhost"),
    DEV_MAILBOX: z.enum(["on", "off"], { error: "must be on or off" }).optional(),
    // Tests only: "on" serves the right-to-left pseudo-locale at /ar-XB (lib/domain/locale.ts).
    PSEUDO_LOCALES: z.enum(["on", "off"], { error: "must be on or off" }).default("off"),
    // Tests only: "on" lets webhook endpoints be plain http:// and private or loopback addresses (lib/webhooks/ssrf.ts).
    WEBHOOKS_ALLOW_PRIVATE: z.enum(["on", "off"], { error: "must be on or off" }).default("off"),
    TRUSTED_PROXY_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be the name of one HTTP header, like X-Real-IP")
      .transform((name) => name.toLowerCase())
      .optional(),
    SIGN_LIMIT_BURST: rateLimit.default({ count: 1, seconds: 60 }),
    SIGN_LIMIT_SUSTAINED: rateLimit.default({ count: 5, seconds: 300 }),
    HOLD_RELEASE_AFTER_HOURS: wholeNumber(1, 720).default(24),
    HOLD_AUTO_RELEASE_MAX: wholeNumber(1, 100_000).default(50),
    // How many different addresses must report a comment before it is hidden until staff review it.
    COMMENT_REPORT_THRESHOLD: wholeNumber(1, 1000).default(3),
    RECONCILE_EVERY_SECONDS: wholeNumber(1, 86_400).default(600),
    // Days a sent email keeps its words and address before retention prunes it (the privacy page says so).
    OUTBOX_RETENTION_DAYS: wholeNumber(1, 3650).default(OUTBOX_RETENTION_DAYS_DEFAULT),
    // Hours after signing before the one reminder to confirm; under the 30 days an unconfirmed signature is kept.
    CONFIRM_REMINDER_AFTER_HOURS: wholeNumber(1, 600).default(CONFIRM_REMINDER_AFTER_HOURS_DEFAULT),
    // Flood limits, per client address and per instance (lib/http/flood-limits.ts); the README says how the defaults were chosen.
    FLOOD_LIMIT_PAGES: floodRate.default({ count: 3000, seconds: 60 }),
    FLOOD_LIMIT_TOTALS: floodRate.default({ count: 3000, seconds: 60 }),
    FLOOD_LIMIT_STREAMS: floodRate.default({ count: 4000, seconds: 60 }),
    FLOOD_LIMIT_SIGNING: floodRate.default({ count: 600, seconds: 60 }),
    FLOOD_LIMIT_SIGN_IN: floodRate.default({ count: 30, seconds: 300 }),
    FLOOD_LIMIT_REPORTS: floodRate.default({ count: 60, seconds: 600 }),
    // Per API key, not per address (lib/api-keys/authenticate.ts): a sync at 20 pages a second.
    FLOOD_LIMIT_API_KEY: floodRate.default({ count: 1200, seconds: 60 }),
    FLOOD_LIMIT_WEBHOOKS_API: floodRate.default({ count: 60, seconds: 60 }),
    FLOOD_STREAMS_PER_ADDRESS: wholeNumber(1, 1_000_000).default(4000),
    FLOOD_STREAMS_PER_INSTANCE: wholeNumber(1, 1_000_000).default(10_000),
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
  // Empty strings count as unset, as .env files and CI settings often write them.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(set);
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

/** Whether Upstand runs on the embedded database (no DATABASE_URL, not on Vercel): a local install. */
function isEmbeddedDatabase(config: Env): boolean {
  return !config.DATABASE_URL && !config.VERCEL;
}

/**
 * Who /dev/mailbox answers. It shows every email, confirm links and staff sign-in links included,
 * so by default it is on only on a local install (the embedded database, no mail server), and then
 * only for requests from this machine; DEV_MAILBOX=on opens it to every request (CI, test
 * deployments), DEV_MAILBOX=off closes it.
 */
export function devMailboxMode(config: Env): "off" | "loopback" | "open" {
  if (config.DEV_MAILBOX) return config.DEV_MAILBOX === "on" ? "open" : "off";
  return !config.SMTP_URL && isEmbeddedDatabase(config) ? "loopback" : "off";
}

/** Where the server listens: HOST, else this machine only on a local install, else every interface. */
export function listenHost(config: Env): string | undefined {
  return config.HOST ?? (isEmbeddedDatabase(config) ? "127.0.0.1" : undefined);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
