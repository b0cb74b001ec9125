import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { people, pledgeTakers, signatures } from "@/db/schema";
import type { OsdiPage, OsdiPageRequest } from "@/lib/domain/osdi";
import { osdiTime, readOsdiPage, type OsdiCollection } from "./osdi-paging";

/**
 * A person as the OSDI API serves them: one per canonical email, with the name, email, address
 * and language of their most recently changed verified signature or pledge taking, and whether
 * any of those asked for updates.
 */
export type OsdiPersonRow = {
  id: string;
  created_date: string;
  modified_date: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  postal_code: string | null;
  country: string | null;
  preferred_language: string | null;
  is_subscribed: boolean;
};

const verifiedOf = (table: typeof signatures | typeof pledgeTakers) =>
  sql`${table.personId} = ${people.id} and ${table.state} = 'verified' and ${table.erasedAt} is null`;

const unerasedOf = (table: typeof signatures | typeof pledgeTakers) =>
  sql`${table.personId} = ${people.id} and ${table.erasedAt} is null`;

// A person is served only while they have a verified, unerased signature or pledge taking: the
// lateral join drops everyone else (pending only, withdrawn, rejected, erased). Their email is
// subscribed when a verified row of theirs asked for updates after their last "stop updates"
// (on any of their rows): an unsubscribe from one petition's mail is a choice about the address,
// and signing again with the box ticked is a newer one.
const FROM = sql`${people} cross join lateral (
  select
    (select max(created_at) from (
      select ${signatures.createdAt} as created_at from ${signatures} where ${verifiedOf(signatures)} and ${signatures.wantsUpdates}
      union all
      select ${pledgeTakers.createdAt} from ${pledgeTakers} where ${verifiedOf(pledgeTakers)} and ${pledgeTakers.wantsUpdates}
    ) opt_ins) as opted_in_at,
    (select max(stopped_at) from (
      select ${signatures.wantsUpdatesAt} as stopped_at from ${signatures} where ${unerasedOf(signatures)} and not ${signatures.wantsUpdates}
      union all
      select ${pledgeTakers.wantsUpdatesAt} from ${pledgeTakers} where ${unerasedOf(pledgeTakers)} and not ${pledgeTakers.wantsUpdates}
    ) stops) as stopped_at
) consent cross join lateral (
  select first_name, last_name, email, postal_code, country, preferred_language from (
    select ${signatures.firstName} as first_name, ${signatures.lastName} as last_name, ${signatures.email} as email,
      ${signatures.postalCode} as postal_code, ${signatures.country} as country,
      ${signatures.preferredLanguage} as preferred_language, ${signatures.updatedAt} as updated_at
    from ${signatures} where ${verifiedOf(signatures)}
    union all
    select ${pledgeTakers.firstName}, ${pledgeTakers.lastName}, ${pledgeTakers.email}, ${pledgeTakers.postalCode},
      ${pledgeTakers.country}, ${pledgeTakers.preferredLanguage}, ${pledgeTakers.updatedAt}
    from ${pledgeTakers} where ${verifiedOf(pledgeTakers)}
  ) rows order by updated_at desc limit 1
) latest`;

const HAS_VERIFIED = sql`(exists (select 1 from ${signatures} where ${verifiedOf(signatures)})
  or exists (select 1 from ${pledgeTakers} where ${verifiedOf(pledgeTakers)}))`;

function collection(where?: SQL): OsdiCollection {
  return {
    columns: sql`${people.id} as id, ${osdiTime(people.createdAt)} as created_date,
      ${osdiTime(people.updatedAt)} as modified_date, latest.first_name, latest.last_name, latest.email,
      latest.postal_code, latest.country, latest.preferred_language,
      coalesce(consent.opted_in_at > consent.stopped_at or consent.stopped_at is null, false)
        and consent.opted_in_at is not null
        as is_subscribed`,
    from: FROM,
    // The same people as the lateral joins keep, counted without working out what each shows.
    countFrom: sql`${people}`,
    where: and(HAS_VERIFIED, where)!,
    id: people.id,
    updatedAt: people.updatedAt,
    createdAt: people.createdAt,
  };
}

/** Everyone with a verified signature or pledge taking, a page at a time. */
export function listOsdiPeople(request: OsdiPageRequest): Promise<OsdiPage<OsdiPersonRow>> {
  return readOsdiPage<OsdiPersonRow>(collection(), request);
}

/** One person by id; null when there is none, or they have nothing verified left. */
export async function getOsdiPerson(id: string): Promise<OsdiPersonRow | null> {
  const one = collection(eq(people.id, id));
  const { rows } = await getDb().execute<OsdiPersonRow>(
    sql`select ${one.columns} from ${one.from} where ${one.where}`,
  );
  return rows[0] ?? null;
}
