import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { consents, consentTexts, people, petitions, pledges, pledgeTakers, signatures } from "@/db/schema";
import type { ConsentChannel, ConsentKind } from "@/lib/domain/enums";

// Consents are written by the triggers on signatures and pledge_takers (migration 0023); the app
// registers the texts they name, reads them back, and may say how a change is being made.

export interface NewConsentText {
  id: string;
  kind: ConsentKind;
  locale: string;
  text: string;
  sha256: string;
}

// Per database handle (tests and scripts may open more than one), the text ids known to be stored.
const registered = new WeakMap<Db, Set<string>>();

/**
 * Stores each text the first time this process uses it (a text never changes under its id, which
 * is its hash), so that the consents naming it can refer to it. After the first, no round trip.
 */
export async function ensureConsentTexts(texts: NewConsentText[], db: Db = getDb()): Promise<void> {
  let known = registered.get(db);
  if (!known) registered.set(db, (known = new Set()));
  const missing = texts.filter((text) => !known.has(text.id));
  if (missing.length === 0) return;
  await db.insert(consentTexts).values(missing).onConflictDoNothing({ target: consentTexts.id });
  for (const text of missing) known.add(text.id);
}

/**
 * Says, for the rest of transaction `tx`, how the consents its changes give are given (the
 * "Your data" page: 'portal'); the triggers read it before anything on the row.
 */
export async function setConsentChannel(tx: Db, channel: ConsentChannel): Promise<void> {
  await tx.execute(sql`select set_config('upstand.consent_channel', ${channel}, true)`);
}

/** One consent as a supporter's download and the staff's view show it. */
export interface ConsentRecord {
  id: string;
  /** The signature or the pledge taker it belongs to, and that petition's or pledge's slug. */
  supporterKind: "petition" | "pledge";
  supporterId: string;
  parentSlug: string;
  kind: ConsentKind;
  textId: string;
  /** The SHA-256 of the words shown, in hex; null for consents given before the words were recorded. */
  textHash: string | null;
  text: string;
  channel: ConsentChannel;
  givenAt: Date;
  withdrawnAt: Date | null;
}

/**
 * Every consent of every signature and pledge of one canonical email, oldest first, with the
 * words agreed to. Erased supporters have no email left, so theirs are not found by it.
 */
export async function listConsentsForEmail(db: Db, emailCanonical: string): Promise<ConsentRecord[]> {
  const columns = {
    id: consents.id,
    kind: consents.kind,
    textId: consents.textId,
    textHash: consents.textHash,
    text: consentTexts.text,
    channel: consents.channel,
    givenAt: consents.givenAt,
    withdrawnAt: consents.withdrawnAt,
  };
  // Through the person (one per canonical email, indexed), not a scan of every supporter's email.
  const personOf = sql<string>`(select ${people.id} from ${people} where ${people.emailCanonical} = ${emailCanonical})`;
  const [ofSignatures, ofPledgeTakers] = await Promise.all([
    db
      .select({ ...columns, supporterId: signatures.id, parentSlug: petitions.slug })
      .from(consents)
      .innerJoin(signatures, eq(signatures.id, consents.signatureId))
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .innerJoin(consentTexts, eq(consentTexts.id, consents.textId))
      .where(eq(signatures.personId, personOf))
      .orderBy(asc(consents.givenAt), asc(consents.id)),
    db
      .select({ ...columns, supporterId: pledgeTakers.id, parentSlug: pledges.slug })
      .from(consents)
      .innerJoin(pledgeTakers, eq(pledgeTakers.id, consents.pledgeTakerId))
      .innerJoin(pledges, eq(pledges.id, pledgeTakers.pledgeId))
      .innerJoin(consentTexts, eq(consentTexts.id, consents.textId))
      .where(eq(pledgeTakers.personId, personOf))
      .orderBy(asc(consents.givenAt), asc(consents.id)),
  ]);
  return [
    ...ofSignatures.map((row) => ({ ...row, supporterKind: "petition" as const })),
    ...ofPledgeTakers.map((row) => ({ ...row, supporterKind: "pledge" as const })),
  ].sort((a, b) => a.givenAt.getTime() - b.givenAt.getTime() || a.id.localeCompare(b.id));
}
