import { and, count, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, database, getDb, MIGRATIONS_FOLDER } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { getTotals } from "@/db/queries/counts";
import { getPetition, getPetitionTotals } from "@/db/queries/petitions";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { petitions, signatures } from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed";
import { pickDriver } from "@/db/drivers/pick-driver";
import { hashToken } from "@/lib/signing/tokens";
import { findPostgresBin, startPrimaryAndReplica, type PrimaryAndReplica } from "../helpers/postgres-replica";
import { confirmTokenFor, signAs } from "../helpers/signing";
import { testEnv } from "../helpers/test-database";

// With DATABASE_READ_URL, public reads go to a streaming replica and everything else to the
// primary. This starts its own primary and replica (the test server cannot grow a replica), pauses
// the replica's replay, and shows which reads stay behind and which do not.
const skipReason =
  pickDriver(testEnv()) !== "pg"
    ? "runs in the Postgres pass (DATABASE_URL set)"
    : !findPostgresBin()
      ? "needs the Postgres server binaries (initdb, pg_basebackup)"
      : null;
const EVENTUALLY = { timeout: 30_000, interval: 50 };
const ROUTING_VARIABLES = ["DATABASE_URL", "DATABASE_DIRECT_URL", "DATABASE_READ_URL"] as const;

describe.skipIf(skipReason)(`a read replica${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let servers: PrimaryAndReplica;
  let replica: pg.Client;
  const saved = Object.fromEntries(ROUTING_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    servers = await startPrimaryAndReplica("upstand_replica");
    await closeDb();
    process.env.DATABASE_URL = servers.primaryUrl;
    process.env.DATABASE_READ_URL = servers.replicaUrl;
    delete process.env.DATABASE_DIRECT_URL;
    // The environment is read once per process; if something read it first, this test would quietly test nothing.
    if (!database().readDb)
      throw new Error("the environment was read before this test set DATABASE_READ_URL");
    await database().migrate(MIGRATIONS_FOLDER);
    await seedDemoCampaign(getDb());
    replica = new pg.Client({ connectionString: servers.replicaUrl });
    await replica.connect();
  });
  afterAll(async () => {
    await replica?.end();
    await closeDb();
    servers?.stop();
    for (const name of ROUTING_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("serves public pages and totals from the replica, while signing and confirming stay exact on the primary", async () => {
    // The demo campaign, seeded on the primary, reaches the public pages once the replica replays it.
    await expect.poll(async () => (await getFeaturedCampaign())?.petition?.slug, EVENTUALLY).toBeTruthy();
    const petition = (await getFeaturedCampaign())!.petition!;
    const before = (await getPetitionTotals(petition.slug))!;

    await replica.query("select pg_wal_replay_pause()");
    await expect
      .poll(
        async () => (await replica.query("select pg_get_wal_replay_pause_state() as state")).rows[0].state,
        EVENTUALLY,
      )
      .toBe("paused");

    // Three people sign and confirm, and staff retitle the petition, all on the primary. Each
    // confirmation reads the token just written, so it would fail if it read the paused replica.
    const people = ["ada@example.org", "grace@example.org", "edsger@example.org"];
    for (const email of people) {
      expect((await signAs(petition.slug, email)).ok).toBe(true);
      const outcome = await redeemSupportToken(
        "petition",
        hashToken(await confirmTokenFor(email)),
        "confirm",
      );
      expect(outcome.result).toBe("done");
    }
    await getDb()
      .update(petitions)
      .set({ title: "Retitled on the primary" })
      .where(eq(petitions.id, petition.id));

    const verifiedRows = async () =>
      (
        await getDb()
          .select({ n: count() })
          .from(signatures)
          .where(and(eq(signatures.petitionId, petition.id), eq(signatures.state, "verified")))
      )[0]!.n;
    const onPrimary = await getTotals("petition", petition.id, getDb());
    expect(onPrimary.verified).toBe(before.verified + people.length);
    expect(onPrimary.verified).toBe(await verifiedRows());

    // The public page, the home page's total and the totals endpoint all show the replica's state.
    expect((await getPetitionTotals(petition.slug))!.verified).toBe(before.verified);
    expect((await getTotals("petition", petition.id)).verified).toBe(before.verified);
    expect((await getPetition(petition.slug))!.title).toBe(petition.title);
    // The live feed reads the primary: it reads because a commit was just announced.
    expect((await getPetitionTotals(petition.slug, { fresh: true }))!.verified).toBe(
      before.verified + people.length,
    );

    await replica.query("select pg_wal_replay_resume()");
    await expect
      .poll(async () => (await getPetitionTotals(petition.slug))!.verified, EVENTUALLY)
      .toBe(before.verified + people.length);
    expect((await getPetition(petition.slug))!.title).toBe("Retitled on the primary");
    expect((await getPetitionTotals(petition.slug))!.verified).toBe(await verifiedRows());
  });
});
