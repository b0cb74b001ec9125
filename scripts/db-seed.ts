import { closeDb, database } from "@/db";
import { seedDemoCampaign } from "@/db/seed";
import { runCli } from "./cli";

runCli(async () => {
  const { driver, db } = database();
  try {
    const inserted = await seedDemoCampaign(db);
    console.log(
      inserted === 0
        ? `The demo campaign is already complete (${driver}); nothing changed.`
        : `Demo campaign seeded (${driver}): ${inserted} rows added.`,
    );
  } finally {
    await closeDb();
  }
});
