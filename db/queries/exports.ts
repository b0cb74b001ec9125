import "server-only";
import { and, asc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { pledgeTakers, signatures, type SupportState } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/auth/roles";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

export interface ExportFilters {
  kind: SupportKind;
  parentId: string;
  state?: SupportState;
  /** From this day (inclusive) to that day (inclusive), by when they signed or pledged. */
  from?: string;
  to?: string;
  optedInOnly: boolean;
}

export interface ExportRow {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  country: string | null;
  postalCode: string | null;
  locality: string | null;
  state: SupportState;
  signedAt: Date;
  verifiedAt: Date | null;
  wantsUpdates: boolean;
  source: string | null;
  referredBy: string | null;
  comment: string | null;
}

export const EXPORT_COLUMNS: (keyof ExportRow)[] = [
  "firstName",
  "lastName",
  "email",
  "country",
  "postalCode",
  "locality",
  "state",
  "signedAt",
  "verifiedAt",
  "wantsUpdates",
  "source",
  "referredBy",
  "comment",
];

/**
 * The supporters an admin exports, in batches (keyset pages on when they signed, so memory
 * stays flat however many there are). People whose data was erased are never in an export.
 */
export async function* exportSupporters(caller: StaffCaller, filters: ExportFilters, batchSize = 1_000): AsyncGenerator<ExportRow[]> {
  assertRole(caller, "admin");
  const table = SUPPORT_KINDS[filters.kind].table;
  const parent = filters.kind === "petition" ? signatures.petitionId : pledgeTakers.pledgeId;
  const conditions: (SQL | undefined)[] = [
    eq(parent, filters.parentId),
    isNull(table.erasedAt),
    filters.state ? eq(table.state, filters.state) : undefined,
    filters.from ? gte(table.createdAt, sql`${filters.from}::date`) : undefined,
    filters.to ? lt(table.createdAt, sql`${filters.to}::date + 1`) : undefined,
    filters.optedInOnly ? eq(table.wantsUpdates, true) : undefined,
  ];
  // The cursor is the exact timestamp as text: a JavaScript Date would round away microseconds.
  let after: { cursor: string; id: string } | null = null;
  for (;;) {
    const rows: (ExportRow & { id: string; cursor: string })[] = await getDb()
      .select({
        id: table.id,
        cursor: sql<string>`${table.createdAt}::text`,
        firstName: table.firstName,
        lastName: table.lastName,
        email: table.email,
        country: table.country,
        postalCode: table.postalCode,
        locality: table.locality,
        state: table.state,
        signedAt: table.createdAt,
        verifiedAt: table.verifiedAt,
        wantsUpdates: table.wantsUpdates,
        source: table.source,
        referredBy: table.referredBy,
        comment: table.comment,
      })
      .from(table)
      .where(
        and(
          ...conditions,
          after ? sql`(${table.createdAt}, ${table.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(table.createdAt), asc(table.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = { cursor: last.cursor, id: last.id };
    yield rows.map(({ id: _id, cursor: _cursor, ...row }) => row);
    if (rows.length < batchSize) return;
  }
}
