import { forbidden, redirect } from "next/navigation";
import { getSessionCaller } from "@/db/queries/staff";
import type { StaffRole } from "@/lib/domain/enums";
import { auth } from "./config";
import { hasRole, NotAllowedError, type StaffCaller } from "@/lib/domain/roles";

/** The member behind this request's session, checked against the database; null when there is none. */
export async function getCaller(): Promise<StaffCaller | null> {
  const session = (await auth()) as { userId?: unknown; sessionVersion?: unknown } | null;
  if (typeof session?.userId !== "string" || typeof session.sessionVersion !== "number") return null;
  return getSessionCaller(session.userId, session.sessionVersion);
}

/** For staff pages: the caller, or off to sign in (no session) or a 403 page (too low a role). */
export async function requireStaff(role: StaffRole = "viewer"): Promise<StaffCaller> {
  const caller = await getCaller();
  if (!caller) redirect("/staff/sign-in");
  if (!hasRole(caller.role, role)) forbidden();
  return caller;
}

/** For staff server actions and routes: the caller, or an error that says who may. */
export async function requireStaffCaller(role: StaffRole = "viewer"): Promise<StaffCaller> {
  const caller = await getCaller();
  if (!caller) throw new NotAllowedError(role);
  if (!hasRole(caller.role, role)) throw new NotAllowedError(role);
  return caller;
}
