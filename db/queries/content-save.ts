import "server-only";
import { sql, type Column } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import {
  flattenTranslations,
  isTranslatedKey,
  localesOfChanges,
  translationsFrom,
  translationsSchema,
  type TranslatedFields,
  type Translations,
} from "@/lib/domain/translations";
import { insertAuditEntry } from "./audit";

// How every content edit is saved: only if nobody else saved the same item since the editor
// loaded it, only the fields that changed, and with an audit line of before and after, all in
// one transaction.

export type SaveOutcome =
  | { status: "saved"; changed: string[] }
  | { status: "unchanged" }
  /** Someone else saved it after this form was loaded: nothing was written. */
  | { status: "stale" }
  | { status: "missing" };

/**
 * A row's updated_at to the microsecond, as text: what an edit form carries to notice someone
 * else's save. (A JavaScript Date keeps milliseconds only, so it cannot be compared exactly.)
 */
export const versionOf = (updatedAt: Column) =>
  sql<string>`(extract(epoch from ${updatedAt}) * 1000000)::bigint::text`;

export type ContentValue = string | number | boolean | Date | null;
/** The editable fields of one kind of item, each a plain value. */
export type ContentFields<T> = { [K in keyof T]: ContentValue };
type Change = { before: ContentValue; after: ContentValue };

const isSame = (a: ContentValue, b: ContentValue) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The fields whose values differ, each with its value before and after. */
function changesBetween(
  before: Record<string, ContentValue>,
  after: Record<string, ContentValue>,
): Record<string, Change> {
  return Object.fromEntries(
    Object.keys(after)
      .filter((key) => !isSame(before[key] ?? null, after[key] ?? null))
      .map((key) => [key, { before: before[key] ?? null, after: after[key] ?? null }]),
  );
}

export interface VersionedSave<T extends ContentFields<T>> {
  subjectType: string;
  action: string;
  /** The version the editor's form was loaded with. */
  version: string;
  content: T;
  /** Reads the row FOR UPDATE: its id, a label for the audit log, its version and its current values. */
  lock: (tx: Db) => Promise<({ id: string; label: string; version: string } & T) | undefined>;
  write: (tx: Db, id: string, changes: Partial<T>, row: T) => Promise<void>;
}

/** A locked row's translations as flat fields, to compare with an edit's (`title_es`). */
export function withTranslatedFields<R extends { translations: Translations<F> }, F extends string>(
  row: R,
  fields: readonly F[],
): Omit<R, "translations"> & TranslatedFields<F> {
  const { translations, ...rest } = row;
  return { ...rest, ...flattenTranslations(fields, translations) };
}

/**
 * A save's changes as the row's columns: English fields as they are, translated ones merged with
 * the row's other translations into `translations`, checked against its schema before it is written.
 */
export function columnsOfChanges<F extends string>(
  fields: readonly F[],
  changes: object,
  row: object,
): Record<string, unknown> {
  const english = Object.fromEntries(Object.entries(changes).filter(([key]) => !isTranslatedKey(key)));
  if (!Object.keys(changes).some(isTranslatedKey)) return english;
  const translations = translationsFrom(fields, { ...row, ...changes });
  return { ...english, translations: translationsSchema(fields).parse(translations) };
}

/** Saves an edit by an editor (or admin); refuses anyone else before touching data. */
export async function saveWithVersion<T extends ContentFields<T>>(
  caller: StaffCaller,
  save: VersionedSave<T>,
): Promise<SaveOutcome & { id?: string }> {
  assertRole(caller, "editor");
  return getDb().transaction(async (tx) => {
    const row = await save.lock(tx);
    if (!row) return { status: "missing" };
    if (row.version !== save.version) return { status: "stale" };
    const content = save.content as Record<string, ContentValue>;
    const changes = changesBetween(row as Record<string, ContentValue>, content);
    const changed = Object.keys(changes);
    if (changed.length === 0) return { status: "unchanged", id: row.id };
    await save.write(
      tx,
      row.id,
      Object.fromEntries(changed.map((key) => [key, content[key]])) as Partial<T>,
      row,
    );
    await insertAuditEntry(
      caller,
      {
        action: save.action,
        subjectType: save.subjectType,
        subjectId: row.id,
        // Which languages the edit touched, where it touched a translation (the changes name
        // each field: "title_es"); an English-only edit reads as it always has.
        details: {
          item: row.label,
          ...(changed.some(isTranslatedKey) ? { locales: localesOfChanges(changed) } : {}),
          changes,
        },
      },
      tx,
    );
    return { status: "saved", changed, id: row.id };
  });
}
