CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_canonical" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_email_canonical_unique" UNIQUE("email_canonical")
);
--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "consent_notice" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "consent_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "consent_notice" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "consent_notice" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "consent_attested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "consent_attested_by" text;--> statement-breakpoint
CREATE INDEX "people_updated_id" ON "people" USING btree ("updated_at","id");--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_consent_api_key_id_api_keys_id_fk" FOREIGN KEY ("consent_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD CONSTRAINT "pledge_takers_consent_api_key_id_api_keys_id_fk" FOREIGN KEY ("consent_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD CONSTRAINT "pledge_takers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signatures_petition_updated_id" ON "signatures" USING btree ("petition_id","updated_at","id") WHERE "signatures"."state" = 'verified';--> statement-breakpoint
CREATE INDEX "signatures_person" ON "signatures" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pledge_takers_pledge_updated_id" ON "pledge_takers" USING btree ("pledge_id","updated_at","id") WHERE "pledge_takers"."state" = 'verified';--> statement-breakpoint
CREATE INDEX "pledge_takers_person" ON "pledge_takers" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_consent_attestation" CHECK (("api_keys"."consent_notice" is null) = ("api_keys"."consent_attested_at" is null) and ("api_keys"."consent_notice" is null or 'write:signatures' = any("api_keys"."scopes")));--> statement-breakpoint
-- Every supporter already here becomes a person, one per canonical email, dated by their rows.
INSERT INTO "people" ("email_canonical", "created_at", "updated_at")
  SELECT "email_canonical", min("created_at"), max("updated_at") FROM (
    SELECT "email_canonical", "created_at", "updated_at" FROM "signatures" WHERE "email_canonical" IS NOT NULL
    UNION ALL
    SELECT "email_canonical", "created_at", "updated_at" FROM "pledge_takers" WHERE "email_canonical" IS NOT NULL
  ) "supporters" GROUP BY "email_canonical";--> statement-breakpoint
UPDATE "signatures" SET "person_id" = "people"."id" FROM "people"
  WHERE "people"."email_canonical" = "signatures"."email_canonical";--> statement-breakpoint
UPDATE "pledge_takers" SET "person_id" = "people"."id" FROM "people"
  WHERE "people"."email_canonical" = "pledge_takers"."email_canonical";--> statement-breakpoint
-- Before a supporter row is written: it is dated (OSDI's modified_date, whichever path changed
-- it), tied to its person (made on first sight of the email), and the person is dated too, so a
-- withdrawal or a new signature moves the person's modified_date. An erased row has no person.
CREATE FUNCTION "supporter_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.updated_at := now();
  END IF;
  IF NEW.email_canonical IS NULL THEN
    NEW.person_id := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.person_id IS NULL OR NEW.email_canonical IS DISTINCT FROM OLD.email_canonical THEN
    INSERT INTO "people" ("email_canonical") VALUES (NEW.email_canonical)
      ON CONFLICT ("email_canonical") DO UPDATE SET "updated_at" = now()
      RETURNING "id" INTO NEW.person_id;
  ELSE
    UPDATE "people" SET "updated_at" = now() WHERE "id" = NEW.person_id;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- After a supporter row leaves its person (erased, or deleted by retention): a person with no row
-- left is deleted, so erased people are gone from every answer.
CREATE FUNCTION "supporter_person_left"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.person_id IS NOT NULL THEN
    DELETE FROM "people" WHERE "id" = OLD.person_id
      AND NOT EXISTS (SELECT 1 FROM "signatures" WHERE "person_id" = OLD.person_id)
      AND NOT EXISTS (SELECT 1 FROM "pledge_takers" WHERE "person_id" = OLD.person_id);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "signatures_person" BEFORE INSERT OR UPDATE ON "signatures"
  FOR EACH ROW EXECUTE FUNCTION "supporter_person"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_person" BEFORE INSERT OR UPDATE ON "pledge_takers"
  FOR EACH ROW EXECUTE FUNCTION "supporter_person"();--> statement-breakpoint
CREATE TRIGGER "signatures_person_left" AFTER UPDATE ON "signatures"
  FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id) EXECUTE FUNCTION "supporter_person_left"();--> statement-breakpoint
CREATE TRIGGER "signatures_person_deleted" AFTER DELETE ON "signatures"
  FOR EACH ROW EXECUTE FUNCTION "supporter_person_left"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_person_left" AFTER UPDATE ON "pledge_takers"
  FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id) EXECUTE FUNCTION "supporter_person_left"();--> statement-breakpoint
CREATE TRIGGER "pledge_takers_person_deleted" AFTER DELETE ON "pledge_takers"
  FOR EACH ROW EXECUTE FUNCTION "supporter_person_left"();
