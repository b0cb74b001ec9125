ALTER TABLE "signatures" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "repeat_notices" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "repeat_notices" integer DEFAULT 0 NOT NULL;