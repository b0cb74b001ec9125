CREATE TYPE "public"."petition_update_kind" AS ENUM('delivered', 'response-received', 'hearing-scheduled', 'other');--> statement-breakpoint
CREATE TABLE "petition_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"kind" "petition_update_kind" NOT NULL,
	"happened_on" date NOT NULL,
	"hearing_on" date,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"posted_by_id" text,
	"posted_by" text NOT NULL,
	"emailed_at" timestamp with time zone,
	"emailed_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_updates_hearing_date" CHECK (("petition_updates"."kind" = 'hearing-scheduled') = ("petition_updates"."hearing_on" is not null)),
	CONSTRAINT "petition_updates_lengths" CHECK (char_length("petition_updates"."title") between 1 and 120 and char_length("petition_updates"."body") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "petition_updates" ADD CONSTRAINT "petition_updates_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_updates" ADD CONSTRAINT "petition_updates_posted_by_id_users_id_fk" FOREIGN KEY ("posted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_updates_petition_happened" ON "petition_updates" USING btree ("petition_id","happened_on","created_at");