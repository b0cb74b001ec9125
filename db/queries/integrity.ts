import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { integrityRootChunks, integrityRoots, petitions } from "@/db/schema";
import { chunkRoot, INTEGRITY_CHUNK_LEAVES, rootOfNodes, splitHashes } from "@/lib/domain/merkle";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry } from "./audit";

export interface PublishedRoot {
  id: string;
  rootHash: string;
  leafCount: number;
  publishedAt: Date;
}

type Publication = { reason: "daily"; day: string } | { reason: "staff"; caller: StaffCaller };

// Root publishers of one petition take turns (a transaction-level lock, so any pooler is fine).
const lockKey = (petitionId: string) => sql`hashtextextended(${`upstand-integrity:${petitionId}`}, 0)`;

/**
 * Publishes the root over the petition's counted signatures (verified, not erased) as they are
 * now, in one transaction: the leaf hashes are gathered into chunks by the database, in
 * ascending order, and hashed here a chunk at a time (docs/INTEGRITY.md). A daily root is
 * published once per petition per UTC day by whichever instance gets there first (an advisory
 * lock, and a unique index behind it); null when another has, or is doing it.
 */
export async function publishIntegrityRoot(
  petitionId: string,
  publication: Publication,
): Promise<PublishedRoot | null> {
  return getDb().transaction(async (tx) => {
    if (publication.reason === "daily") {
      const [lock] = (
        await tx.execute<{ locked: boolean }>(
          sql`select pg_try_advisory_xact_lock(${lockKey(petitionId)}) as locked`,
        )
      ).rows;
      if (!lock?.locked) return null;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(petitionId)})`);
    }
    const [root] = await tx
      .insert(integrityRoots)
      .values({
        petitionId,
        rootHash: Buffer.alloc(0),
        leafCount: 0,
        chunkRoots: Buffer.alloc(0),
        reason: publication.reason,
        scheduledDay: publication.reason === "daily" ? publication.day : null,
        publishedBy: publication.reason === "staff" ? publication.caller.email : null,
        // The time the lock was held, not the transaction's start: roots are ordered by it, and a
        // publisher that waited for the lock comes after the one it waited for.
        publishedAt: sql`clock_timestamp()`,
      })
      .onConflictDoNothing()
      .returning({ id: integrityRoots.id, publishedAt: integrityRoots.publishedAt });
    if (!root) return null;
    await tx.execute(sql`
      insert into integrity_root_chunks (root_id, seq, first_leaf, leaves)
      select ${root.id}::uuid, seq, (array_agg(leaf_hash order by leaf_hash))[1], string_agg(leaf_hash, ''::bytea order by leaf_hash)
      from (
        select r.leaf_hash, (row_number() over (order by r.leaf_hash) - 1) / ${INTEGRITY_CHUNK_LEAVES} as seq
        from signature_receipts r join signatures s on s.id = r.signature_id
        where r.petition_id = ${petitionId}::uuid and s.state = 'verified' and s.erased_at is null
      ) as counted
      group by seq`);
    const chunks = await tx
      .select({ leaves: integrityRootChunks.leaves })
      .from(integrityRootChunks)
      .where(eq(integrityRootChunks.rootId, root.id))
      .orderBy(integrityRootChunks.seq);
    let leafCount = 0;
    const chunkRoots = chunks.map(({ leaves }) => {
      const hashes = splitHashes(leaves);
      leafCount += hashes.length;
      return chunkRoot(hashes);
    });
    const rootHash = rootOfNodes(chunkRoots);
    const leavesOfId = await reuseUnchangedLeaves(tx, petitionId, root.id, rootHash, leafCount);
    await tx
      .update(integrityRoots)
      .set({ rootHash, leafCount, chunkRoots: Buffer.concat(chunkRoots), leavesOfId })
      .where(eq(integrityRoots.id, root.id));
    // Proofs are made against the latest root only, so only its leaves are kept: a million take
    // 32 MB, each day. Earlier roots keep their hash, count and chunk roots.
    await tx.execute(sql`
      delete from integrity_root_chunks
      where root_id in (select id from integrity_roots where petition_id = ${petitionId}::uuid)
        and root_id <> ${leavesOfId ?? root.id}::uuid`);
    if (publication.reason === "staff") {
      await insertAuditEntry(
        publication.caller,
        {
          action: "integrity.publish",
          subjectType: "petition",
          subjectId: petitionId,
          details: { root: rootHash.toString("hex"), count: leafCount },
        },
        tx,
      );
    }
    return { id: root.id, rootHash: rootHash.toString("hex"), leafCount, publishedAt: root.publishedAt };
  });
}

/** When nothing changed since the latest root, its chunks serve again and this root stores none. */
async function reuseUnchangedLeaves(
  tx: Db,
  petitionId: string,
  rootId: string,
  rootHash: Buffer,
  leafCount: number,
): Promise<string | null> {
  const [previous] = await tx
    .select({
      id: integrityRoots.id,
      rootHash: integrityRoots.rootHash,
      leavesOfId: integrityRoots.leavesOfId,
    })
    .from(integrityRoots)
    .where(and(eq(integrityRoots.petitionId, petitionId), sql`${integrityRoots.id} <> ${rootId}`))
    .orderBy(desc(integrityRoots.publishedAt), desc(integrityRoots.id))
    .limit(1);
  if (!previous || !previous.rootHash.equals(rootHash) || leafCount === 0) return null;
  await tx.delete(integrityRootChunks).where(eq(integrityRootChunks.rootId, rootId));
  return previous.leavesOfId ?? previous.id;
}

/** Asked for by staff in the console: a root now, whatever the schedule. */
export async function publishIntegrityRootNow(
  caller: StaffCaller,
  petitionId: string,
): Promise<PublishedRoot | null> {
  assertRole(caller, "editor");
  const [petition] = await getDb()
    .select({ id: petitions.id })
    .from(petitions)
    .where(eq(petitions.id, petitionId));
  if (!petition) return null;
  return publishIntegrityRoot(petition.id, { reason: "staff", caller });
}

/** The petitions staff may publish a root for, newest first, by title and slug (copies may share a title). */
export async function listRootPetitions(caller: StaffCaller): Promise<{ id: string; label: string }[]> {
  assertRole(caller, "editor");
  const rows = await getDb()
    .select({ id: petitions.id, title: petitions.title, slug: petitions.slug })
    .from(petitions)
    .orderBy(desc(petitions.createdAt), petitions.id);
  return rows.map((row) => ({ id: row.id, label: `${row.title} (${row.slug})` }));
}

/** The schedule's run: today's root (UTC) for every petition that has none yet; returns how many it published. */
export async function publishDailyIntegrityRoots(now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const due = await getDb()
    .select({ id: petitions.id })
    .from(petitions)
    .where(
      sql`not exists (select 1 from ${integrityRoots} where ${integrityRoots.petitionId} = ${petitions.id} and ${integrityRoots.scheduledDay} = ${day})`,
    );
  let published = 0;
  for (const petition of due)
    if (await publishIntegrityRoot(petition.id, { reason: "daily", day })) published++;
  return published;
}
