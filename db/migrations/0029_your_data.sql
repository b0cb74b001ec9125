CREATE TABLE "your_data_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email_canonical" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "your_data_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "your_data_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_hash" text NOT NULL,
	"email_canonical" text NOT NULL,
	"link_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "your_data_sessions_id_hash_unique" UNIQUE("id_hash")
);
--> statement-breakpoint
CREATE INDEX "your_data_links_email_created" ON "your_data_links" USING btree ("email_canonical","created_at");--> statement-breakpoint
CREATE INDEX "your_data_sessions_email" ON "your_data_sessions" USING btree ("email_canonical");