import { closeDb } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { runCli } from "./cli";

// Before a build: pages are prerendered from the database, so it must exist and be current.
runCli(async () => {
  try {
    const { driver, seeded } = await prepareDatabase();
    console.log(`Database ready for the build (${driver})${seeded ? "; demo campaign added" : ""}.`);
  } finally {
    await closeDb();
  }
});
