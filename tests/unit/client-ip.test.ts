import { describe, expect, it } from "vitest";
import { clientIp, SOCKET_IP_HEADER } from "@/lib/client-ip";

describe("clientIp", () => {
  it("takes the socket's address that Upstand's server stamped, ignoring X-Forwarded-For", () => {
    const headers = new Headers({ [SOCKET_IP_HEADER]: "::ffff:192.0.2.7", "X-Forwarded-For": "203.0.113.1" });
    expect(clientIp(headers, undefined)).toBe("192.0.2.7");
  });

  it("takes the trusted proxy's header when one is named, and only that", () => {
    const headers = new Headers({ "X-Real-IP": "198.51.100.4", [SOCKET_IP_HEADER]: "10.0.0.1", "X-Forwarded-For": "1.1.1.1" });
    expect(clientIp(headers, "x-real-ip")).toBe("198.51.100.4");
  });

  it("reads the first address of a list the proxy wrote", () => {
    expect(clientIp(new Headers({ "X-Vercel-Forwarded-For": "2001:db8::1, 10.0.0.2" }), "x-vercel-forwarded-for")).toBe("2001:db8::1");
  });

  it("gives null rather than trusting something that is not an address", () => {
    expect(clientIp(new Headers({ "X-Real-IP": "<script>" }), "x-real-ip")).toBeNull();
    expect(clientIp(new Headers(), undefined)).toBeNull();
  });
});
