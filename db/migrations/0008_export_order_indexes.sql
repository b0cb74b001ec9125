DROP INDEX "signatures_petition_state_created";--> statement-breakpoint
DROP INDEX "pledge_takers_pledge_state_created";--> statement-breakpoint
CREATE INDEX "signatures_petition_created_id" ON "signatures" USING btree ("petition_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pledge_takers_pledge_created_id" ON "pledge_takers" USING btree ("pledge_id","created_at","id");