CREATE TABLE "delivery_pack_chunks" (
	"pack_id" uuid NOT NULL,
	"file" text NOT NULL,
	"attempt" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "delivery_pack_chunks_pack_id_file_attempt_seq_pk" PRIMARY KEY("pack_id","file","attempt","seq")
);
--> statement-breakpoint
CREATE TABLE "delivery_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"split" text NOT NULL,
	"includes_comments" boolean NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"page_count" integer,
	"pdf_bytes" integer,
	"csv_bytes" integer,
	"attempt" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"made_by_id" text,
	"made_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "delivery_pack_chunks" ADD CONSTRAINT "delivery_pack_chunks_pack_id_delivery_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."delivery_packs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_packs" ADD CONSTRAINT "delivery_packs_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_packs" ADD CONSTRAINT "delivery_packs_made_by_id_users_id_fk" FOREIGN KEY ("made_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_packs_unfinished" ON "delivery_packs" USING btree ("created_at") WHERE "delivery_packs"."state" in ('queued', 'making');--> statement-breakpoint
CREATE INDEX "delivery_packs_created" ON "delivery_packs" USING btree ("created_at");