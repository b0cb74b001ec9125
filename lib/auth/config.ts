import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { StaffAccount } from "@/db/queries/staff";
import { insertSignOutEvent } from "@/db/queries/staff-sign-in";
import { clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import { isHttpsSite } from "@/lib/http/security-headers";
import { passwordSignInSchema } from "@/lib/validation/staff";
import { authSecret } from "./secret";
import { logError } from "@/lib/log";
import { attemptLinkSignIn, attemptPasswordSignIn } from "./sign-in-attempts";

/** Too many failed passwords lately (lib/domain/sign-in-throttle.ts): said the same whether the address is anyone's or not. */
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

const SESSION_HOURS = 12;

const field = (credentials: Partial<Record<string, unknown>>, name: string) =>
  typeof credentials[name] === "string" ? credentials[name] : "";

const ipOf = (request: Request) => clientIp(request.headers, env().TRUSTED_PROXY_HEADER);

const asUser = (account: StaffAccount) => ({
  id: account.id,
  email: account.email,
  sessionVersion: account.sessionVersion,
});

/**
 * Staff sign-in (Auth.js v5): by password (argon2id) or by a one-time emailed link, both as
 * Credentials providers so that the link is used by a button press (mail scanners open links),
 * never by the GET. Sessions are JWTs carrying the member's id and session version; every staff
 * request checks both against the database (lib/auth/staff.ts), so disabling a member or signing
 * them out everywhere takes effect on their next request.
 */
export const { auth, signIn, signOut, handlers } = NextAuth(() => ({
  secret: authSecret(env()),
  // Upstand runs behind proxies and on any host name it is given.
  trustHost: true,
  // Secure, `__Secure-`/`__Host-` prefixed cookies whenever the public address is HTTPS, decided
  // by SITE_URL rather than by each request's scheme, which a TLS-terminating proxy hides.
  useSecureCookies: isHttpsSite(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/staff/sign-in" },
  // A wrong password is an answer, not a server error: keep it out of the error log.
  logger: {
    error(error: Error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      logError("auth", error);
    },
  },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        // Auth.js's own endpoint takes this too, not only the form: the form's schema again, so that
        // nothing longer than an address or a password is hashed or kept.
        const parsed = passwordSignInSchema.safeParse({
          email: field(credentials, "email"),
          password: field(credentials, "password"),
        });
        if (!parsed.success) return null;
        const attempt = await attemptPasswordSignIn(parsed.data.email, parsed.data.password, ipOf(request));
        if (attempt.ok) return asUser(attempt.account);
        if (attempt.isThrottled) throw new TooManyAttempts();
        return null;
      },
    }),
    Credentials({
      id: "link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        const account = await attemptLinkSignIn(field(credentials, "token"), ipOf(request));
        return account ? asUser(account) : null;
      },
    }),
  ],
  events: {
    // Sign-ins and failures are audited where they are decided (./sign-in-attempts.ts).
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (!userId) return;
      try {
        await insertSignOutEvent(userId, clientIp(await headers(), env().TRUSTED_PROXY_HEADER));
      } catch (error) {
        // Signing out must not fail for want of its log line; say so without naming anyone.
        console.error(
          "[auth] could not write a sign-out to the audit log:",
          (error as { code?: string }).code ?? (error as Error).name,
        );
      }
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
}));
