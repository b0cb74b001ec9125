import { describe, expect, it } from "vitest";
import {
  addressKey,
  clientIp,
  SOCKET_IP_HEADER,
  SOCKET_PROOF_HEADER,
  socketProof,
} from "@/lib/http/client-ip";

describe("clientIp", () => {
  it("takes the socket's address that Upstand's server stamped, ignoring X-Forwarded-For", () => {
    const headers = new Headers({
      [SOCKET_IP_HEADER]: "::ffff:192.0.2.7",
      [SOCKET_PROOF_HEADER]: socketProof(),
      "X-Forwarded-For": "203.0.113.1",
    });
    expect(clientIp(headers, undefined)).toBe("192.0.2.7");
  });

  it("does not believe a socket address that this process's server did not stamp", () => {
    expect(clientIp(new Headers({ [SOCKET_IP_HEADER]: "192.0.2.7" }), undefined)).toBeNull();
    expect(
      clientIp(new Headers({ [SOCKET_IP_HEADER]: "192.0.2.7", [SOCKET_PROOF_HEADER]: "a-guess" }), undefined),
    ).toBeNull();
  });

  it("takes the trusted proxy's header when one is named, and only that", () => {
    const headers = new Headers({
      "X-Real-IP": "198.51.100.4",
      [SOCKET_IP_HEADER]: "10.0.0.1",
      "X-Forwarded-For": "1.1.1.1",
    });
    expect(clientIp(headers, "x-real-ip")).toBe("198.51.100.4");
  });

  it("reads the first address of a list the proxy wrote", () => {
    expect(
      clientIp(new Headers({ "X-Vercel-Forwarded-For": "2001:db8::1, 10.0.0.2" }), "x-vercel-forwarded-for"),
    ).toBe("2001:db8::1");
  });

  it("gives null rather than trusting something that is not an address", () => {
    expect(clientIp(new Headers({ "X-Real-IP": "<script>" }), "x-real-ip")).toBeNull();
    expect(clientIp(new Headers(), undefined)).toBeNull();
  });
});

describe("addressKey", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("192.0.2.8")).not.toBe(addressKey("192.0.2.7"));
  });

  it("groups IPv6 addresses by their /64, however they are written", () => {
    const key = addressKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0DB8:0001:0002:ffff:ffff:ffff:fffe")).toBe(key);
    expect(addressKey("2001:db8:1:2:0:0:0:9")).toBe(key);
    expect(addressKey("2001:db8:1:2::192.0.2.1")).toBe(key);
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("tells apart IPv6 addresses in different /64s", () => {
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::")).toBe("0:0:0:0::/64");
  });

  it("counts an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::ffff:c000:207")).toBe("192.0.2.7");
  });
});
