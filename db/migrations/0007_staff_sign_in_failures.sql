CREATE TABLE "staff_sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "staff_sign_in_failures_email_at" ON "staff_sign_in_failures" USING btree ("email","failed_at");