import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { redeemSupportToken } from "@/db/queries/support-tokens";
import { directBodyOf } from "@/lib/http/direct-body";
import { totalsEventStream } from "@/lib/live/event-stream";
import { hashToken } from "@/lib/signing/tokens";
import { confirmTokenFor, freshDemoPetition, signAs } from "../helpers/signing";

/** The verified totals a stream's bytes carried, in order. */
function verifiedIn(text: string): number[] {
  return [...text.matchAll(/event: totals\ndata: (.+)\n\n/g)].map(
    (match) => (JSON.parse(match[1]!) as { verified: number }).verified,
  );
}

/** A stream written to as Upstand's server writes to a socket: what it got, and whether it ended. */
async function openDirect(slug: string, signal: AbortSignal) {
  const response = await totalsEventStream(
    new Request(`http://localhost/api/petitions/${slug}/stream`, { signal }),
    "petition",
    slug,
  );
  const got = { text: "", ended: false };
  const decoder = new TextDecoder();
  directBodyOf(response)!({
    write: (bytes) => (got.text += decoder.decode(bytes)),
    end: () => (got.ended = true),
  });
  return got;
}

async function confirm(slug: string, email: string) {
  await signAs(slug, email);
  await redeemSupportToken("petition", hashToken(await confirmTokenFor(email)), "confirm");
}

describe("live totals streams", () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await freshDemoPetition());
  });
  afterAll(closeDb);

  it("a stream read as a web response gets the current total, then a confirmation", async () => {
    const controller = new AbortController();
    const response = await totalsEventStream(
      new Request(`http://localhost/api/petitions/${slug}/stream`, { signal: controller.signal }),
      "petition",
      slug,
    );
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const read = async () => (text += decoder.decode((await reader.read()).value));
    while (verifiedIn(text).length === 0) await read();
    const before = verifiedIn(text)[0]!;
    await confirm(slug, "web.reader@example.org");
    while (!verifiedIn(text).includes(before + 1)) await read();
    // Once the client leaves, the stream ends: what was already queued may still be read first.
    controller.abort();
    let done = false;
    while (!done) ({ done } = await reader.read());
    expect(done).toBe(true);
  });

  it("every one of 1,200 streams written to directly gets each update, and ends when its client leaves", async () => {
    const controller = new AbortController();
    // More than two slices of a fan-out (FAN_OUT_SLICE in lib/live/totals-hub.ts).
    const streams = await Promise.all(
      Array.from({ length: 1_200 }, () => openDirect(slug, controller.signal)),
    );
    const before = Math.max(...verifiedIn(streams[0]!.text));
    expect(streams.every((stream) => verifiedIn(stream.text).at(-1) === before)).toBe(true);

    await confirm(slug, "direct.one@example.org");
    await expect
      .poll(() => streams.filter((stream) => verifiedIn(stream.text).includes(before + 1)).length, {
        timeout: 10_000,
      })
      .toBe(1_200);
    await confirm(slug, "direct.two@example.org");
    await expect
      .poll(() => streams.filter((stream) => verifiedIn(stream.text).includes(before + 2)).length, {
        timeout: 10_000,
      })
      .toBe(1_200);

    controller.abort();
    await expect.poll(() => streams.filter((stream) => !stream.ended).length, { timeout: 10_000 }).toBe(0);
  });
});
