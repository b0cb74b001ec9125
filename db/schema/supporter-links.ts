import { text, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { people } from "./people";

/**
 * The columns that tie a signature or a pledge taker to other tables (kept apart from
 * supporterColumns in columns.ts, which the tables here import themselves).
 */
export const supporterLinks = () => ({
  /**
   * Set when a partner's form collected the consent and an API key with a consent attestation
   * recorded the supporter (docs/API.md): the key, and the partner's privacy notice it named then.
   * Null for Upstand's own forms, where `privacy_notice_version` is Upstand's notice.
   */
  consentApiKeyId: uuid("consent_api_key_id").references(() => apiKeys.id),
  consentNotice: text("consent_notice"),
  /** The person this supporter is (people.ts); null once erased. Set by a trigger, never by the app. */
  personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
});
