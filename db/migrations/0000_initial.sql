CREATE TYPE "public"."count_subject" AS ENUM('petition', 'pledge', 'commitment');--> statement-breakpoint
CREATE TYPE "public"."figure_notation" AS ENUM('standard', 'compact');--> statement-breakpoint
CREATE TYPE "public"."reporting_method" AS ENUM('self-reported', 'independently audited', 'official statistics');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('viewer', 'editor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."support_state" AS ENUM('pending', 'verified', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('confirm-signature', 'withdraw-signature', 'confirm-pledge', 'withdraw-pledge', 'fulfil-commitment');--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"headline" text NOT NULL,
	"summary" text NOT NULL,
	"cause_name" text NOT NULL,
	"cause_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "impact_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"value" bigint NOT NULL,
	"is_lower_bound" boolean DEFAULT false NOT NULL,
	"notation" "figure_notation" DEFAULT 'standard' NOT NULL,
	"unit" text NOT NULL,
	"counts" text NOT NULL,
	"period" text NOT NULL,
	"reported_by" text NOT NULL,
	"reported_in" text NOT NULL,
	"quoted_by" text,
	"source_url" text,
	"method" "reporting_method" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_figures_campaign_slug" UNIQUE("campaign_id","slug")
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"target" text NOT NULL,
	"ask" text NOT NULL,
	"background" text NOT NULL,
	"goal" integer,
	"is_open" boolean DEFAULT true NOT NULL,
	"closes_at" timestamp with time zone,
	"requires_confirmation" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"statement" text NOT NULL,
	"background" text NOT NULL,
	"goal" integer,
	"is_open" boolean DEFAULT true NOT NULL,
	"requires_confirmation" boolean DEFAULT true NOT NULL,
	"follow_up_after_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "pledge_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pledge_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"threshold" integer,
	"activated_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_commitments_pledge_slug" UNIQUE("pledge_id","slug")
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" "support_state" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"first_name" text,
	"last_name" text,
	"email" text,
	"email_canonical" text,
	"country" text,
	"postal_code" text,
	"locality" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"privacy_accepted_at" timestamp with time zone NOT NULL,
	"wants_updates" boolean DEFAULT false NOT NULL,
	"wants_updates_at" timestamp with time zone,
	"source" text,
	"referral_code" text NOT NULL,
	"referred_by" text,
	"ip_address" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"petition_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_takers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" "support_state" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"first_name" text,
	"last_name" text,
	"email" text,
	"email_canonical" text,
	"country" text,
	"postal_code" text,
	"locality" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"privacy_accepted_at" timestamp with time zone NOT NULL,
	"wants_updates" boolean DEFAULT false NOT NULL,
	"wants_updates_at" timestamp with time zone,
	"source" text,
	"referral_code" text NOT NULL,
	"referred_by" text,
	"ip_address" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pledge_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_taker_commitments" (
	"taker_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"follow_up_sent_at" timestamp with time zone,
	"activation_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_taker_commitments_taker_id_commitment_id_pk" PRIMARY KEY("taker_id","commitment_id")
);
--> statement-breakpoint
CREATE TABLE "action_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"subject_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "count_slots" (
	"subject" "count_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"state" "support_state" NOT NULL,
	"slot" smallint NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "count_slots_subject_subject_id_state_slot_pk" PRIMARY KEY("subject","subject_id","state","slot")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" "staff_role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"row_count" integer,
	"ip_address" "inet"
);
--> statement-breakpoint
ALTER TABLE "impact_figures" ADD CONSTRAINT "impact_figures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_commitments" ADD CONSTRAINT "pledge_commitments_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_takers" ADD CONSTRAINT "pledge_takers_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_taker_commitments" ADD CONSTRAINT "pledge_taker_commitments_taker_id_pledge_takers_id_fk" FOREIGN KEY ("taker_id") REFERENCES "public"."pledge_takers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_taker_commitments" ADD CONSTRAINT "pledge_taker_commitments_commitment_id_pledge_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."pledge_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_petition_email" ON "signatures" USING btree ("petition_id","email_canonical");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_referral_code" ON "signatures" USING btree ("referral_code");--> statement-breakpoint
CREATE INDEX "signatures_petition_state_created" ON "signatures" USING btree ("petition_id","state","created_at");--> statement-breakpoint
CREATE INDEX "signatures_petition_ip_created" ON "signatures" USING btree ("petition_id","ip_address","created_at") WHERE "signatures"."ip_address" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_takers_pledge_email" ON "pledge_takers" USING btree ("pledge_id","email_canonical");--> statement-breakpoint
CREATE UNIQUE INDEX "pledge_takers_referral_code" ON "pledge_takers" USING btree ("referral_code");--> statement-breakpoint
CREATE INDEX "pledge_takers_pledge_state_created" ON "pledge_takers" USING btree ("pledge_id","state","created_at");--> statement-breakpoint
CREATE INDEX "pledge_takers_pledge_ip_created" ON "pledge_takers" USING btree ("pledge_id","ip_address","created_at") WHERE "pledge_takers"."ip_address" is not null;--> statement-breakpoint
CREATE INDEX "pledge_taker_commitments_commitment" ON "pledge_taker_commitments" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "action_tokens_subject" ON "action_tokens" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_unsent" ON "outbox_messages" USING btree ("send_after") WHERE "outbox_messages"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at" ON "audit_log" USING btree ("actor_id","at");