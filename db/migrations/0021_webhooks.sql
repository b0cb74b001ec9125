CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_event_endpoint" UNIQUE("event_id","endpoint_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"created_by_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_reason" text,
	"last_success_at" timestamp with time zone,
	CONSTRAINT "webhook_endpoints_events_known" CHECK (cardinality("webhook_endpoints"."events") > 0 and "webhook_endpoints"."events" <@ array['signature.confirmed', 'signature.withdrawn', 'signature.rejected', 'pledge.confirmed', 'pledge.withdrawn', 'person.erased', 'commitment.activated']::text[]),
	CONSTRAINT "webhook_endpoints_secret_shape" CHECK ("webhook_endpoints"."secret" ~ '^whsec_[A-Za-z0-9+/]{32,}={0,2}$')
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"subject_id" uuid,
	"payload" jsonb NOT NULL,
	"body" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."delivered_at" is null and "webhook_deliveries"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_created" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_subject" ON "webhook_events" USING btree ("subject_id");--> statement-breakpoint
-- Writes one webhook event, and one delivery for each endpoint subscribed to its type now, in the
-- transaction of the change it tells of: committed with it or not at all. Nothing is written when
-- no enabled endpoint wants the type. A second call with the same key in one transaction (an
-- erasure reaching a person's signatures and then their pledges) adds to the same event's lists.
CREATE FUNCTION "webhook_event"(p_type text, p_subject uuid, p_person uuid, p_payload jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_event uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "webhook_endpoints" WHERE "disabled_at" IS NULL AND p_type = ANY("events")) THEN
    RETURN;
  END IF;
  INSERT INTO "webhook_events" ("type", "dedupe_key", "subject_id", "payload")
    VALUES (p_type, p_type || ':' || coalesce(p_person, p_subject)::text || ':' || txid_current()::text,
      CASE WHEN p_type = 'person.erased' THEN NULL ELSE p_subject END, p_payload)
    ON CONFLICT ("dedupe_key") DO UPDATE SET "payload" = "webhook_events"."payload" || jsonb_build_object(
      'signatures', coalesce("webhook_events"."payload"->'signatures', '[]'::jsonb) || coalesce(EXCLUDED."payload"->'signatures', '[]'::jsonb),
      'pledges', coalesce("webhook_events"."payload"->'pledges', '[]'::jsonb) || coalesce(EXCLUDED."payload"->'pledges', '[]'::jsonb))
    RETURNING "id" INTO v_event;
  INSERT INTO "webhook_deliveries" ("event_id", "endpoint_id")
    SELECT v_event, "id" FROM "webhook_endpoints" WHERE "disabled_at" IS NULL AND p_type = ANY("events")
    ON CONFLICT DO NOTHING;
END;
$$;--> statement-breakpoint
-- After a signature or a pledge taker changes state, or is erased: the event, with a snapshot of
-- the supporter as they are now (what the body is made from). An erasure first deletes every
-- event about the row, sent or not, since those hold the personal data just erased, then tells of
-- the erasure by identifiers alone.
CREATE FUNCTION "supporter_webhook"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_kind text := CASE WHEN TG_TABLE_NAME = 'signatures' THEN 'signature' ELSE 'pledge' END;
  v_parent uuid;
  v_old_state text := CASE WHEN TG_OP = 'UPDATE' THEN OLD.state::text END;
  v_type text;
  v_parent_title text;
  v_parent_slug text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL THEN
    DELETE FROM "webhook_events" WHERE "subject_id" = NEW.id;
    PERFORM "webhook_event"('person.erased', NEW.id, OLD.person_id, jsonb_build_object(
      'person', OLD.person_id,
      'signatures', CASE WHEN v_kind = 'signature' THEN jsonb_build_array(NEW.id) ELSE '[]'::jsonb END,
      'pledges', CASE WHEN v_kind = 'pledge' THEN jsonb_build_array(NEW.id) ELSE '[]'::jsonb END,
      'erased_at', NEW.erased_at));
    RETURN NULL;
  END IF;
  IF NEW.erased_at IS NOT NULL OR NEW.state::text IS NOT DISTINCT FROM v_old_state THEN
    RETURN NULL;
  END IF;
  -- A withdrawal or a rejection is told of only for a supporter who counted (and so was told of).
  v_type := CASE
    WHEN NEW.state::text = 'verified' THEN v_kind || '.confirmed'
    WHEN v_old_state IS DISTINCT FROM 'verified' THEN NULL
    WHEN NEW.state::text = 'withdrawn' THEN v_kind || '.withdrawn'
    WHEN NEW.state::text = 'rejected' AND v_kind = 'signature' THEN 'signature.rejected'
  END;
  IF v_type IS NULL THEN
    RETURN NULL;
  END IF;
  IF v_kind = 'signature' THEN
    v_parent := NEW.petition_id;
    SELECT "title", "slug" INTO v_parent_title, v_parent_slug FROM "petitions" WHERE "id" = v_parent;
  ELSE
    v_parent := NEW.pledge_id;
    SELECT "title", "slug" INTO v_parent_title, v_parent_slug FROM "pledges" WHERE "id" = v_parent;
  END IF;
  PERFORM "webhook_event"(v_type, NEW.id, NULL, jsonb_build_object(
    'id', NEW.id, 'kind', v_kind, 'state', NEW.state, 'parent_id', v_parent,
    'parent_title', v_parent_title, 'parent_slug', v_parent_slug, 'person_id', NEW.person_id,
    'given_name', NEW.first_name, 'family_name', NEW.last_name, 'email', NEW.email,
    'postal_code', NEW.postal_code, 'country', NEW.country, 'region', NEW.locality,
    'comment', NEW.comment,
    'preferred_language', NEW.preferred_language, 'wants_updates', NEW.wants_updates,
    'source', NEW.source, 'referred_by', NEW.referred_by, 'rejection_reason', NEW.rejection_reason,
    'created_at', NEW.created_at, 'modified_at', NEW.updated_at, 'verified_at', NEW.verified_at,
    'withdrawn_at', NEW.withdrawn_at, 'rejected_at', NEW.rejected_at));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "commitment_webhook"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "webhook_event"('commitment.activated', NEW.id, NULL, jsonb_build_object(
    'id', NEW.id, 'slug', NEW.slug, 'title', NEW.title, 'threshold', NEW.threshold,
    'activated_at', NEW.activated_at, 'pledge_id', NEW.pledge_id,
    'pledge_title', (SELECT "title" FROM "pledges" WHERE "id" = NEW.pledge_id),
    'pledge_slug', (SELECT "slug" FROM "pledges" WHERE "id" = NEW.pledge_id)));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "signatures_webhook" AFTER INSERT OR UPDATE OF "state", "erased_at" ON "signatures"
  FOR EACH ROW EXECUTE FUNCTION "supporter_webhook"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_webhook" AFTER INSERT OR UPDATE OF "state", "erased_at" ON "pledge_takers"
  FOR EACH ROW EXECUTE FUNCTION "supporter_webhook"();--> statement-breakpoint
CREATE TRIGGER "pledge_commitments_webhook" AFTER UPDATE OF "activated_at" ON "pledge_commitments"
  FOR EACH ROW WHEN (OLD.activated_at IS NULL AND NEW.activated_at IS NOT NULL)
  EXECUTE FUNCTION "commitment_webhook"();
