import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: for links that act on someone's behalf. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Only this is stored, so the database alone cannot be used to follow anyone's link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A short public code for the links a supporter shares: 10 characters, about 50 bits. */
export function newReferralCode(): string {
  return randomBytes(8).toString("base64url").slice(0, 10);
}
