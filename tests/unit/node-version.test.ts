import fs from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

// The README promises a Node.js version; `npm install` warns (EBADENGINE) for every installed
// package that asks for a newer one, and such a package may use what the promised version lacks.

const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const promised = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
const oldest = semver.minVersion(promised)!.version;
const locked = (JSON.parse(read("package-lock.json")) as { packages: Record<string, { engines?: unknown }> })
  .packages;

describe("the Node.js version the project promises", () => {
  it("is the one the README states", () => {
    const [major, minor] = oldest.split(".");
    expect(read("README.md")).toContain(`Node.js ${major}.${minor} or newer is required.`);
  });

  it("is accepted by every package the lockfile installs", () => {
    const refusing = Object.entries(locked)
      .map(([name, entry]) => [name, (entry.engines as { node?: unknown } | undefined)?.node] as const)
      .filter(([, range]) => typeof range === "string" && !semver.satisfies(oldest, range))
      .map(([name, range]) => `${name.replace(/^.*node_modules\//, "")} wants node ${String(range)}`);
    expect(refusing).toEqual([]);
  });
});
