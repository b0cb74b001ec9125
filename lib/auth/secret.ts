import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, type Env } from "@/lib/env";
import { pickDriver } from "@/db/drivers/pick-driver";

/**
 * The secret that signs staff sessions. A server deployment must set AUTH_SECRET so that every
 * instance shares it; the embedded default makes one on first start and keeps it in DATA_DIR,
 * so no secret is ever committed or shared between installs.
 */
export function authSecret(config: Env): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (pickDriver(config) !== "pglite") {
    throw new EnvError(
      "AUTH_SECRET must be set when Upstand runs on a Postgres server, so that every instance signs " +
        "sessions with the same key. Generate one with: openssl rand -base64 32",
    );
  }
  const file = path.join(config.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}
