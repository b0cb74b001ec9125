import type { StaffRole } from "@/lib/domain/enums";

/** Each role can do what the roles before it can: viewer < editor < admin. */
const RANK: Record<StaffRole, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(role: StaffRole, required: StaffRole): boolean {
  return RANK[role] >= RANK[required];
}

/** Who is calling a staff query or action: always checked against the database, never trusted from the session alone. */
export interface StaffCaller {
  id: string;
  email: string;
  role: StaffRole;
}

export class NotAllowedError extends Error {
  constructor(required: StaffRole) {
    super(`This needs the ${required} role.`);
    this.name = "NotAllowedError";
  }
}

/** Refuses before any data is touched when the caller's role is too low. */
export function assertRole(caller: StaffCaller, required: StaffRole): void {
  if (!hasRole(caller.role, required)) throw new NotAllowedError(required);
}
