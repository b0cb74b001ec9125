import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import {
  countRecentSignInFailures,
  getStaffAccount,
  insertSignInFailure,
  redeemSignInLink,
  SIGN_IN_FAILURE_LIMIT,
  type StaffAccount,
} from "@/db/queries/staff";
import { env } from "@/lib/env";
import { checkPassword } from "./password";
import { authSecret } from "./secret";
import { hashToken } from "@/lib/tokens";
import { logError } from "@/lib/log";

/** Too many failed sign-ins for this address lately: said the same whether it exists or not. */
export class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

const SESSION_HOURS = 12;

const field = (credentials: Partial<Record<string, unknown>>, name: string) =>
  typeof credentials[name] === "string" ? credentials[name] : "";

const asUser = (account: StaffAccount) => ({ id: account.id, email: account.email, sessionVersion: account.sessionVersion });

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
      async authorize(credentials) {
        const email = field(credentials, "email");
        const password = field(credentials, "password");
        if (!email || !password) return null;
        if ((await countRecentSignInFailures(email)) >= SIGN_IN_FAILURE_LIMIT) throw new TooManyAttempts();
        const account = await getStaffAccount(email);
        if (await checkPassword(account?.passwordHash ?? null, password)) return asUser(account!);
        await insertSignInFailure(email);
        return null;
      },
    }),
    Credentials({
      id: "link",
      credentials: { token: {} },
      async authorize(credentials) {
        const token = field(credentials, "token");
        const account = /^[\w-]{20,100}$/.test(token) ? await redeemSignInLink(hashToken(token)) : null;
        return account ? asUser(account) : null;
      },
    }),
  ],
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
