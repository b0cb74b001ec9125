ALTER TYPE "public"."support_state" ADD VALUE 'held';--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "signatures_held" ON "signatures" USING btree ("petition_id","held_at") WHERE "signatures"."held_at" is not null;--> statement-breakpoint
CREATE INDEX "pledge_takers_held" ON "pledge_takers" USING btree ("pledge_id","held_at") WHERE "pledge_takers"."held_at" is not null;