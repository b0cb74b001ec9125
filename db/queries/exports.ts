import "server-only";
import { and, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { consents, pledgeTakers, signatures, type SupportState } from "@/db/schema";
import type { ConsentKind } from "@/lib/domain/enums";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
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

export type ExportFormat = "csv" | "jsonl";

/** A batch of an export, already written as lines of the file, and how many supporters it holds. */
export interface ExportBatch {
  text: string;
  rows: number;
}

type SupporterTable = (typeof SUPPORT_KINDS)[SupportKind]["table"];

/** What an export holds, in order: its CSV header, its JSON Lines key, and its value. */
const exportFields = (table: SupporterTable): { header: string; key: string; value: PgColumn | SQL }[] => [
  { header: "first_name", key: "firstName", value: table.firstName },
  { header: "last_name", key: "lastName", value: table.lastName },
  { header: "email", key: "email", value: table.email },
  { header: "country", key: "country", value: table.country },
  { header: "postal_code", key: "postalCode", value: table.postalCode },
  { header: "locality", key: "locality", value: table.locality },
  { header: "state", key: "state", value: table.state },
  { header: "signed_at", key: "signedAt", value: isoTime(table.createdAt) },
  { header: "verified_at", key: "verifiedAt", value: isoTime(table.verifiedAt) },
  { header: "wants_updates", key: "wantsUpdates", value: table.wantsUpdates },
  { header: "source", key: "source", value: table.source },
  { header: "referred_by", key: "referredBy", value: table.referredBy },
  { header: "utm_source", key: "utmSource", value: table.utmSource },
  { header: "utm_medium", key: "utmMedium", value: table.utmMedium },
  { header: "utm_campaign", key: "utmCampaign", value: table.utmCampaign },
  { header: "utm_term", key: "utmTerm", value: table.utmTerm },
  { header: "utm_content", key: "utmContent", value: table.utmContent },
  { header: "referrer_website", key: "referrerWebsite", value: table.referrerWebsite },
  { header: "referrer_url", key: "referrerUrl", value: table.referrerUrl },
  { header: "via_embed", key: "viaEmbed", value: table.viaEmbed },
  { header: "comment", key: "comment", value: table.comment },
  {
    header: "consent_channel",
    key: "consentChannel",
    value: sql.raw(`${CONSENT_JOINS.privacy_notice}.channel`),
  },
  ...CONSENT_EXPORT.flatMap(([kind, prefix]) => {
    const alias = CONSENT_JOINS[kind];
    return [
      { header: `${prefix}_text_id`, key: `${prefix}TextId`, value: sql.raw(`${alias}.text_id`) },
      { header: `${prefix}_text_sha256`, key: `${prefix}TextSha256`, value: sql.raw(`${alias}.text_hash`) },
      { header: `${prefix}_given_at`, key: `${prefix}GivenAt`, value: isoTime(sql.raw(`${alias}.given_at`)) },
      {
        header: `${prefix}_withdrawn_at`,
        key: `${prefix}WithdrawnAt`,
        value: isoTime(sql.raw(`${alias}.withdrawn_at`)),
      },
    ];
  }),
];

/**
 * Each kind of consent's latest record (db/schema/consents.ts) is joined to its supporter row
 * under this name; its columns are exported with the prefix beside it.
 */
const CONSENT_JOINS: Record<ConsentKind, string> = {
  privacy_notice: "consent_privacy",
  updates: "consent_updates",
  public_display: "consent_public",
};
const CONSENT_EXPORT: [ConsentKind, string][] = [
  ["privacy_notice", "privacy"],
  ["updates", "updates"],
  ["public_display", "public"],
];

/** The latest consent of each kind beside each supporter: one index probe per kind (consents_signature). */
function consentJoins(table: SupporterTable): SQL {
  const owner = table === signatures ? consents.signatureId : consents.pledgeTakerId;
  return sql.join(
    CONSENT_EXPORT.map(
      ([kind]) => sql`left join lateral (
        select ${consents.textId} as text_id, ${consents.textHash} as text_hash, ${consents.channel} as channel,
               ${consents.givenAt} as given_at, ${consents.withdrawnAt} as withdrawn_at
        from ${consents} where ${owner} = ${table.id} and ${consents.kind} = ${kind}
        order by ${consents.givenAt} desc, ${consents.id} desc limit 1
      ) as ${sql.raw(CONSENT_JOINS[kind])} on true`,
    ),
    sql` `,
  );
}

/** The CSV file's first line (after the byte-order mark). */
export const EXPORT_CSV_HEADER =
  exportFields(signatures)
    .map((field) => field.header)
    .join(",") + "\r\n";

function isoTime(column: PgColumn | SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * One CSV cell, written by Postgres. Every value is quoted (RFC 4180), so no character in it can
 * end the cell: a spreadsheet set to split on `;` or tab, as many European locales are, would
 * otherwise start a new cell inside `Lovelace;=1+1` and evaluate the `=1+1`. An empty, unquoted
 * cell means no value. A cell that starts with = + - @ tab or carriage return also gets a leading
 * apostrophe, so that a signer who types a formula as their name cannot make the file run it on a
 * member of staff's computer (OWASP's advice on CSV injection).
 */
function csvCell(value: PgColumn | SQL): SQL {
  const text = sql`(${value})::text`;
  return sql`case
    when ${text} is null then ''
    when left(${text}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '"''' || replace(${text}, '"', '""') || '"'
    else '"' || replace(${text}, '"', '""') || '"' end`;
}

/**
 * A postal code made of digits (with spaces or hyphens), which a spreadsheet would otherwise
 * read as a number or a date, losing 02139's zero: written after a tab, which makes Excel and
 * LibreOffice keep the cell as text and shows as nothing. A tab rather than an apostrophe,
 * which both show in the cell, or `="02139"`, a formula; importers that trim whitespace get the
 * code back as it was, and JSON Lines carries it untouched.
 */
function postalCodeCell(value: PgColumn): SQL {
  return sql`case
    when ${value} ~ '^[0-9][0-9 -]*$' then '"' || chr(9) || ${value} || '"'
    else ${csvCell(value)} end`;
}

function exportLine(table: SupporterTable, format: ExportFormat): SQL {
  const fields = exportFields(table);
  if (format === "jsonl") {
    return sql`json_build_object(${sql.join(
      fields.map((field) => sql`${field.key}::text, ${field.value}`),
      sql`, `,
    )})::text || chr(10)`;
  }
  const cells = fields.map((field) =>
    field.key === "postalCode" ? postalCodeCell(table.postalCode) : csvCell(field.value),
  );
  return sql`${sql.join(cells, sql` || ',' || `)} || chr(13) || chr(10)`;
}

/**
 * The supporters an admin exports, in batches of lines that Postgres writes itself (keyset
 * pages on when they signed): the server handles one string per batch rather than a thousand
 * rows of objects, so its memory stays flat however many there are (docs/PERFORMANCE.md).
 * People whose data was erased are never in an export.
 */
export async function* exportSupporters(
  caller: StaffCaller,
  filters: ExportFilters,
  format: ExportFormat,
  batchSize = 1_000,
): AsyncGenerator<ExportBatch> {
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
  const line = exportLine(table, format);
  // The cursor is the exact timestamp as text: a JavaScript Date would round away microseconds.
  let after: { cursor: string; id: string } | null = null;
  for (;;) {
    const where = and(
      ...conditions,
      after
        ? sql`(${table.createdAt}, ${table.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)`
        : undefined,
    );
    const { rows } = await getDb().execute<{
      text: string | null;
      rows: number;
      cursor: string | null;
      id: string | null;
    }>(sql`
      with page as (
        select ${table.id} as id, ${table.createdAt} as created_at, ${line} as line
        from ${table} ${consentJoins(table)} where ${where}
        order by ${table.createdAt}, ${table.id} limit ${batchSize}
      )
      select string_agg(line, '' order by created_at, id) as text, count(*)::int as rows,
             (array_agg(created_at::text order by created_at desc, id desc))[1] as cursor,
             (array_agg(id::text order by created_at desc, id desc))[1] as id
      from page`);
    const page = rows[0];
    if (!page?.text || !page.cursor || !page.id) return;
    after = { cursor: page.cursor, id: page.id };
    yield { text: page.text, rows: Number(page.rows) };
    if (Number(page.rows) < batchSize) return;
  }
}
