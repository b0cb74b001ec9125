import "server-only";
import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * A row for `insert into <table> (<columns>) select <values> ...`, where Postgres cannot infer
 * parameter types from the target columns as it does for VALUES: each value is encoded by its
 * column and cast to the column's type. A value that is already SQL is used as written.
 */
export function typedRow<T extends PgTable>(
  table: T,
  row: Partial<Record<keyof T["_"]["columns"], unknown>>,
): { columns: SQL; values: SQL } {
  const columns = getTableColumns(table);
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  return {
    columns: sql.join(
      entries.map(([key]) => sql.identifier(columns[key]!.name)),
      sql`, `,
    ),
    values: sql.join(
      entries.map(([key, value]) => {
        const column = columns[key]!;
        return is(value, SQL) ? value : sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;
      }),
      sql`, `,
    ),
  };
}
