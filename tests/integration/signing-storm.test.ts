import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { getPetitionTotals } from "@/db/queries/petitions";
import { outboxMessages } from "@/db/schema";
import { handleSupportRequest } from "@/lib/api/support-request";
import { freshDemoPetition } from "../helpers/signing";

// A storm at the signing API's handler, as the route hands it each Request, on the real database:
// callers name their address in X-Real-IP, as behind a reverse proxy.
vi.hoisted(() => vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip"));

const valid = {
  firstName: "Ada",
  lastName: "Lovelace",
  country: "US",
  postalCode: "20500",
  acceptsPrivacy: true,
};
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe("the signing API under a storm", () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
  });
  afterAll(async () => {
    await closeDb();
    vi.unstubAllEnvs();
  });

  // The timeout guards against a hang, not a speed: on a loaded 2-core machine this has taken 30 s.
  it(
    "a storm of 500 requests for one address, in case, dot and plus variants, leaves one signature",
    { timeout: 120_000 },
    async () => {
      const before = (await getPetitionTotals(slug, { fresh: true }))!;
      const variants = [
        "storm.person@gmail.com",
        "Storm.Person@Gmail.com",
        "stormperson+a@gmail.com",
        "s.t.o.r.m.person@googlemail.com",
        " STORMPERSON@gmail.com ",
      ];
      // Fifty in flight at a time, as many clients on their own connections: enough to race for the
      // one signature on a pool of a few connections, not so many that they queue past its timeout.
      const responses: Response[] = [];
      let next = 0;
      const client = async () => {
        for (let i = next++; i < 500; i = next++) {
          const request = new Request(`http://localhost/api/petitions/${slug}/signatures`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Real-IP": freshIp() },
            body: JSON.stringify({ ...valid, email: variants[i % variants.length] }),
          });
          responses.push(await handleSupportRequest(request, "petition", slug));
        }
      };
      await Promise.all(Array.from({ length: 50 }, client));
      expect(responses).toHaveLength(500);
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([202]));
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as Record<
        string,
        unknown
      >[];
      // Every answer looks the same: nobody can tell which request was the first.
      expect(new Set(bodies.map((body) => Object.keys(body).sort().join()))).toEqual(
        new Set(["message,ok,referralCode"]),
      );

      expect(await getPetitionTotals(slug, { fresh: true })).toMatchObject({
        pending: before.pending + 1,
        verified: before.verified,
      });
      const subjects = (await getDb().select({ subject: outboxMessages.subject }).from(outboxMessages)).map(
        (row) => row.subject,
      );
      expect(subjects.filter((subject) => subject.startsWith("Confirm your signature"))).toHaveLength(1);
      // Told their signature is waiting for confirmation, a few times and no more: nobody is flooded.
      expect(
        subjects.filter((subject) => subject.startsWith("Your signature is waiting for confirmation")),
      ).toHaveLength(3);
    },
  );
});
