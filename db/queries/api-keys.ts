import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKeys, auditLog } from "@/db/schema";
import type { ApiKeyScope } from "@/lib/domain/api-keys";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";

/**
 * Who manages keys: an admin in the console, or null for the command line, which only someone with
 * the server's own access can run (as `npm run staff -- add`).
 */
export type ApiKeyManager = StaffCaller | null;

const COMMAND_LINE = "command line";

const actorOf = (manager: ApiKeyManager) => ({
  id: manager?.id ?? null,
  email: manager?.email ?? COMMAND_LINE,
});

/** Stores a new key's hash, audited; null when its public prefix is taken (the caller draws again). */
export async function insertApiKey(
  manager: ApiKeyManager,
  key: {
    name: string;
    scopes: ApiKeyScope[];
    prefix: string;
    secretHash: string;
    consentNotice: string | null;
  },
): Promise<{ id: string } | null> {
  if (manager) assertRole(manager, "admin");
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        ...key,
        createdById: actor.id,
        createdBy: actor.email,
        // Who attested, and when: the consent record of every signature this key records names it.
        ...(key.consentNotice ? { consentAttestedAt: sql`now()`, consentAttestedBy: actor.email } : {}),
      })
      .onConflictDoNothing({ target: apiKeys.prefix })
      .returning({ id: apiKeys.id });
    if (!row) return null;
    await tx.insert(auditLog).values({
      actorId: actor.id,
      actorEmail: actor.email,
      action: "apikey.create",
      subjectType: "api-key",
      subjectId: row.id,
      details: {
        name: key.name,
        prefix: key.prefix,
        scopes: key.scopes,
        ...(key.consentNotice ? { consentNotice: key.consentNotice } : {}),
      },
    });
    return row;
  });
}

/** What a list of keys shows: never the hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** The partner's privacy notice this key attests its form shows, and who attested it and when. */
  consentNotice: string | null;
  consentAttestedAt: Date | null;
  consentAttestedBy: string | null;
}

/** Every key, newest first, revoked ones included. */
export async function listApiKeys(manager: ApiKeyManager): Promise<ApiKeySummary[]> {
  if (manager) assertRole(manager, "admin");
  return getDb()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      revokedBy: apiKeys.revokedBy,
      consentNotice: apiKeys.consentNotice,
      consentAttestedAt: apiKeys.consentAttestedAt,
      consentAttestedBy: apiKeys.consentAttestedBy,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Revokes a key named by its id or its public prefix, audited; it is refused from the next request
 * on, since every request reads the key's row. Null when no key that is still live has that name.
 */
export async function revokeApiKey(
  manager: ApiKeyManager,
  idOrPrefix: string,
): Promise<{ id: string; name: string; prefix: string } | null> {
  if (manager) assertRole(manager, "admin");
  const actor = actorOf(manager);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedById: actor.id, revokedBy: actor.email })
      .where(
        and(
          UUID.test(idOrPrefix) ? eq(apiKeys.id, idOrPrefix) : eq(apiKeys.prefix, idOrPrefix),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) return null;
    await tx.insert(auditLog).values({
      actorId: actor.id,
      actorEmail: actor.email,
      action: "apikey.revoke",
      subjectType: "api-key",
      subjectId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return row;
  });
}

/** A key as a request presents it: for lib/api-keys/authenticate.ts alone. */
export interface StoredApiKey {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: ApiKeyScope[];
  isRevoked: boolean;
  consentNotice: string | null;
}

export async function getApiKeyByPrefix(prefix: string): Promise<StoredApiKey | null> {
  const [row] = await getDb()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      secretHash: apiKeys.secretHash,
      scopes: apiKeys.scopes,
      isRevoked: sql<boolean>`${apiKeys.revokedAt} is not null`,
      consentNotice: apiKeys.consentNotice,
    })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, prefix));
  return row ?? null;
}

export async function updateApiKeyLastUsed(id: string): Promise<void> {
  await getDb()
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiKeys.id, id));
}

/** The actor an API call is logged under: the key's public prefix and name, never its secret. */
export const apiKeyActor = (key: { prefix: string; name: string }) => `API key ${key.prefix} (${key.name})`;
