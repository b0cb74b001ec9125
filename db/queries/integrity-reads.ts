import "server-only";
import { and, desc, eq, isNotNull, lte } from "drizzle-orm";
import { getDb, readDb, type Db } from "@/db";
import {
  actionTokens,
  integrityRootChunks,
  integrityRoots,
  petitions,
  signatureReceipts,
  signatures,
} from "@/db/schema";
import { auditPath, INTEGRITY_CHUNK_LEAVES, leafNode, splitHashes } from "@/lib/domain/merkle";
import { SUPPORT_KINDS } from "./support-kinds";

export interface IntegrityRootView {
  root: string;
  count: number;
  publishedAt: string;
  reason: "daily" | "staff";
}

export interface IntegrityProof {
  leaf: string;
  /** The latest root; null when none has been published yet. */
  root: IntegrityRootView | null;
  /** Whether the leaf is in that root; index and siblings are null when it is not. */
  included: boolean;
  index: number | null;
  /** The sibling hashes from the leaf up, lowest first (hex). */
  siblings: string[] | null;
}

const ROOTS_LISTED = 100;

const rootView = (row: {
  rootHash: Buffer;
  leafCount: number;
  publishedAt: Date;
  reason: "daily" | "staff";
}) => ({
  root: row.rootHash.toString("hex"),
  count: row.leafCount,
  publishedAt: row.publishedAt.toISOString(),
  reason: row.reason,
});

async function petitionIdOf(slug: string): Promise<string | null> {
  const [row] = await readDb().select({ id: petitions.id }).from(petitions).where(eq(petitions.slug, slug));
  return row?.id ?? null;
}

/** The published roots of a petition, newest first (the latest hundred); null when no petition has this slug. */
export async function listIntegrityRoots(slug: string): Promise<{ roots: IntegrityRootView[] } | null> {
  const petitionId = await petitionIdOf(slug);
  if (!petitionId) return null;
  const rows = await getDb()
    .select({
      rootHash: integrityRoots.rootHash,
      leafCount: integrityRoots.leafCount,
      publishedAt: integrityRoots.publishedAt,
      reason: integrityRoots.reason,
    })
    .from(integrityRoots)
    .where(eq(integrityRoots.petitionId, petitionId))
    .orderBy(desc(integrityRoots.publishedAt), desc(integrityRoots.id))
    .limit(ROOTS_LISTED);
  return { roots: rows.map(rootView) };
}

/**
 * The inclusion proof of one leaf hash (64 hex digits) against the petition's latest root:
 * reads the one chunk that may hold it, and the root's chunk roots; null when no petition has this slug.
 */
export async function getIntegrityProof(slug: string, leafHex: string): Promise<IntegrityProof | null> {
  const petitionId = await petitionIdOf(slug);
  if (!petitionId) return null;
  const leaf = Buffer.from(leafHex, "hex");
  // One snapshot for both reads: a root published in between deletes the chunks of the one read.
  return getDb().transaction((tx) => proveAgainstLatest(tx, petitionId, leaf, leafHex), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function proveAgainstLatest(
  tx: Db,
  petitionId: string,
  leaf: Buffer,
  leafHex: string,
): Promise<IntegrityProof> {
  const [latest] = await tx
    .select({
      id: integrityRoots.id,
      rootHash: integrityRoots.rootHash,
      leafCount: integrityRoots.leafCount,
      publishedAt: integrityRoots.publishedAt,
      reason: integrityRoots.reason,
      chunkRoots: integrityRoots.chunkRoots,
      leavesOfId: integrityRoots.leavesOfId,
    })
    .from(integrityRoots)
    .where(eq(integrityRoots.petitionId, petitionId))
    .orderBy(desc(integrityRoots.publishedAt), desc(integrityRoots.id))
    .limit(1);
  const absent = { leaf: leafHex, included: false, index: null, siblings: null };
  if (!latest) return { ...absent, root: null };
  const root = rootView(latest);
  const [chunk] = await tx
    .select({ seq: integrityRootChunks.seq, leaves: integrityRootChunks.leaves })
    .from(integrityRootChunks)
    .where(
      and(
        eq(integrityRootChunks.rootId, latest.leavesOfId ?? latest.id),
        lte(integrityRootChunks.firstLeaf, leaf),
      ),
    )
    .orderBy(desc(integrityRootChunks.firstLeaf))
    .limit(1);
  const leaves = chunk ? splitHashes(chunk.leaves) : [];
  const at = findLeaf(leaves, leaf);
  if (!chunk || at < 0) return { ...absent, root };
  const siblings = [
    ...auditPath(leaves.map(leafNode), at),
    ...auditPath(splitHashes(latest.chunkRoots), chunk.seq),
  ];
  return {
    leaf: leafHex,
    root,
    included: true,
    index: chunk.seq * INTEGRITY_CHUNK_LEAVES + at,
    siblings: siblings.map((hash) => hash.toString("hex")),
  };
}

/** Binary search in ascending leaf hashes; -1 when absent. */
function findLeaf(leaves: Buffer[], leaf: Buffer): number {
  let low = 0;
  let high = leaves.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = Buffer.compare(leaves[mid]!, leaf);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

export interface SignatureReceipt {
  /** The secret receipt (hex), shown only to the signer. */
  receipt: string;
  /** SHA-256 of the receipt (hex): the leaf, safe to send anywhere. */
  leaf: string;
}

const receiptOf = (row: { receipt: Buffer | null; leafHash: Buffer }): SignatureReceipt | null =>
  row.receipt ? { receipt: row.receipt.toString("hex"), leaf: row.leafHash.toString("hex") } : null;

/** The receipt of the signature an emailed confirm link belongs to; null for a pledge or before confirmation. */
export async function getReceiptForConfirmToken(tokenHash: string): Promise<SignatureReceipt | null> {
  const [row] = await getDb()
    .select({ receipt: signatureReceipts.receipt, leafHash: signatureReceipts.leafHash })
    .from(actionTokens)
    .innerJoin(signatureReceipts, eq(signatureReceipts.signatureId, actionTokens.subjectId))
    .where(
      and(
        eq(actionTokens.tokenHash, tokenHash),
        eq(actionTokens.purpose, SUPPORT_KINDS.petition.purposes.confirm),
      ),
    );
  return row ? receiptOf(row) : null;
}

export interface ReceiptForEmail extends SignatureReceipt {
  slug: string;
  title: string;
}

/**
 * Every receipt of the signatures of one canonical email (for "Your data", which has checked that
 * the person holds the address): secrets, so never for anyone else's page.
 */
export async function receiptsForEmail(emailCanonical: string): Promise<ReceiptForEmail[]> {
  const rows = await getDb()
    .select({
      slug: petitions.slug,
      title: petitions.title,
      receipt: signatureReceipts.receipt,
      leafHash: signatureReceipts.leafHash,
    })
    .from(signatures)
    .innerJoin(signatureReceipts, eq(signatureReceipts.signatureId, signatures.id))
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(and(eq(signatures.emailCanonical, emailCanonical), isNotNull(signatureReceipts.receipt)))
    .orderBy(petitions.title);
  return rows.flatMap((row) => {
    const receipt = receiptOf(row);
    return receipt ? [{ slug: row.slug, title: row.title, ...receipt }] : [];
  });
}
