import {
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { petitions } from "./petitions";
import { signatures } from "./signatures";

// PGlite hands bytea back as a Uint8Array, node-postgres as a Buffer: always a Buffer here.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Each confirmed signature's receipt (docs/INTEGRITY.md): 32 random bytes made by a trigger when
 * the signature is first verified (or confirmed and held), shown to the signer, and the SHA-256
 * of it, the leaf of the published Merkle trees. The leaf hash says nothing about the person and
 * stays after erasure, so that earlier roots can be rebuilt; the receipt itself is blanked then.
 */
export const signatureReceipts = pgTable(
  "signature_receipts",
  {
    signatureId: uuid("signature_id")
      .primaryKey()
      .references(() => signatures.id, { onDelete: "cascade" }),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    /** The secret; null once the signer is erased. */
    receipt: bytea("receipt"),
    leafHash: bytea("leaf_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("signature_receipts_leaf").on(t.leafHash),
    // A root reads one petition's leaves in this order.
    index("signature_receipts_petition_leaf").on(t.petitionId, t.leafHash),
  ],
);

/** A published root: the Merkle tree over one petition's counted signatures at `publishedAt`. */
export const integrityRoots = pgTable(
  "integrity_roots",
  {
    id: id(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    rootHash: bytea("root_hash").notNull(),
    leafCount: integer("leaf_count").notNull(),
    /** The root of each chunk's subtree (32 bytes each, in order): a proof needs no other chunk. */
    chunkRoots: bytea("chunk_roots").notNull(),
    /** When the leaves did not change since an earlier root, that root's chunks hold them. */
    leavesOfId: uuid("leaves_of_id"),
    /** "daily" (the schedule) or "staff" (asked for in the console). */
    reason: text("reason").$type<"daily" | "staff">().notNull(),
    /** The UTC day a daily root is for: one per petition per day, whichever instance publishes it. */
    scheduledDay: date("scheduled_day"),
    publishedBy: text("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("integrity_roots_daily").on(t.petitionId, t.scheduledDay),
    index("integrity_roots_petition_published").on(t.petitionId, t.publishedAt),
  ],
);

/** A root's leaf hashes, ascending, in chunks of INTEGRITY_CHUNK_LEAVES (lib/domain/merkle.ts). */
export const integrityRootChunks = pgTable(
  "integrity_root_chunks",
  {
    rootId: uuid("root_id")
      .notNull()
      .references(() => integrityRoots.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    firstLeaf: bytea("first_leaf").notNull(),
    leaves: bytea("leaves").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rootId, t.seq] }),
    index("integrity_root_chunks_first_leaf").on(t.rootId, t.firstLeaf),
  ],
);

export type IntegrityRoot = typeof integrityRoots.$inferSelect;
