import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum for argon2id).
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Checked when the address is unknown or has no password, so that the answer takes as long.
let decoy: Promise<string> | null = null;

/** True only for the right password of an account that has one; always does the same work. */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword("not a password anyone has");
  try {
    return (await verify(passwordHash ?? (await decoy), password)) && passwordHash !== null;
  } catch {
    return false;
  }
}
