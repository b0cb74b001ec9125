import { isIP } from "node:net";

/**
 * Set by Upstand's own server (scripts/serve.ts) to the TCP peer's address, after discarding
 * any value a client sent, so it cannot be forged. X-Forwarded-For is never trusted: Next.js
 * passes on whatever the client wrote there.
 */
export const SOCKET_IP_HEADER = "x-upstand-socket-ip";

/**
 * The caller's IP address: from the header named in TRUSTED_PROXY_HEADER when the app sits
 * behind a proxy that sets it, else from the socket. Null when neither gives a valid address.
 */
export function clientIp(headers: Headers, trustedProxyHeader: string | undefined): string | null {
  const raw = trustedProxyHeader ? headers.get(trustedProxyHeader)?.split(",")[0] : headers.get(SOCKET_IP_HEADER);
  const candidate = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return candidate && isIP(candidate) ? candidate : null;
}

/** Whether an address belongs to this machine (127.0.0.0/8 or ::1). */
export function isLoopback(ip: string | null): boolean {
  return ip !== null && (ip === "::1" || /^127\.\d+\.\d+\.\d+$/.test(ip));
}
