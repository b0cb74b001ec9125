CREATE TYPE "public"."comment_review" AS ENUM('unreviewed', 'reported', 'kept', 'removed');--> statement-breakpoint
CREATE TABLE "comment_reports" (
	"signature_id" uuid NOT NULL,
	"reporter_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_reports_signature_id_reporter_hash_pk" PRIMARY KEY("signature_id","reporter_hash")
);
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "reviews_comments" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "comment_review" "comment_review" DEFAULT 'unreviewed' NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "comment_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signatures_comment_review" ON "signatures" USING btree ("comment_review","petition_id") WHERE "signatures"."comment" is not null and "signatures"."comment_review" <> 'kept';