import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, readDb } from "@/db";
import { campaigns, petitionUpdates, petitions, signatures } from "@/db/schema";
import { LOCALES, type Locale, type ServedLocale } from "@/lib/domain/locale";
import type { MailContent } from "@/lib/domain/mail";
import { outboxFields } from "@/lib/domain/mail";
import {
  PETITION_UPDATE_FIELDS,
  UPDATE_UNSUBSCRIBE_TTL_DAYS,
  type PetitionUpdateField,
  type PetitionUpdateKind,
} from "@/lib/domain/petition-updates";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import {
  flattenTranslations,
  localize,
  localizeRow,
  type TranslatedFields,
  type Translations,
} from "@/lib/domain/translations";
import { insertAuditEntry } from "./audit";

// Decision-maker updates on a petition (lib/domain/petition-updates.ts): the public timeline,
// the console's list and edits, and the one email to the signers who asked for updates.
// Editors and admins post, edit and delete them; every change is audited in its transaction.

export interface PublicPetitionUpdate {
  id: string;
  kind: PetitionUpdateKind;
  /** "2026-11-30": a day, in no time zone. */
  happenedOn: string;
  hearingOn: string | null;
  title: string;
  body: string;
  /** The texts shown in English because they have no translation in the language asked for. */
  untranslated: PetitionUpdateField[];
}

const publicColumns = {
  id: petitionUpdates.id,
  kind: petitionUpdates.kind,
  happenedOn: petitionUpdates.happenedOn,
  hearingOn: petitionUpdates.hearingOn,
  title: petitionUpdates.title,
  body: petitionUpdates.body,
  translations: petitionUpdates.translations,
};

/** A petition's updates for its page, newest first, in `locale` (English where not translated). */
export async function listPetitionUpdates(slug: string, locale: Locale): Promise<PublicPetitionUpdate[]> {
  const rows = await readDb()
    .select(publicColumns)
    .from(petitionUpdates)
    .innerJoin(petitions, eq(petitions.id, petitionUpdates.petitionId))
    .where(eq(petitions.slug, slug))
    .orderBy(desc(petitionUpdates.happenedOn), desc(petitionUpdates.createdAt));
  return rows.map((row) => localizeRow(row, PETITION_UPDATE_FIELDS, locale));
}

export interface UpdatePetitionLine {
  id: string;
  slug: string;
  title: string;
  updates: number;
}

/** Every petition, with how many updates it has, for the console's list. */
export async function listUpdatePetitions(caller: StaffCaller): Promise<UpdatePetitionLine[]> {
  assertRole(caller, "editor");
  return getDb()
    .select({
      id: petitions.id,
      slug: petitions.slug,
      title: petitions.title,
      updates: count(petitionUpdates.id),
    })
    .from(petitions)
    .leftJoin(petitionUpdates, eq(petitionUpdates.petitionId, petitions.id))
    .groupBy(petitions.id)
    .orderBy(asc(petitions.createdAt));
}

export type StaffPetitionUpdate = Omit<PublicPetitionUpdate, "untranslated"> &
  TranslatedFields<PetitionUpdateField> & {
    postedBy: string;
    createdAt: Date;
    emailedAt: Date | null;
    emailedCount: number | null;
  };

export interface StaffUpdatesPage {
  petition: { id: string; slug: string; title: string };
  /** Verified signers who asked for updates and would be emailed now. */
  wantsUpdates: number;
  updates: StaffPetitionUpdate[];
}

/** Who may be emailed an update: confirmed, still standing, not erased, and asked for updates. */
const emailable = and(
  eq(signatures.state, "verified"),
  eq(signatures.wantsUpdates, true),
  isNull(signatures.erasedAt),
  isNull(signatures.withdrawnAt),
  sql`${signatures.email} is not null`,
);

/** One petition's updates with everything the console edits; null when there is no such petition. */
export async function getStaffUpdatesPage(
  caller: StaffCaller,
  slug: string,
): Promise<StaffUpdatesPage | null> {
  assertRole(caller, "editor");
  const [petition] = await getDb()
    .select({ id: petitions.id, slug: petitions.slug, title: petitions.title })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  if (!petition) return null;
  const [[audience], rows] = await Promise.all([
    getDb()
      .select({ n: count() })
      .from(signatures)
      .where(and(eq(signatures.petitionId, petition.id), emailable)),
    getDb()
      .select({
        ...publicColumns,
        postedBy: petitionUpdates.postedBy,
        createdAt: petitionUpdates.createdAt,
        emailedAt: petitionUpdates.emailedAt,
        emailedCount: petitionUpdates.emailedCount,
      })
      .from(petitionUpdates)
      .where(eq(petitionUpdates.petitionId, petition.id))
      .orderBy(desc(petitionUpdates.happenedOn), desc(petitionUpdates.createdAt)),
  ]);
  return {
    petition,
    wantsUpdates: audience?.n ?? 0,
    updates: rows.map(({ translations, ...row }) => ({
      ...row,
      ...flattenTranslations(PETITION_UPDATE_FIELDS, translations),
    })),
  };
}

export interface PetitionUpdateValues {
  kind: PetitionUpdateKind;
  happenedOn: string;
  hearingOn: string | null;
  title: string;
  body: string;
  translations: Translations<PetitionUpdateField>;
}

const auditFacts = (values: PetitionUpdateValues) => ({
  kind: values.kind,
  happenedOn: values.happenedOn,
  ...(values.hearingOn ? { hearingOn: values.hearingOn } : {}),
  title: values.title,
});

/** Posts an update, with its audit line; null when there is no such petition. */
export async function insertPetitionUpdate(
  caller: StaffCaller,
  petitionId: string,
  values: PetitionUpdateValues,
): Promise<{ id: string; slug: string } | null> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [petition] = await tx
      .select({ id: petitions.id, slug: petitions.slug })
      .from(petitions)
      .where(eq(petitions.id, petitionId));
    if (!petition) return null;
    const [row] = await tx
      .insert(petitionUpdates)
      .values({ petitionId, ...values, postedById: caller.id, postedBy: caller.email })
      .returning({ id: petitionUpdates.id });
    await insertAuditEntry(
      caller,
      {
        action: "petition-update.post",
        subjectType: "petition",
        subjectId: petition.id,
        details: { update: row!.id, slug: petition.slug, ...auditFacts(values) },
      },
      tx,
    );
    return { id: row!.id, slug: petition.slug };
  });
}

/** Saves an edit, with its audit line naming the fields changed; null when there is no such update. */
export async function updatePetitionUpdate(
  caller: StaffCaller,
  id: string,
  values: PetitionUpdateValues,
): Promise<{ slug: string } | null> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ ...publicColumns, petitionId: petitionUpdates.petitionId, slug: petitions.slug })
      .from(petitionUpdates)
      .innerJoin(petitions, eq(petitions.id, petitionUpdates.petitionId))
      .where(eq(petitionUpdates.id, id))
      .for("update", { of: petitionUpdates });
    if (!before) return null;
    await tx.update(petitionUpdates).set(values).where(eq(petitionUpdates.id, id));
    const flat = (row: { translations: Translations<PetitionUpdateField> }) =>
      flattenTranslations(PETITION_UPDATE_FIELDS, row.translations);
    const [beforeFlat, afterFlat] = [flat(before), flat(values)];
    const changed = [
      ...(["kind", "happenedOn", "hearingOn", "title", "body"] as const).filter(
        (field) => (before[field] ?? null) !== (values[field] ?? null),
      ),
      ...(Object.keys(afterFlat) as (keyof typeof afterFlat)[]).filter(
        (field) => beforeFlat[field] !== afterFlat[field],
      ),
    ];
    await insertAuditEntry(
      caller,
      {
        action: "petition-update.edit",
        subjectType: "petition",
        subjectId: before.petitionId,
        details: { update: id, slug: before.slug, ...auditFacts(values), changed },
      },
      tx,
    );
    return { slug: before.slug };
  });
}

/** Deletes an update, with its audit line keeping what it said; null when there is no such update. */
export async function deletePetitionUpdate(
  caller: StaffCaller,
  id: string,
): Promise<{ slug: string } | null> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [gone] = await tx.delete(petitionUpdates).where(eq(petitionUpdates.id, id)).returning({
      petitionId: petitionUpdates.petitionId,
      kind: petitionUpdates.kind,
      happenedOn: petitionUpdates.happenedOn,
      hearingOn: petitionUpdates.hearingOn,
      title: petitionUpdates.title,
      emailedAt: petitionUpdates.emailedAt,
    });
    if (!gone) return null;
    const [petition] = await tx
      .select({ slug: petitions.slug })
      .from(petitions)
      .where(eq(petitions.id, gone.petitionId));
    await insertAuditEntry(
      caller,
      {
        action: "petition-update.delete",
        subjectType: "petition",
        subjectId: gone.petitionId,
        details: {
          update: id,
          slug: petition?.slug ?? null,
          ...auditFacts({ ...gone, body: "", translations: {} }),
          wasEmailed: gone.emailedAt !== null,
        },
      },
      tx,
    );
    return { slug: petition?.slug ?? "" };
  });
}

/** What an update email says, in one language, with stand-ins for each signer's name and link. */
export interface UpdateMailFacts {
  locale: ServedLocale;
  kind: PetitionUpdateKind;
  happenedOn: string;
  hearingOn: string | null;
  title: string;
  body: string;
  petitionTitle: string;
  petitionSlug: string;
  campaignName: string;
  /** Stand-ins replaced per signer by the database: letters and digits only, so URLs keep them as they are. */
  firstName: string;
  unsubscribeToken: string;
}

export type EmailUpdateResult =
  { outcome: "queued"; queued: number } | { outcome: "already-emailed" } | { outcome: "not-found" };

/** A signer's language as lib/domain/preferred-language.ts mailLocaleOf reads it: one Upstand speaks, else English. */
const signerLocale = sql`case when lower(split_part(${signatures.preferredLanguage}, '-', 1)) in (${sql.join(
  LOCALES.map((locale) => sql`${locale}`),
  sql`, `,
)}) then lower(split_part(${signatures.preferredLanguage}, '-', 1)) else ${LOCALES[0]} end`;

/**
 * A 256-bit token as lib/signing/tokens.ts newToken makes them (base64url, 43 characters), made
 * by the database for each signer: two random UUIDs' 32 bytes (244 of them random).
 */
const RANDOM_TOKEN = sql.raw(
  `translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_')`,
);

/** Text as HTML text, as lib/mail/layout.ts escapeHtml writes it. */
const escapedHtml = (column: ReturnType<typeof sql>) =>
  sql`replace(replace(replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/**
 * Queues the update's email to every signer of its petition who asked for updates, each in their
 * language, with a fresh stop-updates link of their own. One INSERT … SELECT in the database (no
 * signer is read into memory, however many there are), in the transaction that marks the update
 * emailed: it is sent at most once, and a second call finds it sent.
 */
export async function queuePetitionUpdateEmails(
  caller: StaffCaller,
  updateId: string,
  render: (facts: UpdateMailFacts) => MailContent,
): Promise<EmailUpdateResult> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [update] = await tx
      .update(petitionUpdates)
      .set({ emailedAt: sql`now()` })
      .where(and(eq(petitionUpdates.id, updateId), isNull(petitionUpdates.emailedAt)))
      .returning({ ...publicColumns, petitionId: petitionUpdates.petitionId });
    if (!update) {
      const [exists] = await tx
        .select({ id: petitionUpdates.id })
        .from(petitionUpdates)
        .where(eq(petitionUpdates.id, updateId));
      return { outcome: exists ? "already-emailed" : "not-found" };
    }
    const [petition] = await tx
      .select({
        slug: petitions.slug,
        title: petitions.title,
        translations: petitions.translations,
        campaignName: campaigns.name,
      })
      .from(petitions)
      .innerJoin(campaigns, eq(campaigns.id, petitions.campaignId))
      .where(eq(petitions.id, update.petitionId));
    const stamp = randomUUID().replaceAll("-", "");
    const marks = { firstName: `firstname${stamp}`, token: `unsubscribetoken${stamp}` };
    const mails = LOCALES.map((locale) => {
      const { title, body } = localize(
        { title: update.title, body: update.body },
        update.translations,
        locale,
      ).text;
      const mail = outboxFields(
        render({
          locale,
          kind: update.kind,
          happenedOn: update.happenedOn,
          hearingOn: update.hearingOn,
          title,
          body,
          petitionTitle: localize<"title">({ title: petition!.title }, petition!.translations, locale).text
            .title,
          petitionSlug: petition!.slug,
          campaignName: petition!.campaignName,
          firstName: marks.firstName,
          unsubscribeToken: marks.token,
        }),
      );
      return sql`(${locale}, ${mail.subject}, ${mail.textBody}, ${mail.htmlBody}, ${JSON.stringify(mail.metadata)})`;
    });
    const withToken = (column: ReturnType<typeof sql>) =>
      sql`replace(${column}, ${marks.token}, picked.token)`;
    const result = await tx.execute<{ queued: number }>(sql`
      with mails (locale, subject, text_body, html_body, metadata) as (values ${sql.join(mails, sql`, `)}),
      picked as materialized (
        select ${signatures.id} as id, ${signatures.email} as email,
          coalesce(${signatures.firstName}, '') as first_name, ${signerLocale} as locale,
          ${RANDOM_TOKEN} as token
        from ${signatures}
        where ${signatures.petitionId} = ${update.petitionId} and ${emailable}
      ),
      tokens as (
        insert into action_tokens (token_hash, purpose, subject_id, expires_at)
        select encode(sha256(convert_to(token, 'UTF8')), 'hex'), 'unsubscribe-signature', id,
          now() + make_interval(days => ${UPDATE_UNSUBSCRIBE_TTL_DAYS})
        from picked
      ),
      queued as (
        insert into outbox_messages (dedupe_key, recipient, template, subject, text_body, html_body, metadata)
        select 'petition-update:' || ${updateId} || ':' || picked.id, picked.email, 'petition-update', mails.subject,
          replace(${withToken(sql`mails.text_body`)}, ${marks.firstName}, picked.first_name),
          replace(${withToken(sql`mails.html_body`)}, ${marks.firstName}, ${escapedHtml(sql`picked.first_name`)}),
          ${withToken(sql`mails.metadata`)}::jsonb
        from picked join mails on mails.locale = picked.locale
        on conflict (dedupe_key) do nothing
        returning 1
      )
      select count(*)::int as queued from queued`);
    const queued = Number(result.rows[0]?.queued ?? 0);
    await tx.update(petitionUpdates).set({ emailedCount: queued }).where(eq(petitionUpdates.id, updateId));
    await insertAuditEntry(
      caller,
      {
        action: "petition-update.email",
        subjectType: "petition",
        subjectId: update.petitionId,
        details: { update: updateId, slug: petition!.slug, title: update.title },
        rowCount: queued,
      },
      tx,
    );
    return { outcome: "queued", queued };
  });
}
