import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

export interface ErasedSupporter {
  id: string;
  parentId: string;
}

/**
 * Erases, for good, the personal data of the supporters `where` selects (those not erased yet):
 * name, email, postal code, comment and IP address go, and so do the links and the emails
 * written to them (the outbox keeps each message's address and text). The row stays, with its
 * state and dates, so every count it is in stays too: an anonymous count. In the caller's
 * transaction, which decides what else happens with it.
 */
export async function eraseSupporters(tx: Db, kind: SupportKind, where: SQL): Promise<ErasedSupporter[]> {
  const { table, parentColumn } = SUPPORT_KINDS[kind];
  const result = await tx.execute<{ id: string; parentId: string }>(sql`
    with target as (
      select id, email from ${table} where erased_at is null and (${where})
      for update
    ), erased as (
      update ${table} set first_name = null, last_name = null, email = null, email_canonical = null,
        postal_code = null, comment = null, ip_address = null, referrer_url = null, erased_at = now()
      from target where ${table}.id = target.id
      returning ${table}.id, ${table}.${sql.identifier(parentColumn)} as parent_id, target.email
    ), links as (
      delete from action_tokens where subject_id in (select id from erased)
    ), mail as (
      -- Every message to a supporter names them in its key (confirm-signature:<id>, follow-up:<id> ...).
      delete from outbox_messages using erased
      where outbox_messages.recipient = erased.email and strpos(outbox_messages.dedupe_key, erased.id::text) > 0
    )
    select id, parent_id as "parentId" from erased
  `);
  return result.rows;
}
