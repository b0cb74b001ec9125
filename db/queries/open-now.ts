import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { petitions, pledges } from "@/db/schema";

/**
 * Takes new supporters right now: staff have not closed it, and its closing time, if it has
 * one, has not passed. The one definition, used where signing is decided (inside the insert
 * itself) and wherever open or closed is shown.
 */
export function isOpenNow(table: typeof petitions | typeof pledges): SQL<boolean> {
  return sql<boolean>`(${table.isOpen} and (${table.closesAt} is null or ${table.closesAt} > now()))`;
}
