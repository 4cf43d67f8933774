ALTER TABLE "alerts" ADD COLUMN "escalation_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalation_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalation_error" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "person_told_unreached_at" timestamp with time zone;