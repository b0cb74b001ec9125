import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, outboxMessages, users, verificationTokens, type StaffRole } from "@/db/schema";
import type { OutboxFields } from "@/lib/domain/mail";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";

export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  passwordHash: string | null;
  sessionVersion: number;
}

const normalise = (email: string) => email.trim().toLowerCase();

/** An active member by address, for signing in; null when unknown or disabled. */
export async function getStaffAccount(email: string): Promise<StaffAccount | null> {
  const [account] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.email, normalise(email)), isNull(users.disabledAt)));
  return account ?? null;
}

/**
 * The member a session belongs to, if it still may act: not disabled, and not signed out
 * everywhere since the session began. Read on every staff request, so either takes effect on
 * the member's next request.
 */
export async function getSessionCaller(userId: string, sessionVersion: number): Promise<StaffCaller | null> {
  const [caller] = await getDb()
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt), eq(users.sessionVersion, sessionVersion)));
  return caller ?? null;
}

/**
 * Stores a one-time sign-in link (its hash) for an active member, with the email that carries
 * it when one is given (the command line prints the link instead); false for anyone else.
 */
export async function insertSignInLink(
  email: string,
  tokenHash: string,
  expires: Date,
  mail?: OutboxFields,
): Promise<boolean> {
  const account = await getStaffAccount(email);
  if (!account) return false;
  await getDb().transaction(async (tx) => {
    await tx.insert(verificationTokens).values({ identifier: account.email, token: tokenHash, expires });
    if (mail) {
      await tx.insert(outboxMessages).values({
        dedupeKey: `staff-sign-in:${tokenHash}`,
        recipient: account.email,
        template: "staff-sign-in",
        ...mail,
      });
    }
  });
  return true;
}

/** Uses a sign-in link once: the member it was made for, or null when it is unknown, used or expired. */
export async function redeemSignInLink(tokenHash: string): Promise<StaffAccount | null> {
  const [link] = await getDb()
    .delete(verificationTokens)
    .where(eq(verificationTokens.token, tokenHash))
    .returning({ identifier: verificationTokens.identifier, expires: verificationTokens.expires });
  if (!link || link.expires.getTime() <= Date.now()) return null;
  return getStaffAccount(link.identifier);
}

/** Adds a member, or null when the address is already taken. The command line and admins use it. */
export async function insertStaffMember(
  email: string,
  role: StaffRole,
  actor: StaffCaller | null,
): Promise<{ id: string } | null> {
  if (actor) assertRole(actor, "admin");
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .insert(users)
      .values({ email: normalise(email), role })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!member) return null;
    await tx.insert(auditLog).values({
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? "command line",
      action: "staff.add",
      subjectType: "staff",
      subjectId: member.id,
      details: { email: normalise(email), role },
    });
    return member;
  });
}

export interface StaffMember {
  id: string;
  email: string;
  role: StaffRole;
  isDisabled: boolean;
  hasPassword: boolean;
}

export async function listStaff(caller: StaffCaller): Promise<StaffMember[]> {
  assertRole(caller, "admin");
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      isDisabled: sql<boolean>`${users.disabledAt} is not null`,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .orderBy(asc(users.email));
}

/** Disables a member, or signs them out everywhere: either way their sessions end on their next request. */
export async function updateStaffAccess(
  caller: StaffCaller,
  memberId: string,
  change: "disable" | "enable" | "sign-out-everywhere",
): Promise<boolean> {
  if (change !== "sign-out-everywhere" || memberId !== caller.id) assertRole(caller, "admin");
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .update(users)
      .set(
        change === "disable"
          ? { disabledAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` }
          : change === "enable"
            ? { disabledAt: null }
            : { sessionVersion: sql`${users.sessionVersion} + 1` },
      )
      .where(eq(users.id, memberId))
      .returning({ id: users.id, email: users.email });
    if (!member) return false;
    await tx.insert(auditLog).values({
      actorId: caller.id,
      actorEmail: caller.email,
      action: `staff.${change}`,
      subjectType: "staff",
      subjectId: member.id,
      details: { email: member.email },
    });
    return true;
  });
}

/** Sets the caller's own password (argon2id hash, made by the caller). */
export async function updateOwnPassword(caller: StaffCaller, passwordHash: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, caller.id));
    await tx.insert(auditLog).values({
      actorId: caller.id,
      actorEmail: caller.email,
      action: "staff.set-password",
      subjectType: "staff",
      subjectId: caller.id,
    });
  });
}
