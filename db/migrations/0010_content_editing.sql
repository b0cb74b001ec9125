ALTER TABLE "pledges" ADD COLUMN "closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pledge_commitments" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "impact_figures" ADD CONSTRAINT "impact_figures_attributed" CHECK (btrim("impact_figures"."unit") <> '' and btrim("impact_figures"."counts") <> '' and btrim("impact_figures"."period") <> ''
        and btrim("impact_figures"."reported_by") <> '' and btrim("impact_figures"."reported_in") <> '');