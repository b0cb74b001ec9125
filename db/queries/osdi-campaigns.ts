import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { countSlots, petitions, pledges } from "@/db/schema";
import type { OsdiPage, OsdiPageRequest } from "@/lib/domain/osdi";
import { osdiTime, readOsdiPage, type OsdiCollection } from "./osdi-paging";

/** A petition or a pledge as the OSDI API serves it (English text, the source language). */
export type OsdiCampaignRow = {
  id: string;
  slug: string;
  title: string;
  /** A petition's ask, or a pledge's statement. */
  text: string;
  background: string;
  /** A petition's target; null for a pledge. */
  target: string | null;
  is_open: boolean;
  created_date: string;
  modified_date: string;
  /** Verified supporters, from the counters (db/schema/count-slots.ts), not a count of rows. */
  total: number;
};

export type OsdiCampaignKind = "petition" | "pledge";

function verifiedTotal(kind: OsdiCampaignKind, id: PgColumn): SQL<number> {
  return sql<number>`(select coalesce(sum(${countSlots.count}), 0)::bigint from ${countSlots}
    where ${countSlots.subject} = ${kind} and ${countSlots.subjectId} = ${id}
      and ${countSlots.state} = 'verified')`;
}

function collection(kind: OsdiCampaignKind, where: SQL = sql`true`): OsdiCollection {
  const table = kind === "petition" ? petitions : pledges;
  return {
    columns: sql`${table.id} as id, ${table.slug} as slug, ${table.title} as title,
      ${kind === "petition" ? petitions.ask : pledges.statement} as text, ${table.background} as background,
      ${kind === "petition" ? petitions.target : sql`null::text`} as target, ${table.isOpen} as is_open,
      ${osdiTime(table.createdAt)} as created_date, ${osdiTime(table.updatedAt)} as modified_date,
      ${verifiedTotal(kind, table.id)} as total`,
    from: sql`${table}`,
    where,
    id: table.id,
    updatedAt: table.updatedAt,
    createdAt: table.createdAt,
  };
}

const withNumbers = (row: OsdiCampaignRow): OsdiCampaignRow => ({ ...row, total: Number(row.total) });

/** Every petition or pledge, open or closed, a page at a time. */
export async function listOsdiCampaigns(
  kind: OsdiCampaignKind,
  request: OsdiPageRequest,
): Promise<OsdiPage<OsdiCampaignRow>> {
  const page = await readOsdiPage<OsdiCampaignRow>(collection(kind), request);
  return { ...page, rows: page.rows.map(withNumbers) };
}

/** One petition or pledge by id; null when there is none. */
export async function getOsdiCampaign(kind: OsdiCampaignKind, id: string): Promise<OsdiCampaignRow | null> {
  const table = kind === "petition" ? petitions : pledges;
  const one = collection(kind, eq(table.id, id));
  const { rows } = await getDb().execute<OsdiCampaignRow>(
    sql`select ${one.columns} from ${one.from} where ${one.where}`,
  );
  return rows[0] ? withNumbers(rows[0]) : null;
}

/** Whether a petition or pledge with this id exists, before its supporters are listed. */
export async function hasOsdiCampaign(kind: OsdiCampaignKind, id: string): Promise<boolean> {
  const table = kind === "petition" ? petitions : pledges;
  const rows = await getDb().select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
  return rows.length > 0;
}
