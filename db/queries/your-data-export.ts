import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema";
import { YOUR_DATA_ACTOR } from "@/lib/domain/your-data";
import { insertAuditEntryBy } from "./audit";
import { listConsentsForEmail, type ConsentRecord } from "./consents";
import { osdiTime } from "./osdi-paging";
import type { OsdiPersonRow } from "./osdi-people";
import type { OsdiSupporterRow } from "./osdi-supporters";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";
import type { YourDataSession } from "./your-data";

// Everything Upstand holds about one canonical email, for the person's own download from
// "Your data": every signature and pledge taking (any state, erased ones have nothing left), the
// consents given on each, and the emails written to them that are still kept.

/** A signature or pledge taking as held, in the OSDI supporter row's shape plus the rest of its columns. */
export type HeldSupporterRow = OsdiSupporterRow & {
  kind: SupportKind;
  parent_slug: string;
  parent_title: string;
  state: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  country: string | null;
  postal_code: string | null;
  locality: string | null;
  preferred_language: string;
  referral_code: string;
  ip_address: string | null;
  verified_date: string | null;
  withdrawn_date: string | null;
  rejected_date: string | null;
  /** What the row itself says of the consents (the consent records are in HeldData.consents). */
  privacy_notice_version: string;
  privacy_accepted_date: string;
  wants_updates: boolean;
  wants_updates_date: string | null;
  is_public: boolean;
};

export interface HeldMail {
  template: string;
  subject: string;
  created_date: string;
  sent_date: string | null;
}

export interface HeldData {
  person: OsdiPersonRow | null;
  supporters: HeldSupporterRow[];
  /** Every consent given with them, with the words agreed to (db/queries/consents.ts). */
  consents: ConsentRecord[];
  mail: HeldMail[];
}

async function heldRows(kind: SupportKind, emailCanonical: string): Promise<HeldSupporterRow[]> {
  const { table, parentTable, parentColumn } = SUPPORT_KINDS[kind];
  const result = await getDb().execute<HeldSupporterRow>(sql`
    select ${kind} as kind, s.id, s.${sql.identifier(parentColumn)} as parent_id, s.person_id,
      ${osdiTime(sql`s.created_at`)} as created_date, ${osdiTime(sql`s.updated_at`)} as modified_date,
      ${kind === "petition" ? sql`s.comment` : sql`null::text`} as comment, s.source, s.referred_by,
      s.referrer_website, s.referrer_url, '[]'::json as consents,
      p.slug as parent_slug, p.title as parent_title, s.state::text as state,
      s.first_name, s.last_name, s.email, s.country, s.postal_code, s.locality, s.preferred_language,
      s.referral_code, host(s.ip_address) as ip_address,
      ${osdiTime(sql`s.verified_at`)} as verified_date, ${osdiTime(sql`s.withdrawn_at`)} as withdrawn_date,
      ${osdiTime(sql`s.rejected_at`)} as rejected_date,
      s.privacy_notice_version, ${osdiTime(sql`s.privacy_accepted_at`)} as privacy_accepted_date,
      s.wants_updates, ${osdiTime(sql`s.wants_updates_at`)} as wants_updates_date, s.is_public
    from ${table} s join ${parentTable} p on p.id = s.${sql.identifier(parentColumn)}
    where s.email_canonical = ${emailCanonical} and s.erased_at is null
    order by s.created_at, s.id`);
  return result.rows;
}

/** Everything held about the session's address; the download is audited by the ids it holds. */
export async function readYourHeldData(session: YourDataSession): Promise<HeldData> {
  const { emailCanonical } = session;
  const supporters = [
    ...(await heldRows("petition", emailCanonical)),
    ...(await heldRows("pledge", emailCanonical)),
  ];
  const emails = [...new Set(supporters.flatMap((row) => (row.email ? [row.email] : [])))];
  const mail =
    emails.length === 0
      ? []
      : await getDb()
          .select({
            template: outboxMessages.template,
            subject: outboxMessages.subject,
            created_date: osdiTime(outboxMessages.createdAt),
            sent_date: sql<string | null>`${osdiTime(outboxMessages.sentAt)}`,
          })
          .from(outboxMessages)
          .where(inArray(outboxMessages.recipient, emails))
          .orderBy(outboxMessages.createdAt);
  // The newest row speaks for the person, as the OSDI API's person does with verified rows.
  const latest = supporters.reduce<HeldSupporterRow | null>(
    (newest, row) => (!newest || row.modified_date > newest.modified_date ? row : newest),
    null,
  );
  const person: OsdiPersonRow | null = latest
    ? {
        id: latest.person_id ?? latest.id,
        created_date: supporters.map((row) => row.created_date).sort()[0]!,
        modified_date: latest.modified_date,
        first_name: latest.first_name,
        last_name: latest.last_name,
        email: latest.email,
        postal_code: latest.postal_code,
        country: latest.country,
        preferred_language: latest.preferred_language,
        is_subscribed: supporters.some((row) => row.wants_updates && row.state === "verified"),
      }
    : null;
  await insertAuditEntryBy(YOUR_DATA_ACTOR, {
    action: "your-data.download",
    subjectType: "your-data-session",
    subjectId: session.id,
    details: {
      signatures: supporters.filter((row) => row.kind === "petition").map((row) => row.id),
      pledgeTakers: supporters.filter((row) => row.kind === "pledge").map((row) => row.id),
    },
    rowCount: supporters.length,
  });
  return { person, supporters, consents: await listConsentsForEmail(getDb(), emailCanonical), mail };
}
