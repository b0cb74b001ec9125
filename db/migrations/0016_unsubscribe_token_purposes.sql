ALTER TYPE "public"."token_purpose" ADD VALUE 'unsubscribe-signature';--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'unsubscribe-pledge';