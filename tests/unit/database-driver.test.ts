import { describe, expect, it } from "vitest";
import { pickDriver } from "@/lib/database-driver";

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
      pickDriver({ VERCEL: "1", POSTGRES_URL: "postgres://a@ep-pooler.x/db", DATABASE_URL: "postgres://b@c/d" }),
    ).toBe("vercel");
  });

  it("ignores POSTGRES_URL off Vercel", () => {
    expect(pickDriver({ POSTGRES_URL: "postgres://a@ep-pooler.x/db" })).toBe("pglite");
  });
});
