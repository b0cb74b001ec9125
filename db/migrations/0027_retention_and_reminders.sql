ALTER TABLE "signatures" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "recipient_hash" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "pruned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "signatures_reminder_due" ON "signatures" USING btree ("created_at") WHERE "signatures"."state" = 'pending' and "signatures"."reminder_sent_at" is null;--> statement-breakpoint
CREATE INDEX "pledge_takers_reminder_due" ON "pledge_takers" USING btree ("created_at") WHERE "pledge_takers"."state" = 'pending' and "pledge_takers"."reminder_sent_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_messages_unpruned" ON "outbox_messages" USING btree ("created_at") WHERE "outbox_messages"."pruned_at" is null;