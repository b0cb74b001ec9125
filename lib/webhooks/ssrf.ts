import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// The guard against server-side request forgery: a webhook URL is chosen by staff (or an API
// key), and Upstand POSTs to it from inside its own network. Without this guard a URL could reach
// the database, the cloud's metadata service (169.254.169.254) or anything else only the server
// can see. docs/SECURITY.md describes it.

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64
  ["100::", 64],
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4, which embeds an IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv6");

// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) reach any IPv4 address, private ones too: all are
// refused. A list of their own, checked for IPv6 addresses only: Node's BlockList matches an IPv4
// address against a mapped range too, which would refuse every IPv4 address.
const MAPPED = new BlockList();
MAPPED.addSubnet("::ffff:0:0", 96, "ipv6");

/** Whether an IP address is anywhere but the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && MAPPED.check(address, "ipv6")) return true;
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

export interface WebhookTarget {
  url: URL;
  /** The address checked, which the request must connect to: resolving again could give another. */
  address: string;
  family: 4 | 6;
}

export interface GuardOptions {
  /** WEBHOOKS_ALLOW_PRIVATE=on: http:// and private addresses, for tests. */
  allowPrivate: boolean;
  isProduction: boolean;
  /** For tests: resolves a host name to its addresses. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export class WebhookUrlError extends Error {
  override name = "WebhookUrlError";
}

const resolveAll = (host: string) => lookup(host, { all: true, verbatim: true });

/** Checks a URL's form only (no DNS): for the form's schema, before anything is looked up. */
export function webhookUrlProblem(
  value: string,
  { allowPrivate, isProduction }: GuardOptions,
): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the endpoint's full address, starting with https://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Enter an https:// address";
  if (url.protocol === "http:" && isProduction && !allowPrivate)
    return "Use an https:// address: events carry personal data";
  if (url.username || url.password) return "Leave the user name and password out of the address";
  return null;
}

/**
 * Resolves a webhook URL's host and checks every address it has: refused when any is private,
 * loopback, link-local, multicast or otherwise not on the public internet (unless allowPrivate).
 * Called when an endpoint is registered and again before every delivery, whose connection then
 * goes to the very address checked here (lib/webhooks/send.ts), so a DNS answer that changes in
 * between (DNS rebinding) cannot move it.
 */
export async function checkWebhookUrl(value: string, options: GuardOptions): Promise<WebhookTarget> {
  const problem = webhookUrlProblem(value, options);
  if (problem) throw new WebhookUrlError(problem);
  const url = new URL(value);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await (options.resolve ?? resolveAll)(host);
  } catch {
    throw new WebhookUrlError("This address's host name does not resolve");
  }
  if (addresses.length === 0) throw new WebhookUrlError("This address's host name does not resolve");
  if (!options.allowPrivate && addresses.some(({ address }) => isPrivateAddress(address)))
    throw new WebhookUrlError(
      "This address leads to a private or local network; use an address on the public internet",
    );
  const [first] = addresses;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
