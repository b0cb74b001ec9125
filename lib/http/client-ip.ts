import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * Set by Upstand's own server (scripts/serve.ts) to the TCP peer's address, after discarding
 * any value a client sent. X-Forwarded-For is never trusted: Next.js passes on whatever the
 * client wrote there.
 */
export const SOCKET_IP_HEADER = "x-upstand-socket-ip";
/**
 * Stamped beside it with a secret of this process, so that the address is believed only when
 * Upstand's server wrote it: under `next start` or on Vercel a client could send the header itself.
 */
export const SOCKET_PROOF_HEADER = "x-upstand-socket-proof";

// On globalThis: the server and Next.js's bundle each load this module, in one process.
const process_ = globalThis as { upstandSocketProof?: string; upstandMissingProxyHeaderWarned?: boolean };

/** Upstand's server calls this once, before Next.js starts: the secret it stamps requests with. */
export function socketProof(): string {
  process_.upstandSocketProof ??= randomBytes(24).toString("base64url");
  return process_.upstandSocketProof;
}

/** Whether this process is Upstand's own server, which knows each caller's socket. */
export function isUpstandServer(): boolean {
  return process_.upstandSocketProof !== undefined;
}

function isStampedByThisServer(headers: Headers): boolean {
  const proof = process_.upstandSocketProof;
  const sent = headers.get(SOCKET_PROOF_HEADER);
  return (
    !!proof &&
    !!sent &&
    sent.length === proof.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(proof))
  );
}

/**
 * The caller's IP address: from the header named in TRUSTED_PROXY_HEADER when the app sits
 * behind a proxy that sets it, else from the socket as Upstand's server stamped it. Null when
 * neither gives a valid address (then no per-address limit can hold).
 */
export function clientIp(headers: Headers, trustedProxyHeader: string | undefined): string | null {
  if (trustedProxyHeader && !headers.has(trustedProxyHeader) && !process_.upstandMissingProxyHeaderWarned) {
    process_.upstandMissingProxyHeaderWarned = true;
    console.warn(
      `[upstand] TRUSTED_PROXY_HEADER is ${trustedProxyHeader}, but a request arrived without it: is the proxy in front setting it? (said once)`,
    );
  }
  const raw = trustedProxyHeader
    ? headers.get(trustedProxyHeader)?.split(",")[0]
    : isStampedByThisServer(headers)
      ? headers.get(SOCKET_IP_HEADER)
      : null;
  const candidate = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return candidate && isIP(candidate) ? candidate : null;
}

/** Whether an address belongs to this machine (127.0.0.0/8 or ::1). */
export function isLoopback(ip: string | null): boolean {
  return ip !== null && (ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip));
}

/**
 * The key that per-address limits count under: an IPv4 address as it is, an IPv6 address by its
 * /64 network ("2001:db8:1:2::/64"). One home or phone on IPv6 is given a whole /64 and can pick
 * any address in it, so counting per /128 would let one device be billions of "addresses".
 * IPv4-mapped IPv6 addresses count as the IPv4 address. Anything that is not an IP address is
 * returned unchanged.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, "");
  if (isIP(address) !== 6) return ip;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, "::" and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}
