import { runLoad } from "./load";
import { benchOnPostgres } from "./stack";

// `npm run bench:content`: what the 5-second revalidation of the public pages costs
// and how soon an instance that did not make an edit shows it. The edit is made in the database
// directly, as another instance's save looks to this one: nothing tells this instance about it.
// Ends with one JSON line.
const SLUG = "protect-children-online";
const LOAD = { connections: 64, durationMs: 15_000 };

await benchOnPostgres(async ({ server, db }) => {
  const page = `${server.url}/petition/${SLUG}`;
  const get = (url: string) => async () => (await fetch(url)).ok;
  const titleShown = async () => /<h1[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(page)).text())?.[1];
  const retitle = async (title: string) => {
    await db.query("update petitions set title = $1, updated_at = now() where slug = $2", [title, SLUG]);
    return performance.now();
  };
  const commits = async () =>
    Number(
      (await db.query("select xact_commit from pg_stat_database where datname = current_database()")).rows[0]
        .xact_commit,
    );
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // Throughput of the petition page (revalidated every 5 s) beside a page that never is.
  await runLoad({ ...LOAD, durationMs: 3_000, send: get(page) });
  const before = await commits();
  const petition = await runLoad({ ...LOAD, send: get(page) });
  const transactionsPerSecond = Math.round(((await commits()) - before) / (LOAD.durationMs / 1000));
  const about = await runLoad({ ...LOAD, send: get(`${server.url}/about`) });

  // A page in demand: eight readers keep asking; how long until one sees the edit?
  const busyMs: number[] = [];
  for (let round = 1; round <= 5; round++) {
    const title = `Busy round ${round}`;
    let seenAt = 0;
    let editedAt = Infinity;
    const readers = Array.from({ length: 8 }, async () => {
      while (!seenAt) {
        if ((await titleShown()) === title && performance.now() > editedAt) seenAt = performance.now();
      }
    });
    await sleep(2_000 + round * 700);
    editedAt = await retitle(title);
    await Promise.all(readers);
    busyMs.push(Math.round(seenAt - editedAt));
  }

  // A page nobody asked for in longer than expireTime: the first reader after the edit.
  await sleep(20_000);
  const quietAt = await retitle("After a quiet spell");
  const quietFirst = await titleShown();
  const quietFirstMs = Math.round(performance.now() - quietAt);

  // A page last read 10 s ago (past revalidate, within expire): the first reader may get the
  // copy from before the edit, at most expireTime old; how long until a reader sees the edit?
  await titleShown();
  await sleep(10_000);
  const lullAt = await retitle("After a lull");
  const lullFirstIsFresh = (await titleShown()) === "After a lull";
  while ((await titleShown()) !== "After a lull") await sleep(50);
  const lullMs = Math.round(performance.now() - lullAt);

  return {
    petitionPage: {
      requestsPerSecond: petition.perSecond,
      p99Ms: petition.p99Ms,
      errors: petition.errors,
      transactionsPerSecond,
    },
    aboutPage: { requestsPerSecond: about.perSecond, p99Ms: about.p99Ms, errors: about.errors },
    busyPageEditSeenAfterMs: busyMs,
    quietPage: {
      firstReaderSawEdit: quietFirst === "After a quiet spell",
      firstReaderWaitedMs: quietFirstMs,
    },
    lullPage: { firstReaderSawEdit: lullFirstIsFresh, editSeenAfterMs: lullMs },
  };
});
