import { describe, expect, it } from "vitest";
import { pickDriver, unusedDatabaseRoutes } from "@/db/drivers/pick-driver";

describe("pickDriver", () => {
  it("uses the embedded database when no database is configured", () => {
    expect(pickDriver({})).toBe("pglite");
  });

  it("uses node-postgres for DATABASE_URL", () => {
    expect(pickDriver({ DATABASE_URL: "postgres://app@db:5432/upstand" })).toBe("pg");
  });

  it("uses @vercel/postgres on Vercel with the integration's POSTGRES_URL", () => {
    expect(pickDriver({ VERCEL: "1", POSTGRES_URL: "postgres://u@ep-x-pooler.neon.tech/db" })).toBe("vercel");
  });

  it("prefers Vercel's database to DATABASE_URL on Vercel", () => {
    expect(
      pickDriver({
        VERCEL: "1",
        POSTGRES_URL: "postgres://a@ep-pooler.x/db",
        DATABASE_URL: "postgres://b@c/d",
      }),
    ).toBe("vercel");
  });

  it("ignores POSTGRES_URL off Vercel", () => {
    expect(pickDriver({ POSTGRES_URL: "postgres://a@ep-pooler.x/db" })).toBe("pglite");
  });
});

describe("unusedDatabaseRoutes", () => {
  const routes = {
    DATABASE_DIRECT_URL: "postgres://app@db:5432/upstand",
    DATABASE_READ_URL: "postgres://app@replica/upstand",
  };

  it("has nothing to say beside DATABASE_URL, where node-postgres uses both", () => {
    expect(unusedDatabaseRoutes({ DATABASE_URL: "postgres://app@pooler:6432/upstand", ...routes })).toEqual(
      [],
    );
  });

  it("names each one that the embedded database or Vercel's integration leaves unused", () => {
    expect(unusedDatabaseRoutes(routes)).toEqual([
      expect.stringMatching(/^DATABASE_DIRECT_URL is set but not used: .*the embedded database/),
      expect.stringMatching(/^DATABASE_READ_URL is set but not used: .*the embedded database/),
    ]);
    const vercel = {
      VERCEL: "1",
      POSTGRES_URL: "postgres://u@ep-x-pooler.neon.tech/db",
      DATABASE_URL: "postgres://b@c/d",
    };
    expect(unusedDatabaseRoutes({ ...vercel, DATABASE_DIRECT_URL: routes.DATABASE_DIRECT_URL })).toEqual([
      expect.stringContaining("POSTGRES_URL_NON_POOLING"),
    ]);
  });
});
