import { startBareNext } from "./bare-next";
import { runLoad } from "./load";
import { benchOnPostgres } from "./stack";

// `npm run bench:read`: the totals endpoint and a prerendered story page under 64 connections
// for 20 s each, beside a bare Next.js route handler in the same run. Ends with one JSON line.
const CONNECTIONS = 64;
const DURATION_MS = 20_000;

await benchOnPostgres(async ({ server, databaseUrl }) => {
  const bare = await startBareNext(databaseUrl);
  const get = (url: string) => async () => (await fetch(url)).ok;
  try {
    const totals = await runLoad({
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      send: get(`${server.url}/api/petitions/protect-children-online/totals`),
    });
    const story = await runLoad({
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      send: get(`${server.url}/story/the-testimony`),
    });
    const bareRoute = await runLoad({
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      send: get(`${bare.url}/api/read`),
    });
    return {
      totalsEndpoint: { requestsPerSecond: totals.perSecond, p99Ms: totals.p99Ms, errors: totals.errors },
      storyPage: { requestsPerSecond: story.perSecond, p99Ms: story.p99Ms, errors: story.errors },
      bareRoute: { requestsPerSecond: bareRoute.perSecond, p99Ms: bareRoute.p99Ms, errors: bareRoute.errors },
    };
  } finally {
    await bare.stop();
  }
});
