import { randomBytes } from "node:crypto";
import { insertApiKey, type ApiKeyManager } from "@/db/queries/api-keys";
import {
  API_KEY_PREFIX,
  API_KEY_PUBLIC_LENGTH,
  API_KEY_SCOPES,
  type ApiKeyScope,
} from "@/lib/domain/api-keys";
import { hashToken } from "@/lib/signing/tokens";

/** A new key: `upk_` and 256 random bits, base64url. Only its hash and its first characters are kept. */
export function newApiKeySecret(): { key: string; prefix: string; secretHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, API_KEY_PUBLIC_LENGTH), secretHash: hashToken(key) };
}

/** The scopes as a set, in the order API_KEY_SCOPES lists them. */
export const scopeSet = (scopes: readonly ApiKeyScope[]): ApiKeyScope[] =>
  API_KEY_SCOPES.filter((scope) => scopes.includes(scope));

/**
 * Makes a key and returns it: the only time anyone sees it. A consent notice (already checked,
 * lib/domain/api-keys.ts consentNoticeProblem) is the caller's attestation that the partner's form
 * shows it and asks for agreement, recorded with who made the key and when. Two keys sharing a public prefix
 * (about one chance in 2^48) draw again.
 */
export async function createApiKey(
  manager: ApiKeyManager,
  input: { name: string; scopes: readonly ApiKeyScope[]; consentNotice?: string | null },
): Promise<{ id: string; prefix: string; key: string }> {
  const name = input.name.trim();
  const consentNotice = input.consentNotice?.trim() || null;
  for (;;) {
    const { key, prefix, secretHash } = newApiKeySecret();
    const row = await insertApiKey(manager, {
      name,
      scopes: scopeSet(input.scopes),
      prefix,
      secretHash,
      consentNotice,
    });
    if (row) return { id: row.id, prefix, key };
  }
}
