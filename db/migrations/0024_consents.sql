CREATE TYPE "public"."consent_channel" AS ENUM('form', 'api', 'embed', 'portal');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('privacy_notice', 'updates', 'public_display');--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"locale" text,
	"text" text NOT NULL,
	"sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signature_id" uuid,
	"pledge_taker_id" uuid,
	"kind" "consent_kind" NOT NULL,
	"text_id" text NOT NULL,
	"text_hash" text,
	"channel" "consent_channel" NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_one_supporter" CHECK (num_nonnulls("consents"."signature_id", "consents"."pledge_taker_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_context" jsonb;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "consent_context" jsonb;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_pledge_taker_id_pledge_takers_id_fk" FOREIGN KEY ("pledge_taker_id") REFERENCES "public"."pledge_takers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_text_id_consent_texts_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_signature" ON "consents" USING btree ("signature_id","kind","given_at");--> statement-breakpoint
CREATE INDEX "consents_pledge_taker" ON "consents" USING btree ("pledge_taker_id","kind","given_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_signature_open" ON "consents" USING btree ("signature_id","kind") WHERE "consents"."withdrawn_at" is null and "consents"."signature_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "consents_pledge_taker_open" ON "consents" USING btree ("pledge_taker_id","kind") WHERE "consents"."withdrawn_at" is null and "consents"."pledge_taker_id" is not null;--> statement-breakpoint
-- Hand-written from here: the legacy texts, the backfill, and the triggers that keep consents
-- complete whichever path writes a supporter (forms, API, console, links, erasure, retention).
INSERT INTO "consent_texts" ("id", "kind", "text") VALUES
  ('privacy_notice/legacy', 'privacy_notice', 'Agreed to the privacy notice before Upstand recorded the exact words shown (privacy notice version 2026-12 or earlier); the text was not kept.'),
  ('updates/legacy', 'updates', 'Asked for campaign updates by email before Upstand recorded the exact words shown; the text was not kept.'),
  ('public_display/legacy', 'public_display', 'Chose to be shown publicly before Upstand recorded the exact words shown; the text was not kept.');--> statement-breakpoint
-- Every supporter already here: the privacy notice from when they accepted it, updates and being
-- shown where they chose them; ended when they withdrew or were erased, updates when they stopped
-- them (wants_updates_at is only written then). The channel is 'api' for a partner key's rows and
-- 'form' otherwise (the keyless API left no trace on the row).
WITH "supporter" AS (
  SELECT "id" AS "signature_id", NULL::uuid AS "pledge_taker_id", "consent_api_key_id", "is_public", "wants_updates",
         "wants_updates_at", "privacy_accepted_at",
         CASE WHEN "state" = 'withdrawn' OR "erased_at" IS NOT NULL THEN coalesce(least("withdrawn_at", "erased_at"), "updated_at") END AS "ended_at"
    FROM "signatures"
  UNION ALL
  SELECT NULL::uuid, "id", "consent_api_key_id", "is_public", "wants_updates", "wants_updates_at", "privacy_accepted_at",
         CASE WHEN "state" = 'withdrawn' OR "erased_at" IS NOT NULL THEN coalesce(least("withdrawn_at", "erased_at"), "updated_at") END
    FROM "pledge_takers"
)
INSERT INTO "consents" ("signature_id", "pledge_taker_id", "kind", "text_id", "channel", "given_at", "withdrawn_at")
  SELECT "signature_id", "pledge_taker_id", 'privacy_notice'::"consent_kind", 'privacy_notice/legacy',
         CASE WHEN "consent_api_key_id" IS NULL THEN 'form' ELSE 'api' END::"consent_channel", "privacy_accepted_at", "ended_at"
    FROM "supporter"
  UNION ALL
  SELECT "signature_id", "pledge_taker_id", 'updates'::"consent_kind", 'updates/legacy',
         CASE WHEN "consent_api_key_id" IS NULL THEN 'form' ELSE 'api' END::"consent_channel", "privacy_accepted_at",
         CASE WHEN "wants_updates" THEN "ended_at" ELSE least("wants_updates_at", "ended_at") END
    FROM "supporter" WHERE "wants_updates" OR "wants_updates_at" IS NOT NULL
  UNION ALL
  SELECT "signature_id", "pledge_taker_id", 'public_display'::"consent_kind", 'public_display/legacy',
         CASE WHEN "consent_api_key_id" IS NULL THEN 'form' ELSE 'api' END::"consent_channel", "privacy_accepted_at", "ended_at"
    FROM "supporter" WHERE "is_public";--> statement-breakpoint
-- How a supporter's consent was given: the transaction's own say (`set_config('upstand.consent_channel',
-- 'portal', true)`), else what the app wrote on the row (consent_context.channel), else a partner
-- key's row is 'api' and anything else 'form'. The one place to teach a new channel.
CREATE FUNCTION "consent_channel_of"("_supporter" jsonb) RETURNS "consent_channel" LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    nullif(current_setting('upstand.consent_channel', true), ''),
    "_supporter"->'consent_context'->>'channel',
    CASE WHEN "_supporter"->>'consent_api_key_id' IS NULL THEN 'form' ELSE 'api' END
  )::"consent_channel"
$$;--> statement-breakpoint
-- Records a consent of this kind unless one is already standing (the partial unique indexes).
CREATE FUNCTION "consent_give"("_supporter" jsonb, "_signature" uuid, "_pledge_taker" uuid, "_kind" "consent_kind")
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "_text_id" text := coalesce("_supporter"->'consent_context'->'texts'->>("_kind"::text), "_kind"::text || '/legacy');
BEGIN
  INSERT INTO "consents" ("signature_id", "pledge_taker_id", "kind", "text_id", "text_hash", "channel")
    VALUES ("_signature", "_pledge_taker", "_kind", "_text_id",
            (SELECT "sha256" FROM "consent_texts" WHERE "id" = "_text_id"), "consent_channel_of"("_supporter"))
    ON CONFLICT DO NOTHING;
END;
$$;--> statement-breakpoint
-- Ends the standing consent of this kind (every kind when null).
CREATE FUNCTION "consent_withdraw"("_signature" uuid, "_pledge_taker" uuid, "_kind" "consent_kind")
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF "_signature" IS NOT NULL THEN
    UPDATE "consents" SET "withdrawn_at" = now()
      WHERE "signature_id" = "_signature" AND "withdrawn_at" IS NULL AND ("_kind" IS NULL OR "kind" = "_kind");
  ELSE
    UPDATE "consents" SET "withdrawn_at" = now()
      WHERE "pledge_taker_id" = "_pledge_taker" AND "withdrawn_at" IS NULL AND ("_kind" IS NULL OR "kind" = "_kind");
  END IF;
END;
$$;--> statement-breakpoint
-- After a supporter is written: its standing consents made to match the row. While it stands (not
-- withdrawn, not erased) the privacy notice is agreed, and updates and being shown are agreed
-- exactly while wants_updates and is_public are true; once withdrawn or erased, nothing is.
-- Withdrawn and confirmed again (a repeat notice's link): the consents are given again.
CREATE FUNCTION "supporter_consents"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "_supporter" jsonb := to_jsonb(NEW);
  "_signature" uuid := CASE WHEN TG_TABLE_NAME = 'signatures' THEN NEW.id END;
  "_pledge_taker" uuid := CASE WHEN TG_TABLE_NAME = 'pledge_takers' THEN NEW.id END;
BEGIN
  IF NEW.state = 'withdrawn' OR NEW.erased_at IS NOT NULL THEN
    IF TG_OP = 'UPDATE' THEN
      PERFORM "consent_withdraw"("_signature", "_pledge_taker", NULL);
    END IF;
    RETURN NULL;
  END IF;
  PERFORM "consent_give"("_supporter", "_signature", "_pledge_taker", 'privacy_notice');
  IF NEW.wants_updates THEN
    PERFORM "consent_give"("_supporter", "_signature", "_pledge_taker", 'updates');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "consent_withdraw"("_signature", "_pledge_taker", 'updates');
  END IF;
  IF NEW.is_public THEN
    PERFORM "consent_give"("_supporter", "_signature", "_pledge_taker", 'public_display');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "consent_withdraw"("_signature", "_pledge_taker", 'public_display');
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "signatures_consents" AFTER INSERT ON "signatures"
  FOR EACH ROW EXECUTE FUNCTION "supporter_consents"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_consents" AFTER INSERT ON "pledge_takers"
  FOR EACH ROW EXECUTE FUNCTION "supporter_consents"();--> statement-breakpoint
-- Only the changes that move a consent: not a confirmation, a hold or a release.
CREATE TRIGGER "signatures_consents_changed" AFTER UPDATE ON "signatures"
  FOR EACH ROW WHEN ((OLD.state = 'withdrawn') IS DISTINCT FROM (NEW.state = 'withdrawn')
    OR OLD.erased_at IS DISTINCT FROM NEW.erased_at OR OLD.wants_updates IS DISTINCT FROM NEW.wants_updates
    OR OLD.is_public IS DISTINCT FROM NEW.is_public)
  EXECUTE FUNCTION "supporter_consents"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_consents_changed" AFTER UPDATE ON "pledge_takers"
  FOR EACH ROW WHEN ((OLD.state = 'withdrawn') IS DISTINCT FROM (NEW.state = 'withdrawn')
    OR OLD.erased_at IS DISTINCT FROM NEW.erased_at OR OLD.wants_updates IS DISTINCT FROM NEW.wants_updates
    OR OLD.is_public IS DISTINCT FROM NEW.is_public)
  EXECUTE FUNCTION "supporter_consents"();
