import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  customType,
} from "drizzle-orm/pg-core";
import type { DeliveryFile, DeliveryPackState, DeliverySplit } from "../../lib/domain/delivery";
import { createdAt, id } from "./columns";
import { petitions } from "./petitions";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A delivery pack asked for by a member of staff, and the background job that makes it. Any
 * instance may claim a queued pack, or one whose lease (`locked_until`) ran out because the
 * instance making it stopped; `attempt` goes up with each claim, and only the chunks of the
 * latest attempt make the files.
 */
export const deliveryPacks = pgTable(
  "delivery_packs",
  {
    id: id(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    split: text("split").$type<DeliverySplit>().notNull(),
    includesComments: boolean("includes_comments").notNull(),
    /** Signatures confirmed at or before this time, and still standing when the pack is made. */
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    state: text("state").$type<DeliveryPackState>().notNull().default("queued"),
    rowsDone: integer("rows_done").notNull().default(0),
    rowsTotal: integer("rows_total"),
    pageCount: integer("page_count"),
    pdfBytes: integer("pdf_bytes"),
    csvBytes: integer("csv_bytes"),
    attempt: integer("attempt").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    // No cascade: staff who have acted are disabled, never deleted.
    madeById: text("made_by_id").references(() => users.id),
    madeBy: text("made_by").notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    // The job's search for work: packs not yet done.
    index("delivery_packs_unfinished")
      .on(t.createdAt)
      .where(sql`${t.state} in ('queued', 'making')`),
    index("delivery_packs_created").on(t.createdAt),
  ],
);

/**
 * The made files, in chunks of about a megabyte: instances keep nothing on disk, so the file is
 * in the database where any instance can stream it back (docs/ARCHITECTURE.md).
 */
export const deliveryPackChunks = pgTable(
  "delivery_pack_chunks",
  {
    packId: uuid("pack_id")
      .notNull()
      .references(() => deliveryPacks.id, { onDelete: "cascade" }),
    file: text("file").$type<DeliveryFile>().notNull(),
    attempt: integer("attempt").notNull(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.packId, t.file, t.attempt, t.seq] })],
);

export type DeliveryPack = typeof deliveryPacks.$inferSelect;
