ALTER TABLE "messages" ADD COLUMN "triage_failed_rounds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "triage_failed_at" timestamp with time zone;