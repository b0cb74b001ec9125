import { describe, expect, it } from "vitest";
import { devMailboxMode, EnvError, listenHost, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("starts on the embedded default with nothing set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset, as .env files write them", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names a bad variable in plain words without echoing its value", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/app" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain("DATABASE_URL must be a postgres:// or postgresql:// connection URL");
    expect(message).not.toContain("hunter2");
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "eighty", AUTH_SECRET: "short" })).toThrow(
      /PORT must be a whole number from 1 to 65535\n.*AUTH_SECRET must be at least 32 characters/s,
    );
  });

  it("asks for a database on Vercel", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow("POSTGRES_URL is required on Vercel");
  });

  it("accepts a WebSocket proxy only as host:port", () => {
    expect(parseEnv({ POSTGRES_WS_PROXY: "127.0.0.1:5433" }).POSTGRES_WS_PROXY).toBe("127.0.0.1:5433");
    expect(() => parseEnv({ POSTGRES_WS_PROXY: "ws://127.0.0.1" })).toThrow(
      "POSTGRES_WS_PROXY must be host:port",
    );
  });
});

describe("safe defaults for a local install", () => {
  it("listens on this machine only on the embedded database, unless HOST says otherwise", () => {
    expect(listenHost(parseEnv({}))).toBe("127.0.0.1");
    expect(listenHost(parseEnv({ HOST: "0.0.0.0" }))).toBe("0.0.0.0");
    expect(listenHost(parseEnv({ DATABASE_URL: "postgres://app@db/app" }))).toBeUndefined();
  });

  it("opens the mailbox to this machine only by default, to everyone only when asked", () => {
    expect(devMailboxMode(parseEnv({}))).toBe("loopback");
    expect(devMailboxMode(parseEnv({ SMTP_URL: "smtp://mail.example.org" }))).toBe("off");
    expect(devMailboxMode(parseEnv({ DATABASE_URL: "postgres://app@db/app" }))).toBe("off");
    expect(devMailboxMode(parseEnv({ DEV_MAILBOX: "on", DATABASE_URL: "postgres://app@db/app" }))).toBe(
      "open",
    );
    expect(devMailboxMode(parseEnv({ DEV_MAILBOX: "off" }))).toBe("off");
  });
});
