import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, database, MIGRATIONS_FOLDER, type Db } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { moveCount } from "@/db/queries/counts";
import {
  petitions,
  pledgeCommitments,
  pledges,
  pledgeTakers,
  signatures,
  users,
  type SupportState,
} from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed";
import { pickDriver } from "@/db/drivers/pick-driver";
import { dropEverything, testEnv } from "../helpers/test-database";
import { DEMO_COMMITMENTS, DEMO_PETITION, DEMO_PLEDGE } from "@/db/demo-campaign";
import { hashPassword } from "@/lib/auth/password";
import {
  E2E_DATED_PETITION,
  E2E_PETITIONS,
  E2E_PLEDGES,
  E2E_STAFF,
  E2E_STAFF_PASSWORD,
  E2E_SUPPORTERS,
} from "./fixtures";
import { buildIfChanged, SERVER_COMMAND } from "../../scripts/app-build";

// Playwright's web server: a build of the sources as they are (made only when they changed), a
// fresh database with the demo campaign and a few known supporters, then the built server on it,
// as `npm start` runs it. Playwright stops it when the run ends.

async function addSupporters(
  db: Db,
  kind: "petition" | "pledge",
  parentId: string,
  state: SupportState,
  n: number,
) {
  for (let i = 0; i < n; i++) {
    await db.transaction(async (tx) => {
      const person = {
        firstName: `E2e${i}`,
        lastName: "Supporter",
        email: `${kind}-${state}-${i}@example.org`,
        emailCanonical: `${kind}-${state}-${i}@example.org`,
        country: "US",
        state,
        // As in the app: a verified supporter confirmed at some moment (here, as the server starts).
        verifiedAt: state === "verified" ? new Date() : null,
        privacyNoticeVersion: "test",
        privacyAcceptedAt: new Date(),
        referralCode: randomUUID(),
      };
      const [row] =
        kind === "petition"
          ? await tx
              .insert(signatures)
              .values({ ...person, petitionId: parentId })
              .returning({ id: signatures.id })
          : await tx
              .insert(pledgeTakers)
              .values({ ...person, pledgeId: parentId })
              .returning({ id: pledgeTakers.id });
      await moveCount(tx, kind, parentId, row!.id, null, state);
    });
  }
}

async function prepare() {
  const config = testEnv();
  const { db, migrate } = database();
  if (pickDriver(config) !== "pglite") await dropEverything(db);
  await migrate(MIGRATIONS_FOLDER);
  await seedDemoCampaign(db);
  const campaign = await getFeaturedCampaign();
  const { petition, pledge } = E2E_SUPPORTERS;
  await addSupporters(db, "petition", campaign!.petition!.id, "verified", petition.verified);
  await addSupporters(db, "petition", campaign!.petition!.id, "pending", petition.pending);
  await addSupporters(db, "pledge", campaign!.pledge!.id, "verified", pledge.verified);
  await addSupporters(db, "pledge", campaign!.pledge!.id, "pending", pledge.pending);
  const [demo] = await db.select({ campaignId: petitions.campaignId }).from(petitions);
  await db.insert(petitions).values(
    E2E_PETITIONS.map((slug) => ({
      ...DEMO_PETITION,
      slug,
      title: `${DEMO_PETITION.title} (${slug})`,
      campaignId: demo!.campaignId,
    })),
  );
  await db.insert(petitions).values({
    ...DEMO_PETITION,
    ...E2E_DATED_PETITION,
    title: `${DEMO_PETITION.title} (${E2E_DATED_PETITION.slug})`,
    campaignId: demo!.campaignId,
  });
  for (const slug of E2E_PLEDGES) {
    const [copy] = await db
      .insert(pledges)
      .values({ ...DEMO_PLEDGE, slug, title: `${DEMO_PLEDGE.title} (${slug})`, campaignId: demo!.campaignId })
      .returning({ id: pledges.id });
    await db
      .insert(pledgeCommitments)
      .values(DEMO_COMMITMENTS.map((commitment) => ({ ...commitment, pledgeId: copy!.id })));
  }
  const passwordHash = await hashPassword(E2E_STAFF_PASSWORD);
  await db
    .insert(users)
    .values(Object.values(E2E_STAFF).map(({ email, role }) => ({ email, role, passwordHash })));
  await closeDb();
}

await buildIfChanged();
await prepare();
const server = spawn(SERVER_COMMAND[0], [SERVER_COMMAND[1]], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    // As behind a reverse proxy: tests name the client's address in X-Real-IP.
    TRUSTED_PROXY_HEADER: "x-real-ip",
    DEV_MAILBOX: "on",
    // The webhook specs' receivers listen on 127.0.0.1, which the guard refuses otherwise.
    WEBHOOKS_ALLOW_PRIVATE: "on",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  // The embedded database of this run lives in a temporary directory; leave nothing behind.
  const dataDir = testEnv().DATA_DIR;
  if (path.basename(dataDir).startsWith("upstand-e2e-")) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
