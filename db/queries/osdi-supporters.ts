import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { consents, pledgeTakers, signatures } from "@/db/schema";
import type { ConsentChannel, ConsentKind } from "@/lib/domain/enums";
import type { OsdiPage, OsdiPageRequest } from "@/lib/domain/osdi";
import { osdiTime, readOsdiPage, type OsdiCollection } from "./osdi-paging";

/**
 * A verified signature or pledge taking as the OSDI API serves it. Comments are served whatever
 * their moderation, as the staff export gives them: a key with read:people is trusted as an
 * admin's export is (docs/API.md).
 */
export type OsdiSupporterRow = {
  id: string;
  parent_id: string;
  person_id: string | null;
  created_date: string;
  modified_date: string;
  comment: string | null;
  source: string | null;
  referred_by: string | null;
  /** Every consent the supporter gave, oldest first (db/schema/consents.ts). */
  consents: OsdiConsent[];
  referrer_website: string | null;
  referrer_url: string | null;
};

/** A consent as the OSDI API serves it, under `upstand:consents`. */
export interface OsdiConsent {
  kind: ConsentKind;
  text_id: string;
  /** Null for consents given before the words were recorded (the "<kind>/legacy" texts). */
  text_sha256: string | null;
  channel: ConsentChannel;
  given_date: string;
  withdrawn_date: string | null;
}

/** The supporter's consents as one JSON array, read with the row (one index probe). */
function consentsOf(kind: OsdiSupporterKind): SQL {
  const owner = kind === "signature" ? consents.signatureId : consents.pledgeTakerId;
  return sql`(select coalesce(json_agg(json_build_object(
      'kind', ${consents.kind}, 'text_id', ${consents.textId}, 'text_sha256', ${consents.textHash},
      'channel', ${consents.channel}, 'given_date', ${osdiTime(consents.givenAt)},
      'withdrawn_date', ${osdiTime(consents.withdrawnAt)}
    ) order by ${consents.givenAt}, ${consents.kind}), '[]'::json)
    from ${consents} where ${owner} = ${TABLES[kind].table.id})`;
}

export type OsdiSupporterKind = "signature" | "taker";

const TABLES = {
  signature: { table: signatures, parent: signatures.petitionId },
  taker: { table: pledgeTakers, parent: pledgeTakers.pledgeId },
} as const;

/** Only verified supporters are served: pending, held, rejected, withdrawn and erased ones never. */
function collection(kind: OsdiSupporterKind, where: SQL): OsdiCollection {
  const { table, parent } = TABLES[kind];
  return {
    columns: sql`${table.id} as id, ${parent} as parent_id, ${table.personId} as person_id,
      ${osdiTime(table.createdAt)} as created_date, ${osdiTime(table.updatedAt)} as modified_date,
      ${kind === "signature" ? signatures.comment : sql`null::text`} as comment,
      ${table.source} as source, ${table.referredBy} as referred_by, ${consentsOf(kind)} as consents,
      ${table.referrerWebsite} as referrer_website, ${table.referrerUrl} as referrer_url`,
    from: sql`${table}`,
    where: and(where, eq(table.state, "verified"), isNull(table.erasedAt))!,
    id: table.id,
    updatedAt: table.updatedAt,
    createdAt: table.createdAt,
  };
}

/** A petition's verified signatures, or a pledge's verified takers, a page at a time. */
export function listOsdiSupportersOf(
  kind: OsdiSupporterKind,
  parentId: string,
  request: OsdiPageRequest,
): Promise<OsdiPage<OsdiSupporterRow>> {
  return readOsdiPage(collection(kind, eq(TABLES[kind].parent, parentId)), request);
}

/** A person's verified signatures or pledge takings, a page at a time. */
export function listOsdiSupportersOfPerson(
  kind: OsdiSupporterKind,
  personId: string,
  request: OsdiPageRequest,
): Promise<OsdiPage<OsdiSupporterRow>> {
  return readOsdiPage(collection(kind, eq(TABLES[kind].table.personId, personId)), request);
}

/** One verified supporter of one petition or pledge; null when there is none such. */
export async function getOsdiSupporter(
  kind: OsdiSupporterKind,
  parentId: string,
  id: string,
): Promise<OsdiSupporterRow | null> {
  const { table, parent } = TABLES[kind];
  const one = collection(kind, and(eq(parent, parentId), eq(table.id, id))!);
  const { rows } = await getDb().execute<OsdiSupporterRow>(
    sql`select ${one.columns} from ${one.from} where ${one.where}`,
  );
  return rows[0] ?? null;
}
