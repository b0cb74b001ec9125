ALTER TABLE "campaigns" ADD COLUMN "embed_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "utm_source" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "utm_medium" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "utm_campaign" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "utm_term" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "utm_content" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "referrer_website" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "referrer_url" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "via_embed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "utm_source" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "utm_medium" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "utm_campaign" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "utm_term" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "utm_content" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "referrer_website" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "referrer_url" text;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "via_embed" boolean DEFAULT false NOT NULL;