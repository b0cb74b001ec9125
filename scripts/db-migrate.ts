import { closeDb, database, MIGRATIONS_FOLDER } from "@/db";
import { runCli } from "./cli";

runCli(async () => {
  const { driver, migrate } = database();
  try {
    await migrate(MIGRATIONS_FOLDER);
    console.log(`Migrations applied (${driver}).`);
  } finally {
    await closeDb();
  }
});
