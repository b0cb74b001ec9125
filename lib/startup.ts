import { authSecret } from "@/lib/auth/secret";
import { env, EnvError } from "@/lib/env";
import { isUpstandServer } from "@/lib/http/client-ip";

/**
 * What a server checks before it opens the database: the environment, the session secret, and
 * that callers' addresses can be read. A failure stops the server with a plain message.
 */
export function checkEnvironment(): void {
  try {
    const config = env();
    authSecret(config);
    if (config.NODE_ENV === "production" && !config.TRUSTED_PROXY_HEADER && !isUpstandServer()) {
      // Without Upstand's server (scripts/serve.ts) nothing tells the caller's address from one a
      // client made up, and every per-address limit would be theirs to choose.
      throw new EnvError(
        "Upstand cannot start: it is not running behind its own server (npm start), so it cannot read callers' addresses.\n" +
          "  Set TRUSTED_PROXY_HEADER to the header your platform's proxy puts the caller's address in:\n" +
          "  on Vercel, TRUSTED_PROXY_HEADER=x-vercel-forwarded-for; behind nginx, often X-Real-IP.",
      );
    }
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
