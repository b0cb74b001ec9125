CREATE TYPE "public"."rejection_category" AS ENUM('review', 'network', 'email-domain', 'burst');--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "rejection_category" "rejection_category";--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD COLUMN "rejection_category" "rejection_category";