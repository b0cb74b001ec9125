import "server-only";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/** Whether anyone can sign in to the console yet: the start-up notice says how to add the first admin. */
export async function hasAnyStaff(): Promise<boolean> {
  const rows = await getDb().select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}
