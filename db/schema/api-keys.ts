import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../lib/domain/api-keys";
import { createdAt, id } from "./columns";
import { users } from "./users";

const SCOPE_LIST = sql.raw(`array[${API_KEY_SCOPES.map((scope) => `'${scope}'`).join(", ")}]::text[]`);

/**
 * Keys that partner systems (a CRM, a data warehouse) call the API with. Only a hash of the secret
 * is kept: the key itself is shown once, when it is made. A revoked key stays, so the audit log's
 * lines keep naming it.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    name: text("name").notNull(),
    /** `upk_` and the first 8 characters of the secret part: shown in lists, and how a key is looked up. */
    prefix: text("prefix").notNull().unique(),
    /** SHA-256 of the whole key, hex. */
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().$type<ApiKeyScope[]>().notNull(),
    // No cascade: staff who have acted are disabled, never deleted.
    createdById: text("created_by_id").references(() => users.id),
    /** The member's email, or "command line". */
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: text("revoked_by_id").references(() => users.id),
    revokedBy: text("revoked_by"),
    /**
     * A write key's consent attestation: the privacy notice the partner's form shows (its address),
     * and that the form asks for agreement to it. With one, a plain OSDI body from this key is
     * accepted without Upstand's `acceptsPrivacy`, and each signature it records names the key
     * and this notice. Null on keys without one: then `acceptsPrivacy` stays required.
     */
    consentNotice: text("consent_notice"),
    consentAttestedAt: timestamp("consent_attested_at", { withTimezone: true }),
    consentAttestedBy: text("consent_attested_by"),
  },
  (t) => [
    // At least one scope, none unknown (the app writes each once, in API_KEY_SCOPES order).
    // Only ever a hash: a key pasted here by mistake is refused.
    check("api_keys_secret_hash_sha256", sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    check(
      "api_keys_consent_attestation",
      sql`(${t.consentNotice} is null) = (${t.consentAttestedAt} is null) and (${t.consentNotice} is null or 'write:signatures' = any(${t.scopes}))`,
    ),
    check("api_keys_scopes_known", sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ ${SCOPE_LIST}`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
