import { expect, test } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { startTcpProxy } from "../helpers/tcp-proxy";

// Logs carry no personal data, even when the database goes away in the middle of signing and
// every failed query would otherwise be printed with its parameters.
const config = parseEnv(process.env);
const onServer = pickDriver(config) === "pg";
const slug = "e2e-log-privacy";

test(
  "with the database cut mid-signing, the server says what failed and prints no signer's data",
  { tag: "@engine" },
  async () => {
    test.skip(!onServer, "the embedded database lives inside the app process; it cannot be cut on its own");
    test.setTimeout(180_000);
    const target = new URL(config.DATABASE_URL!);
    const proxy = await startTcpProxy(Number(target.port || 5432));
    target.host = `127.0.0.1:${proxy.port}`;
    const app = await startAppServer(
      { DATABASE_URL: target.toString(), TRUSTED_PROXY_HEADER: "x-real-ip" },
      undefined,
      {
        captureOutput: true,
      },
    );
    // Distinctive, so that any trace of them in the output is found: a name, an email, a postcode
    // and an address no other line could hold.
    const signer = (i: number) => ({
      firstName: `Quillfeather${i}`,
      lastName: `Marchbanks${i}`,
      email: `log.privacy.${i}@signer.example`,
      country: "GB",
      postalCode: `ZE${i % 10} ${i % 10}QX`,
      comment: `Comment of Quillfeather${i}`,
      acceptsPrivacy: true,
    });
    const ipOf = (i: number) => `203.0.113.${(i % 250) + 1}`;
    const statuses: number[] = [];
    const sign = async (i: number) => {
      const response = await fetch(`${app.url}/api/petitions/${slug}/signatures`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Real-IP": ipOf(i) },
        body: JSON.stringify(signer(i)),
      });
      statuses.push(response.status);
    };
    let sent = 0;
    try {
      // Signatures in flight from several senders; the database is cut once some are stored.
      let isCut = false;
      const senders = Array.from({ length: 6 }, async () => {
        while (statuses.filter((status) => status === 503).length < 30) {
          await sign(sent++);
          if (!isCut && statuses.filter((status) => status === 202).length >= 6) {
            isCut = true;
            await proxy.cut();
          }
        }
      });
      await Promise.all(senders);
    } finally {
      await app.stop();
      await proxy.close();
    }
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(6);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(30);

    const output = app.output();
    // Something failed, and the server said so.
    expect(output).toMatch(/\[api: record a signature\] failed: /);
    const leaks: string[] = [];
    for (let i = 0; i < sent; i++) {
      const { firstName, lastName, email, postalCode } = signer(i);
      for (const value of [firstName, lastName, email, postalCode, ipOf(i)])
        if (output.includes(value)) leaks.push(value);
    }
    expect(output).not.toContain("@signer.example");
    expect(output).not.toContain("Quillfeather");
    expect(output).not.toContain("203.0.113.");
    expect(leaks).toEqual([]);
  },
);
