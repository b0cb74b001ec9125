import { sql } from "drizzle-orm";
import { database, MIGRATIONS_FOLDER } from ".";
import { campaigns } from "./schema";
import { seedDemoCampaign } from "./seed";

export interface PreparedDatabase {
  driver: string;
  seeded: boolean;
}

/**
 * Brings the database to the committed schema and, when it holds no campaign yet, adds the
 * demo campaign, so a new install shows something real on its first page.
 */
export async function prepareDatabase(): Promise<PreparedDatabase> {
  const { driver, db, migrate } = database();
  await migrate(MIGRATIONS_FOLDER);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(campaigns);
  const isEmpty = (row?.n ?? 0) === 0;
  if (isEmpty) await seedDemoCampaign(db);
  return { driver, seeded: isEmpty };
}
