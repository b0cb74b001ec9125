import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://localhost:3000/api/petitions/x/signatures", {
    method,
    headers: { host: "campaign.example:3000", ...headers },
  });

describe("isCrossOriginWrite", () => {
  it("refuses a write whose Origin names another site, or null", () => {
    expect(isCrossOriginWrite(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "http://campaign.example:3001" }))).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "null" }))).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "not a url" }))).toBe(true);
    expect(isCrossOriginWrite(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("lets through the site itself, a proxy's forwarded host, and programs with no Origin", () => {
    expect(isCrossOriginWrite(post({ origin: "http://campaign.example:3000" }))).toBe(false);
    expect(
      isCrossOriginWrite(
        post({
          origin: "https://www.campaign.example",
          "x-forwarded-host": "www.campaign.example, internal",
        }),
      ),
    ).toBe(false);
    expect(isCrossOriginWrite(post({}))).toBe(false);
  });

  it("never checks a read", () => {
    expect(isCrossOriginWrite(post({ origin: "https://evil.example" }, "GET"))).toBe(false);
  });
});
