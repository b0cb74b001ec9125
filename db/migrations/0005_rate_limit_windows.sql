CREATE TABLE "rate_limit_windows" (
	"subject" "count_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"ip_address" "inet" NOT NULL,
	"window_seconds" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_subject_subject_id_ip_address_window_seconds_window_start_pk" PRIMARY KEY("subject","subject_id","ip_address","window_seconds","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_windows_start" ON "rate_limit_windows" USING btree ("window_start");