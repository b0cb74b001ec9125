import "server-only";
import { and, desc, eq, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { deliveryPackChunks, deliveryPacks, petitions, signatures } from "@/db/schema";
import { countryName } from "@/lib/domain/countries";
import {
  OUTSIDE_US_SECTION,
  US_STATE_UNKNOWN_SECTION,
  type DeliveryFile,
  type DeliveryPackState,
  type DeliverySplit,
} from "@/lib/domain/delivery";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry, insertSystemAuditEntry } from "./audit";
import { isCommentShown } from "./comments";

// Delivery packs (lib/delivery): the requests, the job's claim on them, the signers they list
// and the files made. Editors and admins make and download packs; viewers may not.

/** How long a claim holds without word from the instance making the pack; each page renews it. */
export const DELIVERY_LEASE_SECONDS = 60;

export interface DeliveryPackRequest {
  petitionId: string;
  split: DeliverySplit;
  includesComments: boolean;
  asOf: Date;
}

/** Queues a pack and writes its audit line, together; null when there is no such petition. */
export async function insertDeliveryPack(
  caller: StaffCaller,
  request: DeliveryPackRequest,
): Promise<string | null> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const [petition] = await tx
      .select({ id: petitions.id, slug: petitions.slug })
      .from(petitions)
      .where(eq(petitions.id, request.petitionId));
    if (!petition) return null;
    const [pack] = await tx
      .insert(deliveryPacks)
      .values({ ...request, madeById: caller.id, madeBy: caller.email })
      .returning({ id: deliveryPacks.id });
    await insertAuditEntry(
      caller,
      {
        action: "delivery-pack.request",
        subjectType: "petition",
        subjectId: petition.id,
        details: {
          pack: pack!.id,
          slug: petition.slug,
          split: request.split,
          includesComments: request.includesComments,
          asOf: request.asOf.toISOString(),
        },
      },
      tx,
    );
    return pack!.id;
  });
}

export interface DeliveryPackLine {
  id: string;
  petitionTitle: string;
  split: DeliverySplit;
  includesComments: boolean;
  asOf: Date;
  state: DeliveryPackState;
  rowsDone: number;
  rowsTotal: number | null;
  pageCount: number | null;
  pdfBytes: number | null;
  csvBytes: number | null;
  madeBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The latest packs, newest first, for the console's list. */
export async function listDeliveryPacks(caller: StaffCaller, limit = 50): Promise<DeliveryPackLine[]> {
  assertRole(caller, "editor");
  return getDb()
    .select({
      id: deliveryPacks.id,
      petitionTitle: petitions.title,
      split: deliveryPacks.split,
      includesComments: deliveryPacks.includesComments,
      asOf: deliveryPacks.asOf,
      state: deliveryPacks.state,
      rowsDone: deliveryPacks.rowsDone,
      rowsTotal: deliveryPacks.rowsTotal,
      pageCount: deliveryPacks.pageCount,
      pdfBytes: deliveryPacks.pdfBytes,
      csvBytes: deliveryPacks.csvBytes,
      madeBy: deliveryPacks.madeBy,
      createdAt: deliveryPacks.createdAt,
      finishedAt: deliveryPacks.finishedAt,
    })
    .from(deliveryPacks)
    .innerJoin(petitions, eq(petitions.id, deliveryPacks.petitionId))
    .orderBy(desc(deliveryPacks.createdAt), desc(deliveryPacks.id))
    .limit(limit);
}

/** What the job needs to make a pack it has claimed. */
export interface ClaimedDeliveryPack {
  id: string;
  attempt: number;
  split: DeliverySplit;
  includesComments: boolean;
  asOf: Date;
  petition: { id: string; title: string; target: string; ask: string };
}

/**
 * Claims the oldest pack nobody is making: queued, or making but with a lease that ran out
 * (its instance stopped). Raises the attempt, so the chunks of an earlier attempt are ignored
 * and dropped. Null when there is nothing to do.
 */
export async function claimDeliveryPack(): Promise<ClaimedDeliveryPack | null> {
  const db = getDb();
  const { rows } = await db.execute<{ id: string; attempt: number }>(sql`
    update ${deliveryPacks}
    set state = 'making', attempt = attempt + 1, rows_done = 0,
        locked_until = now() + make_interval(secs => ${DELIVERY_LEASE_SECONDS})
    where id = (
      select id from ${deliveryPacks}
      where state = 'queued' or (state = 'making' and locked_until < now())
      order by created_at limit 1
      for update skip locked
    )
    returning id, attempt`);
  const claimed = rows[0];
  if (!claimed) return null;
  await db
    .delete(deliveryPackChunks)
    .where(
      and(eq(deliveryPackChunks.packId, claimed.id), sql`${deliveryPackChunks.attempt} < ${claimed.attempt}`),
    );
  const [pack] = await db
    .select({
      split: deliveryPacks.split,
      includesComments: deliveryPacks.includesComments,
      asOf: deliveryPacks.asOf,
      petition: {
        id: petitions.id,
        title: petitions.title,
        target: petitions.target,
        ask: petitions.ask,
      },
    })
    .from(deliveryPacks)
    .innerJoin(petitions, eq(petitions.id, deliveryPacks.petitionId))
    .where(eq(deliveryPacks.id, claimed.id));
  if (!pack) return null;
  return { id: claimed.id, attempt: Number(claimed.attempt), ...pack };
}

/** Notes progress and renews the lease; false when another instance has taken the pack over. */
export async function updateDeliveryProgress(
  pack: Pick<ClaimedDeliveryPack, "id" | "attempt">,
  progress: { rowsDone: number; rowsTotal?: number },
): Promise<boolean> {
  const updated = await getDb()
    .update(deliveryPacks)
    .set({ ...progress, lockedUntil: sql`now() + make_interval(secs => ${DELIVERY_LEASE_SECONDS})` })
    .where(
      and(
        eq(deliveryPacks.id, pack.id),
        eq(deliveryPacks.attempt, pack.attempt),
        eq(deliveryPacks.state, "making"),
      ),
    )
    .returning({ id: deliveryPacks.id });
  return updated.length > 0;
}

export async function insertDeliveryChunk(
  pack: Pick<ClaimedDeliveryPack, "id" | "attempt">,
  file: DeliveryFile,
  seq: number,
  data: Buffer,
): Promise<void> {
  await getDb()
    .insert(deliveryPackChunks)
    .values({ packId: pack.id, attempt: pack.attempt, file, seq, data });
}

/** Marks the pack made, with its audit line, if this attempt still holds it. */
export async function finishDeliveryPack(
  pack: Pick<ClaimedDeliveryPack, "id" | "attempt">,
  made: { rowsTotal: number; pageCount: number; pdfBytes: number; csvBytes: number },
): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [finished] = await tx
      .update(deliveryPacks)
      .set({ ...made, rowsDone: made.rowsTotal, state: "done", lockedUntil: null, finishedAt: sql`now()` })
      .where(
        and(
          eq(deliveryPacks.id, pack.id),
          eq(deliveryPacks.attempt, pack.attempt),
          eq(deliveryPacks.state, "making"),
        ),
      )
      .returning({ id: deliveryPacks.id, petitionId: deliveryPacks.petitionId });
    if (!finished) return false;
    await insertSystemAuditEntry(
      {
        action: "delivery-pack.made",
        subjectType: "petition",
        subjectId: finished.petitionId,
        details: { pack: pack.id, pages: made.pageCount },
        rowCount: made.rowsTotal,
      },
      tx,
    );
    return true;
  });
}

export async function failDeliveryPack(pack: Pick<ClaimedDeliveryPack, "id" | "attempt">): Promise<void> {
  await getDb()
    .update(deliveryPacks)
    .set({ state: "failed", lockedUntil: null, finishedAt: sql`now()` })
    .where(and(eq(deliveryPacks.id, pack.id), eq(deliveryPacks.attempt, pack.attempt)));
}

/** Puts the pack back in the queue, to be made again from the start. */
export async function requeueDeliveryPack(pack: Pick<ClaimedDeliveryPack, "id" | "attempt">): Promise<void> {
  await getDb()
    .update(deliveryPacks)
    .set({ state: "queued", lockedUntil: null, rowsDone: 0 })
    .where(and(eq(deliveryPacks.id, pack.id), eq(deliveryPacks.attempt, pack.attempt)));
}

/** One group of signers in a pack: a country, a U.S. state, or everyone. */
export interface DeliverySection {
  key: string;
  heading: string;
  count: number;
}

const OUTSIDE_US_KEY = "~outside";
const US_SUFFIX = `, ${countryName("US")}`;

function sectionKeyOf(split: DeliverySplit): SQL<string> {
  if (split === "country") return sql<string>`coalesce(${signatures.country}, '')`;
  if (split === "us-state")
    return sql<string>`case when ${signatures.country} = 'US'
      then coalesce(nullif(${signatures.locality}, ${countryName("US")}), '') else ${OUTSIDE_US_KEY} end`;
  return sql<string>`''`;
}

function headingOf(split: DeliverySplit, key: string): string {
  if (split === "country") return key ? countryName(key) : "Country not given";
  if (split === "us-state") {
    if (key === OUTSIDE_US_KEY) return OUTSIDE_US_SECTION;
    if (!key) return US_STATE_UNKNOWN_SECTION;
    return key.endsWith(US_SUFFIX) ? key.slice(0, -US_SUFFIX.length) : key;
  }
  return "Signatures";
}

/**
 * The signatures a pack lists: confirmed at or before its "as of" time, and still confirmed
 * now (not withdrawn, rejected or held since), with the signer's data not erased.
 */
function standingAsOf(petitionId: string, asOf: Date): SQL {
  return and(
    eq(signatures.petitionId, petitionId),
    eq(signatures.state, "verified"),
    lte(signatures.verifiedAt, asOf),
    isNull(signatures.erasedAt),
  )!;
}

/** The pack's sections with how many signers each lists, in the order the pack shows them. */
export async function listDeliverySections(pack: ClaimedDeliveryPack): Promise<DeliverySection[]> {
  const key = sectionKeyOf(pack.split);
  const rows = await getDb()
    .select({ key, count: sql<number>`count(*)::int` })
    .from(signatures)
    .where(standingAsOf(pack.petition.id, pack.asOf))
    // By position: the key repeated would carry its parameters twice, which Postgres does not match.
    .groupBy(sql`1`);
  const sections = rows.map((row) => ({
    key: row.key,
    heading: headingOf(pack.split, row.key),
    count: Number(row.count),
  }));
  // Named places in alphabetical order; the catch-all sections last.
  const isCatchAll = (section: DeliverySection) => section.key === "" || section.key === OUTSIDE_US_KEY;
  return sections.sort(
    (a, b) => Number(isCatchAll(a)) - Number(isCatchAll(b)) || a.heading.localeCompare(b.heading, "en"),
  );
}

/** A signer as a pack shows them: never an email, a postal code or an address. */
export interface DeliverySigner {
  firstName: string | null;
  lastName: string | null;
  locality: string | null;
  /** Only when the pack includes comments and the comment may be shown on the petition's page. */
  comment: string | null;
}

/** One section's signers, in the order they signed, by keyset pages. */
export async function* listDeliverySigners(
  pack: ClaimedDeliveryPack,
  sectionKey: string,
  pageSize = 1_000,
): AsyncGenerator<DeliverySigner[]> {
  const comment = pack.includesComments
    ? sql<string | null>`case when ${isCommentShown} then ${signatures.comment} end`
    : sql<string | null>`null::text`;
  // The cursor is the exact timestamp as text: a JavaScript Date would round away microseconds.
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows: (DeliverySigner & { at: string; id: string })[] = await getDb()
      .select({
        id: signatures.id,
        at: sql<string>`${signatures.createdAt}::text`,
        firstName: signatures.firstName,
        lastName: signatures.lastName,
        locality: signatures.locality,
        comment,
      })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(
        and(
          standingAsOf(pack.petition.id, pack.asOf),
          sql`${sectionKeyOf(pack.split)} = ${sectionKey}`,
          after
            ? sql`(${signatures.createdAt}, ${signatures.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(signatures.createdAt, signatures.id)
      .limit(pageSize);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
    yield rows.map(({ firstName, lastName, locality, comment }) => ({
      firstName,
      lastName,
      locality,
      comment,
    }));
    if (rows.length < pageSize) return;
  }
}

export interface DeliveryDownload {
  fileName: string;
  bytes: number;
  chunks: AsyncGenerator<Buffer>;
}

/**
 * A made pack's file, chunk by chunk as the client reads it, with its audit line; null when
 * the pack is unknown or not made yet.
 */
export async function getDeliveryDownload(
  caller: StaffCaller,
  packId: string,
  file: DeliveryFile,
): Promise<DeliveryDownload | null> {
  assertRole(caller, "editor");
  const db = getDb();
  const [pack] = await db
    .select({
      id: deliveryPacks.id,
      attempt: deliveryPacks.attempt,
      state: deliveryPacks.state,
      rowsTotal: deliveryPacks.rowsTotal,
      pdfBytes: deliveryPacks.pdfBytes,
      csvBytes: deliveryPacks.csvBytes,
      asOf: deliveryPacks.asOf,
      petitionId: petitions.id,
      slug: petitions.slug,
    })
    .from(deliveryPacks)
    .innerJoin(petitions, eq(petitions.id, deliveryPacks.petitionId))
    .where(eq(deliveryPacks.id, packId));
  if (!pack || pack.state !== "done") return null;
  await insertAuditEntry(caller, {
    action: "delivery-pack.download",
    subjectType: "petition",
    subjectId: pack.petitionId,
    details: { pack: pack.id, slug: pack.slug, file },
    rowCount: pack.rowsTotal ?? 0,
  });
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [chunk] = await db
        .select({ data: deliveryPackChunks.data })
        .from(deliveryPackChunks)
        .where(
          and(
            eq(deliveryPackChunks.packId, pack!.id),
            eq(deliveryPackChunks.file, file),
            eq(deliveryPackChunks.attempt, pack!.attempt),
            eq(deliveryPackChunks.seq, seq),
          ),
        );
      if (!chunk) return;
      yield Buffer.from(chunk.data);
    }
  }
  return {
    fileName: `delivery-${pack.slug}-${pack.asOf.toISOString().slice(0, 10)}.${file}`,
    bytes: (file === "pdf" ? pack.pdfBytes : pack.csvBytes) ?? 0,
    chunks: chunks(),
  };
}

/** The petitions a pack can be made of, for the console's form. */
export async function listDeliveryPetitions(caller: StaffCaller): Promise<{ id: string; title: string }[]> {
  assertRole(caller, "editor");
  return getDb()
    .select({ id: petitions.id, title: petitions.title })
    .from(petitions)
    .orderBy(desc(petitions.createdAt), petitions.id);
}
